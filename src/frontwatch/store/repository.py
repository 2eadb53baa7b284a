"""The store: with ``store.merging`` (the merge and control tables, whose
methods ``Store`` inherits) and ``store.engine`` (connecting, creating and
migrating the schema), the only module that executes SQL.

Articles are stored once per content hash, raw text included, so they can be
processed again after an upgrade. Events are replaced per article in one
transaction. Only portable SQL is used (SQLite and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from frontwatch import __version__
from frontwatch.errors import NotFoundError, StoreError
from frontwatch.models import Article, Event
from frontwatch.store import records
from frontwatch.store.engine import create_engine, prepare_schema, resolve_url
from frontwatch.store.merging import MergeTables
from frontwatch.store.schema import (
    actors,
    articles,
    event_actors,
    event_places,
    event_sources,
    events,
    places,
)

DB_ENV = "FRONTWATCH_DB"
DEFAULT_DB = "frontwatch.db"
STATUS_PROCESSED, STATUS_FAILED = "processed", "failed"
_STATUSES = (STATUS_PROCESSED, STATUS_FAILED)
_IN_CHUNK = 500  # ids per IN (...) list: well under every backend's parameter limit


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    failed_articles: int
    events: int
    by_type: tuple[tuple[str, int], ...]  # (event_type, count), most frequent first
    by_country: tuple[tuple[str, int], ...]  # (country, count); "" = no place
    date_from: dt.date | None  # earliest event_date stored
    date_to: dt.date | None  # latest event_date stored


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (creating if needed) the store at a path or SQLAlchemy URL.

    ``None`` means ``$FRONTWATCH_DB``, else ``frontwatch.db`` in the current
    directory. ``":memory:"`` gives a private in-memory SQLite store.
    """
    if url_or_path is None:
        url_or_path = os.environ.get(DB_ENV) or DEFAULT_DB
    url = resolve_url(url_or_path)
    engine = create_engine(url)
    shown = url.render_as_string(hide_password=True)
    try:
        prepare_schema(engine, shown)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store at {shown}: {_reason(exc)}") from exc
    return Store(engine, shown)


def _reason(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None)
    return str(original if original is not None else exc).strip().splitlines()[0]


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]


