"""Merging must not lose events that ACLED codes separately (same day,
different actors or places).

Each ACLED dev note is a separate article about a separate ACLED event (a
note behind several rows is one article: ACLED split it by location). The
pipeline's reports of a slice of notes are merged as if one store had
ingested them all. A merged event that holds the main reports (first
unflagged statement, as in the ACLED evaluation) of two or more notes loses
the extra notes' events. Each loss is classed by the gold rows of the notes
merged: *distinct* when they differ in actor1, actor2, associated actors or
location (what the issue requires never to be merged), *alike* when ACLED's
fields are the same (e.g. two protests by unnamed protesters in one city on
one day, which ACLED keeps apart for reasons its fields do not record).
Reads ../shared; skips where it is absent.
"""

from __future__ import annotations

import pytest

from conftest import shared_path
from frontwatch.eval import GoldNote, load_floors, load_gold, note_articles, slice_notes
from frontwatch.eval.match import normalise_actor, normalise_name
from frontwatch.merge.update import merge_in_memory
from frontwatch.models import Event
from frontwatch.pipeline import Pipeline

# Distinct ACLED events lost per 1,000 notes of the slice (2026-11-28: see README).
MAX_DISTINCT_LOST_PER_1000 = 5.0


def _identity(note: GoldNote) -> frozenset[tuple[str, ...]]:
    return frozenset(
        (
            normalise_actor(row.actor1),
            normalise_actor(row.actor2),
            normalise_actor(row.assoc_actor_1),
            normalise_actor(row.assoc_actor_2),
            normalise_name(row.location),
        )
        for row in note.rows
    )


def lost_events(events: list[Event], notes_by_article: dict[str, GoldNote]) -> tuple[int, int, int]:
    """(merged events, distinct events lost, alike events lost)."""
    merged = merge_in_memory(events)
    mains: dict[str, Event] = {}
    for event in events:
        if event.flags.is_event:
            article = event.provenance[0].article_id
            known = mains.get(article)
            if known is None or event.provenance[0].start < known.provenance[0].start:
                mains[article] = event
    main_ids = {e.event_id for e in mains.values()}
    distinct = alike = 0
    for m in merged:
        notes = {s.article_id for s in m.sources if s.event_id in main_ids}
        if len(notes) < 2:
            continue
        identities = {_identity(notes_by_article[a]) for a in notes}
        if len(identities) > 1:
            distinct += len(notes) - 1
        else:
            alike += len(notes) - 1
    return len(merged), distinct, alike


@pytest.fixture(scope="module")
def slice_run(pipeline: Pipeline) -> tuple[list[Event], dict[str, GoldNote]]:
    floors = load_floors()
    notes = slice_notes(
        load_gold(shared_path("eval", "acled", "dev.csv")),
        size=floors.slice_size,
        seed=floors.slice_seed,
    )
    articles = note_articles(notes)
    events = [e for batch in pipeline.process_many(articles) for e in batch]
    by_article = {a.article_id: n for a, n in zip(articles, notes, strict=True)}
    return events, by_article


def test_merge_acled_separate_events_not_lost(
    slice_run: tuple[list[Event], dict[str, GoldNote]],
) -> None:
    events, notes = slice_run
    merged, distinct, alike = lost_events(events, notes)
    reports = sum(1 for e in events if e.flags.is_event)
    print(
        f"\nACLED slice: {len(notes)} notes, {reports} reports -> {merged} merged events; "
        f"notes lost to merging: {distinct} distinct (different actors or places), "
        f"{alike} alike (same ACLED actors and location)"
    )
    assert distinct <= MAX_DISTINCT_LOST_PER_1000 * len(notes) / 1000
