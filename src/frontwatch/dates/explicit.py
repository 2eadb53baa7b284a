"""Rules for dates written out: "9 May 2020", "May 9", "3-5 May", "in May", "in 2019".

A day and month without a year take their year from the publication date
(``spans.infer_year``); ranges take their precision from their length; the
night of two days is dated to its first day ("the night of 8-9 May" is 8 May,
precision DAY), the day the night began, as ACLED dates overnight events.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from frontwatch.dates import spans
from frontwatch.dates.lexicon import (
    DASH_RE,
    DAY_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    WEEKDAY_RE,
    YEAR_RE,
    day_number,
    month_number,
    weekday_number,
)
from frontwatch.dates.rule import ResolveContext, Rule, words
from frontwatch.models import DAY, DateSpan

_RANGE_JOIN = (
    rf"(?:\s+(?P<join>{words('and', 'to', 'until', 'till', 'through', 'thru')})\s+(?:the\s+)?"
    rf"|{DASH_RE})"
)
_NIGHT_WORDS = words("the night of", "the night between", "overnight on", "overnight", "night of")
_NIGHT = rf"(?P<night>(?:{_NIGHT_WORDS})\s+(?:the\s+)?)"
_WEEKEND = rf"(?P<weekend>{words('the weekend of', 'weekend of')}\s+(?:the\s+)?)"
_BETWEEN = rf"(?P<between>{words('between', 'from')}\s+(?:the\s+)?)"
_YEAR_TAIL = rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR_RE}))?"
_PART = (
    r"(?P<part>(?i:early|mid|late|(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of"
    r"|(?:end|beginning|start|middle)\s+of))"
)


def _day(
    published: dt.date | None, year: str | None, month: int, day: int
) -> tuple[dt.date | None, str]:
    """The date named, or None with the reason it cannot be had."""
    if year is not None:
        found = spans.safe_date(int(year), month, day)
        return (found, "explicit date") if found else (None, spans.INVALID_DATE)
    if published is None:
        return None, spans.NO_YEAR_NO_PUBLICATION
    if spans.safe_date(2000, month, day) is None:  # 2000 is a leap year: any valid day fits
        return None, spans.INVALID_DATE
    inferred = spans.infer_year(month, day, published)
    if inferred is None:
        return None, spans.INVALID_DATE
    return inferred


def _iso(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    found = spans.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if found is None:
        return None
    return spans.day_span(found, match[0], "ISO date")


def _numeric(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    """dd/mm/yyyy or mm/dd/yyyy: resolved only when the order is beyond doubt."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if match["sep"] == "." or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    elif first == second:
        day = month = first
    else:
        return spans.unresolved(match[0], "numeric date: day and month order is ambiguous")
    found = spans.safe_date(year, month, day)
    if found is None:
        return None
    return spans.day_span(found, match[0], "numeric date")


def _range(
    match: re.Match[str], context: ResolveContext, day1: int, month1: int, day2: int, month2: int
) -> DateSpan | None:
    groups = match.groupdict()
    if (groups.get("join") or "").lower() == "and" and not groups.get("between"):
        return None  # "on 3 May and 5 May" names two days, not a range
    year2 = match.group("y")
    year1 = match.groupdict().get("y1") or year2
    end, why_end = _day(context.published, year2, month2, day2)
    if end is None:
        return spans.unresolved(match[0], why_end)
    # "28 December - 3 January 2021": the first day lies in the year before.
    start_year = int(year1) if year1 else end.year
    if year1 is None or year1 == year2:
        start_year = end.year - 1 if (month1, day1) > (month2, day2) else end.year
    start = spans.safe_date(start_year, month1, day1)
    if start is None:
        return spans.unresolved(match[0], spans.INVALID_DATE)
    if match.groupdict().get("night"):
        reason = f"night of {start.day}-{end.day}: dated to the day the night began"
        return spans.day_span(start, match[0], reason)
    reason = "weekend" if match.groupdict().get("weekend") else "range of days"
    if "taken from publication" in why_end or "before publication" in why_end:
        reason = f"{reason}; {why_end}"
    return spans.range_span(start, end, match[0], reason)


