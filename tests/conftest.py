"""Shared fixtures. Tests are offline; those that need ../shared skip with a
reason when it is absent (a user's clone has no ../shared)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Places a user imported into ~/.cache/frontwatch must not move the golden
# files or the evaluation gates: the tests see the packaged gazetteer only.
os.environ.setdefault("FRONTWATCH_GAZETTEER_IMPORTS", "none")

if TYPE_CHECKING:
    from frontwatch.pipeline import Pipeline

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """Path under ../shared, or skip the test with a clear reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the team's shared evaluation data, absent in this checkout)")
    return path


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def pipeline() -> Iterator[Pipeline]:
    """One pipeline for the whole run (the model and gazetteer load once).
    The gazetteer index is built in the user cache (FRONTWATCH_HOME) once."""
    from frontwatch.pipeline import Pipeline

    built = Pipeline()
    yield built
    built.close()
