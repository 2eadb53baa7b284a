"""Writers: ACLED CSV, GeoJSON, JSON Lines, flat CSV/JSON and a terminal table.

Every writer takes events and an open text stream and returns an
ExportResult. The ACLED columns and their meaning follow ACLED's export;
frontwatch's extras (date span, fatality range, flags, territory, sources)
come in the JSON formats, beside the ACLED fields.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from frontwatch.export.regions import acled_admin1, lookup_country
from frontwatch.models import Actor, Event, Place, Provenance

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# The `events` command's flat table (CSV): frontwatch's own field names.
FLAT_COLUMNS = (
    "event_id",
    "event_date",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "assoc_actor_1",
    "actor2",
    "inter2",
    "assoc_actor_2",
    "country",
    "country_code",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "territorial",
    "area_km2",
    "claim_source",
    "confidence",
    "negated",
    "hypothetical",
    "planned",
    "historical",
    "source",
    "urls",
    "article_ids",
    "notes",
)

JOIN = "; "  # ACLED joins several actors or sources with "; "
CIVILIANS = 7  # ACLED inter code of civilians
POLITICAL_VIOLENCE, DEMONSTRATIONS = "Political violence", "Demonstrations"
STRATEGIC = "Strategic developments"

_DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC,
}
# Sub-event types whose disorder type differs from their event type's.
_DISORDER_BY_SUB_TYPE = {
    "Mob violence": POLITICAL_VIOLENCE,
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
}

JsonRecord = dict[str, Any]  # one event as a JSON object (serialisation only)


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    skipped: int = 0  # left out (GeoJSON: events without coordinates)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type and sub-type ("" if unknown)."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: both inter codes, lower first (13, not 31);
    a one-sided event pairs its actor with 0 (60 for protesters alone)."""
    codes = sorted(code for code in (inter1, inter2) if code)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{codes[0]}0"
    return f"{codes[0]}{codes[1]}"


def acled_record(event: Event, *, timestamp: int | None = None) -> JsonRecord:
    """The event under ACLED's column names, typed (None where empty)."""
    place = event.place
    country = lookup_country(place.country_code, place.country) if place else None
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    start = event.date.start
    return {
        "event_id_cnty": event.event_id,
        "event_date": start.isoformat() if start else None,
        "year": start.year if start else None,
        "time_precision": event.date.precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type) or None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": _names(event.assoc_actors1),
        "inter1": inter1 or 0,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": _names(event.assoc_actors2),
        "inter2": inter2 or 0,
        "interaction": interaction(inter1, inter2) or None,
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS else None,
        "iso": country.iso_numeric if country else None,
        "region": country.region if country else None,
        "country": country.name if country else (place.country if place else None),
        "admin1": acled_admin1(place.country_code, place.admin1, place.name) if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "source": _sources(event.provenance),
        "source_scale": None,
        "notes": _notes(event.provenance),
        "fatalities": event.fatality_count,
        "tags": f"crowd size={event.crowd_size}" if event.crowd_size else None,
        "timestamp": timestamp,
    }


def event_record(event: Event, *, timestamp: int | None = None) -> JsonRecord:
    """ACLED fields plus frontwatch's extras and the full list of sources."""
    record = acled_record(event, timestamp=timestamp)
    fatalities = event.fatalities
    place = event.place
    record.update(
        {
            "date_end": event.date.end.isoformat() if event.date.end else None,
            "date_expression": event.date.expression,
            "date_reason": event.date.reason,
            "country_code": place.country_code if place else None,
            "geonameid": place.geonameid if place else None,
            "fatalities_low": fatalities.low if fatalities else None,
            "fatalities_high": fatalities.high if fatalities else None,
            "fatalities_text": fatalities.text if fatalities else "",
            "territorial": event.territorial,
            "area_km2": event.area_km2,
            "area_text": event.area_text,
            "crowd_size": event.crowd_size,
            "trigger": event.trigger,
            "claim_source": event.claim_source,
            "confidence": event.confidence,
            "flags": {
                "negated": event.flags.negated,
                "hypothetical": event.flags.hypothetical,
                "planned": event.flags.planned,
                "historical": event.flags.historical,
            },
            "other_places": [
                {
                    "name": other.name,
                    "latitude": other.latitude,
                    "longitude": other.longitude,
                    "admin1": other.admin1,
                    "country": other.country,
                    "geonameid": other.geonameid,
                }
                for other in event.other_places
            ],
            "sources": [_source_record(p) for p in event.provenance],
        }
    )
    return record


