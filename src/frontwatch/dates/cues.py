"""Phrase cues from ``data/date_cues.tsv``: background periods and discovered bodies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from frontwatch.errors import ConfigError

CUES_FILE = "date_cues.tsv"
KINDS = frozenset({"historical", "discovery"})


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    source: str  # the pattern as written in the data file
    pattern: re.Pattern[str]


def parse_cues(text: str) -> tuple[Cue, ...]:
    """Cues from the data file's text; a malformed line is a ``ConfigError``."""
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, separator, source = line.partition("\t")
        if not separator or kind not in KINDS or not source.strip():
            raise ConfigError(
                f"{CUES_FILE}:{number}: expected 'kind<TAB>pattern', kind in {sorted(KINDS)}"
            )
        flexible = source.strip().replace(" ", r"\s+")
        try:
            pattern = re.compile(rf"(?<![\w-])(?:{flexible})(?![\w-])", re.IGNORECASE)
        except re.error as error:
            raise ConfigError(f"{CUES_FILE}:{number}: bad pattern: {error}") from error
        cues.append(Cue(kind, source.strip(), pattern))
    return tuple(cues)


@cache
def load_cues() -> tuple[Cue, ...]:
    text = (
        resources.files("frontwatch")
        .joinpath("data")
        .joinpath(CUES_FILE)
        .read_text(encoding="utf-8")
    )
    return parse_cues(text)


def first_cue(text: str, kind: str) -> str | None:
    """The earliest phrase of the given kind in ``text``, as written there."""
    best: re.Match[str] | None = None
    for cue in load_cues():
        if cue.kind != kind:
            continue
        match = cue.pattern.search(text)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best[0] if best is not None else None


def discovery_cue(text: str) -> str | None:
    """ "found dead", "the body was found": the date given is when it was found."""
    return first_cue(text, "discovery")


def lexical_historical_cue(text: str) -> str | None:
    """ "over the past year", "for years", "since the war began" (phrases only)."""
    return first_cue(text, "historical")
