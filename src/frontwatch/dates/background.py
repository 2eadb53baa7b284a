"""Does a sentence describe background rather than a dated event?

A sentence is background when it carries a historical cue ("over the past
year", "for years", "since 2011", "in 2015", "last year") and no date that
could date an event now: a day, a week or a month within
``HISTORICAL_AFTER_DAYS`` of publication. "Rebels who have held the town since
2012 attacked it on Saturday" is an event; "IS has held the town since 2012"
is background.

A span is old (background) when it is coarser than ACLED's month (a year, an
open period "since 2011", "over the past year") or ends more than
``HISTORICAL_AFTER_DAYS`` before publication.
"""

from __future__ import annotations

import datetime as dt

from frontwatch.dates import spans
from frontwatch.dates.cues import lexical_historical_cue, load_cues
from frontwatch.dates.mentions import DateMention, find_dates, resolve_expression
from frontwatch.models import DateSpan

HISTORICAL_AFTER_DAYS = 31

# The lexicon phrases (regular expressions, from data/date_cues.tsv) that mark
# background; old dates ("in 2015", "last year") are found by the date rules.
HISTORICAL_CUES: tuple[str, ...] = tuple(c.source for c in load_cues() if c.kind == "historical")

# Without a publication date a relative expression is resolved against this
# day only to learn its precision and distance ("last year" is a year ago,
# "on Saturday" within the week); the dates themselves are never used.
_REFERENCE_DAY = dt.date(2001, 1, 17)


def span_is_old(span: DateSpan, published: dt.date | None) -> bool:
    if span.start is None:
        return False
    if span.precision is None:
        return True
    if published is None:
        return False
    end = span.end or span.start
    return end < published - dt.timedelta(days=HISTORICAL_AFTER_DAYS)


def is_future(span: DateSpan, published: dt.date | None) -> bool:
    """A date after publication: a planned or announced event, not one that happened."""
    if spans.AFTER_PUBLICATION in span.reason:
        return True
    return span.start is not None and published is not None and span.start > published


def _judged(mention: DateMention, published: dt.date | None) -> tuple[DateSpan, dt.date | None]:
    """The span to judge a mention by, and the day to judge it against."""
    if published is None and mention.span.reason == spans.NO_PUBLICATION:
        return resolve_expression(mention.text, _REFERENCE_DAY), _REFERENCE_DAY
    return mention.span, published


def _is_current(mention: DateMention, published: dt.date | None) -> bool:
    span, reference = _judged(mention, published)
    if span.start is None:
        # A day and month without a year cannot be judged without publication;
        # it is written the way recent dates are.
        return span.reason == spans.NO_YEAR_NO_PUBLICATION
    return not span_is_old(span, reference) and not is_future(span, reference)


def historical_cue(text: str, published: dt.date | None = None) -> str | None:
    """The phrase that makes ``text`` background, or None if it reports a dated event.

    The phrase is the earliest historical cue in the text: a lexicon phrase
    ("for years") or an old date ("in 2015", "last year"). A text that also
    has a current date ("on Saturday", "9 May 2020", "this month") is not
    background, whatever else it says.
    """
    mentions = find_dates(text, published)
    if any(_is_current(m, published) for m in mentions):
        return None
    found: list[tuple[int, str]] = []
    phrase = lexical_historical_cue(text)
    if phrase is not None:
        found.append((text.find(phrase), phrase))
    for mention in mentions:
        span, reference = _judged(mention, published)
        if span_is_old(span, reference):
            found.append((mention.start, mention.text))
            break
    return min(found)[1] if found else None


def is_historical(subject: DateSpan | str, published: dt.date | None = None) -> bool:
    """True for background: a sentence with a historical cue and no current date,
    or a span that is old relative to publication (see ``span_is_old``)."""
    if isinstance(subject, str):
        return historical_cue(subject, published) is not None
    return span_is_old(subject, published)
