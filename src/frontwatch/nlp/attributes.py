"""The model's attribute rules (tag map, morphology and lemma exceptions),
applied without spaCy's Matcher.

spaCy's ``attribute_ruler`` runs a token Matcher over every Doc and then
builds a Span and sets attributes for every one of its (on average six)
matches per token; on the parsed runs it cost as much as the dependency
parser (PERFORMANCE.md). Its patterns are few and mostly look at one
token's tag and lower-cased text, so the same rules can be decided once per
distinct (tag, text, dependency, space) combination and cached.

``AttributeTable`` reads the patterns of the loaded model's own ruler, so it
follows whatever model is configured; it gives the same tags, parts of
speech, morphology and lemmas as the ruler (tests/test_nlp_attributes.py
compares the two token by token). The ruler is kept beside it: the trigger
prefilter reads its lemma patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

from frontwatch.errors import ConfigError

RULER = "attribute_ruler"
# The token attributes the patterns may test, in the order of a token's key.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

_TokenKey = tuple[int, int, int, int]  # the hashes of _TESTED (IS_SPACE as 0/1)
# Token keys remembered at most (a news archive's vocabulary keeps growing).
_CACHE_LIMIT = 200_000
_Id = TypeVar("_Id")


@dataclass(frozen=True, slots=True)
class _Rule:
    """One of the ruler's entries: its patterns, what it sets, on which token."""

    order: int  # the ruler's own order: later rules win
    patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    attrs: Mapping[int, int]  # normalised, as the ruler stores them
    index: int


class _SpecIndex(Generic[_Id]):
    """Token specs (one token of a Matcher pattern), found by a token's key.

    Specs that do not test the text are decided once per (tag, dependency,
    space) combination; specs on the text are looked up by the token's
    lower-cased text; the rest (a regular expression on the text) are
    checked per token."""

    def __init__(self, specs: Iterable[tuple[_Id, Mapping[str, Any]]]) -> None:
        self._generic: list[tuple[_Id, Mapping[str, Any]]] = []
        self._by_lower: dict[str, list[tuple[_Id, Mapping[str, Any]]]] = {}
        self._other: list[tuple[_Id, Mapping[str, Any]]] = []
        for ident, spec in specs:
            unknown = set(spec) - set(_TESTED)
            if unknown:
                raise ConfigError(
                    f"an attribute rule tests {sorted(unknown)}, which the attribute "
                    "table does not know; run the model's attribute_ruler instead"
                )
            lower = spec.get("LOWER")
            if lower is None:
                self._generic.append((ident, spec))
            elif isinstance(lower, str):
                self._by_lower.setdefault(lower, []).append((ident, spec))
            elif isinstance(lower, Mapping) and set(lower) == {"IN"}:
                for word in lower["IN"]:
                    self._by_lower.setdefault(str(word), []).append((ident, spec))
            else:
                self._other.append((ident, spec))
        self._generic_cache: dict[_TokenKey, tuple[_Id, ...]] = {}

    def matching(self, key: _TokenKey, strings: StringStore) -> list[_Id]:
        """The specs the token matches, generic ones first."""
        short = (key[0], 0, key[2], key[3])
        generic = self._generic_cache.get(short)
        if generic is None:
            generic = tuple(i for i, spec in self._generic if _matches(spec, short, strings))
            self._generic_cache[short] = generic
        found = list(generic)
        if self._by_lower:
            lower = strings[key[1]] if key[1] else ""
            listed = self._by_lower.get(lower, ())
            found += [i for i, spec in listed if _matches(spec, key, strings)]
        found += [i for i, spec in self._other if _matches(spec, key, strings)]
        return found


def _matches(spec: Mapping[str, Any], key: _TokenKey, strings: StringStore) -> bool:
    for name, wanted in spec.items():
        position = _TESTED.index(name)
        if name == "IS_SPACE":
            actual: Any = bool(key[position])
        else:
            actual = strings[key[position]] if key[position] else ""
        if not isinstance(wanted, Mapping):
            if actual != wanted:
                return False
            continue
        for operator, operand in wanted.items():
            if operator == "IN":
                if actual not in operand:
                    return False
            elif operator == "NOT_IN":
                if actual in operand:
                    return False
            elif operator == "REGEX":
                if not re.search(operand, str(actual)):
                    return False
            else:
                raise ConfigError(f"attribute rule operator {operator!r} is not supported")
    return True


