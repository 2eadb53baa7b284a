"""The imported places: a second SQLite file beside the packaged index.

``frontwatch gazetteer import`` writes here (``gazetteer-imports.sqlite`` in
the gazetteer's folder) and :class:`frontwatch.geo.gazetteer.Gazetteer`
queries it with the packaged index. It is a file of its own, not rows added to
the packaged index, because the packaged index is rebuilt whenever its data or
the folding rules change (a 20 s job), while a full GeoNames import takes far
longer and its source files may be gone by then. A rebuild therefore never
touches imports; only a change of the folding rules (``names.py``) makes the
imported keys stale, and they are then recomputed from the names stored here
(:meth:`Overlay.rekey`), without the source files.

Places are keyed by GeoNames id (a later import of the same id replaces the
row); a user's own places get a stable negative id derived from their
country, kind and folded name. Matching keys of a batch are first appended to
a stage table and merged into the key tables in key order when the import
ends: random inserts into a large B-tree would rewrite most of its pages at
every commit. The stage is a scratch file of its own
(``gazetteer-imports.stage.sqlite``), emptied after each import.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from frontwatch.errors import GazetteerError
from frontwatch.geo.gazetteer_build import keys_fingerprint, match_keys
from frontwatch.geo.gazetteer_rows import Admin1Record, AlternateRecord, PlaceRecord

OVERLAY_FILE = "gazetteer-imports.sqlite"
OVERLAY_SCHEMA_VERSION = 1
# Rows per SELECT ... IN (...) (well under SQLite's variable limit).
_CHUNK = 500
# Staged keys merged per transaction (see Overlay.finish).
_MERGE_CHUNK = 50_000

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE place(
    id INTEGER PRIMARY KEY,      -- GeoNames id; negative for a user's own places
    name TEXT NOT NULL,
    lat INTEGER NOT NULL,        -- 1e-5 degree, as in the packaged index
    lon INTEGER NOT NULL,
    feature INTEGER NOT NULL,    -- gazetteer_build.FEATURE_*
    code TEXT,                   -- GeoNames feature code (PPL, AIRB, HLL...)
    cc TEXT NOT NULL,
    admin1_code TEXT,            -- GeoNames admin1 code: the name is looked up when read
    admin1_name TEXT,            -- admin1 as written, when no code is known
    pop INTEGER NOT NULL,
    names TEXT NOT NULL,         -- every name of the row, tab-separated
    source TEXT NOT NULL         -- file name it came from
);
CREATE TABLE alt_name(id INTEGER PRIMARY KEY, place INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX alt_name_place ON alt_name(place);
CREATE TABLE admin1_code(
    cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER,
    PRIMARY KEY(cc, code)
) WITHOUT ROWID;
CREATE TABLE name_key(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE loose_key(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE import_log(
    sha256 TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    read INTEGER NOT NULL,
    kept INTEGER NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    bad INTEGER NOT NULL,
    seconds REAL NOT NULL
) WITHOUT ROWID;
"""


# Keys waiting to be merged live in a file of their own, emptied after each
# import: rows deleted from the imports file would leave its pages unused.
_STAGE_SCHEMA = """
CREATE TABLE IF NOT EXISTS stage.key_stage(
    loose INTEGER NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stage.key_stage_place ON key_stage(place);
"""


def stage_path(path: Path) -> Path:
    """The scratch file of the imports at ``path``."""
    return path.with_name(path.stem + ".stage.sqlite")


def overlay_path(index_path: Path) -> Path:
    """Where the imports of the index at ``index_path`` live."""
    return index_path.parent / OVERLAY_FILE


@dataclass(frozen=True, slots=True)
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    missing_place: int = 0  # alternate names of a place in neither layer

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            self.added + other.added,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
            self.missing_place + other.missing_place,
        )


@dataclass(frozen=True, slots=True)
class ImportLogEntry:
    sha256: str
    file: str
    format: str
    imported_at: str
    read: int
    kept: int
    added: int
    updated: int
    removed: int
    bad: int
    seconds: float


@dataclass(frozen=True, slots=True)
class OverlayInfo:
    path: Path
    size_bytes: int
    places_by_feature: dict[int, int]
    alternate_names: int
    admin1_codes: int
    pending_keys: int
    keys_current: bool
    imports: tuple[ImportLogEntry, ...]


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _marks(count: int) -> str:
    return ",".join("?" * count)


