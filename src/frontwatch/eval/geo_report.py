"""Reports of `frontwatch eval geo`: a readable table, a JSON report, and the
CI gate's floors (``geo_floors.json``: a fixed slice of each corpus and the
lowest accepted score of each gated metric on it; floors only go up).

The JSON report holds no timing, so the same run gives the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import ConfigError, FrontwatchError
from frontwatch.eval.geo_corpus import GWN
from frontwatch.eval.geo_eval import GeoEvalResult, GeoPartScore
from frontwatch.eval.geo_score import MAX_ERROR_KM, WITHIN_KM, ResolutionScore, SpanScore

GEO_FLOORS_FILE = "geo_floors.json"
# What a floor may name: higher is better for each.
GEO_GATED = (
    "span_precision",
    "span_recall",
    "span_f1",
    "end_to_end_accuracy",
    "gold_spans_accuracy",
)
DIGITS = 2  # floors are the slice scores rounded down to 2 decimals
CORPUS_TITLES = {GWN: "GeoWebNews", "TR-News": "TR-News"}


@dataclass(frozen=True, slots=True)
class GeoSlice:
    size: int
    seed: str


@dataclass(frozen=True, slots=True)
class GeoFloors:
    slices: Mapping[str, GeoSlice]  # corpus -> its CI slice
    floors: Mapping[str, Mapping[str, float]]  # corpus -> metric -> floor
    about: str = ""


def gated_scores(part: GeoPartScore) -> dict[str, float]:
    return {
        "span_precision": part.spans_exact.precision,
        "span_recall": part.spans_exact.recall,
        "span_f1": part.spans_exact.f1,
        "end_to_end_accuracy": part.end_to_end.accuracy,
        "gold_spans_accuracy": part.gold_spans.accuracy,
    }


def check_geo_floors(part: GeoPartScore, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor (empty when all pass)."""
    scores = gated_scores(part)
    return [
        f"{part.corpus} {name}: {scores[name]:.3f} below floor {floors[name]:.2f}"
        for name in GEO_GATED
        if name in floors and scores[name] < floors[name]
    ]


def floors_from(part: GeoPartScore) -> dict[str, float]:
    """The floors a run sets: each gated score rounded down to 2 decimals."""
    return {
        name: math.floor(value * 10**DIGITS) / 10**DIGITS
        for name, value in gated_scores(part).items()
    }


def load_geo_floors(path: Path | None = None) -> GeoFloors:
    origin = str(path) if path else f"frontwatch.eval/{GEO_FLOORS_FILE}"
    try:
        if path is None:
            text = resources.files("frontwatch.eval").joinpath(GEO_FLOORS_FILE).read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{origin}: cannot read the floors file: {error}") from error
    except json.JSONDecodeError as error:
        raise ConfigError(f"{origin}: not JSON ({error.msg}, line {error.lineno})") from error
    return parse_geo_floors(data, origin=origin)


def parse_geo_floors(data: Any, *, origin: str = "geo floors") -> GeoFloors:
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: not a JSON object")
    raw_slices, raw_floors = data.get("slices"), data.get("floors")
    if not isinstance(raw_slices, dict) or not isinstance(raw_floors, dict):
        raise ConfigError(f"{origin}: needs 'slices' and 'floors' objects keyed by corpus")
    slices: dict[str, GeoSlice] = {}
    for corpus, value in raw_slices.items():
        size = value.get("size") if isinstance(value, dict) else None
        seed = value.get("seed") if isinstance(value, dict) else None
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError(f"{origin}: slices.{corpus}.size must be a whole number > 0")
        if not isinstance(seed, str) or not seed:
            raise ConfigError(f"{origin}: slices.{corpus}.seed must be non-empty text")
        slices[corpus] = GeoSlice(size, seed)
    floors: dict[str, dict[str, float]] = {}
    for corpus, metrics in raw_floors.items():
        if corpus not in slices or not isinstance(metrics, dict):
            raise ConfigError(f"{origin}: floors.{corpus} needs a slice and an object of floors")
        floors[corpus] = {}
        for name, value in metrics.items():
            if name not in GEO_GATED:
                raise ConfigError(
                    f"{origin}: {name!r} is not a gated metric ({', '.join(GEO_GATED)})"
                )
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
                raise ConfigError(f"{origin}: floors.{corpus}.{name} must be a number in 0..1")
            floors[corpus][name] = float(value)
    about = data.get("about", "")
    return GeoFloors(slices, floors, about if isinstance(about, str) else "")


