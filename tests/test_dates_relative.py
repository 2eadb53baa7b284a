"""Expressions relative to the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.dates import spans
from frontwatch.dates.resolve import resolve_expression
from frontwatch.models import DAY, MONTH, WEEK

D = dt.date
SATURDAY = D(2017, 8, 26)
SUNDAY = D(2020, 5, 10)
WEDNESDAY = D(2020, 5, 13)


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        # A weekday alone: the latest one on or before publication.
        ("on Saturday", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("Saturday", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("Saturday's", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("on Friday", D(2017, 8, 25), D(2017, 8, 25), DAY),
        ("on Sunday", D(2017, 8, 20), D(2017, 8, 20), DAY),
        ("on Tuesday night", D(2017, 8, 22), D(2017, 8, 22), DAY),
        ("early on Thursday", D(2017, 8, 24), D(2017, 8, 24), DAY),
        ("late Monday", D(2017, 8, 21), D(2017, 8, 21), DAY),
        ("last Saturday", D(2017, 8, 19), D(2017, 8, 19), DAY),
        ("last Friday", D(2017, 8, 25), D(2017, 8, 25), DAY),
        ("this Monday", D(2017, 8, 21), D(2017, 8, 21), DAY),
        # The day itself and the day before.
        ("today", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("this morning", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("tonight", D(2017, 8, 26), D(2017, 8, 26), DAY),
        ("yesterday", D(2017, 8, 25), D(2017, 8, 25), DAY),
        ("yesterday afternoon", D(2017, 8, 25), D(2017, 8, 25), DAY),
        ("last night", D(2017, 8, 25), D(2017, 8, 25), DAY),
        ("the day before yesterday", D(2017, 8, 24), D(2017, 8, 24), DAY),
        # Counts back from publication.
        ("two days ago", D(2017, 8, 24), D(2017, 8, 24), DAY),
        ("3 days ago", D(2017, 8, 23), D(2017, 8, 23), DAY),
        ("three days earlier", D(2017, 8, 23), D(2017, 8, 23), DAY),
        ("a week ago", D(2017, 8, 19), D(2017, 8, 19), WEEK),
        ("a month ago", D(2017, 7, 26), D(2017, 7, 26), MONTH),
        ("48 hours ago", D(2017, 8, 24), D(2017, 8, 26), WEEK),
        # Weeks.
        ("Earlier this week", D(2017, 8, 21), D(2017, 8, 26), WEEK),
        ("this week", D(2017, 8, 21), D(2017, 8, 26), WEEK),
        ("last week", D(2017, 8, 14), D(2017, 8, 20), WEEK),
        ("in the past 24 hours", D(2017, 8, 25), D(2017, 8, 26), WEEK),
        ("over the past three days", D(2017, 8, 23), D(2017, 8, 26), WEEK),
        ("over the last two weeks", D(2017, 8, 12), D(2017, 8, 26), MONTH),
        # Months.
        ("this month", D(2017, 8, 1), D(2017, 8, 26), MONTH),
        ("earlier this month", D(2017, 8, 1), D(2017, 8, 26), MONTH),
        ("last month", D(2017, 7, 1), D(2017, 7, 31), MONTH),
    ],
)
def test_dates_relative_from_a_saturday(
    expression: str, start: dt.date, end: dt.date, precision: int
) -> None:
    span = resolve_expression(expression, SATURDAY)
    assert (span.start, span.end, span.precision) == (start, end, precision), span.reason


@pytest.mark.parametrize(
    ("expression", "published", "start", "end"),
    [
        ("over the weekend", WEDNESDAY, D(2020, 5, 9), D(2020, 5, 10)),
        ("at the weekend", WEDNESDAY, D(2020, 5, 9), D(2020, 5, 10)),
        ("last weekend", WEDNESDAY, D(2020, 5, 9), D(2020, 5, 10)),
        ("over the weekend", SUNDAY, D(2020, 5, 9), D(2020, 5, 10)),
        ("last weekend", SUNDAY, D(2020, 5, 2), D(2020, 5, 3)),
        ("earlier this week", WEDNESDAY, D(2020, 5, 11), D(2020, 5, 13)),
        ("last week", WEDNESDAY, D(2020, 5, 4), D(2020, 5, 10)),
        ("last week", SUNDAY, D(2020, 4, 27), D(2020, 5, 3)),
        ("this week", SUNDAY, D(2020, 5, 4), D(2020, 5, 10)),
    ],
)
def test_dates_relative_weeks_and_weekends(
    expression: str, published: dt.date, start: dt.date, end: dt.date
) -> None:
    span = resolve_expression(expression, published)
    assert (span.start, span.end, span.precision) == (start, end, WEEK), span.reason


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("last year", D(2016, 1, 1)),
        ("this year", D(2017, 1, 1)),
        ("earlier this year", D(2017, 1, 1)),
        ("over the past year", D(2016, 8, 26)),
        ("two years ago", D(2015, 1, 1)),
    ],
)
def test_dates_relative_years_are_coarser_than_acled(expression: str, start: dt.date) -> None:
    span = resolve_expression(expression, SATURDAY)
    assert span.start == start
    assert span.precision is None


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("next Monday", D(2017, 8, 28)),
        ("next week", D(2017, 8, 28)),
        ("later this month", D(2017, 8, 27)),
        ("this weekend", D(2020, 5, 16)),
    ],
)
def test_dates_relative_future_is_flagged(expression: str, start: dt.date) -> None:
    published = WEDNESDAY if "weekend" in expression else SATURDAY
    span = resolve_expression(expression, published)
    assert span.start == start
    assert span.reason == spans.AFTER_PUBLICATION


@pytest.mark.parametrize(
    "expression",
    ["on Saturday", "yesterday", "last night", "this week", "last month", "two days ago", "today"],
)
def test_dates_relative_without_publication_is_unresolved(expression: str) -> None:
    span = resolve_expression(expression, None)
    assert (span.start, span.end, span.precision) == (None, None, None)
    assert span.reason == spans.NO_PUBLICATION


@pytest.mark.parametrize(
    "expression",
    [
        "recently",
        "in recent days",
        "in recent weeks",
        "some time ago",
        "a few days ago",
        "days ago",
        "lately",
        "the other day",
    ],
)
def test_dates_relative_vague_is_unresolved(expression: str) -> None:
    span = resolve_expression(expression, SATURDAY)
    assert not span.resolved
    assert span.reason == spans.VAGUE
    assert span.expression.lower() == expression.lower()


@pytest.mark.parametrize("expression", ["the next day", "the previous day", "two days later"])
def test_dates_relative_needs_an_anchor(expression: str) -> None:
    span = resolve_expression(expression, SATURDAY)
    assert not span.resolved
    assert span.reason == spans.NO_ANCHOR
