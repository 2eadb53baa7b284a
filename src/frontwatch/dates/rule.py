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
    """A pattern, its handler, and the words without which it cannot match.

    ``keywords`` (lower case) is a cheap prefilter: the pattern runs only on
    text that contains one of them; an empty tuple runs it on every text.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    keywords: tuple[str, ...] = ()

    def may_match(self, lowered_text: str) -> bool:
        return not self.keywords or any(k in lowered_text for k in self.keywords)


def words(*alternatives: str) -> str:
    """A case-insensitive alternation of phrases, spaces matching any whitespace."""
    escaped = (re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
    return rf"(?i:{'|'.join(escaped)})"
