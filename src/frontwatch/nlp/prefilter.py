"""Which sentences can hold a trigger, found before any parsing.

A trigger phrase matches a token when each word equals the token's lemma or
its lower-cased text (see ``extract.triggers``). Lemmas exist only after
tagging, so the scan looks for every written form whose lemma can be a
trigger word. The forms come from the loaded model's own lemmatizer tables
(its suffix rules inverted, its irregular forms, the lemmas its attribute
ruler sets), so a sentence the full pipeline would find a trigger in is
always a candidate: the scan may let through sentences without a trigger,
never the other way round. All words of a phrase must occur, and a phrase's
``requires`` pattern must match, for a sentence to be a candidate.

The scan is one Aho-Corasick pass over the lower-cased sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
from spacy.language import Language

from frontwatch.extract.triggers import TriggerEntry, TriggerLexicon

# The parts of speech whose lemmatizer tables can turn a written form into a
# trigger word.
_TABLE_POS = ("noun", "verb", "adj", "adv", "propn", "aux", "pron", "det", "num", "x")


@dataclass(frozen=True, slots=True)
class Inflections:
    """How the model's lemmatizer maps written forms to lemmas, inverted."""

    suffix_rules: tuple[tuple[str, str], ...]  # (written ending, lemma ending)
    irregular: Mapping[str, frozenset[str]]  # lemma -> written forms

    def forms(self, lemma: str) -> frozenset[str]:
        """Every lower-cased written form the lemmatizer can give ``lemma`` to."""
        found = {lemma}
        for written, base in self.suffix_rules:
            if lemma.endswith(base):
                stem = lemma[: len(lemma) - len(base)]
                if stem:
                    found.add(stem + written)
        found |= self.irregular.get(lemma, frozenset())
        return frozenset(found)

    @classmethod
    def none(cls) -> Inflections:
        return cls(suffix_rules=(), irregular={})

    @classmethod
    def of_model(cls, nlp: Language) -> Inflections:
        """The inflections the pipeline's lemmatizer and attribute ruler know.
        A pipeline without a lemmatizer gives no lemmas, so a word matches
        only as written."""
        rules: set[tuple[str, str]] = set()
        irregular: dict[str, set[str]] = defaultdict(set)
        if "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
            tables = set(lookups.tables)
            if "lemma_rules" in tables:
                table = lookups.get_table("lemma_rules")
                for pos in _TABLE_POS:
                    for written, base in table.get(pos) or ():
                        rules.add((str(written), str(base)))
            if "lemma_exc" in tables:
                table = lookups.get_table("lemma_exc")
                for pos in _TABLE_POS:
                    for form, lemmas in (table.get(pos) or {}).items():
                        for lemma in lemmas:
                            irregular[str(lemma).lower()].add(str(form).lower())
            if "lemma_lookup" in tables:
                for form, lemma in lookups.get_table("lemma_lookup").items():
                    if isinstance(form, str) and isinstance(lemma, str):
                        irregular[lemma.lower()].add(form.lower())
        if "attribute_ruler" in nlp.pipe_names:
            ruler = nlp.get_pipe("attribute_ruler")
            for pattern in ruler.patterns:  # type: ignore[attr-defined]
                _add_ruler_lemmas(pattern, irregular)
        return cls(
            suffix_rules=tuple(sorted(rules)),
            irregular={lemma: frozenset(forms) for lemma, forms in irregular.items()},
        )


def _add_ruler_lemmas(pattern: Mapping[str, Any], irregular: dict[str, set[str]]) -> None:
    lemma = pattern.get("attrs", {}).get("LEMMA")
    if not isinstance(lemma, str):
        return
    for token_patterns in pattern.get("patterns", ()):
        for token in token_patterns:
            for key in ("LOWER", "ORTH", "TEXT"):
                value = token.get(key)
                if isinstance(value, str):
                    irregular[lemma.lower()].add(value.lower())
                elif isinstance(value, Mapping):
                    for listed in value.get("IN", ()):
                        irregular[lemma.lower()].add(str(listed).lower())


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: frozenset[str]
    requires: re.Pattern[str] | None


class TriggerScan:
    """Finds the sentences that may hold a trigger of the lexicon."""

    def __init__(self, entries: Sequence[TriggerEntry], inflections: Inflections) -> None:
        self._phrases: dict[str, list[_Phrase]] = defaultdict(list)
        forms: dict[str, set[str]] = defaultdict(set)  # written form -> trigger words
        for entry in entries:
            words = frozenset(entry.words)
            # Indexed under its rarest-looking word: the longest one.
            key = max(sorted(words), key=len)
            self._phrases[key].append(_Phrase(words, entry.requires))
            for word in words:
                for form in inflections.forms(word):
                    forms[form].add(word)
        self._automaton = ahocorasick.Automaton()
        for form, words_of_form in forms.items():
            self._automaton.add_word(form, (form, frozenset(words_of_form)))
        if forms:
            self._automaton.make_automaton()
        self._empty = not forms

    @classmethod
    def for_model(cls, nlp: Language, lexicon: TriggerLexicon | None = None) -> TriggerScan:
        lexicon = lexicon or TriggerLexicon.packaged()
        return cls(lexicon.entries, Inflections.of_model(nlp))

    def words_in(self, text: str) -> frozenset[str]:
        """The trigger words some written form of which occurs in ``text`` as
        a whole word (a punctuation form, such as the hyphen of "sit-in",
        anywhere)."""
        if self._empty:
            return frozenset()
        lowered = text.lower()
        size = len(lowered)
        found: set[str] = set()
        for last, (form, words) in self._automaton.iter(lowered):
            first = last - len(form) + 1
            if form[0].isalnum() and first > 0 and lowered[first - 1].isalnum():
                continue
            if form[-1].isalnum() and last + 1 < size and lowered[last + 1].isalpha():
                continue
            found |= words
        return frozenset(found)

    def may_trigger(self, text: str) -> bool:
        """Whether the full pipeline could find a trigger in ``text``."""
        present = self.words_in(text)
        if not present:
            return False
        return any(
            phrase.words <= present
            and (phrase.requires is None or phrase.requires.search(text) is not None)
            for key in present
            for phrase in self._phrases.get(key, ())
        )

    def candidates(self, sentences: Iterable[str]) -> list[bool]:
        return [self.may_trigger(sentence) for sentence in sentences]
