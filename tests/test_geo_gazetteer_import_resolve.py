"""Imported places reach the resolver through the lookup API it already uses:
a village the packaged data lacks is found with its admin1 and country, and
a village without population never outranks the city of the same name.

Uses the packaged index (built once in FRONTWATCH_HOME, like the other geo
tests) with imports written to a temporary file, never the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontwatch.geo.gazetteer import Gazetteer, default_index_path
from frontwatch.geo.gazetteer_import import import_file
from frontwatch.geo.gazetteer_overlay import Overlay
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.models import GEO_EXACT
from samples_gazetteer import FIXTURES, write_zip


@pytest.fixture(autouse=True)
def _imports_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest switches a user's imports off for the other tests; these
    tests import into their own temporary home."""
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_IMPORTS", raising=False)


@pytest.fixture(scope="module")
def imports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("imports")
    path = folder / "imports.sqlite"
    index = default_index_path()
    Gazetteer.open(index, imports=folder / "none.sqlite").close()  # built if needed
    archive = write_zip(
        folder / "SY.zip", {"SY.txt": (FIXTURES / "SY.txt").read_text(encoding="utf-8")}
    )
    with Overlay(path, packaged_index=index) as overlay:
        report = import_file(archive, overlay)
    assert report.kept == 7
    return path


@pytest.fixture(scope="module")
def gazetteer(imports: Path) -> Iterator[Gazetteer]:
    with Gazetteer.open(imports=imports) as opened:
        yield opened


def test_geo_gazetteer_import_resolve_village_the_packaged_data_lacks(
    gazetteer: Gazetteer, imports: Path
) -> None:
    with Gazetteer.open(imports=imports.parent / "none.sqlite") as packaged:
        assert packaged.lookup("Kafr Nabudah") == []
    (entry,) = gazetteer.lookup("Kafr Naboudeh")
    assert (entry.name, entry.admin1, entry.country, entry.country_code) == (
        "Kafr Nabudah",
        "Hama",
        "Syria",
        "SY",
    )
    place = PlaceResolver(gazetteer).resolve_name("Kafr Nabudah")
    assert place is not None
    assert (place.name, place.admin1, place.country, place.geonameid) == (
        "Kafr Nabudah",
        "Hama",
        "Syria",
        9900001,
    )
    assert (place.latitude, place.longitude, place.geo_precision) == (35.45722, 36.48056, GEO_EXACT)


def test_geo_gazetteer_import_resolve_in_an_article(gazetteer: Gazetteer) -> None:
    text = "Government aircraft struck Kafr Nabudah in the northern countryside of Hama."
    place = PlaceResolver(gazetteer).resolve_name("Kafr Nabudah", text=text)
    assert place is not None
    assert (place.admin1, place.country_code) == ("Hama", "SY")


@pytest.mark.parametrize("hint", [None, "SY"])
def test_geo_gazetteer_import_resolve_population_less_village_does_not_outrank_city(
    gazetteer: Gazetteer, hint: str | None
) -> None:
    homs = [e for e in gazetteer.lookup("Homs") if e.feature == "populated place"]
    assert {(e.admin1, e.population) for e in homs if e.country_code == "SY"} == {
        ("Homs", 775500),  # the city, as re-imported
        ("Tartous", 0),  # the fixture's village of the same name
    }
    place = PlaceResolver(gazetteer).resolve_name("Homs", country_hint=hint)
    assert place is not None
    assert (place.name, place.admin1, place.population) == ("Homs", "Homs", 775500)


def test_geo_gazetteer_import_resolve_other_features(gazetteer: Gazetteer) -> None:
    (base,) = gazetteer.lookup("Hama Air Base")
    assert (base.name, base.feature, base.feature_code, base.admin1) == (
        "Hama Military Airport",
        "other",
        "AIRB",
        "Hama",
    )
    assert gazetteer.lookup("Orontes Hotel") == []  # hotels are not kept
