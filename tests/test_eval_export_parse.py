"""Reading extracted events back from the JSON Lines export."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace

import pytest

from frontwatch.errors import InputError
from frontwatch.eval import extracted_from_events, parse_export
from frontwatch.export import write_jsonl
from frontwatch.models import StatementFlags
from samples_eval import export_lines, export_record
from samples_events import battle_article, battle_event


def test_eval_export_parse_reads_write_jsonl() -> None:
    article = replace(battle_article(), url="acled:SYR1")
    event = battle_event(article)
    out = io.StringIO()
    write_jsonl([event], out)
    (parsed,) = parse_export(out.getvalue().splitlines())
    assert parsed.event_id == event.event_id
    assert (parsed.event_type, parsed.sub_event_type) == (event.event_type, event.sub_event_type)
    assert parsed.event_date == event.date.start
    assert parsed.time_precision == event.date.precision
    assert event.actor1 is not None and event.actor2 is not None and event.place is not None
    assert (parsed.actor1, parsed.inter1) == (event.actor1.name, event.actor1.inter)
    assert (parsed.actor2, parsed.inter2) == (event.actor2.name, event.actor2.inter)
    assert (parsed.location, parsed.admin1) == (event.place.name, event.place.admin1)
    assert (parsed.latitude, parsed.longitude) == (event.place.latitude, event.place.longitude)
    assert parsed.fatalities == event.fatality_count
    assert parsed.urls == ("acled:SYR1",)
    assert [s.start for s in parsed.sources] == [p.start for p in event.provenance]
    assert not parsed.flagged
    assert extracted_from_events([event]) == [parsed]


def test_eval_export_parse_flags() -> None:
    event = replace(battle_event(battle_article()), flags=StatementFlags(planned=True))
    (parsed,) = extracted_from_events([event])
    assert parsed.flags == ("planned",)
    assert parsed.flagged


def test_eval_export_parse_skips_blank_lines_and_urlless_sources() -> None:
    record = export_record("acled:X1", 5)
    record["sources"] = [*record["sources"], {"url": None, "start": 0}]
    lines = ["", *export_lines(record), "   "]
    (parsed,) = parse_export(lines)
    assert parsed.urls == ("acled:X1",)
    assert parsed.event_date == dt.date(2021, 3, 14)
    assert parsed.assoc_actor_1 == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps(export_record("u", fatalities="many")), "fatalities"),
        (json.dumps(export_record("u", event_date="14/03/2021")), "event_date"),
        (json.dumps(export_record("u", latitude="north")), "latitude"),
        (json.dumps(export_record("u", sources="u")), "sources"),
        (json.dumps(export_record("u", flags={"negated": "yes"})), "negated"),
        (json.dumps(export_record("u", actor1=["a"])), "actor1"),
    ],
)
def test_eval_export_parse_bad_line(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_export(["", line], origin="run.jsonl")
    assert caught.value.origin == "run.jsonl:2"