def _range_same_month(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    month = month_number(match["mon"])
    return _range(match, context, day_number(match["d1"]), month, day_number(match["d2"]), month)


def _range_two_months(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    d1, m1 = day_number(match["d1"]), month_number(match["mon1"])
    d2, m2 = day_number(match["d2"]), month_number(match["mon2"])
    return _range(match, context, d1, m1, d2, m2)


def _range_month_first(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    m1 = month_number(match["mon1"])
    m2 = month_number(match["mon2"]) if match["mon2"] else m1
    return _range(match, context, day_number(match["d1"]), m1, day_number(match["d2"]), m2)


def _single_day(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    month, day = month_number(match["mon"]), day_number(match["d"])
    found, reason = _day(context.published, match["y"], month, day)
    if found is None:
        return spans.unresolved(match[0], reason)
    if match.groupdict().get("night"):
        reason = f"{reason}; night dated to the day it began"
    weekday = match.groupdict().get("wd")
    if weekday and weekday_number(weekday) != found.weekday():
        reason = f"{reason}; the weekday given does not match, the date is kept"
    return spans.day_span(found, match[0], reason, precision=DAY)


def _month_year(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    groups = match.groupdict()
    month, part = month_number(match["mon"]), groups.get("part")
    cue = (groups.get("cue") or "").lower()
    year_text = groups.get("y")
    if not (year_text or cue or part):
        return None  # a bare month name: "May" the verb, "March" the noun, a surname
    if year_text:
        year, why_year = int(year_text), ""
    elif context.published is None:
        return spans.unresolved(match[0], "month without a year or a publication date")
    elif part and cue not in {"last", "next", "this"}:
        # "late May" read on 13 May is the coming late May, not last year's.
        first_day = {"early": 1, "mid": 11, "late": 21}[_part_key(part)]
        inferred = spans.infer_year(month, first_day, context.published)
        if inferred is None:  # unreachable: days 1, 11 and 21 exist in every month
            return None
        year, why_year = inferred[0].year, inferred[1]
    else:
        year, why_year = _month_year_from_cue(month, cue, context.published)
    if cue in {"since", "from"}:
        return _since(dt.date(year, month, 1), match[0], context)
    if part:
        span = spans.part_of_month_span(year, month, _part_key(part), match[0], context.published)
    else:
        name = calendar.month_name[month]
        span = spans.month_span(year, month, match[0], f"{name} {year}", context.published)
    if why_year:
        return DateSpan(
            span.start, span.end, span.precision, span.expression, f"{span.reason}; {why_year}"
        )
    return span


def _month_year_from_cue(month: int, cue: str, published: dt.date) -> tuple[int, str]:
    """ "last May" is the latest May before the current month, "next May" the first after."""
    if cue == "last":
        year = published.year if month < published.month else published.year - 1
        return year, "the latest such month before the month of publication"
    if cue == "next":
        year = published.year if month > published.month else published.year + 1
        return year, spans.AFTER_PUBLICATION
    if cue == "this":
        suffix = f"; {spans.AFTER_PUBLICATION}" if month > published.month else ""
        return published.year, f"year of publication{suffix}"
    return spans.infer_month_year(month, published)


def _part_key(part: str) -> str:
    lowered = part.lower()
    if "end" in lowered or lowered == "late":
        return "late"
    if "middle" in lowered or lowered == "mid":
        return "mid"
    return "early"


def _since(start: dt.date, expression: str, context: ResolveContext) -> DateSpan:
    if context.published is None:
        return spans.unresolved(expression, "open period without a publication date")
    if start > context.published:
        return spans.unresolved(expression, "open period starting after publication")
    span = spans.range_span(start, context.published, expression, "open period up to publication")
    return span


def _year(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    year = int(match["y"])
    cue = match["cue"].lower()
    if cue.startswith("since"):
        return _since(dt.date(year, 1, 1), match[0], context)
    return spans.year_span(year, match[0])


def _year_range(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    first, last = int(match["y1"]), int(match["y2"])
    joined_by_and = re.search(r"(?i)\band\b", match[0]) is not None
    if last <= first or (joined_by_and and not match[0].lower().startswith("between")):
        return None  # "in 2013 and 2015" names two years, not a period
    return DateSpan(dt.date(first, 1, 1), dt.date(last, 12, 31), None, match[0], spans.YEAR_ONLY)


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_KEYS = ("19", "20")
_MONTH_CUE = r"(?P<cue>(?i:in|during|since|from|through|throughout|of|this|last|next))"

EXPLICIT_RULES: tuple[Rule, ...] = (
    Rule(
        "iso",
        re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
        _iso,
        keywords=("-",),
    ),
    Rule(
        "numeric",
        re.compile(
            r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
            r"(?P<y>(?:19|20)\d{2})(?![\d./])"
        ),
        _numeric,
        keywords=("/", "."),
    ),
    Rule(
        "range_two_months",
        re.compile(
            rf"(?:{_NIGHT}|{_WEEKEND}|{_BETWEEN})?(?:the\s+)?(?P<d1>{DAY_RE})\s+(?:of\s+)?"
            rf"(?P<mon1>{MONTH_RE})(?:,?\s+(?P<y1>{YEAR_RE}))?{_RANGE_JOIN}"
            rf"(?P<d2>{DAY_RE})\s+(?:of\s+)?(?P<mon2>{MONTH_RE}){_YEAR_TAIL}"
        ),
        _range_two_months,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "range_same_month",
        re.compile(
            rf"(?:{_NIGHT}|{_WEEKEND}|{_BETWEEN})?(?P<d1>{DAY_RE}){_RANGE_JOIN}"
            rf"(?P<d2>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE}){_YEAR_TAIL}"
        ),
        _range_same_month,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "range_month_first",
        re.compile(
            rf"(?:{_NIGHT}|{_WEEKEND}|{_BETWEEN})?(?P<mon1>{MONTH_RE})\s+(?P<d1>{DAY_RE})"
            rf"{_RANGE_JOIN}(?:(?P<mon2>{MONTH_RE})\s+)?(?P<d2>{DAY_RE}){_YEAR_TAIL}"
        ),
        _range_month_first,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "day_month",
        re.compile(
            rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:{_NIGHT})?(?:the\s+)?(?P<d>{DAY_RE})\s+"
            rf"(?:of\s+)?(?P<mon>{MONTH_RE}){_YEAR_TAIL}"
        ),
        _single_day,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "month_day",
        re.compile(
            rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:{_NIGHT})?(?P<mon>{MONTH_RE})\s+(?:the\s+)?"
            rf"(?P<d>{DAY_RE})(?:,?\s+(?P<y>{YEAR_RE}))?"
        ),
        _single_day,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "month_year",
        re.compile(
            rf"(?:{_MONTH_CUE}\s+)?(?:{_PART}[\s-]+)?(?P<mon>{MONTH_RE})\s+(?:of\s+)?"
            rf"(?P<y>{YEAR_RE})"
        ),
        _month_year,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "month_alone",
        re.compile(
            rf"(?:{_MONTH_CUE}\s+)?(?:{_PART}[\s-]+)?"
            rf"(?P<mon>{MONTH_FULL_RE})(?![A-Za-z])(?!\s+(?:Day|\d))"
        ),
        _month_year,
        keywords=_MONTH_KEYS,
    ),
    Rule(
        "year_range",
        re.compile(
            rf"(?:(?i:between|from)\s+)?(?P<y1>{YEAR_RE})"
            rf"(?:\s*(?:-|–|—)\s*|\s+(?i:and|to|until)\s+)(?P<y2>{YEAR_RE})"
        ),
        _year_range,
        keywords=_YEAR_KEYS,
    ),
    Rule(
        "year",
        re.compile(
            rf"(?P<cue>(?i:in|during|since|throughout|early|mid|late|in\s+early|in\s+late|"
            rf"in\s+mid|(?:since\s+)?(?:the\s+)?(?:end|beginning|start|middle|summer|spring|"
            rf"autumn|fall|winter)\s+of))[\s-]+(?P<y>{YEAR_RE})"
        ),
        _year,
        keywords=_YEAR_KEYS,
    ),
)