def write_acled_csv(
    events: Iterable[Event], out: TextIO, *, timestamp: int | None = None
) -> ExportResult:
    """ACLED-format CSV. ``timestamp`` (Unix seconds) defaults to now."""
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    written = 0
    for event in events:
        record = acled_record(event, timestamp=stamp)
        writer.writerow([_csv_cell(name, record[name]) for name in ACLED_COLUMNS])
        written += 1
    return ExportResult(written=written)


def write_jsonl(events: Iterable[Event], out: TextIO) -> ExportResult:
    """One JSON object per line (``event_record``)."""
    written = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False) + "\n")
        written += 1
    return ExportResult(written=written)


def write_json(events: Iterable[Event], out: TextIO) -> ExportResult:
    """A JSON array of ``event_record`` objects."""
    records = [event_record(event) for event in events]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return ExportResult(written=len(records))


def write_geojson(events: Iterable[Event], out: TextIO) -> ExportResult:
    """A FeatureCollection of Points; events without a place are skipped and counted."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = skipped = 0
    for event in events:
        if event.place is None:
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": event.event_id,
            # GeoJSON (RFC 7946) orders coordinates longitude first.
            "geometry": {
                "type": "Point",
                "coordinates": [event.place.longitude, event.place.latitude],
            },
            "properties": event_record(event),
        }
        out.write(("\n" if written == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return ExportResult(written=written, skipped=skipped)


def write_csv(events: Iterable[Event], out: TextIO) -> ExportResult:
    """The flat table of the ``events`` command (FLAT_COLUMNS)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    written = 0
    for event in events:
        record = event_record(event)
        flat = {
            **record,
            "event_id": event.event_id,
            "country": event.place.country if event.place else None,
            **record["flags"],
            "urls": _unique(p.url for p in event.provenance),
            "article_ids": _unique(p.article_id for p in event.provenance),
        }
        writer.writerow([_csv_cell(name, flat[name]) for name in FLAT_COLUMNS])
        written += 1
    return ExportResult(written=written)


