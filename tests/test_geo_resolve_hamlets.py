"""Small towns abroad in an article whose other words point elsewhere: they
neither outvote the article's country nor get taken for its local places."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.resolve_context import Candidates, Focus, country_focus
from frontwatch.geo.resolve_rank import plausible
from frontwatch.geo.toponyms import ADMIN1, POPULATED_PLACE, ToponymMention, find_toponyms


def entry(
    name: str,
    country: str,
    latitude: float,
    longitude: float,
    *,
    population: int = 1_000,
    feature: str = POPULATED_PLACE,
) -> GazetteerEntry:
    return GazetteerEntry(
        geonameid=None,
        name=name,
        latitude=latitude,
        longitude=longitude,
        feature=feature,
        country_code=country,
        country=country,
        admin1=name if feature == ADMIN1 else "Somewhere",
        population=population,
    )


def focus_of(text: str, toponyms: dict[str, tuple[GazetteerEntry, ...]]) -> list[Focus]:
    mentions = [
        ToponymMention(name, text.index(name), text.index(name) + len(name)) for name in toponyms
    ]
    found = [Candidates(entries, loose=False) for entries in toponyms.values()]
    return country_focus(mentions, found, text, None)


# A region of country AA (big), a hamlet that exists only in BB far away, and
# a hamlet that exists only in AA near the region's seat.
REGION = entry("Ostria", "AA", 48.0, 37.8, population=4_000_000, feature=ADMIN1)
HAMLET_ABROAD = entry("Velka", "BB", 59.0, 57.6)
HAMLET_AT_HOME = entry("Dolna", "AA", 48.2, 37.5)
OTHER_HAMLET_ABROAD = entry("Zorna", "CC", 10.0, 10.0)


def test_geo_resolve_hamlets_unsupported_hamlet_does_not_vote() -> None:
    text = "Shots were heard around Velka and Dolna, Ostria."
    toponyms = {
        "Velka": (HAMLET_ABROAD,),
        "Dolna": (HAMLET_AT_HOME,),
        "Ostria": (REGION,),
    }
    dolna = focus_of(text, toponyms)[1]
    assert "BB" not in dolna.shares
    assert dolna.strong_countries == frozenset({"AA"})


def test_geo_resolve_hamlets_hamlet_near_another_place_still_votes() -> None:
    # A hamlet of BB close to a candidate of another name (the BB namesake of
    # a big AA city) is supported by it, although the big city outvotes it.
    city = entry("Lindon", "AA", 51.5, -0.1, population=8_000_000)
    namesake = entry("Lindon", "BB", 43.0, -81.2, population=300_000)
    hamlet = entry("Tomasville", "BB", 42.8, -81.2, population=30_000)
    text = "The fair moved from Tomasville to Lindon."
    focus = focus_of(text, {"Tomasville": (hamlet,), "Lindon": (city, namesake)})
    assert "BB" in focus[1].strong_countries


def test_geo_resolve_hamlets_hamlets_alone_do_not_rule_each_other_out() -> None:
    # Two hamlets of two countries and nothing else: neither is clear
    # evidence against the other, so both stay plausible.
    text = "Herders walked from Velka to Zorna."
    mentions = [ToponymMention("Velka", 20, 25), ToponymMention("Zorna", 29, 34)]
    focus = focus_of(text, {"Velka": (HAMLET_ABROAD,), "Zorna": (OTHER_HAMLET_ABROAD,)})
    assert plausible(mentions[0], HAMLET_ABROAD, focus[0])
    assert plausible(mentions[1], OTHER_HAMLET_ABROAD, focus[1])


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # A region of two other countries: the hamlet is in neither.
        (
            (
                entry("Nordia", "AA", 6.0, 10.1, population=800_000, feature=ADMIN1),
                entry("Nordia", "DD", 19.9, -72.6, population=400_000, feature=ADMIN1),
            ),
            False,
        ),
        # A region of many countries says too little to rule it out.
        (
            tuple(
                entry("Centra", code, 10.0 + i, 10.0, population=900_000, feature=ADMIN1)
                for i, code in enumerate(("AA", "DD", "EE", "FF", "GG"))
            ),
            True,
        ),
    ],
)
def test_geo_resolve_hamlets_hamlet_against_other_toponyms(
    other: tuple[GazetteerEntry, ...], expected: bool
) -> None:
    text = "A shop was looted in Velka village (Nordia)."
    mention = ToponymMention("Velka", text.index("Velka"), text.index("Velka") + 5)
    focus = focus_of(text, {"Velka": (HAMLET_ABROAD,), "Nordia": other})[0]
    assert plausible(mention, HAMLET_ABROAD, focus) is expected


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


@pytest.mark.parametrize(
    ("text", "name", "country", "elsewhere"),
    [
        # Shakhta is only a hamlet in Russia's Perm region (and Gagarina a
        # Russian town's other name); beside Donetsk they are a mine village
        # the gazetteer lacks.
        (
            "Shells landed around Shakhta imeni Gagarina, Donetsk, after dark.",
            "Shakhta",
            "UA",
            "RU",
        ),
        # Hamza is only a town in Uzbekistan; beside Tripoli it is a camp there.
        ("Gunmen stormed Hamza Camp on the edge of Tripoli.", "Hamza Camp", "LY", "UZ"),
        # Chore is a district of Paraguay; in Uruzgan, Chora is Afghan.
        (
            "Fighting spread to Chora district as Tarinkot, Urozgan, stayed calm.",
            "Chora",
            "AF",
            "PY",
        ),
    ],
)
def test_geo_resolve_hamlets_local_name_is_not_a_hamlet_abroad(
    resolver: PlaceResolver, text: str, name: str, country: str, elsewhere: str
) -> None:
    entities = []
    for found in (name, "Gagarina", "Donetsk", "Tripoli", "Tarinkot", "Urozgan"):
        if found in text:
            start = text.index(found)
            entities.append((start, start + len(found), "GPE"))
    mentions = find_toponyms(text, entities, resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text)
    by_name = {m.text: p for m, p in zip(mentions, places, strict=True)}
    assert by_name[name] is None or by_name[name].country_code != elsewhere
    assert any(p is not None and p.country_code == country for p in places)
