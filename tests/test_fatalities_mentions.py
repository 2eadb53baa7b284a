"""``find_fatality_mentions``: offsets, who died, and the flags that keep a
mention out of the count. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from frontwatch.extract.fatalities import find_fatality_mentions


def test_fatalities_mentions_offsets_point_into_the_text() -> None:
    text = "On Monday, 3 soldiers were killed. Later, rebels killed 2 civilians near the well."
    mentions = find_fatality_mentions(text)
    assert [m.count for m in mentions] == [3, 2]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert mentions[0].text == "3 soldiers were killed"
    assert mentions[1].text.startswith("killed 2 civilians")


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Four policemen were killed at the checkpoint.", "security forces"),
        ("The drone strike killed 6 insurgents.", "militants"),
        ("Two shepherds died when the mine exploded.", "civilians"),
        ("Eleven were killed in the raid.", "people"),
        ("A soldier and 2 farmers were killed.", "people"),  # mixed groups
    ],
)
def test_fatalities_mentions_who(sentence: str, who: str) -> None:
    (mention,) = find_fatality_mentions(sentence)
    assert mention.who == who


def test_fatalities_mentions_split_by_actor() -> None:
    text = "Troops killed 9 militants. 2 soldiers were also killed in the fighting."
    by_who = {m.who: m.count for m in find_fatality_mentions(text)}
    assert by_who == {"militants": 9, "security forces": 2}


@pytest.mark.parametrize(
    ("sentence", "flag"),
    [
        ("Traders protested after two vendors were killed by police.", "background"),
        ("Youths burned tyres over the murder of a teacher who was killed last week.", None),
        ("Officials said 3 died. Other sources said 6 people were killed.", "alternative"),
        ("The victim died in hospital.", "anaphoric"),
    ],
)
def test_fatalities_mentions_flags(sentence: str, flag: str | None) -> None:
    mentions = find_fatality_mentions(sentence)
    flagged = [m for m in mentions if flag and getattr(m, flag)]
    if flag is None:
        assert all(not m.background or m.count for m in mentions)
    else:
        assert flagged, mentions


def test_fatalities_mentions_total_kind() -> None:
    (mention,) = find_fatality_mentions("The clash resulted in 10 fatalities, mostly fighters.")
    assert (mention.kind, mention.count) == ("total", 10)


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was killed when the shell hit the school.",
        "The gunmen tried to kill the mayor.",
        "Three people were killed or wounded.",
        "Police seized 40 rifles and 2,000 rounds of ammunition.",
    ],
)
def test_fatalities_mentions_none(sentence: str) -> None:
    assert find_fatality_mentions(sentence) == []
