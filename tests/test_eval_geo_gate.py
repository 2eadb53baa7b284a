"""The geoparsing gate: the geoparser on fixed slices of GeoWebNews and
TR-News must stay at or above every committed floor
(src/frontwatch/eval/geo_floors.json), which only ever go up. Needs
../shared (skips with the reason where it is absent)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import shared_path
from frontwatch.eval.geo_corpus import load_geo_corpus, slice_articles
from frontwatch.eval.geo_eval import evaluate_corpus
from frontwatch.eval.geo_report import (
    GEO_GATED,
    check_geo_floors,
    format_geo_table,
    load_geo_floors,
)
from frontwatch.geo.geoparse import Geoparser
from frontwatch.settings import load_settings

CORPORA = {"GWN": "GWN.xml", "TR-News": "TR-News.xml"}


@pytest.fixture(scope="module")
def geoparser() -> Iterator[Geoparser]:
    parser = Geoparser.open(load_settings())
    yield parser
    parser.close()


def test_eval_geo_gate_floors_cover_both_corpora_and_every_metric() -> None:
    floors = load_geo_floors()
    assert set(floors.slices) == set(CORPORA)
    for corpus in CORPORA:
        assert set(floors.floors[corpus]) == set(GEO_GATED)
        assert all(0.0 < value <= 1.0 for value in floors.floors[corpus].values())


@pytest.mark.parametrize("corpus_name", sorted(CORPORA))
def test_eval_geo_gate_slice_at_or_above_floors(geoparser: Geoparser, corpus_name: str) -> None:
    floors = load_geo_floors()
    corpus = load_geo_corpus(shared_path("eval", "geo", CORPORA[corpus_name]))
    assert corpus.name == corpus_name
    chosen = floors.slices[corpus_name]
    articles = slice_articles(corpus.articles, size=chosen.size, seed=chosen.seed)
    assert len(articles) == chosen.size
    result = evaluate_corpus(corpus, geoparser, articles)
    below = check_geo_floors(result.parts[0], floors.floors[corpus_name])
    assert not below, "\n".join([*below, format_geo_table([result])])
