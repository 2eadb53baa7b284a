"""The fatality lexicon (``data/fatalities.yaml``) and the patterns built
from it, for ``frontwatch.extract.fatalities``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.numbers import (
    CountedPhraseGrammar,
    phrase_alternation,
    quantity_pattern,
)
from frontwatch.yaml_data import load_yaml

LEXICON_FILE = "fatalities.yaml"
_WORD_LISTS = (
    "death_passive", "death_active", "death_to_death_verbs", "death_nouns", "body_nouns",
    "injury_words", "no_death_phrases", "participles", "not_people", "auxiliaries",
    "clause_words",
)  # fmt: skip
_CUE_LISTS = (
    "background", "protest", "past_time", "other_sources", "found", "restatement", "new_people",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    vague_quantities: Mapping[str, int]
    words: Mapping[str, tuple[str, ...]]  # the word lists, by section name
    cues: Mapping[str, re.Pattern[str]]  # the context cues, compiled
    who_of_noun: Mapping[str, str]  # singular and plural person nouns -> who
    singular_nouns: frozenset[str]
    plural_nouns: frozenset[str]

    def __getitem__(self, section: str) -> tuple[str, ...]:
        return self.words[section]


# --- Lexicon -----------------------------------------------------------------------------


def _plural(noun: str, irregular: Mapping[str, str]) -> str:
    if noun in irregular:
        return irregular[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _word_list(raw: Mapping[str, object], section: str) -> tuple[str, ...]:
    value = raw.get(section)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{LEXICON_FILE}: '{section}' must be a non-empty list of strings")
    return tuple(v.lower().strip() for v in value)


def _cue_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word phrases; a trailing "*" stands for any word ending."""
    parts = [r"\s+".join(re.escape(w) for w in p.rstrip("*").split()) for p in phrases]
    parts = [
        part + (r"\w*" if p.endswith("*") else r"\b")
        for part, p in zip(parts, phrases, strict=True)
    ]
    return re.compile(rf"\b(?:{'|'.join(sorted(parts, key=len, reverse=True))})", re.IGNORECASE)


def parse_lexicon(raw: object) -> FatalityLexicon:
    """Validate the structure of the lexicon file."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{LEXICON_FILE}: top level must be a mapping")
    vague, people = raw.get("vague_quantities"), raw.get("person_nouns")
    irregular, cues = raw.get("irregular_plurals"), raw.get("cues")
    if not isinstance(vague, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in vague.items()
    ):
        raise ConfigError(f"{LEXICON_FILE}: 'vague_quantities' must map phrases to counts > 0")
    if (
        not isinstance(people, dict)
        or not isinstance(irregular, dict)
        or not isinstance(cues, dict)
    ):
        raise ConfigError(f"{LEXICON_FILE}: person_nouns, irregular_plurals, cues are mappings")
    who_of_noun: dict[str, str] = {}
    singular: set[str] = set()
    plural: set[str] = set()
    for who in people:
        for noun in _word_list(people, who):
            head = noun.split()[-1]
            singular.add(head)
            plural.add(_plural(head, irregular))
            who_of_noun.setdefault(head, str(who))
            who_of_noun.setdefault(_plural(head, irregular), str(who))
    return FatalityLexicon(
        vague_quantities={k.lower(): v for k, v in vague.items()},
        words={section: _word_list(raw, section) for section in _WORD_LISTS},
        cues={name: _cue_pattern(_word_list(cues, name)) for name in _CUE_LISTS},
        who_of_noun=who_of_noun,
        singular_nouns=frozenset(singular),
        plural_nouns=frozenset(plural - singular),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> FatalityLexicon:
    """The packaged lexicon, read once."""
    source = resources.files("frontwatch.data").joinpath(LEXICON_FILE)
    try:
        raw = load_yaml(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {LEXICON_FILE}: {exc}") from exc
    return parse_lexicon(raw)


def context_cue(name: str) -> re.Pattern[str]:
    return load_lexicon().cues[name]


# --- Grammar -----------------------------------------------------------------------------

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class FatalityGrammar:
    groups: CountedPhraseGrammar  # "3 soldiers and 2 civilians"
    chain_gap: re.Pattern[str]  # between the dead and a passive verb: place, auxiliaries
    passive_verb: re.Pattern[str]
    death_noun: re.Pattern[str]
    active_verb: re.Pattern[str]
    to_death_verb: re.Pattern[str]
    pronoun_subject: re.Pattern[str]
    singular_passive: re.Pattern[str]  # "... was (shot and) killed", not "who was"
    phrases: tuple[tuple[re.Pattern[str], str, str], ...]  # "death toll rose to", "body of"
    ambiguous_after: re.Pattern[str]
    injury: re.Pattern[str]
    no_death: re.Pattern[str]
    unpassive_verbs: frozenset[str]  # read as passive only with an auxiliary


# Word beginnings the coding statements and tolls of fatalities.py are built
# on, besides the lexicon's own words.
_STATEMENT_STEMS = (
    "fatalit", "casualt", "toll", "rounded", "coded", "split", "spread", "distributed",
    "divided", "dead", "died", "death", "kill", "murder", "lifeless", "charred", "bod",
)  # fmt: skip


# Sections whose phrases start with a word of death or injury.
_CUE_SECTIONS = (
    "death_passive", "death_active", "death_to_death_verbs", "death_nouns", "body_nouns",
    "injury_words",
)  # fmt: skip


def _first_words(lex: FatalityLexicon) -> set[str]:
    """The first word of every death and injury phrase ("lost" of "lost
    their lives"): the grammar's stop words and the quick test's cues."""
    return {phrase.split()[0] for section in _CUE_SECTIONS for phrase in lex[section]}


@lru_cache(maxsize=1)
def report_cue() -> re.Pattern[str]:
    """Any word a report of deaths, injuries or of nobody hurt needs: a text
    without one has no fatality figure (a quick test before the grammar)."""
    lex = load_lexicon()
    # A phrase needs its first word ("lost" of "lost their lives"); a
    # no-death phrase its last ("no loss of life").
    words = _first_words(lex)
    words |= {phrase.split()[-1] for phrase in lex["no_death_phrases"]} | set(_STATEMENT_STEMS)
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})", re.IGNORECASE)


