"""`frontwatch eval geo`: the geoparser run on a gold corpus and scored.

Two runs per article: *end to end* (the geoparser finds and resolves the
toponyms of the raw text, as ``frontwatch geoparse`` does) and *gold spans*
(it is given every gold toponym span and only resolves them, as
``frontwatch geoparse --spans`` does). Scores are given for the whole
corpus and for its dev and test parts (``geo_corpus.split_articles``): the
dev part is the one rules were tuned on, so a gap between the two shows
over-fitting.

Recognition is scored on GeoWebNews' literal toponyms and on every TR-News
toponym; for GeoWebNews the score on every toponym type is given too.
End-to-end resolution takes, for each gold toponym with coordinates, the
predicted toponym that overlaps it most (the first of equals).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.eval.geo_corpus import GWN, GeoArticle, GeoCorpus, GoldToponym, split_articles
from frontwatch.eval.geo_score import (
    WITHIN_KM,
    Answer,
    ResolutionScore,
    SpanScore,
    resolution_score,
    span_score,
)
from frontwatch.geo.geoparse import Geoparser, GeoText, ParsedToponym

PART_ALL, PART_DEV, PART_TEST = "all", "dev", "test"


@dataclass(frozen=True, slots=True)
class ArticleRun:
    """The geoparser's output on one gold article."""

    article: GeoArticle
    predicted: tuple[ParsedToponym, ...]  # end to end
    given: tuple[ParsedToponym, ...]  # the gold toponym spans resolved, in span order


@dataclass(frozen=True, slots=True)
class GeoPartScore:
    corpus: str
    part: str  # all | dev | test | slice
    articles: int
    spans_exact: SpanScore  # the scored toponyms (GWN: literal), exact spans
    spans_overlap: SpanScore  # ... overlapping spans
    spans_every_type: SpanScore  # every gold toponym type, exact spans
    end_to_end: ResolutionScore
    gold_spans: ResolutionScore


@dataclass(frozen=True, slots=True)
class Timing:
    toponyms_resolved: int  # toponyms resolved in both runs
    resolve_seconds: float  # time in finding and resolving them, named-entity tagging apart
    tagging_seconds: float  # spaCy's named-entity pass

    @property
    def ms_per_toponym(self) -> float:
        return (
            1000 * self.resolve_seconds / self.toponyms_resolved if self.toponyms_resolved else 0.0
        )


@dataclass(frozen=True, slots=True)
class GeoEvalResult:
    corpus: str
    path: str
    realigned: int  # gold offsets moved to where their name is written
    dropped: int  # gold offsets left out
    parts: tuple[GeoPartScore, ...]
    failures: tuple[Answer, ...]  # gold-span answers farther than WITHIN_KM, in text order
    timing: Timing | None = None  # not part of the JSON report (not deterministic)

    def part(self, name: str) -> GeoPartScore | None:
        return next((p for p in self.parts if p.part == name), None)


def run_articles(
    geoparser: Geoparser, articles: Sequence[GeoArticle]
) -> tuple[list[ArticleRun], Timing]:
    """Both runs over ``articles``, with their timing."""
    start = time.perf_counter()
    docs = list(geoparser.nlp.pipe((a.text for a in articles), batch_size=geoparser.batch_size))
    tagging = time.perf_counter() - start
    runs: list[ArticleRun] = []
    start = time.perf_counter()
    resolved = 0
    for article, doc in zip(articles, docs, strict=True):
        item = GeoText(article.article_id, article.text)
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        predicted = geoparser.parse_entities(item, entities)
        given = geoparser.resolve_spans(item, article.toponym_spans())
        resolved += len(predicted) + len(given)
        runs.append(ArticleRun(article, tuple(predicted), tuple(given)))
    return runs, Timing(resolved, time.perf_counter() - start, tagging)


