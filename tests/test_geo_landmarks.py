"""Seats of government (data/geo/landmarks.tsv): the town they stand in when
something happens there, no place when they speak for a government."""

from __future__ import annotations

import pytest

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.landmarks import LANDMARKS_FILE, landmark, parse_landmarks
from frontwatch.pipeline import Pipeline
from samples_events import first_event_place


def test_geo_landmarks_file_integrity() -> None:
    landmarks = parse_landmarks(read_data_text(LANDMARKS_FILE))
    assert len({entry.name for entry in landmarks.values()}) >= 8
    with Gazetteer.open() as gazetteer:
        for entry in landmarks.values():
            towns = [
                e
                for e in gazetteer.lookup(entry.town)
                if e.feature == "populated place"
                and e.country_code == entry.country_code
                and entry.admin1 in (None, e.admin1)
            ]
            assert towns, entry


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("White House\t\tWashington\tDistrict of Columbia\n", "expected name"),
        ("Kremlin\t\tMoscow\tMoscow\tRU\nKremlin\t\tMoscow\tMoscow\tRU\n", "listed twice"),
    ],
)
def test_geo_landmarks_file_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_landmarks(text)


def test_geo_landmarks_names_as_written() -> None:
    found = landmark("the White House")
    assert found is not None and (found.town, found.country_code) == ("Washington", "US")
    assert landmark("the Kremlin") == landmark("Moscow Kremlin")
    assert landmark("White Horse") is None


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "On 5 June 2020, hundreds of protesters gathered outside the White House to "
            "denounce police violence.",
            "Washington",
        ),
        ("On 5 June 2020, students rallied outside the Kremlin against the new law.", "Moscow"),
    ],
)
def test_geo_landmarks_event_at_a_seat_is_in_its_town(
    pipeline: Pipeline, text: str, town: str
) -> None:
    assert first_event_place(pipeline, text).name == town


def test_geo_landmarks_seat_speaking_is_no_place(pipeline: Pipeline) -> None:
    text = (
        "A suicide bomber killed at least 13 people at the gates of Kabul airport on "
        "Thursday, the White House said."
    )
    assert first_event_place(pipeline, text).country_code == "AF"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Kremlin said its troops had pulled back.", "Kremlin", True),
        ("Washington and the Pentagon denied the report.", "Pentagon", True),
        ("Hundreds marched outside the Kremlin on Sunday.", "Kremlin", False),
    ],
)
def test_geo_landmarks_seat_as_government(text: str, name: str, expected: bool) -> None:
    from frontwatch.geo.metonyms import capital_as_government

    start = text.index(name)
    with Gazetteer.open() as gazetteer:
        assert capital_as_government(text, start, start + len(name), gazetteer) is expected