class Overlay:
    """Write access to the imports file. One import at a time per process;
    each ``write_*`` call is one transaction. Call :meth:`finish` when the
    file is read, then close (or use as a context manager)."""

    def __init__(self, path: Path, *, packaged_index: Path | None = None) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, timeout=60)
        except (OSError, sqlite3.Error) as error:
            raise GazetteerError(f"cannot open the gazetteer imports {path}: {error}") from error
        try:
            self._db.execute("PRAGMA cache_size=-65536")  # 64 MB, whatever the file's size
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._prepare()
            self._db.execute("ATTACH DATABASE ? AS stage", (str(stage_path(path)),))
            self._db.executescript(_STAGE_SCHEMA)
            self.packaged = False
            if packaged_index is not None and packaged_index.exists():
                uri = packaged_index.resolve().as_uri() + "?mode=ro"
                self._db.execute("ATTACH DATABASE ? AS packaged", (uri,))
                self.packaged = True
        except sqlite3.Error as error:
            self._db.close()
            raise GazetteerError(
                f"gazetteer imports {path} are corrupt or unreadable: {error}"
            ) from error

    def _prepare(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables:
            self._db.executescript(_SCHEMA)
            self._db.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [("schema_version", str(OVERLAY_SCHEMA_VERSION)), ("keys", keys_fingerprint())],
            )
            return
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_version") != str(OVERLAY_SCHEMA_VERSION):
            raise GazetteerError(
                f"gazetteer imports {self.path} are of another version "
                f"({meta.get('schema_version')}); delete the file and import again"
            )

    # ------------------------------------------------------------ plumbing
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Overlay:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _transaction(self, work: Callable[[], WriteCounts]) -> WriteCounts:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                counts = work()
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            raise GazetteerError(
                f"cannot write the gazetteer imports {self.path}: {error}"
            ) from error
        return counts

    def _stage(self, place: int, folded: Iterable[str], loose: Iterable[str]) -> None:
        rows = [(0, key, place) for key in folded] + [(1, key, place) for key in loose]
        self._db.executemany("INSERT INTO stage.key_stage VALUES (?,?,?)", rows)

    def _unkey(self, place: int, folded: Iterable[str], loose: Iterable[str]) -> None:
        for table, flag, keys in (("name_key", 0, folded), ("loose_key", 1, loose)):
            for key in keys:
                self._db.execute(f"DELETE FROM {table} WHERE key = ? AND place = ?", (key, place))
                self._db.execute(
                    "DELETE FROM stage.key_stage WHERE place = ? AND loose = ? AND key = ?",
                    (place, flag, key),
                )

    def _rekey_place(self, place: int, before: Iterable[str], after: Iterable[str]) -> None:
        old_folded, old_loose = match_keys(before)
        new_folded, new_loose = match_keys(after)
        self._unkey(place, old_folded - new_folded, old_loose - new_loose)
        self._stage(place, new_folded - old_folded, new_loose - old_loose)

    def _alternates_of(self, places: Sequence[int]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for chunk in _chunks(places):
            for place, name in self._db.execute(
                f"SELECT place, name FROM alt_name WHERE place IN ({_marks(len(chunk))})", chunk
            ):
                found.setdefault(int(place), []).append(str(name))
        return found

    def _names_of(self, place: int) -> list[str]:
        row = self._db.execute("SELECT names FROM place WHERE id = ?", (place,)).fetchone()
        names = str(row[0]).split("\t") if row else []
        return names + self._alternates_of([place]).get(place, [])

    # -------------------------------------------------------------- writes
    def write_places(self, records: Sequence[PlaceRecord]) -> WriteCounts:
        """Add or replace places (by id); an identical row is left alone."""
        return self._transaction(lambda: self._write_places(records))

    def _write_places(self, records: Sequence[PlaceRecord]) -> WriteCounts:
        ids = [record.id for record in records]
        existing: dict[int, tuple[object, ...]] = {}
        for chunk in _chunks(ids):
            for row in self._db.execute(
                f"SELECT * FROM place WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                existing[int(row[0])] = tuple(row)
        alternates = self._alternates_of(ids)
        added = updated = unchanged = 0
        for record in records:
            row = record.row()
            old = existing.get(record.id)
            if old == row:
                unchanged += 1
                continue
            extra = alternates.get(record.id, [])
            if old is None:
                added += 1
                self._rekey_place(record.id, (), (*record.names, *extra))
            else:
                updated += 1
                self._rekey_place(
                    record.id, (*str(old[10]).split("\t"), *extra), (*record.names, *extra)
                )
            self._db.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row)
            existing[record.id] = row
        return WriteCounts(added, updated, unchanged)

    def _known_places(self, places: Sequence[int]) -> set[int]:
        known: set[int] = set()
        for chunk in _chunks(places):
            marks = _marks(len(chunk))
            known.update(
                int(row[0])
                for row in self._db.execute(f"SELECT id FROM place WHERE id IN ({marks})", chunk)
            )
            if self.packaged:
                known.update(
                    int(row[0])
                    for row in self._db.execute(
                        f"SELECT geonameid FROM packaged.place WHERE geonameid IN ({marks})", chunk
                    )
                )
        return known

    def write_alternates(self, records: Sequence[AlternateRecord]) -> WriteCounts:
        """Add alternate names to places of either layer; names of places
        in neither are counted as ``missing_place`` and dropped."""
        return self._transaction(lambda: self._write_alternates(records))

    def _write_alternates(self, records: Sequence[AlternateRecord]) -> WriteCounts:
        known = self._known_places(sorted({record.place for record in records}))
        existing: dict[int, tuple[int, str]] = {}
        ids = [record.id for record in records]
        for chunk in _chunks(ids):
            for alt_id, place, name in self._db.execute(
                f"SELECT id, place, name FROM alt_name WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                existing[int(alt_id)] = (int(place), str(name))
        added = updated = unchanged = missing = 0
        for record in records:
            old = existing.get(record.id)
            if old == (record.place, record.name):
                unchanged += 1
                continue
            if record.place not in known:
                missing += 1
                continue
            if old is None:
                added += 1
                folded, loose = match_keys([record.name])
                self._stage(record.place, folded, loose)
                self._db.execute(
                    "INSERT INTO alt_name VALUES (?,?,?)", (record.id, record.place, record.name)
                )
            else:
                updated += 1
                affected = sorted({old[0], record.place})
                before = {place: self._names_of(place) for place in affected}
                self._db.execute(
                    "UPDATE alt_name SET place = ?, name = ? WHERE id = ?",
                    (record.place, record.name, record.id),
                )
                for place in affected:
                    self._rekey_place(place, before[place], self._names_of(place))
            existing[record.id] = (record.place, record.name)
        return WriteCounts(added, updated, unchanged, missing)

    def write_admin1(self, records: Sequence[Admin1Record]) -> WriteCounts:
        return self._transaction(lambda: self._write_admin1(records))

    def _write_admin1(self, records: Sequence[Admin1Record]) -> WriteCounts:
        added = updated = unchanged = 0
        for record in records:
            row = (record.country_code, record.code, record.name, record.geonameid)
            old = self._db.execute(
                "SELECT * FROM admin1_code WHERE cc = ? AND code = ?", row[:2]
            ).fetchone()
            if old is not None and tuple(old) == row:
                unchanged += 1
                continue
            added, updated = (added + 1, updated) if old is None else (added, updated + 1)
            self._db.execute("INSERT OR REPLACE INTO admin1_code VALUES (?,?,?,?)", row)
        return WriteCounts(added, updated, unchanged)

    def begin_user_file(self) -> None:
        """Start remembering the user places written (see :meth:`remove_unseen`)."""
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS seen(id INTEGER PRIMARY KEY)")
        self._db.execute("DELETE FROM temp.seen")

    def mark_seen(self, ids: Iterable[int]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO temp.seen VALUES (?)", ((i,) for i in ids))

    def remove_unseen(self, source: str) -> int:
        """Remove the user places of ``source`` that the file no longer has."""

        def work() -> WriteCounts:
            stale = [
                int(row[0])
                for row in self._db.execute(
                    "SELECT id FROM place WHERE id < 0 AND source = ? "
                    "AND id NOT IN (SELECT id FROM temp.seen)",
                    (source,),
                )
            ]
            for place in stale:
                self._rekey_place(place, self._names_of(place), ())
                self._db.execute("DELETE FROM place WHERE id = ?", (place,))
            return WriteCounts(updated=len(stale))

        return self._transaction(work).updated

    def finish(self) -> None:
        """Merge the staged keys into the key tables, in key order and in
        chunks of one transaction each: a single huge transaction would spill
        its pages and lock readers (a running ingest) out until it ends. The
        stage is emptied only once every chunk is in, and merging is
        idempotent, so an interrupted merge is simply done again."""

        def sort() -> WriteCounts:
            self._db.execute("DROP TABLE IF EXISTS stage.key_sorted")
            self._db.execute(
                "CREATE TABLE stage.key_sorted AS SELECT loose, key, place "
                "FROM stage.key_stage ORDER BY loose, key, place"
            )
            return WriteCounts()

        self._transaction(sort)
        (last,) = self._db.execute("SELECT max(rowid) FROM stage.key_sorted").fetchone()
        for start in range(0, int(last or 0), _MERGE_CHUNK):

            def merge(start: int = start) -> WriteCounts:
                for table, flag in (("name_key", 0), ("loose_key", 1)):
                    self._db.execute(
                        f"INSERT OR IGNORE INTO {table} SELECT key, place FROM stage.key_sorted "
                        "WHERE rowid > ? AND rowid <= ? AND loose = ?",
                        (start, start + _MERGE_CHUNK, flag),
                    )
                return WriteCounts()

            self._transaction(merge)

        def clear() -> WriteCounts:
            self._db.execute("DELETE FROM stage.key_stage")
            self._db.execute("DROP TABLE stage.key_sorted")
            return WriteCounts()

        self._transaction(clear)
        # Give the scratch file's space back; another import may be using it.
        with suppress(sqlite3.Error):
            self._db.execute("VACUUM stage")

    def log_import(self, entry: ImportLogEntry) -> None:
        def work() -> WriteCounts:
            self._db.execute(
                "INSERT OR REPLACE INTO import_log VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    entry.sha256,
                    entry.file,
                    entry.format,
                    entry.imported_at,
                    entry.read,
                    entry.kept,
                    entry.added,
                    entry.updated,
                    entry.removed,
                    entry.bad,
                    entry.seconds,
                ),
            )
            return WriteCounts()

        self._transaction(work)

    # --------------------------------------------------------------- reads
    def admin1_rows(self) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """(country, admin1 code, name, aliases) of both layers, the packaged
        index's first."""
        rows: list[tuple[str, str, str, tuple[str, ...]]] = []
        if self.packaged:
            rows += [
                (str(cc), str(code), str(name), tuple(a for a in str(aliases).split("|") if a))
                for cc, code, name, aliases in self._db.execute(
                    "SELECT cc, code, name, aliases FROM packaged.admin1_code"
                )
            ]
        rows += [
            (str(cc), str(code), str(name), ())
            for cc, code, name in self._db.execute("SELECT cc, code, name FROM admin1_code")
        ]
        return rows

    def country_codes(self) -> set[str]:
        """Country codes of both layers (empty when the packaged index is not
        attached: then any code is accepted)."""
        if not self.packaged:
            return set()
        codes = {str(row[0]) for row in self._db.execute("SELECT cc FROM packaged.country")}
        codes.update(
            str(row[0])
            for row in self._db.execute(f"SELECT DISTINCT cc FROM place WHERE feature = {0}")
        )
        return codes

    def keys_current(self) -> bool:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone()
        return row is not None and row[0] == keys_fingerprint()

    def rekey(self, on_progress: Callable[[int], None] | None = None) -> int:
        """Recompute every key from the stored names (after a change of the
        folding rules). Streams the rows; returns the places re-keyed."""
        done = 0

        def work() -> WriteCounts:
            nonlocal done
            for table in ("name_key", "loose_key", "stage.key_stage"):
                self._db.execute(f"DELETE FROM {table}")
            reader = self._db.cursor()
            for query in ("SELECT id, names FROM place", "SELECT place, name FROM alt_name"):
                reader.execute(query)
                while rows := reader.fetchmany(5000):
                    for place, names in rows:
                        folded, loose = match_keys(str(names).split("\t"))
                        self._stage(int(place), folded, loose)
                    done += len(rows)
                    if on_progress is not None:
                        on_progress(done)
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'keys'", (keys_fingerprint(),))
            return WriteCounts()

        self._transaction(work)
        self.finish()
        return done

    def info(self) -> OverlayInfo:
        def count(sql: str) -> int:
            return int(self._db.execute(sql).fetchone()[0])

        by_feature = {
            int(feature): int(number)
            for feature, number in self._db.execute(
                "SELECT feature, COUNT(*) FROM place GROUP BY feature ORDER BY feature"
            )
        }
        imports = tuple(
            ImportLogEntry(*row)
            for row in self._db.execute("SELECT * FROM import_log ORDER BY imported_at, file")
        )
        size = 0
        with suppress(OSError):
            size = self.path.stat().st_size
        return OverlayInfo(
            path=self.path,
            size_bytes=size,
            places_by_feature=by_feature,
            alternate_names=count("SELECT COUNT(*) FROM alt_name"),
            admin1_codes=count("SELECT COUNT(*) FROM admin1_code"),
            pending_keys=count("SELECT COUNT(*) FROM stage.key_stage"),
            keys_current=self.keys_current(),
            imports=imports,
        )


def prepare_for_reading(path: Path) -> bool:
    """Whether there are imports at ``path`` to read; re-keys them first
    when the folding rules changed since they were written."""
    if not path.exists():
        return False
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise GazetteerError(
            f"gazetteer imports {path} are corrupt or unreadable: {error}"
        ) from error
    if meta.get("schema_version") != str(OVERLAY_SCHEMA_VERSION):
        raise GazetteerError(
            f"gazetteer imports {path} are of another version "
            f"({meta.get('schema_version')}); delete the file and import again"
        )
    if meta.get("keys") != keys_fingerprint():
        with Overlay(path) as overlay:
            overlay.rekey()
    return True
