"""Background statements: historical cues, old spans, future dates."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.dates.resolve import (
    HISTORICAL_CUES,
    historical_cue,
    is_future,
    is_historical,
    resolve_expression,
)
from frontwatch.models import DAY, DateSpan

D = dt.date
SATURDAY = D(2017, 8, 26)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Over the past year, the group has lost most of the land it held.", "Over the past year"),
        ("The valley has been contested for years.", "for years"),
        ("The rebels have held the valley since 2011.", "since 2011"),
        ("In 2015 the militants overran the air base.", "In 2015"),
        ("Last year the army withdrew from the district.", "Last year"),
        ("Fighting has intensified in recent months.", "in recent months"),
        ("The town changed hands several times in the past.", "in the past"),
        ("Government forces shelled the area earlier this year (file photo).", "earlier this year"),
        ("Two years ago the militia signed a truce with the tribes.", "Two years ago"),
        ("The road was cut in March, cutting off the valley.", "in March"),
        ("Since the start of the war, the town has been besieged.", "Since the start of the war"),
    ],
)
def test_dates_background_sentences_have_a_cue(sentence: str, cue: str) -> None:
    assert historical_cue(sentence, SATURDAY) == cue
    assert is_historical(sentence, SATURDAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army captured the town on Saturday, a monitor said.",
        "Earlier this week, troops encircled the last pocket of fighters.",
        "Allied militias secured the crossing this month.",
        "The rebels, who have held the town since 2012, lost it on Friday.",
        "After years of siege, the garrison surrendered yesterday.",
        "On 20 August 2017, the army retook the hill it lost in 2015.",
        "Troops advanced towards the river.",
    ],
)
def test_dates_background_dated_events_have_no_cue(sentence: str) -> None:
    assert historical_cue(sentence, SATURDAY) is None
    assert not is_historical(sentence, SATURDAY)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Last year the army withdrew from the district.", "Last year"),
        ("In 2015 the militants overran the air base.", "In 2015"),
        ("The town has been contested for years.", "for years"),
        ("The army captured the town on Saturday.", None),
        ("For years the road was closed; it reopened yesterday.", None),
    ],
)
def test_dates_background_without_publication(sentence: str, cue: str | None) -> None:
    assert historical_cue(sentence) == cue


@pytest.mark.parametrize(
    ("expression", "old"),
    [
        ("in 2015", True),
        ("last year", True),
        ("since 2011", True),
        ("in March", True),
        ("last month", False),
        ("on Saturday", False),
        ("earlier this week", False),
        ("recently", False),
    ],
)
def test_dates_background_spans(expression: str, old: bool) -> None:
    assert is_historical(resolve_expression(expression, SATURDAY), SATURDAY) is old


@pytest.mark.parametrize(
    ("expression", "published", "future"),
    [
        ("next Monday", SATURDAY, True),
        ("20 May", D(2020, 5, 13), True),
        ("later this week", D(2020, 5, 13), True),
        ("on Saturday", SATURDAY, False),
        ("yesterday", SATURDAY, False),
        ("9 May 2020", D(2020, 5, 13), False),
    ],
)
def test_dates_background_future(expression: str, published: dt.date, future: bool) -> None:
    assert is_future(resolve_expression(expression, published), published) is future


def test_dates_background_future_by_date_alone() -> None:
    span = DateSpan(D(2017, 8, 30), D(2017, 8, 30), DAY, expression="30 August 2017")
    assert is_future(span, SATURDAY)
    assert not is_future(span, D(2017, 9, 1))


def test_dates_background_cue_lexicon_is_loaded() -> None:
    assert any("years" in cue for cue in HISTORICAL_CUES)
