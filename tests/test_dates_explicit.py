"""Dates written out: day-month-year, ranges, nights, months, years."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.dates import spans
from frontwatch.dates.resolve import resolve_expression
from frontwatch.models import DAY, MONTH, WEEK

D = dt.date
# A Wednesday.
PUBLISHED = D(2020, 5, 13)


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("9 May 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("May 9, 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("May 9 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("the 9th of May 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("1st May 2020", D(2020, 5, 1), D(2020, 5, 1), DAY),
        ("9 Sept. 2019", D(2019, 9, 9), D(2019, 9, 9), DAY),
        ("9 MAY 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("2020-05-09", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("25/04/2020", D(2020, 4, 25), D(2020, 4, 25), DAY),
        ("04/25/2020", D(2020, 4, 25), D(2020, 4, 25), DAY),
        ("9.5.2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("Saturday, 9 May 2020", D(2020, 5, 9), D(2020, 5, 9), DAY),
        # No year: the latest such date on or before publication.
        ("9 May", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("May 9", D(2020, 5, 9), D(2020, 5, 9), DAY),
        ("13 May", D(2020, 5, 13), D(2020, 5, 13), DAY),
        ("28 December", D(2019, 12, 28), D(2019, 12, 28), DAY),
        ("4 July", D(2019, 7, 4), D(2019, 7, 4), DAY),
        # Ranges: start..end, precision from the length.
        ("between 3 and 5 May", D(2020, 5, 3), D(2020, 5, 5), WEEK),
        ("Between 1 and 3 May 2020", D(2020, 5, 1), D(2020, 5, 3), WEEK),
        ("3-5 May 2020", D(2020, 5, 3), D(2020, 5, 5), WEEK),
        ("3 – 5 May", D(2020, 5, 3), D(2020, 5, 5), WEEK),
        ("from 3 to 5 May", D(2020, 5, 3), D(2020, 5, 5), WEEK),
        ("May 3-5", D(2020, 5, 3), D(2020, 5, 5), WEEK),
        ("28 April - 2 May 2020", D(2020, 4, 28), D(2020, 5, 2), WEEK),
        ("April 28 to May 2, 2020", D(2020, 4, 28), D(2020, 5, 2), WEEK),
        ("between 20 April and 5 May 2020", D(2020, 4, 20), D(2020, 5, 5), MONTH),
        ("28 December - 3 January 2020", D(2019, 12, 28), D(2020, 1, 3), WEEK),
        ("the weekend of 2-3 May 2020", D(2020, 5, 2), D(2020, 5, 3), WEEK),
        # A night is dated to the day it began.
        ("the night of 8-9 May", D(2020, 5, 8), D(2020, 5, 8), DAY),
        ("the night of 8/9 May 2020", D(2020, 5, 8), D(2020, 5, 8), DAY),
        ("overnight on 8 May", D(2020, 5, 8), D(2020, 5, 8), DAY),
        # Months: the whole month, the publication month up to publication.
        ("in April", D(2020, 4, 1), D(2020, 4, 30), MONTH),
        ("in May", D(2020, 5, 1), D(2020, 5, 13), MONTH),
        ("in September", D(2019, 9, 1), D(2019, 9, 30), MONTH),
        ("April 2020", D(2020, 4, 1), D(2020, 4, 30), MONTH),
        ("in February 2016", D(2016, 2, 1), D(2016, 2, 29), MONTH),
        ("last May", D(2019, 5, 1), D(2019, 5, 31), MONTH),
        ("last March", D(2020, 3, 1), D(2020, 3, 31), MONTH),
        ("this March", D(2020, 3, 1), D(2020, 3, 31), MONTH),
        # Thirds of a month: ten-day spans, precision WEEK.
        ("early May 2019", D(2019, 5, 1), D(2019, 5, 10), WEEK),
        ("mid-April 2020", D(2020, 4, 11), D(2020, 4, 20), WEEK),
        ("late April", D(2020, 4, 21), D(2020, 4, 30), WEEK),
        ("the end of February 2019", D(2019, 2, 21), D(2019, 2, 28), WEEK),
        ("in early May", D(2020, 5, 1), D(2020, 5, 10), WEEK),
        ("late March", D(2020, 3, 21), D(2020, 3, 31), WEEK),
    ],
)
def test_dates_explicit_resolves(
    expression: str, start: dt.date, end: dt.date, precision: int
) -> None:
    span = resolve_expression(expression, PUBLISHED)
    assert (span.start, span.end, span.precision) == (start, end, precision), span.reason
    assert span.expression.lower() in expression.lower()


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("in 2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("In 2015", D(2015, 1, 1), D(2015, 12, 31)),
        ("during 2018", D(2018, 1, 1), D(2018, 12, 31)),
        ("between 2014 and 2016", D(2014, 1, 1), D(2016, 12, 31)),
        ("2011-2013", D(2011, 1, 1), D(2013, 12, 31)),
    ],
)
def test_dates_explicit_year_is_coarser_than_acled(
    expression: str, start: dt.date, end: dt.date
) -> None:
    span = resolve_expression(expression, PUBLISHED)
    assert (span.start, span.end, span.precision) == (start, end, None)
    assert span.reason == spans.YEAR_ONLY


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("since 2011", D(2011, 1, 1)),
        ("since March", D(2020, 3, 1)),
        ("since May 2019", D(2019, 5, 1)),
    ],
)
def test_dates_explicit_since_runs_to_publication(expression: str, start: dt.date) -> None:
    span = resolve_expression(expression, PUBLISHED)
    assert (span.start, span.end) == (start, PUBLISHED)
    assert span.precision is None  # longer than a month


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("20 May", D(2020, 5, 20)),
        ("in June", D(2020, 6, 1)),
        ("late May", D(2020, 5, 21)),
        ("next May", D(2021, 5, 1)),
    ],
)
def test_dates_explicit_near_future_is_flagged(expression: str, start: dt.date) -> None:
    span = resolve_expression(expression, PUBLISHED)
    assert span.start == start
    assert spans.AFTER_PUBLICATION in span.reason


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("09/05/2020", "ambiguous"),
        ("31 February 2020", spans.INVALID_DATE),
        ("31 April", spans.INVALID_DATE),
    ],
)
def test_dates_explicit_unresolvable_says_why(expression: str, reason: str) -> None:
    span = resolve_expression(expression, PUBLISHED)
    assert not span.resolved
    assert span.precision is None
    assert reason in span.reason


def test_dates_explicit_leap_day_without_year_takes_latest_leap_year() -> None:
    span = resolve_expression("29 February", D(2021, 6, 1))
    assert span.start == D(2020, 2, 29)


def test_dates_explicit_weekday_mismatch_keeps_date() -> None:
    span = resolve_expression("Monday, 9 May 2020", PUBLISHED)  # 9 May 2020 was a Saturday
    assert span.start == D(2020, 5, 9)
    assert "does not match" in span.reason
