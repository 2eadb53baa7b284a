"""replace_events and save_batch: an article's events are replaced atomically."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import Store, open_store
from samples_events import (
    attack_event,
    bare_event,
    battle_article,
    battle_event,
    make_article,
    provenance_for,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "fw.db") as opened:
        yield opened


def test_store_replace_events_drops_previous(store: Store) -> None:
    article = battle_article()
    store.add_article(article)
    store.replace_events(article.article_id, [battle_event(article), bare_event(article)])
    assert store.count_events() == 2
    newer = replace(battle_event(article, "SYR-0009"), trigger="seized")
    store.replace_events(article.article_id, [newer])
    assert store.count_events() == 1
    assert store.get_event("SYR-0001") is None
    assert store.get_event("SYR-0009") == newer
    store.replace_events(article.article_id, [])
    assert store.count_events() == 0


def test_store_replace_events_leaves_other_articles(store: Store) -> None:
    first, second = battle_article(), make_article("IS fighters attacked villagers.")
    store.save_batch([(first, [battle_event(first)]), (second, [attack_event(second)])])
    store.replace_events(first.article_id, [])
    assert [e.event_id for e in store.query_events()] == ["SYR-0003"]


def test_store_replace_events_is_atomic(store: Store) -> None:
    first, second = battle_article(), make_article("IS fighters attacked villagers.")
    store.save_batch([(first, [battle_event(first)]), (second, [attack_event(second)])])
    # The new event reuses an id owned by the other article: nothing may change.
    clashing = attack_event(first, "SYR-0003")
    with pytest.raises(StoreError, match="already stored for another article"):
        store.replace_events(first.article_id, [bare_event(first, "SYR-NEW"), clashing])
    assert sorted(e.event_id for e in store.query_events()) == ["SYR-0001", "SYR-0003"]


def test_store_replace_events_requires_stored_article(store: Store) -> None:
    article = battle_article()
    with pytest.raises(StoreError, match="not stored"):
        store.replace_events(article.article_id, [battle_event(article)])


def test_store_replace_events_requires_provenance_to_article(store: Store) -> None:
    first, second = battle_article(), make_article("IS fighters attacked villagers.")
    store.add_article(first)
    store.add_article(second)
    with pytest.raises(StoreError, match="does not cite"):
        store.replace_events(second.article_id, [battle_event(first)])


def test_store_replace_events_rejects_duplicate_ids(store: Store) -> None:
    article = battle_article()
    store.add_article(article)
    with pytest.raises(StoreError, match="twice"):
        store.replace_events(
            article.article_id, [battle_event(article), bare_event(article, "SYR-0001")]
        )


def test_store_replace_events_save_batch_rolls_back_whole_batch(store: Store) -> None:
    good, bad = battle_article(), make_article("A second report.")
    orphan = replace(bare_event(bad), provenance=(provenance_for(good, "x"),))
    with pytest.raises(StoreError):
        store.save_batch([(good, [battle_event(good)]), (bad, [orphan])])
    assert store.stats().articles == 0
    assert store.count_events() == 0


def test_store_replace_events_save_batch_refreshes_article(store: Store) -> None:
    article = battle_article()
    store.add_article(article, status="failed", error="crashed")
    recleaned = replace(article, text=article.text.upper(), origin="other.html")
    store.save_batch([(recleaned, [battle_event(recleaned)])])
    stored = store.get_article(article.article_id)
    assert stored is not None
    assert stored.text == recleaned.text
    assert stored.origin == article.origin  # where it first came from is kept
    assert store.stats().failed_articles == 0
    assert store.count_events() == 1


def test_store_replace_events_save_batch_repeated_article_counts_once(store: Store) -> None:
    article = battle_article()
    store.save_batch([(article, [battle_event(article)]), (article, [battle_event(article)])])
    assert store.stats().articles == 1
    assert [e.event_id for e in store.query_events()] == ["SYR-0001"]
