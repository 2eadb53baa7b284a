"""Builds the stages from Settings and runs them: Article -> list[Event], and
batches of input files -> the store, with per-file errors kept and reported."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.extract.events import EventExtractor
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument, content_hash, iter_documents
from frontwatch.merge.update import update_store
from frontwatch.models import Article, Event
from frontwatch.nlp.pool import WorkerPool, forks
from frontwatch.nlp.prefilter import TriggerScan
from frontwatch.nlp.selective import SelectiveParser
from frontwatch.nlp.spacy_model import load_model
from frontwatch.settings import Settings, load_settings
from frontwatch.store.repository import Store

SIDECAR = "metadata.csv"  # file,published,outlet for plain-text files in a folder


@dataclass(frozen=True, slots=True)
class FileError:
    origin: str
    message: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    read: int = 0  # documents read
    stored: int = 0  # new articles stored and processed
    duplicates: int = 0  # already in the store (same content hash)
    failed: int = 0  # read but not processable (raw kept, status "failed")
    events: int = 0  # event statements stored (flagged ones included)
    errors: tuple[FileError, ...] = ()


@dataclass
class _Tally:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    errors: list[FileError] = field(default_factory=list)

    def freeze(self) -> IngestReport:
        return IngestReport(
            read=self.read,
            stored=self.stored,
            duplicates=self.duplicates,
            failed=self.failed,
            events=self.events,
            errors=tuple(self.errors),
        )


# With workers, a batch goes out in this many chunks per worker, so that a
# worker with short articles takes another chunk while one with long
# articles finishes. (spaCy's output does not depend on what else is in its
# batch, so the results do not depend on the chunking.)
CHUNKS_PER_WORKER = 4


class Pipeline:
    """The extraction stages, loaded once: spaCy model, gazetteer, lexicons.

    With ``settings.workers`` > 1, ``process_many`` runs in that many worker
    processes (started on first use, each with the model loaded once) and
    returns the results in the articles' order; the caller stays the only
    writer to the store. ``close()`` stops them.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = load_model(self.settings.model)
        self.gazetteer = Gazetteer.open(self.settings.home / "gazetteer.sqlite")
        self.extractor = EventExtractor(gazetteer=self.gazetteer)
        self.parser = SelectiveParser(
            self.nlp, TriggerScan.for_model(self.nlp, self.extractor.lexicon)
        )
        self._pool: WorkerPool[Sequence[Article], list[list[Event]]] | None = None

    def process(self, article: Article) -> list[Event]:
        return self._extract_chunk([article])[0]

    def process_many(self, articles: Sequence[Article]) -> list[list[Event]]:
        if self.settings.workers == 1 or len(articles) <= 1:
            return self._extract_chunk(articles)
        parts = self._workers().map(self._chunks(articles))
        return [events for part in parts for events in part]

    def process_stream(
        self, batches: Iterable[Sequence[Article]]
    ) -> Iterator[tuple[Sequence[Article], list[list[Event]]]]:
        """Each batch with its ``process_many`` results, in order. With
        workers, the next batch is already being extracted while the caller
        stores this one's results, so the one writer does not leave the
        workers idle; ``batches`` is read one batch ahead."""
        if self.settings.workers == 1:
            yield from ((batch, self.process_many(batch)) for batch in batches)
            return
        pool = self._workers()
        waiting: tuple[Sequence[Article], list[Future[list[list[Event]]]]] | None = None
        for batch in batches:
            started = (batch, pool.submit(self._chunks(batch)))
            if waiting is not None:
                yield waiting[0], [events for part in pool.collect(waiting[1]) for events in part]
            waiting = started
        if waiting is not None:
            yield waiting[0], [events for part in pool.collect(waiting[1]) for events in part]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self.gazetteer.close()

    def _chunks(self, articles: Sequence[Article]) -> list[Sequence[Article]]:
        size = -(-len(articles) // (self.settings.workers * CHUNKS_PER_WORKER)) or 1
        return [articles[i : i + size] for i in range(0, len(articles), size)]

    def _extract_chunk(self, articles: Sequence[Article]) -> list[list[Event]]:
        texts = [a.text for a in articles]
        if self.settings.parse == "full":
            docs = self.nlp.pipe(texts, batch_size=self.settings.batch_size)
            return [self.extractor.extract(a, d) for a, d in zip(articles, docs, strict=True)]
        # An article none of whose sentences can hold a trigger has no event
        # statement: the extractor is not run on it.
        return [
            self.extractor.extract(article, selected.doc) if selected.has_candidates else []
            for article, selected in zip(articles, self.parser.pipe(texts), strict=True)
        ]

    def _workers(self) -> WorkerPool[Sequence[Article], list[list[Event]]]:
        if self._pool is None:
            factory = (
                self._forked_worker
                if forks()
                else partial(_spawned_worker, replace(self.settings, workers=1))
            )
            self._pool = WorkerPool(self.settings.workers, factory)
        return self._pool

    def _forked_worker(self) -> Callable[[Sequence[Article]], list[list[Event]]]:
        """Runs in a forked worker: the parent's model, lexicons and actor
        dictionary (shared copy-on-write) with a gazetteer connection of the
        worker's own (an SQLite connection must not cross a fork)."""
        self._pool = None
        self.settings = replace(self.settings, workers=1)
        self.gazetteer = Gazetteer.open(self.gazetteer.path)
        self.extractor = EventExtractor(
            gazetteer=self.gazetteer, actors=self.extractor.actors, lexicon=self.extractor.lexicon
        )
        return self._extract_chunk


def _spawned_worker(settings: Settings) -> Callable[[Sequence[Article]], list[list[Event]]]:
    """Runs in a spawned worker: everything is loaded afresh."""
    return Pipeline(settings)._extract_chunk


def ingest(
    store: Store,
    pipeline: Pipeline,
    documents: Iterable[RawDocument | InputError],
    *,
    published: dt.date | None = None,
    source: str | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Clean, extract and store every document; one bad document never stops
    the batch, and a document that was read is always kept raw."""
    tally = _Tally()
    seen: set[str] = set()  # article ids read in this run, stored or not yet

    def articles() -> Iterator[Article]:
        for item in documents:
            if isinstance(item, InputError):
                tally.errors.append(FileError(item.origin, str(item)))
                if on_progress:
                    on_progress(item.origin)
                continue
            tally.read += 1
            if on_progress:
                on_progress(item.origin)
            article_id = content_hash(item.content)
            if article_id in seen or store.has_article(article_id):
                tally.duplicates += 1
                continue
            seen.add(article_id)
            try:
                yield clean(item, published=published, source=source)
            except InputError as exc:
                _keep_failed(store, item, article_id, exc, tally)

    _run_batches(store, pipeline, articles(), tally)
    return tally.freeze()


def reprocess(
    store: Store, pipeline: Pipeline, *, on_progress: Callable[[str], None] | None = None
) -> IngestReport:
    """Run the current pipeline again over every stored raw article."""
    tally = _Tally()

    def articles() -> Iterator[Article]:
        for stored in list(store.iter_articles()):
            tally.read += 1
            if on_progress:
                on_progress(stored.origin)
            raw = RawDocument(
                origin=stored.origin,
                content=stored.raw,
                raw_format=stored.raw_format,
                url=stored.url,
                title=stored.title,
                published=stored.published,
                outlet=stored.outlet,
            )
            try:
                yield replace(clean(raw), article_id=stored.article_id)
            except InputError as exc:
                tally.failed += 1
                tally.errors.append(FileError(stored.origin, str(exc)))

    _run_batches(store, pipeline, articles(), tally, replace_existing=True)
    return tally.freeze()


def documents_from_paths(
    paths: Sequence[Path], *, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    """Read files and folders; a folder's ``metadata.csv`` (file, published,
    outlet) supplies what plain-text files cannot carry themselves."""
    sidecars: dict[Path, tuple[dt.date | None, str | None]] = {}
    for path in paths:
        found = sorted(path.rglob(SIDECAR)) if path.is_dir() else [path.parent / SIDECAR]
        for sidecar in found:
            if sidecar.is_file():
                sidecars.update(_read_sidecar(sidecar))
    for item in iter_documents(paths, max_bytes=max_bytes):
        if isinstance(item, RawDocument):
            meta = sidecars.get(Path(item.origin).resolve())
            if meta is not None:
                date, outlet = meta
                item = replace(item, published=item.published or date, outlet=item.outlet or outlet)
        yield item


def _read_sidecar(path: Path) -> dict[Path, tuple[dt.date | None, str | None]]:
    found: dict[Path, tuple[dt.date | None, str | None]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            published = (row.get("published") or "").strip()
            try:
                date = dt.date.fromisoformat(published[:10]) if published else None
            except ValueError as exc:
                raise InputError(f"bad date {published!r} for {name}", origin=str(path)) from exc
            found[(path.parent / name).resolve()] = (
                date,
                (row.get("outlet") or "").strip() or None,
            )
    return found


def _keep_failed(
    store: Store, item: RawDocument, article_id: str, exc: FrontwatchError, tally: _Tally
) -> None:
    tally.failed += 1
    tally.errors.append(FileError(item.origin, str(exc)))
    failed = Article(
        article_id=article_id,
        raw=item.content,
        raw_format=item.raw_format,
        text="",
        title=item.title,
        url=item.url,
        published=item.published,
        outlet=item.outlet,
        origin=item.origin,
    )
    store.add_article(failed, status="failed", error=str(exc))


def _run_batches(
    store: Store,
    pipeline: Pipeline,
    articles: Iterable[Article],
    tally: _Tally,
    *,
    replace_existing: bool = False,
) -> None:
    """Extract and store ``articles`` batch by batch. The workers extract the
    next batch while this one is stored (the store has one writer)."""
    batches = _growing_batches(articles, pipeline.settings.batch_size)
    for batch, results in pipeline.process_stream(batches):
        # save_batch also refreshes a stored article's cleaned text, so the
        # new events' offsets point into the text they were extracted from.
        store.save_batch(list(zip(batch, results, strict=True)))
        # Copies, merged events and control history of what this batch touched.
        update_store(store, [article.article_id for article in batch])
        if not replace_existing:
            tally.stored += len(batch)
        tally.events += sum(len(events) for events in results)


def _growing_batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Batches of 1, 2, 4 ... up to ``size`` articles: the first events are
    stored within a second of the start, later batches are large enough for
    batched parsing and few transactions. (Batching does not change the
    results: merging is incremental and order-independent.)"""
    limit = 1
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= limit:
            yield batch
            batch = []
            limit = min(limit * 2, size)
    if batch:
        yield batch
