"""The packaged actor dictionary is well formed, and malformed data is refused."""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.actors.entries import GENERIC, NAMED, SOURCE, load_data, packaged_dir
from frontwatch.actors.patterns import fold
from frontwatch.errors import ConfigError

DATA = load_data()
COUNTRY_NAMES = {c.name for c in DATA.countries}
REQUIRED_KINDS = {
    "protesters",
    "rioters",
    "civilians",
    "unidentified_armed_group",
    "military",
    "police",
}


def test_actors_integrity_every_entry_has_name_and_inter() -> None:
    for entry in DATA.entries:
        assert entry.name.strip(), entry
        if entry.kind == SOURCE:
            assert entry.inter == 0 and entry.source_type in {
                "monitor",
                "media",
                "official",
                "international",
            }, entry
        else:
            assert 1 <= entry.inter <= 8, entry
        for period in entry.periods:
            assert 1 <= period.inter <= 8, entry


def test_actors_integrity_names_and_keys_unique() -> None:
    keys = [e.key for e in DATA.entries]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    # Templated names ("{military}") are unique per country; plain names are
    # unique unless two entries carry the same name for different roles.
    seen: dict[tuple[str, str | None], str] = {}
    for entry in DATA.entries:
        if entry.kind != NAMED:
            continue
        ident = (entry.name, entry.country if "{" in entry.name else None)
        if ident in seen:
            assert entry.ambiguous, f"{entry.name} repeated in {entry.origin} and {seen[ident]}"
        seen[ident] = entry.origin


def test_actors_integrity_aliases_unique_within_country_or_ambiguous() -> None:
    owners: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in DATA.entries:
        if entry.kind != NAMED:
            continue
        for alias in (*entry.aliases, *entry.aliases_cs):
            for place in entry.home or ("*",):
                owners[(fold(alias), place)].append(entry.key)
    clashes = []
    for (alias, place), keys in owners.items():
        entries = [DATA.entries[[e.key for e in DATA.entries].index(k)] for k in set(keys)]
        if len(entries) > 1 and not all(e.ambiguous for e in entries):
            clashes.append((alias, place, sorted(set(keys))))
    assert not clashes


def test_actors_integrity_dates_valid() -> None:
    for entry in DATA.entries:
        if entry.valid_from and entry.valid_to:
            assert entry.valid_from < entry.valid_to, entry.name
        for period in entry.periods:
            if period.start and period.end:
                assert period.start < period.end, entry.name
    for country in DATA.countries:
        regimes = country.regimes
        for earlier, later in itertools.pairwise(regimes):
            assert earlier.end is not None, f"{country.name}: only the last regime may be open"
            assert earlier.end <= later.start, f"{country.name}: {earlier.label} overlaps"
        for regime in regimes:
            assert regime.label.startswith(str(regime.start.year)), (country.name, regime)


def test_actors_integrity_references_exist() -> None:
    dictionary = ActorDictionary(DATA)
    for entry in DATA.entries:
        for place in (*entry.scope, *([entry.country] if entry.country else [])):
            assert place in COUNTRY_NAMES, (entry.name, place)
        for backer in entry.backers:
            assert backer in COUNTRY_NAMES, (entry.name, backer)
        for ally in entry.allies:
            assert dictionary.entry(ally) is not None, (entry.name, ally)
        for place, _ in entry.branches:
            assert place in COUNTRY_NAMES, (entry.name, place)
    for country in DATA.countries:
        for _, target in country.defaults:
            assert dictionary.entry(target) is not None, (country.name, target)
        assert country.within is None or country.within in COUNTRY_NAMES


def test_actors_integrity_conflicts_coalitions_umbrellas_resolve() -> None:
    dictionary = ActorDictionary(DATA)
    kinds = {e.generic_kind for e in DATA.entries if e.kind == GENERIC}
    for country in DATA.countries:
        for conflict in country.conflicts:
            for side in conflict.sides:
                assert dictionary.entry(side) is not None or side in kinds, (country.name, side)
    for entry in DATA.entries:
        if entry.coalition is not None:
            places = (*entry.coalition.members, *entry.coalition.operates_in)
            assert all(p in COUNTRY_NAMES for p in places), entry.name
        if entry.part_of is not None:
            assert dictionary.entry(entry.part_of) is not None, (entry.name, entry.part_of)


def test_actors_integrity_regions_are_admin1_of_the_country() -> None:
    """An entry's front regions name admin1 regions of its own country, as
    the gazetteer spells them (they count as regions the article names)."""
    from frontwatch.geo.gazetteer import Gazetteer

    with Gazetteer.open() as gazetteer:
        for entry in DATA.entries:
            if not entry.regions:
                continue
            assert entry.country, f"{entry.name}: regions without a country"
            country = gazetteer.country(entry.country)
            assert country is not None, entry.name
            for region in entry.regions:
                assert gazetteer.admin1(country.country_code, region) is not None, (
                    f"{entry.name}: {region!r} is no admin1 of {entry.country}"
                )
    assert any(entry.regions for entry in DATA.entries)


def test_actors_integrity_required_generic_kinds() -> None:
    kinds = {e.generic_kind for e in DATA.entries if e.kind == GENERIC}
    assert kinds >= REQUIRED_KINDS
    dictionary = ActorDictionary(DATA)
    for kind in sorted(REQUIRED_KINDS):
        assert "{" not in dictionary.generic(kind, "Kenya").name


def test_actors_integrity_state_forces_for_conflict_countries() -> None:
    for name in ("Syria", "Yemen", "Ukraine", "Russia", "Iraq", "Afghanistan", "Sudan", "Mali"):
        country = next(c for c in DATA.countries if c.name == name)
        assert country.regimes, name


def _copy_data(target: Path) -> None:
    for child in packaged_dir().iterdir():
        if child.name.endswith(".yaml"):
            (target / child.name).write_text(child.read_text(encoding="utf-8"), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "named_asia.yaml",
            "  inter: 2\n  country: Afghanistan",
            "  inter: 9\n  country: Afghanistan",
            "inter",
        ),
        ("countries.yaml", "from: 2000-07-17", "from: July 2000", "date"),
        ("countries.yaml", "sides: [military, naf]", "sides: [military]", "two sides"),
        (
            "named_middle_east.yaml",
            "    operates_in: [Yemen]\n",
            "    operates_in: []\n",
            "coalition needs",
        ),
        (
            "generic.yaml",
            "- kind: protesters\n",
            "- kind: protesters\n  ambiguous: maybe\n",
            "true or false",
        ),
        ("sources.yaml", "sources:\n", "sources: 3\nold:\n", "list"),
    ],
)
def test_actors_integrity_bad_data_refused(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    _copy_data(tmp_path)
    path = tmp_path / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        ActorDictionary.load(tmp_path)


def test_actors_integrity_missing_folder_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ActorDictionary.load(tmp_path / "absent")


def test_actors_integrity_edited_copy_is_used(tmp_path: Path) -> None:
    _copy_data(tmp_path)
    path = tmp_path / "named_asia.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '- name: "Test Brigade"\n  inter: 3\n  country: India\n  aliases: [Testers Brigade]\n',
        encoding="utf-8",
    )
    dictionary = ActorDictionary.load(tmp_path)
    mentions = dictionary.find("The Testers Brigade fired at a post.")
    assert [m.entry.name for m in mentions] == ["Test Brigade"]
