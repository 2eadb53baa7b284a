"""The CI gate: committed accuracy floors on a fixed slice of the dev notes.

``floors.json`` (beside this module) holds the slice (size and seed for
``slice_notes``) and a mapping field -> floor, each a share between 0 and 1.
The floors are a baseline that only goes up: ``raised_floors`` lifts them to a
better run's scores, and nothing lowers them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError
from frontwatch.eval.acled import EvalResult
from frontwatch.eval.match import SCORED_FIELDS

FLOORS_FILE = "floors.json"
COVERAGE = "coverage"
GATED_FIELDS = (*SCORED_FIELDS, COVERAGE)  # what a floor may name
DIGITS = 3  # floors are kept to 3 decimals, rounded down


@dataclass(frozen=True, slots=True)
class EvalFloors:
    slice_size: int
    slice_seed: str
    floors: Mapping[str, float]
    about: str = ""


def load_floors(path: Path | None = None) -> EvalFloors:
    """The floors file: ``path``, or the one committed with the package."""
    origin = str(path) if path else f"frontwatch.eval/{FLOORS_FILE}"
    try:
        if path is None:
            text = resources.files("frontwatch.eval").joinpath(FLOORS_FILE).read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{origin}: cannot read the floors file: {error}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{origin}: not JSON ({error.msg}, line {error.lineno})") from error
    return parse_floors(data, origin=origin)


def parse_floors(data: Any, *, origin: str = "floors") -> EvalFloors:
    """Validate a decoded floors file; ConfigError says what is wrong."""
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: not a JSON object")
    slice_ = data.get("slice")
    if not isinstance(slice_, dict):
        raise ConfigError(f"{origin}: 'slice' must be an object with 'size' and 'seed'")
    size, seed = slice_.get("size"), slice_.get("seed")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ConfigError(f"{origin}: slice.size must be a whole number >= 0")
    if not isinstance(seed, str) or not seed:
        raise ConfigError(f"{origin}: slice.seed must be non-empty text")
    raw_floors = data.get("floors", {})
    if not isinstance(raw_floors, dict):
        raise ConfigError(f"{origin}: 'floors' must map field names to numbers")
    floors: dict[str, float] = {}
    for name, value in sorted(raw_floors.items()):
        if name not in GATED_FIELDS:
            raise ConfigError(
                f"{origin}: {name!r} is not a gated field ({', '.join(GATED_FIELDS)})"
            )
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ConfigError(f"{origin}: floor of {name} must be a number")
        if not 0.0 <= float(value) <= 1.0:
            raise ConfigError(f"{origin}: floor of {name} must lie between 0 and 1")
        floors[name] = float(value)
    about = data.get("about", "")
    return EvalFloors(
        slice_size=size,
        slice_seed=seed,
        floors=floors,
        about=about if isinstance(about, str) else "",
    )


def gated_scores(result: EvalResult) -> dict[str, float | None]:
    """Each gated field's score in this run (None when no note codes it)."""
    scores: dict[str, float | None] = {score.field: score.accuracy for score in result.fields}
    scores[COVERAGE] = result.coverage
    return scores


def check_floors(result: EvalResult, floors: Mapping[str, float]) -> list[str]:
    """One message per field below its floor, in field order; empty when all pass."""
    scores = gated_scores(result)
    failures: list[str] = []
    for name in sorted(floors, key=_field_order):
        floor = floors[name]
        if name not in scores:
            failures.append(f"{name}: not a gated field")
            continue
        value = scores[name]
        if value is None:
            failures.append(f"{name}: no note scored (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{name}: {value:.3f} below floor {floor:.3f}")
    return failures


def raised_floors(result: EvalResult, floors: Mapping[str, float]) -> dict[str, float]:
    """The floors lifted to this run's scores where it did better; never lowered.

    Only fields that already have a floor are lifted, so which fields the gate
    watches stays a deliberate choice.
    """
    scores = gated_scores(result)
    raised: dict[str, float] = {}
    for name, floor in floors.items():
        value = scores.get(name)
        rounded = math.floor(value * 10**DIGITS) / 10**DIGITS if value is not None else floor
        raised[name] = max(floor, rounded)
    return dict(sorted(raised.items(), key=lambda item: _field_order(item[0])))


def dump_floors(floors: EvalFloors) -> str:
    """The floors file text for ``floors`` (stable key order, trailing newline)."""
    data = {
        "about": floors.about,
        "slice": {"size": floors.slice_size, "seed": floors.slice_seed},
        "floors": {name: floors.floors[name] for name in sorted(floors.floors, key=_field_order)},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _field_order(name: str) -> tuple[int, str]:
    return (GATED_FIELDS.index(name) if name in GATED_FIELDS else len(GATED_FIELDS), name)
