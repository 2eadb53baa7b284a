"""Date mentions in a text, and the span of a single expression.

Never guesses: an expression that cannot be tied to days stays unresolved
with a reason (see ``spans`` for the conventions every rule follows). Never
raises for ordinary text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontwatch.dates import spans
from frontwatch.dates.expressions import scan
from frontwatch.models import DateSpan

NOT_A_DATE = "not a date expression"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text; offsets are into that text."""

    text: str
    start: int
    end: int
    span: DateSpan


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in a sentence or paragraph, in order, resolved.

    Relative expressions are resolved against ``published``; "the next day"
    and "three days earlier" against the latest earlier day in the same text.
    """
    return [
        DateMention(
            text=text[item.start : item.end], start=item.start, end=item.end, span=item.span
        )
        for item in scan(text, published)
    ]


def resolve_expression(expression: str, published: dt.date | None) -> DateSpan:
    """The span of one date expression ("on Saturday", "9 May 2020", "last week").

    The first date expression found in the string is resolved; a string with
    none gives an unresolved span with the reason ``NOT_A_DATE``.
    """
    mentions = find_dates(expression, published)
    if not mentions:
        return spans.unresolved(expression, NOT_A_DATE)
    return mentions[0].span
