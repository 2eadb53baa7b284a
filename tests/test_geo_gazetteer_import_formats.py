"""Reading the importable files: which format a file is, which GeoNames
features are kept as what, and how each kind of line is read or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.geo.gazetteer_build import (
    COORDINATE_SCALE,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_OTHER,
    FEATURE_PLACE,
)
from frontwatch.geo.gazetteer_import import detect_format, format_from_line, format_from_name
from frontwatch.geo.gazetteer_rows import (
    AlternateRecord,
    BadLineError,
    PlaceRecord,
    UserContext,
    classify_feature,
    columns_of,
    parse_admin1,
    parse_alternate,
    parse_geoname,
    parse_user_row,
    user_place_id,
)
from samples_gazetteer import geoname_line, write_zip


@pytest.fixture(autouse=True)
def _imports_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest switches a user's imports off for the other tests; these
    tests import into their own temporary home."""
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_IMPORTS", raising=False)

VILLAGE = geoname_line(
    9900001,
    "Kafr Nabudah",
    35.45722,
    36.48056,
    population=12,
    alternates=["Kafr Naboudeh", "kfr nbwdh", "KN", "كفر نبودة", "Kafr Naboudeh"],
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("allCountries.zip", "geonames"),
        ("allCountries.txt", "geonames"),
        ("SY.zip", "geonames"),
        ("sy.txt", "geonames"),
        ("cities500.zip", "geonames"),
        ("cities15000.txt", "geonames"),
        ("no-country.zip", "geonames"),
        ("admin1CodesASCII.txt", "admin1"),
        ("alternateNamesV2.zip", "alternates"),
        ("alternateNames.zip", "alternates"),
        ("my_places.csv", "places"),
        ("SY.csv", "places"),
        ("readme.txt", None),
        ("export.zip", None),
        ("SYR.zip", None),
    ],
)
def test_geo_gazetteer_import_format_from_name(name: str, expected: str | None) -> None:
    assert format_from_name(name) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (VILLAGE, "geonames"),
        ("SY.13\tDimashq\tDimashq\t170654\n", "admin1"),
        ("1\t9900001\ten\tKafr Naboudeh\t\t\t\t\t\t\n", "alternates"),
        ("1\t9900001\ten\tKafr Naboudeh\t\t\t\t\n", "alternates"),
        ("name,aliases,latitude,longitude,admin1,country,kind\n", "places"),
        ("\ufeffName,Latitude,Longitude,Country\n", "places"),
        ("name\tlatitude\tlongitude\tcountry\n", "places"),
        ("hello world\n", None),
        ("1\t2\t3\n", None),
    ],
)
def test_geo_gazetteer_import_format_from_first_line(line: str, expected: str | None) -> None:
    assert format_from_line(line) == expected


def test_geo_gazetteer_import_format_from_zip_member_or_content(tmp_path: Path) -> None:
    download = write_zip(tmp_path / "download.zip", {"readme.txt": "x", "SY.txt": VILLAGE})
    assert detect_format(download) == "geonames"
    codes = tmp_path / "codes.dat"
    codes.write_text("SY.13\tDimashq\tDimashq\t170654\n", encoding="utf-8")
    assert detect_format(codes) == "admin1"
    junk = tmp_path / "junk.dat"
    junk.write_text("nothing to see\n", encoding="utf-8")
    with pytest.raises(InputError, match="--format"):
        detect_format(junk)
    fake = tmp_path / "SY.zip"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match="zip"):
        detect_format(fake)


