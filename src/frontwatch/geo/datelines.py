"""Wire datelines: "KABUL (Reuters) -", "BEIRUT —", "PARIS, Mo. -". A city
in capitals opening the text is well known enough to stand alone, and a
short name in capitals there is a dateline, not an acronym."""

from __future__ import annotations

import re

DATELINE = "dateline"
DATELINE_AGENCY = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.]*)?\s*$")
# "WASHINGTON (AP) -", "BEIRUT —", "WASHINGTON Christopher Steele, ...": a
# city in capitals opening the text, with no region after it (a region after
# it pins the place: "PARIS, Mo.").
_DATELINE_AFTER = re.compile(r"\s*(?:\(|—|–|--?\s|[A-Z][a-z])")
_LEADING_SPACE = re.compile(r"\s*")


def opens_text(text: str, start: int) -> bool:
    """Whether only white space stands before ``start`` (checked without
    copying a long article's text for every mention)."""
    leading = _LEADING_SPACE.match(text)
    return leading is not None and leading.end() >= start


def opens_dateline(text: str, start: int, end: int) -> bool:
    """ "KABUL (Reuters) -", "PARIS, Mo. -": a short name in capitals
    opening the text is a dateline, not an acronym."""
    return opens_text(text, start) and (
        _DATELINE_AFTER.match(text, end) is not None or text[end : end + 2] == ", "
    )


def reads_as_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a city in capitals that opens the text as
    a wire dateline does."""
    return (
        opens_text(text, start)
        and text[start:end].isupper()
        and _DATELINE_AFTER.match(text, end) is not None
    )
