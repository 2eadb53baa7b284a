"""The offline gazetteer: GeoNames places, admin1 units and countries.

The data lives in a SQLite index built once from the packaged GeoNames data
(see :mod:`frontwatch.geo.gazetteer_build`), by default at
``$FRONTWATCH_HOME/gazetteer-<schema>.sqlite`` (``~/.cache/frontwatch``). Only
what is looked up is read into memory, behind a small LRU cache.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from frontwatch.errors import GazetteerError
from frontwatch.geo.gazetteer_build import (
    COORDINATE_SCALE,
    FEATURE_ADMIN1,
    FEATURE_ADMIN2,
    FEATURE_COUNTRY,
    FEATURE_NAMES,
    SCHEMA_VERSION,
    GazetteerSources,
    build_index,
    fingerprint,
)
from frontwatch.geo.names import fold, loose_key

_CACHE_SIZE = 4096
_SELECT = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.feature, p.cc, p.admin1, p.pop, p.admin2 FROM "
)
_ADMIN2 = FEATURE_NAMES[FEATURE_ADMIN2]


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


def frontwatch_home() -> Path:
    return Path(os.environ.get("FRONTWATCH_HOME") or "~/.cache/frontwatch").expanduser()


def default_index_path() -> Path:
    return frontwatch_home() / f"gazetteer-{SCHEMA_VERSION}.sqlite"


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
    """Read access to the index. Thread-safe; close() when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.path = path
        self._by_key = _LRU(_CACHE_SIZE)
        self._by_loose_key = _LRU(_CACHE_SIZE)
        self._country_names: dict[str, str] = {}
        self._country_places: dict[str, int] = {}
        for code, name, place in self._query("SELECT cc, name, place FROM country", ()):
            self._country_names[str(code)] = str(name)
            self._country_places[str(code)] = int(str(place))

    @classmethod
    def open(
        cls, path: Path | None = None, *, sources: GazetteerSources | None = None
    ) -> Gazetteer:
        """Open the index at ``path``, building it first if it is missing or
        of another schema version. ``sources`` replaces the packaged GeoNames
        data for that build (tests use small files)."""
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
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            gazetteer = cls(connection, path)
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

    def _query(self, sql: str, parameters: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.Error as error:
                raise GazetteerError(f"gazetteer query failed on {self.path}: {error}") from error

    def _entry(self, row: tuple[object, ...]) -> GazetteerEntry:
        geonameid, name, lat, lon, feature, code, admin1, population, admin2 = row
        country_code = str(code)
        return GazetteerEntry(
            geonameid=None if geonameid is None else int(str(geonameid)),
            name=str(name),
            latitude=int(str(lat)) / COORDINATE_SCALE,
            longitude=int(str(lon)) / COORDINATE_SCALE,
            feature=FEATURE_NAMES[int(str(feature))],
            country_code=country_code,
            country=self._country_names.get(country_code, country_code),
            admin1=None if admin1 is None else str(admin1),
            population=int(str(population)),
            admin2=None if admin2 is None else str(admin2),
        )

    def _entries_for(self, table: str, key: str, cache: _LRU) -> tuple[GazetteerEntry, ...]:
        cached = cache.get(key)
        if cached is not None:
            return cached
        rows = self._query(
            _SELECT + f"{table} k JOIN place p ON p.id = k.place WHERE k.key = ? ORDER BY p.id",
            (key,),
        )
        entries = tuple(self._entry(row) for row in rows)
        cache.put(key, entries)
        return entries

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every place (country, admin1 or populated place) whose folded
        name or alternate name equals the folded ``name``. Districts are
        left out: see :meth:`lookup_admin2`."""
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