@pytest.mark.parametrize(
    ("feature_class", "code", "expected"),
    [
        ("P", "PPL", FEATURE_PLACE),
        ("P", "PPLA2", FEATURE_PLACE),
        ("P", "PPLX", FEATURE_PLACE),
        ("P", "PPLW", FEATURE_PLACE),
        ("P", "STLMT", FEATURE_PLACE),
        ("P", "PPLH", "historical place"),
        ("P", "PPLCH", "historical place"),
        ("A", "ADM1", FEATURE_ADMIN1),
        ("A", "ADM2", FEATURE_ADMIN2),
        ("A", "ADM3", FEATURE_OTHER),
        ("A", "PCLI", FEATURE_COUNTRY),
        ("A", "ADM1H", "historical division"),
        ("A", "ADM4", "other division"),
        ("S", "AIRP", FEATURE_OTHER),
        ("S", "AIRB", FEATURE_OTHER),
        ("L", "MILB", FEATURE_OTHER),
        ("S", "CMPRF", FEATURE_OTHER),
        ("S", "PSTB", FEATURE_OTHER),
        ("S", "DAM", FEATURE_OTHER),
        ("S", "BDG", FEATURE_OTHER),
        ("T", "HLL", FEATURE_OTHER),
        ("T", "MT", FEATURE_OTHER),
        ("T", "ISL", FEATURE_OTHER),
        ("H", "WAD", FEATURE_OTHER),
        ("L", "OAS", FEATURE_OTHER),
        ("S", "HTL", "feature class S not kept"),
        ("H", "STM", "feature class H not kept"),
        ("", "", "feature class ? not kept"),
    ],
)
def test_geo_gazetteer_import_feature_mapping(
    feature_class: str, code: str, expected: int | str
) -> None:
    assert classify_feature(feature_class, code) == expected


def test_geo_gazetteer_import_geoname_row_read() -> None:
    record = parse_geoname(VILLAGE, "SY.txt")
    assert isinstance(record, PlaceRecord)
    assert record.id == 9900001
    assert (record.lat, record.lon) == (
        round(35.45722 * COORDINATE_SCALE),
        round(36.48056 * COORDINATE_SCALE),
    )
    assert (record.feature, record.code, record.country_code) == (FEATURE_PLACE, "PPL", "SY")
    assert (record.admin1_code, record.population, record.source) == ("10", 12, "SY.txt")
    # Codes, machine romanisations and other scripts are no names; duplicates go.
    assert record.names == ("Kafr Nabudah", "Kafr Naboudeh")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("9900001\tKafr Nabudah\tKafr Nabudah\n", "3 tab-separated columns, not 19"),
        (VILLAGE.replace("35.45722", "north"), "latitude 'north' is not a number"),
        (VILLAGE.replace("35.45722", "95.00000"), "latitude 95.0 is out of range"),
        (VILLAGE.replace("36.48056", "-181.00000"), "longitude -181.0 is out of range"),
        (VILLAGE.replace("9900001", "x99"), "geonameid 'x99' is not a whole number"),
        (VILLAGE.replace("Kafr Nabudah\t", " \t", 1), "no name"),
        (VILLAGE.replace("\t12\t", "\tmany\t"), "population 'many' is not a whole number"),
    ],
)
def test_geo_gazetteer_import_geoname_bad_lines(line: str, message: str) -> None:
    with pytest.raises(BadLineError, match=message):
        parse_geoname(line, "SY.txt")


def test_geo_gazetteer_import_geoname_without_country_is_skipped() -> None:
    line = geoname_line(9900009, "Sea Mount", 35.0, 35.0, country_code="", feature_class="T")
    assert parse_geoname(line.replace("\tPPL\t", "\tMT\t"), "x") == "no country"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (("en", "Kafr Naboudeh", "", ""), AlternateRecord(1, 9900001, "Kafr Naboudeh")),
        (("", "Kafr Naboudeh", "1", ""), AlternateRecord(1, 9900001, "Kafr Naboudeh")),
        (("en", "Artemivsk", "", "2016"), AlternateRecord(1, 9900001, "Artemivsk")),
        (("en", "Old Emesa", "", "0300"), "historic name (out of use before 1990)"),
        (("link", "https://example.org/wiki/Kafr", "", ""), "link"),
        (("post", "12345", "", ""), "postal code"),
        (("abbr", "KN", "", ""), "abbreviation"),
        (("iata", "KNB", "", ""), "code"),
        (("wkdt", "Q123", "", ""), "code"),
        (("ar", "كفر نبودة", "", ""), "not a Latin-script name"),
        (("en", "kfr nbwdh", "", ""), "not a Latin-script name"),
    ],
)
def test_geo_gazetteer_import_alternate_names_kept_or_skipped(
    fields: tuple[str, str, str, str], expected: AlternateRecord | str
) -> None:
    language, name, colloquial, until = fields
    historic = "1" if until else ""
    line = f"1\t9900001\t{language}\t{name}\t\t\t{colloquial}\t{historic}\t\t{until}\n"
    assert parse_alternate(line) == expected


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("1\t2\ten\n", "3 tab-separated columns"),
        ("x\t2\ten\tName\t\t\t\t\t\t\n", "alternateNameId 'x'"),
        ("1\ty\ten\tName\t\t\t\t\t\t\n", "geonameid 'y'"),
    ],
)
def test_geo_gazetteer_import_alternate_bad_lines(line: str, message: str) -> None:
    with pytest.raises(BadLineError, match=message):
        parse_alternate(line)


