"""Geoparsing gold corpora: GeoWebNews (``GWN.xml``) and TR-News
(``TR-News.xml``) read as articles with their gold toponyms.

Both are XML files of ``<article>`` elements holding the article text and
``<toponym>`` elements with character offsets into it. The format is told by
the toponyms: GeoWebNews writes ``<extractedName>``, ``<type>`` and
``<latitude>``/``<longitude>``; TR-News writes ``<phrase>`` and a
``<gaztag>`` with ``<lat>``/``<lon>``.

GeoWebNews types a toponym by its use (Gritta et al. 2019, Table 1). Five types
are *literal* (the text means the place itself): Literal, Literal_Modifier,
Mixed, Coercion, Embedded_Literal; six are *associative* (a government, a
people, a language, ...): Metonymic, Non_Literal_Modifier, Embedded_Non_Lit,
Demonym, Language, Homonym. Non_Toponym and the two Expression types are
annotation aids, not toponyms. TR-News toponyms are all counted.

A few gold offsets do not match the text they name (text changes after
annotation: GeoWebNews' offsets into the title line, which the XML text lacks;
TR-News offsets shifted by a character or two). An offset whose text differs
is moved to the nearest occurrence of the name within ``REALIGN_WINDOW``
characters; one that cannot be is dropped. Both are counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import InputError

GWN, TR_NEWS = "GWN", "TR-News"
LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"})
ASSOCIATIVE_TYPES = frozenset(
    {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Language", "Homonym"}
)
TOPONYM_TYPES = LITERAL_TYPES | ASSOCIATIVE_TYPES
REALIGN_WINDOW = 60
# Share of each corpus's articles in the dev part (chosen by a hash of the id).
DEV_SEED = "frontwatch-geo-dev"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int  # character offsets into the article text
    end: int
    text: str
    latitude: float | None
    longitude: float | None
    geonameid: int | None = None
    kind: str | None = None  # GeoWebNews type ("Literal", "Metonymic", ...); None in TR-News

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def literal(self) -> bool:
        """Counted for the literal span score: every TR-News toponym, and
        the literal types of GeoWebNews."""
        return self.kind is None or self.kind in LITERAL_TYPES

    @property
    def toponym(self) -> bool:
        """A toponym at all (GeoWebNews' annotation aids are not)."""
        return self.kind is None or self.kind in TOPONYM_TYPES


@dataclass(frozen=True, slots=True)
class GeoArticle:
    corpus: str  # GWN | TR-News
    article_id: str  # "GWN:12", "TR-News:1040001"
    text: str
    toponyms: tuple[GoldToponym, ...]
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None

    def toponym_spans(self, *, literal_only: bool = False) -> list[tuple[int, int]]:
        """Distinct spans of the gold toponyms (of the literal ones)."""
        spans = {
            (t.start, t.end) for t in self.toponyms if t.toponym and (t.literal or not literal_only)
        }
        return sorted(spans)

    def located(self) -> list[GoldToponym]:
        """The gold toponyms with coordinates, one per distinct span."""
        seen: dict[tuple[int, int], GoldToponym] = {}
        for toponym in self.toponyms:
            if toponym.toponym and toponym.has_coordinates:
                seen.setdefault((toponym.start, toponym.end), toponym)
        return [seen[key] for key in sorted(seen)]


@dataclass(frozen=True, slots=True)
class GeoCorpus:
    name: str  # GWN | TR-News
    path: str
    articles: tuple[GeoArticle, ...]
    realigned: int = 0  # gold offsets moved to where their name is written
    dropped: int = 0  # gold offsets that could not be matched to their name


def load_geo_corpus(path: Path) -> GeoCorpus:
    """Read a GeoWebNews or TR-News XML file (the format is detected)."""
    origin = str(path)
    try:
        root = ET.parse(path).getroot()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", origin=origin) from error
    except ET.ParseError as error:
        raise InputError(f"not well-formed XML: {error}", origin=origin) from error
    nodes = list(root.iter("article"))
    if not nodes:
        raise InputError("no <article> elements: not a geoparsing corpus", origin=origin)
    name = detect_format(root)
    if name is None:
        raise InputError(
            "neither GeoWebNews (<extractedName>, <type>) nor TR-News (<phrase>, <gaztag>) "
            "toponyms found",
            origin=origin,
        )
    articles: list[GeoArticle] = []
    realigned = dropped = 0
    for number, node in enumerate(nodes):
        text = node.findtext("text") or ""
        if not text.strip():
            continue
        key = node.get("file") or node.get("docid") or str(number)
        toponyms: list[GoldToponym] = []
        for element in node.iter("toponym"):
            toponym, moved = _toponym(element, text, name)
            if toponym is None:
                dropped += 1
                continue
            realigned += moved
            toponyms.append(toponym)
        articles.append(
            GeoArticle(
                corpus=name,
                article_id=f"{name}:{key}",
                text=text,
                toponyms=tuple(sorted(toponyms, key=lambda t: (t.start, t.end))),
                title=_stripped(node.findtext("title")),
                url=_stripped(node.findtext("url") or node.findtext("link")),
                published=_date(node.findtext("dltime")),
            )
        )
    return GeoCorpus(name, origin, tuple(articles), realigned, dropped)


def detect_format(root: ET.Element) -> str | None:
    """GWN or TR-News from the first toponym's fields; None for neither."""
    for toponym in root.iter("toponym"):
        if toponym.find("extractedName") is not None:
            return GWN
        if toponym.find("phrase") is not None:
            return TR_NEWS
    return None


def _toponym(element: ET.Element, text: str, corpus: str) -> tuple[GoldToponym | None, bool]:
    """The gold toponym of ``element`` and whether its offsets were moved."""
    if corpus == GWN:
        name = element.findtext("extractedName") or ""
        latitude, longitude = element.findtext("latitude"), element.findtext("longitude")
        geonameid = element.findtext("geonamesID")
        kind: str | None = (element.findtext("type") or "").strip() or None
    else:
        name = element.findtext("phrase") or ""
        latitude, longitude = element.findtext("gaztag/lat"), element.findtext("gaztag/lon")
        tag = element.find("gaztag")
        geonameid = tag.get("geonameid") if tag is not None else None
        kind = None
    try:
        start, end = int(element.findtext("start") or ""), int(element.findtext("end") or "")
    except ValueError:
        return None, False
    span = _aligned(text, name, start, end)
    if span is None:
        return None, False
    return (
        GoldToponym(
            start=span[0],
            end=span[1],
            text=text[span[0] : span[1]],
            latitude=_float(latitude),
            longitude=_float(longitude),
            geonameid=int(geonameid) if geonameid and geonameid.strip().isdigit() else None,
            kind=kind,
        ),
        span != (start, end),
    )


def _aligned(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of ``name`` in ``text``: the given offsets when they
    match, else the nearest whole-word occurrence within the window."""
    if 0 <= start < end <= len(text) and text[start:end] == name:
        return start, end
    if not name.strip() or start < 0:
        return None
    low, high = max(0, start - REALIGN_WINDOW), min(len(text), end + REALIGN_WINDOW)
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    found = [m.start() for m in pattern.finditer(text, low, high)]
    if not found:
        return None
    best = min(found, key=lambda position: (abs(position - start), position))
    return best, best + len(name)


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _stripped(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _date(value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def is_dev(article: GeoArticle) -> bool:
    """Whether an article is in the dev part of its corpus (used for tuning);
    the rest is the test part, reported apart to show over-fitting. Half of
    each corpus, chosen by a hash of the article id."""
    digest = hashlib.sha256(f"{DEV_SEED}\0{article.article_id}".encode()).digest()
    return digest[0] < 128


def split_articles(
    articles: Sequence[GeoArticle],
) -> tuple[list[GeoArticle], list[GeoArticle]]:
    """(dev, test) parts, each in corpus order."""
    dev = [a for a in articles if is_dev(a)]
    test = [a for a in articles if not is_dev(a)]
    return dev, test


def slice_articles(articles: Sequence[GeoArticle], *, size: int, seed: str) -> list[GeoArticle]:
    """A fixed sample of ``size`` articles in corpus order: those whose hash
    of ``seed`` and id ranks lowest (the same on every machine)."""
    if size < 0:
        raise ValueError(f"slice size must be 0 or more, not {size}")
    ranked = sorted(articles, key=lambda a: (_rank(seed, a.article_id), a.article_id))
    chosen = {a.article_id for a in ranked[:size]}
    return [a for a in articles if a.article_id in chosen]


def _rank(seed: str, article_id: str) -> str:
    return hashlib.sha256(f"{seed}\0{article_id}".encode()).hexdigest()
