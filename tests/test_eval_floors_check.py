"""The CI gate: floors file, floor checks, floors that only go up, the fixed slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.errors import ConfigError
from frontwatch.eval import (
    EvalResult,
    check_floors,
    dump_floors,
    load_floors,
    load_gold,
    parse_export,
    raised_floors,
    score,
    slice_notes,
)
from frontwatch.eval.floors import EvalFloors, parse_floors
from samples_eval import NOTE_B, export_lines, export_record, gold_row, write_gold


def _result(tmp_path: Path) -> EvalResult:
    """Two notes, one extracted right but for fatalities, one missed."""
    rows = [gold_row(event_id_cnty="SYR1"), gold_row(event_id_cnty="SYR2", notes=NOTE_B)]
    notes = load_gold(write_gold(tmp_path / "gold.csv", rows))
    return score(notes, parse_export(export_lines(export_record("acled:SYR1", fatalities=9))))


@pytest.mark.parametrize(
    ("floors", "failing"),
    [
        ({}, []),
        ({"event_type": 0.5}, []),
        ({"event_type": 0.51}, ["event_type"]),
        ({"fatalities": 0.01, "coverage": 0.5}, ["fatalities"]),
        ({"coverage": 0.6, "actor1": 0.4}, ["coverage"]),
        ({"sub_event_type": 0.9, "event_type": 0.9}, ["event_type", "sub_event_type"]),
        ({"no_such_field": 0.1}, ["no_such_field"]),
    ],
)
def test_eval_floors_check(tmp_path: Path, floors: dict[str, float], failing: list[str]) -> None:
    messages = check_floors(_result(tmp_path), floors)
    assert [m.split(":")[0] for m in messages] == failing


def test_eval_floors_check_unscored_field_fails(tmp_path: Path) -> None:
    rows = [gold_row(actor2="", inter2="")]
    result = score(load_gold(write_gold(tmp_path / "g.csv", rows)), [])
    (message,) = check_floors(result, {"actor2": 0.1})
    assert "no note scored" in message


def test_eval_floors_raise_only_up(tmp_path: Path) -> None:
    result = _result(tmp_path)  # event_type 0.5, fatalities 0.0, coverage 0.5
    raised = raised_floors(result, {"event_type": 0.2, "fatalities": 0.3, "coverage": 0.5})
    assert raised == {"event_type": 0.5, "fatalities": 0.3, "coverage": 0.5}
    assert check_floors(result, raised) == ["fatalities: 0.000 below floor 0.300"]


def test_eval_floors_raise_rounds_down(tmp_path: Path) -> None:
    rows = [gold_row(event_id_cnty=f"SYR{n}", notes=f"Invented note {n}.") for n in range(3)]
    notes = load_gold(write_gold(tmp_path / "g.csv", rows))
    result = score(notes, parse_export(export_lines(export_record("acled:SYR0"))))
    raised = raised_floors(result, {"event_type": 0.0})
    assert raised == {"event_type": 0.333}
    assert check_floors(result, raised) == []


def test_eval_floors_packaged_file_is_valid() -> None:
    floors = load_floors()
    assert floors.slice_size > 0
    assert floors.slice_seed
    assert all(0.0 <= value <= 1.0 for value in floors.floors.values())


def test_eval_floors_round_trip(tmp_path: Path) -> None:
    floors = EvalFloors(slice_size=20, slice_seed="s", floors={"coverage": 0.5, "event_type": 0.25})
    path = tmp_path / "floors.json"
    path.write_text(dump_floors(floors), encoding="utf-8")
    loaded = load_floors(path)
    assert (loaded.slice_size, loaded.slice_seed, dict(loaded.floors)) == (
        20,
        "s",
        {"coverage": 0.5, "event_type": 0.25},
    )
    assert list(json.loads(path.read_text())["floors"]) == ["event_type", "coverage"]


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"floors": {}},
        {"slice": {"size": -1, "seed": "s"}},
        {"slice": {"size": 10, "seed": ""}},
        {"slice": {"size": 10, "seed": "s"}, "floors": {"event_type": 1.5}},
        {"slice": {"size": 10, "seed": "s"}, "floors": {"event_type": "high"}},
        {"slice": {"size": 10, "seed": "s"}, "floors": {"colour": 0.5}},
    ],
)
def test_eval_floors_invalid_file(data: object) -> None:
    with pytest.raises(ConfigError):
        parse_floors(data)


def test_eval_floors_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(ConfigError, match="not JSON"):
        load_floors(path)
    with pytest.raises(ConfigError, match="cannot read"):
        load_floors(tmp_path / "absent.json")


def test_eval_floors_slice_is_fixed(tmp_path: Path) -> None:
    rows = [gold_row(event_id_cnty=f"SYR{n}", notes=f"Invented note {n}.") for n in range(40)]
    notes = load_gold(write_gold(tmp_path / "g.csv", rows))
    chosen = slice_notes(notes, size=10, seed="ci")
    assert len(chosen) == 10
    assert chosen == slice_notes(list(reversed(notes)), size=10, seed="ci")[::-1]
    assert [n.note_id for n in chosen] == [n.note_id for n in notes if n in chosen]  # gold order
    assert chosen != slice_notes(notes, size=10, seed="other")
    assert slice_notes(notes, size=100, seed="ci") == notes
    # Adding notes displaces at most as many of the slice as were added.
    more = notes + load_gold(
        write_gold(tmp_path / "h.csv", [gold_row(event_id_cnty="SYR99", notes="An extra note.")])
    )
    assert (
        len(
            set(n.note_id for n in chosen)
            - {n.note_id for n in slice_notes(more, size=10, seed="ci")}
        )
        <= 1
    )
    with pytest.raises(ConfigError):
        slice_notes(notes, size=-1, seed="ci")
