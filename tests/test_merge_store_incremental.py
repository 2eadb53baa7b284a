"""Merging in the store, one article at a time: the same events and ids in
any order, the same as merging everything at once, nothing changed by
re-ingesting or reprocessing, and control history kept in step."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from frontwatch.ingest.readers import RawDocument
from frontwatch.merge import dedup
from frontwatch.merge.update import merge_in_memory
from frontwatch.pipeline import Pipeline, documents_from_paths, ingest, reprocess
from frontwatch.store.repository import Store, open_store

REPORTS = Path(__file__).resolve().parent / "fixtures" / "merge" / "reports"
CHOSEN = ("g01_", "g06_", "s06_", "g10_")  # wire copies, a dispute, same town on nearby days


def _documents() -> list[RawDocument]:
    found = [
        d
        for d in documents_from_paths([REPORTS], max_bytes=1_000_000)
        if isinstance(d, RawDocument) and Path(d.origin).name.startswith(CHOSEN)
    ]
    return sorted(found, key=lambda d: d.origin)


def _state(store: Store) -> dict[str, frozenset[str]]:
    ids = store.query_merged_ids()
    return {k: frozenset(v) for k, v in store.merged_members(ids).items()}


def _control(store: Store) -> list[tuple[str, str, str | None, str]]:
    return sorted(
        (p.label, p.valid_from.isoformat(), p.controller, p.status) for p in store.control_periods()
    )


@pytest.fixture(scope="module")
def one_at_a_time(pipeline: Pipeline) -> Iterator[Pipeline]:
    """The shared pipeline, storing (and merging) after every article."""
    settings = pipeline.settings
    pipeline.settings = replace(settings, batch_size=1)
    yield pipeline
    pipeline.settings = settings


def _ingest(tmp_path: Path, pipeline: Pipeline, documents: list[RawDocument]) -> Store:
    store = open_store(tmp_path / f"order{random.random()}.db")
    ingest(store, pipeline, documents)
    return store


def test_merge_store_order_independent(one_at_a_time: Pipeline, tmp_path: Path) -> None:
    documents = _documents()
    assert len(documents) >= 12
    runs = []
    for seed in (0, 1, 2):
        shuffled = (
            documents[:] if seed == 0 else random.Random(seed).sample(documents, k=len(documents))
        )
        store = _ingest(tmp_path, one_at_a_time, shuffled)
        runs.append((_state(store), _control(store)))
        store.close()
    assert runs[0][0], "something was merged"
    assert any(len(members) > 1 for members in runs[0][0].values())
    assert runs[1] == runs[0] and runs[2] == runs[0]


def test_merge_store_matches_merging_at_once(one_at_a_time: Pipeline, tmp_path: Path) -> None:
    store = _ingest(tmp_path, one_at_a_time, _documents())
    articles = list(store.iter_articles())
    prints = [dedup.fingerprint(a.article_id, a.text, a.published) for a in articles]
    roots = dedup.stories({f.article_id: f.published for f in prints}, dedup.copy_links(prints))
    at_once = merge_in_memory(store.query_events(), roots)
    assert {m.merged_id: frozenset(m.report_ids) for m in at_once} == _state(store)
    store.close()


def test_merge_store_reingest_and_reprocess_change_nothing(
    one_at_a_time: Pipeline, tmp_path: Path
) -> None:
    documents = _documents()
    store = _ingest(tmp_path, one_at_a_time, documents)
    before, control = _state(store), _control(store)
    log = [store.merge_history(merged_id) for merged_id in sorted(before)]
    again = ingest(store, one_at_a_time, documents)
    assert again.duplicates == len(documents) and again.stored == 0
    assert _state(store) == before and _control(store) == control
    reprocess(store, one_at_a_time)
    assert _state(store) == before and _control(store) == control
    assert [store.merge_history(merged_id) for merged_id in sorted(before)] == log
    store.close()


def test_merge_store_late_earlier_report_renames_with_alias(
    one_at_a_time: Pipeline, tmp_path: Path
) -> None:
    """The wire original (published first) arriving after its copy names the
    event; the copy's id still resolves, and the rename is logged."""
    documents = _documents()
    original = next(d for d in documents if "two_rivers" in d.origin)
    copy = next(d for d in documents if "euphrates_lantern" in d.origin)
    store = _ingest(tmp_path, one_at_a_time, [copy])
    (copy_article,) = [a.article_id for a in store.iter_articles()]
    lead = min(
        (e for e in store.query_events(article_id=copy_article) if e.flags.is_event),
        key=lambda e: e.provenance[0].start,
    )
    first_id = store.membership([lead.event_id])[lead.event_id]
    ingest(store, one_at_a_time, [original])
    current = store.resolve_merged_id(first_id)
    assert current is not None and current != first_id
    assert store.membership([lead.event_id])[lead.event_id] == current
    assert any(e.action == "merged" and first_id in e.others for e in store.merge_history(current))
    store.close()
