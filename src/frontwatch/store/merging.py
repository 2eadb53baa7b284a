"""The store's merge and control tables (schema version 3): copy stories,
merged events, the merge log, control claims and control periods.

``Store`` inherits these methods; like the rest of the store package they
are the only place that runs SQL on these tables. Every write here replaces
the rows of the events or places one merge step touched, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from frontwatch.control.claims import ControlClaim
from frontwatch.control.timeline import ControlPeriod
from frontwatch.merge.cluster import MergeLogEntry
from frontwatch.merge.events import MergedEvent, Report, build_merged
from frontwatch.models import Event
from frontwatch.store import records
from frontwatch.store.schema import (
    article_bands,
    article_stories,
    control_claims,
    control_periods,
    events,
    merge_log,
    merged_aliases,
    merged_events,
    merged_members,
)

_IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class MergeWrite:
    """One merge step's result for a component of reports."""

    dropped: tuple[str, ...]  # merged ids whose rows go (they are rewritten or gone)
    merged: tuple[MergedEvent, ...]
    copies: Mapping[str, str]  # report id -> the report it copies
    aliases: tuple[tuple[str, str], ...]
    log: tuple[MergeLogEntry, ...]
    released: tuple[str, ...] = ()  # report ids no longer in any event (deleted reports)


def _article(event: Event) -> str:
    return event.provenance[0].article_id


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]


