"""Incremental merging: after a batch of articles is stored, update the
stories, merged events and control history they touch, and nothing else.

1. Copies: the batch's articles are fingerprinted; the store's band index
   gives the stored articles that may be copies; confirmed copies join one
   story.
2. Events: starting from the batch's reports, the component they belong to is
   gathered from the store (reports whose dates and country overlap and that
   are compatible, their current events' other reports, their stories'
   copies), re-clustered, and the result reconciled with what was stored
   (ids kept, aliases and the merge log written).
3. Control: the claims of every merged event that changed (and the denials
   in the batch) are replaced, and the history of each place they touch is
   recomputed from its claims.

The same functions merge a list of reports held in memory
(``cluster.cluster_reports``), which gives the same events and ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontwatch.control.claims import ControlClaim, claims_from_merged, denial_claims
from frontwatch.control.timeline import timeline
from frontwatch.merge import dedup
from frontwatch.merge.cluster import (
    Cluster,
    cluster_component,
    components,
    find_copies,
    reconcile,
)
from frontwatch.merge.events import MergedEvent, Report, build_merged, lead_ids
from frontwatch.merge.rules import MergeRules, load_rules, reports_compatible
from frontwatch.models import Event
from frontwatch.store.merging import MergeWrite
from frontwatch.store.repository import Store


@dataclass(frozen=True, slots=True)
class MergeSummary:
    copies: int  # articles of the batch found to copy another article
    reports: int  # reports re-clustered
    events: int  # merged events written
    log: int  # merge log entries written
    places: int  # control entries whose history was recomputed


def update_store(
    store: Store, article_ids: Sequence[str], *, rules: MergeRules | None = None
) -> MergeSummary:
    """Bring stories, merged events and control up to date after these
    articles were stored (new or reprocessed)."""
    rules = rules or load_rules()
    copied, affected = _update_stories(store, article_ids)
    statements = store.events_of_articles(sorted(affected))
    seeds = [e for e in statements if e.flags.is_event]
    previous = store.membership_of_articles(sorted(affected))
    present = {e.event_id for e in statements}
    released = sorted(set(previous) - present)
    pool, old = _gather(store, seeds, set(previous.values()), rules)
    pool_articles = sorted({e.provenance[0].article_id for e in pool.values()})
    stories = store.stories_of(pool_articles)
    leads = lead_ids(store.events_of_articles(pool_articles))
    reports = [
        Report(
            e,
            stories.get(e.provenance[0].article_id, e.provenance[0].article_id),
            e.event_id in leads,
        )
        for e in sorted(pool.values(), key=lambda e: e.event_id)
    ]
    copies = find_copies(reports, rules)
    clusters: list[Cluster] = []
    for component in components(reports, copies, rules):
        clusters.extend(cluster_component(component, copies, rules))
    result = reconcile(old, clusters)
    merged = [build_merged(c.merged_id, c.members, copies, rules) for c in result.clusters]
    store.write_merge(
        MergeWrite(
            dropped=tuple(sorted(old)),
            merged=tuple(merged),
            copies={k: v for k, v in copies.items() if k in pool},
            aliases=result.aliases,
            log=result.log,
            released=tuple(released),
        )
    )
    places = _update_control(store, merged, old, statements, sorted(affected))
    return MergeSummary(
        copies=copied,
        reports=len(reports),
        events=len(merged),
        log=len(result.log),
        places=places,
    )


def merge_in_memory(
    events: Iterable[Event],
    stories: dict[str, str] | None = None,
    rules: MergeRules | None = None,
) -> list[MergedEvent]:
    """Merge unflagged reports held in memory (no store): for measurements."""
    rules = rules or load_rules()
    stories = stories or {}
    events = list(events)
    leads = lead_ids(events)
    reports = [
        Report(
            e,
            stories.get(e.provenance[0].article_id, e.provenance[0].article_id),
            e.event_id in leads,
        )
        for e in events
        if e.flags.is_event
    ]
    copies = find_copies(reports, rules)
    found = []
    for component in components(reports, copies, rules):
        for c in cluster_component(component, copies, rules):
            found.append(build_merged(c.merged_id, c.members, copies, rules))
    return sorted(found, key=lambda m: m.merged_id)


def _update_stories(store: Store, article_ids: Sequence[str]) -> tuple[int, set[str]]:
    """Fingerprint the batch, link copies, store stories. Returns the number
    of batch articles that are copies, and every article whose story changed
    (the batch included)."""
    batch = [a for a in (store.get_article(i) for i in sorted(set(article_ids))) if a is not None]
    prints = {a.article_id: dedup.fingerprint(a.article_id, a.text, a.published) for a in batch}
    store.save_bands({k: v.bands for k, v in prints.items()})
    bands = [band for fp in prints.values() for band in fp.bands]
    others: dict[str, dedup.Fingerprint] = {}
    for article_id in sorted(store.articles_sharing_bands(bands) - set(prints)):
        stored = store.get_article(article_id)
        if stored is not None and stored.text:
            others[article_id] = dedup.fingerprint(article_id, stored.text, stored.published)
    candidates = {**others, **prints}
    # Pairs of stored articles were linked when the later of them arrived.
    links = [
        pair
        for pair in dedup.copy_links(list(candidates.values()))
        if pair[0] in prints or pair[1] in prints
    ]
    copied = len({a for pair in links for a in pair if a in prints})
    old = store.stories_of(sorted(candidates))
    members = store.story_articles(sorted(set(old.values())))
    involved = set(candidates) | set(members)
    published = {a.article_id: a.published for a in batch}
    published.update({k: v.published for k, v in others.items()})
    for article_id in sorted(involved - set(published)):
        stored = store.get_article(article_id)
        published[article_id] = stored.published if stored else None
    # Stored stories stay linked: each member to its old root.
    links.extend((article_id, root) for article_id, root in members.items() if root in involved)
    roots = dedup.stories({k: published[k] for k in sorted(involved)}, sorted(set(links)))
    changed = {a for a, root in roots.items() if old.get(a) != root and a not in prints}
    store.set_stories({a: (roots[a], published[a]) for a in sorted(roots)})
    return copied, set(prints) | changed


def _gather(
    store: Store, seeds: Sequence[Event], touched: set[str], rules: MergeRules
) -> tuple[dict[str, Event], dict[str, frozenset[str]]]:
    """Grow the seed reports to whole components: compatible stored reports,
    the other reports of their stored events, and their stories' copies.
    Returns the reports and the stored events involved (id -> report ids)."""
    pool: dict[str, Event] = {}
    frontier = list(seeds)
    old: dict[str, frozenset[str]] = {}
    pending_events = set(touched)
    seen_articles: set[str] = set()
    overlapping: dict[tuple[str, dt.date, dt.date], list[Event]] = {}
    while frontier or pending_events:
        wave = [e for e in frontier if e.event_id not in pool]
        frontier = []
        for event in wave:
            pool[event.event_id] = event
        found: list[Event] = []
        for event in wave:
            if event.place is None or event.date.start is None:
                continue
            key = (event.place.country, event.date.start, event.date.end or event.date.start)
            if key not in overlapping:  # the store does not change while gathering
                overlapping[key] = store.reports_overlapping(*key)
            for candidate in overlapping[key]:
                if candidate.event_id not in pool and reports_compatible(event, candidate, rules):
                    found.append(candidate)
        articles = {e.provenance[0].article_id for e in wave} - seen_articles
        seen_articles |= articles
        stories = store.stories_of(sorted(articles))
        mates = set(store.story_articles(sorted(set(stories.values())))) - seen_articles
        if mates:
            found.extend(e for e in store.events_of_articles(sorted(mates)) if e.flags.is_event)
        membership = store.membership([e.event_id for e in wave])
        pending_events |= set(membership.values()) - set(old)
        if pending_events:
            members = store.merged_members(sorted(pending_events))
            for merged_id in pending_events:
                old[merged_id] = frozenset(members.get(merged_id, {}))
            wanted = sorted({m for ids in members.values() for m in ids} - set(pool))
            found.extend(e for e in store.events_by_id(wanted) if e.flags.is_event)
            pending_events = set()
        frontier = [e for e in found if e.event_id not in pool]
    return pool, old


def _update_control(
    store: Store,
    merged: Sequence[MergedEvent],
    old: dict[str, frozenset[str]],
    statements: Sequence[Event],
    affected: Sequence[str],
) -> int:
    claims: list[ControlClaim] = [c for m in merged for c in claims_from_merged(m)]
    claims += [c for e in statements for c in denial_claims(e)]
    touched = store.replace_claims(
        merged_ids=sorted(set(old) | {m.merged_id for m in merged}),
        denial_articles=affected,
        claims=claims,
    )
    bases = touched | {c.base_key for c in claims}
    keys = sorted(touched | store.keys_with_base(sorted(bases)) | {c.key for c in claims})
    by_key = store.claims_for(keys)
    store.replace_periods({key: timeline(by_key.get(key, [])) for key in keys})
    return len(keys)


def load_merged(store: Store, merged_ids: Sequence[str]) -> list[MergedEvent]:
    """Rebuild stored merged events from their reports, in the order given."""
    return store.load_merged(merged_ids)
