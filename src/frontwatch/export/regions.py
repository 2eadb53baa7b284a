"""ACLED's country facts: region, numeric ISO code and ACLED's spelling.

Loaded once from ``data/acled_regions.tsv`` (one country a line, keyed by
ISO 3166-1 alpha-2, with alternative spellings to look a name up by).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import ConfigError

REGIONS_FILE = "acled_regions.tsv"
_HEADER = ("iso2", "iso_numeric", "country", "region", "aliases")

# The regions as written in ACLED exports of the eval period (2020).
ACLED_REGIONS = frozenset(
    {
        "Northern Africa",
        "Western Africa",
        "Middle Africa",
        "Eastern Africa",
        "Southern Africa",
        "Middle East",
        "Caucasus and Central Asia",
        "Southern Asia",
        "South-Eastern Asia",
        "Eastern Asia",
        "Europe",
        "North America",
        "Central America",
        "Caribbean",
        "South America",
        "Oceania",
        "Antarctica",
    }
)


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str  # "SY"
    iso_numeric: int  # ACLED's `iso` column (ISO 3166-1 numeric), 760
    name: str  # ACLED's spelling, "Syria"
    region: str  # "Middle East"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _CountryTable:
    rows: tuple[CountryInfo, ...]
    by_key: dict[str, CountryInfo]  # upper-case code or case-folded name -> row


def load_countries() -> tuple[CountryInfo, ...]:
    """Every row of the data file, validated; ConfigError names the bad line."""
    return _table().rows


def lookup_country(code: str | None = None, name: str | None = None) -> CountryInfo | None:
    """The country with this ISO alpha-2 code, else with this name or alias."""
    table = _table().by_key
    if code and (found := table.get(code.strip().upper())):
        return found
    if name:
        return table.get(name.strip().casefold())
    return None


@functools.cache
def _table() -> _CountryTable:
    text = resources.files("frontwatch.data").joinpath(REGIONS_FILE).read_text(encoding="utf-8")
    rows: list[CountryInfo] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if not header_seen:
            if cells != _HEADER:
                raise ConfigError(f"{REGIONS_FILE}:{number}: header must be {'/'.join(_HEADER)}")
            header_seen = True
            continue
        rows.append(_parse_row(cells, number))
    by_key: dict[str, CountryInfo] = {}
    for row in rows:
        keys = [row.iso2] + [n.casefold() for n in (row.name, *row.aliases)]
        for key in keys:
            if by_key.get(key, row) is not row:
                raise ConfigError(f"{REGIONS_FILE}: {key!r} names two countries")
            by_key[key] = row
    return _CountryTable(rows=tuple(rows), by_key=by_key)


def _parse_row(cells: tuple[str, ...], number: int) -> CountryInfo:
    where = f"{REGIONS_FILE}:{number}"
    if len(cells) != len(_HEADER):
        raise ConfigError(f"{where}: expected {len(_HEADER)} tab-separated cells")
    iso2, numeric, name, region, aliases = cells
    if len(iso2) != 2 or not iso2.isalpha() or not iso2.isupper():
        raise ConfigError(f"{where}: {iso2!r} is not an ISO alpha-2 code")
    if not numeric.isdigit():
        raise ConfigError(f"{where}: {numeric!r} is not a numeric ISO code")
    if region not in ACLED_REGIONS:
        raise ConfigError(f"{where}: unknown region {region!r}")
    if not name.strip():
        raise ConfigError(f"{where}: empty country name")
    return CountryInfo(
        iso2=iso2,
        iso_numeric=int(numeric),
        name=name,
        region=region,
        aliases=tuple(a for a in aliases.split("|") if a),
    )
