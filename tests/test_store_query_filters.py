"""query_events filters, ordering and limits; stats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from frontwatch.store import Store, open_store
from samples_events import (
    attack_event,
    bare_event,
    battle_article,
    battle_event,
    make_article,
    protest_event,
)

SYRIA_ARTICLE = battle_article()
IRAQ_ARTICLE = make_article("Police fired on protesters in Baghdad this week.")
VILLAGE_ARTICLE = make_article("IS fighters attacked villagers near Tell Ahmar this month.")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("query") / "fw.db"
    with open_store(path) as opened:
        opened.save_batch(
            [
                (SYRIA_ARTICLE, [battle_event(SYRIA_ARTICLE), bare_event(SYRIA_ARTICLE)]),
                (IRAQ_ARTICLE, [protest_event(IRAQ_ARTICLE)]),
                (VILLAGE_ARTICLE, [attack_event(VILLAGE_ARTICLE)]),
            ]
        )
        yield opened


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["SYR-0003", "SYR-0001", "IRQ-0001", "SYR-0002"]),
        ({"country": "Syria"}, ["SYR-0003", "SYR-0001"]),
        ({"country": "iraq"}, ["IRQ-0001"]),
        ({"country": "SY"}, ["SYR-0003", "SYR-0001"]),
        ({"admin1": "homs"}, ["SYR-0001"]),
        ({"admin1": "Aleppo"}, ["SYR-0003"]),
        ({"event_type": "Protests"}, ["IRQ-0001"]),
        ({"sub_event_type": "attack"}, ["SYR-0003"]),
        ({"actor": "islamic state"}, ["SYR-0003", "SYR-0001"]),
        ({"actor": "Hezbollah"}, ["SYR-0001"]),  # an associated actor
        ({"actor": "Civilians"}, ["SYR-0003"]),  # actor2
        ({"actor": "100%"}, []),  # LIKE wildcards are taken literally
        ({"date_from": dt.date(2017, 8, 26)}, ["SYR-0001", "IRQ-0001"]),
        ({"date_to": dt.date(2017, 8, 25)}, ["SYR-0003"]),
        ({"date_from": dt.date(2019, 1, 1), "date_to": dt.date(2019, 12, 31)}, ["IRQ-0001"]),
        ({"article_id": SYRIA_ARTICLE.article_id}, ["SYR-0001", "SYR-0002"]),
        ({"country": "Syria", "actor": "Military Forces of Syria"}, ["SYR-0001"]),
        ({"limit": 2}, ["SYR-0003", "SYR-0001"]),
        ({"country": "Narnia"}, []),
    ],
)
def test_store_query_filters(store: Store, filters: dict[str, Any], expected: list[str]) -> None:
    assert [event.event_id for event in store.query_events(**filters)] == expected


def test_store_query_filters_return_full_events(store: Store) -> None:
    (found,) = store.query_events(event_type="Battles")
    assert found == battle_event(SYRIA_ARTICLE)


def test_store_query_filters_stats(store: Store) -> None:
    stats = store.stats()
    assert (stats.articles, stats.failed_articles, stats.events) == (3, 0, 4)
    assert stats.by_country == (("Syria", 2), ("", 1), ("Iraq", 1))
    assert dict(stats.by_type)["Battles"] == 1
    assert sum(n for _, n in stats.by_type) == 4
    assert (stats.date_from, stats.date_to) == (dt.date(2017, 8, 1), dt.date(2019, 10, 1))
    assert store.count_events() == 4
