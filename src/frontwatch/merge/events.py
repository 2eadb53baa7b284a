"""Reports -> one merged event: fields chosen from the reports, every source kept.

A merged event is a pure function of its reports, so the store keeps only
which reports belong to which event (and a few columns for filtering) and
rebuilds the event from them. How each field is chosen:

- type: the sub-event type most reports give (ties: ACLED's tactic rank);
  territorial status likewise.
- date: the most precise report's span (a day refines "this month"); the
  reports' spans overlap, so the refined span lies inside the vaguer ones.
- place: the most precise place (then the one most reports name).
- actors: the best report's, with a named actor from another report in place
  of an unidentified one ("gunmen" -> the group that later claimed it).
- fatalities: never averaged. Each independent report's figure (ACLED rules
  within that report) is kept with its outlet and claim source; ``low`` is
  the smallest, ``high`` the largest, ``best`` the latest-published report's
  figure (later tallies are fuller; ties: the larger). Wire copies repeat a
  figure, they do not confirm it: they are listed but do not count.
- sources: every report, with its sentence, outlet, wire and claim source,
  like GDELT's mentions table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from frontwatch.extract.taxonomy import EVENT_TYPE_OF, TACTIC_RANK
from frontwatch.merge.rules import MergeRules, actor_key, is_generic, load_rules, place_identity
from frontwatch.models import (
    Actor,
    DateSpan,
    Event,
    Fatalities,
    Place,
    Provenance,
)

MERGED_PREFIX = "FM"
_TERRITORIAL_ORDER = (
    "captured",
    "regained",
    "lost",
    "withdrew",
    "handed over",
    "besieged",
    "encircled",
    "advanced",
)


@dataclass(frozen=True, slots=True)
class Report:
    """One event statement as merging sees it: the event, its story (the
    root article of its wire-copy group; the article itself when it has
    none) and whether it is its article's lead statement."""

    event: Event
    story: str
    lead: bool = False  # the article's first event statement: what it is about

    @property
    def event_id(self) -> str:
        return self.event.event_id

    @property
    def article_id(self) -> str:
        return self.event.provenance[0].article_id

    @property
    def published(self) -> dt.date | None:
        return self.event.provenance[0].published

    @property
    def anchor_key(self) -> tuple[dt.date, str, str]:
        """Earliest-published report first: it names the merged event."""
        return (self.published or dt.date.max, self.article_id, self.event_id)


@dataclass(frozen=True, slots=True)
class MergedSource:
    """One report of a merged event: a row of the mentions table."""

    event_id: str  # the report's own id (``events --reports``)
    article_id: str
    sentence: str
    start: int
    end: int
    outlet: str | None
    original_source: str | None
    claim_source: str | None
    url: str | None
    published: dt.date | None
    copy_of: str | None = None  # the original report, when this is a wire copy


@dataclass(frozen=True, slots=True)
class FatalityReport:
    event_id: str
    article_id: str
    outlet: str | None
    claim_source: str | None
    published: dt.date | None
    count: int
    low: int | None
    high: int | None
    text: str
    copy: bool = False


@dataclass(frozen=True, slots=True)
class MergedFatalities:
    low: int
    best: int
    high: int
    reports: tuple[FatalityReport, ...]

    @property
    def reason(self) -> str:
        said = "; ".join(
            f"{r.claim_source or r.outlet or r.article_id}: {r.count}"
            for r in self.reports
            if not r.copy
        )
        return f"low {self.low}, best {self.best} (latest report), high {self.high} [{said}]"