def test_geo_gazetteer_import_admin1_codes_read() -> None:
    record = parse_admin1("SY.10\tHama\tHama\t170015\n")
    assert (record.country_code, record.code, record.name, record.geonameid) == (
        "SY",
        "10",
        "Hama",
        170015,
    )
    for line in ("SY10\tHama\tHama\t1\n", "SY.10\t\t\t1\n", "SY.10\tHama\n"):
        with pytest.raises(BadLineError):
            parse_admin1(line)


CONTEXT = UserContext(
    countries=frozenset({"SY", "LB"}),
    admin1_codes=frozenset({("SY", "10"), ("SY", "11")}),
    admin1_by_name={("SY", "hama"): "10"},
)
COLUMNS = columns_of(
    ["Name", "Aliases", "Lat", "Longitude", "admin1", "Country", "kind", "population"], "x"
)


def _user(**cells: str) -> list[str]:
    row = {
        "name": "Hill 412",
        "aliases": "",
        "latitude": "35.4",
        "longitude": "36.5",
        "admin1": "",
        "country": "SY",
        "kind": "hill",
        "population": "",
    }
    row.update(cells)
    return list(row.values())


@pytest.mark.parametrize(
    ("kind", "feature", "code"),
    [
        ("village", FEATURE_PLACE, "PPL"),
        ("Town", FEATURE_PLACE, "PPL"),
        ("", FEATURE_PLACE, None),
        ("District", FEATURE_ADMIN2, "ADM2"),
        ("province", FEATURE_ADMIN1, "ADM1"),
        ("hill", FEATURE_OTHER, "HLL"),
        ("refugee  camp", FEATURE_OTHER, "CMPRF"),
        ("checkpoint", FEATURE_OTHER, None),
        ("quarry", FEATURE_OTHER, None),
    ],
)
def test_geo_gazetteer_import_user_kinds(kind: str, feature: int, code: str | None) -> None:
    record = parse_user_row(_user(kind=kind), COLUMNS, CONTEXT, "places.csv")
    assert (record.feature, record.code) == (feature, code)


@pytest.mark.parametrize(
    ("admin1", "code", "written"),
    [
        ("10", "10", None),
        ("Hama", "10", None),
        ("HAMA", "10", None),
        ("Jabal Area", None, "Jabal Area"),
    ],
)
def test_geo_gazetteer_import_user_admin1_by_code_or_name(
    admin1: str, code: str | None, written: str | None
) -> None:
    record = parse_user_row(_user(admin1=admin1), COLUMNS, CONTEXT, "places.csv")
    assert (record.admin1_code, record.admin1_name) == (code, written)


def test_geo_gazetteer_import_user_row_names_and_id() -> None:
    row = _user(aliases="Tall 412; Height 412|Tall 412", population="1,200")
    record = parse_user_row(row, COLUMNS, CONTEXT, "places.csv")
    assert record.names == ("Hill 412", "Tall 412", "Height 412")
    assert record.population == 1200
    assert record.id < 0
    assert record.id == user_place_id("SY", FEATURE_OTHER, "hill 412")
    assert record.id != user_place_id("SY", FEATURE_OTHER, "Hill 413")
    assert record.id != user_place_id("LB", FEATURE_OTHER, "Hill 412")


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"name": ""}, "no name"),
        ({"country": "ZZ"}, "country 'ZZ'"),
        ({"country": "Syria"}, "country 'Syria'"),
        ({"latitude": ""}, "latitude '' is not a number"),
        ({"longitude": "200"}, "longitude 200.0 is out of range"),
    ],
)
def test_geo_gazetteer_import_user_bad_rows(cells: dict[str, str], message: str) -> None:
    with pytest.raises(BadLineError, match=message):
        parse_user_row(_user(**cells), COLUMNS, CONTEXT, "places.csv")


def test_geo_gazetteer_import_user_header_needs_coordinates() -> None:
    with pytest.raises(InputError, match="latitude"):
        columns_of(["name", "lon", "country"], "places.csv")
