"""--workers N: N extraction processes, one writer, the same results in the
same order as one worker."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import ConfigError
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument
from frontwatch.pipeline import Pipeline, documents_from_paths
from frontwatch.settings import DEFAULT_MAX_BYTES, load_settings
from frontwatch.store.repository import open_store

DEMO = Path(str(resources.files("frontwatch.data").joinpath("demo")))


def test_pipeline_parallel_same_results_as_one_worker(pipeline: Pipeline) -> None:
    articles = [
        clean(item)
        for item in documents_from_paths([DEMO], max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(item, RawDocument)
    ]
    assert len(articles) > 8
    parallel = Pipeline(load_settings(workers=2))
    try:
        assert parallel.process_many(articles) == pipeline.process_many(articles)
    finally:
        parallel.close()


def test_pipeline_parallel_stream_keeps_batches_and_order(pipeline: Pipeline) -> None:
    articles = [
        clean(item)
        for item in documents_from_paths([DEMO], max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(item, RawDocument)
    ]
    batches = [articles[:1], articles[1:7], [], articles[7:]]
    expected = [(batch, pipeline.process_many(batch)) for batch in batches]
    assert list(pipeline.process_stream(iter(batches))) == expected
    parallel = Pipeline(load_settings(workers=2))
    try:
        assert list(parallel.process_stream(iter(batches))) == expected
    finally:
        parallel.close()


def test_pipeline_parallel_cli_ingest_stores_the_same_events(tmp_path: Path) -> None:
    stored = []
    for workers in ("1", "2"):
        db = tmp_path / f"workers{workers}.db"
        result = CliRunner().invoke(
            cli, ["--db", str(db), "ingest", "--quiet", "--workers", workers, str(DEMO)]
        )
        assert result.exit_code == 0, result.output
        with open_store(db) as store:
            stored.append(
                [(e.event_id, e.sub_event_type, e.place, e.date) for e in store.query_events()]
            )
    assert stored[0] and stored[0] == stored[1]


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"FRONTWATCH_WORKERS": "0"}, "workers"),
        ({"FRONTWATCH_WORKERS": "two"}, "FRONTWATCH_WORKERS"),
        ({"FRONTWATCH_PARSE": "fast"}, "parse"),
    ],
)
def test_pipeline_parallel_bad_settings_refused(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], message: str
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        load_settings()


def test_pipeline_parallel_workers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_WORKERS", "3")
    assert load_settings().workers == 3
    assert load_settings(workers=2).workers == 2


def test_pipeline_parallel_cli_refuses_zero_workers(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "x.db"), "ingest", "--workers", "0", str(DEMO)]
    )
    assert result.exit_code == 2