@dataclass(frozen=True, slots=True)
class MergedEvent:
    merged_id: str
    event_type: str
    sub_event_type: str
    territorial: str | None
    date: DateSpan
    date_source: str  # the report whose span was kept
    place: Place | None
    other_places: tuple[Place, ...]
    fatalities: MergedFatalities | None
    sources: tuple[MergedSource, ...]
    reports: tuple[Event, ...]  # the member reports, copies included
    best: Event  # the report the event is described from

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(r.event_id for r in self.reports)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.outlet or s.article_id for s in self.sources))

    @property
    def claim_sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.claim_source for s in self.sources if s.claim_source))

    def as_event(self) -> Event:
        """The merged event as an Event, for the exporters: its id is the
        merged id, its provenance every report's sentences."""
        best = self.best
        actor1, actor2 = _actors(self)
        fatalities = None
        if self.fatalities is not None:
            f = self.fatalities
            fatalities = Fatalities(
                count=f.best,
                low=f.low,
                high=f.high,
                text="; ".join(dict.fromkeys(r.text for r in f.reports if r.text)),
                reason=f.reason,
            )
        provenance = tuple(p for report in self.reports for p in report.provenance)
        assoc1 = _unique_actors(r.assoc_actors1 for r in self.reports if _same_side(r, best))
        assoc2 = _unique_actors(r.assoc_actors2 for r in self.reports if _same_side(r, best))
        return Event(
            event_id=self.merged_id,
            event_type=self.event_type,
            sub_event_type=self.sub_event_type,
            date=self.date,
            provenance=provenance,
            actor1=actor1,
            actor2=actor2,
            assoc_actors1=tuple(a for a in assoc1 if actor1 is None or a.name != actor1.name),
            assoc_actors2=tuple(a for a in assoc2 if actor2 is None or a.name != actor2.name),
            place=self.place,
            other_places=self.other_places,
            fatalities=fatalities,
            territorial=self.territorial,
            area_km2=next((r.area_km2 for r in self.reports if r.area_km2 is not None), None),
            area_text=next((r.area_text for r in self.reports if r.area_text), ""),
            crowd_size=next((r.crowd_size for r in self.reports if r.crowd_size), None),
            trigger=best.trigger,
            claim_source="; ".join(self.claim_sources) or None,
            confidence=max(r.confidence for r in self.reports),
        )


def merged_id_for(anchor_event_id: str) -> str:
    digest = hashlib.sha1(f"merged:{anchor_event_id}".encode()).hexdigest()
    return f"{MERGED_PREFIX}{digest[:12].upper()}"


def anchor_of(members: Sequence[Report], copies: Mapping[str, str]) -> Report:
    """The report that names the merged event: the earliest published
    independent report (a wire copy never names an event)."""
    independent = [m for m in members if m.event_id not in copies] or list(members)
    return min(independent, key=lambda m: m.anchor_key)


def build_merged(
    merged_id: str,
    members: Sequence[Report],
    copies: Mapping[str, str],
    rules: MergeRules | None = None,
) -> MergedEvent:
    """The merged event of these reports. ``copies`` maps a wire copy's report
    id to its original's."""
    rules = rules or load_rules()
    ordered = sorted(members, key=lambda m: m.anchor_key)
    independent = [m.event for m in ordered if m.event_id not in copies] or [
        m.event for m in ordered
    ]
    best = min(independent, key=_description_rank)
    sub = _vote([e.sub_event_type for e in independent], rank=TACTIC_RANK)
    territorial_votes = [e.territorial for e in independent if e.territorial]
    territorial = _vote(territorial_votes, rank=_territorial_rank()) if territorial_votes else None
    dated = min(independent, key=_date_rank)
    located = _place_choice(independent)
    others = _other_places(independent, located)
    return MergedEvent(
        merged_id=merged_id,
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        territorial=territorial,
        date=dated.date,
        date_source=dated.event_id,
        place=located,
        other_places=others,
        fatalities=_fatalities([m.event for m in ordered], copies),
        sources=tuple(_source(m.event, copies.get(m.event_id)) for m in ordered),
        reports=tuple(m.event for m in ordered),
        best=best,
    )


def _description_rank(event: Event) -> tuple[int, int, int, float, str]:
    named = sum(1 for a in (event.actor1, event.actor2) if a is not None and not is_generic(a))
    return (
        event.date.precision or 9,
        event.place.geo_precision if event.place else 9,
        -named,
        -event.confidence,
        event.event_id,
    )


def _date_rank(event: Event) -> tuple[int, int, str]:
    span = 10**6
    if event.date.start is not None:
        span = ((event.date.end or event.date.start) - event.date.start).days
    return (event.date.precision or 9, span, event.event_id)


def _vote(values: Sequence[str], *, rank: Mapping[str, int]) -> str:
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], rank.get(v, 0), v))


