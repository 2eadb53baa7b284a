"""Phrases that put an event inside a place ("the centre of X", "central
X", "the capital of X") are location cues like "in"."""

from __future__ import annotations

import pytest

from frontwatch.geo.cues import cue_context


@pytest.mark.parametrize(
    "text",
    [
        "Drivers drove slowly through the centre of Kayes.",
        "Drivers drove slowly through the center of Kayes.",
        "Nurses rallied in central Kayes.",
        "Nurses rallied in downtown Kayes.",
        "A curfew was declared in the capital of Kayes.",
        "Crowds filled the streets of Kayes.",
        "Shots rang out in the heart of Kayes.",
    ],
)
def test_geo_cues_within_phrase_is_an_in_cue(text: str) -> None:
    start = text.index("Kayes")
    assert cue_context(text, start, start + len("Kayes"))[0] == "in"


def test_geo_cues_within_other_words_are_no_cue() -> None:
    text = "Nurses praised Kayes."
    start = text.index("Kayes")
    assert cue_context(text, start, start + len("Kayes"))[0] is None


def test_geo_cues_within_newspaper_is_named_after_its_town() -> None:
    """ "The Washington Post": the town, not the state of that name."""
    text = "As The Washington Post reported on Friday, the trip was planned."
    start = text.index("Washington")
    assert cue_context(text, start, start + len("Washington"))[1] == "populated place"
    plain = "Washington will host the meeting."
    assert cue_context(plain, 0, len("Washington"))[1] is None
