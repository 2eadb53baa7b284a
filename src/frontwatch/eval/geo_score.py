"""Geoparsing scores: recognition on spans, resolution on coordinates.

Recognition: precision, recall and F1 of the predicted toponym spans against
the gold ones, *exact* (same start and end) and *overlap* (any shared
character). Where only some gold types are scored (GeoWebNews' literal
toponyms), a prediction that matches a gold toponym of another type is left
out of precision: telling a literal "Syria" from a metonymic one is not asked.

Resolution, over the gold toponyms that have coordinates: the great-circle
error between the gold point and the predicted one. A toponym the system did
not recognise or could not resolve counts as the largest possible error,
``MAX_ERROR_KM`` (half the Earth's circumference), so abstaining never
helps. Reported: accuracy within 161 km (100 miles), median and mean error
in km, and the AUC of Gritta et al. (2018): the area under the curve of the
sorted errors, each as ln(1 + km) / ln(MAX_ERROR_KM) (clipped to 1), over a
unit-wide x axis by the trapezoid rule. 0 is perfect, 1 the worst.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

WITHIN_KM = 161.0
MAX_ERROR_KM = 20039.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class SpanScore:
    gold: int  # gold spans scored
    predicted: int  # predicted spans counted in precision
    predicted_right: int  # ... that match a scored gold span
    gold_found: int  # scored gold spans matched by a prediction
    ignored: int = 0  # predictions matching only a gold toponym of an unscored type

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: SpanScore) -> SpanScore:
        return SpanScore(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.predicted_right + other.predicted_right,
            self.gold_found + other.gold_found,
            self.ignored + other.ignored,
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """What the system said about one gold toponym with coordinates."""

    article: str
    start: int
    end: int
    text: str
    gold_latitude: float
    gold_longitude: float
    name: str | None = None  # the place chosen; None: not recognised or not resolved
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    recognised: bool = True  # False: no predicted toponym overlaps the gold span

    @property
    def error_km(self) -> float:
        if self.latitude is None or self.longitude is None:
            return MAX_ERROR_KM
        distance = great_circle_km(
            self.gold_latitude, self.gold_longitude, self.latitude, self.longitude
        )
        return min(distance, MAX_ERROR_KM)

    @property
    def answered(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True, slots=True)
class ResolutionScore:
    scored: int  # gold toponyms with coordinates
    answered: int  # ... given a place
    within: int  # ... within WITHIN_KM
    median_km: float
    mean_km: float
    auc: float

    @property
    def accuracy(self) -> float:
        return self.within / self.scored if self.scored else 0.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def span_score(
    gold: Sequence[tuple[int, int]],
    predicted: Sequence[tuple[int, int]],
    *,
    exact: bool,
    unscored: Sequence[tuple[int, int]] = (),
) -> SpanScore:
    """Recognition counts of one article. ``unscored``: gold toponyms of the
    types left out; a prediction matching one of them (and no scored one)
    is not counted."""
    gold_set = sorted(set(gold))
    other = sorted(set(unscored) - set(gold_set))

    def matches(span: tuple[int, int], target: tuple[int, int]) -> bool:
        return span == target if exact else overlaps(span, target)

    counted = right = ignored = 0
    for span in sorted(set(predicted)):
        if any(matches(span, g) for g in gold_set):
            counted += 1
            right += 1
        elif any(matches(span, o) for o in other):
            ignored += 1
        else:
            counted += 1
    found = sum(any(matches(span, g) for span in predicted) for g in gold_set)
    return SpanScore(len(gold_set), counted, right, found, ignored)


def resolution_score(answers: Sequence[Answer]) -> ResolutionScore:
    errors = sorted(answer.error_km for answer in answers)
    if not errors:
        return ResolutionScore(0, 0, 0, 0.0, 0.0, 0.0)
    return ResolutionScore(
        scored=len(errors),
        answered=sum(answer.answered for answer in answers),
        within=sum(error <= WITHIN_KM for error in errors),
        median_km=statistics.median(errors),
        mean_km=statistics.fmean(errors),
        auc=error_auc(errors),
    )


def error_auc(errors: Sequence[float]) -> float:
    """Area under the sorted normalised log-error curve (see the module doc)."""
    heights = sorted(min(1.0, math.log1p(error) / math.log(MAX_ERROR_KM)) for error in errors)
    if len(heights) == 1:
        return heights[0]
    area = sum((low + high) / 2 for low, high in itertools.pairwise(heights))
    return area / (len(heights) - 1)
