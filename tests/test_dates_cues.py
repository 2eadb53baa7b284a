"""Integrity of data/date_cues.tsv and the cue look-ups built on it."""

from __future__ import annotations

from importlib import resources

import pytest

from frontwatch.dates.cues import CUES_FILE, KINDS, discovery_cue, load_cues, parse_cues
from frontwatch.errors import ConfigError


def test_dates_cues_file_is_well_formed() -> None:
    text = resources.files("frontwatch").joinpath("data").joinpath(CUES_FILE).read_text("utf-8")
    cues = parse_cues(text)
    assert cues == load_cues()
    sources = [(c.kind, c.source) for c in cues]
    assert len(sources) == len(set(sources)), "duplicate cue lines"
    assert {c.kind for c in cues} == KINDS
    for cue in cues:
        assert cue.source == cue.source.strip()
        assert cue.pattern.search("") is None, f"{cue.source!r} matches empty text"


@pytest.mark.parametrize(
    "line",
    [
        "historical over the years",  # no tab
        "ancient\tlong ago",  # unknown kind
        "historical\t(unclosed",  # bad regular expression
        "discovery\t   ",  # empty pattern
    ],
)
def test_dates_cues_malformed_lines_are_config_errors(line: str) -> None:
    with pytest.raises(ConfigError):
        parse_cues(line)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("A man was found dead beside the canal.", "was found dead"),
        ("The bodies of two traders were found in a ditch.", "bodies of two traders were found"),
        ("Police recovered the body of a guard.", "recovered the body"),
        ("Gunmen killed a guard at the gate.", None),
        ("Weapons were found in the truck.", None),
    ],
)
def test_dates_cues_discovery(sentence: str, cue: str | None) -> None:
    assert discovery_cue(sentence) == cue
