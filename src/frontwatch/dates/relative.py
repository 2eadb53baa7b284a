"""Rules for dates relative to publication: "on Saturday", "yesterday", "last week".

Conventions:

- A weekday alone ("on Saturday", "Saturday's attack") is the latest such day
  on or before publication: an article published on a Saturday that says
  "on Saturday" means that day. "last Saturday" is strictly before;
  "this Saturday" is the one in the publication's Monday-Sunday week;
  "next Saturday" is the first one after publication (a future date).
- "last night" and "yesterday" are the day before publication, precision DAY.
- "this week" and "earlier this week" run from the Monday of the publication
  week to publication; "last week" is the previous Monday-Sunday (WEEK).
- "this month"/"earlier this month" run from the 1st to publication,
  "last month" is the whole previous month (MONTH).
- Years ("this year", "last year", "over the past year") are resolved spans
  with precision None: coarser than ACLED's month.
- "N days ago" counts back from publication; "N days earlier" and "the next
  day" count from the latest earlier day in the text (``ResolveContext.anchor``);
  without one, "earlier" counts from publication and "later" is unresolved.
- Vague phrases ("recently", "in recent days") are mentions that stay
  unresolved with the reason ``spans.VAGUE``.
"""

from __future__ import annotations

import datetime as dt
import re

from frontwatch.dates import spans
from frontwatch.dates.lexicon import COUNT_RE, WEEKDAY_RE, count_number, weekday_number
from frontwatch.dates.rule import Handler, ResolveContext, Rule, words
from frontwatch.models import MONTH, WEEK, DateSpan

_ONE_DAY = dt.timedelta(days=1)

# Words before a weekday that make it a name rather than a day of this week.
_NOT_A_WEEKDAY_BEFORE = re.compile(r"(?i:bloody|black|super|cyber|blue)\s+$")


