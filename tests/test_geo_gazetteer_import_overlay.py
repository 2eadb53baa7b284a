"""Importing into the gazetteer's imports file, on a small packaged index
made here: what lookups then find, idempotence, replacement, user files,
survival of rebuilds and of a change of the folding rules."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.geo.gazetteer import IMPORTS_ENV, Gazetteer
from frontwatch.geo.gazetteer_import import ImportReport, import_file, user_context
from frontwatch.geo.gazetteer_overlay import Overlay, overlay_path, stage_path
from samples_gazetteer import FIXTURES, geoname_line, small_sources, write_lines, write_zip


@pytest.fixture(autouse=True)
def _imports_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest switches a user's imports off for the other tests; these
    tests import into their own temporary home."""
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_IMPORTS", raising=False)

ImportInto = Callable[..., ImportReport]


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    path = tmp_path / "gazetteer.sqlite"
    Gazetteer.open(path, sources=small_sources(tmp_path)).close()
    return path


@pytest.fixture()
def do_import(index: Path) -> ImportInto:
    def run(path: Path, **options: object) -> ImportReport:
        with Overlay(overlay_path(index), packaged_index=index) as overlay:
            return import_file(path, overlay, user_context=user_context(overlay), **options)  # type: ignore[arg-type]

    return run


def _open(index: Path) -> Gazetteer:
    return Gazetteer.open(index, sources=small_sources(index.parent))


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as connection:
        names = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if row[0] != "import_log"
        ]
        return {name: sorted(connection.execute(f"SELECT * FROM {name}")) for name in names}


def _village(tmp_path: Path, name: str = "Kafr Nabudah", **fields: object) -> Path:
    line = geoname_line(9900001, name, 34.9, 36.9, admin1="11", **fields)  # type: ignore[arg-type]
    return write_lines(tmp_path / "SY.txt", [line])


