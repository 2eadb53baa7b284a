"""The offline gazetteer: GeoNames places, admin1 units and countries.

The data lives in a SQLite index built once from the packaged GeoNames data
(see :mod:`frontwatch.geo.gazetteer_build`), by default at
``$FRONTWATCH_HOME/gazetteer.sqlite`` (``~/.cache/frontwatch``), and in the
places the user imported (``gazetteer-imports.sqlite`` beside it, see
:mod:`frontwatch.geo.gazetteer_overlay`), which every lookup also reads. Only
what is looked up is read into memory, behind a small LRU cache.

When both hold a place (same GeoNames id), a lookup returns it once: the
packaged row for countries, admin1 and admin2 units (they stand at the
point ACLED codes a region at, its biggest town), the imported row for
everything else (the newer data).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from frontwatch.errors import GazetteerError
from frontwatch.geo.gazetteer_build import (
    COORDINATE_SCALE,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_NAMES,
    FEATURE_PLACE,
    SCHEMA_VERSION,
    GazetteerSources,
    build_index,
    fingerprint,
)
from frontwatch.geo.gazetteer_overlay import overlay_path, prepare_for_reading
from frontwatch.geo.names import fold, loose_key

INDEX_FILE = "gazetteer.sqlite"
_CACHE_SIZE = 4096
_SELECT = (
    "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.feature, p.cc, p.admin1, p.pop, p.admin2 "
    "FROM "
)
_IMPORTED = (
    "SELECT p.id, p.name, p.lat, p.lon, p.feature, p.cc, p.admin1_code, p.admin1_name, p.pop, "
    "p.code FROM imports.place p"
)
_ADMIN2 = FEATURE_NAMES[FEATURE_ADMIN2]
_REGION_FEATURES = frozenset({FEATURE_COUNTRY, FEATURE_ADMIN1, FEATURE_ADMIN2})
_IN_CHUNK = 500
Row = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonameid: int | None  # None for entries GeoNames has no id for here
    name: str
    latitude: float
    longitude: float
    feature: str  # "country" | "admin1" | "admin2" | "populated place"
    country_code: str
    country: str
    admin1: str | None
    population: int
    admin2: str | None = None  # set for admin2 units (districts) only
    feature_code: str | None = None  # GeoNames feature code of imported places ("PPL", "HLL")
    locality: bool = False  # a postal-code place, found only by lookup_locality()


def frontwatch_home() -> Path:
    return Path(os.environ.get("FRONTWATCH_HOME") or "~/.cache/frontwatch").expanduser()


def index_path(home: Path) -> Path:
    """The packaged index in a frontwatch home folder (its imports are beside it)."""
    return home / INDEX_FILE


def default_index_path() -> Path:
    return index_path(frontwatch_home())


IMPORTS_ENV = "FRONTWATCH_GAZETTEER_IMPORTS"


def imports_path(index: Path) -> Path | None:
    """The imports read with the index at ``index``: the file beside it,
    another file named by ``$FRONTWATCH_GAZETTEER_IMPORTS``, or none when
    that says ``none`` (a run that must not depend on what was imported)."""
    value = os.environ.get(IMPORTS_ENV, "").strip()
    if value.lower() in ("none", "off"):
        return None
    return Path(value).expanduser() if value else overlay_path(index)


class _LRU:
    """A bounded mapping from a key to the entries found for it."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[str, tuple[GazetteerEntry, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[GazetteerEntry, ...] | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: str, value: tuple[GazetteerEntry, ...]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            if len(self._data) > self._size:
                self._data.popitem(last=False)


def index_meta(path: Path) -> dict[str, str]:
    """What the index at ``path`` says of itself: schema_version,
    fingerprint, places, built_at."""
    return _stored_meta(path)


def _stored_meta(path: Path) -> dict[str, str]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT key, value FROM meta").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise GazetteerError(f"gazetteer index {path} is corrupt or unreadable: {error}") from error
    meta = {str(key): str(value) for key, value in rows}
    if "schema_version" not in meta:
        raise GazetteerError(f"gazetteer index {path} has no schema version")
    return meta