class MergeTables:
    """Methods of ``Store`` for the version-3 tables."""

    def _transaction(self, action: str) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # Store provides it

    def _load(self, conn: Connection, rows: Sequence[Any]) -> list[Event]:
        raise NotImplementedError  # Store provides it

    # -- copies (near-duplicate articles) -------------------------------------

    def save_bands(self, bands: Mapping[str, Sequence[str]]) -> None:
        """Replace the LSH band keys of these articles."""
        with self._transaction("store article fingerprints") as conn:
            ids = sorted(bands)
            for chunk in _chunks(ids):
                conn.execute(article_bands.delete().where(article_bands.c.article_id.in_(chunk)))
            rows = [{"article_id": a, "band": b} for a in ids for b in dict.fromkeys(bands[a])]
            if rows:
                conn.execute(article_bands.insert(), rows)

    def articles_sharing_bands(self, bands: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self._transaction("look up copies") as conn:
            for chunk in _chunks(sorted(set(bands))):
                found.update(
                    conn.execute(
                        sa.select(article_bands.c.article_id).where(article_bands.c.band.in_(chunk))
                    ).scalars()
                )
        return found

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id -> its story's root article id (stored ones only)."""
        found: dict[str, str] = {}
        with self._transaction("read stories") as conn:
            for chunk in _chunks(sorted(set(article_ids))):
                for article_id, story in conn.execute(
                    sa.select(article_stories.c.article_id, article_stories.c.story_id).where(
                        article_stories.c.article_id.in_(chunk)
                    )
                ):
                    found[article_id] = story
        return found

    def story_articles(self, story_ids: Sequence[str]) -> dict[str, str]:
        """Every article of these stories -> its story."""
        found: dict[str, str] = {}
        with self._transaction("read stories") as conn:
            for chunk in _chunks(sorted(set(story_ids))):
                for article_id, story in conn.execute(
                    sa.select(article_stories.c.article_id, article_stories.c.story_id).where(
                        article_stories.c.story_id.in_(chunk)
                    )
                ):
                    found[article_id] = story
        return found

    def set_stories(self, stories: Mapping[str, tuple[str, dt.date | None]]) -> None:
        """article id -> (story id, published)."""
        with self._transaction("store stories") as conn:
            ids = sorted(stories)
            for chunk in _chunks(ids):
                conn.execute(
                    article_stories.delete().where(article_stories.c.article_id.in_(chunk))
                )
            if ids:
                conn.execute(
                    article_stories.insert(),
                    [
                        {"article_id": a, "story_id": stories[a][0], "published": stories[a][1]}
                        for a in ids
                    ],
                )

    # -- reports for merging --------------------------------------------------

    def reports_overlapping(self, country: str, start: dt.date, end: dt.date) -> list[Event]:
        """Unflagged reports in this country whose date span overlaps [start, end]."""
        span_end = sa.func.coalesce(events.c.date_end, events.c.event_date)
        query = (
            sa.select(events)
            .where(events.c.country == country)
            .where(events.c.event_date <= end)
            .where(span_end >= start)
            .where(
                sa.not_(
                    sa.or_(
                        events.c.negated,
                        events.c.hypothetical,
                        events.c.planned,
                        events.c.historical,
                    )
                )
            )
            .order_by(events.c.event_id)
        )
        with self._transaction("find reports to merge") as conn:
            return self._load(conn, conn.execute(query).mappings().all())

    def events_by_id(self, event_ids: Sequence[str]) -> list[Event]:
        found: list[Event] = []
        with self._transaction("read reports") as conn:
            for chunk in _chunks(sorted(set(event_ids))):
                rows = conn.execute(
                    sa.select(events).where(events.c.event_id.in_(chunk))
                ).mappings()
                found.extend(self._load(conn, rows.all()))
        return sorted(found, key=lambda e: e.event_id)

    def events_of_articles(self, article_ids: Sequence[str]) -> list[Event]:
        """Every stored statement (flagged ones too) of these articles."""
        from frontwatch.store.schema import event_sources

        found: list[Event] = []
        with self._transaction("read reports") as conn:
            for chunk in _chunks(sorted(set(article_ids))):
                ids = sa.select(event_sources.c.event_id).where(
                    event_sources.c.article_id.in_(chunk)
                )
                rows = conn.execute(sa.select(events).where(events.c.event_id.in_(ids))).mappings()
                found.extend(self._load(conn, rows.all()))
        unique = {e.event_id: e for e in found}
        return [unique[k] for k in sorted(unique)]

    # -- merged events ---------------------------------------------------------

    def membership(self, event_ids: Sequence[str]) -> dict[str, str]:
        """report id -> merged id, for reports already merged."""
        found: dict[str, str] = {}
        with self._transaction("read merged events") as conn:
            for chunk in _chunks(sorted(set(event_ids))):
                for event_id, merged_id in conn.execute(
                    sa.select(merged_members.c.event_id, merged_members.c.merged_id).where(
                        merged_members.c.event_id.in_(chunk)
                    )
                ):
                    found[event_id] = merged_id
        return found

    def membership_of_articles(self, article_ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        with self._transaction("read merged events") as conn:
            for chunk in _chunks(sorted(set(article_ids))):
                for event_id, merged_id in conn.execute(
                    sa.select(merged_members.c.event_id, merged_members.c.merged_id).where(
                        merged_members.c.article_id.in_(chunk)
                    )
                ):
                    found[event_id] = merged_id
        return found

    def merged_members(self, merged_ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
        """merged id -> {report id: the report it copies, or None}."""
        found: dict[str, dict[str, str | None]] = {}
        with self._transaction("read merged events") as conn:
            for chunk in _chunks(sorted(set(merged_ids))):
                for row in conn.execute(
                    sa.select(merged_members).where(merged_members.c.merged_id.in_(chunk))
                ).mappings():
                    found.setdefault(row["merged_id"], {})[row["event_id"]] = row["copy_of"]
        return found

    def write_merge(self, write: MergeWrite) -> None:
        """Replace the merged events of a component, record aliases and log."""
        now = dt.datetime.now(dt.UTC)
        members: list[dict[str, str | None]] = [
            {
                "event_id": report.event_id,
                "merged_id": merged.merged_id,
                "article_id": report.provenance[0].article_id,
                "copy_of": write.copies.get(report.event_id),
            }
            for merged in write.merged
            for report in merged.reports
        ]
        member_ids = sorted({str(m["event_id"]) for m in members} | set(write.released))
        new_ids = sorted(m.merged_id for m in write.merged)
        with self._transaction("store merged events") as conn:
            for chunk in _chunks(sorted(set(write.dropped) | set(new_ids))):
                conn.execute(merged_events.delete().where(merged_events.c.merged_id.in_(chunk)))
                conn.execute(merged_members.delete().where(merged_members.c.merged_id.in_(chunk)))
                # An id in use again is no longer an alias of another.
                conn.execute(merged_aliases.delete().where(merged_aliases.c.old_id.in_(chunk)))
            for chunk in _chunks(member_ids):
                conn.execute(merged_members.delete().where(merged_members.c.event_id.in_(chunk)))
            if write.merged:
                conn.execute(
                    merged_events.insert(),
                    [records.merged_event_row(m, updated_at=now) for m in write.merged],
                )
            if members:
                conn.execute(merged_members.insert(), members)
            for old_id, current in write.aliases:
                conn.execute(merged_aliases.delete().where(merged_aliases.c.old_id == old_id))
                # Earlier aliases pointing at the old id follow it.
                conn.execute(
                    merged_aliases.update()
                    .where(merged_aliases.c.merged_id == old_id)
                    .values(merged_id=current)
                )
                conn.execute(merged_aliases.insert().values(old_id=old_id, merged_id=current))
            if write.log:
                conn.execute(
                    merge_log.insert(),
                    [records.merge_log_row(e, logged_at=now) for e in write.log],
                )

    def get_merged_event(self, merged_id: str) -> MergedEvent | None:
        """A merged event rebuilt from its reports (following an alias)."""
        current = self.resolve_merged_id(merged_id)
        if current is None:
            return None
        found = self.load_merged([current])
        return found[0] if found else None

    def load_merged(self, merged_ids: Sequence[str]) -> list[MergedEvent]:
        """Merged events rebuilt from their reports, in the order given."""
        members = self.merged_members(merged_ids)
        wanted = [m for ids in members.values() for m in ids]
        reports = {e.event_id: e for e in self.events_by_id(wanted)}
        articles = sorted({e.provenance[0].article_id for e in reports.values()})
        stories = self.stories_of(articles)
        found = []
        for merged_id in merged_ids:
            member_map = members.get(merged_id, {})
            present = [reports[m] for m in sorted(member_map) if m in reports]
            if not present:
                continue
            copies = {m: c for m, c in member_map.items() if c is not None}
            story = [Report(e, stories.get(_article(e), _article(e))) for e in present]
            found.append(build_merged(merged_id, story, copies))
        return found

    def resolve_merged_id(self, merged_id: str) -> str | None:
        """The current id of a merged event (following an alias), or None."""
        with self._transaction("read merged events") as conn:
            if conn.execute(
                sa.select(merged_events.c.merged_id).where(merged_events.c.merged_id == merged_id)
            ).first():
                return merged_id
            alias = conn.execute(
                sa.select(merged_aliases.c.merged_id).where(merged_aliases.c.old_id == merged_id)
            ).scalar_one_or_none()
        return str(alias) if alias is not None else None

    def query_merged_ids(
        self,
        *,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        actor: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[str]:
        """Merged ids matching every filter, by date then id (undated last)."""
        m = merged_events.c
        query = sa.select(m.merged_id)
        if country:
            query = query.where(
                sa.or_(
                    sa.func.lower(m.country) == country.lower(),
                    sa.func.upper(m.country_code) == country.upper(),
                )
            )
        if admin1:
            query = query.where(sa.func.lower(m.admin1) == admin1.lower())
        if event_type:
            query = query.where(sa.func.lower(m.event_type) == event_type.lower())
        if actor:
            query = query.where(m.actors.icontains(actor, autoescape=True))
        if date_from:
            query = query.where(m.event_date >= date_from)
        if date_to:
            query = query.where(m.event_date <= date_to)
        undated_last = sa.case((m.event_date.is_(None), 1), else_=0)
        query = query.order_by(undated_last, m.event_date, m.merged_id)
        with self._transaction("query merged events") as conn:
            return [str(v) for v in conn.execute(query).scalars()]

    def count_merged(self) -> int:
        with self._transaction("count merged events") as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(merged_events)).scalar_one()
            )

    def merge_history(self, merged_id: str) -> list[MergeLogEntry]:
        """Log entries naming this id (as the event, or as absorbed/split)."""
        with self._transaction("read the merge log") as conn:
            rows = (
                conn.execute(sa.select(merge_log).order_by(merge_log.c.id)).mappings().all()
                if merged_id
                else []
            )
        entries = [records.merge_log_from_row(r) for r in rows]
        return [e for e in entries if e.merged_id == merged_id or merged_id in e.others]

    # -- control ----------------------------------------------------------------

    def replace_claims(
        self,
        *,
        merged_ids: Sequence[str],
        denial_articles: Sequence[str],
        claims: Sequence[ControlClaim],
    ) -> set[str]:
        """Drop the claims of these merged events and the denials of these
        articles, store the new claims; return the entry keys touched."""
        c = control_claims.c
        touched: set[str] = {claim.key for claim in claims}
        with self._transaction("store control claims") as conn:
            for column, values in ((c.merged_id, merged_ids), (c.article_id, denial_articles)):
                for chunk in _chunks(sorted(set(values))):
                    old = conn.execute(
                        sa.select(c.entry_key, c.base_key, c.kind).where(column.in_(chunk))
                    ).all()
                    touched.update(key for key, _, _ in old)
                    conn.execute(control_claims.delete().where(column.in_(chunk)))
            if claims:
                conn.execute(control_claims.insert(), [records.claim_row(x) for x in claims])
        return touched

    def claims_for(self, keys: Sequence[str]) -> dict[str, list[ControlClaim]]:
        """entry key -> its claims, with the denials about its base place."""
        c = control_claims.c
        found: dict[str, list[ControlClaim]] = {}
        with self._transaction("read control claims") as conn:
            own: list[ControlClaim] = []
            for chunk in _chunks(sorted(set(keys))):
                own.extend(
                    records.claim_from_row(r)
                    for r in conn.execute(
                        sa.select(control_claims).where(c.entry_key.in_(chunk))
                    ).mappings()
                )
            bases = sorted({claim.base_key for claim in own})
            denials: list[ControlClaim] = []
            for chunk in _chunks(bases):
                denials.extend(
                    records.claim_from_row(r)
                    for r in conn.execute(
                        sa.select(control_claims)
                        .where(c.base_key.in_(chunk))
                        .where(c.kind == "denial")
                    ).mappings()
                )
        for claim in own:
            found.setdefault(claim.key, []).append(claim)
        for key, claims in found.items():
            base = {claim.base_key for claim in claims}
            claims.extend(d for d in denials if d.base_key in base and d.key != key)
        return found

    def keys_with_base(self, base_keys: Sequence[str]) -> set[str]:
        c = control_claims.c
        found: set[str] = set()
        with self._transaction("read control claims") as conn:
            for chunk in _chunks(sorted(set(base_keys))):
                found.update(
                    conn.execute(
                        sa.select(c.entry_key)
                        .where(c.base_key.in_(chunk))
                        .where(c.kind != "denial")
                    ).scalars()
                )
        return found

    def replace_periods(self, periods: Mapping[str, Sequence[ControlPeriod]]) -> None:
        """Replace the history of these entries (an empty one deletes it)."""
        with self._transaction("store control history") as conn:
            for chunk in _chunks(sorted(periods)):
                conn.execute(control_periods.delete().where(control_periods.c.entry_key.in_(chunk)))
            rows = [
                records.period_row(period, position)
                for key in sorted(periods)
                for position, period in enumerate(periods[key])
            ]
            if rows:
                conn.execute(control_periods.insert(), rows)

    def control_periods(
        self,
        *,
        on: dt.date | None = None,
        country: str | None = None,
        label: str | None = None,
    ) -> list[ControlPeriod]:
        """Stored periods: those in force on a day, of a country, of a place
        (label, ignoring case), or all; by place, then date."""
        p = control_periods.c
        query = sa.select(control_periods)
        if on is not None:
            query = query.where(p.valid_from <= on).where(
                sa.or_(p.valid_to.is_(None), p.valid_to > on)
            )
        if country:
            query = query.where(
                sa.or_(
                    sa.func.lower(p.country) == country.lower(),
                    sa.func.upper(p.country_code) == country.upper(),
                )
            )
        if label:
            query = query.where(sa.func.lower(p.label) == label.lower())
        query = query.order_by(p.label, p.entry_key, p.position)
        with self._transaction("read control history") as conn:
            rows = conn.execute(query).mappings().all()
            wanted = sorted({c for row in rows for c in row["claim_ids"]})
            claims: dict[str, ControlClaim] = {}
            for chunk in _chunks(wanted):
                for row in conn.execute(
                    sa.select(control_claims).where(control_claims.c.claim_id.in_(chunk))
                ).mappings():
                    claim = records.claim_from_row(row)
                    claims[claim.claim_id] = claim
        return [records.period_from_row(row, claims) for row in rows if row["claim_ids"]]
