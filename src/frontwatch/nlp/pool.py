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
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

from frontwatch.errors import ConfigError, FrontwatchError

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
        self._executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start, initargs=(factory,)
        )

    def map(self, chunks: Sequence[In]) -> list[Out]:
        """The results of every chunk, in the chunks' order. An error raised
        in a worker is raised here; a worker that dies (killed, out of
        memory) fails the call instead of hanging it."""
        return self.collect(self.submit(chunks))

    def submit(self, chunks: Sequence[In]) -> list[Future[Out]]:
        """Start the chunks; ``collect`` waits for them."""
        try:
            return [self._executor.submit(_run, chunk) for chunk in chunks]
        except BrokenProcessPool as exc:
            raise _stopped(exc) from exc

    @staticmethod
    def collect(pending: Sequence[Future[Out]]) -> list[Out]:
        try:
            return [future.result() for future in pending]
        except BrokenProcessPool as exc:
            raise _stopped(exc) from exc

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _stopped(exc: BrokenProcessPool) -> FrontwatchError:
    return FrontwatchError(f"an extraction worker stopped unexpectedly: {exc}")
