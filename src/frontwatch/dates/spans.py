"""Building ``DateSpan`` values and the calendar arithmetic behind them.

Conventions (the rules every resolver follows):

- A known day is a one-day span with precision DAY.
- A range of days is start..end; its precision comes from its length:
  up to 7 days WEEK, up to 31 days MONTH, longer None (coarser than ACLED).
- An approximate day ("around 9 May") is a one-day span with precision WEEK:
  the day is what a coder would write, the precision says it is not certain.
- A month is the 1st..last day with precision MONTH; the month of publication
  ends at the publication date, since a report cannot describe later days.
- A year is 1 January..31 December with precision None: it is resolved (the
  span is known) but coarser than any ACLED precision, so it cannot date an
  event.
- Anything that cannot be worked out is unresolved (start/end None) and says
  why in ``reason``; nothing is ever guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt

from frontwatch.models import DAY, MONTH, WEEK, DateSpan

# Reasons shared by several rules, so callers can compare against them.
NO_PUBLICATION = "relative expression without a publication date"
NO_YEAR_NO_PUBLICATION = "day and month without a year or a publication date"
VAGUE = "vague: no day, week or month can be derived"
YEAR_ONLY = "year precision is coarser than ACLED's month"
NO_ANCHOR = "relative to an earlier date that the text does not give"
INVALID_DATE = "not a valid calendar date"

# A day and month without a year after publication is read as the coming date
# (a planned event) only when it is this close; otherwise it is last year's.
FUTURE_WINDOW_DAYS = 31
AFTER_PUBLICATION = "after publication: a future or planned date"


def unresolved(expression: str, reason: str) -> DateSpan:
    return DateSpan(None, None, None, expression=expression, reason=reason)


def day_span(day: dt.date, expression: str, reason: str, *, precision: int = DAY) -> DateSpan:
    return DateSpan(day, day, precision, expression=expression, reason=reason)


def range_precision(start: dt.date, end: dt.date) -> int | None:
    length = (end - start).days + 1
    if length <= 1:
        return DAY
    if length <= 7:
        return WEEK
    if length <= 31:
        return MONTH
    return None


def range_span(start: dt.date, end: dt.date, expression: str, reason: str) -> DateSpan:
    if end < start:
        return unresolved(expression, f"range ends before it starts ({start} > {end})")
    precision = range_precision(start, end)
    if precision is None:
        reason = f"{reason}; range longer than a month"
    return DateSpan(start, end, precision, expression=expression, reason=reason)


def last_day_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, last_day_of_month(year, month))


def month_span(
    year: int, month: int, expression: str, reason: str, published: dt.date | None
) -> DateSpan:
    start, end = month_bounds(year, month)
    if published is not None and start <= published < end:
        end = published
        reason = f"{reason}, up to publication"
    return DateSpan(start, end, MONTH, expression=expression, reason=reason)


def part_of_month_span(
    year: int, month: int, part: str, expression: str, published: dt.date | None
) -> DateSpan:
    """ "early" 1-10, "mid" 11-20, "late" 21-end: ten-day thirds, precision WEEK.

    ACLED's precision 2 covers "a range of days"; a third of a month is the
    narrowest span the words support.
    """
    last = last_day_of_month(year, month)
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    start, end = dt.date(year, month, first_day), dt.date(year, month, last_day)
    reason = f"{part} {calendar.month_name[month]}: days {first_day}-{last_day}"
    if published is not None and start <= published < end:
        end = published
        reason = f"{reason}, up to publication"
    return DateSpan(start, end, WEEK, expression=expression, reason=reason)


def year_span(year: int, expression: str, reason: str = YEAR_ONLY) -> DateSpan:
    return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), None, expression, reason)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: dt.date) -> tuple[dt.date, str] | None:
    """The date a day and month without a year most likely names, and why.

    The latest such date on or before publication, unless this year's falls
    within ``FUTURE_WINDOW_DAYS`` after publication (then it is a coming date:
    "talks on 15 May" in an article of 10 May). None if it never exists
    (29 February in years around publication without a leap day).
    """
    this_year = safe_date(published.year, month, day)
    if this_year is not None and this_year <= published:
        return this_year, "year taken from publication"
    if this_year is not None and (this_year - published).days <= FUTURE_WINDOW_DAYS:
        return this_year, f"year taken from publication; {AFTER_PUBLICATION}"
    for year in range(published.year - 1, published.year - 8, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None:
            return candidate, "latest such date before publication"
    return None


def infer_month_year(month: int, published: dt.date) -> tuple[int, str]:
    """The year of a month named without one (same rule as ``infer_year``)."""
    start = dt.date(published.year, month, 1)
    if start <= published:
        return published.year, "year taken from publication"
    if (start - published).days <= FUTURE_WINDOW_DAYS:
        return published.year, f"year taken from publication; {AFTER_PUBLICATION}"
    return published.year - 1, "latest such month before publication"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months away, clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, last_day_of_month(year, month)))


def latest_weekday(weekday: int, published: dt.date, *, strictly_before: bool) -> dt.date:
    """The latest given weekday on (or strictly before) the publication date."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def next_weekday(weekday: int, published: dt.date) -> dt.date:
    ahead = (weekday - published.weekday()) % 7
    return published + dt.timedelta(days=ahead or 7)