class Gazetteer:
    """Read access to the index and the imports. Thread-safe; close() when done."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path, *, imports: bool = False
    ) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.path = path
        self.imports = imports  # whether imported places are read too
        self._by_key = _LRU(_CACHE_SIZE)
        self._by_loose_key = _LRU(_CACHE_SIZE)
        self._by_locality_key = _LRU(_CACHE_SIZE)
        self._country_names: dict[str, str] = {}
        self._country_places: dict[str, int] = {}
        for code, name, place in self._query("SELECT cc, name, place FROM country", ()):
            self._country_names[str(code)] = str(name)
            self._country_places[str(code)] = int(str(place))
        self._admin1_names: dict[tuple[str, str], str] = {}
        self._admin1_places: dict[tuple[str, str], int] = {}
        for code, admin1, name, place in self._query(
            "SELECT cc, code, name, place FROM admin1_code", ()
        ):
            self._admin1_names[(str(code), str(admin1))] = str(name)
            if place is not None:
                self._admin1_places[(str(code), str(admin1))] = int(str(place))
        self._imported_admin1: dict[tuple[str, str], str] = {}
        self._imported_countries: dict[str, str] = {}
        if imports:
            for code, admin1, name in self._query(
                "SELECT cc, code, name FROM imports.admin1_code", ()
            ):
                self._imported_admin1[(str(code), str(admin1))] = str(name)
            for code, name in self._query(
                "SELECT cc, name FROM imports.place WHERE feature = ?", (FEATURE_COUNTRY,)
            ):
                self._imported_countries.setdefault(str(code), str(name))

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        sources: GazetteerSources | None = None,
        imports: Path | None = None,
    ) -> Gazetteer:
        """Open the index at ``path``, building it first if it is missing or
        of another schema version. ``sources`` replaces the packaged GeoNames
        data for that build (tests use small files). Imported places are read
        from ``imports`` (default: :func:`imports_path`) when that file
        exists."""
        path = path or default_index_path()
        sources = sources or GazetteerSources.packaged()
        if path.exists():
            meta = _stored_meta(path)
            current = meta["schema_version"] == str(SCHEMA_VERSION) and meta.get(
                "fingerprint"
            ) == fingerprint(sources)
        else:
            current = False
        if not current:
            build_index(path, sources)
        imports = imports or imports_path(path)
        with_imports = imports is not None and prepare_for_reading(imports)
        try:
            connection = sqlite3.connect(
                path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False
            )
            if imports is not None and with_imports:
                connection.execute(
                    "ATTACH DATABASE ? AS imports", (imports.resolve().as_uri() + "?mode=ro",)
                )
            gazetteer = cls(connection, path, imports=with_imports)
        except sqlite3.Error as error:
            raise GazetteerError(
                f"gazetteer index {path} is corrupt or unreadable: {error}"
            ) from error
        return gazetteer

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _query(self, sql: str, parameters: tuple[object, ...]) -> list[Row]:
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise GazetteerError(f"gazetteer query failed on {self.path}: {error}") from error

    def _country(self, code: str) -> str:
        return self._country_names.get(code) or self._imported_countries.get(code) or code

    def _entry(self, row: Row) -> GazetteerEntry:
        _id, geonameid, name, lat, lon, feature, code, admin1, population, admin2 = row
        country_code = str(code)
        return GazetteerEntry(
            geonameid=None if geonameid is None else int(str(geonameid)),
            name=str(name),
            latitude=int(str(lat)) / COORDINATE_SCALE,
            longitude=int(str(lon)) / COORDINATE_SCALE,
            feature=FEATURE_NAMES[int(str(feature))],
            country_code=country_code,
            country=self._country(country_code),
            admin1=None if admin1 is None else str(admin1),
            population=int(str(population)),
            admin2=None if admin2 is None else str(admin2),
        )

    def _imported_entry(self, row: Row) -> GazetteerEntry:
        place, name, lat, lon, feature, code, admin1_code, admin1_name, population, fcode = row
        country_code, kind = str(code), int(str(feature))
        admin1 = None
        if admin1_code is not None:
            key = (country_code, str(admin1_code))
            admin1 = self._admin1_names.get(key) or self._imported_admin1.get(key)
        if admin1 is None and admin1_name is not None:
            admin1 = str(admin1_name)
        if kind == FEATURE_ADMIN1:
            admin1 = admin1 or str(name)
        elif kind == FEATURE_COUNTRY:
            admin1 = None
        identifier = int(str(place))
        return GazetteerEntry(
            geonameid=identifier if identifier > 0 else None,
            name=str(name),
            latitude=int(str(lat)) / COORDINATE_SCALE,
            longitude=int(str(lon)) / COORDINATE_SCALE,
            feature=FEATURE_NAMES[kind],
            country_code=country_code,
            country=self._country(country_code),
            admin1=admin1,
            population=int(str(population)),
            admin2=str(name) if kind == FEATURE_ADMIN2 else None,
            feature_code=None if fcode is None else str(fcode),
        )

    def _rows_in(self, select: str, column: str, values: Iterable[int]) -> list[Row]:
        """Rows whose ``column`` is one of ``values``, a few hundred per query
        (a common name may have thousands of places)."""
        wanted = sorted(set(values))
        rows: list[Row] = []
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows += self._query(f"{select} WHERE p.{column} IN ({marks})", (*chunk,))
        return sorted(rows, key=lambda row: int(str(row[0])))

    def _packaged_rows(self, column: str, values: Iterable[int]) -> list[Row]:
        return self._rows_in(_SELECT + "place p", column, values)

    def _imported_rows(self, ids: Iterable[int]) -> list[Row]:
        return self._rows_in(_IMPORTED, "id", ids)

    def _stand_in(self, row: Row) -> tuple[str, int] | None:
        """The packaged region an imported region row is a copy of, if any:
        ("id", place id) or ("geonameid", id)."""
        place, _name, _lat, _lon, feature, code, admin1_code = row[:7]
        kind, country_code = int(str(feature)), str(code)
        if kind == FEATURE_COUNTRY and country_code in self._country_places:
            return ("id", self._country_places[country_code])
        if kind == FEATURE_ADMIN1 and admin1_code is not None:
            seat = self._admin1_places.get((country_code, str(admin1_code)))
            if seat is not None:
                return ("id", seat)
        if kind in _REGION_FEATURES and int(str(place)) > 0:
            return ("geonameid", int(str(place)))
        return None

    def _merged(self, table: str, key: str, packaged: list[Row]) -> tuple[GazetteerEntry, ...]:
        """The places of both layers under ``key``, each once."""
        hits = self._query(
            f"SELECT k.place, p.id FROM imports.{table} k LEFT JOIN imports.place p "
            "ON p.id = k.place WHERE k.key = ? ORDER BY k.place",
            (key,),
        )
        # Keys of alternate names imported for packaged places only.
        orphans = [int(str(place)) for place, found in hits if found is None]
        imported = self._imported_rows(
            int(str(place)) for place, found in hits if found is not None
        )
        # Packaged towns that were imported too: the import replaces them.
        replaced = {
            int(str(row[0])): row
            for row in self._imported_rows(
                int(str(row[1]))
                for row in packaged
                if row[1] is not None and int(str(row[5])) == FEATURE_PLACE
            )
        }
        by_id: list[int] = []
        by_geonameid: list[int] = []
        regions: dict[int, tuple[str, int]] = {}
        for row in imported:
            stand_in = self._stand_in(row)
            if stand_in is not None:
                regions[int(str(row[0]))] = stand_in
                (by_id if stand_in[0] == "id" else by_geonameid).append(stand_in[1])
        extra = {int(str(row[0])): row for row in self._packaged_rows("id", by_id)}
        by_gid: dict[int, Row] = {}
        for row in self._packaged_rows("geonameid", [*by_geonameid, *orphans]):
            by_gid.setdefault(int(str(row[1])), row)
        entries: list[GazetteerEntry] = []
        seen: set[tuple[str, int]] = set()

        def add(layer: str, row: Row) -> None:
            identity = (layer, int(str(row[0])))
            if identity not in seen:
                seen.add(identity)
                entries.append(self._entry(row) if layer == "p" else self._imported_entry(row))

        for row in packaged:
            geonameid = None if row[1] is None else int(str(row[1]))
            if geonameid in replaced and int(str(row[5])) == FEATURE_PLACE:
                add("i", replaced[geonameid])
            else:
                add("p", row)
        for row in imported:
            stand_in = regions.get(int(str(row[0])))
            if stand_in is None:
                add("i", row)
                continue
            packaged_row = (extra if stand_in[0] == "id" else by_gid).get(stand_in[1])
            if packaged_row is not None and int(str(packaged_row[5])) in _REGION_FEATURES:
                add("p", packaged_row)
            else:
                add("i", row)
        for geonameid in orphans:
            if geonameid in by_gid:
                add("p", by_gid[geonameid])
        return tuple(entries)

    def _entries_for(self, table: str, key: str, cache: _LRU) -> tuple[GazetteerEntry, ...]:
        cached = cache.get(key)
        if cached is not None:
            return cached
        rows = self._query(
            _SELECT + f"{table} k JOIN place p ON p.id = k.place WHERE k.key = ? ORDER BY p.id",
            (key,),
        )
        if self.imports:
            entries = self._merged(table, key, rows)
        else:
            entries = tuple(self._entry(row) for row in rows)
        cache.put(key, entries)
        return entries

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place (country, admin1, populated place, or an imported
        "other" place: hill, base, camp...) whose folded name or alternate
        name equals the folded ``name``. Districts are left out: see
        :meth:`lookup_admin2`."""
        key = fold(name)
        if not key:
            return []
        return [e for e in self._entries_for("name_key", key, self._by_key) if e.feature != _ADMIN2]

    def lookup_admin2(self, name: str) -> list[GazetteerEntry]:
        """The admin2 units (districts) named ``name``. Kept apart from
        :meth:`lookup` because district names repeat town names and common
        words; the caller decides when the text asks for a district."""
        key = fold(name)
        if not key:
            return []
        return [e for e in self._entries_for("name_key", key, self._by_key) if e.feature == _ADMIN2]

    def lookup_loose(self, name: str) -> list[GazetteerEntry]:
        """Like :meth:`lookup` with the coarser :func:`loose_key`: a fallback
        for spellings whose vowels differ from every GeoNames form."""
        key = loose_key(name)
        if not key:
            return []
        entries = self._entries_for("loose_key", key, self._by_loose_key)
        return [entry for entry in entries if entry.feature != _ADMIN2]

    def lookup_locality(self, name: str) -> list[GazetteerEntry]:
        """The localities (GeoNames postal-code places: villages, quarters)
        of ``name``, save where a place :meth:`lookup` finds bears the name
        at the same point (see :mod:`frontwatch.geo.localities`)."""
        key = fold(name)
        if not key:
            return []
        cached = self._by_locality_key.get(key)
        if cached is None:
            rows = self._query(
                _SELECT + "locality_key k JOIN place p ON p.id = k.place WHERE k.key = ? "
                "ORDER BY p.id",
                (key,),
            )
            cached = tuple(replace(self._entry(row), locality=True) for row in rows)
            self._by_locality_key.put(key, cached)
        return list(cached)

    def country(self, code_or_name: str) -> GazetteerEntry | None:
        """A country by ISO alpha-2 code ("SY") or by name ("Syria", "DRC")."""
        text = code_or_name.strip()
        # Only written in capitals is a two-letter word a code: "IN" is India, "In" is not.
        if len(text) == 2 and text.isupper() and text in self._country_places:
            rows = self._query(_SELECT + "place p WHERE p.id = ?", (self._country_places[text],))
            return self._entry(rows[0]) if rows else None
        for entry in self.lookup(text):
            if entry.feature == FEATURE_NAMES[FEATURE_COUNTRY]:
                return entry
        return None

    def country_name(self, code: str) -> str | None:
        return self._country_names.get(code.upper())

    def admin1(self, country_code: str, name: str) -> GazetteerEntry | None:
        """The admin1 unit of a country by any of its names ("Homs", "Hims")."""
        code = country_code.upper()
        for entry in self.lookup(name):
            if entry.feature == FEATURE_NAMES[FEATURE_ADMIN1] and entry.country_code == code:
                return entry
        return None
