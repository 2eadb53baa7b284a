"""The same round trip against PostgreSQL (skipped when none is reachable).

Set FRONTWATCH_TEST_PG to a libpq connection string to use another server;
the test works in a throw-away schema and drops it afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import quote

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import Store, open_store
from samples_events import (
    attack_event,
    bare_event,
    battle_article,
    battle_event,
    make_article,
    protest_event,
)

PG_DSN = os.environ.get("FRONTWATCH_TEST_PG", "host=127.0.0.1 port=5432 dbname=test user=postgres")


@pytest.fixture
def pg_store() -> Iterator[Store]:
    psycopg = pytest.importorskip(
        "psycopg", reason="PostgreSQL test needs the driver: pip install 'psycopg[binary]'"
    )
    try:
        admin = psycopg.connect(PG_DSN, connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL reachable at {PG_DSN!r}: {' '.join(str(exc).split())}")
    schema = f"frontwatch_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    params = dict(part.split("=", 1) for part in PG_DSN.split())
    url = (
        f"postgresql+psycopg://{params.get('user', '')}@{params.get('host', '')}:"
        f"{params.get('port', '5432')}/{params['dbname']}"
        f"?options={quote(f'-csearch_path={schema}')}"
    )
    try:
        with open_store(url) as store:
            yield store
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


def test_store_postgres_roundtrip(pg_store: Store) -> None:
    syria, iraq = battle_article(), make_article("Police fired on protesters in Baghdad.")
    village = make_article("IS fighters attacked villagers near Tell Ahmar.")
    events = {
        "battle": battle_event(syria),
        "bare": bare_event(syria),
        "protest": protest_event(iraq),
        "attack": attack_event(village),
    }
    pg_store.save_batch(
        [
            (syria, [events["battle"], events["bare"]]),
            (iraq, [events["protest"]]),
            (village, [events["attack"]]),
        ]
    )
    for event in events.values():
        assert pg_store.get_event(event.event_id) == event
    assert pg_store.get_article(syria.article_id) == syria
    assert pg_store.add_article(syria) is False

    ids = [e.event_id for e in pg_store.query_events()]
    assert ids == ["SYR-0003", "SYR-0001", "IRQ-0001", "SYR-0002"]  # undated last
    assert [e.event_id for e in pg_store.query_events(country="sy", actor="hezbollah")] == [
        "SYR-0001"
    ]
    assert [e.event_id for e in pg_store.query_events(date_from=dt.date(2019, 1, 1))] == [
        "IRQ-0001"
    ]

    newer = replace(events["battle"], event_id="SYR-0009")
    pg_store.replace_events(syria.article_id, [newer])
    assert pg_store.get_event("SYR-0001") is None
    assert pg_store.get_event("SYR-0009") == newer
    with pytest.raises(StoreError, match="already stored for another article"):
        pg_store.replace_events(syria.article_id, [replace(newer, event_id="IRQ-0001")])
    assert pg_store.get_event("SYR-0009") == newer  # rolled back

    stats = pg_store.stats()
    assert (stats.articles, stats.events) == (3, 3)
