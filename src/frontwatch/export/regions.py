"""ACLED's country facts (region, numeric ISO code, ACLED's spelling) and
ACLED's admin1 spellings.

Loaded once from ``data/acled_regions.tsv`` (one country a line, keyed by
ISO 3166-1 alpha-2, with alternative spellings to look a name up by) and
``data/acled_admin1.tsv`` (the regions ACLED names otherwise than we do).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from frontwatch.errors import ConfigError

REGIONS_FILE = "acled_regions.tsv"
_HEADER = ("iso2", "iso_numeric", "country", "region", "aliases")
ADMIN1_FILE = "acled_admin1.tsv"
_ADMIN1_HEADER = ("iso2", "admin1", "location", "acled_admin1")

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


def _data_rows(filename: str, header: tuple[str, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(line number, tab-separated cells) of each data line of a file of
    ``frontwatch/data`` after its header; blank and ``#`` lines skipped."""
    text = resources.files("frontwatch.data").joinpath(filename).read_text(encoding="utf-8")
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if not header_seen:
            if cells != header:
                raise ConfigError(f"{filename}:{number}: header must be {'/'.join(header)}")
            header_seen = True
            continue
        yield number, cells


@functools.cache
def _table() -> _CountryTable:
    rows = [_parse_row(cells, number) for number, cells in _data_rows(REGIONS_FILE, _HEADER)]
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


@dataclass(frozen=True, slots=True)
class Admin1Spelling:
    """One region (or one place, when ``location`` is set) ACLED names otherwise."""

    iso2: str
    admin1: str  # frontwatch's name, "Kyiv City"
    location: str  # "" for the whole region, else the place's own name
    acled_admin1: str  # ACLED's name, "Kiev City"


def load_admin1_spellings() -> tuple[Admin1Spelling, ...]:
    """Every row of ``acled_admin1.tsv``, validated; ConfigError names the bad line."""
    return tuple(_admin1_table().values())


def acled_admin1(country_code: str | None, admin1: str | None, location: str | None) -> str | None:
    """The admin1 name an ACLED export writes for a place: ACLED's spelling
    where the table has one, else ``admin1`` unchanged."""
    if not country_code or not admin1:
        return admin1
    table = _admin1_table()
    row = table.get((country_code, admin1, location or "")) or table.get((country_code, admin1, ""))
    return row.acled_admin1 if row else admin1


@functools.cache
def _admin1_table() -> dict[tuple[str, str, str], Admin1Spelling]:
    table: dict[tuple[str, str, str], Admin1Spelling] = {}
    for number, cells in _data_rows(ADMIN1_FILE, _ADMIN1_HEADER):
        where = f"{ADMIN1_FILE}:{number}"
        if len(cells) != len(_ADMIN1_HEADER) or not all(cells[i].strip() for i in (0, 1, 3)):
            raise ConfigError(f"{where}: expected iso2, admin1, location (or empty), ACLED name")
        row = Admin1Spelling(*cells)
        key = (row.iso2, row.admin1, row.location)
        if key in table:
            raise ConfigError(f"{where}: {row.iso2} {row.admin1!r} {row.location!r} listed twice")
        table[key] = row
    return table
