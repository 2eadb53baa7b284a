"""Reports of an evaluation: JSON for machines, one HTML page for people, and a
plain-text table for the terminal and CI logs.

All three are deterministic: the same result gives the same bytes (sorted
keys, fixed float rounding, "\\n" line ends, no clock). Anything run-specific,
such as the gold file's name or a date, is written only when passed as
``meta``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.eval.acled import (
    NONE_LABEL,
    ConfusionMatrix,
    EvalResult,
    FieldScore,
    NoteOutcome,
)
from frontwatch.eval.floors import COVERAGE
from frontwatch.eval.match import FIELD_RULES, SCORED_FIELDS

FLOAT_DIGITS = 6
RULES = {rule.name: rule.rule for rule in FIELD_RULES}


def render_json(
    result: EvalResult, *, meta: Mapping[str, str] | None = None, include_outcomes: bool = False
) -> str:
    """The result as JSON text; ``include_outcomes`` adds every note's fields."""
    data: dict[str, Any] = {
        "meta": dict(meta or {}),
        "summary": {
            "notes": result.notes,
            "events": result.events,
            "flagged": result.flagged,
            "unlinked": result.unlinked,
            "coverage": _round(result.coverage),
            "over_generation": _round(result.over_generation),
        },
        "fields": [_field_json(score) for score in result.fields],
        "confusion": {matrix.field: _confusion_json(matrix) for matrix in result.confusion},
        "countries": [
            {
                "country": country.country,
                "notes": country.notes,
                "fields": {score.field: _field_json(score) for score in country.fields},
            }
            for country in result.countries
        ],
        "worst": [_outcome_json(outcome, with_text=True) for outcome in result.worst],
    }
    if include_outcomes:
        data["outcomes"] = [_outcome_json(o, with_text=False) for o in result.outcomes]
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write_json(
    result: EvalResult,
    path: Path,
    *,
    meta: Mapping[str, str] | None = None,
    include_outcomes: bool = False,
) -> None:
    _write(path, render_json(result, meta=meta, include_outcomes=include_outcomes))


def format_table(result: EvalResult, floors: Mapping[str, float] | None = None) -> str:
    """Per field: n, correct, accuracy, floor and whether it holds; then coverage."""
    floors = floors or {}
    header = ("field", "n", "correct", "accuracy", "floor", "ok")
    rows = [
        _table_row(score.field, score.n, score.correct, score.accuracy, floors)
        for score in result.fields
    ]
    covered = sum(1 for outcome in result.outcomes if outcome.events)
    rows.append(_table_row(COVERAGE, result.notes, covered, result.coverage, floors))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [_line(header, widths), _line(tuple("-" * w for w in widths), widths)]
    lines += [_line(row, widths) for row in rows]
    lines.append("")
    lines.append(
        f"notes {result.notes}  events {result.events}  flagged {result.flagged}"
        f"  unlinked {result.unlinked}  events per note {_number(result.over_generation, 2)}"
    )
    return "\n".join(lines)


