"""ACLED coding statements in notes ("fatalities coded as 10", tolls split
between events). The notes here are written for the test in ACLED's style."""

from __future__ import annotations

import pytest

from frontwatch.extract.fatalities import find_fatalities
from frontwatch.extract.numbers import majority_share, split_count


@pytest.mark.parametrize(
    ("note", "count"),
    [
        # the coded figure wins over what the note says happened
        ("Raiders attacked the camp, killing several guards. Fatalities coded as 10.", 10),
        ("2 guards were killed. Fatalities coded as 0 (a party outlet reported 2).", 0),
        ("Shelling hit the front. Unknown fatalities coded as 10.", 10),
        ("Many fighters died. Several fatalities coded as 3.", 3),
        ("Both sides lost men. Total fatalities coded as 14 (another source reported 9).", 14),
        # a toll split between events: the share written out, or the usual share
        ("Troops killed 12 rebels in two districts. Fatalities split over 2 locations (6).", 6),
        ("Unknown fatalities coded as 10 and split between 3 events.", 3),
        ("20 fatalities split up between 3 events.", 7),
        (
            "Rebels were killed. Fatalities coded as 10 and split between the two events "
            "with 5 coded to each.",
            5,
        ),
        ("One guard was killed at an unknown place [1 fatality split among 12 events].", 0),
        ("78 fighters were killed in strikes on two days. Fatalities split between 2 events.", 39),
        ("Due to unclear reports, fatalities reported as half, rounded down to 3.", 3),
        # notes without a coding statement
        ("Armed men shot a man dead in a market. The victim died. 1 fatality.", 1),
        ("Two groups clashed over a well. 1 killed, 3 injured. [size=no report]", 1),
        ("A man was beaten to death over a land dispute. 1 killed. [size=no report]", 1),
        ("Reports on fatalities range from 2 to 4.", 2),
        ("Gunmen attacked a post. No fatalities nor injuries reported.", 0),
    ],
)
def test_fatalities_acled_notes_table(note: str, count: int) -> None:
    result = find_fatalities(note)
    assert result is not None
    assert result.count == count, result.reason


@pytest.mark.parametrize(
    ("total", "parts", "shares", "majority"),
    [
        (10, 3, [4, 3, 3], 3),
        (20, 3, [7, 7, 6], 7),
        (1, 12, [1] + [0] * 11, 0),
        (8, 2, [4, 4], 4),
        (3, 2, [2, 1], 1),
        (5, 0, [5], 5),
    ],
)
def test_fatalities_acled_notes_split(
    total: int, parts: int, shares: list[int], majority: int
) -> None:
    assert split_count(total, parts) == shares
    assert sum(split_count(total, parts)) == total
    assert majority_share(total, parts) == majority
