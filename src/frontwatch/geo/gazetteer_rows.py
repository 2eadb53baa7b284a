"""Reading one line of each importable file into a record (the records are
what :mod:`frontwatch.geo.gazetteer_overlay` stores).

The parsers raise :class:`BadLineError` for a line that cannot be read (the
import reports it with its number and goes on) and return a string, the
reason, for a line that is read but not kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.errors import InputError
from frontwatch.geo.gazetteer_build import (
    COORDINATE_SCALE,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_OTHER,
    FEATURE_PLACE,
    is_useful_alternate,
)
from frontwatch.geo.names import fold


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    id: int  # GeoNames id; negative for a user's own place (see user_place_id)
    name: str
    lat: int
    lon: int
    feature: int
    code: str | None
    country_code: str
    admin1_code: str | None
    admin1_name: str | None
    population: int
    names: tuple[str, ...]
    source: str

    def row(self) -> tuple[object, ...]:
        return (
            self.id,
            self.name,
            self.lat,
            self.lon,
            self.feature,
            self.code,
            self.country_code,
            self.admin1_code,
            self.admin1_name,
            self.population,
            "\t".join(self.names),
            self.source,
        )


@dataclass(frozen=True, slots=True)
class AlternateRecord:
    id: int  # GeoNames alternateNameId
    place: int  # geonameid
    name: str


@dataclass(frozen=True, slots=True)
class Admin1Record:
    country_code: str
    code: str
    name: str
    geonameid: int | None


def user_place_id(country_code: str, kind: int, name: str) -> int:
    """A stable negative id for a place of the user's own file."""
    digest = hashlib.sha256(f"{country_code}\t{kind}\t{fold(name)}".encode()).digest()
    return -(int.from_bytes(digest[:7], "big") + 1)


# GeoNames feature codes kept outside classes P and A, as FEATURE_OTHER:
# what conflict reporting names besides towns. Codes are unique across classes.
OTHER_CODES = frozenset(
    {
        # airports, bases, camps, prisons
        "AIRP", "AIRB", "AIRF", "AIRH", "MILB", "INSM", "BRKS", "FT",
        "CMP", "CMPRF", "CMPLA", "PRN",
        # crossings and checkpoints, dams, bridges, ports
        "PSTB", "PSTC", "PSTP", "PP", "CSTM", "DAM", "BDG", "PRT",
        # mountains, hills, ridges, passes, islands
        "MT", "MTS", "HLL", "HLLS", "PK", "PKS", "RDGE", "PASS", "ISL", "ISLS", "ISLET",
        # wadis and oases
        "WAD", "WADS", "OAS",
    }
)  # fmt: skip
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
HISTORICAL_PLACES = frozenset({"PPLH", "PPLCH"})
# alternateNames "isolanguage" values that are not names in a language.
_ALTERNATE_SKIPS = {
    "link": "link",
    "post": "postal code",
    "abbr": "abbreviation",
    "iata": "code",
    "icao": "code",
    "faac": "code",
    "tcid": "code",
    "unlc": "code",
    "wkdt": "code",
    "fr_1793": "code",
    "phon": "transcription",
}
# A historic name that went out of use before this year is not news usage.
HISTORIC_SINCE = 1990


class BadLineError(Exception):
    """A line that cannot be read (reported with its number, then skipped)."""


def classify_feature(feature_class: str, code: str) -> int | str:
    """The index's feature kind of a GeoNames feature, or why it is skipped."""
    if feature_class == "P":
        return "historical place" if code in HISTORICAL_PLACES else FEATURE_PLACE
    if feature_class == "A":
        if code == "ADM1":
            return FEATURE_ADMIN1
        if code == "ADM2":
            return FEATURE_ADMIN2
        if code == "ADM3":
            return FEATURE_OTHER
        if code in COUNTRY_CODES:
            return FEATURE_COUNTRY
        return "historical division" if code.endswith("H") else "other division"
    if code in OTHER_CODES:
        return FEATURE_OTHER
    return f"feature class {feature_class or '?'} not kept"


