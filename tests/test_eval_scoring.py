"""Scoring a run: linking, the primary event, any-row matching, coverage,
over-generation, confusion matrices, per-country scores and worst misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.eval import GoldNote, load_gold, parse_export, score
from frontwatch.eval.acled import NONE_LABEL, primary_event
from frontwatch.eval.match import SCORED_FIELDS
from samples_eval import (
    HAMA,
    NOTE_A,
    NOTE_B,
    NOTE_C,
    export_lines,
    export_record,
    gold_row,
    write_gold,
)

FLAGS_OFF = {"negated": False, "hypothetical": False, "planned": False, "historical": False}


@pytest.fixture
def notes(tmp_path: Path) -> list[GoldNote]:
    """Three notes: a clash in Homs (coded twice, Homs and Hama), a protest in
    Hama (no second actor), a shell explosion in Homs (no fatalities coded)."""
    rows = [
        gold_row(event_id_cnty="SYR100"),
        gold_row(
            event_id_cnty="SYR200",
            notes=NOTE_B,
            event_date="2021-03-15",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Syria)",
            inter1="6",
            actor2="",
            inter2="0",
            admin1="Hama",
            location="Hama",
            latitude=HAMA[0],
            longitude=HAMA[1],
            fatalities="0",
        ),
        gold_row(event_id_cnty="SYR101", location="Hama", latitude=HAMA[0], longitude=HAMA[1]),
        gold_row(
            event_id_cnty="LBN300",
            notes=NOTE_C,
            country="Lebanon",
            event_date="2021-03-16",
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            actor1="",
            inter1="",
            actor2="",
            inter2="",
            fatalities="",
        ),
    ]
    return load_gold(write_gold(tmp_path / "gold.csv", rows))


def _protest(event_id: str = "ev-b", **fields: object) -> dict[str, object]:
    record = export_record(
        "acled:SYR200",
        event_id_cnty=event_id,
        event_date="2021-03-15",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Syria)",
        inter1=6,
        actor2=None,
        inter2=0,
        admin1="Hama",
        location="Hama",
        latitude=HAMA[0],
        longitude=HAMA[1],
        fatalities=0,
    )
    record.update(fields)
    return record


def test_eval_scoring_perfect_run(notes: list[GoldNote]) -> None:
    extracted = parse_export(
        export_lines(
            export_record("acled:SYR100", event_id_cnty="ev-a"),
            _protest(),
            export_record(
                "acled:LBN300",
                event_id_cnty="ev-c",
                event_date="2021-03-16",
                country="Lebanon",
                event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED",
            ),
        )
    )
    result = score(notes, extracted)
    assert all(s.correct == s.n for s in result.fields)
    assert result.field("actor2").n == 1  # only the clash codes a second actor
    assert result.field("inter2").n == 2  # the protest's 0 is a coded value
    assert result.field("fatalities").n == 2
    assert result.field("event_type").n == 3
    assert result.worst == ()
    assert (result.coverage, result.over_generation) == (1.0, 1.0)


def test_eval_scoring_note_without_event_counts_wrong(notes: list[GoldNote]) -> None:
    result = score(notes, parse_export(export_lines(_protest())))
    for field in SCORED_FIELDS:
        scored = result.field(field)
        protest_codes = field != "actor2"
        assert scored.correct == (1 if protest_codes else 0), field
    first = result.outcomes[0]
    assert first.primary_event is None
    assert set(first.wrong) == set(SCORED_FIELDS)
    assert result.coverage == pytest.approx(1 / 3)


def test_eval_scoring_any_row_matches(notes: list[GoldNote]) -> None:
    # The clash note has rows in Homs and in Hama: an event placed in Hama is right.
    event = export_record(
        "acled:SYR100", location="Hama", latitude=HAMA[0], longitude=HAMA[1], admin1="Hama"
    )
    result = score(notes, parse_export(export_lines(event)))
    by_field = {c.field: c for c in result.outcomes[0].comparisons}
    assert by_field["location"].correct is True
    assert by_field["admin1"].correct is False  # both rows are in Homs governorate
    assert by_field["location"].gold.startswith("Homs")  # shown: the first row


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # The earliest sentence in the note wins, whatever the tactic.
        ([("e1", 40, "Air/drone strike"), ("e2", 0, "Armed clash")], "e2"),
        ([("e1", 0, "Grenade"), ("e2", 40, "Armed clash")], "e1"),
        # One sentence: the higher tactic rank wins.
        ([("e1", 0, "Shelling/artillery/missile attack"), ("e2", 0, "Air/drone strike")], "e2"),
        ([("e1", 0, "Peaceful protest"), ("e2", 0, "Armed clash")], "e2"),
        # Same sentence and tactic: the lower event id.
        ([("e9", 0, "Armed clash"), ("e3", 0, "Armed clash")], "e3"),
        # A source sentence without offset ranks after any with one.
        ([("e1", None, "Armed clash"), ("e2", 90, "Grenade")], "e2"),
    ],
)
def test_eval_scoring_primary_event(
    notes: list[GoldNote], events: list[tuple[str, int | None, str]], expected: str
) -> None:
    extracted = parse_export(
        export_lines(
            *(
                export_record("acled:SYR100", start or 0, event_id_cnty=eid, sub_event_type=sub)
                if start is not None
                else _without_start(
                    export_record("acled:SYR100", event_id_cnty=eid, sub_event_type=sub)
                )
                for eid, start, sub in events
            )
        )
    )
    chosen = primary_event(notes[0], extracted)
    assert chosen is not None and chosen.event_id == expected
    assert score(notes, extracted).outcomes[0].primary_event == expected


def _without_start(record: dict[str, object]) -> dict[str, object]:
    sources = record["sources"]
    assert isinstance(sources, list)
    return {**record, "sources": [{**sources[0], "start": None}]}


def test_eval_scoring_primary_uses_this_notes_sources(notes: list[GoldNote]) -> None:
    # An event drawn from two notes is ranked in each by its sentence in that note.
    shared = export_record("acled:SYR100", 50, event_id_cnty="shared")
    shared["sources"] = [*shared["sources"], *export_record("acled:SYR200", 0)["sources"]]
    early_a = export_record("acled:SYR100", 10, event_id_cnty="early-a")
    late_b = _protest("late-b", sources=export_record("acled:SYR200", 70)["sources"])
    result = score(notes, parse_export(export_lines(shared, early_a, late_b)))
    assert [o.primary_event for o in result.outcomes] == ["early-a", "shared", None]
    assert result.events == 4  # "shared" counts once for each of its notes


@pytest.mark.parametrize("flag", ["negated", "hypothetical", "planned", "historical"])
def test_eval_scoring_flagged_events_ignored(notes: list[GoldNote], flag: str) -> None:
    flagged = export_record(
        "acled:SYR100",
        0,
        event_id_cnty="flagged",
        event_type="Riots",
        flags={**FLAGS_OFF, flag: True},
    )
    real = export_record("acled:SYR100", 30, event_id_cnty="real")
    result = score(notes, parse_export(export_lines(flagged, real)))
    assert result.outcomes[0].primary_event == "real"
    assert result.flagged == 1
    assert result.events == 1
    only_flagged = score(notes, parse_export(export_lines(flagged)))
    assert only_flagged.coverage == 0.0
    assert only_flagged.field("event_type").correct == 0


def test_eval_scoring_coverage_and_over_generation(notes: list[GoldNote]) -> None:
    records = [
        export_record("acled:SYR100", 0, event_id_cnty="a1"),
        export_record("acled:SYR100", 20, event_id_cnty="a2"),
        export_record("acled:SYR100", 40, event_id_cnty="a3"),
        _protest("b1"),
        export_record("acled:elsewhere", 0, event_id_cnty="stray"),
    ]
    result = score(notes, parse_export(export_lines(*records)))
    assert result.coverage == pytest.approx(2 / 3)
    assert result.over_generation == pytest.approx(4 / 3)
    assert (result.events, result.unlinked) == (4, 1)
    assert [o.events for o in result.outcomes] == [3, 1, 0]


def test_eval_scoring_confusion_matrix(notes: list[GoldNote]) -> None:
    records = [
        export_record(
            "acled:SYR100",
            event_id_cnty="a",
            sub_event_type="Air/drone strike",
            event_type="Explosions/Remote violence",
        ),
        _protest(),
    ]
    result = score(notes, parse_export(export_lines(*records)))
    types = {m.field: m for m in result.confusion}["event_type"]
    assert types.count("Battles", "Explosions/Remote violence") == 1
    assert types.count("Protests", "Protests") == 1
    assert types.count("Explosions/Remote violence", NONE_LABEL) == 1
    assert sum(cell.count for cell in types.cells) == len(notes)
    assert types.extracted_labels[-1] == NONE_LABEL
    subs = {m.field: m for m in result.confusion}["sub_event_type"]
    assert subs.count("Armed clash", "Air/drone strike") == 1


def test_eval_scoring_per_country(notes: list[GoldNote]) -> None:
    result = score(notes, parse_export(export_lines(_protest())))
    countries = {c.country: c for c in result.countries}
    assert sorted(countries) == ["Lebanon", "Syria"]
    assert countries["Syria"].notes == 2
    syria_types = {s.field: s for s in countries["Syria"].fields}["event_type"]
    assert (syria_types.n, syria_types.correct) == (2, 1)
    lebanon_types = {s.field: s for s in countries["Lebanon"].fields}["event_type"]
    assert (lebanon_types.n, lebanon_types.correct) == (1, 0)


def test_eval_scoring_worst_misses_order(notes: list[GoldNote]) -> None:
    wrong_date = _protest(event_date="2021-03-01")
    result = score(notes, parse_export(export_lines(wrong_date)))
    # SYR100 and LBN300 have no event (every coded field wrong): the clash
    # codes more fields, so it comes first; the protest misses one field.
    assert [o.note_id for o in result.worst] == ["SYR100", "LBN300", "SYR200"]
    assert result.worst[-1].wrong == ("event_date",)
    assert result.worst[0].text == NOTE_A
    assert [
        o.note_id for o in score(notes, parse_export(export_lines(wrong_date)), worst=1).worst
    ] == ["SYR100"]
    by_field = {c.field: c for c in result.worst[-1].comparisons}
    assert (by_field["event_date"].gold, by_field["event_date"].extracted) == (
        "2021-03-15",
        "2021-03-01",
    )
    assert NOTE_B in {o.text for o in result.worst}


def test_eval_scoring_worst_ties_by_note_id(tmp_path: Path) -> None:
    rows = [
        gold_row(event_id_cnty=f"SYR{n}", notes=f"Invented note number {n}.") for n in (9, 3, 5)
    ]
    result = score(load_gold(write_gold(tmp_path / "g.csv", rows)), [])
    assert [o.note_id for o in result.worst] == ["SYR3", "SYR5", "SYR9"]


def test_eval_scoring_empty_gold() -> None:
    result = score([], [])
    assert result.coverage is None and result.over_generation is None
    assert all(s.accuracy is None for s in result.fields)
