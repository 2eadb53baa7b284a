"""Schema version 3 adds the merge and control tables; a version-2 store is
upgraded in place, keeping its rows, and its reports can then be merged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from frontwatch.store import open_store
from frontwatch.store.engine import MIGRATIONS
from frontwatch.store.schema import SCHEMA_VERSION, TABLES_V3

NEW_TABLES = {table.name for table in TABLES_V3}


def test_store_merge_migration_from_version_2(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    with conn:
        for name in NEW_TABLES:
            conn.execute(f"DROP TABLE {name}")
        conn.execute("UPDATE schema_info SET value = '2' WHERE key = 'schema_version'")
        conn.execute(
            "INSERT INTO articles (article_id, origin, raw_format, raw, text, captions, "
            "removed_lines, ingested_at, pipeline_version, status) VALUES ('a1', 'x', 'text', "
            "'raw', 'text', '[]', '[]', '2026-11-28 00:00:00', '0', 'processed')"
        )
    conn.close()
    store = open_store(path)
    try:
        assert store.get_article("a1") is not None
        assert store.count_merged() == 0
        assert store.control_periods() == []
    finally:
        store.close()
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        tables = set(sa.inspect(engine).get_table_names())
        with engine.connect() as db:
            version = db.execute(sa.text("SELECT value FROM schema_info")).scalar_one()
    finally:
        engine.dispose()
    assert tables >= NEW_TABLES
    assert version == str(SCHEMA_VERSION) == "3"


def test_store_merge_migration_step_creates_the_new_tables() -> None:
    assert {t.name for t in MIGRATIONS[2] if isinstance(t, sa.Table)} == NEW_TABLES
