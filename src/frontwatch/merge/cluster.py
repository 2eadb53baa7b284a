"""Grouping reports into events, the same way whatever order they came in.

Reports that may be one event (``rules.reports_compatible``) or are wire
copies of one another are linked; a connected set of links is a component.
Each component is clustered on its own, deterministically: reports in a fixed
order (most precise first, then earliest published), each joining the
cluster all of whose reports it is compatible with (complete linkage, so a
vague "this month" report cannot chain two different captures together),
the closest such cluster if several, else starting a new one. A wire copy
joins the cluster of the report it copies.

Because the result for a component depends only on the set of its reports,
ingesting articles in any order, or all at once, gives the same events; and
because components never interact, adding an article only re-clusters the
component(s) it touches.

Merged ids: an event is named after its earliest published independent
report, so re-running, or adding later reports, keeps the id. A report that
was published earlier but arrives later renames the event; the old id is
kept as an alias and the change is logged, as are merges and splits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from frontwatch.merge.events import Report, anchor_of, merged_id_for
from frontwatch.merge.rules import (
    MergeRules,
    family,
    load_rules,
    place_identity,
    reports_compatible,
    sentence_overlap,
)

CREATED, UPDATED, MERGED, SPLIT, REMOVED = "created", "updated", "merged", "split", "removed"


@dataclass(frozen=True, slots=True)
class Cluster:
    merged_id: str
    members: tuple[Report, ...]

    @property
    def member_ids(self) -> frozenset[str]:
        return frozenset(m.event_id for m in self.members)


@dataclass(frozen=True, slots=True)
class MergeLogEntry:
    """One change to the merged events, as recorded in the merge log."""

    action: str  # created | updated | merged | split | removed
    merged_id: str
    others: tuple[str, ...] = ()  # merged: the absorbed ids; split: the new parts
    added: tuple[str, ...] = ()  # report ids
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reconciled:
    clusters: tuple[Cluster, ...]
    aliases: tuple[tuple[str, str], ...]  # (old id, current id)
    log: tuple[MergeLogEntry, ...]
    dropped: tuple[str, ...]  # old ids with no event any more (merged, split or removed)


def find_copies(reports: Sequence[Report], rules: MergeRules | None = None) -> dict[str, str]:
    """Report id -> the report it copies: a report of a wire copy whose
    sentence shares most of its words with a report of the story's root
    article, of the same event family."""
    rules = rules or load_rules()
    by_article: dict[str, list[Report]] = {}
    for report in reports:
        by_article.setdefault(report.article_id, []).append(report)
    copies: dict[str, str] = {}
    for report in reports:
        if report.story == report.article_id:
            continue
        best: tuple[float, str] | None = None
        for original in by_article.get(report.story, ()):
            if family(original.event, rules) != family(report.event, rules):
                continue
            overlap = sentence_overlap(
                report.event.provenance[0].sentence, original.event.provenance[0].sentence
            )
            if overlap >= rules.copy_sentence_overlap and (
                best is None or (overlap, best[1]) > (best[0], original.event_id)
            ):
                best = (overlap, original.event_id)
        if best is not None:
            copies[report.event_id] = best[1]
    return copies


def components(
    reports: Sequence[Report], copies: Mapping[str, str], rules: MergeRules | None = None
) -> list[list[Report]]:
    """Connected sets of reports (links: compatibility and copying)."""
    rules = rules or load_rules()
    parent = {r.event_id: r.event_id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for copy, original in copies.items():
        if copy in parent and original in parent:
            union(copy, original)
    by_country: dict[str, list[Report]] = {}
    for report in reports:
        if report.event.place is not None and report.event.date.start is not None:
            by_country.setdefault(report.event.place.country_code, []).append(report)
    for group in by_country.values():
        group.sort(key=lambda r: r.event.date.start or dt.date.min)
        for i, a in enumerate(group):
            a_end = a.event.date.end or a.event.date.start
            for b in group[i + 1 :]:
                b_start = b.event.date.start
                if b_start is not None and a_end is not None and b_start > a_end:
                    break  # sorted by start: no later report overlaps a
                if reports_compatible(a.event, b.event, rules):
                    union(a.event_id, b.event_id)
    grouped: dict[str, list[Report]] = {}
    for report in reports:
        grouped.setdefault(find(report.event_id), []).append(report)
    return sorted(grouped.values(), key=lambda g: min(r.event_id for r in g))


def cluster_component(
    reports: Sequence[Report], copies: Mapping[str, str], rules: MergeRules | None = None
) -> list[Cluster]:
    """Deterministic complete-linkage clustering of one component.

    A report and its wire copies move as one unit; two units are compatible
    when any of their reports are (a copy may have been read better than its
    original: another headline, another publication date)."""
    rules = rules or load_rules()
    present = {r.event_id for r in reports}
    units: dict[str, list[Report]] = {}
    for report in sorted(reports, key=_clustering_order):
        original = copies.get(report.event_id)
        if original is not None and original in present:
            units.setdefault(_root_original(report.event_id, copies, present), []).append(report)
        else:
            units.setdefault(report.event_id, []).insert(0, report)
    groups: list[list[list[Report]]] = []
    for unit in sorted(units.values(), key=lambda u: _clustering_order(u[0])):
        eligible = [
            i
            for i, group in enumerate(groups)
            if all(_units_compatible(unit, other, rules) for other in group)
        ]
        if eligible:
            chosen = min(eligible, key=lambda i: _distance(unit[0], _flat(groups[i])))
            groups[chosen].append(unit)
        else:
            groups.append([unit])
    clusters = []
    for group in groups:
        members = _flat(group)
        clusters.append(Cluster(merged_id_for(anchor_of(members, copies).event_id), tuple(members)))
    return clusters


def _units_compatible(a: Sequence[Report], b: Sequence[Report], rules: MergeRules) -> bool:
    return any(reports_compatible(x.event, y.event, rules) for x in a for y in b)


def _flat(group: Sequence[Sequence[Report]]) -> list[Report]:
    return [report for unit in group for report in unit]


def cluster_reports(reports: Sequence[Report], rules: MergeRules | None = None) -> list[Cluster]:
    """All reports at once, in memory (what the store does incrementally)."""
    rules = rules or load_rules()
    copies = find_copies(reports, rules)
    found: list[Cluster] = []
    for component in components(reports, copies, rules):
        found.extend(cluster_component(component, copies, rules))
    return sorted(found, key=lambda c: c.merged_id)


def reconcile(old: Mapping[str, frozenset[str]], new: Iterable[Cluster]) -> Reconciled:
    """Compare the stored clusters of a component (id -> report ids) with its
    new clustering: keep ids, record aliases, log what changed."""
    clusters = tuple(sorted(new, key=lambda c: c.merged_id))
    home = {event_id: c.merged_id for c in clusters for event_id in c.member_ids}
    new_ids = {c.merged_id: c.member_ids for c in clusters}
    log: list[MergeLogEntry] = []
    aliases: list[tuple[str, str]] = []
    absorbed: dict[str, list[str]] = {}
    for old_id, members in sorted(old.items()):
        destinations = sorted({home[m] for m in members if m in home})
        if old_id in new_ids:
            current = new_ids[old_id]
            if current != members:
                log.append(
                    MergeLogEntry(
                        UPDATED,
                        old_id,
                        added=tuple(sorted(current - members)),
                        removed=tuple(sorted(members - current)),
                    )
                )
            elsewhere = [d for d in destinations if d != old_id]
            if elsewhere:
                log.append(MergeLogEntry(SPLIT, old_id, others=tuple(elsewhere)))
            continue
        if not destinations:
            log.append(MergeLogEntry(REMOVED, old_id, removed=tuple(sorted(members))))
            continue
        # The id disappears: its reports went to one event (merged, or renamed
        # by an earlier report) or to several (split). The old id points to
        # the event that holds most of them.
        target = max(destinations, key=lambda d: (len(new_ids[d] & members), d))
        aliases.append((old_id, target))
        if len(destinations) == 1:
            absorbed.setdefault(target, []).append(old_id)
        else:
            log.append(MergeLogEntry(SPLIT, old_id, others=tuple(destinations)))
    old_members = {m for members in old.values() for m in members}
    for merged_id, members in sorted(new_ids.items()):
        if merged_id in absorbed:
            log.append(MergeLogEntry(MERGED, merged_id, others=tuple(absorbed[merged_id])))
        elif merged_id not in old and not (members & old_members):
            log.append(MergeLogEntry(CREATED, merged_id, added=tuple(sorted(members))))
        elif merged_id not in old:
            log.append(
                MergeLogEntry(CREATED, merged_id, added=tuple(sorted(members - old_members)))
            )
    dropped = tuple(sorted(set(old) - set(new_ids)))
    return Reconciled(clusters=clusters, aliases=tuple(aliases), log=tuple(log), dropped=dropped)


def _clustering_order(report: Report) -> tuple[int, int, int, dt.date, str, str]:
    """Lead statements first (an article's lead is what it is about; later
    statements are details, background or misreadings), then the most
    precise, then the earliest published."""
    event = report.event
    return (
        0 if report.lead else 1,
        event.date.precision or 9,
        event.place.geo_precision if event.place else 9,
        report.published or dt.date.max,
        report.article_id,
        report.event_id,
    )


def _distance(report: Report, group: Sequence[Report]) -> tuple[int, int, int, str]:
    """Closest cluster: most reports naming the same place, then the same
    first day, then the largest; ties go to the earliest-formed cluster's
    first report id (a fixed choice)."""
    event = report.event
    here = place_identity(event.place) if event.place else None
    same_place = sum(1 for m in group if m.event.place and place_identity(m.event.place) == here)
    same_day = sum(1 for m in group if m.event.date.start == event.date.start)
    return (-same_place, -same_day, -len(group), group[0].event_id)


def _root_original(event_id: str, copies: Mapping[str, str], present: set[str]) -> str:
    seen = {event_id}
    current = copies[event_id]
    while current in copies and copies[current] in present and current not in seen:
        seen.add(current)
        current = copies[current]
    return current
