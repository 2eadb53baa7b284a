"""The taxonomy is ACLED's, exactly: checked against the official list."""

from __future__ import annotations

import csv

import pytest

from conftest import shared_path
from frontwatch.extract.taxonomy import (
    EVENT_TYPE_OF,
    SUB_EVENT_TYPES,
    TACTIC_RANK,
    disorder_type,
    event_type_of,
)


def test_taxonomy_has_six_types_and_25_sub_types() -> None:
    assert len(SUB_EVENT_TYPES) == 6
    assert len(EVENT_TYPE_OF) == 25


def test_taxonomy_matches_acled_categories_file() -> None:
    path = shared_path("eval", "acled", "event_categories.csv")
    with path.open(encoding="utf-8") as handle:
        official = {(r["event_type"], r["sub_event_type"]) for r in csv.DictReader(handle)}
    assert official == {(t, s) for s, t in EVENT_TYPE_OF.items()}


def test_taxonomy_ranks_every_sub_type() -> None:
    assert set(TACTIC_RANK) == set(EVENT_TYPE_OF)


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        ("Armed clash", "Air/drone strike"),
        ("Air/drone strike", "Shelling/artillery/missile attack"),
        ("Government regains territory", "Armed clash"),
        ("Violent demonstration", "Peaceful protest"),
    ],
)
def test_taxonomy_tactic_ranking(higher: str, lower: str) -> None:
    assert TACTIC_RANK[higher] > TACTIC_RANK[lower]


def test_taxonomy_unknown_sub_type_raises() -> None:
    with pytest.raises(KeyError):
        event_type_of("Skirmish")


def test_taxonomy_disorder_type() -> None:
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
