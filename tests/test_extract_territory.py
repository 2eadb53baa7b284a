"""What a territorial word took: ground, people, a building, goods or
weapons. Sentences written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.extract.territory import (
    LOOTING,
    TERRITORY,
    VIOLENCE,
    WEAPONS_SEIZED,
    territory_reading,
)


@pytest.mark.parametrize(
    ("sentence", "trigger", "passive", "reading"),
    [
        ("Rebels seized the town of Gao after heavy fighting.", "seized", False, TERRITORY),
        ("Troops have retaken a string of villages from the militants.", "retaken", False,
         TERRITORY),
        ("The army seized about 1,5 tons of cannabis on the highway.", "seized", False, LOOTING),
        ("Gunmen seized a farmer's land and his cattle.", "seized", False, LOOTING),
        ("Police seized 20 kg of TNT and two rifles.", "seized", False, WEAPONS_SEIZED),
        ("Troops captured two rebel commanders near the river.", "captured", False, VIOLENCE),
        ("Gunmen stormed a school and took the pupils away.", "stormed", False, VIOLENCE),
        ("Three militants were killed or captured during the operation.", "captured", True,
         VIOLENCE),
        ("The hill was captured by government forces.", "captured", True, TERRITORY),
    ],
)  # fmt: skip
def test_extract_territory_reading(
    sentence: str, trigger: str, passive: bool, reading: str
) -> None:
    start = sentence.index(trigger)
    assert territory_reading(sentence, start, start + len(trigger), passive=passive) == reading


def test_extract_territory_reading_named_place_is_ground() -> None:
    sentence = "The rebels seized Tessit on Monday."
    start = sentence.index("seized")
    place = (sentence.index("Tessit"), sentence.index("Tessit") + len("Tessit"))
    assert (
        territory_reading(sentence, start, start + 6, passive=False, places=(place,)) == TERRITORY
    )
