"""A cheap check that an article is in English, the only language the
pipeline's lexicons and model handle.

English prose is about a third function words ("the", "of", "and", ...);
other languages have their own. Counting both needs no model and names the
language in the error, which tells the user what went wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from frontwatch.errors import ConfigError, UnsupportedLanguageError
from frontwatch.yaml_data import load_yaml

FUNCTION_WORDS_FILE = "function_words.yaml"
# Below this many words only clear evidence of another language rejects a
# text: a short English line ("Clashes near Aleppo") may hold no function word.
MIN_WORDS_FOR_SHARE = 12
MIN_ENGLISH_SHARE = 0.15
MIN_OTHER_SHARE_SHORT = 0.25
MAX_FOREIGN_SCRIPT_SHARE = 0.5
SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class FunctionWords:
    english: frozenset[str]
    others: dict[str, frozenset[str]]  # language name -> its words not in English


@cache
def load_function_words() -> FunctionWords:
    """The packaged word lists (read once)."""
    text = resources.files("frontwatch.data").joinpath(FUNCTION_WORDS_FILE).read_text("utf-8")
    try:
        data = load_yaml(text)
        english = frozenset(str(data["english"]).split())
        others = {
            str(name): frozenset(str(words).split()) - english
            for name, words in data["others"].items()
        }
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{FUNCTION_WORDS_FILE}: {type(exc).__name__}: {exc}") from exc
    return FunctionWords(english=english, others=others)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    is_english: bool
    english_share: float  # English function words / words
    other_language: str | None  # the best other candidate ("French", "Arabic script")
    other_share: float
    words: int
    reason: str  # why it was accepted or refused


def guess_language(text: str) -> LanguageGuess:
    # The opening of a long text is as telling as all of it, and cheaper.
    text = text[:SAMPLE_CHARS]
    script, script_share = _main_foreign_script(text)
    if script is not None and script_share > MAX_FOREIGN_SCRIPT_SHARE:
        reason = f"mostly {script} script ({script_share:.0%} of letters), not English"
        return LanguageGuess(False, 0.0, f"{script} script", script_share, 0, reason)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return LanguageGuess(False, 0.0, None, 0.0, 0, "not English: it has no words")
    vocabulary = load_function_words()
    english_hits = sum(1 for w in words if w in vocabulary.english)
    other, other_hits = max(
        ((name, sum(1 for w in words if w in vocab)) for name, vocab in vocabulary.others.items()),
        key=lambda pair: pair[1],
    )
    english_share, other_share = english_hits / len(words), other_hits / len(words)
    shares = (
        f"English function words {english_share:.0%}, {other} {other_share:.0%} "
        f"of {len(words)} words"
    )
    if len(words) < MIN_WORDS_FOR_SHARE:
        foreign = other_hits >= 2 and other_share >= MIN_OTHER_SHARE_SHORT
        is_english = not (foreign and other_hits > english_hits)
    else:
        is_english = english_share >= MIN_ENGLISH_SHARE and english_share > other_share
    verdict = "English" if is_english else f"not English (looks like {other})"
    return LanguageGuess(
        is_english, english_share, other, other_share, len(words), f"{verdict}: {shares}"
    )


def check_english(text: str, *, origin: str = "") -> LanguageGuess:
    """The guess for ``text``; UnsupportedLanguageError if it is not English."""
    guess = guess_language(text)
    if not guess.is_english:
        raise UnsupportedLanguageError(
            f"only English is supported; the text is {guess.reason}", origin=origin
        )
    return guess


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _main_foreign_script(text: str) -> tuple[str | None, float]:
    """The most frequent non-Latin script among the letters, and its share."""
    counts: dict[str, int] = {}
    # Only non-ASCII letters can be of another script (found by the regex
    # engine: a Python loop over every character cost a millisecond a text).
    for char in _NON_ASCII.findall(text):
        if not char.isalpha():
            continue
        script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
        if script != "LATIN":
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None, 0.0
    letters = sum(1 for char in text if char.isalpha())
    script, count = max(counts.items(), key=lambda item: item[1])
    return script.title(), count / letters
