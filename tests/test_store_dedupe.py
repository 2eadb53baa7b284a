"""The same content is stored once; failed articles are kept for reprocessing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from frontwatch.errors import NotFoundError, StoreError
from frontwatch.store import Store, open_store
from samples_events import battle_article, make_article


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "fw.db") as opened:
        yield opened


def test_store_dedupe_same_hash_stored_once(store: Store) -> None:
    article = battle_article()
    assert not store.has_article(article.article_id)
    assert store.add_article(article) is True
    assert store.has_article(article.article_id)
    # Same content hash from another file: not stored again, first copy kept.
    assert store.add_article(replace(article, origin="elsewhere.html")) is False
    assert store.stats().articles == 1
    stored = store.get_article(article.article_id)
    assert stored is not None and stored.origin == article.origin


def test_store_dedupe_failed_article_keeps_raw(store: Store) -> None:
    article = make_article("A report the extractor could not handle.")
    assert store.add_article(article, status="failed", error="tokenizer crashed")
    stats = store.stats()
    assert (stats.articles, stats.failed_articles) == (1, 1)
    stored = store.get_article(article.article_id)
    assert stored is not None and stored.raw == article.raw
    assert [a.article_id for a in store.iter_articles(status="failed")] == [article.article_id]
    assert list(store.iter_articles(status="processed")) == []


def test_store_dedupe_set_status(store: Store) -> None:
    article = battle_article()
    store.add_article(article, status="failed", error="boom")
    store.set_status(article.article_id, "processed")
    assert store.stats().failed_articles == 0
    with pytest.raises(NotFoundError):
        store.set_status("f" * 16, "processed")


@pytest.mark.parametrize("status", ["done", "", "FAILED"])
def test_store_dedupe_rejects_unknown_status(store: Store, status: str) -> None:
    with pytest.raises(StoreError, match="status"):
        store.add_article(battle_article(), status=status)
