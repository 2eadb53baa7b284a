"""Connecting to a store's database and bringing its schema to this
version: URL or path resolution, the engine (SQLite pragmas), schema
creation and the migrations of older stores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from frontwatch import __version__
from frontwatch.errors import StoreError
from frontwatch.store.schema import (
    SCHEMA_VERSION,
    SCHEMA_VERSION_KEY,
    TABLES_V3,
    metadata,
    schema_info,
)


def resolve_url(url_or_path: str | Path) -> URL:
    text = str(url_or_path)
    if text == ":memory:":
        return sa.make_url("sqlite://")
    if isinstance(url_or_path, str) and "://" in text:
        try:
            return sa.make_url(text)
        except ArgumentError as exc:
            raise StoreError(
                f"{text!r} is not a database URL (expected e.g. sqlite:///path/frontwatch.db "
                "or postgresql://user@host/dbname) nor a file path"
            ) from exc
    path = Path(text).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory; give a file path for the store, e.g. {path}/")
    if not path.parent.exists():
        raise StoreError(f"cannot create the store {path}: the folder {path.parent} does not exist")
    return URL.create("sqlite", database=str(path.resolve()))


def create_engine(url: URL) -> Engine:
    is_sqlite = url.get_backend_name() == "sqlite"
    kwargs: dict[str, Any] = {}
    if is_sqlite and url.database in (None, "", ":memory:"):
        # One shared connection, or every checkout would see a new empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    try:
        engine = sa.create_engine(url, **kwargs)
    except NoSuchModuleError as exc:
        raise StoreError(
            f"no database driver for {url.drivername!r}: use sqlite:///... or "
            "postgresql://... (the latter needs `pip install 'psycopg[binary]'`)"
        ) from exc
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"the database driver for {url.drivername!r} is not installed ({exc.name}); "
            "for PostgreSQL run `pip install 'psycopg[binary]'`"
        ) from exc
    if is_sqlite:
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the API, `events`) work while a batch is being written;
    # SQLite leaves foreign keys off unless asked on every connection.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def prepare_schema(engine: Engine, shown: str) -> None:
    with engine.begin() as conn:
        if sa.inspect(conn).has_table(schema_info.name):
            stored = conn.execute(
                sa.select(schema_info.c.value).where(schema_info.c.key == SCHEMA_VERSION_KEY)
            ).scalar_one_or_none()
            if stored is not None:
                _migrate(conn, _check_version(stored, shown))
        metadata.create_all(conn)
        present = conn.execute(
            sa.select(schema_info.c.value).where(schema_info.c.key == SCHEMA_VERSION_KEY)
        ).scalar_one_or_none()
        if present is None:
            conn.execute(
                schema_info.insert().values(key=SCHEMA_VERSION_KEY, value=str(SCHEMA_VERSION))
            )


# Schema changes since version 1, as the steps that bring a store of the
# key's version to the next one: plain, dialect-neutral DDL, or new tables
# (created from their metadata, so each backend gets its own types).
MIGRATIONS: dict[int, tuple[str | sa.Table, ...]] = {
    1: ("ALTER TABLE events ADD COLUMN crowd_size TEXT",),
    2: TABLES_V3,  # merging and control; existing tables are unchanged
}


def _migrate(conn: sa.Connection, version: int) -> None:
    """Bring an older store up to SCHEMA_VERSION, in one transaction."""
    if version >= SCHEMA_VERSION:
        return
    for step in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[step]:
            if isinstance(statement, sa.Table):
                statement.create(conn, checkfirst=True)
            else:
                conn.execute(sa.text(statement))
    conn.execute(
        schema_info.update()
        .where(schema_info.c.key == SCHEMA_VERSION_KEY)
        .values(value=str(SCHEMA_VERSION))
    )


def _check_version(stored: str, shown: str) -> int:
    try:
        version = int(stored)
    except ValueError:
        raise StoreError(
            f"the store at {shown} has an unreadable schema version {stored!r}; "
            "it was not written by frontwatch, point FRONTWATCH_DB at another database"
        ) from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store at {shown} has schema version {version}, written by a newer "
            f"frontwatch; this frontwatch ({__version__}) reads version {SCHEMA_VERSION}. "
            "Upgrade frontwatch, or point FRONTWATCH_DB at another database"
        )
    return version
