"""Where a news outlet is at home: weak evidence of where its article's
places are. Read from the outlet's name ("Daily Star (Lebanon)", "Sudan
Tribune", "Libyan Express") or looked up in ``data/geo/outlets.tsv``
(local outlets whose names do not say it: "Radio Okapi", "Dawn")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.country_words import country_mentions
from frontwatch.geo.names import light_fold

OUTLETS_FILE = "outlets.tsv"
# In an outlet's name these are its language, not its country ("Duvar
# English", "Xinhua French").
_LANGUAGE_WORDS = re.compile(r"\b(?:English|French|Spanish|Portuguese)\b")


@dataclass(frozen=True, slots=True)
class OutletHome:
    outlet: str
    country_code: str  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...]


def outlet_key(name: str) -> str:
    """Folded for lookup as place names are: case, accents and punctuation
    ignored ("L'Orient-Le Jour" = "lorient le jour")."""
    return light_fold(name)


def load_outlets() -> tuple[OutletHome, ...]:
    """Every line of the outlets file, validated; ConfigError names the bad line."""
    return _table()[0]


def outlet_countries(outlet: str | None) -> list[str]:
    """The home country of each outlet of a ``;``-separated list that has
    one: the single country its name names, else its line in the table. A
    local outlet mostly reports its own country, so this is weak evidence of
    where an article's places are, the way a named actor's home is."""
    codes: list[str] = []
    by_key = _table()[1]
    for name in (outlet or "").split(";"):
        named, demonyms = country_mentions(_LANGUAGE_WORDS.sub(" ", name))
        found = set(named) | set(demonyms)
        if len(found) == 1:
            codes.extend(found)
        elif not found and (home := _home(by_key, outlet_key(name))):
            codes.append(home.country_code)
    return codes


# Words an outlet's name is written with or without: "Al Sumaria TV" is
# "Al Sumaria", "Hiiraan Online" is "Hiiraan".
_MEDIUM_WORDS = frozenset(
    [
        "tv",
        "television",
        "radio",
        "news",
        "online",
        "net",
        "agency",
        "channel",
        "network",
        "newspaper",
        "daily",
        "media",
    ]
)


def _home(by_key: dict[str, OutletHome], key: str) -> OutletHome | None:
    """The line of an outlet by its folded name, else by that name without
    a word for its medium at the end."""
    words = key.split()
    while words:
        if home := by_key.get(" ".join(words)):
            return home
        if words[-1] not in _MEDIUM_WORDS:
            return None
        words.pop()
    return None


@functools.cache
def _table() -> tuple[tuple[OutletHome, ...], dict[str, OutletHome]]:
    rows: list[OutletHome] = []
    by_key: dict[str, OutletHome] = {}
    for number, line in enumerate(read_data_text(OUTLETS_FILE).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{OUTLETS_FILE}:{number}"
        if len(cells) != 3 or not cells[0].strip():
            raise ConfigError(f"{where}: expected outlet, ISO alpha-2 code, aliases")
        name, code, aliases = (cell.strip() for cell in cells)
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            raise ConfigError(f"{where}: {code!r} is not an ISO alpha-2 code")
        row = OutletHome(name, code, tuple(a.strip() for a in aliases.split("|") if a.strip()))
        for key in map(outlet_key, (name, *row.aliases)):
            if not key or by_key.get(key, row) is not row:
                raise ConfigError(f"{where}: {key!r} is empty or names two outlets")
            by_key[key] = row
        rows.append(row)
    return tuple(rows), by_key
