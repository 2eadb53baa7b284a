"""Admin1 regions carry the names ACLED codes them by, and their common
abbreviations lead to them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


@pytest.mark.parametrize(
    ("country", "written", "name"),
    [
        ("PE", "Municipalidad Metropolitana de Lima", "Lima Province"),
        ("PE", "Lima Province", "Lima Province"),
        ("PK", "Azad Kashmir", "Azad Jammu and Kashmir"),
        ("PK", "AJK", "Azad Jammu and Kashmir"),
        ("PK", "KPK", "Khyber Pakhtunkhwa"),
        ("PK", "NWFP", "Khyber Pakhtunkhwa"),
    ],
)
def test_geo_admin1_acled_names_region_named_as_acled_codes_it(
    gazetteer: Gazetteer, country: str, written: str, name: str
) -> None:
    region = gazetteer.admin1(country, written)
    assert region is not None and region.name == name


def test_geo_admin1_acled_names_capital_lies_in_the_renamed_region(gazetteer: Gazetteer) -> None:
    towns = [
        e
        for e in gazetteer.lookup("Lima")
        if e.country_code == "PE" and e.feature == "populated place" and e.population > 1_000_000
    ]
    assert towns and all(town.admin1 == "Lima Province" for town in towns)
