"""Quality floor on the shared ACLED dev set: for each distinct note, does
``find_fatalities`` give the gold fatalities of one of the note's rows?

Raise the floors as the rules improve; never fit a rule to one note.
"""

from __future__ import annotations

import csv
from collections import defaultdict

from conftest import shared_path
from frontwatch.extract.fatalities import find_fatalities

ALL_NOTES_FLOOR = 0.97
NOTES_WITH_DEATHS_FLOOR = 0.95


def test_fatalities_dev_accuracy_floor() -> None:
    path = shared_path("eval", "acled", "dev.csv")
    gold: dict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["fatalities"].strip():
                gold[row["notes"]].add(int(row["fatalities"]))
    right = right_with_deaths = with_deaths = 0
    for note, counts in gold.items():
        result = find_fatalities(note)
        hit = (result.count if result else 0) in counts
        right += hit
        if max(counts) > 0:
            with_deaths += 1
            right_with_deaths += hit
    assert len(gold) > 1000 and with_deaths > 100
    assert right / len(gold) >= ALL_NOTES_FLOOR
    assert right_with_deaths / with_deaths >= NOTES_WITH_DEATHS_FLOOR
