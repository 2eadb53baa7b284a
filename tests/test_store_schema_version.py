"""The store records its schema version and refuses a newer one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from frontwatch.errors import StoreError
from frontwatch.store import open_store
from frontwatch.store.schema import SCHEMA_VERSION


def _stored_version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        (value,) = conn.execute(
            "SELECT value FROM schema_info WHERE key = 'schema_version'"
        ).fetchone()
    return str(value)


def _set_version(path: Path, value: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (value,))
    conn.close()


def test_store_schema_version_recorded(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    open_store(path).close()
    assert _stored_version(path) == str(SCHEMA_VERSION) == "3"
    open_store(path).close()  # reopening the same version is fine
    assert _stored_version(path) == "3"


def test_store_schema_version_newer_refused(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    open_store(path).close()
    _set_version(path, str(SCHEMA_VERSION + 1))
    with pytest.raises(StoreError, match=r"schema version 4.*newer.*Upgrade frontwatch"):
        open_store(path)


def test_store_schema_version_unreadable_refused(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    open_store(path).close()
    _set_version(path, "v-two")
    with pytest.raises(StoreError, match="unreadable schema version"):
        open_store(path)


def test_store_schema_version_1_is_migrated(tmp_path: Path) -> None:
    """A store written before events.crowd_size existed is upgraded in place
    and keeps its rows."""
    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE schema_info (key TEXT PRIMARY KEY, value TEXT)"))
        conn.execute(sa.text("INSERT INTO schema_info VALUES ('schema_version', '1')"))
        conn.execute(sa.text("CREATE TABLE events (event_id TEXT PRIMARY KEY, note TEXT)"))
        conn.execute(sa.text("INSERT INTO events VALUES ('E1', 'kept')"))
    engine.dispose()
    open_store(path).close()
    assert _stored_version(path) == str(SCHEMA_VERSION)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT event_id, note, crowd_size FROM events")).one()
    engine.dispose()
    assert tuple(row) == ("E1", "kept", None)
