"""ACLED CSV: ACLED's columns in ACLED's order, and ACLED's derived codes."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace

import pytest

from conftest import shared_path
from frontwatch.export import ACLED_COLUMNS, write_acled_csv
from frontwatch.export.formats import disorder_type, interaction
from frontwatch.models import Event
from samples_events import (
    ISLAMIC_STATE,
    attack_event,
    bare_event,
    battle_article,
    battle_event,
    make_article,
    protest_event,
)

# ACLED's public codebook column order (exports since 2023).
CODEBOOK_ORDER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def _rows(events: Sequence[Event]) -> list[dict[str, str]]:
    out = io.StringIO()
    result = write_acled_csv(events, out, timestamp=1_500_000_000)
    assert result.written == len(events)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_export_acled_csv_column_order_is_codebook() -> None:
    assert list(ACLED_COLUMNS) == CODEBOOK_ORDER
    out = io.StringIO()
    write_acled_csv([], out, timestamp=0)
    assert out.getvalue().strip().split(",") == CODEBOOK_ORDER


def test_export_acled_csv_columns_match_eval_export() -> None:
    # The eval export leaves out iso and tags; every column it has must be
    # ours, in the same relative order.
    with shared_path("eval", "acled", "dev.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert set(header) <= set(ACLED_COLUMNS)
    assert [c for c in ACLED_COLUMNS if c in header] == header


def test_export_acled_csv_battle_row() -> None:
    article = battle_article()
    (row,) = _rows([battle_event(article)])
    assert row["event_id_cnty"] == "SYR-0001"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2017-08-26", "2017", "1")
    assert row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Military Forces of Syria (2000-2024)"
    assert row["assoc_actor_1"] == "Hezbollah; Military Forces of Russia (2000-)"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "2", "12")
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
    assert (row["admin1"], row["admin2"], row["location"]) == ("Homs", "Tadmor", "As Sukhnah")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("34.8867", "38.8721", "1")
    assert row["source"] == "Example Daily; Reuters"
    assert row["notes"].startswith("The Syrian army") and "At least 12" in row["notes"]
    assert row["fatalities"] == "12"
    assert row["timestamp"] == "1500000000"


def test_export_acled_csv_one_sided_and_empty_fields() -> None:
    article = make_article("Police fired on protesters in Baghdad.")
    protest = protest_event(article)
    lone = replace(protest, event_id="IRQ-0002", actor1=protest.actor2, actor2=None)
    rows = _rows([lone, bare_event(battle_article())])
    assert (rows[0]["inter1"], rows[0]["inter2"], rows[0]["interaction"]) == ("6", "0", "60")
    bare = rows[1]
    assert bare["event_date"] == bare["year"] == bare["latitude"] == bare["country"] == ""
    assert bare["fatalities"] == "0"


def test_export_acled_csv_civilian_targeting() -> None:
    article = make_article("IS fighters attacked villagers.")
    attack, battle = attack_event(article), battle_event(battle_article())
    rows = _rows([attack, battle])
    assert rows[0]["civilian_targeting"] == "Civilian targeting"
    assert rows[0]["interaction"] == "27"
    assert rows[1]["civilian_targeting"] == ""


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [
        (1, 2, "12"),
        (2, 1, "12"),
        (3, 7, "37"),
        (7, 1, "17"),
        (6, None, "60"),
        (8, 8, "88"),
        (None, 5, "50"),
        (None, None, ""),
    ],
)
def test_export_acled_csv_interaction(
    inter1: int | None, inter2: int | None, expected: str
) -> None:
    assert interaction(inter1, inter2) == expected


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Unknown", "Unknown", ""),
    ],
)
def test_export_acled_csv_disorder_type(
    event_type: str, sub_event_type: str, expected: str
) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_export_acled_csv_disorder_type_agrees_with_categories() -> None:
    # event_categories.csv flags which sub-types are political violence and
    # which are demonstrations; our disorder type must say the same.
    path = shared_path("eval", "acled", "event_categories.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        categories = list(csv.DictReader(handle))
    assert categories
    for row in categories:
        got = disorder_type(row["event_type"], row["sub_event_type"]).split("; ")
        assert ("Political violence" in got) == (float(row["political_violence"]) == 1.0), row
        assert ("Demonstrations" in got) == (float(row["demonstrations"]) == 1.0), row
        if row["event_type"] == "Strategic developments":
            assert got == ["Strategic developments"]


def test_export_acled_csv_interaction_agrees_with_eval() -> None:
    path = shared_path("eval", "acled", "dev.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["inter1"] and r["interaction"]]
    assert len(rows) > 1000
    wrong = [
        r for r in rows if interaction(int(r["inter1"]), int(r["inter2"] or 0)) != r["interaction"]
    ]
    assert wrong == []


def test_export_acled_csv_unknown_country_keeps_gazetteer_name() -> None:
    event = battle_event(battle_article())
    assert event.place is not None
    elsewhere = replace(event, place=replace(event.place, country="Atlantis", country_code="ZZ"))
    (row,) = _rows([elsewhere])
    assert (row["country"], row["region"], row["iso"]) == ("Atlantis", "", "")
    assert ISLAMIC_STATE.name == row["actor2"]