def render_html(
    result: EvalResult,
    *,
    title: str = "frontwatch evaluation against ACLED notes",
    floors: Mapping[str, float] | None = None,
    meta: Mapping[str, str] | None = None,
) -> str:
    """One self-contained page: summary, confusion matrices, countries, worst misses."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
    ]
    if meta:
        parts.append("<dl>")
        parts += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in sorted(meta.items())]
        parts.append("</dl>")
    parts.append(_summary_html(result, floors or {}))
    for matrix in result.confusion:
        parts.append(_confusion_html(matrix))
    parts.append(_countries_html(result))
    parts.append(_worst_html(result.worst))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_html(
    result: EvalResult,
    path: Path,
    *,
    title: str = "frontwatch evaluation against ACLED notes",
    floors: Mapping[str, float] | None = None,
    meta: Mapping[str, str] | None = None,
) -> None:
    _write(path, render_html(result, title=title, floors=floors, meta=meta))


# --- JSON ------------------------------------------------------------------


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, FLOAT_DIGITS)


def _field_json(score: FieldScore) -> dict[str, Any]:
    return {
        "field": score.field,
        "n": score.n,
        "correct": score.correct,
        "accuracy": _round(score.accuracy),
        "rule": RULES.get(score.field, ""),
    }


def _confusion_json(matrix: ConfusionMatrix) -> dict[str, Any]:
    return {
        "gold_labels": list(matrix.gold_labels),
        "extracted_labels": list(matrix.extracted_labels),
        "cells": [
            {"gold": cell.gold, "extracted": cell.extracted, "count": cell.count}
            for cell in matrix.cells
        ],
    }


def _outcome_json(outcome: NoteOutcome, *, with_text: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "note_id": outcome.note_id,
        "country": outcome.country,
        "gold_rows": outcome.gold_rows,
        "primary_event": outcome.primary_event,
        "events": outcome.events,
        "wrong": list(outcome.wrong),
        "fields": [
            {"field": c.field, "gold": c.gold, "extracted": c.extracted, "correct": c.correct}
            for c in outcome.comparisons
        ],
    }
    if with_text:
        data["text"] = outcome.text
    return data


# --- text table ------------------------------------------------------------


def _table_row(
    name: str, n: int, correct: int, accuracy: float | None, floors: Mapping[str, float]
) -> tuple[str, ...]:
    floor = floors.get(name)
    ok = "" if floor is None else "yes" if _holds(accuracy, floor) else "NO"
    return (name, str(n), str(correct), _number(accuracy, 3), _number(floor, 3), ok)


def _holds(accuracy: float | None, floor: float) -> bool:
    return accuracy is not None and accuracy >= floor


def _number(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    # The field name left-aligned, the numbers right-aligned.
    parts = [cells[0].ljust(widths[0])]
    parts += [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join(parts).rstrip()


# --- HTML ------------------------------------------------------------------

_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:right;vertical-align:top}"
    "th:first-child,td:first-child{text-align:left}"
    "td.text{text-align:left}"
    ".hit{background:#dff0d8}.miss{background:#f8d7da}.diag{font-weight:bold;background:#eef}"
    "blockquote{background:#f6f6f6;padding:.5em 1em;margin:.5em 0;max-width:60em}"
    "section.note{border-top:1px solid #ccc;margin-top:1.5em}"
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _summary_html(result: EvalResult, floors: Mapping[str, float]) -> str:
    rows = ["<h2>Summary</h2>", "<table>"]
    rows.append(
        "<tr><th>field</th><th>n</th><th>correct</th><th>accuracy</th>"
        "<th>floor</th><th>rule</th></tr>"
    )
    covered = sum(1 for outcome in result.outcomes if outcome.events)
    entries = [(s.field, s.n, s.correct, s.accuracy) for s in result.fields]
    entries.append((COVERAGE, result.notes, covered, result.coverage))
    for name, n, correct, accuracy in entries:
        floor = floors.get(name)
        below = floor is not None and not _holds(accuracy, floor)
        css = ' class="miss"' if below else ""
        rule = RULES.get(name, "notes with at least one event")
        rows.append(
            f"<tr{css}><td>{_e(name)}</td><td>{n}</td><td>{correct}</td>"
            f"<td>{_number(accuracy, 3)}</td><td>{_number(floor, 3)}</td>"
            f'<td class="text">{_e(rule)}</td></tr>'
        )
    rows.append("</table>")
    rows.append(
        f"<p>{result.notes} notes, {result.events} events linked "
        f"({_number(result.over_generation, 2)} per note), {result.flagged} flagged events "
        f"ignored, {result.unlinked} events linked to no note.</p>"
    )
    return "\n".join(rows)


def _confusion_html(matrix: ConfusionMatrix) -> str:
    head = "".join(f"<th>{_e(label)}</th>" for label in matrix.extracted_labels)
    rows = [
        f"<h2>Confusion: {_e(matrix.field)}</h2>",
        "<p>Rows: gold. Columns: the primary event's value.</p>",
        f"<table><tr><th>gold \\ extracted</th>{head}</tr>",
    ]
    for gold in matrix.gold_labels:
        cells = []
        for extracted in matrix.extracted_labels:
            count = matrix.count(gold, extracted)
            css = ' class="diag"' if gold == extracted and gold != NONE_LABEL else ""
            cells.append(f"<td{css}>{count or ''}</td>")
        rows.append(f"<tr><th>{_e(gold)}</th>{''.join(cells)}</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _countries_html(result: EvalResult) -> str:
    head = "".join(f"<th>{_e(field)}</th>" for field in SCORED_FIELDS)
    rows = ["<h2>Per country</h2>", f"<table><tr><th>country</th><th>notes</th>{head}</tr>"]
    for country in result.countries:
        cells = "".join(
            f'<td title="{score.correct}/{score.n}">{_number(score.accuracy, 2)}</td>'
            for score in country.fields
        )
        rows.append(f"<tr><td>{_e(country.country)}</td><td>{country.notes}</td>{cells}</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _worst_html(worst: Sequence[NoteOutcome]) -> str:
    parts = [f"<h2>Worst misses ({len(worst)})</h2>"]
    for outcome in worst:
        primary = outcome.primary_event or "no event extracted"
        parts.append('<section class="note">')
        parts.append(
            f"<h3>{_e(outcome.note_id)} ({_e(outcome.country or NONE_LABEL)}): "
            f"{len(outcome.wrong)} wrong, primary event {_e(primary)}, "
            f"{outcome.events} event(s), {outcome.gold_rows} gold row(s)</h3>"
        )
        parts.append(f"<blockquote>{_e(outcome.text)}</blockquote>")
        parts.append(
            "<table><tr><th>field</th><th>gold (first row)</th><th>extracted</th><th></th></tr>"
        )
        for c in outcome.comparisons:
            if c.correct is None:
                css, mark = "", "not coded"
            else:
                css, mark = (' class="hit"', "right") if c.correct else (' class="miss"', "wrong")
            parts.append(
                f'<tr{css}><td>{_e(c.field)}</td><td class="text">{_e(c.gold)}</td>'
                f'<td class="text">{_e(c.extracted)}</td><td>{mark}</td></tr>'
            )
        parts.append("</table></section>")
    return "\n".join(parts)


def _write(path: Path, text: str) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise FrontwatchError(
            f"{path}: cannot write the report: {error.strerror or error}"
        ) from error
