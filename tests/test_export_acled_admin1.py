"""ACLED-format exports write admin1 regions under ACLED's names
(data/acled_admin1.tsv); everything else keeps frontwatch's names."""

from __future__ import annotations

import dataclasses

import pytest

from frontwatch.export.formats import acled_record, event_record
from frontwatch.export.regions import acled_admin1, load_admin1_spellings
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.gazetteer_build import parse_admin1
from frontwatch.models import Place
from samples_events import battle_article, battle_event


def test_export_acled_admin1_file_integrity() -> None:
    regions = parse_admin1(read_data_text("admin1.tsv"), read_data_text("admin1_overrides.tsv"))
    names = {(names.country_code, names.name) for names in regions.values()}
    rows = load_admin1_spellings()
    assert rows
    for row in rows:
        # Each row renames a region frontwatch really writes, to another name.
        assert (row.iso2, row.admin1) in names, row
        assert row.acled_admin1 != row.admin1


@pytest.mark.parametrize(
    ("country", "admin1", "location", "expected"),
    [
        ("UA", "Kyiv City", "Kyiv", "Kiev City"),
        ("UA", "Odesa", "Izmail", "Odessa"),
        ("UA", "Donetsk", "Avdiivka", "Donetsk"),
        ("RS", "Central Serbia", "Belgrade", "Belgrade"),
        ("RS", "Central Serbia", "Nis", "Central Serbia"),
        ("MX", "Mexico City", None, "Distrito Federal"),
        (None, "Kyiv City", "Kyiv", "Kyiv City"),
        ("UA", None, "Kyiv", None),
    ],
)
def test_export_acled_admin1_spelling(
    country: str | None, admin1: str | None, location: str | None, expected: str | None
) -> None:
    assert acled_admin1(country, admin1, location) == expected


def test_export_acled_admin1_only_in_acled_fields() -> None:
    event = battle_event(battle_article())
    place = Place(
        name="Kyiv",
        latitude=50.45,
        longitude=30.52,
        country="Ukraine",
        country_code="UA",
        admin1="Kyiv City",
    )
    event = dataclasses.replace(event, place=place)
    assert acled_record(event)["admin1"] == "Kiev City"
    record = event_record(event)
    assert record["admin1"] == "Kiev City"
    assert event.place is not None and event.place.admin1 == "Kyiv City"