@lru_cache(maxsize=1)
def fatality_grammar() -> FatalityGrammar:
    lex = load_lexicon()
    quantity = quantity_pattern(lex.vague_quantities)
    stop_words = [*lex["clause_words"], *lex["auxiliaries"], *sorted(_first_words(lex))]
    aux = phrase_alternation(lex["auxiliaries"])
    injury = phrase_alternation(lex["injury_words"])
    passive_verbs = phrase_alternation(lex["death_passive"])
    deaths = phrase_alternation(lex["death_nouns"])
    bodies = phrase_alternation(lex["body_nouns"])
    # "were SHOT AND killed", "was SHOT IN THE HEAD AND died"
    prior_act = (
        rf"(?!(?:{injury})\b)(?:[A-Za-z]+ed|shot|beaten|hit|struck|caught|burnt|taken)"
        r"(?:\s+[\w'’-]+){0,4}?\s+and\s+"
    )
    aux_gap = rf"\s+(?:(?:{aux})\s+)*(?:{prior_act}(?:(?:{aux})\s+)*)?"
    # "two men IN THE MARKET AREA OF Kabul (Kabul) were killed": names, brackets
    # and place nouns only, so that no clause hides in it.
    place = (
        r"(?:\s+(?:in|at|near|from)\b(?:\s+(?:in|at|near|from|of|the|and|(?-i:[A-Z])[\w'’\-]*"
        r"|\([^()]{0,80}\)|area|district|village|town|city|province|region|neighbou?rhood"
        r"|countryside|outskirts|camp|market|prison|state|county|suburb))*)?"
    )
    cause = r"(?:lead(?:ing)?\s+to|led\s+to|result(?:ed|ing)?\s+in|caus(?:ed|ing|e)|left)"
    phrases = (
        (rf"\bdeath\s+toll\b[^.;]{{0,40}}?\b(?:to|at|of|is|was|reached|hit)\s+(?={quantity})",
         "death toll", "total"),
        # "the number of people killed when the shell hit ... has risen to 50"
        (rf"\bnumber\s+of\s+(?:people\s+|civilians\s+|those\s+)?(?:killed|dead|who\s+died)\b"
         rf"[^.;]{{0,90}}?\b(?:rose|risen|climbed|reached|stands|stood)\s+(?:to\s+|at\s+)?(?={quantity})",
         "number killed", "total"),
        (rf"\b{cause}\s+(?:the\s+)?(?:{deaths}|killings?|murders?)\s+of\s+(?={quantity})",
         "caused the death of", "victims"),
        (rf"\b(?:dead\s+|lifeless\s+|charred\s+)?(?:{bodies})\s+of\s+(?={quantity})",
         "body of", "victims"),
    )  # fmt: skip
    return FatalityGrammar(
        groups=CountedPhraseGrammar(lex.vague_quantities, stop_words, lex["participles"]),
        chain_gap=re.compile(place + aux_gap, _FLAGS),
        passive_verb=re.compile(rf"(?<![\w-])(?:{passive_verbs})(?![\w'’])", _FLAGS),
        death_noun=re.compile(rf"(?<![\w-])(?:{deaths}|{bodies})\b", _FLAGS),
        active_verb=re.compile(rf"\b(?:{phrase_alternation(lex['death_active'])})\b", _FLAGS),
        to_death_verb=re.compile(
            rf"\b(?:{phrase_alternation(lex['death_to_death_verbs'])})\b", _FLAGS
        ),
        pronoun_subject=re.compile(
            rf"\b(?:he|she)\s+(?:(?:{aux})\s+)*(?:{prior_act})?"
            rf"(?P<verb>{passive_verbs})(?![\w'’])",
            _FLAGS,
        ),
        singular_passive=re.compile(rf"(?<!\bwho\s)(?<!\bthat\s)\bwas{aux_gap}$", _FLAGS),
        phrases=tuple((re.compile(p, _FLAGS), reason, kind) for p, reason, kind in phrases),
        ambiguous_after=re.compile(
            rf"\s*(?:(?:,\s*)?(?:and|or|/|and/or)\s+(?:(?:were|was)\s+)?|,\s*)(?:{injury})\b"
            r"|\s+(?:from|of|due\s+to)\s+(?:the\s+)?(?:coronavirus|covid|virus|illness|disease"
            r"|natural\s+causes|cancer|heart)",
            _FLAGS,
        ),
        injury=re.compile(rf"\b(?:{injury})\b", _FLAGS),
        no_death=re.compile(
            rf"\b(?:{phrase_alternation(lex['no_death_phrases'])})\b"
            r"|\bneither\s+(?:injuries|fatalities|casualties|deaths)\s+nor\b",
            _FLAGS,
        ),
        unpassive_verbs=frozenset(lex["death_passive"]) & frozenset(lex["death_active"]),
    )
