"""Reading an ACLED export as notes: grouping, ids, dates, errors, articles."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import pytest

from conftest import shared_path
from frontwatch.errors import InputError
from frontwatch.eval import load_gold, load_gold_file, note_articles
from samples_eval import (
    GOLD_COLUMNS,
    HAMA,
    NOTE_A,
    NOTE_B,
    TIMESTAMP,
    gold_row,
    write_gold,
)


def _two_notes(tmp_path: Path) -> Path:
    rows = [
        gold_row(event_id_cnty="SYR100"),
        gold_row(
            event_id_cnty="SYR101",
            notes=NOTE_B,
            event_type="Protests",
            sub_event_type="Peaceful protest",
            source="Another Paper",
            timestamp=TIMESTAMP + 86_400,
        ),
        # ACLED's second row for the first note: the same text, another place.
        gold_row(event_id_cnty="SYR102", location="Hama", latitude=HAMA[0], longitude=HAMA[1]),
    ]
    return write_gold(tmp_path / "gold.csv", rows)


def test_eval_gold_loading_groups_rows_by_note(tmp_path: Path) -> None:
    notes = load_gold(_two_notes(tmp_path))
    assert [note.text for note in notes] == [NOTE_A, NOTE_B]
    first, second = notes
    assert [row.event_id for row in first.rows] == ["SYR100", "SYR102"]
    assert [row.location for row in first.rows] == ["Homs", "Hama"]
    assert [row.event_id for row in second.rows] == ["SYR101"]


def test_eval_gold_loading_note_fields(tmp_path: Path) -> None:
    first, second = load_gold(_two_notes(tmp_path))
    assert first.note_id == "SYR100"
    assert first.url == "acled:SYR100"
    assert first.outlet == "Example Monitor"
    assert first.published == dt.date(2021, 3, 16)
    assert second.published == dt.date(2021, 3, 17)
    assert second.outlet == "Another Paper"
    row = first.first
    assert row.event_date == dt.date(2021, 3, 14)
    assert (row.time_precision, row.inter1, row.inter2, row.fatalities) == (1, 1, 2, 2)
    assert row.latitude == pytest.approx(34.7324)


def test_eval_gold_loading_empty_cells_are_none(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "g.csv", [gold_row(actor2="", inter2="", latitude="")])
    (note,) = load_gold(path)
    assert (note.first.actor2, note.first.inter2, note.first.latitude) == ("", None, None)


def test_eval_gold_loading_skips_rows_without_note(tmp_path: Path) -> None:
    rows = [gold_row(), gold_row(event_id_cnty="SYR9", notes="", timestamp="")]
    gold = load_gold_file(write_gold(tmp_path / "g.csv", rows))
    assert len(gold.notes) == 1
    assert gold.rows == 2
    assert gold.skipped_lines == (3,)


def test_eval_gold_loading_note_id_when_first_row_has_none(tmp_path: Path) -> None:
    rows = [gold_row(event_id_cnty=""), gold_row(event_id_cnty="SYR7")]
    (note,) = load_gold(write_gold(tmp_path / "g.csv", rows))
    assert note.note_id == "SYR7"


def test_eval_gold_loading_repeated_ids_made_unique(tmp_path: Path) -> None:
    rows = [gold_row(event_id_cnty="SYR5"), gold_row(event_id_cnty="SYR5", notes=NOTE_B)]
    notes = load_gold(write_gold(tmp_path / "g.csv", rows))
    assert len({note.note_id for note in notes}) == 2
    assert len({note.url for note in notes}) == 2


def test_eval_gold_loading_old_date_format(tmp_path: Path) -> None:
    (note,) = load_gold(write_gold(tmp_path / "g.csv", [gold_row(event_date="14 March 2021")]))
    assert note.first.event_date == dt.date(2021, 3, 14)


def test_eval_gold_loading_missing_column(tmp_path: Path) -> None:
    columns = [c for c in GOLD_COLUMNS if c != "sub_event_type"]
    path = write_gold(tmp_path / "g.csv", [gold_row()], columns=columns)
    with pytest.raises(InputError, match="sub_event_type"):
        load_gold(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00\x00binary\x00", "UTF-8"),
        (b"a,b\n1,2\n", "missing column"),
    ],
)
def test_eval_gold_loading_unreadable(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_eval_gold_loading_absent_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("column", "value"),
    [("latitude", "north"), ("fatalities", "2.5"), ("event_date", "soon"), ("timestamp", "x")],
)
def test_eval_gold_loading_bad_value(tmp_path: Path, column: str, value: str) -> None:
    path = write_gold(tmp_path / "g.csv", [gold_row(**{column: value})])
    with pytest.raises(InputError, match=column):
        load_gold(path)


def test_eval_gold_loading_articles(tmp_path: Path) -> None:
    notes = load_gold(_two_notes(tmp_path))
    articles = note_articles(notes)
    assert [a.text for a in articles] == [NOTE_A, NOTE_B]
    first = articles[0]
    assert first.article_id == hashlib.sha256(NOTE_A.encode()).hexdigest()[:16]
    assert (first.raw, first.raw_format) == (NOTE_A, "text")
    assert first.url == first.origin == "acled:SYR100"
    assert first.published == dt.date(2021, 3, 16)
    assert first.outlet == "Example Monitor"
    assert note_articles(notes) == articles


def test_eval_gold_loading_dev_csv() -> None:
    path = shared_path("eval", "acled", "dev.csv")
    gold = load_gold_file(path)
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    texts = {r["notes"].strip() for r in records if r["notes"].strip()}
    assert gold.rows == len(records) == 5567
    assert len(gold.notes) == len(texts)
    assert sum(len(note.rows) for note in gold.notes) + len(gold.skipped_lines) == gold.rows
    assert len(gold.skipped_lines) <= 1  # one truncated row without a note
    assert all(note.published is not None for note in gold.notes)
    assert len({note.note_id for note in gold.notes}) == len(gold.notes)
    assert any(len(note.rows) > 1 for note in gold.notes)
