"""Worker processes for extraction; the caller keeps the store (one writer).

Each worker builds its extraction function once (the spaCy model, the
lexicons, a gazetteer connection) and then turns chunks of input into
results. ``map`` returns the results in the order of the chunks, whatever
order the workers finish in.

Where the platform forks (Linux), workers start from a copy of the parent:
the loaded model and dictionaries are shared copy-on-write instead of being
loaded again, and the gazetteer is an on-disk index read through the page
cache, which every process shares. Elsewhere workers are spawned and build
everything from the factory, which must then be picklable.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.pool import Pool
from typing import Any, Generic, TypeVar

from frontwatch.errors import ConfigError

In = TypeVar("In")
Out = TypeVar("Out")

Worker = Callable[[Any], Any]
# Set in each worker process by ``_start``.
_worker: Worker | None = None


def forks() -> bool:
    """Whether workers start as forks of the parent process."""
    return "fork" in multiprocessing.get_all_start_methods()


def _start(factory: Callable[[], Worker]) -> None:
    global _worker
    _worker = factory()


def _run(chunk: Any) -> Any:
    if _worker is None:
        raise ConfigError("extraction worker used before it was started")
    return _worker(chunk)


class WorkerPool(Generic[In, Out]):
    """``workers`` processes, each running the function ``factory`` returns."""

    def __init__(self, workers: int, factory: Callable[[], Callable[[In], Out]]) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be 1 or more, not {workers}")
        context = multiprocessing.get_context("fork" if forks() else "spawn")
        self.workers = workers
        self._pool: Pool = context.Pool(workers, initializer=_start, initargs=(factory,))

    def map(self, chunks: Sequence[In]) -> list[Out]:
        """The results of every chunk, in the chunks' order."""
        results: list[Out] = self._pool.map(_run, chunks, chunksize=1)
        return results

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def terminate(self) -> None:
        self._pool.terminate()
        self._pool.join()
