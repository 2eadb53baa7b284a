"""The evaluation gate: the real pipeline on the fixed dev slice must stay at
or above every committed floor (src/frontwatch/eval/floors.json), which only
ever go up. Needs ../shared (skips with the reason where it is absent)."""

from __future__ import annotations

import io

from conftest import shared_path
from frontwatch.eval import (
    check_floors,
    format_table,
    load_floors,
    load_gold,
    note_articles,
    parse_export,
    score,
    slice_notes,
)
from frontwatch.eval.floors import GATED_FIELDS
from frontwatch.export.formats import write_jsonl
from frontwatch.pipeline import Pipeline


def test_eval_acled_gate_floors_cover_every_field() -> None:
    floors = load_floors()
    assert set(floors.floors) == set(GATED_FIELDS)
    assert all(0.0 < value <= 1.0 for value in floors.floors.values())


def test_eval_acled_gate_dev_slice_at_or_above_floors(pipeline: Pipeline) -> None:
    floors = load_floors()
    notes = load_gold(shared_path("eval", "acled", "dev.csv"))
    notes = slice_notes(notes, size=floors.slice_size, seed=floors.slice_seed)
    results = pipeline.process_many(note_articles(notes))
    # Score exactly what `frontwatch export --format jsonl` writes.
    buffer = io.StringIO()
    write_jsonl([e for batch in results for e in batch], buffer)
    result = score(notes, parse_export(buffer.getvalue().splitlines()))
    below = check_floors(result, floors.floors)
    assert not below, "\n" + format_table(result, floors.floors)
