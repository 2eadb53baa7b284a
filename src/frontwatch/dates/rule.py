"""What a date rule is: a pattern and the function that turns its match into a span."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.models import DateSpan


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What a rule may resolve against.

    ``anchor`` is the day of the latest earlier day-precision mention in the
    same text, for "the next day" or "three days earlier"; None when there is
    none (or when a single expression is resolved on its own).
    """

    published: dt.date | None
    anchor: dt.date | None = None


# A handler returns None when, on a closer look, the match is not a date.
Handler = Callable[[re.Match[str], ResolveContext], DateSpan | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def words(*alternatives: str) -> str:
    """A case-insensitive alternation of phrases, spaces matching any whitespace."""
    escaped = (re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    return rf"(?i:{'|'.join(escaped)})"
