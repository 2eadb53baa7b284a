"""Throughput: frontwatch end to end against the bare spaCy pipeline, on the
same texts, in one process and one run.

    python -m benchmarks.throughput            # the whole corpus, 3 repeats (~10 min)
    python -m benchmarks.throughput --tiny     # 3 articles a source, 1 repeat (the tests)

The texts are ``../shared/corpus/voa_stories.jsonl`` and the article texts of
``../shared/eval/geo/`` (GeoWebNews, TR-News). Measured:

(a) baseline: the same spaCy English pipeline with every component its
    package enables, ``nlp.pipe`` over the texts;
(b) frontwatch end to end: ``pipeline.ingest`` of the texts as raw documents
    (clean, extract, geocode, resolve dates, store in a fresh SQLite file),
    with 1 worker, and again with 2 workers for the scaling.

Both are warmed up on the same few texts first, then run in turns; each
figure is the median of the repeats. Then: the ACLED evaluation on the fixed
dev slice and the geoparsing scores, each for a full parse and for
frontwatch's selective parse; a fresh ``frontwatch ingest`` process for the
time to the first stored event and the peak memory of one worker; and the
time to build the gazetteer index. Every figure is a ``name: value`` line;
the last line is ``ratio: X``, the speed of (b) over (a).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy

from benchmarks.corpus import BenchArticle, load_corpus
from benchmarks.geo_check import geo_score
from frontwatch.eval import load_floors, load_gold, note_articles, parse_export, score, slice_notes
from frontwatch.eval.acled import EvalResult
from frontwatch.export.formats import write_jsonl
from frontwatch.geo.event_places import ArticlePlaces
from frontwatch.geo.gazetteer_build import build_index
from frontwatch.ingest.readers import RawDocument
from frontwatch.models import Article
from frontwatch.nlp.spacy_model import load_full_pipeline, model_version
from frontwatch.pipeline import Pipeline, ingest
from frontwatch.settings import Settings, load_settings
from frontwatch.store.repository import open_store

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
ACLED_DEV = ("eval", "acled", "dev.csv")
WARM_UP_ARTICLES = 12
TINY_EVAL_NOTES = 10
POLL_SECONDS = 0.02
EVAL_FIELDS = ("event_type", "sub_event_type", "event_date", "country", "admin1", "location")
EVAL_FIELDS_MORE = ("fatalities", "actor1", "actor2", "coverage")


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    cpu_seconds: float
    events: int = 0


@dataclass(frozen=True, slots=True)
class ProbeResult:
    first_event: float | None  # seconds from launch to the first stored event
    total: float  # seconds the whole command took
    peak_rss_mb: float | None
    exit_code: int


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--tiny", action="store_true", help="3 articles a source, 1 repeat")
    parser.add_argument("--repeats", type=int, help="runs per measure (default 3; 1 with --tiny)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the ../shared folder")
    parser.add_argument(
        "--with-full-parse",
        action="store_true",
        help="also time frontwatch with the full parse of every sentence (the state before "
        "the selective parse; FRONTWATCH_PARSE=full)",
    )
    args = parser.parse_args(argv)
    repeats = args.repeats or (1 if args.tiny else 3)
    settings = load_settings()
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"machine: {_machine()}")
    print(f"load average at start: {_load_average()}")

    articles = load_corpus(args.shared, tiny=args.tiny)
    words = sum(a.words for a in articles)
    counts = ", ".join(
        f"{name} {sum(a.source == name for a in articles)}"
        for name in dict.fromkeys(a.source for a in articles)
    )
    print(f"corpus: {len(articles)} articles, {words:,} words ({counts})")
    print(f"repeats: {repeats} (figures are medians)")

    baseline = load_full_pipeline(settings.model)
    print(
        f"model: {model_version(baseline)}; baseline components: {', '.join(baseline.pipe_names)}"
    )
    one = Pipeline(replace(settings, workers=1))
    two = Pipeline(replace(settings, workers=2))
    full = Pipeline(replace(settings, workers=1, parse="full")) if args.with_full_parse else None
    texts = [a.text for a in articles]
    try:
        warm = articles[:WARM_UP_ARTICLES]
        list(baseline.pipe([a.text for a in warm]))
        for pipeline in (one, two, full):
            if pipeline is not None:
                _ingest_run(pipeline, warm)
        runs: dict[str, list[Run]] = {"a": [], "b": [], "b2": [], "full": []}
        for _ in range(repeats):
            runs["a"].append(_timed(lambda: sum(1 for _ in baseline.pipe(texts))))
            runs["b"].append(_ingest_run(one, articles))
            runs["b2"].append(_ingest_run(two, articles))
            if full is not None:
                runs["full"].append(_ingest_run(full, articles))
    finally:
        two.close()
        if full is not None:
            full.close()
    a, b, b2 = (_median(runs[key]) for key in ("a", "b", "b2"))
    print(f"baseline spaCy, nlp.pipe: {_speed(a, len(articles), words)}")
    print(
        f"frontwatch end to end, 1 worker: {_speed(b, len(articles), words)}; "
        f"{b.events} event statements stored"
    )
    print(f"frontwatch end to end, 2 workers: {_speed(b2, len(articles), words)}")
    if runs["full"]:
        before = _median(runs["full"])
        print(
            f"frontwatch end to end, full parse, 1 worker: {_speed(before, len(articles), words)}"
            f"; {before.events} event statements stored; ratio {a.seconds / before.seconds:.2f}"
        )
    print(f"cpu time: baseline {a.cpu_seconds:.1f} s, frontwatch 1 worker {b.cpu_seconds:.1f} s")
    print(f"scaling 1 -> 2 workers: {b.seconds / b2.seconds:.2f}x")

    _print_eval(args.shared, settings, one, tiny=args.tiny)
    _print_geo(articles, settings, one)
    one.close()

    probes = [_probe(articles, settings) for _ in range(repeats)]
    firsts = [p.first_event for p in probes if p.first_event is not None]
    probe = replace(
        probes[0],
        first_event=statistics.median(firsts) if firsts else None,
        total=statistics.median(p.total for p in probes),
        peak_rss_mb=max((p.peak_rss_mb for p in probes if p.peak_rss_mb is not None), default=None),
        exit_code=max(p.exit_code for p in probes),
    )
    first = f"{probe.first_event:.2f} s" if probe.first_event is not None else "no event stored"
    print(
        f"start-up to first stored event (fresh `frontwatch ingest`, index built; median): {first} "
        f"(whole command {probe.total:.1f} s, exit {probe.exit_code})"
    )
    rss = f"{probe.peak_rss_mb:.0f} MB" if probe.peak_rss_mb is not None else "n/a"
    print(f"peak RSS, one worker: {rss}")
    if args.tiny:
        print("gazetteer index build: skipped with --tiny")
    else:
        print(f"gazetteer index build (first run): {_index_build_seconds():.1f} s")
    print(f"load average at end: {_load_average()}")
    # Less sensitive to other jobs on the machine than the wall-clock ratio.
    print(f"ratio of cpu times (1 worker): {a.cpu_seconds / b.cpu_seconds:.2f}")
    print(f"ratio: {a.seconds / b.seconds:.2f}")
    return 0


# ------------------------------------------------------------------ runs
def _timed(action: Callable[[], object]) -> Run:
    start, cpu = time.perf_counter(), time.process_time()
    action()
    return Run(time.perf_counter() - start, time.process_time() - cpu)


def _ingest_run(pipeline: Pipeline, articles: Sequence[BenchArticle]) -> Run:
    """Ingest the articles into a fresh SQLite store; only the ingest is timed."""
    documents = [_raw(a) for a in articles]
    with tempfile.TemporaryDirectory(prefix="fw-bench-") as folder:
        store = open_store(Path(folder) / "bench.db")
        try:
            start, cpu = time.perf_counter(), time.process_time()
            report = ingest(store, pipeline, documents)
            return Run(time.perf_counter() - start, time.process_time() - cpu, report.events)
        finally:
            store.close()


def _raw(article: BenchArticle) -> RawDocument:
    return RawDocument(
        origin=article.origin,
        content=article.text,
        raw_format="text",
        url=article.url,
        title=article.title,
        published=article.published,
    )


def _median(runs: Sequence[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        int(statistics.median(r.events for r in runs)),
    )


def _speed(run: Run, articles: int, words: int) -> str:
    return (
        f"{run.seconds:.2f} s, {articles / run.seconds:.1f} articles/s, "
        f"{words / run.seconds:,.0f} words/s"
    )


# ------------------------------------------------------------------ quality
def _print_eval(shared: Path, settings: Settings, selective: Pipeline, *, tiny: bool) -> None:
    gold = shared.joinpath(*ACLED_DEV)
    if not gold.exists():
        print(f"eval acled: skipped, no {gold}")
        return
    floors = load_floors()
    notes = slice_notes(load_gold(gold), size=floors.slice_size, seed=floors.slice_seed)
    if tiny:
        notes = notes[:TINY_EVAL_NOTES]
    articles = note_articles(notes)
    full = Pipeline(replace(settings, workers=1, parse="full"))
    try:
        results = {
            "full parse": _eval(notes, articles, full),
            "frontwatch": _eval(notes, articles, selective),
        }
    finally:
        full.close()
    print(
        f"eval acled slice ({len(notes)} notes, seed {floors.slice_seed}), full parse | frontwatch:"
    )
    for names in (EVAL_FIELDS, EVAL_FIELDS_MORE):
        cells = []
        for name in names:
            pair = [_accuracy(result, name) for result in results.values()]
            cells.append(f"{name} {pair[0]} | {pair[1]}")
        print("  " + "; ".join(cells))


def _eval(notes: Sequence[object], articles: Sequence[Article], pipeline: Pipeline) -> EvalResult:
    """As ``frontwatch eval acled`` scores: through the JSONL export."""
    events = [e for batch in pipeline.process_many(articles) for e in batch]
    buffer = io.StringIO()
    write_jsonl(events, buffer)
    extracted = parse_export(buffer.getvalue().splitlines(), origin="benchmark")
    return score(notes, extracted)  # type: ignore[arg-type]


def _accuracy(result: EvalResult, name: str) -> str:
    if name == "coverage":
        return f"{result.coverage:.3f}" if result.coverage is not None else "-"
    value = result.field(name).accuracy
    return f"{value:.3f}" if value is not None else "-"


def _print_geo(articles: Sequence[BenchArticle], settings: Settings, selective: Pipeline) -> None:
    geo = [a for a in articles if a.toponyms]
    if not geo:
        print("eval geo: skipped, no gold toponyms")
        return
    places = ArticlePlaces(selective.gazetteer)
    texts = [a.text for a in geo]
    full_docs = list(selective.nlp.pipe(texts))
    chosen = selective.parser.pipe(texts)
    ranges = [c.entity_ranges for c in chosen]
    sources = " + ".join(dict.fromkeys(a.source for a in geo))
    print(f"eval geo ({sources}, {len(geo)} articles), every toponym:")
    print(f"  full parse: {geo_score(geo, full_docs, places).line()}")
    print(f"  frontwatch: {geo_score(geo, [c.doc for c in chosen], places).line()}")
    print("eval geo, toponyms in the sentences frontwatch looks at (events and their context):")
    print(f"  full parse: {geo_score(geo, full_docs, places, ranges=ranges).line()}")
    print(f"  frontwatch: {geo_score(geo, [c.doc for c in chosen], places, ranges=ranges).line()}")


# ------------------------------------------------------------------ fresh process
def _probe(articles: Sequence[BenchArticle], settings: Settings) -> ProbeResult:
    """Run `frontwatch ingest --workers 1` in a fresh process and watch its
    store for the first event and its memory for the peak."""
    with tempfile.TemporaryDirectory(prefix="fw-probe-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as handle:
            for article in articles:
                record = {"text": article.text, "title": article.title, "url": article.url}
                if article.published is not None:
                    record["published"] = article.published.isoformat()
                handle.write(json.dumps(record) + "\n")
        database = Path(folder) / "probe.db"
        command = [
            sys.executable,
            "-c",
            "from frontwatch.cli import main; main()",
            "--db",
            str(database),
            "ingest",
            "--quiet",
            "--workers",
            "1",
            str(corpus),
        ]
        environment = dict(os.environ, FRONTWATCH_MODEL=settings.model)
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        first: float | None = None
        peak_kb: int | None = None
        while process.poll() is None:
            peak_kb = max(peak_kb or 0, _peak_kb(process.pid)) or None
            if first is None and _has_event(database):
                first = time.perf_counter() - start
            time.sleep(POLL_SECONDS)
        total = time.perf_counter() - start
        if first is None and _has_event(database):
            first = total
        peak = peak_kb / 1024 if peak_kb else None
        return ProbeResult(first, total, peak, process.returncode or 0)


def _peak_kb(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM, Linux), 0 when not
    known. Read while it runs: getrusage would also count the memory of the
    benchmark process it was forked from, which survives the exec."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _has_event(database: Path) -> bool:
    if not database.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1)
        try:
            return connection.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None
        finally:
            connection.close()
    except sqlite3.Error:
        return False  # not created yet, or being written


def _index_build_seconds() -> float:
    with tempfile.TemporaryDirectory(prefix="fw-index-") as folder:
        start = time.perf_counter()
        build_index(Path(folder) / "gazetteer.sqlite")
        return time.perf_counter() - start


# ------------------------------------------------------------------ machine
def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text(encoding="utf-8").split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, spaCy {spacy.about.__version__}"
    )


def _load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


if __name__ == "__main__":
    sys.exit(main())