def test_geo_gazetteer_import_overlay_village_found_with_admin1_and_country(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    with _open(index) as before:
        assert before.lookup("Kafr Nabudah") == []
    report = do_import(_village(tmp_path, alternates=["Kafr Naboudeh"]))
    assert (report.read, report.kept, report.added) == (1, 1, 1)
    with _open(index) as gazetteer:
        (entry,) = gazetteer.lookup("Kafr Naboudeh")
        assert (entry.geonameid, entry.name, entry.feature) == (
            9900001,
            "Kafr Nabudah",
            "populated place",
        )
        assert (entry.admin1, entry.country, entry.country_code) == ("Homs", "Syria", "SY")
        assert (entry.latitude, entry.longitude, entry.feature_code) == (34.9, 36.9, "PPL")
        assert gazetteer.lookup_loose("Kafr Nabuda") == [entry]


def test_geo_gazetteer_import_overlay_same_file_twice_changes_nothing(
    index: Path, do_import: ImportInto
) -> None:
    first = do_import(FIXTURES / "SY.txt")
    data = _tables(overlay_path(index))
    second = do_import(FIXTURES / "SY.txt")
    assert _tables(overlay_path(index)) == data
    assert (first.added, first.unchanged) == (7, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 7)
    with Overlay(overlay_path(index)) as overlay:
        assert [entry.file for entry in overlay.info().imports] == ["SY.txt"]


def test_geo_gazetteer_import_overlay_newer_row_replaces_and_old_names_go(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    do_import(_village(tmp_path, "Old Name", alternates=["Oldie"]))
    report = do_import(_village(tmp_path, "New Name", population=40))
    assert (report.added, report.updated) == (0, 1)
    with _open(index) as gazetteer:
        assert gazetteer.lookup("Oldie") == []
        assert gazetteer.lookup("Old Name") == []
        (entry,) = gazetteer.lookup("New Name")
        assert entry.population == 40


def test_geo_gazetteer_import_overlay_packaged_town_replaced_not_doubled(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    line = geoname_line(
        2, "Homs", 34.72682, 36.72339, admin1="11", population=800_000, feature_code="PPLA"
    )
    do_import(write_lines(tmp_path / "SY.txt", [line]))
    with _open(index) as gazetteer:
        towns = [e for e in gazetteer.lookup("Hims") if e.feature == "populated place"]
        assert [(e.geonameid, e.population, e.feature_code) for e in towns] == [
            (2, 800_000, "PPLA")
        ]


def test_geo_gazetteer_import_overlay_imported_region_adds_names_only(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    line = geoname_line(
        169575,
        "Homs Governorate",
        34.5,
        37.5,
        feature_class="A",
        feature_code="ADM1",
        admin1="11",
        alternates=["Muhafazat Hims"],
    )
    do_import(write_lines(tmp_path / "SY.txt", [line]))
    with _open(index) as gazetteer:
        (region,) = gazetteer.lookup("Muhafazat Hims")
        # The packaged unit, standing at its biggest town, not GeoNames' centroid.
        assert (region.name, region.feature) == ("Homs", "admin1")
        assert (region.latitude, region.longitude) == pytest.approx((34.72682, 36.72339))
        assert [e.feature for e in gazetteer.lookup("Homs")].count("admin1") == 1


def test_geo_gazetteer_import_overlay_alternate_names(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    do_import(_village(tmp_path))
    alternates = write_lines(
        tmp_path / "alternateNamesV2.txt",
        [
            "1\t9900001\ten\tKfar Nboudeh\t\t\t\t\t\t\n",
            "2\t1\ten\tSukhneh Oasis Town\t\t\t1\t\t\t\n",  # a packaged place
            "3\t777\ten\tNowhere Town\t\t\t\t\t\t\n",  # in neither
            "4\t1\tpost\t12345\t\t\t\t\t\t\n",
        ],
    )
    report = do_import(alternates)
    assert (report.read, report.kept, report.added) == (4, 2, 2)
    assert dict(report.skipped) == {
        "place not in the gazetteer (import it first)": 1,
        "postal code": 1,
    }
    with _open(index) as gazetteer:
        assert [e.geonameid for e in gazetteer.lookup("Kfar Nboudeh")] == [9900001]
        (sukhna,) = gazetteer.lookup("Sukhneh Oasis Town")
        assert (sukhna.name, sukhna.feature_code) == ("As Sukhnah", None)
        assert gazetteer.lookup("Nowhere Town") == []
    # The village's own row replaced later: its alternate name stays.
    do_import(_village(tmp_path, "Kafr Nabudeh"))
    with _open(index) as gazetteer:
        assert [e.name for e in gazetteer.lookup("Kfar Nboudeh")] == ["Kafr Nabudeh"]


def test_geo_gazetteer_import_overlay_admin1_codes_name_imported_places(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    codes = write_lines(
        tmp_path / "admin1CodesASCII.txt",
        ["LB.09\tNorth Governorate\tNorth Governorate\t1\n", "SY.11\tHims\tHims\t169575\n"],
    )
    assert do_import(codes).added == 2
    towns = [
        geoname_line(9900011, "Qalamoun", 34.39, 35.82, country_code="LB", admin1="09"),
        geoname_line(9900012, "Fairouzeh", 34.70, 36.76, admin1="11"),
    ]
    do_import(write_lines(tmp_path / "towns.txt", towns), fmt="geonames")
    with _open(index) as gazetteer:
        (qalamoun,) = gazetteer.lookup("Qalamoun")
        assert (qalamoun.admin1, qalamoun.country) == ("North Governorate", "Lebanon")
        # The packaged (curated) name wins over the imported one.
        (fairouzeh,) = gazetteer.lookup("Fairouzeh")
        assert fairouzeh.admin1 == "Homs"


def test_geo_gazetteer_import_overlay_user_places(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    places = tmp_path / "places.csv"
    shutil.copy(FIXTURES / "places.csv", places)
    report = do_import(places)
    assert (report.read, report.kept, report.added, report.bad) == (6, 3, 3, 3)
    assert [(bad.line, bad.message) for bad in report.bad_lines] == [
        (5, "latitude 91.0 is out of range"),
        (6, "country 'ZZ' is not an ISO alpha-2 code we know"),
        (7, "no name"),
    ]
    with _open(index) as gazetteer:
        (checkpoint,) = gazetteer.lookup("Sukkar checkpoint")
        assert (checkpoint.name, checkpoint.feature, checkpoint.geonameid) == (
            "Tal Sukkar Checkpoint",
            "other",
            None,
        )
        # "Hama" is no admin1 of the small index: kept as written.
        assert (checkpoint.admin1, checkpoint.country) == ("Hama", "Syria")
        (hill,) = gazetteer.lookup("Height 412")
        assert (hill.name, hill.feature_code) == ("Hill 412", "HLL")
    # The file is the truth for its places: a row taken out goes, but only
    # when every line was read (a bad line may be a mistyped place).
    lines = places.read_text(encoding="utf-8").splitlines()
    places.write_text("\n".join(line for line in lines if "Hill 412" not in line) + "\n")
    again = do_import(places)
    assert (again.unchanged, again.removed, again.bad) == (2, 0, 3)
    with _open(index) as gazetteer:
        assert gazetteer.lookup("Height 412")
    places.write_text("\n".join(lines[:2] + lines[3:4]) + "\n")
    clean = do_import(places)
    assert (clean.unchanged, clean.removed, clean.bad) == (2, 1, 0)
    with _open(index) as gazetteer:
        assert gazetteer.lookup("Height 412") == []
        assert gazetteer.lookup("Tal Sukkar")


def test_geo_gazetteer_import_overlay_bad_lines_reported_and_import_goes_on(
    index: Path, do_import: ImportInto, tmp_path: Path
) -> None:
    report = do_import(FIXTURES / "SY.txt")
    assert (report.read, report.kept, report.bad) == (11, 7, 2)
    assert dict(report.skipped) == {"feature class S not kept": 1, "historical place": 1}
    assert [(bad.line, bad.message) for bad in report.bad_lines] == [
        (6, "7 tab-separated columns, not 19"),
        (9, "latitude 'north' is not a number"),
    ]
    broken = tmp_path / "cities500.txt"
    good = geoname_line(9900020, "Tall Good", 35.0, 36.0)
    broken.write_bytes(b"\xff\xfe broken\n" + good.encode() + b"junk\n" * 60)
    report = do_import(broken)
    assert (report.read, report.kept, report.bad) == (62, 1, 61)
    assert report.bad_lines[0].line == 1
    assert report.bad_lines[0].message.startswith("not UTF-8")
    assert len(report.bad_lines) == 50  # only the first are kept


def test_geo_gazetteer_import_overlay_zips_and_progress(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    text = (FIXTURES / "SY.txt").read_text(encoding="utf-8")
    archive = write_zip(tmp_path / "SY.zip", {"readme.txt": "GeoNames", "SY.txt": text})
    seen: list[tuple[int, int]] = []
    report = do_import(archive, on_progress=lambda done, total: seen.append((done, total)))
    assert (report.format, report.kept) == ("geonames", 7)
    assert seen[-1] == (len(text.encode()), len(text.encode()))
    two = write_zip(tmp_path / "pair.zip", {"a.txt": text, "b.txt": text})
    with pytest.raises(InputError, match="which file"):
        do_import(two)
    fake = tmp_path / "LB.zip"
    fake.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(InputError, match="zip"):
        do_import(fake)
    # Damaged compressed data, met while reading.
    damaged = bytearray(archive.read_bytes())
    middle = damaged.index(b"SY.txt", 40) + 200  # inside SY.txt's compressed data
    damaged[middle : middle + 40] = bytes(40)
    broken = tmp_path / "damaged" / "SY.zip"
    broken.parent.mkdir()
    broken.write_bytes(bytes(damaged))
    with pytest.raises(InputError, match=r"stopped reading at \d+ bytes"):
        do_import(broken)


def test_geo_gazetteer_import_overlay_survives_a_rebuild(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    do_import(_village(tmp_path))
    changed = small_sources(tmp_path, admin1_overrides_text="SY\t11\tHoms Province\t\n")
    with Gazetteer.open(index, sources=changed) as rebuilt:
        (entry,) = rebuilt.lookup("Kafr Nabudah")
        assert entry.admin1 == "Homs Province"  # admin1 names are read at lookup time


def test_geo_gazetteer_import_overlay_rekeyed_after_folding_rules_change(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    do_import(_village(tmp_path, alternates=["Kafr Naboudeh"]))
    imports = overlay_path(index)
    with sqlite3.connect(imports) as connection:
        connection.execute("UPDATE meta SET value = 'older rules' WHERE key = 'keys'")
        connection.execute("UPDATE name_key SET key = 'stale ' || key")
    with _open(index) as gazetteer:
        assert [e.geonameid for e in gazetteer.lookup("Kafr Naboudeh")] == [9900001]
    with Overlay(imports) as overlay:
        info = overlay.info()
    assert info.keys_current
    assert info.pending_keys == 0
    assert stage_path(imports).exists()


def test_geo_gazetteer_import_overlay_unknown_format_is_an_error(
    tmp_path: Path, do_import: ImportInto
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("these are my notes\n", encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        do_import(junk)
    with pytest.raises(InputError, match=r"no such file|cannot read"):
        do_import(tmp_path / "missing.zip")


def test_geo_gazetteer_import_overlay_env_switches_imports_off_or_elsewhere(
    tmp_path: Path, index: Path, do_import: ImportInto, monkeypatch: pytest.MonkeyPatch
) -> None:
    do_import(_village(tmp_path))
    monkeypatch.setenv(IMPORTS_ENV, "none")
    with _open(index) as gazetteer:
        assert gazetteer.lookup("Kafr Nabudah") == []
        assert not gazetteer.imports
    elsewhere = tmp_path / "elsewhere.sqlite"
    shutil.copy(overlay_path(index), elsewhere)
    overlay_path(index).unlink()
    monkeypatch.setenv(IMPORTS_ENV, str(elsewhere))
    with _open(index) as gazetteer:
        assert [e.geonameid for e in gazetteer.lookup("Kafr Nabudah")] == [9900001]


def test_geo_gazetteer_import_overlay_common_name_of_many_places(
    tmp_path: Path, index: Path, do_import: ImportInto
) -> None:
    lines = [geoname_line(9_000_000 + n, "Ain", 34.0 + n / 1e4, 36.0) for n in range(1_200)]
    do_import(write_lines(tmp_path / "SY.txt", lines))
    with _open(index) as gazetteer:
        found = gazetteer.lookup("Ain")
    assert [entry.geonameid for entry in found] == [9_000_000 + n for n in range(1_200)]
