"""The reports: deterministic JSON and HTML, escaped text, the plain table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.eval import (
    EvalResult,
    format_table,
    load_gold,
    parse_export,
    score,
    write_html,
    write_json,
)
from frontwatch.eval.match import SCORED_FIELDS
from samples_eval import NOTE_B, export_lines, export_record, gold_row, write_gold

HOSTILE_NOTE = 'On 2 April 2021, a <script>alert("x")</script> & co. protest in "Hama".'


def _result(tmp_path: Path) -> EvalResult:
    rows = [
        gold_row(event_id_cnty="SYR1"),
        gold_row(event_id_cnty="SYR2", notes=HOSTILE_NOTE, actor1="Protesters <Syria>"),
        gold_row(event_id_cnty="SYR3", notes=NOTE_B),
    ]
    notes = load_gold(write_gold(tmp_path / "gold.csv", rows))
    lines = export_lines(
        export_record("acled:SYR1", event_id_cnty="a", fatalities=5),
        export_record("acled:SYR2", event_id_cnty="b", actor1="Rioters & <Co>"),
    )
    return score(notes, parse_export(lines))


def test_eval_report_output_deterministic(tmp_path: Path) -> None:
    outputs = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        result = _result(folder)
        write_json(result, folder / "r.json", meta={"gold": "gold.csv"}, include_outcomes=True)
        write_html(result, folder / "r.html", floors={"event_type": 0.5})
        outputs.append(((folder / "r.json").read_bytes(), (folder / "r.html").read_bytes()))
    assert outputs[0] == outputs[1]
    assert b"\r\n" not in outputs[0][0] + outputs[0][1]


def test_eval_report_output_json_content(tmp_path: Path) -> None:
    result = _result(tmp_path)
    path = tmp_path / "r.json"
    write_json(result, path, meta={"gold": "gold.csv"})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"] == {"gold": "gold.csv"}
    assert data["summary"]["notes"] == 3
    assert data["summary"]["coverage"] == pytest.approx(2 / 3, abs=1e-6)
    assert [f["field"] for f in data["fields"]] == list(SCORED_FIELDS)
    fatalities = {f["field"]: f for f in data["fields"]}["fatalities"]
    assert (fatalities["n"], fatalities["correct"]) == (3, 1)
    assert set(data["confusion"]) == {"event_type", "sub_event_type"}
    assert [w["note_id"] for w in data["worst"]] == [o.note_id for o in result.worst]
    assert data["worst"][0]["text"]
    assert "outcomes" not in data


def test_eval_report_output_html_escapes_text(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    write_html(_result(tmp_path), path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co." in page
    assert "Rioters &amp; &lt;Co&gt;" in page
    assert "Protesters &lt;Syria&gt;" in page
    assert "http://" not in page and "https://" not in page  # self-contained


def test_eval_report_output_table(tmp_path: Path) -> None:
    result = _result(tmp_path)
    table = format_table(result, {"event_type": 0.5, "fatalities": 0.9})
    lines = table.splitlines()
    assert lines[0].split() == ["field", "n", "correct", "accuracy", "floor", "ok"]
    rows = {line.split()[0]: line.split() for line in lines[2:] if line.strip()}
    assert rows["event_type"] == ["event_type", "3", "2", "0.667", "0.500", "yes"]
    assert rows["fatalities"] == ["fatalities", "3", "1", "0.333", "0.900", "NO"]
    assert rows["admin1"] == ["admin1", "3", "2", "0.667", "-"]
    assert rows["coverage"] == ["coverage", "3", "2", "0.667", "-"]
    assert format_table(result) == format_table(result, None)
