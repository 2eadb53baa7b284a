"""The quick cue check before a name gives what the cue expression's own
search gives."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from frontwatch.geo.cues import _CUE_LAST_WORDS, CUE_BEFORE, cue_before

PHRASES = [
    "Fighting raged on the outskirts of ",
    "Shells fell in the vicinity of the ",
    "a village close to ",
    "troops deployed near ",
    "in the nearby ",
    "areas of ",
    "just outside of ",
    "gunmen outside ",
    "clashes around ",
    "the surroundings of ",
    "12 km north-west of ",
    "in the southern countryside of ",
    "rural ",
    "in the province of ",
    "in the city of ",
    "seized control of ",
    "rebels entered ",
    "the army recaptured the ",
    "(in ",
    "fled into ",
    "moved from ",
    "towards ",
    "across ",
    "between ",
    "Homs and ",
    "the convoy drove via ",
    "The army said ",
    "no cue here",
    "",
    "soldiers were killed in",
]


def _demo_windows() -> list[str]:
    folder = resources.files("frontwatch.data") / "demo"
    windows = []
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            text = entry.read_text(encoding="utf-8")
            starts = [m.start() for m in re.finditer(r"\b[A-Z]", text)]
            windows += [text[max(0, start - 48) : start] for start in starts]
    return windows


@pytest.mark.parametrize("window", PHRASES)
def test_geo_cues_prefilter_phrases(window: str) -> None:
    found, expected = cue_before(window), CUE_BEFORE.search(window)
    assert (found.span() if found else None) == (expected.span() if expected else None)


def test_geo_cues_prefilter_demo_windows() -> None:
    windows = _demo_windows()
    assert len(windows) > 1000
    differing = [
        w for w in windows if (cue_before(w) is None) != (CUE_BEFORE.search(w) is None)
    ]
    assert differing == []
    assert sum(cue_before(w) is not None for w in windows) > 100


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source."""
    parts, depth, current = [], 0, ""
    for index, char in enumerate(pattern):
        escaped = index > 0 and pattern[index - 1] == "\\"
        if char == "(" and not escaped:
            depth += 1
        elif char == ")" and not escaped:
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _last_words(alternative: str) -> set[str]:
    """The words an alternative can end with (a trailing group: any of its
    own alternatives' last words)."""
    body = re.sub(r"(?:\\s[+*]|\?)+$", "", alternative)
    if body.endswith(")"):
        depth = 0
        for index in range(len(body) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(body[index], 0)
            if depth == 0:
                inner = re.sub(r"^\(\?(?::|P<\w+>)", "", body[index:-1])
                return {w for alt in _alternatives(inner) for w in _last_words(alt)}
    return {re.findall(r"[a-z]+", body)[-1]}


def test_geo_cues_prefilter_knows_every_last_word() -> None:
    source = CUE_BEFORE.pattern
    group = source[source.index("(?P<cue>") + len("(?P<cue>") : source.rindex(r")\s+(?:the")]
    last = {w for alt in _alternatives(group) for w in _last_words(alt)}
    assert "central" in last and "of" in last
    assert last <= _CUE_LAST_WORDS, sorted(last - _CUE_LAST_WORDS)
