"""Building, opening and querying the on-disk gazetteer index, on small
GeoNames-shaped files made here (the full build is exercised elsewhere)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontwatch.errors import GazetteerError
from frontwatch.geo.gazetteer import Gazetteer, default_index_path
from frontwatch.geo.gazetteer_build import SCHEMA_VERSION
from samples_gazetteer import small_sources


@pytest.fixture()
def small(tmp_path: Path) -> Iterator[Gazetteer]:
    gazetteer = Gazetteer.open(tmp_path / "index.sqlite", sources=small_sources(tmp_path))
    yield gazetteer
    gazetteer.close()


def test_geo_gazetteer_index_lookup_by_any_name(small: Gazetteer) -> None:
    for written in ("al-Sukhna", "Soukhne", "AS SUKHNAH"):
        (entry,) = small.lookup(written)
        assert entry.name == "As Sukhnah"
        assert entry.admin1 == "Homs"
        assert entry.country == "Syria"
        assert entry.feature == "populated place"
        assert entry.latitude == pytest.approx(34.88533)


@pytest.mark.parametrize("alternate", ["alskhnt", "SKH", "السخنة"])
def test_geo_gazetteer_index_skips_codes_and_machine_romanisations(
    small: Gazetteer, alternate: str
) -> None:
    assert small.lookup(alternate) == []


def test_geo_gazetteer_index_admin1_and_city_share_a_name(small: Gazetteer) -> None:
    features = sorted(entry.feature for entry in small.lookup("Homs"))
    assert features == ["admin1", "populated place"]
    region = small.admin1("SY", "Hims")
    assert region is not None
    assert region.name == "Homs"
    # The region stands at its biggest town and counts its population.
    assert (region.latitude, region.longitude) == pytest.approx((34.72682, 36.72339))
    assert region.population == 775404


def test_geo_gazetteer_index_overrides_rename_admin1(small: Gazetteer) -> None:
    region = small.admin1("sy", "Dimashq")
    assert region is not None
    assert region.name == "Damascus"
    assert small.admin1("LB", "Dimashq") is None


def test_geo_gazetteer_index_countries(small: Gazetteer) -> None:
    by_code = small.country("SY")
    assert by_code is not None
    assert by_code.feature == "country"
    assert by_code.geonameid == 163843
    # A country stands at its capital.
    assert (by_code.latitude, by_code.longitude) == pytest.approx((33.5102, 36.29128))
    assert small.country("Syrian Arab Republic") == by_code
    lebanon = small.country("Lebanon")
    assert lebanon is not None
    assert lebanon.name == "Lebanon"
    # No populated place stands for Antarctica in these sources.
    assert small.country("AQ") is None
    assert small.country("Atlantis") is None


def test_geo_gazetteer_index_reopen_does_not_rebuild(tmp_path: Path) -> None:
    sources = small_sources(tmp_path)
    path = tmp_path / "index.sqlite"
    Gazetteer.open(path, sources=sources).close()
    first = path.stat().st_mtime_ns
    with Gazetteer.open(path, sources=sources) as again:
        assert again.lookup("Homs")
    assert path.stat().st_mtime_ns == first
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_geo_gazetteer_index_rebuilds_on_other_schema_or_data(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    Gazetteer.open(path, sources=small_sources(tmp_path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with Gazetteer.open(path, sources=small_sources(tmp_path)) as rebuilt:
        assert rebuilt.lookup("Homs")
    with sqlite3.connect(path) as connection:
        (version,) = connection.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
    assert version == str(SCHEMA_VERSION)
    renamed = small_sources(tmp_path, admin1_overrides_text="SY\t13\tDamascus Gov\t\n")
    with Gazetteer.open(path, sources=renamed) as changed:
        region = changed.admin1("SY", "Dimashq")
        assert region is not None
        assert region.name == "Damascus Gov"


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, b""],
)
def test_geo_gazetteer_index_corrupt_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "index.sqlite"
    path.write_bytes(content)
    with pytest.raises(GazetteerError):
        Gazetteer.open(path, sources=small_sources(tmp_path))


def test_geo_gazetteer_index_unreadable_sources_are_an_error(tmp_path: Path) -> None:
    sources = small_sources(tmp_path)
    sources.cities_json.write_text("{ not json", encoding="utf-8")
    with pytest.raises(GazetteerError):
        Gazetteer.open(tmp_path / "index.sqlite", sources=sources)
    assert not (tmp_path / "index.sqlite").exists()


def test_geo_gazetteer_index_default_path_follows_frontwatch_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTWATCH_HOME", str(tmp_path / "home"))
    # The same file as the pipeline's (Settings.home / "gazetteer.sqlite").
    assert default_index_path() == tmp_path / "home" / "gazetteer.sqlite"
    monkeypatch.delenv("FRONTWATCH_HOME")
    assert default_index_path().parent == Path("~/.cache/frontwatch").expanduser()
