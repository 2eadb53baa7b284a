"""Merging on the team-written corpus of same-event groups (tests/fixtures/merge).

What is measured (see tests/fixtures/merge/MANIFEST.md): every article is
ingested through the real pipeline into a store; an article's *main report*
is its first unflagged event statement (by position in the text, as in the
ACLED evaluation). Its extraction is *usable* when the report is in the gold
country and its date span contains the gold date; merging cannot repair a
report placed in the wrong country, so those are counted apart as extraction
misses. Over the usable main reports: pairwise precision, recall and F1 of
"in the same merged event" against "in the same gold group", and no merged
event holds the main reports of two gold groups.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from frontwatch.models import Event
from frontwatch.pipeline import Pipeline, documents_from_paths, ingest
from frontwatch.store.repository import Store, open_store

MERGE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "merge"
MIN_USABLE_SHARE = 0.75  # the test must measure most of the corpus, not a corner


@dataclass(frozen=True)
class GoldArticle:
    file: str
    group: str
    event_date: dt.date
    country_code: str


@dataclass(frozen=True)
class Outcome:
    gold: GoldArticle
    main: Event | None
    merged_id: str | None

    @property
    def usable(self) -> bool:
        main = self.main
        if main is None or main.place is None or main.date.start is None:
            return False
        end = main.date.end or main.date.start
        return (
            main.place.country_code == self.gold.country_code
            and main.date.start <= self.gold.event_date <= end
        )


def load_gold() -> list[GoldArticle]:
    with (MERGE_FIXTURES / "gold.csv").open(encoding="utf-8", newline="") as handle:
        return [
            GoldArticle(
                row["file"],
                row["group"],
                dt.date.fromisoformat(row["event_date"]),
                row["country_code"],
            )
            for row in csv.DictReader(handle)
        ]


def main_report(events: list[Event]) -> Event | None:
    unflagged = [e for e in events if e.flags.is_event]
    return min(unflagged, key=lambda e: (e.provenance[0].start, e.event_id), default=None)


def outcomes(store: Store) -> list[Outcome]:
    by_origin = {Path(a.origin).name: a.article_id for a in store.iter_articles()}
    found = []
    for gold in load_gold():
        article_id = by_origin[gold.file]
        main = main_report(store.query_events(article_id=article_id))
        merged = store.membership([main.event_id]).get(main.event_id) if main else None
        found.append(Outcome(gold, main, merged))
    return found


def pairwise(results: list[Outcome]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(results, 2):
        same_gold = a.gold.group == b.gold.group
        same_merged = a.merged_id is not None and a.merged_id == b.merged_id
        tp += same_gold and same_merged
        fp += same_merged and not same_gold
        fn += same_gold and not same_merged
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.fixture(scope="module")
def merged_store(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("merge") / "fixtures.db")
    documents = documents_from_paths([MERGE_FIXTURES / "reports"], max_bytes=1_000_000)
    report = ingest(store, pipeline, documents)
    assert not report.errors
    yield store
    store.close()


def test_merge_fixture_manifest_lists_every_report() -> None:
    files = {p.name for p in (MERGE_FIXTURES / "reports").glob("*.txt")}
    gold = load_gold()
    assert {g.file for g in gold} == files
    groups: dict[str, int] = {}
    for g in gold:
        groups[g.group] = groups.get(g.group, 0) + 1
    same_event_groups = [n for name, n in groups.items() if name.startswith("G")]
    assert len(same_event_groups) >= 10
    assert all(3 <= n <= 6 for n in same_event_groups)


def test_merge_fixture_groups_pairwise_f1(merged_store: Store) -> None:
    results = outcomes(merged_store)
    usable = [r for r in results if r.usable]
    misses = sorted(r.gold.file for r in results if not r.usable)
    assert len(usable) >= MIN_USABLE_SHARE * len(results), f"extraction misses: {misses}"
    precision, recall, f1 = pairwise(usable)
    print(
        f"\nmerge on {len(usable)}/{len(results)} usable main reports: "
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; extraction misses {misses}"
    )
    assert f1 >= 0.95


def test_merge_fixture_groups_never_mixed(merged_store: Store) -> None:
    """No merged event holds the main reports of two different events."""
    groups_of: dict[str, set[str]] = {}
    for result in outcomes(merged_store):
        if result.merged_id is not None:
            groups_of.setdefault(result.merged_id, set()).add(result.gold.group)
    mixed = {merged_id: groups for merged_id, groups in groups_of.items() if len(groups) > 1}
    assert not mixed


def test_merge_fixture_wire_copies_are_one_story(merged_store: Store) -> None:
    by_origin = {Path(a.origin).name: a.article_id for a in merged_store.iter_articles()}
    stories = merged_store.stories_of(sorted(by_origin.values()))
    for copy, original in (
        ("g01_euphrates_lantern_mosul_copy.txt", "g01_two_rivers_bulletin_mosul.txt"),
        ("g06_black_sea_chronicle_abbey_gate_copy.txt", "g06_khyber_gate_review_abbey_gate.txt"),
    ):
        assert stories[by_origin[copy]] == stories[by_origin[original]] == by_origin[original]
    roots = [s for a, s in stories.items() if s != a]
    assert len(roots) == 2, "only the two wire copies are copies"
