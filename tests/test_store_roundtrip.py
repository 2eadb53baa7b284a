"""Event -> store -> Event gives back an equal Event; articles likewise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from frontwatch.models import Article, Event
from frontwatch.store import Store, open_store
from samples_events import attack_event, bare_event, battle_article, battle_event, make_article


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "fw.db") as opened:
        yield opened


@pytest.mark.parametrize("build", [battle_event, bare_event, attack_event])
def test_store_roundtrip_event_equal(store: Store, build: Callable[[Article], Event]) -> None:
    article = battle_article()
    event: Event = build(article)
    store.add_article(article)
    store.replace_events(article.article_id, [event])
    assert store.get_event(event.event_id) == event


def test_store_roundtrip_article_equal(store: Store) -> None:
    article = battle_article()
    store.add_article(article)
    assert store.get_article(article.article_id) == article
    assert store.get_article("0" * 16) is None


def test_store_roundtrip_survives_reopen(tmp_path: Path) -> None:
    article = battle_article()
    event = battle_event(article)
    with open_store(tmp_path / "fw.db") as first:
        first.save_batch([(article, [event])])
    with open_store(tmp_path / "fw.db") as second:
        assert second.get_event(event.event_id) == event
        assert list(second.iter_articles()) == [article]


def test_store_roundtrip_shared_actor_and_place_keep_per_event_details(store: Store) -> None:
    # Two events name the same actor and place with different surface text:
    # each must come back with its own matched_text.
    first_article = battle_article()
    second_article = make_article("IS fighters attacked villagers near al-Sukhna.")
    first = battle_event(first_article, "SYR-A")
    second = attack_event(second_article, "SYR-B")
    store.save_batch([(first_article, [first]), (second_article, [second])])
    assert store.get_event("SYR-A") == first
    assert store.get_event("SYR-B") == second


def test_store_roundtrip_iter_articles_pages(store: Store) -> None:
    made = [make_article(f"Report number {n} about the front line.") for n in range(1203)]
    for article in made:
        store.add_article(article)
    got = list(store.iter_articles())
    assert sorted(a.article_id for a in got) == sorted(a.article_id for a in made)
    assert len({a.article_id for a in got}) == len(made)
