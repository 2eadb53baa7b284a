"""Integrity of data/fatalities.yaml and its loader."""

from __future__ import annotations

import copy
from importlib import resources
from typing import Any

import pytest
import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.fatalities import find_fatalities
from frontwatch.extract.fatality_lexicon import (
    LEXICON_FILE,
    load_lexicon,
    parse_lexicon,
    report_cue,
)


def _raw() -> dict[str, Any]:
    text = resources.files("frontwatch.data").joinpath(LEXICON_FILE).read_text("utf-8")
    raw = yaml.safe_load(text)
    assert isinstance(raw, dict)
    return raw


def test_fatalities_lexicon_file_is_well_formed() -> None:
    raw = _raw()
    lexicon = parse_lexicon(raw)
    assert lexicon == load_lexicon()
    for section, words in lexicon.words.items():
        assert len(words) == len(set(words)), f"duplicates in {section}"
        assert all(w and w == w.strip() for w in words), section
    for who, nouns in raw["person_nouns"].items():
        assert all(isinstance(n, str) for n in nouns), who
    # a word is a person or a thing, never both
    assert not set(lexicon["not_people"]) & set(lexicon.who_of_noun)
    assert not set(lexicon["injury_words"]) & set(lexicon["death_passive"])
    for phrase in ("no one was killed", "no fatalities"):
        assert phrase in lexicon["no_death_phrases"]
    for name, pattern in lexicon.cues.items():
        assert pattern.search("") is None, f"cue {name} matches empty text"


def test_fatalities_lexicon_vague_counts_are_acled_floors() -> None:
    vague = load_lexicon().vague_quantities
    assert vague["dozens"] == 12
    assert vague["hundreds"] == 100
    assert all(count >= 2 for count in vague.values())


@pytest.mark.parametrize(
    ("section", "value"),
    [
        ("vague_quantities", {"dozens": "twelve"}),
        ("vague_quantities", {"dozens": 0}),
        ("death_passive", []),
        ("clause_words", ["and", False]),  # an unquoted "no" reads as a boolean
        ("person_nouns", ["soldier"]),
        ("cues", {"background": "after"}),
    ],
)
def test_fatalities_lexicon_malformed_sections_are_config_errors(
    section: str, value: object
) -> None:
    raw = copy.deepcopy(_raw())
    raw[section] = value
    with pytest.raises(ConfigError):
        parse_lexicon(raw)


def test_fatalities_lexicon_missing_section_is_a_config_error() -> None:
    raw = copy.deepcopy(_raw())
    del raw["injury_words"]
    with pytest.raises(ConfigError):
        parse_lexicon(raw)
    with pytest.raises(ConfigError):
        parse_lexicon(["not", "a", "mapping"])


def test_fatalities_lexicon_report_cue_is_in_every_phrase() -> None:
    """The quick test before the grammar must pass every phrase the grammar
    reads: a phrase of any section, and every no-death phrase."""
    lex = load_lexicon()
    cue = report_cue()
    for section in (
        "death_passive", "death_active", "death_to_death_verbs", "death_nouns", "body_nouns",
        "injury_words", "no_death_phrases",
    ):  # fmt: skip
        for phrase in lex[section]:
            assert cue.search(phrase), (section, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "The minister visited the market on Monday.",
        "Troops patrolled the border area.",
    ],
)
def test_fatalities_lexicon_text_without_a_cue_has_no_figure(text: str) -> None:
    assert report_cue().search(text) is None
    assert find_fatalities(text) is None
