"""Crowd size of a protest or riot, as reported ("hundreds", "around 30").

ACLED records it as a tag ("crowd size=hundreds"); its notes end with a
"[size=...]" tag, which wins when present. Otherwise the first quantity
written before a crowd noun is taken, as written: sizes are reported
loosely and are kept as text, not turned into numbers.
"""

from __future__ import annotations

import re

ACLED_TAG = re.compile(r"\[size=(?P<size>[^\]]+)\]", re.IGNORECASE)
NOT_REPORTED = frozenset({"no report", "no reports", "not reported", "unknown"})
_HEDGE = r"(?:about|around|some|nearly|almost|approximately|roughly|at least|more than|over|up to|"
_HEDGE += r"an estimated|close to)"
_COUNT = (
    r"(?:\d[\d,.]*(?:\s*(?:hundred|thousand|million))?|"
    r"(?:a few|several) (?:dozen|hundred|thousand)|"
    r"a few|several|a handful|a dozen|dozens|"
    r"scores|hundreds|thousands|tens of thousands|hundreds of thousands|tens|a hundred|"
    r"a thousand|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)"
    r"(?:\s+(?:hundred|thousand))?)"
)
_CROWD = (
    r"(?:people|persons|protesters|protestors|demonstrators|marchers|rioters|residents|"
    r"villagers|workers|students|teachers|farmers|traders|merchants|drivers|supporters|"
    r"activists|women|men|youths|members|employees|doctors|nurses|citizens|inhabitants|"
    r"participants|followers|families|locals|miners|pensioners|retirees|vendors|labou?rers|"
    r"staff|parents|relatives|youth|fans|believers|worshippers|peasants|fishermen|lawyers)"
)
CROWD_PHRASE = re.compile(
    rf"\b(?P<size>(?:{_HEDGE}\s+)?{_COUNT})\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?{_CROWD}\b",
    re.IGNORECASE,
)


def crowd_size(text: str) -> str | None:
    """The crowd size ``text`` reports, as written; None when it gives none."""
    tag = ACLED_TAG.search(text)
    if tag is not None:
        size = tag.group("size").strip()
        return None if size.lower() in NOT_REPORTED else size
    phrase = CROWD_PHRASE.search(text)
    if phrase is None:
        return None
    return re.sub(r"\s+", " ", phrase.group("size").strip())
