"""Merged-event ids: the same events and ids whatever the order, kept when
later reports arrive, and every merge, split or rename logged."""

from __future__ import annotations

import itertools

from frontwatch.merge.cluster import (
    MERGED,
    REMOVED,
    SPLIT,
    UPDATED,
    cluster_reports,
    reconcile,
)
from frontwatch.merge.events import Report, merged_id_for
from samples_merge import ARMY_SY, IS_SY, KAFR_NABL, PALMYRA, SARAQIB, SUKHNAH, report, span

CAPTURE = "Government regains territory"


def _reports() -> list[Report]:
    events = [
        report(
            "a",
            CAPTURE,
            PALMYRA,
            span("2017-03-02"),
            ARMY_SY,
            IS_SY,
            territorial="regained",
            published="2017-03-02",
        ),
        report(
            "b",
            CAPTURE,
            PALMYRA,
            span("2017-03-02"),
            ARMY_SY,
            territorial="regained",
            published="2017-03-03",
        ),
        report(
            "c",
            CAPTURE,
            PALMYRA,
            span("2017-03-01", "2017-03-20", 3),
            ARMY_SY,
            territorial="regained",
            published="2017-03-20",
        ),
        report("d", "Shelling/artillery/missile attack", SARAQIB, span("2017-03-02"), ARMY_SY),
        report("e", "Shelling/artillery/missile attack", KAFR_NABL, span("2017-03-02"), ARMY_SY),
        report("f", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, territorial="captured"),
    ]
    return [Report(e, e.provenance[0].article_id) for e in events]


def _grouping(reports: list[Report]) -> dict[str, frozenset[str]]:
    return {c.merged_id: c.member_ids for c in cluster_reports(reports)}


def test_merge_cluster_same_events_in_any_order() -> None:
    reports = _reports()
    expected = _grouping(reports)
    assert len(expected) == 4  # Palmyra (3 reports), Saraqib, Kafr Nabl, As Sukhnah
    for order in itertools.islice(itertools.permutations(reports), 0, None, 97):
        assert _grouping(list(order)) == expected


def test_merge_cluster_named_after_earliest_report() -> None:
    reports = _reports()
    palmyra = next(c for c in cluster_reports(reports) if len(c.members) == 3)
    assert palmyra.merged_id == merged_id_for(reports[0].event_id)


def test_merge_cluster_later_source_keeps_id() -> None:
    reports = _reports()
    before = _grouping(reports[:2])
    after = _grouping(reports[:3])
    (old_id,) = before
    assert set(after) == {old_id}
    result = reconcile(before, cluster_reports(reports[:3]))
    assert not result.aliases
    assert [(e.action, e.merged_id, e.added) for e in result.log] == [
        (UPDATED, old_id, (reports[2].event_id,))
    ]


def test_merge_cluster_earlier_source_renames_with_alias() -> None:
    reports = _reports()
    late_first = _grouping(reports[1:3])  # the earliest published report is missing
    (old_id,) = late_first
    result = reconcile(late_first, cluster_reports(reports[:3]))
    (new,) = result.clusters
    assert new.merged_id != old_id
    assert result.aliases == ((old_id, new.merged_id),)
    assert [(e.action, e.merged_id, e.others) for e in result.log] == [
        (MERGED, new.merged_id, (old_id,))
    ]


def test_merge_cluster_split_and_removal_logged() -> None:
    reports = _reports()
    saraqib, kafr = reports[3], reports[4]
    stored = {"FMOLD": frozenset({saraqib.event_id, kafr.event_id}), "FMGONE": frozenset({"FWX"})}
    result = reconcile(stored, cluster_reports([saraqib, kafr]))
    actions = {(e.action, e.merged_id) for e in result.log}
    assert (SPLIT, "FMOLD") in actions
    assert (REMOVED, "FMGONE") in actions
    assert set(result.dropped) == {"FMOLD", "FMGONE"}
