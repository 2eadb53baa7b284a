"""Control periods as a table, JSON or GeoJSON (`frontwatch control`).

GeoJSON features are points with the properties ``place``, ``admin1``,
``country``, ``controller``, ``status`` (held, contested, encircled,
besieged), ``since`` ("2017-08" for a month, else the first day),
``since_precision`` (day, week, month) and ``sources`` (outlet, wire, claim
source, article and report of each report behind it); beside them ``until``,
``counterpart`` (who lost it, or besieges it), ``entry`` (the entry's key)
and ``claims`` (every claim behind the period: a contested one has several).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from frontwatch.control.claims import ControlClaim, ControlSource
from frontwatch.control.timeline import ControlPeriod
from frontwatch.models import DAY, MONTH, WEEK

PRECISION_NAMES = {DAY: "day", WEEK: "week", MONTH: "month"}
JsonRecord = dict[str, Any]  # one period as a JSON object (serialisation only)


def since_text(period: ControlPeriod) -> str:
    if period.precision == MONTH:
        return period.valid_from.strftime("%Y-%m")
    return period.valid_from.isoformat()


def period_record(period: ControlPeriod) -> JsonRecord:
    return {
        "place": period.label,
        "admin1": period.admin1,
        "country": period.country,
        "controller": period.controller,
        "status": period.status,
        "since": since_text(period),
        "since_precision": PRECISION_NAMES.get(period.precision, "month"),
        "sources": [_source_record(s) for s in period.sources],
        "until": period.valid_to.isoformat() if period.valid_to else None,
        "counterpart": period.counterpart,
        "entry": period.key,
        "claims": [_claim_record(c) for c in period.claims],
    }


def write_json(periods: Sequence[ControlPeriod], out: TextIO) -> None:
    json.dump([period_record(p) for p in periods], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_geojson(periods: Sequence[ControlPeriod], out: TextIO) -> None:
    features = [
        {
            "type": "Feature",
            "id": f"{period.key}@{period.valid_from.isoformat()}",
            # GeoJSON (RFC 7946) orders coordinates longitude first.
            "geometry": {"type": "Point", "coordinates": [period.longitude, period.latitude]},
            "properties": period_record(period),
        }
        for period in periods
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


def format_table(periods: Sequence[ControlPeriod]) -> str:
    if not periods:
        return "(no places)"
    header = ("place", "admin1", "country", "controller", "status", "since", "sources")
    rows = [
        (
            p.label,
            p.admin1 or "",
            p.country,
            p.controller or "(unknown)",
            p.status,
            f"{since_text(p)} ({PRECISION_NAMES.get(p.precision, 'month')})",
            "; ".join(dict.fromkeys(_who(s) for s in p.sources)),
        )
        for p in periods
    ]
    limits = (40, 18, 16, 48, 10, 20, 60)
    cells = [[_fit(v, n) for v, n in zip(row, limits, strict=True)] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_history(periods: Sequence[ControlPeriod]) -> str:
    """Every period of each entry, oldest first, with the sentences behind it."""
    if not periods:
        return "(no such place in the control history)"
    lines: list[str] = []
    current = None
    for period in periods:
        if period.key != current:
            current = period.key
            if lines:
                lines.append("")
            where = ", ".join(x for x in (period.admin1, period.country) if x)
            lines.append(f"{period.label} ({where})  [{period.key}]")
        until = f" until {period.valid_to.isoformat()}" if period.valid_to else ""
        lines.append(
            f"  since {since_text(period)} "
            f"({PRECISION_NAMES.get(period.precision, 'month')}){until}: "
            f"{period.status}, {period.controller or '(controller unknown)'}"
            + (f"; counterpart {period.counterpart}" if period.counterpart else "")
        )
        for claim in period.claims:
            lines.append(
                f"    {claim.kind} {claim.territorial}"
                + (f" -> {claim.controller}" if claim.controller else "")
                + f" ({claim.start.isoformat()}..{claim.end.isoformat()})"
            )
            for source in claim.sources:
                lines.append(f"      {_who(source)}: {source.sentence}")
    return "\n".join(lines)


def _who(source: ControlSource) -> str:
    outlet = source.outlet or source.article_id
    if source.original_source and source.original_source != source.outlet:
        outlet = f"{outlet} ({source.original_source})"
    if source.claim_source:
        outlet = f"{outlet}, citing {source.claim_source}"
    return outlet


def _source_record(source: ControlSource) -> JsonRecord:
    return {
        "outlet": source.outlet,
        "original_source": source.original_source,
        "claim_source": source.claim_source,
        "article_id": source.article_id,
        "event_id": source.event_id,
        "published": source.published.isoformat() if source.published else None,
    }


def _claim_record(claim: ControlClaim) -> JsonRecord:
    return {
        "kind": claim.kind,
        "territorial": claim.territorial,
        "controller": claim.controller,
        "counterpart": claim.counterpart,
        "date_start": claim.start.isoformat(),
        "date_end": claim.end.isoformat(),
        "merged_event": claim.merged_id,
        "sources": [_source_record(s) for s in claim.sources],
    }


def _fit(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