def evaluate_corpus(
    corpus: GeoCorpus, geoparser: Geoparser, articles: Sequence[GeoArticle] | None = None
) -> GeoEvalResult:
    """Run and score ``articles`` of ``corpus`` (default: all of them),
    with the dev and test parts apart."""
    chosen = list(corpus.articles if articles is None else articles)
    runs, timing = run_articles(geoparser, chosen)
    return score_runs(corpus, runs, timing=timing)


def score_runs(
    corpus: GeoCorpus,
    runs: Sequence[ArticleRun],
    *,
    timing: Timing | None = None,
    part: str | None = None,
) -> GeoEvalResult:
    """Scores of ``runs``: as one part named ``part``, or (default) as the
    whole with its dev and test parts."""
    parts: tuple[GeoPartScore, ...]
    if part is not None:
        parts = (score_part(corpus.name, part, runs),)
    else:
        dev_articles, _test = split_articles([run.article for run in runs])
        dev_ids = {a.article_id for a in dev_articles}
        parts = (
            score_part(corpus.name, PART_ALL, runs),
            score_part(corpus.name, PART_DEV, [r for r in runs if r.article.article_id in dev_ids]),
            score_part(
                corpus.name, PART_TEST, [r for r in runs if r.article.article_id not in dev_ids]
            ),
        )
    failures = tuple(
        answer for run in runs for answer in gold_span_answers(run) if answer.error_km > WITHIN_KM
    )
    return GeoEvalResult(
        corpus.name, corpus.path, corpus.realigned, corpus.dropped, parts, failures, timing
    )


def score_part(corpus: str, part: str, runs: Sequence[ArticleRun]) -> GeoPartScore:
    exact = overlap = every = SpanScore(0, 0, 0, 0)
    end_to_end: list[Answer] = []
    given: list[Answer] = []
    literal_only = corpus == GWN
    for run in runs:
        article = run.article
        predicted = [(t.start, t.end) for t in run.predicted]
        scored = article.toponym_spans(literal_only=literal_only)
        every_span = article.toponym_spans()
        unscored = [span for span in every_span if span not in set(scored)]
        exact += span_score(scored, predicted, exact=True, unscored=unscored)
        overlap += span_score(scored, predicted, exact=False, unscored=unscored)
        every += span_score(every_span, predicted, exact=True)
        end_to_end += end_to_end_answers(run)
        given += gold_span_answers(run)
    return GeoPartScore(
        corpus=corpus,
        part=part,
        articles=len(runs),
        spans_exact=exact,
        spans_overlap=overlap,
        spans_every_type=every,
        end_to_end=resolution_score(end_to_end),
        gold_spans=resolution_score(given),
    )


def end_to_end_answers(run: ArticleRun) -> list[Answer]:
    """Per gold toponym with coordinates: the predicted toponym that
    overlaps it most."""
    answers = []
    for gold in run.article.located():
        best: ParsedToponym | None = None
        best_overlap = 0
        for predicted in run.predicted:
            shared = min(gold.end, predicted.end) - max(gold.start, predicted.start)
            if shared > best_overlap:
                best, best_overlap = predicted, shared
        answers.append(_answer(run.article, gold, best))
    return answers


def gold_span_answers(run: ArticleRun) -> list[Answer]:
    """Per gold toponym with coordinates: its resolution given the gold spans."""
    by_span = {(t.start, t.end): t for t in run.given}
    return [
        _answer(run.article, gold, by_span.get((gold.start, gold.end)))
        for gold in run.article.located()
    ]


def _answer(article: GeoArticle, gold: GoldToponym, predicted: ParsedToponym | None) -> Answer:
    place = predicted.place if predicted is not None else None
    return Answer(
        article=article.article_id,
        start=gold.start,
        end=gold.end,
        text=gold.text,
        gold_latitude=gold.latitude if gold.latitude is not None else 0.0,
        gold_longitude=gold.longitude if gold.longitude is not None else 0.0,
        name=place.name if place else None,
        country=place.country_code if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        recognised=predicted is not None,
    )