def format_table(events: Iterable[Event]) -> str:
    """A compact fixed-width table for the terminal."""
    header = ("id", "date", "type", "actors", "location", "admin1", "country", "fat.")
    limits = (24, 14, 48, 72, 22, 18, 16, 5)  # longer values end in "…"
    rows = [_table_row(event) for event in events]
    if not rows:
        return "(no events)"
    cells = [
        [_fit(value, limit) for value, limit in zip(row, limits, strict=True)]
        for row in [header, *rows]
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [
            value.rjust(width) if i == len(row) - 1 else value.ljust(width)
            for i, (value, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def format_event(event: Event) -> str:
    """Every field of one event, then each source sentence with its offsets."""
    date = event.date
    lines = [
        f"event        {event.event_id}",
        f"type         {event.event_type} / {event.sub_event_type}"
        f" ({disorder_type(event.event_type, event.sub_event_type) or 'no disorder type'})",
        f"date         {_span(event)}  precision {date.precision or '-'}"
        + (f'  from "{date.expression}"' if date.expression else "")
        + (f"  ({date.reason})" if date.reason else ""),
    ]
    for label, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor is not None:
            lines.append(f"{label:<13}{_actor(actor)}")
    for label, group in (("assoc1", event.assoc_actors1), ("assoc2", event.assoc_actors2)):
        lines += [f"{label:<13}{_actor(actor)}" for actor in group]
    if event.place is not None:
        lines.append(f"place        {_place(event.place)}")
    lines += [f"also named   {_place(other)}" for other in event.other_places]
    fatalities = event.fatalities
    if fatalities is not None:
        span = f" (reported {fatalities.low}-{fatalities.high})" if fatalities.high else ""
        said = f' from "{fatalities.text}"' if fatalities.text else ""
        why = f" [{fatalities.reason}]" if fatalities.reason else ""
        lines.append(f"fatalities   {fatalities.count}{span}{said}{why}")
    if event.territorial:
        area = f", {event.area_km2:g} km2" if event.area_km2 is not None else ""
        lines.append(f"territory    {event.territorial}{area}")
    if event.trigger:
        lines.append(f'trigger      "{event.trigger}"')
    if event.claim_source:
        lines.append(f"claimed by   {event.claim_source}")
    raised = [
        name
        for name in ("negated", "hypothetical", "planned", "historical")
        if getattr(event.flags, name)
    ]
    lines.append(f"statement    {', '.join(raised) if raised else 'reported as having happened'}")
    lines.append(f"confidence   {event.confidence:.2f}")
    for n, source in enumerate(event.provenance, start=1):
        who = " / ".join(x for x in (source.outlet, source.original_source) if x) or "?"
        when = f", {source.published.isoformat()}" if source.published else ""
        lines.append(f"source [{n}]   {who}{when}  {source.url or ''}".rstrip())
        lines.append(
            f"             article {source.article_id} chars {source.start}-{source.end}"
            + (f", claim by {source.claim_source}" if source.claim_source else "")
        )
        lines.append(f'             "{" ".join(source.sentence.split())}"')
    return "\n".join(lines)


def _span(event: Event) -> str:
    start, end = event.date.start, event.date.end
    if start is None:
        return "unknown"
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()} .. {end.isoformat()}"


def _actor(actor: Actor) -> str:
    details = [f"inter {actor.inter}"]
    if actor.matched_text:
        details.append(f'as "{actor.matched_text}"')
    if actor.backers:
        details.append("backed by " + ", ".join(actor.backers))
    return f"{actor.name} ({'; '.join(details)})"


def _place(place: Place) -> str:
    where = ", ".join(x for x in (place.name, place.admin2, place.admin1, place.country) if x)
    said = f' as "{place.matched_text}"' if place.matched_text else ""
    return (
        f"{where} ({place.latitude:.4f}, {place.longitude:.4f}; "
        f"geo precision {place.geo_precision}){said}"
    )


def _table_row(event: Event) -> tuple[str, ...]:
    start = event.date.start
    date = f"{start.isoformat()} ({event.date.precision})" if start else "?"
    actors = " -> ".join(actor.name for actor in (event.actor1, event.actor2) if actor is not None)
    place = event.place
    return (
        event.event_id,
        date,
        f"{event.event_type}/{event.sub_event_type}",
        actors,
        place.name if place else "",
        (place.admin1 or "") if place else "",
        place.country if place else "",
        str(event.fatality_count),
    )


def _fit(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _names(actors: Sequence[Actor]) -> str | None:
    return JOIN.join(actor.name for actor in actors) or None


def _unique(values: Iterable[str | None], separator: str = JOIN) -> str | None:
    """The distinct non-empty values, in first-seen order, joined."""
    seen: dict[str, None] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(value.strip(), None)
    return separator.join(seen) or None


def _sources(provenance: Sequence[Provenance]) -> str | None:
    """The publications, as ACLED's `source`: each outlet, then the wire it cites."""
    return _unique(name for p in provenance for name in (p.outlet, p.original_source))


def _notes(provenance: Sequence[Provenance]) -> str | None:
    """The source sentences, each once, on one line."""
    return _unique((" ".join(p.sentence.split()) for p in provenance), separator=" ")


def _source_record(provenance: Provenance) -> JsonRecord:
    return {
        "article_id": provenance.article_id,
        "url": provenance.url,
        "outlet": provenance.outlet,
        "original_source": provenance.original_source,
        "claim_source": provenance.claim_source,
        "sentence": provenance.sentence,
        "start": provenance.start,
        "end": provenance.end,
        "published": provenance.published.isoformat() if provenance.published else None,
    }


def _csv_cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and column in ("latitude", "longitude"):
        return f"{value:.4f}"  # ACLED's precision, about 11 m
    return str(value)
