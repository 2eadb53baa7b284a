"""Date resolution for the rest of frontwatch: one import for every question.

- ``find_dates``: every date expression in a text, resolved.
- ``resolve_expression``: the span of one expression.
- ``event_date_span``: the date of the event a text reports.
- ``historical_cue`` / ``is_historical``: is a sentence background?
- ``is_future``: is a date after publication (planned, not happened)?
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from frontwatch.dates import spans
from frontwatch.dates.background import (
    HISTORICAL_CUES,
    historical_cue,
    is_future,
    is_historical,
    span_is_old,
)
from frontwatch.dates.cues import discovery_cue
from frontwatch.dates.mentions import NOT_A_DATE, DateMention, find_dates, resolve_expression
from frontwatch.models import DAY, WEEK, DateSpan

__all__ = [
    "HISTORICAL_CUES",
    "NOT_A_DATE",
    "DateMention",
    "event_date_span",
    "find_dates",
    "historical_cue",
    "is_future",
    "is_historical",
    "resolve_expression",
    "span_is_old",
]

DISCOVERY_REASON = "date a body was found: the death is on or before it"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9\"'(]|\s*$)")


# A date that says when something was said, not when it happened.
_REPORTED_ON = re.compile(
    r"\b(?:said|says|admitted|admits|announced|announces|confirmed|confirms|reported|"
    r"reports|told|stated|claimed|claims|acknowledged|acknowledges|revealed|disclosed)\s+$",
    re.IGNORECASE,
)
_COUNTED_BACK = re.compile(r"\b(?:earlier|before|previously)\b", re.IGNORECASE)


def _dated_back(text: str, reported: DateMention, later: list[DateMention]) -> DateSpan | None:
    """ "Officials admitted on Wednesday that Mosul had fallen a day earlier":
    the first date is when it was said; the event is the day counted back
    from it in the same sentence."""
    if _REPORTED_ON.search(text, max(0, reported.start - 40), reported.start) is None:
        return None
    for mention in later:
        if _SENTENCE_END.search(text, reported.end, mention.start) is not None:
            return None
        span = mention.span
        if (
            _COUNTED_BACK.search(mention.text)
            and span.start is not None
            and reported.span.start is not None
            and span.start < reported.span.start
        ):
            return dataclasses.replace(
                span, reason=f"{span.reason} ({reported.text} is when it was said)"
            )
    return None


def _sentence_around(text: str, mention: DateMention) -> str:
    """The sentence a mention stands in (a rough split: enough to scope a cue)."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, mention.start):
        start = end.end()
    after = _SENTENCE_END.search(text, mention.end)
    return text[start : after.end() if after else len(text)]


# A capture reported in the lead is usually the day of the report, but an
# undated sentence otherwise only tells us the event happened by publication.
UNDATED_REASON = "no date in the sentence: on or shortly before publication"


def undated_sentence_span(published: dt.date | None, told_before: DateSpan | None) -> DateSpan:
    """The date of a sentence that gives none: that of the paragraph's last
    dated sentence (``told_before``), else the publication date with week
    precision."""
    if told_before is not None:
        return dataclasses.replace(
            told_before, reason=f"{told_before.reason}; date of the sentence before"
        )
    if published is None:
        return DateSpan(
            start=None,
            end=None,
            precision=None,
            reason="no date in the sentence and no publication date",
        )
    return DateSpan(start=published, end=published, precision=WEEK, reason=UNDATED_REASON)


def event_date_span(text: str, published: dt.date | None) -> DateSpan:
    """The date of the event a text reports.

    The rule: the first mention resolved to an ACLED precision (day, week or
    month) that is neither old background nor after publication. ACLED-style
    notes and news leads state the event's date first ("On 9 May 2020, ...";
    "... said on Saturday"); later dates are background or follow-ups. When
    the text reports a body found ("found dead", "the body was found"), a
    day-precision date is the date of discovery and becomes precision WEEK,
    as ACLED codes such events (only when the cue is in the date's own
    sentence: a body found later in the story is a follow-up). A text whose
    mentions are all unusable gives the first one's span (with its reason); a
    text without any gives ``NOT_A_DATE``.
    """
    mentions = find_dates(text, published)
    for index, mention in enumerate(mentions):
        span = mention.span
        if span.start is None or span.precision is None:
            continue
        if span_is_old(span, published) or is_future(span, published):
            continue
        earlier = _dated_back(text, mention, mentions[index + 1 :])
        if earlier is not None:
            return earlier
        if span.precision == DAY and discovery_cue(_sentence_around(text, mention)) is not None:
            return dataclasses.replace(
                span, precision=WEEK, reason=f"{span.reason}; {DISCOVERY_REASON}"
            )
        return span
    if mentions:
        return mentions[0].span
    return spans.unresolved("", NOT_A_DATE)