def _weekday(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    if _NOT_A_WEEKDAY_BEFORE.search(match.string, 0, match.start("wd")):
        return None
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    weekday = weekday_number(match["wd"])
    modifier = " ".join((match["mod"] or "").lower().split())
    if modifier in {"last", "this past", "past"}:
        day = spans.latest_weekday(weekday, published, strictly_before=True)
        return spans.day_span(day, match[0], "the latest such weekday before publication")
    if modifier in {"next", "coming", "this coming"}:
        day = spans.next_weekday(weekday, published)
        return spans.day_span(day, match[0], spans.AFTER_PUBLICATION)
    if modifier == "this":
        day = spans.monday_of(published) + dt.timedelta(days=weekday)
        reason = "that weekday in the week of publication"
        if day > published:
            reason = f"{reason}; {spans.AFTER_PUBLICATION}"
        return spans.day_span(day, match[0], reason)
    day = spans.latest_weekday(weekday, published, strictly_before=False)
    if modifier == "since":
        return spans.range_span(day, published, match[0], "since that weekday, up to publication")
    return spans.day_span(day, match[0], "the latest such weekday on or before publication")


def _days_back(days: int, why: str) -> Handler:
    def handler(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
        if context.published is None:
            return spans.unresolved(match[0], spans.NO_PUBLICATION)
        day = context.published - dt.timedelta(days=days)
        return spans.day_span(day, match[0], why)

    return handler


def _count_ago(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    """ "two days ago", "three days earlier", "a week later", "48 hours ago"."""
    count, unit = count_number(match["n"]), match["unit"].lower().rstrip("s")
    direction = match["dir"].lower()
    if direction == "ago":
        base, why = context.published, "counted back from publication"
    elif context.anchor is not None:
        base, why = context.anchor, "counted from the earlier date in the text"
    elif direction in {"earlier", "before", "previously"}:
        base, why = context.published, "counted back from publication (no earlier date in the text)"
    else:
        return spans.unresolved(match[0], spans.NO_ANCHOR)
    if base is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    sign = 1 if direction in {"later", "after"} else -1
    if unit == "hour":
        days = -(-count // 24)
        other = base + sign * dt.timedelta(days=days)
        start, end = min(base, other), max(base, other)
        return spans.range_span(start, end, match[0], f"{count} hours, {why}")
    if unit == "day":
        return spans.day_span(base + sign * dt.timedelta(days=count), match[0], why)
    if unit == "week":
        day = base + sign * dt.timedelta(days=7 * count)
        return spans.day_span(day, match[0], f"{why}; weeks are approximate", precision=WEEK)
    if unit == "month":
        day = spans.shift_months(base, sign * count)
        return spans.day_span(day, match[0], f"{why}; months are approximate", precision=MONTH)
    year = base.year + sign * count
    return spans.year_span(year, match[0], f"{spans.YEAR_ONLY}; {why}")


def _past_period(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    """ "in the past 24 hours", "over the last three days", "in the past two weeks"."""
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    count = count_number(match["n"]) if match["n"] else 1
    unit = match["unit"].lower().rstrip("s")
    if unit == "hour":
        start = published - dt.timedelta(days=-(-count // 24))
    elif unit == "day":
        start = published - dt.timedelta(days=count)
    elif unit == "week":
        start = published - dt.timedelta(days=7 * count)
    elif unit == "month":
        start = spans.shift_months(published, -count)
    else:
        start = spans.shift_months(published, -12 * count)
    return spans.range_span(start, published, match[0], "period up to publication")


def _week(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    phrase = " ".join(match[0].lower().split())
    monday = spans.monday_of(published)
    if phrase.startswith("next"):
        start = monday + dt.timedelta(days=7)
        return DateSpan(
            start, start + dt.timedelta(days=6), WEEK, match[0], spans.AFTER_PUBLICATION
        )
    if phrase.startswith("later"):
        start, end = published + _ONE_DAY, monday + dt.timedelta(days=6)
        if start > end:  # "later this week" on a Sunday
            return spans.unresolved(match[0], "no day of the week is left after publication")
        return DateSpan(start, end, WEEK, match[0], spans.AFTER_PUBLICATION)
    if "last" in phrase or "previous" in phrase:
        start = monday - dt.timedelta(days=7)
        return spans.range_span(start, start + dt.timedelta(days=6), match[0], "previous week")
    return spans.range_span(monday, published, match[0], "week of publication, up to publication")


def _weekend(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    """The latest Saturday-Sunday that has begun by publication.

    "last weekend" read during a weekend is the one before; "this weekend"
    read on a weekday is the coming one.
    """
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    phrase = match[0].lower()
    in_weekend = published.weekday() in {5, 6}
    saturday = spans.latest_weekday(5, published, strictly_before=False)
    if "last" in phrase or "past" in phrase:
        if in_weekend:
            saturday -= dt.timedelta(days=7)
    elif "next" in phrase or "coming" in phrase or (phrase.startswith("this") and not in_weekend):
        start = spans.next_weekday(5, published)
        return DateSpan(start, start + _ONE_DAY, WEEK, match[0], spans.AFTER_PUBLICATION)
    end = min(saturday + _ONE_DAY, published)
    return spans.range_span(saturday, end, match[0], "weekend before publication")


def _month(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    phrase = match[0].lower()
    if "last" in phrase or "previous" in phrase:
        start = spans.shift_months(published.replace(day=1), -1)
        return spans.month_span(start.year, start.month, match[0], "previous month", None)
    if "next" in phrase or "later" in phrase:
        if "next" in phrase:
            start = spans.shift_months(published.replace(day=1), 1)
            _, end = spans.month_bounds(start.year, start.month)
        else:
            start = published + _ONE_DAY
            _, end = spans.month_bounds(published.year, published.month)
        if start > end:  # "later this month" on the month's last day
            return spans.unresolved(match[0], "no day of the month is left after publication")
        return DateSpan(start, end, MONTH, match[0], spans.AFTER_PUBLICATION)
    return spans.month_span(
        published.year, published.month, match[0], "month of publication", published
    )


def _year(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    published = context.published
    if published is None:
        return spans.unresolved(match[0], spans.NO_PUBLICATION)
    phrase = match[0].lower()
    if "last" in phrase or "previous" in phrase:
        return spans.year_span(published.year - 1, match[0], f"previous year; {spans.YEAR_ONLY}")
    if "next" in phrase:
        return spans.year_span(published.year + 1, match[0], spans.AFTER_PUBLICATION)
    start = dt.date(published.year, 1, 1)
    return DateSpan(start, published, None, match[0], f"year of publication; {spans.YEAR_ONLY}")


# "the day after the vote": counted from an event the text names, not from a date.
_FOLLOWED_BY_WORDS = re.compile(r"\s+(?!(?:and|but|or|when|as|while)\b)[A-Za-z0-9]")


def _anchored(offset_days: int) -> Handler:
    def handler(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
        takes_object = match[0].lower().endswith(("after", "before"))
        if takes_object and _FOLLOWED_BY_WORDS.match(match.string, match.end()):
            return spans.unresolved(match[0], "relative to an event the text names, not a date")
        if context.anchor is None:
            return spans.unresolved(match[0], spans.NO_ANCHOR)
        day = context.anchor + dt.timedelta(days=offset_days)
        return spans.day_span(day, match[0], "relative to the earlier date in the text")

    return handler


def _vague(match: re.Match[str], context: ResolveContext) -> DateSpan | None:
    return spans.unresolved(match[0], spans.VAGUE)


# Lower case only: "Sunday Morning ..." and "Saturday Night ..." are titles.
_TIME_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
_UNIT = r"(?i:hours?|days?|weeks?|months?|years?)"

RELATIVE_RULES: tuple[Rule, ...] = (
    Rule(
        "weekday",
        re.compile(
            rf"(?:(?P<mod>(?i:last|this\s+past|this\s+coming|this|next|past|coming|since|"
            rf"on|early\s+on|late\s+on|early|late|overnight|before\s+dawn\s+on))\s+)?"
            rf"(?P<wd>{WEEKDAY_RE})(?:'s|’s)?(?:\s+{_TIME_OF_DAY})?"
            rf"(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Tribune|"
            rf"Independent|Review|World|Sport|Age|Morning|Night|Evening))"
        ),
        _weekday,
        keywords=("day",),
    ),
    Rule(
        "today",
        re.compile(
            words(
                "earlier today",
                "later today",
                "today",
                "tonight",
                "this morning",
                "this afternoon",
                "this evening",
                "earlier in the day",
                "early this morning",
                "late this afternoon",
            )
        ),
        _days_back(0, "the day of publication"),
        keywords=("today", "tonight", "morning", "afternoon", "evening", "earlier in the day"),
    ),
    Rule(
        "yesterday",
        re.compile(
            rf"{words('late last night', 'last night', 'yesterday', 'the night before last')}"
            rf"(?:\s+{_TIME_OF_DAY})?"
        ),
        _days_back(1, "the day before publication"),
        keywords=("yesterday", "last night", "night before last"),
    ),
    Rule(
        "day_before_yesterday",
        re.compile(words("the day before yesterday")),
        _days_back(2, "two days before publication"),
        keywords=("yesterday",),
    ),
    Rule(
        "count_ago",
        re.compile(
            rf"(?P<n>{COUNT_RE})\s+(?P<unit>{_UNIT})\s+"
            rf"(?P<dir>(?i:ago|earlier|previously|later))(?!\s+than\b)"
        ),
        _count_ago,
        keywords=("ago", "earlier", "previously", "later"),
    ),
    Rule(
        "past_period",
        re.compile(
            rf"(?i:in|over|during|within|for)\s+(?i:the)\s+(?i:past|last|previous)\s+"
            rf"(?:(?P<n>{COUNT_RE})\s+)?(?P<unit>{_UNIT})"
        ),
        _past_period,
        keywords=("past", "last", "previous"),
    ),
    Rule(
        "week",
        re.compile(
            words(
                "earlier this week",
                "later this week",
                "this week",
                "last week",
                "the previous week",
                "the past week",
                "earlier in the week",
                "next week",
            )
        ),
        _week,
        keywords=("week",),
    ),
    Rule(
        "weekend",
        re.compile(
            r"(?i:over|at|during|on|this|last|the\s+past|next|this\s+coming)\s+"
            r"(?:(?i:the)\s+)?(?:(?i:past)\s+)?(?i:weekend)"
        ),
        _weekend,
        keywords=("weekend",),
    ),
    Rule(
        "month",
        re.compile(
            words(
                "earlier this month",
                "later this month",
                "this month",
                "last month",
                "the previous month",
                "next month",
                "earlier in the month",
            )
        ),
        _month,
        keywords=("month",),
    ),
    Rule(
        "year",
        re.compile(
            words(
                "earlier this year",
                "this year",
                "last year",
                "the previous year",
                "the past year",
                "next year",
                "earlier in the year",
            )
        ),
        _year,
        keywords=("year",),
    ),
    Rule(
        "anchored_before",
        re.compile(words("the previous day", "the day before", "the night before", "a day before")),
        _anchored(-1),
        keywords=("day", "night"),
    ),
    Rule(
        "anchored_after",
        re.compile(
            words(
                "the next day",
                "the following day",
                "the next morning",
                "the following morning",
                "a day later",
                "the day after",
                "the next night",
                "the following night",
            )
        ),
        _anchored(1),
        keywords=("day", "night", "morning"),
    ),
    Rule(
        "anchored_same",
        re.compile(words("the same day", "that same day", "later that day", "earlier that day")),
        _anchored(0),
        keywords=("day",),
    ),
    Rule(
        "vague",
        re.compile(
            words(
                "recently",
                "lately",
                "in recent days",
                "in recent weeks",
                "in recent months",
                "in recent years",
                "some time ago",
                "a while ago",
                "the other day",
                "a few days ago",
                "several days ago",
                "days ago",
                "a few weeks ago",
                "several weeks ago",
                "weeks ago",
                "months ago",
                "years ago",
                "a few days earlier",
                "in the past few days",
                "in the last few days",
                "in the past few weeks",
                "in the coming days",
                "in the coming weeks",
            )
        ),
        _vague,
        keywords=("recent", "lately", "ago", "other day", "coming", "few days", "earlier"),
    ),
)
