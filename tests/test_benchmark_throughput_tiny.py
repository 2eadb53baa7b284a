"""The throughput benchmark runs on a tiny corpus and prints its figures.
Timings are not checked here: they go to PERFORMANCE.md."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import PROJECT_ROOT, shared_path

FIGURES = (
    "machine",
    "corpus",
    "baseline spaCy, nlp.pipe",
    "frontwatch end to end, 1 worker",
    "frontwatch end to end, 2 workers",
    "scaling 1 -> 2 workers",
    "eval acled slice",
    "eval geo",
    "start-up to first stored event",
    "peak RSS, one worker",
)
NUMBER = r"\d+(?:\.\d+)?"


def test_benchmark_throughput_tiny_prints_its_figures() -> None:
    shared = shared_path("corpus", "voa_stories.jsonl").parent.parent
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.throughput", "--tiny", "--shared", str(shared)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    for figure in FIGURES:
        assert any(line.startswith(figure) for line in lines), figure
    speeds = [line for line in lines if line.startswith(("baseline spaCy", "frontwatch end"))]
    assert all(re.search(rf"{NUMBER} articles/s, [\d,]+ words/s", line) for line in speeds)
    assert re.search(rf"peak RSS, one worker: {NUMBER} MB", result.stdout)
    assert re.fullmatch(rf"ratio: {NUMBER}", lines[-1])