class AttributeTable:
    """Applies an AttributeRuler's rules to Docs. Made empty by the pipeline
    factory; ``load`` gives it a ruler's rules."""

    def __init__(self, vocab: Vocab) -> None:
        self.ruler: AttributeRuler | None = None
        self._attrs: list[Mapping[int, int]] = []
        self._single: _SpecIndex[int] = _SpecIndex(())
        self._multi: _SpecIndex[tuple[int, int, int]] = _SpecIndex(())
        self._multi_rules: dict[int, _Rule] = {}
        self._cache: dict[_TokenKey, tuple[tuple[int, ...], frozenset[tuple[int, int, int]]]] = {}
        self._merged_cache: dict[tuple[int, ...], dict[int, int]] = {}

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The ruler's patterns (the trigger prefilter reads its lemmas)."""
        return list(self.ruler.patterns) if self.ruler is not None else []

    def load(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        rules = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            _, patterns = ruler.matcher.get(str(order))
            rules.append(_Rule(order, tuple(map(tuple, patterns)), dict(attrs), int(index)))
        self._attrs = [rule.attrs for rule in rules]
        self._single = _SpecIndex(
            (rule.order, pattern[0])
            for rule in rules
            for pattern in rule.patterns
            if len(pattern) == 1
        )
        self._multi = _SpecIndex(
            ((rule.order, number, k), spec)
            for rule in rules
            for number, pattern in enumerate(rule.patterns)
            if len(pattern) > 1
            for k, spec in enumerate(pattern)
        )
        self._multi_rules = {
            rule.order: rule for rule in rules if any(len(p) > 1 for p in rule.patterns)
        }
        self._cache.clear()
        self._merged_cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        strings = doc.vocab.strings
        keys: list[_TokenKey] = [
            (int(t), int(lo), int(d), int(s)) for t, lo, d, s in doc.to_array(_ARRAY_ATTRS)
        ]
        looked_up = [self._look_up(key, strings) for key in keys]
        per_token = [single for single, _ in looked_up]
        if self._multi_rules:
            slots = [multi for _, multi in looked_up]
            for position, longer in self._multi_matches(slots).items():
                per_token[position] = tuple(sorted({*per_token[position], *longer}))
        for position, orders in enumerate(per_token):
            if orders:
                set_token_attrs(doc[position], self._merged(orders))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _look_up(
        self, key: _TokenKey, strings: StringStore
    ) -> tuple[tuple[int, ...], frozenset[tuple[int, int, int]]]:
        """The one-token rules the token matches, in order, and the tokens of
        longer patterns it can stand for."""
        found = self._cache.get(key)
        if found is None:
            found = (
                tuple(sorted(set(self._single.matching(key, strings)))),
                frozenset(self._multi.matching(key, strings)),
            )
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def _multi_matches(
        self, slots: Sequence[frozenset[tuple[int, int, int]]]
    ) -> dict[int, set[int]]:
        """Token position -> the orders of the longer rules that set it."""
        found: dict[int, set[int]] = {}
        for start, here in enumerate(slots):
            for order, number, k in here:
                if k != 0:
                    continue
                rule = self._multi_rules[order]
                size = len(rule.patterns[number])
                if start + size > len(slots) or not all(
                    (order, number, j) in slots[start + j] for j in range(1, size)
                ):
                    continue
                target = start + rule.index if rule.index >= 0 else start + size + rule.index
                found.setdefault(target, set()).add(order)
        return found

    def _merged(self, orders: tuple[int, ...]) -> dict[int, int]:
        """The attributes the rules set, later rules over earlier ones (the
        ruler sorts its matches by rule order before setting them)."""
        merged = self._merged_cache.get(orders)
        if merged is None:
            merged = {}
            for order in orders:
                merged.update(self._attrs[order])
            self._merged_cache[orders] = merged
        return merged


FACTORY = "frontwatch_attribute_table"


@Language.factory(FACTORY)
def _make_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab)


def use_attribute_table(nlp: Language) -> None:
    """Replace the pipeline's attribute_ruler by an AttributeTable of its own
    rules (same results, see the module docstring); a pipeline without an
    attribute_ruler is left as it is."""
    if RULER not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(RULER)
    if not isinstance(ruler, AttributeRuler):
        return
    table = nlp.replace_pipe(RULER, FACTORY)
    if not isinstance(table, AttributeTable):
        raise ConfigError(f"{FACTORY} did not make an attribute table")
    table.load(ruler)
