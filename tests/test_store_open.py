"""open_store: paths, URLs, the environment, and clear errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import open_store


def test_store_open_default_is_frontwatch_db_in_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FRONTWATCH_DB", raising=False)
    open_store().close()
    assert (tmp_path / "frontwatch.db").is_file()


def test_store_open_env_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_DB", str(tmp_path / "from_env.db"))
    open_store().close()
    assert (tmp_path / "from_env.db").is_file()


@pytest.mark.parametrize("as_url", [False, True])
def test_store_open_path_or_url(tmp_path: Path, as_url: bool) -> None:
    path = tmp_path / "fw.db"
    target = f"sqlite:///{path}" if as_url else str(path)
    open_store(target).close()
    assert path.is_file()


def test_store_open_sqlite_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    with open_store(path) as store:
        store.count_events()
        (mode,) = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()
        assert mode == "wal"
        engine = store._engine  # the pragma that must hold on the store's own connections
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_open_memory() -> None:
    with open_store(":memory:") as store:
        assert store.count_events() == 0


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda tmp: str(tmp / "no_such_folder" / "fw.db"), "does not exist"),
        (lambda tmp: str(tmp), "is a directory"),
        (lambda tmp: "nosuchdb://localhost/x", "no database driver"),
        (lambda tmp: "sqlite:///" + str(tmp / "not_a_db.txt"), "not a database"),
    ],
)
def test_store_open_errors_are_actionable(
    tmp_path: Path, make_target: Callable[[Path], str], message: str
) -> None:
    (tmp_path / "not_a_db.txt").write_text("this is plain text, not SQLite\n" * 50)
    with pytest.raises(StoreError, match=message):
        open_store(make_target(tmp_path))
