"""What a merged event says: refined date, every source, figures kept apart
(low / best / high with who said what), wire copies not counted twice."""

from __future__ import annotations

from frontwatch.merge.cluster import cluster_reports
from frontwatch.merge.events import Report, build_merged
from frontwatch.models import DAY
from samples_merge import ARMY_SY, GUNMEN_SY, IS_SY, KYIV, SARAQIB, SUKHNAH, report, span

STRIKE = "Shelling/artillery/missile attack"


def test_merge_events_precise_report_refines_vague_one() -> None:
    vague = report(
        "monthly",
        "Government regains territory",
        SUKHNAH,
        span("2017-08-01", "2017-08-26", 3),
        ARMY_SY,
        territorial="captured",
        published="2017-08-26",
    )
    precise = report(
        "daily",
        "Government regains territory",
        SUKHNAH,
        span("2017-08-05"),
        ARMY_SY,
        IS_SY,
        territorial="captured",
        published="2017-08-30",
    )
    (cluster,) = cluster_reports([Report(vague, "monthly"), Report(precise, "daily")])
    merged = build_merged(cluster.merged_id, cluster.members, {})
    assert (merged.date.start, merged.date.end, merged.date.precision) == (
        precise.date.start,
        precise.date.end,
        DAY,
    )
    assert merged.date_source == precise.event_id
    assert {s.outlet for s in merged.sources} == {"monthly", "daily"}
    # Named after the earliest published report, whichever is more precise.
    assert cluster.merged_id == build_merged(cluster.merged_id, cluster.members, {}).merged_id
    event = merged.as_event()
    assert event.event_id == cluster.merged_id
    assert len(event.provenance) == 2


def test_merge_events_fatalities_low_best_high_with_sources() -> None:
    first = report(
        "early",
        STRIKE,
        KYIV,
        span("2022-04-08"),
        killed=30,
        published="2022-04-08",
        claim_source="the railway company",
    )
    later = report(
        "later",
        STRIKE,
        KYIV,
        span("2022-04-08"),
        killed=50,
        published="2022-04-09",
        claim_source="regional officials",
    )
    other = report("other", STRIKE, KYIV, span("2022-04-08"), killed=39, published="2022-04-08")
    members = [Report(e, e.provenance[0].article_id) for e in (first, later, other)]
    merged = build_merged("FMTEST", members, {})
    assert merged.fatalities is not None
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (30, 50, 50)
    said = {(r.claim_source, r.count) for r in merged.fatalities.reports}
    assert said == {("the railway company", 30), ("regional officials", 50), (None, 39)}
    event = merged.as_event()
    assert event.fatalities is not None
    assert (event.fatalities.count, event.fatalities.low, event.fatalities.high) == (50, 30, 50)
    assert "regional officials: 50" in event.fatalities.reason


def test_merge_events_wire_copy_figure_not_counted() -> None:
    original = report("wire", STRIKE, SARAQIB, span("2020-02-01"), killed=9, published="2020-02-01")
    copy = report("copy", STRIKE, SARAQIB, span("2020-02-01"), killed=90, published="2020-02-02")
    members = [
        Report(original, original.provenance[0].article_id),
        Report(copy, original.provenance[0].article_id),
    ]
    merged = build_merged("FMTEST", members, {copy.event_id: original.event_id})
    assert merged.fatalities is not None
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (9, 9, 9)
    copied = [s for s in merged.sources if s.copy_of is not None]
    assert [s.copy_of for s in copied] == [original.event_id]


def test_merge_events_named_actor_replaces_unidentified() -> None:
    vague = report("a", "Armed clash", SARAQIB, span("2020-02-01"), GUNMEN_SY, ARMY_SY)
    named = report("b", "Armed clash", SARAQIB, span("2020-02-01"), IS_SY, ARMY_SY)
    merged = build_merged("FMTEST", [Report(vague, "a"), Report(named, "b")], {})
    event = merged.as_event()
    assert event.actor1 == IS_SY and event.actor2 == ARMY_SY
