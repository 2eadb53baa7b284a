"""Quality floor on the shared ACLED dev set: for each distinct note, does
find + resolve (with the row's country and date) produce the gold actor1?

Names are compared after ``canonical_name`` (ACLED closed some regime labels
after these notes were coded). Raise the floors as the dictionary improves.
"""

from __future__ import annotations

import csv
import datetime as dt

from conftest import shared_path
from frontwatch.actors.dictionary import ActorDictionary

ACTOR1_FLOOR = 0.80
INTER1_FLOOR = 0.84


def test_actors_dev_recall_floor() -> None:
    path = shared_path("eval", "acled", "dev.csv")
    dictionary = ActorDictionary.load()
    seen: set[str] = set()
    notes = actor_hits = inter_hits = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["notes"] in seen or not row["actor1"]:
                continue
            seen.add(row["notes"])
            country = row["country"] or None
            on = dt.date.fromisoformat(row["event_date"])
            mentions = dictionary.find(row["notes"], country=country)
            mentions += dictionary.find_support(row["notes"])
            actors = [dictionary.resolve(m, country=country, on=on) for m in mentions]
            found = {dictionary.canonical_name(a.name) for a in actors}
            notes += 1
            actor_hits += dictionary.canonical_name(row["actor1"]) in found
            inter_hits += row["inter1"] in {str(a.inter) for a in actors}
    assert notes > 1000
    assert actor_hits / notes >= ACTOR1_FLOOR
    assert inter_hits / notes >= INTER1_FLOOR
