"""Conversions between the frozen models and table rows (no SQL here).

``repository`` executes the statements; this module only says which value
goes in which column and how a record is rebuilt from its rows, so that
Event -> rows -> Event gives back an equal Event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.control.claims import ControlClaim, ControlSource
from frontwatch.control.timeline import ControlPeriod
from frontwatch.merge.cluster import MergeLogEntry
from frontwatch.merge.events import MergedEvent
from frontwatch.models import (
    Actor,
    Article,
    DateSpan,
    Event,
    Fatalities,
    Place,
    Provenance,
    StatementFlags,
)

ASSOC_SEPARATOR = "; "  # ACLED joins associated actors with "; "

ROLE_ACTOR1, ROLE_ACTOR2, ROLE_ASSOC1, ROLE_ASSOC2 = "actor1", "actor2", "assoc1", "assoc2"
ROLE_MAIN_PLACE, ROLE_OTHER_PLACE = "main", "other"

Row = dict[str, Any]  # column name -> value, for one INSERT
StoredRow = Mapping[Any, Any]  # a row read back (SQLAlchemy RowMapping)


@dataclass(frozen=True, slots=True)
class EventRows:
    """Everything one Event writes, table by table."""

    event: Row
    sources: tuple[Row, ...]
    actors: tuple[Row, ...]  # catalogue rows (table ``actors``)
    event_actors: tuple[Row, ...]
    places: tuple[Row, ...]  # catalogue rows (table ``places``)
    event_places: tuple[Row, ...]


def article_row(
    article: Article,
    *,
    status: str,
    error: str | None,
    pipeline_version: str,
    ingested_at: dt.datetime,
) -> Row:
    return {
        "article_id": article.article_id,
        "origin": article.origin,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "original_source": article.original_source,
        "author": article.author,
        "raw_format": article.raw_format,
        "raw": article.raw,
        "text": article.text,
        "captions": list(article.captions),
        "removed_lines": list(article.removed_lines),
        "language": article.language,
        "ingested_at": ingested_at,
        "pipeline_version": pipeline_version,
        "status": status,
        "error": error,
    }


def article_from_row(row: StoredRow) -> Article:
    return Article(
        article_id=row["article_id"],
        raw=row["raw"],
        raw_format=row["raw_format"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        outlet=row["outlet"],
        original_source=row["original_source"],
        author=row["author"],
        origin=row["origin"],
        captions=tuple(row["captions"] or ()),
        removed_lines=tuple(row["removed_lines"] or ()),
        language=row["language"],
    )


def place_key(place: Place) -> str:
    """Identity of a place in the catalogue: its GeoNames id when it has one."""
    if place.geonameid is not None:
        return f"geonames:{place.geonameid}"
    return f"{place.name}|{place.country_code}|{place.latitude:.4f}|{place.longitude:.4f}"


def joined_names(actors: Sequence[Actor]) -> str | None:
    return ASSOC_SEPARATOR.join(actor.name for actor in actors) or None


def event_rows(event: Event, *, created_at: dt.datetime) -> EventRows:
    place = event.place
    fatalities = event.fatalities
    event_row: Row = {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": event.date.start,
        "date_end": event.date.end,
        "time_precision": event.date.precision,
        "date_expression": event.date.expression,
        "date_reason": event.date.reason,
        "actor1": event.actor1.name if event.actor1 else None,
        "inter1": event.actor1.inter if event.actor1 else None,
        "assoc_actor_1": joined_names(event.assoc_actors1),
        "actor2": event.actor2.name if event.actor2 else None,
        "inter2": event.actor2.inter if event.actor2 else None,
        "assoc_actor_2": joined_names(event.assoc_actors2),
        "country": place.country if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "geonameid": place.geonameid if place else None,
        "fatalities": fatalities.count if fatalities else None,
        "fatalities_low": fatalities.low if fatalities else None,
        "fatalities_high": fatalities.high if fatalities else None,
        "fatalities_text": fatalities.text if fatalities else "",
        "fatalities_reason": fatalities.reason if fatalities else "",
        "territorial": event.territorial,
        "area_km2": event.area_km2,
        "area_text": event.area_text,
        "crowd_size": event.crowd_size,
        "trigger": event.trigger,
        "claim_source": event.claim_source,
        "negated": event.flags.negated,
        "hypothetical": event.flags.hypothetical,
        "planned": event.flags.planned,
        "historical": event.flags.historical,
        "confidence": event.confidence,
        "created_at": created_at,
    }
    sources = tuple(
        _source_row(event.event_id, position, provenance)
        for position, provenance in enumerate(event.provenance)
    )
    roles: list[tuple[str, int, Actor]] = []
    if event.actor1:
        roles.append((ROLE_ACTOR1, 0, event.actor1))
    if event.actor2:
        roles.append((ROLE_ACTOR2, 0, event.actor2))
    roles += [(ROLE_ASSOC1, i, actor) for i, actor in enumerate(event.assoc_actors1)]
    roles += [(ROLE_ASSOC2, i, actor) for i, actor in enumerate(event.assoc_actors2)]
    placed: list[tuple[str, int, Place]] = [(ROLE_MAIN_PLACE, 0, place)] if place else []
    placed += [(ROLE_OTHER_PLACE, i, other) for i, other in enumerate(event.other_places)]
    return EventRows(
        event=event_row,
        sources=sources,
        actors=tuple(
            {"name": actor.name, "inter": actor.inter, "country": actor.country}
            for _, _, actor in roles
        ),
        event_actors=tuple(
            {
                "event_id": event.event_id,
                "actor": actor.name,
                "role": role,
                "position": position,
                "inter": actor.inter,
                "country": actor.country,
                "matched_text": actor.matched_text,
                "backers": list(actor.backers),
            }
            for role, position, actor in roles
        ),
        places=tuple(_place_catalogue_row(p) for _, _, p in placed),
        event_places=tuple(
            {
                "event_id": event.event_id,
                "place_key": place_key(p),
                "role": role,
                "position": position,
                "matched_text": p.matched_text,
                "geo_precision": p.geo_precision,
                "start": p.start,
                "end": p.end,
                "score": p.score,
            }
            for role, position, p in placed
        ),
    )


def _source_row(event_id: str, position: int, provenance: Provenance) -> Row:
    return {
        "event_id": event_id,
        "article_id": provenance.article_id,
        "position": position,
        "sentence": provenance.sentence,
        "start": provenance.start,
        "end": provenance.end,
        "claim_source": provenance.claim_source,
        "outlet": provenance.outlet,
        "original_source": provenance.original_source,
        "url": provenance.url,
        "published": provenance.published,
    }


def _place_catalogue_row(place: Place) -> Row:
    return {
        "place_key": place_key(place),
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "country": place.country,
        "country_code": place.country_code,
        "feature": place.feature,
        "geonameid": place.geonameid,
        "population": place.population,
    }


def event_from_rows(
    event: StoredRow,
    sources: Sequence[StoredRow],
    actors: Sequence[StoredRow],
    places: Sequence[StoredRow],
) -> Event:
    """Rebuild an Event from its row and its (already ordered) child rows.

    ``places`` rows are event_places joined with the places catalogue.
    """
    by_role: dict[str, list[Actor]] = {}
    for row in actors:
        by_role.setdefault(row["role"], []).append(_actor_from_row(row))
    main_places = [_place_from_row(row) for row in places if row["role"] == ROLE_MAIN_PLACE]
    other_places = tuple(_place_from_row(row) for row in places if row["role"] == ROLE_OTHER_PLACE)
    fatalities = None
    if event["fatalities"] is not None:
        fatalities = Fatalities(
            count=event["fatalities"],
            low=event["fatalities_low"],
            high=event["fatalities_high"],
            text=event["fatalities_text"],
            reason=event["fatalities_reason"],
        )
    return Event(
        event_id=event["event_id"],
        event_type=event["event_type"],
        sub_event_type=event["sub_event_type"],
        date=DateSpan(
            start=event["event_date"],
            end=event["date_end"],
            precision=event["time_precision"],
            expression=event["date_expression"],
            reason=event["date_reason"],
        ),
        provenance=tuple(_provenance_from_row(row) for row in sources),
        actor1=_single(by_role.get(ROLE_ACTOR1)),
        actor2=_single(by_role.get(ROLE_ACTOR2)),
        assoc_actors1=tuple(by_role.get(ROLE_ASSOC1, ())),
        assoc_actors2=tuple(by_role.get(ROLE_ASSOC2, ())),
        place=main_places[0] if main_places else None,
        other_places=other_places,
        fatalities=fatalities,
        territorial=event["territorial"],
        area_km2=event["area_km2"],
        area_text=event["area_text"],
        crowd_size=event["crowd_size"],
        trigger=event["trigger"],
        flags=StatementFlags(
            negated=bool(event["negated"]),
            hypothetical=bool(event["hypothetical"]),
            planned=bool(event["planned"]),
            historical=bool(event["historical"]),
        ),
        claim_source=event["claim_source"],
        confidence=float(event["confidence"]),
    )


def _single(actors: list[Actor] | None) -> Actor | None:
    return actors[0] if actors else None


def _actor_from_row(row: StoredRow) -> Actor:
    return Actor(
        name=row["actor"],
        inter=row["inter"],
        country=row["country"],
        matched_text=row["matched_text"],
        backers=tuple(row["backers"] or ()),
    )


def _place_from_row(row: StoredRow) -> Place:
    return Place(
        name=row["name"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        country=row["country"],
        country_code=row["country_code"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        feature=row["feature"],
        geonameid=row["geonameid"],
        population=row["population"],
        geo_precision=row["geo_precision"],
        matched_text=row["matched_text"],
        start=row["start"],
        end=row["end"],
        score=row["score"],
    )


def _provenance_from_row(row: StoredRow) -> Provenance:
    return Provenance(
        article_id=row["article_id"],
        sentence=row["sentence"],
        start=row["start"],
        end=row["end"],
        url=row["url"],
        outlet=row["outlet"],
        original_source=row["original_source"],
        claim_source=row["claim_source"],
        published=row["published"],
    )


# --- version 3: merged events and territorial control ------------------------


def merged_event_row(merged: MergedEvent, *, updated_at: dt.datetime) -> Row:
    place = merged.place
    fatalities = merged.fatalities
    names = [
        actor.name
        for report in merged.reports
        for actor in (
            report.actor1,
            report.actor2,
            *report.assoc_actors1,
            *report.assoc_actors2,
        )
        if actor is not None
    ]
    anchor = min(
        merged.sources, key=lambda s: (s.published or dt.date.max, s.article_id, s.event_id)
    )
    return {
        "merged_id": merged.merged_id,
        "anchor_event_id": anchor.event_id,
        "event_type": merged.event_type,
        "sub_event_type": merged.sub_event_type,
        "territorial": merged.territorial,
        "event_date": merged.date.start,
        "date_end": merged.date.end,
        "time_precision": merged.date.precision,
        "country": place.country if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "actors": ASSOC_SEPARATOR.join(dict.fromkeys(names)) or None,
        "fatalities_low": fatalities.low if fatalities else None,
        "fatalities_best": fatalities.best if fatalities else None,
        "fatalities_high": fatalities.high if fatalities else None,
        "reports": len(merged.reports),
        "updated_at": updated_at,
    }


def merge_log_row(entry: MergeLogEntry, *, logged_at: dt.datetime) -> Row:
    return {
        "logged_at": logged_at,
        "action": entry.action,
        "merged_id": entry.merged_id,
        "others": list(entry.others),
        "added": list(entry.added),
        "removed": list(entry.removed),
    }


def merge_log_from_row(row: StoredRow) -> MergeLogEntry:
    return MergeLogEntry(
        action=row["action"],
        merged_id=row["merged_id"],
        others=tuple(row["others"] or ()),
        added=tuple(row["added"] or ()),
        removed=tuple(row["removed"] or ()),
    )


def claim_row(claim: ControlClaim) -> Row:
    return {
        "claim_id": claim.claim_id,
        "entry_key": claim.key,
        "base_key": claim.base_key,
        "label": claim.label,
        "admin1": claim.admin1,
        "country": claim.country,
        "country_code": claim.country_code,
        "latitude": claim.latitude,
        "longitude": claim.longitude,
        "kind": claim.kind,
        "territorial": claim.territorial,
        "controller": claim.controller,
        "counterpart": claim.counterpart,
        "date_start": claim.start,
        "date_end": claim.end,
        "time_precision": claim.precision,
        "merged_id": claim.merged_id,
        "article_id": claim.sources[0].article_id if claim.merged_id is None else None,
        "sources": [
            {
                "event_id": s.event_id,
                "article_id": s.article_id,
                "outlet": s.outlet,
                "original_source": s.original_source,
                "claim_source": s.claim_source,
                "published": s.published.isoformat() if s.published else None,
                "sentence": s.sentence,
            }
            for s in claim.sources
        ],
    }


def claim_from_row(row: StoredRow) -> ControlClaim:
    return ControlClaim(
        claim_id=row["claim_id"],
        key=row["entry_key"],
        base_key=row["base_key"],
        label=row["label"],
        admin1=row["admin1"],
        country=row["country"],
        country_code=row["country_code"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        kind=row["kind"],
        territorial=row["territorial"],
        controller=row["controller"],
        counterpart=row["counterpart"],
        start=row["date_start"],
        end=row["date_end"],
        precision=row["time_precision"],
        merged_id=row["merged_id"],
        sources=tuple(
            ControlSource(
                event_id=s["event_id"],
                article_id=s["article_id"],
                outlet=s["outlet"],
                original_source=s["original_source"],
                claim_source=s["claim_source"],
                published=dt.date.fromisoformat(s["published"]) if s["published"] else None,
                sentence=s["sentence"],
            )
            for s in row["sources"] or ()
        ),
    )


def period_row(period: ControlPeriod, position: int) -> Row:
    return {
        "entry_key": period.key,
        "position": position,
        "label": period.label,
        "country": period.country,
        "country_code": period.country_code,
        "valid_from": period.valid_from,
        "valid_to": period.valid_to,
        "controller": period.controller,
        "status": period.status,
        "claim_ids": [claim.claim_id for claim in period.claims],
    }


def period_from_row(row: StoredRow, claims: Mapping[str, ControlClaim]) -> ControlPeriod:
    """Rebuild a period; its place fields come from the claim that opened it."""
    behind = tuple(claims[c] for c in row["claim_ids"] if c in claims)
    first = behind[0]
    return ControlPeriod(
        key=row["entry_key"],
        label=row["label"],
        admin1=first.admin1,
        country=row["country"],
        country_code=row["country_code"],
        latitude=first.latitude,
        longitude=first.longitude,
        valid_from=row["valid_from"],
        valid_to=row["valid_to"],
        precision=first.precision,
        controller=row["controller"],
        status=row["status"],
        counterpart=first.counterpart,
        claims=behind,
    )
