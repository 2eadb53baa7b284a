"""Integrity of data/acled_regions.tsv and its agreement with ACLED's own export."""

from __future__ import annotations

import csv
import unicodedata

import pytest

from conftest import shared_path
from frontwatch.export.regions import ACLED_REGIONS, load_countries, lookup_country


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def test_export_regions_file_integrity() -> None:
    countries = load_countries()
    assert len(countries) > 200
    codes = [c.iso2 for c in countries]
    assert len(codes) == len(set(codes))
    names = [c.name.casefold() for c in countries]
    assert len(names) == len(set(names))
    assert {c.region for c in countries} <= ACLED_REGIONS
    numeric = [c.iso_numeric for c in countries if c.iso_numeric]
    assert len(numeric) == len(set(numeric))


@pytest.mark.parametrize(
    ("code", "name", "expected_name", "region"),
    [
        ("SY", None, "Syria", "Middle East"),
        ("sy", None, "Syria", "Middle East"),
        (None, "Palestinian Territory", "Palestine", "Middle East"),
        (None, "democratic republic of the congo", "Democratic Republic of Congo", "Middle Africa"),
        ("AF", "Afghanistan", "Afghanistan", "Caucasus and Central Asia"),
        ("ZZ", "Ivory Coast", "Ivory Coast", "Western Africa"),
    ],
)
def test_export_regions_lookup(
    code: str | None, name: str | None, expected_name: str, region: str
) -> None:
    found = lookup_country(code, name)
    assert found is not None
    assert (found.name, found.region) == (expected_name, region)


def test_export_regions_lookup_unknown() -> None:
    assert lookup_country("ZZ", "Atlantis") is None
    assert lookup_country(None, None) is None


def test_export_regions_agree_with_eval_export() -> None:
    # Every country ACLED coded in the eval period resolves, by its ACLED
    # name, to the region ACLED gave it.
    path = shared_path("eval", "acled", "dev.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        pairs = {(r["country"], r["region"]) for r in csv.DictReader(handle) if r["country"]}
    assert len(pairs) > 50
    mismatched = []
    for country, region in sorted(pairs):
        found = lookup_country(None, country) or lookup_country(None, _fold(country))
        if found is None or (found.name, found.region) != (country, region):
            mismatched.append((country, region, found))
    assert mismatched == []
