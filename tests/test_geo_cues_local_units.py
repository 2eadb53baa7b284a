"""Local units below the province, written after their seat's name, are
designators: the name is the unit's (an admin2 hint), not part of it."""

from __future__ import annotations

import pytest

from frontwatch.geo.cues import ADMIN2, cue_context, split_designator


@pytest.mark.parametrize(
    ("entity", "name", "word"),
    [
        ("Gwoza LGA", "Gwoza", "lga"),
        ("Konduga LGAs", "Konduga", "lgas"),
        ("Companiganj Upazila", "Companiganj", "upazila"),
        ("Kharian Tehsil", "Kharian", "tehsil"),
        ("Baramati taluka", "Baramati", "taluka"),
        ("Jarso woreda", "Jarso", "woreda"),
        ("Bamenda subdivision", "Bamenda", "subdivision"),
        ("Bududa sub-county", "Bududa", "sub-county"),
        ("Idlib province", "Idlib", "province"),
    ],
)
def test_geo_cues_local_units_split_from_the_name(entity: str, name: str, word: str) -> None:
    start, end, found = split_designator(entity, 0, len(entity))
    assert (entity[start:end], found) == (name, word)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided farms in Gwoza LGA on Sunday.",
        "Two shops burned in Companiganj upazila of Noakhali.",
        "A clash was reported in Jarso woreda.",
    ],
)
def test_geo_cues_local_units_after_a_name_ask_for_a_district(text: str) -> None:
    name = text.split(" in ")[1].split()[0]
    start = text.index(name)
    assert cue_context(text, start, start + len(name))[1] == ADMIN2


def test_geo_cues_local_units_ordinary_word_is_no_designator() -> None:
    entity = "Gwoza Market"
    assert split_designator(entity, 0, len(entity))[2] is None
