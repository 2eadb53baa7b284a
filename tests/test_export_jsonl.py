"""JSON Lines: ACLED fields under ACLED names, sources, and frontwatch extras."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from frontwatch.export import ACLED_COLUMNS, write_json, write_jsonl
from frontwatch.models import Event
from samples_events import bare_event, battle_article, battle_event

SOURCE_FIELDS = {
    "article_id",
    "url",
    "outlet",
    "original_source",
    "claim_source",
    "sentence",
    "start",
    "end",
    "published",
}
EXTRA_FIELDS = {"territorial", "area_km2", "date_end", "fatalities_low", "fatalities_high", "flags"}


def _lines(events: Sequence[Event]) -> list[dict[str, Any]]:
    out = io.StringIO()
    result = write_jsonl(events, out)
    lines = out.getvalue().splitlines()
    assert result.written == len(lines) == len(events)
    return [json.loads(line) for line in lines]


def test_export_jsonl_fields() -> None:
    article = battle_article()
    event = battle_event(article)
    (record,) = _lines([event])
    assert set(ACLED_COLUMNS) | EXTRA_FIELDS | {"sources"} <= set(record)
    assert record["event_id_cnty"] == "SYR-0001"
    assert record["fatalities"] == 12 and record["inter1"] == 1 and record["year"] == 2017
    assert (record["fatalities_low"], record["fatalities_high"]) == (12, 15)
    assert record["latitude"] == event.place.latitude if event.place else False
    assert record["date_end"] == "2017-08-26"
    assert (record["territorial"], record["area_km2"]) == ("regained", 3.5)
    assert record["flags"] == {
        "negated": False,
        "hypothetical": False,
        "planned": False,
        "historical": False,
    }
    sources = record["sources"]
    assert [set(s) for s in sources] == [SOURCE_FIELDS, SOURCE_FIELDS]
    first = sources[0]
    assert first["article_id"] == article.article_id
    assert article.text[first["start"] : first["end"]] == first["sentence"]
    assert first["published"] == "2017-08-26"
    assert sources[1]["claim_source"] == "a monitor"


def test_export_jsonl_bare_event_uses_nulls() -> None:
    (record,) = _lines([bare_event(battle_article())])
    assert record["event_date"] is None and record["latitude"] is None
    assert record["actor1"] is None and record["interaction"] is None
    assert record["flags"]["planned"] is True
    assert record["fatalities"] == 0 and record["fatalities_low"] is None


def test_export_jsonl_json_array_matches_lines() -> None:
    article = battle_article()
    events = [battle_event(article), bare_event(article)]
    out = io.StringIO()
    assert write_json(events, out).written == 2
    assert json.loads(out.getvalue()) == _lines(events)
