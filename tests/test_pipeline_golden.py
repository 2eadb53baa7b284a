"""Golden file for the whole pipeline on the bundled demo corpus.

When a change alters the output on purpose, regenerate the file with
``FRONTWATCH_UPDATE_GOLDEN=1 pytest tests/test_pipeline_golden.py`` and read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.models import Event
from frontwatch.pipeline import Pipeline, documents_from_paths, ingest
from frontwatch.settings import DEFAULT_MAX_BYTES
from frontwatch.store.repository import open_store

GOLDEN = Path(__file__).parent / "golden" / "demo_events.jsonl"
DEMO = Path(str(resources.files("frontwatch.data").joinpath("demo")))


def _row(event: Event, origins: dict[str, str]) -> dict[str, object]:
    source = event.provenance[0]
    place = event.place
    return {
        "article": origins[source.article_id],
        "start": source.start,
        "type": f"{event.event_type} / {event.sub_event_type}",
        "date": [str(event.date.start), event.date.precision],
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc1": [a.name for a in event.assoc_actors1],
        "actor2": event.actor2.name if event.actor2 else None,
        "place": [place.name, place.admin1, place.country, place.geo_precision] if place else None,
        "fatalities": event.fatality_count,
        "territorial": event.territorial,
        "claim": event.claim_source,
        "flags": [k for k in ("negated", "hypothetical", "planned", "historical")
                  if getattr(event.flags, k)],
    }  # fmt: skip


def test_pipeline_golden_demo_corpus(tmp_path: Path, pipeline: Pipeline) -> None:
    store = open_store(tmp_path / "demo.db")
    report = ingest(store, pipeline, documents_from_paths([DEMO], max_bytes=DEFAULT_MAX_BYTES))
    assert report.errors == () and report.failed == 0
    origins = {a.article_id: Path(a.origin).name for a in store.iter_articles()}
    rows = [_row(e, origins) for e in store.query_events()]
    rows.sort(key=lambda r: (str(r["article"]), int(str(r["start"]))))
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if os.environ.get("FRONTWATCH_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == text


def test_pipeline_golden_demo_command_prints_table_and_summary(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "stored" in out and "events" in out
    assert "by type:" in out and "by country:" in out
    # Several outlets report the same events: merged, each with every source.
    multi = [line for line in out.splitlines() if "reported by more than one outlet" in line]
    assert multi and int(multi[0].rsplit(":", 1)[1]) > 0
    again = CliRunner().invoke(cli, ["--db", str(db), "demo"], catch_exceptions=False)
    assert "0 stored" in again.stdout  # already there: stored once