class Store(MergeTables):
    """A handle on one database. Use ``open_store`` to get one; close it after."""

    def __init__(self, engine: Engine, shown_url: str) -> None:
        self._engine = engine
        self.url = shown_url  # for messages; the password is masked

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _transaction(self, action: str) -> Iterator[Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"could not {action} in {self.url}: {_reason(exc)}") from exc

    def _load(self, conn: Connection, rows: Sequence[records.StoredRow]) -> list[Event]:
        return _load_events(conn, rows)

    # -- articles -------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._transaction("look up an article") as conn:
            return _article_exists(conn, article_id)

    def add_article(
        self, article: Article, *, status: str = STATUS_PROCESSED, error: str | None = None
    ) -> bool:
        """Store the article; False when the same content is already stored."""
        _check_status(status)
        row = self._article_row(article, status, error)
        try:
            with self._engine.begin() as conn:
                if _article_exists(conn, article.article_id):
                    return False
                conn.execute(articles.insert(), row)
        except IntegrityError:
            return False  # stored meanwhile by another writer: same content, nothing to do
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not store article {article.article_id} in {self.url}: {_reason(exc)}"
            ) from exc
        return True

    def set_status(self, article_id: str, status: str, error: str | None = None) -> None:
        """Mark a stored article processed or failed (with the error message)."""
        _check_status(status)
        with self._transaction("update an article's status") as conn:
            result = conn.execute(
                articles.update()
                .where(articles.c.article_id == article_id)
                .values(status=status, error=error)
            )
            if result.rowcount == 0:
                raise NotFoundError(f"no article {article_id} in {self.url}")

    def get_article(self, article_id: str) -> Article | None:
        with self._transaction("read an article") as conn:
            row = (
                conn.execute(sa.select(articles).where(articles.c.article_id == article_id))
                .mappings()
                .one_or_none()
            )
        return records.article_from_row(row) if row is not None else None

    def iter_articles(self, *, status: str | None = None) -> Iterator[Article]:
        """Every stored article (optionally only those with ``status``), by id.

        Reads page by page, so no connection stays open between items.
        """
        last = ""
        while True:
            query = sa.select(articles).where(articles.c.article_id > last)
            if status is not None:
                query = query.where(articles.c.status == status)
            query = query.order_by(articles.c.article_id).limit(_IN_CHUNK)
            with self._transaction("read articles") as conn:
                rows = conn.execute(query).mappings().all()
            if not rows:
                return
            for row in rows:
                yield records.article_from_row(row)
            last = rows[-1]["article_id"]

    def _article_row(self, article: Article, status: str, error: str | None) -> records.Row:
        return records.article_row(
            article,
            status=status,
            error=error,
            pipeline_version=__version__,
            ingested_at=dt.datetime.now(dt.UTC),
        )

    # -- events ---------------------------------------------------------

    def replace_events(self, article_id: str, new_events: Sequence[Event]) -> None:
        """Delete the article's previous events and store these, atomically."""
        with self._transaction(f"store the events of article {article_id}") as conn:
            _replace_events(conn, [(article_id, new_events)])

    def save_batch(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> None:
        """Store processed articles and their events in one transaction.

        An article already stored (same content) is refreshed: its cleaned
        text and metadata are updated, it is marked processed, and its events
        are replaced. An article repeated within the batch counts once (the
        first time): the same content gives the same events.
        """
        batch: dict[str, tuple[Article, Sequence[Event]]] = {}
        for article, article_events in items:
            batch.setdefault(article.article_id, (article, article_events))
        with self._transaction(f"store a batch of {len(items)} articles") as conn:
            stored = _existing(conn, articles.c.article_id, list(batch))
            new_rows = []
            for article_id, (article, _) in batch.items():
                row = self._article_row(article, STATUS_PROCESSED, None)
                if article_id not in stored:
                    new_rows.append(row)
                    continue
                refreshed = {k: v for k, v in row.items() if k not in _KEPT_ON_REFRESH}
                conn.execute(
                    articles.update().where(articles.c.article_id == article_id).values(**refreshed)
                )
            if new_rows:
                conn.execute(articles.insert(), new_rows)
            _replace_events(conn, [(article_id, evs) for article_id, (_, evs) in batch.items()])

    def get_event(self, event_id: str) -> Event | None:
        """A report by its id, or a merged event (as an Event) by its merged
        id or a former id of it."""
        with self._transaction("read an event") as conn:
            rows = (
                conn.execute(sa.select(events).where(events.c.event_id == event_id))
                .mappings()
                .all()
            )
            found = _load_events(conn, rows)
        if found:
            return found[0]
        merged = self.get_merged_event(event_id)
        return merged.as_event() if merged is not None else None

    def query_events(
        self,
        *,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Events matching every given filter, by event_date then event_id.

        Text filters ignore case; ``country`` matches the name or ISO code;
        ``actor`` is a substring of actor1, actor2 or an associated actor.
        Events without a date come last.
        """
        query = sa.select(events)
        if country:
            query = query.where(
                sa.or_(
                    sa.func.lower(events.c.country) == country.lower(),
                    sa.func.upper(events.c.country_code) == country.upper(),
                )
            )
        if admin1:
            query = query.where(sa.func.lower(events.c.admin1) == admin1.lower())
        if event_type:
            query = query.where(sa.func.lower(events.c.event_type) == event_type.lower())
        if sub_event_type:
            query = query.where(sa.func.lower(events.c.sub_event_type) == sub_event_type.lower())
        if actor:
            query = query.where(
                sa.or_(
                    *(
                        column.icontains(actor, autoescape=True)
                        for column in (
                            events.c.actor1,
                            events.c.actor2,
                            events.c.assoc_actor_1,
                            events.c.assoc_actor_2,
                        )
                    )
                )
            )
        if date_from:
            query = query.where(events.c.event_date >= date_from)
        if date_to:
            query = query.where(events.c.event_date <= date_to)
        if article_id:
            query = query.where(
                events.c.event_id.in_(
                    sa.select(event_sources.c.event_id).where(
                        event_sources.c.article_id == article_id
                    )
                )
            )
        undated_last = sa.case((events.c.event_date.is_(None), 1), else_=0)
        query = query.order_by(undated_last, events.c.event_date, events.c.event_id)
        if limit is not None:
            query = query.limit(limit)
        with self._transaction("query events") as conn:
            rows = conn.execute(query).mappings().all()
            return _load_events(conn, rows)

    def count_events(self) -> int:
        with self._transaction("count events") as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one())

    def stats(self) -> StoreStats:
        count = sa.func.count()
        with self._transaction("compute store statistics") as conn:
            n_articles = conn.execute(sa.select(count).select_from(articles)).scalar_one()
            n_failed = conn.execute(
                sa.select(count).select_from(articles).where(articles.c.status == STATUS_FAILED)
            ).scalar_one()
            n_events = conn.execute(sa.select(count).select_from(events)).scalar_one()
            by_type = conn.execute(
                sa.select(events.c.event_type, count).group_by(events.c.event_type)
            ).all()
            by_country = conn.execute(
                sa.select(events.c.country, count).group_by(events.c.country)
            ).all()
            first, last = conn.execute(
                sa.select(sa.func.min(events.c.event_date), sa.func.max(events.c.event_date))
            ).one()
        return StoreStats(
            articles=int(n_articles),
            failed_articles=int(n_failed),
            events=int(n_events),
            by_type=_ranked((name, n) for name, n in by_type),
            by_country=_ranked((name or "", n) for name, n in by_country),
            date_from=first,
            date_to=last,
        )


# Columns a refresh (save_batch of an already stored article) leaves alone.
_KEPT_ON_REFRESH = frozenset({"article_id", "raw", "raw_format", "origin", "ingested_at"})


def _ranked(pairs: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((name, int(n)) for name, n in pairs), key=lambda p: (-p[1], p[0])))


def _check_status(status: str) -> None:
    if status not in _STATUSES:
        raise StoreError(f"article status must be one of {_STATUSES}, got {status!r}")


def _article_exists(conn: Connection, article_id: str) -> bool:
    found = conn.execute(
        sa.select(articles.c.article_id).where(articles.c.article_id == article_id)
    ).first()
    return found is not None


def _replace_events(conn: Connection, batch: Sequence[tuple[str, Sequence[Event]]]) -> None:
    """For each (article_id, events): drop the article's stored events, store these.

    Works on the whole batch at once: a few statements per batch, not per article.
    """
    _check_new_events(conn, batch)
    created_at = dt.datetime.now(dt.UTC)
    rows = [
        records.event_rows(event, created_at=created_at)
        for _, article_events in batch
        for event in article_events
    ]
    article_ids = [article_id for article_id, _ in batch]
    old_ids: set[str] = set()
    for chunk in _chunks(article_ids):
        old_ids.update(
            conn.execute(
                sa.select(event_sources.c.event_id).where(event_sources.c.article_id.in_(chunk))
            ).scalars()
        )
    for chunk in _chunks(sorted(old_ids)):
        # Children first: explicit deletes work whether or not the backend
        # enforces ON DELETE CASCADE.
        for child in (event_sources, event_actors, event_places):
            conn.execute(child.delete().where(child.c.event_id.in_(chunk)))
        conn.execute(events.delete().where(events.c.event_id.in_(chunk)))

    clash = sorted(_existing(conn, events.c.event_id, [r.event["event_id"] for r in rows]))
    if clash:
        raise StoreError(
            f"event id(s) {', '.join(clash[:5])} are already stored for another article; "
            "event ids must be unique across articles"
        )
    if not rows:
        return
    _insert_missing(conn, actors, actors.c.name, [r for e in rows for r in e.actors])
    _insert_missing(conn, places, places.c.place_key, [r for e in rows for r in e.places])
    conn.execute(events.insert(), [e.event for e in rows])
    for table, children in (
        (event_sources, [r for e in rows for r in e.sources]),
        (event_actors, [r for e in rows for r in e.event_actors]),
        (event_places, [r for e in rows for r in e.event_places]),
    ):
        if children:
            conn.execute(table.insert(), children)


def _check_new_events(conn: Connection, batch: Sequence[tuple[str, Sequence[Event]]]) -> None:
    """Refuse, with a clear message, what the database would refuse obscurely."""
    seen: set[str] = set()
    cited: set[str] = set()
    for article_id, new_events in batch:
        for event in new_events:
            if event.event_id in seen:
                raise StoreError(f"event id {event.event_id} appears twice in one batch")
            seen.add(event.event_id)
            sources = {p.article_id for p in event.provenance}
            if article_id not in sources:
                raise StoreError(
                    f"event {event.event_id} does not cite article {article_id} in its "
                    "provenance; every stored event must trace back to the article it was "
                    "extracted from"
                )
            cited |= sources
    missing = sorted(cited - _existing(conn, articles.c.article_id, sorted(cited)))
    if missing:
        raise StoreError(
            f"article(s) {', '.join(missing[:5])} cited by the events are not stored; "
            "store the article (add_article) before its events"
        )


def _existing(conn: Connection, key: sa.Column[Any], values: Sequence[str]) -> set[str]:
    """Which of these key values are already stored."""
    found: set[str] = set()
    for chunk in _chunks(values):
        found.update(conn.execute(sa.select(key).where(key.in_(chunk))).scalars())
    return found


def _insert_missing(
    conn: Connection, table: sa.Table, key: sa.Column[Any], rows: list[records.Row]
) -> None:
    """Insert catalogue rows whose key is not stored yet (first description wins)."""
    wanted: dict[str, records.Row] = {}
    for row in rows:
        wanted.setdefault(row[key.name], row)
    for stored in _existing(conn, key, sorted(wanted)):
        del wanted[stored]
    if wanted:
        conn.execute(table.insert(), list(wanted.values()))


def _load_events(conn: Connection, rows: Sequence[records.StoredRow]) -> list[Event]:
    """Rebuild Events for event rows, fetching their children in bulk."""
    ids = [row["event_id"] for row in rows]
    sources: dict[str, list[records.StoredRow]] = {}
    actor_rows: dict[str, list[records.StoredRow]] = {}
    place_rows: dict[str, list[records.StoredRow]] = {}
    place_columns = [c for c in places.c if c.name != "place_key"]
    for chunk in _chunks(ids):
        for row in conn.execute(
            sa.select(event_sources)
            .where(event_sources.c.event_id.in_(chunk))
            .order_by(event_sources.c.event_id, event_sources.c.position)
        ).mappings():
            sources.setdefault(row["event_id"], []).append(row)
        for row in conn.execute(
            sa.select(event_actors)
            .where(event_actors.c.event_id.in_(chunk))
            .order_by(event_actors.c.event_id, event_actors.c.role, event_actors.c.position)
        ).mappings():
            actor_rows.setdefault(row["event_id"], []).append(row)
        for row in conn.execute(
            sa.select(event_places, *place_columns)
            .join(places, places.c.place_key == event_places.c.place_key)
            .where(event_places.c.event_id.in_(chunk))
            .order_by(event_places.c.event_id, event_places.c.role, event_places.c.position)
        ).mappings():
            place_rows.setdefault(row["event_id"], []).append(row)
    return [
        records.event_from_rows(
            row,
            sources.get(row["event_id"], []),
            actor_rows.get(row["event_id"], []),
            place_rows.get(row["event_id"], []),
        )
        for row in rows
    ]
