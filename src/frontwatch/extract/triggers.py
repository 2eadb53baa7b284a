"""The trigger lexicon (``data/triggers.yaml``) and its matcher.

A trigger is a word or phrase that makes a sentence report an event. Each
phrase word matches a token's lemma or its lower-cased text, so the lexicon
lists base forms only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from frontwatch.errors import ConfigError
from frontwatch.extract.taxonomy import EVENT_TYPE_OF, TERRITORIAL
from frontwatch.yaml_data import load_yaml

RULES = ("@territory", "@violence", "@protest", "@riot", "@none")
NO_EVENT = "@none"
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    phrase: str
    words: tuple[str, ...]
    sub: str  # an ACLED sub-event type or one of RULES
    territorial: str | None = None
    pos: str | None = None
    weak: bool = False
    reverse: bool = False
    rank: int | None = None  # overrides the sub-event type's tactic rank
    requires: re.Pattern[str] | None = None  # the sentence must match this


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    entry: TriggerEntry
    token_start: int  # token indices in the Doc
    token_end: int
    start: int  # character offsets in the Doc text
    end: int
    text: str

    @property
    def head(self) -> int:
        """Index of the token that carries the trigger (the first word)."""
        return self.token_start


class TriggerLexicon:
    def __init__(self, entries: Sequence[TriggerEntry]) -> None:
        self.entries = tuple(entries)
        self._by_first: dict[str, list[TriggerEntry]] = defaultdict(list)
        for entry in self.entries:
            self._by_first[entry.words[0]].append(entry)
        for bucket in self._by_first.values():
            bucket.sort(key=lambda e: -len(e.words))  # longest phrase first

    @classmethod
    def from_yaml(cls, text: str) -> TriggerLexicon:
        try:
            raw = load_yaml(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"trigger lexicon is not valid YAML: {exc}") from exc
        if not isinstance(raw, list):
            raise ConfigError("trigger lexicon must be a YAML list of entries")
        return cls([_entry(item, index) for index, item in enumerate(raw)])

    @classmethod
    def packaged(cls) -> TriggerLexicon:
        return _packaged()

    def find(self, sentence: Span) -> list[TriggerMatch]:
        """All trigger matches in a sentence, longest first at each position,
        never overlapping."""
        matches: list[TriggerMatch] = []
        tokens = list(sentence)
        # Span.text, not Doc.text: spaCy rebuilds a Doc's text from every
        # token on each access.
        text, offset = sentence.text, sentence.start_char
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, i)
            if found is None:
                i += 1
                continue
            entry, length = found
            if entry.requires is not None and entry.requires.search(text) is None:
                i += 1
                continue
            if entry.sub == NO_EVENT:
                i += length  # the words name no event: skip them
                continue
            first, last = tokens[i], tokens[i + length - 1]
            matches.append(
                TriggerMatch(
                    entry=entry,
                    token_start=first.i,
                    token_end=last.i + 1,
                    start=first.idx,
                    end=last.idx + len(last.text),
                    text=text[first.idx - offset : last.idx + len(last.text) - offset],
                )
            )
            i += length
        return matches

    def _match_at(self, tokens: list[Token], i: int) -> tuple[TriggerEntry, int] | None:
        for key in _keys(tokens[i]):
            for entry in self._by_first.get(key, ()):
                length = len(entry.words)
                if i + length > len(tokens):
                    continue
                if entry.pos and tokens[i].pos_ != entry.pos:
                    continue
                if all(word in _keys(tokens[i + k]) for k, word in enumerate(entry.words) if k > 0):
                    return entry, length
        return None


def _keys(token: Token) -> tuple[str, ...]:
    # A capitalised plural the small model leaves unlemmatised ("3 Grad
    # Missiles": NNP, lemma "Missiles") also matches its singular.
    if token.tag_ in ("NNP", "NNPS") and token.lower_.endswith("s") and len(token.lower_) > 3:
        return token.lemma_.lower(), token.lower_, token.lower_[:-1]
    return token.lemma_.lower(), token.lower_


def _entry(item: object, index: int) -> TriggerEntry:
    if not isinstance(item, dict) or "phrase" not in item or "sub" not in item:
        raise ConfigError(f"trigger entry {index} needs 'phrase' and 'sub': {item!r}")
    phrase = str(item["phrase"]).strip().lower()
    sub = str(item["sub"])
    if sub not in RULES and sub not in EVENT_TYPE_OF:
        raise ConfigError(f"trigger {phrase!r}: unknown sub-event type {sub!r}")
    territorial = item.get("territorial")
    if territorial is not None and territorial not in TERRITORIAL:
        raise ConfigError(f"trigger {phrase!r}: unknown territorial status {territorial!r}")
    words = tuple(_WORD.findall(phrase))
    if not words:
        raise ConfigError(f"trigger entry {index} has an empty phrase")
    return TriggerEntry(
        phrase=phrase,
        words=words,
        sub=sub,
        territorial=territorial,
        pos=item.get("pos"),
        weak=bool(item.get("weak", False)),
        reverse=bool(item.get("reverse", False)),
        rank=int(item["rank"]) if item.get("rank") is not None else None,
        requires=_pattern(phrase, item.get("requires")),
    )


def _pattern(phrase: str, value: object) -> re.Pattern[str] | None:
    if value is None:
        return None
    try:
        return re.compile(str(value), re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"trigger {phrase!r}: bad 'requires' pattern: {exc}") from exc


@lru_cache(maxsize=1)
def _packaged() -> TriggerLexicon:
    text = resources.files("frontwatch.data").joinpath("triggers.yaml").read_text("utf-8")
    return TriggerLexicon.from_yaml(text)
