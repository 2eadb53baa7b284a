"""Fatality counts from news sentences and ACLED notes, coded the way ACLED
codes them: the lowest figure a report supports.

Rules (the lexicon lives in ``data/fatalities.yaml``):

* Ranges and hedges give their lower bound: "between 5 and 7 killed" is 5
  (low 5, high 7), "at least 12" is 12, "more than 40" is 40, "up to 20" is
  1 (high 20): a ceiling says nothing about the floor except that someone died.
* Vague quantities take the count listed in the lexicon ("dozens" 12,
  "hundreds" 100, "several" 3).
* Singular determiners count one only before a noun for a person: "a soldier
  was killed" is 1, "a checkpoint, 3 soldiers were killed" is 3.
* Deaths named in one report are summed ("3 soldiers and 2 civilians were
  killed" is 5; "4 killed ... also 2 militants killed" is 6). Anaphoric
  mentions ("the victim died", "both were killed", "he died") count only when
  nothing else does, since they usually repeat an earlier mention.
* A stated total ("10 fatalities", "the death toll rose to 7") wins over the
  parts it sums; several totals that disagree give the lowest.
* Injuries are never fatalities. "killed or injured", "casualties" and
  "killing and injuring" do not say how many died, so they do not count.
* ACLED coding statements win over everything: "fatalities coded as 10",
  "split between 3 events (4)", "rounded down to 3". A total split between K
  events without the share written out gives the share of the first event,
  ceil(total / K), as ACLED gives the remainder to the first rows.
* Deaths that a protest is about ("protested after two men were killed") are
  background, not the event's own fatalities.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.numbers import CARDINAL_PATTERN, is_year, parse_cardinal
from frontwatch.models import Fatalities

LEXICON_FILE = "fatalities.yaml"
UNKNOWN_WHO = "people"


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    vague_quantities: Mapping[str, int]
    death_passive: tuple[str, ...]
    death_active: tuple[str, ...]
    death_nouns: tuple[str, ...]
    body_nouns: tuple[str, ...]
    injury_words: tuple[str, ...]
    no_death_phrases: tuple[str, ...]
    who_of_noun: Mapping[str, str]  # singular and plural person nouns -> who
    singular_nouns: frozenset[str]
    not_people: frozenset[str]


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """One phrase reporting deaths, with character offsets into the text."""

    start: int
    end: int
    count: int
    low: int
    high: int
    who: str  # "civilians", "security forces", "militants" or "people"
    text: str
    reason: str
    kind: str = "victims"  # "victims" (a group of dead) or "total" (a stated toll)
    anaphoric: bool = False  # "the victim", "both", "he": likely a repeat
    background: bool = False  # deaths a protest is about, not the event's own


@dataclass(frozen=True, slots=True)
class _Quantity:
    count: int
    low: int
    high: int
    reason: str
    singular: bool  # "a", "the", "his": needs a person noun to count
    anaphoric: bool


def _phrase_pattern(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def _plural(noun: str, irregular: Mapping[str, str]) -> str:
    if noun in irregular:
        return irregular[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _string_list(raw: dict[str, object], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{LEXICON_FILE}: '{key}' must be a list of strings")
    return tuple(str(v).lower() for v in value)


def parse_lexicon(raw: object) -> FatalityLexicon:
    """Validate the YAML structure of the lexicon file."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{LEXICON_FILE}: top level must be a mapping")
    vague = raw.get("vague_quantities")
    if not isinstance(vague, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in vague.items()
    ):
        raise ConfigError(f"{LEXICON_FILE}: 'vague_quantities' must map phrases to counts")
    people = raw.get("person_nouns")
    irregular = raw.get("irregular_plurals")
    if not isinstance(people, dict) or not isinstance(irregular, dict):
        raise ConfigError(f"{LEXICON_FILE}: 'person_nouns' and 'irregular_plurals' are mappings")
    who_of_noun: dict[str, str] = {}
    singular: set[str] = set()
    for who, nouns in people.items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
            raise ConfigError(f"{LEXICON_FILE}: person_nouns.{who} must be a list of strings")
        for noun in nouns:
            head = noun.split()[-1]
            singular.add(head)
            who_of_noun.setdefault(head, str(who))
            who_of_noun.setdefault(_plural(head, irregular), str(who))
    return FatalityLexicon(
        vague_quantities={str(k).lower(): int(v) for k, v in vague.items()},
        death_passive=_string_list(raw, "death_passive"),
        death_active=_string_list(raw, "death_active"),
        death_nouns=_string_list(raw, "death_nouns"),
        body_nouns=_string_list(raw, "body_nouns"),
        injury_words=_string_list(raw, "injury_words"),
        no_death_phrases=_string_list(raw, "no_death_phrases"),
        who_of_noun=who_of_noun,
        singular_nouns=frozenset(singular - {"people", "personnel"}),
        not_people=frozenset(_string_list(raw, "not_people")),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> FatalityLexicon:
    """The packaged lexicon, read once."""
    source = resources.files("frontwatch.data").joinpath(LEXICON_FILE)
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {LEXICON_FILE}: {exc}") from exc
    return parse_lexicon(raw)
