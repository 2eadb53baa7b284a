"""Surface-form matching for the actor dictionary.

Text is *folded* before matching: lower-cased, hyphens and dashes turned into
spaces, typographic quotes into ASCII ones. Folding never changes the length
of the text, so an offset in the folded text is an offset in the original.
Every alias is folded the same way, which makes "al-Shabaab" match
"Al Shabaab" and "Iran-backed" match "Iran backed".

Two Aho-Corasick automata scan a sentence in one pass each: one over folded
text for ordinary aliases, one over case-preserved text for case-sensitive
ones ("IS", "SDF", "US").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from frontwatch.actors.entries import CountryInfo

# ------------------------------------------------------------ name vocabulary

# Weapons and means named after their owner ("LNA air force", "IS snipers",
# "Houthi drones"): the mention covers them, so that the trigger they hold
# belongs to that actor.
WEAPON_SUFFIXES = (
    "air force", "air forces", "aircraft", "warplanes", "jets", "drones", "drone", "artillery",
    "snipers", "sniper", "helicopters", "gunboats", "rockets", "mortars", "shelling",
    "airstrikes", "air strikes", "air raids", "missiles", "tanks",
)  # fmt: skip
# Head nouns that follow a group's name ("HTS fighters", "IS cells"); a mention
# then covers the whole phrase.
GROUP_SUFFIXES = (
    "militants", "militant", "fighters", "fighter", "forces", "militia", "militias", "militiamen",
    "members", "member", "gunmen", "rebels", "insurgents", "jihadists", "elements", "cells",
    "cell", "group", "units", "troops", "commanders", "commander", "operatives", "attackers",
    "positions", "supporters", "activists", "cadres", "loyalists", "affiliates", "remnants",
    *WEAPON_SUFFIXES,
)  # fmt: skip
STATE_FORCE_NOUNS = (
    "military forces", "armed forces", "army", "military", "security forces", "troops",
    "soldiers", "forces", "government forces",
)  # fmt: skip
POLICE_NOUNS = ("police forces", "police")
# Head nouns after the name of a state force or unit ("civil police officers").
STATE_SUFFIXES = (
    "forces",
    "officers",
    "agents",
    "personnel",
    "troops",
    "soldiers",
    "units",
    "members",
    *WEAPON_SUFFIXES,
)

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}
_FOLD_CASE = str.maketrans({**{d: " " for d in _DASHES}, **_QUOTES})


def fold(text: str, *, keep_case: bool = False) -> str:
    """Length-preserving normal form used on both sides of every match."""
    text = text.translate(_FOLD_CASE)
    if keep_case:
        return text
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_boundary(text: str, index: int) -> bool:
    """True when ``index`` (a start, or one past an end) sits on a word boundary."""
    if index <= 0 or index >= len(text):
        return True
    return not (text[index - 1].isalnum() and text[index].isalnum())


@dataclass(frozen=True, slots=True)
class Target:
    """What one surface form points at."""

    entry_index: int
    implicit: bool = False  # an action implying the actor ("protested")
    qualified_only: bool = False  # needs a country adjective before it
    descriptive: bool = False  # a common-noun alias ("local police"): only at home
    country: str | None = None  # a country the surface form itself names


@dataclass(frozen=True, slots=True)
class RawMatch:
    start: int
    end: int
    targets: tuple[Target, ...]


class PatternIndex:
    """Maps folded surface forms to targets and scans text for all of them."""

    def __init__(self) -> None:
        self._folded: dict[str, list[Target]] = defaultdict(list)
        self._cased: dict[str, list[Target]] = defaultdict(list)
        self._automata: tuple[ahocorasick.Automaton, ahocorasick.Automaton] | None = None
        # The last text scanned and its matches: the extractor looks for
        # actors and for claim sources in each sentence, one after the other.
        self._last: tuple[str, tuple[RawMatch, ...]] | None = None

    def add(self, surface: str, target: Target, *, case_sensitive: bool = False) -> None:
        key = fold(surface, keep_case=case_sensitive).strip()
        key = re.sub(r"\s+", " ", key)
        if not key:
            return
        table = self._cased if case_sensitive else self._folded
        if target not in table[key]:
            table[key].append(target)
        self._automata = None
        self._last = None

    def __len__(self) -> int:
        return len(self._folded) + len(self._cased)

    def _build(self) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        built = []
        for table in (self._folded, self._cased):
            automaton = ahocorasick.Automaton()
            for key, targets in table.items():
                automaton.add_word(key, (len(key), tuple(targets)))
            if table:
                automaton.make_automaton()
            built.append(automaton)
        self._automata = (built[0], built[1])
        return self._automata

    def scan(self, text: str) -> list[RawMatch]:
        """Every boundary-aligned occurrence of every surface form."""
        if self._last is not None and self._last[0] == text:
            return list(self._last[1])
        matches = self._scan(text)
        self._last = (text, tuple(matches))
        return matches

    def _scan(self, text: str) -> list[RawMatch]:
        folded_auto, cased_auto = self._automata or self._build()
        matches: list[RawMatch] = []
        for haystack, automaton, table in (
            (fold(text), folded_auto, self._folded),
            (fold(text, keep_case=True), cased_auto, self._cased),
        ):
            if not table:
                continue
            for last, (length, targets) in automaton.iter(haystack):
                start, end = last - length + 1, last + 1
                if is_boundary(haystack, start) and is_boundary(haystack, end):
                    matches.append(RawMatch(start, end, targets))
        return matches


def select_longest(matches: Iterable[RawMatch]) -> list[RawMatch]:
    """Non-overlapping matches, longest first; same-span matches are merged."""
    matches = list(matches)
    if len(matches) <= 1:  # most sentences: nothing to choose between
        return [RawMatch(m.start, m.end, tuple(dict.fromkeys(m.targets))) for m in matches]
    merged: dict[tuple[int, int], list[Target]] = defaultdict(list)
    for match in matches:
        bucket = merged[(match.start, match.end)]
        bucket.extend(t for t in match.targets if t not in bucket)
    chosen: list[RawMatch] = []
    taken: list[tuple[int, int]] = []
    for (start, end), targets in sorted(
        merged.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])
    ):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(RawMatch(start, end, tuple(targets)))
    return sorted(chosen, key=lambda m: m.start)


# --------------------------------------------------------------------- country forms

_WORD = r"[^\W\d_][\w.']*"
_TAIL = re.compile(rf"((?:{_WORD}[ ]){{1,5}})$")
_AND_NAME = re.compile(rf"\s*(?:and|&)\s+(?:the\s+)?({_WORD}(?:[ ]{_WORD}){{0,4}})")
BACKING_VERBS = frozenset(
    {
        "backed",
        "supported",
        "sponsored",
        "aligned",
        "allied",
        "affiliated",
        "funded",
        "trained",
        "controlled",
        "financed",
    }
)


class CountryForms:
    """Recognises country names and adjectives just before a mention."""

    def __init__(self, countries: Iterable[CountryInfo]) -> None:
        self._folded: dict[str, str] = {}
        self._cased: dict[str, str] = {}
        for country in countries:
            for form in (country.name, *country.adjectives, *country.aliases):
                self._folded.setdefault(_norm(fold(form)), country.name)
            for form in (*country.adjectives_cs, *country.aliases_cs):
                self._cased.setdefault(_norm(fold(form, keep_case=True)), country.name)
        self.max_words = max((k.count(" ") + 1 for k in (*self._folded, *self._cased)), default=1)
        # The words before a mention are read for every actor form found
        # there, and a sentence is read for actors and for claim sources.
        self._country_in_window = lru_cache(maxsize=16384)(self._country_at_end)
        self._backer_in_window = lru_cache(maxsize=16384)(self._backer_at_end)

    def lookup(self, phrase: str, cased_phrase: str) -> str | None:
        key = _norm(phrase)
        if key.endswith("'s"):
            key = key[:-2]
        cased = _norm(cased_phrase)
        if cased.endswith("'s"):
            cased = cased[:-2]
        return self._folded.get(key) or self._cased.get(cased)

    def forms(self) -> Iterator[tuple[str, str, bool]]:
        """(surface, country, case_sensitive) for every known form."""
        for form, country in self._folded.items():
            yield form, country, False
        for form, country in self._cased.items():
            yield form, country, True

    def before(self, text: str, start: int) -> tuple[str, int] | None:
        """The country named by the words right before ``start``, with the
        offset where they begin ("Syrian army" -> Syria, "Mali's army")."""
        window_start = max(0, start - 60)
        found = self._country_in_window(text[window_start:start])
        return None if found is None else (found[0], window_start + found[1])

    def _country_at_end(self, window: str) -> tuple[str, int] | None:
        folded = fold(window)
        found = _TAIL.search(folded)
        if not found:
            return None
        cased = fold(window, keep_case=True)
        words = found.group(1).split(" ")[:-1]
        offsets = _word_offsets(found.start(1), words)
        for count in range(min(len(words), self.max_words), 0, -1):
            first = len(words) - count
            lo, hi = offsets[first], found.end(1) - 1
            country = self.lookup(folded[lo:hi], cased[lo:hi])
            if country:
                return country, lo
        return None

    def after(self, text: str, end: int) -> tuple[str, int, int] | None:
        """The country named after "and" right after a phrase that ends with
        a country ("forces of India and Pakistan" -> Pakistan), with the
        offsets of its name."""
        window = text[end : end + 60]
        found = _AND_NAME.match(fold(window))
        if not found:
            return None
        cased = fold(window, keep_case=True)
        words = found.group(1).split(" ")
        offsets = _word_offsets(found.start(1), words)
        for count in range(min(len(words), self.max_words), 0, -1):
            hi = offsets[count - 1] + len(words[count - 1])
            lo = found.start(1)
            country = self.lookup(fold(window)[lo:hi], cased[lo:hi])
            if country:
                return country, end + lo, end + hi
        return None

    def backer_before(self, text: str, start: int) -> tuple[str, int] | None:
        """A backer prefix right before ``start``: "Iran-backed", "Turkish
        supported", "pro-Russian". Returns the backer country and where the
        prefix begins."""
        window_start = max(0, start - 60)
        found = self._backer_in_window(text[window_start:start])
        return None if found is None else (found[0], window_start + found[1])

    def _backer_at_end(self, window: str) -> tuple[str, int] | None:
        folded = fold(window)
        found = _TAIL.search(folded)
        if not found:
            return None
        cased = fold(window, keep_case=True)
        words = found.group(1).split(" ")[:-1]
        offsets = _word_offsets(found.start(1), words)
        last = len(words) - 1
        if words[last] in BACKING_VERBS:
            phrase_end = offsets[last] - 1
            for count in range(min(last, self.max_words), 0, -1):
                lo = offsets[last - count]
                country = self.lookup(folded[lo:phrase_end], cased[lo:phrase_end])
                if country:
                    return country, lo
            return None
        for count in range(min(last, self.max_words), 0, -1):
            pro = last - count
            if words[pro] != "pro":
                continue
            lo, hi = offsets[pro + 1], found.end(1) - 1
            country = self.lookup(folded[lo:hi], cased[lo:hi])
            if country:
                return country, offsets[pro]
        return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _word_offsets(base: int, words: list[str]) -> list[int]:
    offsets, position = [], base
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    return offsets


# ------------------------------------------------------------------ support phrases

_SUPPORT_VERBS = r"(?:supported|backed|aided|assisted|covered|helped|reinforced|accompanied|joined)"
_SUPPORT_NOUNS = (
    r"(?:air ?power|air ?force|air support|air cover|warplanes|war planes|jets|fighter jets|"
    r"aircraft|airstrikes|air strikes|air raids|drones|helicopters|helicopter gunships|artillery|"
    r"troops|forces|soldiers|advisers|advisors|special forces|military|army|navy|mercenaries|"
    r"militias)"
)


def support_regex(forms: CountryForms) -> re.Pattern[str]:
    """A pattern for operational support by a foreign state, run over folded
    text: "supported by Russian air power", "backed by Turkish drones", "with
    Iranian advisers". A bare "backed by Iran" is a statement of patronage,
    not of taking part, and does not match."""
    names = sorted({_norm(f) for f, _, cs in forms.forms() if not cs}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    lead = (
        rf"(?:{_SUPPORT_VERBS} by|with (?:the )?(?:support|backing|help) of|with support from|"
        rf"with backing from|with)"
    )
    return re.compile(
        rf"\b{lead}\s+(?:the\s+)?(?P<backer>{alternation})\s+(?P<noun>{_SUPPORT_NOUNS})\b"
    )