# ------------------------------------------------------------------ table
def format_geo_table(results: Sequence[GeoEvalResult]) -> str:
    lines = [
        "Recognition (exact spans; GeoWebNews: literal toponyms) and resolution "
        f"(gold toponyms with coordinates; accuracy within {WITHIN_KM:.0f} km, errors in km, "
        "AUC lower is better)",
        "",
        f"{'corpus':<10} {'part':<5} {'art.':>4}  {'P':>5} {'R':>5} {'F1':>5}  {'ovl F1':>6}  "
        f"{'e2e acc':>7} {'median':>6} {'mean':>6} {'AUC':>5}  "
        f"{'gold acc':>8} {'median':>6} {'mean':>6} {'AUC':>5}",
    ]
    for result in results:
        for part in result.parts:
            spans, e2e, gold = part.spans_exact, part.end_to_end, part.gold_spans
            lines.append(
                f"{result.corpus:<10} {part.part:<5} {part.articles:>4}  "
                f"{spans.precision:5.3f} {spans.recall:5.3f} {spans.f1:5.3f}  "
                f"{part.spans_overlap.f1:6.3f}  "
                f"{e2e.accuracy:7.3f} {e2e.median_km:6.0f} {e2e.mean_km:6.0f} {e2e.auc:5.3f}  "
                f"{gold.accuracy:8.3f} {gold.median_km:6.0f} {gold.mean_km:6.0f} {gold.auc:5.3f}"
            )
    for result in results:
        whole = result.parts[0]
        note = (
            f"{result.corpus}: {whole.spans_exact.gold} gold spans scored, "
            f"{whole.gold_spans.scored} with coordinates; "
            f"{whole.spans_exact.ignored} predictions matched an unscored type"
        )
        if result.corpus == GWN:
            note += f"; every toponym type: F1 {whole.spans_every_type.f1:.3f}"
        note += f"; gold offsets realigned {result.realigned}, dropped {result.dropped}"
        lines.append(note)
    return "\n".join(lines)


def format_failures(result: GeoEvalResult, limit: int) -> str:
    """The gold-span answers farther than 161 km, worst first (up to ``limit``)."""
    worst = sorted(result.failures, key=lambda a: (-a.error_km, a.article, a.start))[:limit]
    lines = [f"{result.corpus}: {len(result.failures)} toponyms placed beyond {WITHIN_KM:.0f} km"]
    for answer in worst:
        chosen = f"{answer.name} ({answer.country})" if answer.name else "unresolved"
        lines.append(
            f"  {answer.article} {answer.start}-{answer.end} {answer.text!r} -> {chosen}: "
            f"{answer.error_km:.0f} km"
        )
    return "\n".join(lines)


# ------------------------------------------------------------------ JSON
def render_geo_json(results: Sequence[GeoEvalResult]) -> str:
    data = {
        "definitions": {
            "within_km": WITHIN_KM,
            "max_error_km": MAX_ERROR_KM,
            "auc": "trapezoid area under sorted ln(1+km)/ln(max_error_km), 0 best, 1 worst",
            "unanswered": "a gold toponym not recognised or not resolved counts max_error_km",
        },
        "corpora": [_result_json(result) for result in results],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_geo_json(results: Sequence[GeoEvalResult], path: Path) -> None:
    try:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(render_geo_json(results))
    except OSError as error:
        raise FrontwatchError(
            f"{path}: cannot write the report: {error.strerror or error}"
        ) from error


def _result_json(result: GeoEvalResult) -> dict[str, object]:
    return {
        "corpus": result.corpus,
        "path": result.path,
        "gold_offsets_realigned": result.realigned,
        "gold_offsets_dropped": result.dropped,
        "parts": [_part_json(part) for part in result.parts],
        "gold_span_failures": [
            {
                "article": a.article,
                "start": a.start,
                "end": a.end,
                "text": a.text,
                "name": a.name,
                "country": a.country,
                "error_km": round(a.error_km, 1),
            }
            for a in result.failures
        ],
    }


def _part_json(part: GeoPartScore) -> dict[str, object]:
    return {
        "part": part.part,
        "articles": part.articles,
        "recognition": {
            "scored_types": "literal" if part.corpus == GWN else "all",
            "exact": _spans_json(part.spans_exact),
            "overlap": _spans_json(part.spans_overlap),
            "every_type_exact": _spans_json(part.spans_every_type),
        },
        "resolution": {
            "end_to_end": _resolution_json(part.end_to_end),
            "gold_spans": _resolution_json(part.gold_spans),
        },
    }


def _spans_json(score: SpanScore) -> dict[str, object]:
    return {
        "gold": score.gold,
        "predicted": score.predicted,
        "predicted_right": score.predicted_right,
        "gold_found": score.gold_found,
        "ignored": score.ignored,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def _resolution_json(score: ResolutionScore) -> dict[str, object]:
    return {
        "scored": score.scored,
        "answered": score.answered,
        "within": score.within,
        "accuracy": round(score.accuracy, 4),
        "median_km": round(score.median_km, 1),
        "mean_km": round(score.mean_km, 1),
        "auc": round(score.auc, 4),
    }
