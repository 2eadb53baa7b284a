"""Geoparsing scores on GeoWebNews and TR-News for the throughput benchmark:
the toponyms frontwatch's event pipeline locates in an article
(``ArticlePlaces.locate``, on a full or a selective parse) against the gold.
The scoring is the library's (``frontwatch.eval.geo_score``, as
``frontwatch eval geo`` scores the geoparser): recognition on overlapping
spans over every gold toponym; resolution within 161 km over the gold
toponyms with coordinates, a missed one counting as the largest error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from benchmarks.corpus import BenchArticle
from frontwatch.eval.geo_corpus import GoldToponym
from frontwatch.eval.geo_score import (
    WITHIN_KM,
    Answer,
    ResolutionScore,
    SpanScore,
    resolution_score,
    span_score,
)
from frontwatch.geo.event_places import ArticlePlaces
from frontwatch.models import Place


@dataclass(frozen=True, slots=True)
class GeoScore:
    spans: SpanScore
    resolution: ResolutionScore

    def line(self) -> str:
        spans, resolution = self.spans, self.resolution
        return (
            f"P {spans.precision:.3f} R {spans.recall:.3f} F1 {spans.f1:.3f}, "
            f"within {WITHIN_KM:.0f} km {resolution.accuracy:.3f} "
            f"({resolution.within}/{resolution.scored}), median error "
            f"{resolution.median_km:.0f} km"
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
    spans = SpanScore(0, 0, 0, 0)
    answers: list[Answer] = []
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        keep = ranges[index] if ranges is not None else [(0, len(article.text))]

        def inside(start: int, keep: Sequence[tuple[int, int]] = keep) -> bool:
            return any(low <= start < high for low, high in keep)

        located = [
            p
            for p in places.locate(article.text, doc)
            if p.start is not None and p.end is not None and inside(p.start)
        ]
        predicted = [(p.start or 0, p.end or 0) for p in located]
        gold = [span for span in article.gold_spans if inside(span[0])]
        spans += span_score(gold, predicted, exact=False)
        for toponym in article.toponyms:
            if inside(toponym.start):
                answers.append(_answer(article, toponym, located))
    return GeoScore(spans, resolution_score(answers))


def _answer(article: BenchArticle, toponym: GoldToponym, located: Sequence[Place]) -> Answer:
    start, end = toponym.start, toponym.end
    best: Place | None = None
    best_overlap = 0
    for place in located:
        shared = min(end, place.end or 0) - max(start, place.start or 0)
        if shared > best_overlap:
            best, best_overlap = place, shared
    return Answer(
        article=article.origin,
        start=start,
        end=end,
        text=toponym.text,
        gold_latitude=toponym.latitude if toponym.latitude is not None else 0.0,
        gold_longitude=toponym.longitude if toponym.longitude is not None else 0.0,
        name=best.name if best else None,
        latitude=best.latitude if best else None,
        longitude=best.longitude if best else None,
        recognised=best is not None,
    )
