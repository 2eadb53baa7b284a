"""The benchmark's texts: real news from ``../shared`` (VOA stories, and the
article texts of the GeoWebNews and TR-News geoparsing corpora), with the
gold toponyms of the latter for the geo check."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.eval.geo_corpus import GoldToponym, load_geo_corpus
from frontwatch.ingest.readers import parse_published

VOA = ("corpus", "voa_stories.jsonl")
GEO = (("eval", "geo", "GWN.xml"), ("eval", "geo", "TR-News.xml"))
# --tiny: this many articles from each source.
TINY_PER_SOURCE = 3


@dataclass(frozen=True, slots=True)
class BenchArticle:
    source: str  # "voa", "GWN", "TR-News"
    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    toponyms: tuple[GoldToponym, ...] = ()  # geoparsing gold that has coordinates, one a span
    gold_spans: tuple[tuple[int, int], ...] = ()  # every gold toponym span

    @property
    def words(self) -> int:
        return len(self.text.split())


def load_corpus(shared: Path, *, tiny: bool = False) -> list[BenchArticle]:
    """Every article with a text, VOA first, in file order."""
    per_source = TINY_PER_SOURCE if tiny else None
    articles = _voa(shared.joinpath(*VOA))[:per_source]
    for parts in GEO:
        articles += _geo(shared.joinpath(*parts))[:per_source]
    return articles


def _voa(path: Path) -> list[BenchArticle]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record.get("text") or "")
            if not text.strip():
                continue
            articles.append(
                BenchArticle(
                    source="voa",
                    origin=f"{path.name}:{number}",
                    text=text,
                    title=record.get("title"),
                    url=record.get("url"),
                    published=_date(record.get("published")),
                )
            )
    return articles


def _geo(path: Path) -> list[BenchArticle]:
    """The articles of a geoparsing corpus, read by the library's reader
    (``frontwatch.eval.geo_corpus``: format detection, offset realignment)."""
    corpus = load_geo_corpus(path)
    return [
        BenchArticle(
            source=corpus.name,
            origin=article.article_id,
            text=article.text,
            title=article.title,
            url=article.url,
            published=article.published,
            toponyms=tuple(article.located()),
            gold_spans=tuple(article.toponym_spans()),
        )
        for article in corpus.articles
    ]


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_published(value.strip())
    except (InputError, ValueError):
        return None
