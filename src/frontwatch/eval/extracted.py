"""Extracted events as the evaluation reads them: the fields it scores, the
sources that link them to gold notes, and whether the statement is flagged.

They come from ``frontwatch export --format jsonl`` (``parse_export``), so a run
can be scored without the pipeline, or straight from ``Event`` objects
(``extracted_from_events``), which goes through the same JSON record.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from frontwatch.errors import InputError
from frontwatch.export.formats import event_record
from frontwatch.models import Event

FLAG_NAMES = ("negated", "hypothetical", "planned", "historical")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One source sentence of an event: the article URL and where it starts."""

    url: str
    start: int | None  # offset of the sentence in the article text


@dataclass(frozen=True, slots=True)
class ExtractedEvent:
    """One exported event, under the names GoldRow uses for the same fields."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: dt.date | None
    time_precision: int | None
    actor1: str
    assoc_actor_1: str
    inter1: int | None
    actor2: str
    assoc_actor_2: str
    inter2: int | None
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    sources: tuple[SourceRef, ...]
    flags: tuple[str, ...] = ()  # the raised statement flags ("negated", ...)

    @property
    def flagged(self) -> bool:
        """True when the statement is not a real event (negated, planned...)."""
        return bool(self.flags)

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.url for source in self.sources))


def parse_export(lines: Iterable[str], *, origin: str = "") -> list[ExtractedEvent]:
    """The events of a JSON Lines export, one per non-blank line.

    Raises InputError naming the line when a line is not a JSON object or a
    field has the wrong type.
    """
    events: list[ExtractedEvent] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}" if origin else f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"not JSON ({error.msg})", origin=where) from error
        if not isinstance(record, dict):
            raise InputError("not a JSON object", origin=where)
        events.append(parse_record(record, origin=where))
    return events


def extracted_from_events(events: Iterable[Event]) -> list[ExtractedEvent]:
    """Events straight from the pipeline, read through their export record."""
    return [parse_record(event_record(event)) for event in events]


def parse_record(record: Mapping[str, Any], *, origin: str = "") -> ExtractedEvent:
    """One export record (``frontwatch.export.formats.event_record``)."""
    return ExtractedEvent(
        event_id=_text(record, "event_id_cnty", origin),
        event_type=_text(record, "event_type", origin),
        sub_event_type=_text(record, "sub_event_type", origin),
        event_date=_date(record, "event_date", origin),
        time_precision=_int(record.get("time_precision"), "time_precision", origin),
        actor1=_text(record, "actor1", origin),
        assoc_actor_1=_text(record, "assoc_actor_1", origin),
        inter1=_int(record.get("inter1"), "inter1", origin),
        actor2=_text(record, "actor2", origin),
        assoc_actor_2=_text(record, "assoc_actor_2", origin),
        inter2=_int(record.get("inter2"), "inter2", origin),
        country=_text(record, "country", origin),
        admin1=_text(record, "admin1", origin),
        admin2=_text(record, "admin2", origin),
        location=_text(record, "location", origin),
        latitude=_float(record, "latitude", origin),
        longitude=_float(record, "longitude", origin),
        geo_precision=_int(record.get("geo_precision"), "geo_precision", origin),
        fatalities=_int(record.get("fatalities"), "fatalities", origin),
        sources=_sources(record.get("sources"), origin),
        flags=_flags(record.get("flags"), origin),
    )


def _sources(value: Any, origin: str) -> tuple[SourceRef, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError("sources is not a list", origin=origin)
    refs: list[SourceRef] = []
    for source in value:
        if not isinstance(source, dict):
            raise InputError("a source is not a JSON object", origin=origin)
        url = source.get("url")
        if url is None or url == "":
            continue  # a source without a URL cannot be linked to a note
        if not isinstance(url, str):
            raise InputError("a source url is not text", origin=origin)
        refs.append(SourceRef(url=url, start=_int(source.get("start"), "sources.start", origin)))
    return tuple(refs)


def _flags(value: Any, origin: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise InputError("flags is not a JSON object", origin=origin)
    raised: list[str] = []
    for name in FLAG_NAMES:
        flag = value.get(name, False)
        if not isinstance(flag, bool):
            raise InputError(f"flags.{name} is not true or false", origin=origin)
        if flag:
            raised.append(name)
    return tuple(raised)


def _text(record: Mapping[str, Any], key: str, origin: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{key} is not text", origin=origin)


def _int(value: Any, key: str, origin: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(f"{key} is not a number", origin=origin)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise InputError(f"{key} {value!r} is not a whole number", origin=origin)


def _float(record: Mapping[str, Any], key: str, origin: str) -> float | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(f"{key} is not a number", origin=origin)
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise InputError(f"{key} {value!r} is not a number", origin=origin) from error
    if not math.isfinite(number):
        raise InputError(f"{key} {value!r} is not a finite number", origin=origin)
    return number


def _date(record: Mapping[str, Any], key: str, origin: str) -> dt.date | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{key} is not an ISO date", origin=origin)
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as error:
        raise InputError(f"{key} {value!r} is not an ISO date", origin=origin) from error
