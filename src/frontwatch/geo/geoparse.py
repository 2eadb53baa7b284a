"""Geoparsing: the toponyms of a text and the place each one means.

The same toponym finder and resolver place events in the pipeline
(``event_places``); here every toponym is reported, with its character
offsets into the text exactly as given (line ends, accents and all), so that
``text[start:end]`` is what was matched. Demonyms ("Syrian") are reported as
their country, marked as such.

Given spans (``resolve_spans``) skip the finding: each span is read with the
words around it ("Homs province", "near X") and resolved with the others of
its text as context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language

from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.geo.continents import Continent, continent, continent_spans, is_continent_adjective
from frontwatch.geo.country_words import demonym_country, demonym_spans, is_demonym
from frontwatch.geo.cues import (
    ADMIN1,
    COUNTRY,
    NEAR_CUES,
    clean_span,
    cue_context,
    designator_cue,
    is_near_cue,
    split_designator,
)
from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.geoparse_infer import infer_places
from frontwatch.geo.resolve import PlaceResolver, facility_word, region_place
from frontwatch.geo.toponyms import ToponymMention, find_toponyms, names_country
from frontwatch.geo.unit_points import unit_point
from frontwatch.models import GEO_REGION, Place
from frontwatch.settings import Settings

OTHER = "other"  # feature of a toponym that is no country, region or town (a continent)


@dataclass(frozen=True, slots=True)
class ParsedToponym:
    """One toponym of a text and the place it was resolved to: None when no
    gazetteer place fits and the article names none to place it near
    (``inferred`` when it was placed near one)."""

    article: str  # file path or id of the text
    start: int  # character offsets into the text as given
    end: int
    text: str  # text[start:end]
    place: Place | None
    demonym: bool = False  # a demonym ("Syrian") standing for its country
    # The name matches no gazetteer place: placed near the town written
    # closest to it (else the article's main region or country).
    inferred: bool = False

    def record(self) -> dict[str, object]:
        """The JSON Lines record (see the README, "Geoparsing")."""
        place = self.place
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "latitude": round(place.latitude, 5) if place else None,
            "longitude": round(place.longitude, 5) if place else None,
            "feature": place.feature if place else None,
            "admin1": place.admin1 if place else None,
            "country": place.country_code if place else None,
            "score": place.score if place else None,
            "precision": place.geo_precision if place else None,
            "demonym": self.demonym,
            "inferred": self.inferred,
        }


@dataclass(frozen=True, slots=True)
class GeoText:
    """A text to geoparse and the id it is reported under."""

    article: str
    text: str


class Geoparser:
    """Finds and resolves toponyms with a spaCy pipeline (for its named
    entities) and the gazetteer. ``demonyms``: also report demonyms as
    their country. ``actors``: the actor dictionary whose named actors
    hint at the countries of a text ("Hezbollah": Lebanon).
    ``infer_unknown``: place a name no gazetteer place fits, or a doubtful
    one, near the town written closest to it
    (:func:`~frontwatch.geo.geoparse_infer.infer_places`), else leave it
    as resolved."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        nlp: Language,
        *,
        demonyms: bool = True,
        batch_size: int = 16,
        actors: ActorDictionary | None = None,
        infer_unknown: bool = True,
    ) -> None:
        self.gazetteer = gazetteer
        self.nlp = nlp
        self.resolver = PlaceResolver(gazetteer)
        self.demonyms = demonyms
        self.batch_size = batch_size
        self.actors = actors
        self.infer_unknown = infer_unknown
        self._actor_cache: tuple[str, list[str]] = ("", [])

    @classmethod
    def open(cls, settings: Settings, **options: Any) -> Geoparser:
        """The spaCy pipeline and gazetteer the extraction pipeline uses."""
        from frontwatch.nlp.spacy_model import load_model

        nlp = load_model(settings.model)
        options.setdefault("actors", ActorDictionary.load())
        return cls(Gazetteer.open(settings.home / "gazetteer.sqlite"), nlp, **options)

    def close(self) -> None:
        self.gazetteer.close()

    def parse(self, text: str, article: str = "") -> list[ParsedToponym]:
        return self.parse_many([GeoText(article, text)])[0]

    def parse_many(self, texts: Sequence[GeoText]) -> list[list[ParsedToponym]]:
        """The toponyms of each text, in text order."""
        docs = self.nlp.pipe((t.text for t in texts), batch_size=self.batch_size)
        return [
            self.parse_entities(item, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
            for item, doc in zip(texts, docs, strict=True)
        ]

    def parse_entities(
        self, item: GeoText, entities: Sequence[tuple[int, int, str]]
    ) -> list[ParsedToponym]:
        """The toponyms of a text whose named entities are known
        ((start, end, label) as spaCy gives them)."""
        text = item.text
        people = _person_names(text, entities)
        mentions = [
            m
            for m in find_toponyms(text, entities, self.gazetteer, modifiers=True)
            if m.text not in people or _placed_by_context(m)
        ]
        places = self.resolver.resolve_article(
            mentions, text=text, actor_countries=self._actor_countries(text)
        )
        kept = [
            (m, place)
            for m, place in zip(mentions, places, strict=True)
            if place is not None or _placed_by_context(m) or _facility_of_place(m, self.gazetteer)
        ]
        placed = self._infer([m for m, _ in kept], [place for _, place in kept])
        found = [
            self._reported(
                item, m.start, _name_end(text, m.end), m.text, place, demonym=False, inferred=guess
            )
            for (m, _), (place, guess) in zip(kept, placed, strict=True)
        ]
        if self.demonyms:
            taken = [(m.start, m.end) for m in mentions]
            words = [(s, e) for s, e, _code in demonym_spans(text)]
            words += [(s, e) for s, e, _continent in continent_spans(text)]
            for start, end in sorted(words):
                if not any(start < e and s < end for s, e in taken):
                    taken.append((start, end))
                    name = text[start:end]
                    found.append(self._reported(item, start, end, name, None, demonym=True))
        return sorted(found, key=lambda t: (t.start, t.end))

    def resolve_spans(self, item: GeoText, spans: Iterable[tuple[int, int]]) -> list[ParsedToponym]:
        """Resolve given toponym spans of a text (no finding), one result per
        span in the order given. Offsets must lie inside the text."""
        text = item.text
        given = list(spans)
        for start, end in given:
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {start}-{end} is outside the text (0-{len(text)})")
        mentions = [mention_for_span(text, start, end, self.gazetteer) for start, end in given]
        # Demonyms and continents stand for themselves; the names are
        # resolved together, each the context of the others.
        names = [i for i, m in enumerate(mentions) if not _stands_alone(m)]
        places: list[Place | None] = [None] * len(given)
        resolved = self.resolver.resolve_article(
            [mentions[i] for i in names], text=text, actor_countries=self._actor_countries(text)
        )
        inferred: set[int] = set()
        filled = self._infer([mentions[i] for i in names], resolved)
        for index, (place, guess) in zip(names, filled, strict=True):
            places[index] = place
            if guess:
                inferred.add(index)
        return [
            self._reported(
                item,
                start,
                end,
                mention.text,
                place,
                demonym=_is_demonym_mention(mention),
                inferred=index in inferred,
            )
            for index, ((start, end), mention, place) in enumerate(
                zip(given, mentions, places, strict=True)
            )
        ]

    def _infer(
        self, mentions: Sequence[ToponymMention], places: Sequence[Place | None]
    ) -> list[tuple[Place | None, bool]]:
        if not self.infer_unknown:
            return [(place, False) for place in places]
        return infer_places(mentions, places)

    def _actor_countries(self, text: str) -> list[str]:
        """The country of each named, not generic, actor of the text."""
        if self.actors is None:
            return []
        if self._actor_cache[0] == text:  # the text just found is often resolved next
            return self._actor_cache[1]
        countries = self.actors.homes(text)[0]
        self._actor_cache = (text, countries)
        return countries

    def _reported(
        self,
        item: GeoText,
        start: int,
        end: int,
        name: str,
        place: Place | None,
        *,
        demonym: bool,
        inferred: bool = False,
    ) -> ParsedToponym:
        """The toponym text[start:end] (read as ``name``) as reported: a
        continent, a demonym's country, or the resolved place with a region
        at its own point (``unit_points``), not at its biggest town."""
        text = item.text
        found = continent(name)
        if found is not None:
            place = _continent_place(found, start, end, text[start:end])
            demonym = is_continent_adjective(name)
        elif demonym or (place is None and is_demonym(name)):
            code = demonym_country(name)
            entry = self.gazetteer.country(code) if code is not None else None
            place = country_place(entry, start, end, text[start:end]) if entry else None
            demonym = True
        if place is not None and place.feature in (COUNTRY, ADMIN1):
            point = unit_point(
                place.country_code, place.admin1 if place.feature == ADMIN1 else None
            )
            if point is not None:
                place = replace(place, latitude=point[0], longitude=point[1])
        return ParsedToponym(item.article, start, end, text[start:end], place, demonym, inferred)


# Capitalised designators that are part of the name they follow: a toponym
# is reported with them ("Barren County", "New York City"), though it is
# looked up without.
_NAME_PART_AFTER = re.compile(r"\s+(?:County|City|Township|Parish|Borough)\b")


def _person_names(text: str, entities: Sequence[tuple[int, int, str]]) -> frozenset[str]:
    """The words of the article's full person names ("John Kelly"): the same
    word alone is that person ("Kelly said"), not a place of that name,
    unless a locative cue says otherwise."""
    words: set[str] = set()
    for start, end, label in entities:
        parts = text[start:end].split()
        if label == "PERSON" and len(parts) > 1:
            words.update(parts)
            words.add(" ".join(parts))
    return frozenset(words)


def _name_end(text: str, end: int) -> int:
    part = _NAME_PART_AFTER.match(text, end)
    return part.end() if part else end


# Cues after which an unknown name is a place ("in Qwzxabad", "near X").
_PLACING_CUES = frozenset({"in", "at", "near", "outside", "inside", "into", "outskirts of"})


def _facility_of_place(mention: ToponymMention, gazetteer: Gazetteer) -> bool:
    """Whether a name no place of the article was found for is a street,
    hospital or other facility named after a place ("College Street",
    "St. Michael's Hospital"): a place of the story all the same, to be
    put near its town, even where the place it is named after is only a
    hamlet abroad."""
    words = mention.text.split()
    return (
        len(words) > 1 and facility_word(words[-1]) and bool(gazetteer.lookup(" ".join(words[:-1])))
    )


def _placed_by_context(mention: ToponymMention) -> bool:
    """Whether the text makes a name no gazetteer place fits a place all the
    same: a locative cue before it, a designator ("X district"), or a
    continent. A bare unknown name the tagger took for a place is more often
    a person or a company ("Wedbush", "Noma")."""
    if mention.kind_hint is not None or continent(mention.text) is not None:
        return True
    return mention.cue is not None and (mention.cue in _PLACING_CUES or is_near_cue(mention.cue))


def _is_demonym_mention(mention: ToponymMention) -> bool:
    return mention.kind_hint == COUNTRY and is_demonym(mention.text)


def _stands_alone(mention: ToponymMention) -> bool:
    return _is_demonym_mention(mention) or continent(mention.text) is not None


def _continent_place(found: Continent, start: int, end: int, matched: str) -> Place:
    return Place(
        name=found.name,
        latitude=found.latitude,
        longitude=found.longitude,
        country="",
        country_code="",
        feature=OTHER,
        geonameid=found.geonameid,
        population=found.population,
        geo_precision=GEO_REGION,
        matched_text=matched,
        start=start,
        end=end,
        score=1.0,
    )


def mention_for_span(text: str, start: int, end: int, gazetteer: Gazetteer) -> ToponymMention:
    """A toponym mention for a given span, read as the finder reads its own:
    without "the" and a possessive, a designator inside it split off ("Homs
    province" -> Homs, an admin1), the cues around it, a demonym or a
    country name taken as the country."""
    inner_start, inner_end = clean_span(text, start, end)
    if inner_end <= inner_start:
        inner_start, inner_end = start, end
    inner_start, inner_end, word = split_designator(text, inner_start, inner_end, gazetteer)
    cue, kind = cue_context(text, inner_start, inner_end)
    inner_cue, inner_kind = designator_cue(word)
    if inner_cue is not None and cue not in NEAR_CUES:
        cue = inner_cue
    kind = inner_kind or kind
    name = text[inner_start:inner_end]
    if kind is None and (demonym_country(name) is not None or names_country(name, gazetteer)):
        kind = COUNTRY
    return ToponymMention(name, inner_start, inner_end, cue, kind)


def country_place(entry: GazetteerEntry, start: int, end: int, matched: str) -> Place:
    """A country entry as the place of a toponym."""
    place = region_place(entry, feature=COUNTRY, score=1.0)
    return replace(place, matched_text=matched, start=start, end=end)