def _territorial_rank() -> dict[str, int]:
    return {name: len(_TERRITORIAL_ORDER) - i for i, name in enumerate(_TERRITORIAL_ORDER)}


def _place_choice(events: Sequence[Event]) -> Place | None:
    placed = [e.place for e in events if e.place is not None]
    if not placed:
        return None
    named = Counter(place_identity(p) for p in placed)
    return min(
        placed,
        key=lambda p: (p.geo_precision, -named[place_identity(p)], -p.population, p.name),
    )


def _other_places(events: Sequence[Event], main: Place | None) -> tuple[Place, ...]:
    seen = {place_identity(main)} if main else set()
    found: list[Place] = []
    for event in events:
        for place in ([event.place] if event.place else []) + list(event.other_places):
            key = place_identity(place)
            if key not in seen:
                seen.add(key)
                found.append(place)
    return tuple(found)


def _same_side(report: Event, best: Event) -> bool:
    """Is the report read in the best report's order (not with sides swapped)?"""
    if report.actor1 is None or best.actor1 is None:
        return True
    if actor_key(report.actor1) == actor_key(best.actor1):
        return True
    return best.actor2 is None or actor_key(report.actor1) != actor_key(best.actor2)


def _actors(merged: MergedEvent) -> tuple[Actor | None, Actor | None]:
    """The best report's actors; an unidentified one gives way to a named
    actor that another report (read in the same order) gives."""
    best = merged.best
    actor1, actor2 = best.actor1, best.actor2
    for report in merged.reports:
        if not _same_side(report, best):
            continue
        if _vague(actor1) and _fills(report.actor1, actor2):
            actor1 = report.actor1
        if _vague(actor2) and _fills(report.actor2, actor1):
            actor2 = report.actor2
    return actor1, actor2


def _fills(candidate: Actor | None, other_side: Actor | None) -> bool:
    """A named actor that is not already the other side."""
    if candidate is None or is_generic(candidate):
        return False
    return other_side is None or actor_key(candidate) != actor_key(other_side)


def _vague(actor: Actor | None) -> bool:
    return actor is None or is_generic(actor)


def _unique_actors(groups: Iterable[Sequence[Actor]]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for group in groups:
        for actor in group:
            seen.setdefault(actor.name, actor)
    return tuple(seen.values())


def _fatalities(events: Sequence[Event], copies: Mapping[str, str]) -> MergedFatalities | None:
    said = [
        FatalityReport(
            event_id=e.event_id,
            article_id=e.provenance[0].article_id,
            outlet=e.provenance[0].outlet,
            claim_source=e.claim_source,
            published=e.provenance[0].published,
            count=e.fatalities.count,
            low=e.fatalities.low,
            high=e.fatalities.high,
            text=e.fatalities.text,
            copy=e.event_id in copies,
        )
        for e in events
        if e.fatalities is not None
    ]
    counted = [r for r in said if not r.copy] or said
    if not counted:
        return None
    low = min(min(r.count, r.low if r.low is not None else r.count) for r in counted)
    high = max(max(r.count, r.high if r.high is not None else r.count) for r in counted)
    latest = max(counted, key=lambda r: (r.published or dt.date.min, r.count))
    return MergedFatalities(low=low, best=latest.count, high=high, reports=tuple(said))


def _source(event: Event, copy_of: str | None) -> MergedSource:
    first: Provenance = event.provenance[0]
    return MergedSource(
        event_id=event.event_id,
        article_id=first.article_id,
        sentence=first.sentence,
        start=first.start,
        end=first.end,
        outlet=first.outlet,
        original_source=first.original_source,
        claim_source=first.claim_source or event.claim_source,
        url=first.url,
        published=first.published,
        copy_of=copy_of,
    )


def lead_ids(events: Iterable[Event]) -> set[str]:
    """Ids of the lead statements: each article's first unflagged statement."""
    first: dict[str, Event] = {}
    for event in events:
        if not event.flags.is_event:
            continue
        article = event.provenance[0].article_id
        known = first.get(article)
        if known is None or (event.provenance[0].start, event.event_id) < (
            known.provenance[0].start,
            known.event_id,
        ):
            first[article] = event
    return {e.event_id for e in first.values()}
