"""Geoparsing metrics: span precision/recall/F1 (exact and overlapping,
unscored types left out of precision), errors with misses counted as the
largest error, accuracy within 161 km, median, mean and AUC."""

from __future__ import annotations

import math

import pytest

from frontwatch.eval.geo_score import (
    MAX_ERROR_KM,
    Answer,
    error_auc,
    great_circle_km,
    resolution_score,
    span_score,
)


def test_eval_geo_score_spans_exact_and_overlapping() -> None:
    gold = [(0, 5), (10, 20), (30, 35)]
    predicted = [(0, 5), (12, 20), (40, 44)]
    exact = span_score(gold, predicted, exact=True)
    assert (exact.gold, exact.predicted, exact.predicted_right, exact.gold_found) == (3, 3, 1, 1)
    assert exact.precision == pytest.approx(1 / 3)
    assert exact.recall == pytest.approx(1 / 3)
    overlap = span_score(gold, predicted, exact=False)
    assert (overlap.predicted_right, overlap.gold_found) == (2, 2)
    assert overlap.f1 == pytest.approx(2 / 3)


def test_eval_geo_score_unscored_types_left_out_of_precision() -> None:
    literal = [(0, 5)]
    associative = [(10, 16)]
    score = span_score(literal, [(0, 5), (10, 16), (20, 25)], exact=True, unscored=associative)
    assert (score.predicted, score.predicted_right, score.ignored) == (2, 1, 1)
    assert score.precision == 0.5 and score.recall == 1.0
    total = score + span_score([(1, 2)], [], exact=True)
    assert (total.gold, total.gold_found, total.ignored) == (2, 1, 1)


def test_eval_geo_score_nothing_predicted_is_zero_not_an_error() -> None:
    score = span_score([(0, 4)], [], exact=True)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_eval_geo_score_great_circle_distance() -> None:
    # Damascus - Aleppo, about 310 km; a quarter of the equator.
    assert great_circle_km(33.51, 36.29, 36.20, 37.16) == pytest.approx(310, abs=10)
    assert great_circle_km(0, 0, 0, 90) == pytest.approx(10_007.5, abs=1)


def _answer(error_degrees: float | None) -> Answer:
    latitude = None if error_degrees is None else 0.0
    longitude = None if error_degrees is None else error_degrees
    return Answer("a", 0, 1, "x", 0.0, 0.0, "x", "XX", latitude, longitude)


def test_eval_geo_score_resolution_counts_misses_as_the_largest_error() -> None:
    # 0 km, ~111 km, ~556 km, and one not answered.
    answers = [_answer(0.0), _answer(1.0), _answer(5.0), _answer(None)]
    score = resolution_score(answers)
    assert (score.scored, score.answered, score.within) == (4, 3, 2)
    assert score.accuracy == 0.5
    assert score.median_km == pytest.approx((111.2 + 556.0) / 2, abs=1)
    assert score.mean_km == pytest.approx((0 + 111.2 + 556.0 + MAX_ERROR_KM) / 4, abs=1)
    assert 0 < score.auc < 1


def test_eval_geo_score_auc_bounds_and_trapezoid() -> None:
    assert error_auc([0.0, 0.0]) == 0.0
    assert error_auc([MAX_ERROR_KM, MAX_ERROR_KM * 2]) == 1.0
    heights = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in (10.0, 100.0, 1000.0)]
    expected = ((heights[0] + heights[1]) / 2 + (heights[1] + heights[2]) / 2) / 2
    assert error_auc([1000.0, 10.0, 100.0]) == pytest.approx(expected)
    assert resolution_score([]).scored == 0