def coordinate(text: str, limit: float, what: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise BadLineError(f"{what} {text!r} is not a number") from None
    if not -limit <= value <= limit:
        raise BadLineError(f"{what} {value} is out of range")
    return round(value * COORDINATE_SCALE)


def whole_number(text: str, what: str) -> int:
    try:
        return int(text) if text else 0
    except ValueError:
        raise BadLineError(f"{what} {text!r} is not a whole number") from None


def parse_geoname(line: str, source: str) -> PlaceRecord | str:
    """A place of the geoname table, or the reason it is not kept."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != 19:
        raise BadLineError(f"{len(fields)} tab-separated columns, not 19")
    geonameid = whole_number(fields[0], "geonameid")
    if geonameid <= 0:
        raise BadLineError(f"geonameid {fields[0]!r} is not a positive number")
    kind = classify_feature(fields[6], fields[7])
    if isinstance(kind, str):
        return kind
    name = fields[1].strip()
    if not name:
        raise BadLineError("no name")
    country_code = fields[8].strip()
    if not country_code:
        return "no country"
    names = [name, fields[2].strip()]
    names += [alt for alt in fields[3].split(",") if is_useful_alternate(alt.strip())]
    return PlaceRecord(
        id=geonameid,
        name=name,
        lat=coordinate(fields[4], 90.0, "latitude"),
        lon=coordinate(fields[5], 180.0, "longitude"),
        feature=kind,
        code=fields[7] or None,
        country_code=country_code,
        admin1_code=fields[10].strip() or None,
        admin1_name=None,
        population=whole_number(fields[14], "population"),
        names=tuple(dict.fromkeys(n.strip() for n in names if n.strip())),
        source=source,
    )


def parse_alternate(line: str) -> AlternateRecord | str:
    """A name of alternateNames(V2), or the reason it is not kept."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) not in (8, 10):
        raise BadLineError(f"{len(fields)} tab-separated columns, not 10 (or 8)")
    alternate_id = whole_number(fields[0], "alternateNameId")
    geonameid = whole_number(fields[1], "geonameid")
    language, name = fields[2].strip(), fields[3].strip()
    if language in _ALTERNATE_SKIPS:
        return _ALTERNATE_SKIPS[language]
    if fields[7] == "1":
        until = fields[9][:4] if len(fields) == 10 else ""
        if until.isdigit() and int(until) < HISTORIC_SINCE:
            return f"historic name (out of use before {HISTORIC_SINCE})"
    if not is_useful_alternate(name):
        return "not a Latin-script name"
    return AlternateRecord(alternate_id, geonameid, name)


def parse_admin1(line: str) -> Admin1Record:
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != 4:
        raise BadLineError(f"{len(fields)} tab-separated columns, not 4")
    country_code, dot, code = fields[0].partition(".")
    if not dot or len(country_code) != 2 or not code:
        raise BadLineError(f"code {fields[0]!r} is not like 'SY.13'")
    name = fields[1].strip() or fields[2].strip()
    if not name:
        raise BadLineError("no name")
    return Admin1Record(country_code, code, name, whole_number(fields[3], "geonameid") or None)


# Kinds a user's file may give, and the index's kind and GeoNames code for them;
# any other word is an "other" place.
USER_KINDS: dict[str, tuple[int, str | None]] = {
    "": (FEATURE_PLACE, None),
    "populated place": (FEATURE_PLACE, "PPL"),
    "place": (FEATURE_PLACE, "PPL"),
    "city": (FEATURE_PLACE, "PPL"),
    "town": (FEATURE_PLACE, "PPL"),
    "village": (FEATURE_PLACE, "PPL"),
    "hamlet": (FEATURE_PLACE, "PPL"),
    "neighbourhood": (FEATURE_PLACE, "PPLX"),
    "neighborhood": (FEATURE_PLACE, "PPLX"),
    "admin1": (FEATURE_ADMIN1, "ADM1"),
    "province": (FEATURE_ADMIN1, "ADM1"),
    "governorate": (FEATURE_ADMIN1, "ADM1"),
    "admin2": (FEATURE_ADMIN2, "ADM2"),
    "district": (FEATURE_ADMIN2, "ADM2"),
    "subdistrict": (FEATURE_OTHER, "ADM3"),
    "hill": (FEATURE_OTHER, "HLL"),
    "mountain": (FEATURE_OTHER, "MT"),
    "camp": (FEATURE_OTHER, "CMP"),
    "refugee camp": (FEATURE_OTHER, "CMPRF"),
    "military base": (FEATURE_OTHER, "MILB"),
    "airport": (FEATURE_OTHER, "AIRP"),
    "airbase": (FEATURE_OTHER, "AIRB"),
    "checkpoint": (FEATURE_OTHER, None),
    "crossing": (FEATURE_OTHER, "PSTB"),
    "bridge": (FEATURE_OTHER, "BDG"),
    "dam": (FEATURE_OTHER, "DAM"),
    "wadi": (FEATURE_OTHER, "WAD"),
    "island": (FEATURE_OTHER, "ISL"),
}
_COLUMNS = {
    "name": ("name",),
    "aliases": ("aliases", "alias"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "lng", "long"),
    "admin1": ("admin1",),
    "country": ("country", "country_code", "cc"),
    "kind": ("kind", "type", "feature"),
    "population": ("population",),
}
_REQUIRED = ("name", "latitude", "longitude", "country")


@dataclass(frozen=True, slots=True)
class UserContext:
    """What a user's row is checked against: the known country codes (empty:
    any) and admin1 units by (country, code) and by (country, folded name)."""

    countries: frozenset[str]
    admin1_codes: frozenset[tuple[str, str]]
    admin1_by_name: dict[tuple[str, str], str]


def columns_of(header: Sequence[str], origin: str) -> dict[str, int]:
    cells = [cell.strip().lower().lstrip("\ufeff") for cell in header]
    found = {}
    for column, spellings in _COLUMNS.items():
        for index, cell in enumerate(cells):
            if cell in spellings:
                found[column] = index
                break
    missing = [column for column in _REQUIRED if column not in found]
    if missing:
        raise InputError(
            f"the header lacks {', '.join(missing)} (it has: {', '.join(cells)})", origin=origin
        )
    return found


def parse_user_row(
    row: Sequence[str], columns: dict[str, int], context: UserContext, source: str
) -> PlaceRecord:
    def cell(column: str) -> str:
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    name = cell("name")
    if not name:
        raise BadLineError("no name")
    country_code = cell("country").upper()
    if len(country_code) != 2 or (context.countries and country_code not in context.countries):
        raise BadLineError(f"country {cell('country')!r} is not an ISO alpha-2 code we know")
    kind, code = USER_KINDS.get(" ".join(cell("kind").lower().split()), (FEATURE_OTHER, None))
    admin1 = cell("admin1")
    admin1_code: str | None = None
    if admin1 and (country_code, admin1) in context.admin1_codes:
        admin1_code = admin1
    elif admin1:
        admin1_code = context.admin1_by_name.get((country_code, fold(admin1)))
    aliases = [alias.strip() for alias in re.split(r"[|;]", cell("aliases")) if alias.strip()]
    return PlaceRecord(
        id=user_place_id(country_code, kind, name),
        name=name,
        lat=coordinate(cell("latitude"), 90.0, "latitude"),
        lon=coordinate(cell("longitude"), 180.0, "longitude"),
        feature=kind,
        code=code,
        country_code=country_code,
        admin1_code=admin1_code,
        admin1_name=None if admin1_code else (admin1 or None),
        population=whole_number(cell("population").replace(",", ""), "population"),
        names=tuple(dict.fromkeys([name, *aliases])),
        source=source,
    )
