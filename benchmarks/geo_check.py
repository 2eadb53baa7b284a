"""Geoparsing scores on GeoWebNews and TR-News: the toponyms frontwatch
locates in an article (``ArticlePlaces.locate``) against the gold spans and
coordinates. Recognition: precision, recall and F1 on overlapping spans;
resolution: share of gold toponyms with coordinates that are recognised and
placed within 161 km (100 miles), and the median error of those recognised.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from benchmarks.corpus import BenchArticle
from frontwatch.geo.event_places import ArticlePlaces

WITHIN_KM = 161.0
EARTH_KM = 6371.0


@dataclass(frozen=True, slots=True)
class GeoScore:
    gold: int  # gold toponym spans
    predicted: int  # located toponyms
    predicted_right: int  # located toponyms overlapping a gold span
    gold_found: int  # gold spans overlapped by a located toponym
    with_coordinates: int  # gold toponyms that have coordinates
    within: int  # ... recognised and placed within WITHIN_KM
    median_km: float | None  # error of the recognised ones

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

    @property
    def accuracy(self) -> float:
        return self.within / self.with_coordinates if self.with_coordinates else 0.0

    def line(self) -> str:
        median = f"{self.median_km:.0f} km" if self.median_km is not None else "-"
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}, "
            f"within {WITHIN_KM:.0f} km {self.accuracy:.3f} "
            f"({self.within}/{self.with_coordinates}), median error {median}"
        )


def geo_score(
    articles: Sequence[BenchArticle],
    docs: Sequence[Doc],
    places: ArticlePlaces,
    *,
    ranges: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> GeoScore:
    """Scores over ``articles`` parsed as ``docs``; with ``ranges``, only the
    gold and located toponyms that start inside each article's ranges."""
    gold = predicted = predicted_right = gold_found = with_coordinates = within = 0
    errors: list[float] = []
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        keep = ranges[index] if ranges is not None else [(0, len(article.text))]

        def inside(start: int, keep: Sequence[tuple[int, int]] = keep) -> bool:
            return any(low <= start < high for low, high in keep)

        located = [
            p for p in places.locate(article.text, doc) if p.start is not None and p.end is not None
        ]
        located = [p for p in located if inside(p.start or 0)]
        spans = [span for span in article.gold_spans if inside(span[0])]
        gold += len(spans)
        predicted += len(located)
        predicted_right += sum(
            any(_overlap(p.start or 0, p.end or 0, s, e) for s, e in spans) for p in located
        )
        gold_found += sum(
            any(_overlap(p.start or 0, p.end or 0, s, e) for p in located) for s, e in spans
        )
        for toponym in article.toponyms:
            if not inside(toponym.start):
                continue
            with_coordinates += 1
            hits = [
                p for p in located if _overlap(p.start or 0, p.end or 0, toponym.start, toponym.end)
            ]
            if not hits:
                continue
            error = min(
                _km(p.latitude, p.longitude, toponym.latitude, toponym.longitude) for p in hits
            )
            errors.append(error)
            within += error <= WITHIN_KM
    return GeoScore(
        gold=gold,
        predicted=predicted,
        predicted_right=predicted_right,
        gold_found=gold_found,
        with_coordinates=with_coordinates,
        within=within,
        median_km=statistics.median(errors) if errors else None,
    )


def _overlap(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
