"""Where a geoparsed toponym no gazetteer place fits is most likely to be.

A name the gazetteer lacks ("Royal Street", "Barclays Center", a
neighbourhood) is most often in or near a town the same article names; so
is a name that only a small town far from every other place of the article
matches ("Broadway" in an article about Manhattan is not a village of that
name hundreds of kilometres away). Such a toponym is placed near the town
written closest to it among the towns of the country the article's places
are in most often (not near a foreign capital the story quotes), else at the
region, else the country, the article's toponyms resolve to most often, with
precision 2 (3 at a region) and a low score, and marked as inferred.
Demonyms and continents stand for themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from frontwatch.geo.continents import continent
from frontwatch.geo.country_words import is_demonym
from frontwatch.geo.cues import ADMIN1, ADMIN2, COUNTRY, POPULATED_PLACE
from frontwatch.geo.distance import distance_km
from frontwatch.geo.toponyms import ToponymMention
from frontwatch.models import GEO_NEAR, GEO_REGION, Place

_TOWNS = frozenset({POPULATED_PLACE, ADMIN2})
_FOCAL_TIERS = (frozenset({ADMIN1}), frozenset({COUNTRY}))
_CONFIDENCE = 0.25  # an inferred place's score, as a share of the place's
# A town smaller than this, farther than _DOUBTFUL_KM from every other town
# of an article that names at least _DOUBTFUL_OTHERS others, is doubtful.
_DOUBTFUL_POPULATION = 20_000
_DOUBTFUL_KM = 500.0
_DOUBTFUL_OTHERS = 2


def infer_places(
    mentions: Sequence[ToponymMention], places: Sequence[Place | None]
) -> list[tuple[Place | None, bool]]:
    """Per mention: its place and whether that was inferred (see the module
    doc). ``places`` are the resolver's, in the order of ``mentions``."""
    towns = [
        (mention.start, place)
        for mention, place in zip(mentions, places, strict=True)
        if place is not None and place.feature in _TOWNS
    ]
    doubtful = [
        place is not None and _doubtful(mention, place, towns)
        for mention, place in zip(mentions, places, strict=True)
    ]
    sure = [
        (start, town)
        for start, town in towns
        if not any(doubt and town is place for doubt, place in zip(doubtful, places, strict=True))
    ]
    focal = None if sure else focal_place(places)
    # The towns of the country the article's places are in most often: an
    # unknown name in a story about Syria is not near a capital it quotes.
    countries = Counter(place.country_code for place in places if place is not None)
    home = countries.most_common(1)[0][0] if countries else None
    at_home = [(start, town) for start, town in sure if town.country_code == home] or sure
    result: list[tuple[Place | None, bool]] = []
    for mention, place, doubt in zip(mentions, places, doubtful, strict=True):
        if doubt or (place is None and not _stands_alone(mention)):
            near = min(at_home, key=lambda t: abs(t[0] - mention.start))[1] if sure else focal
            if near is not None:
                result.append((_near(near, mention), True))
                continue
        result.append((place, False))
    return result


def focal_place(places: Iterable[Place | None]) -> Place | None:
    """The region the most toponyms of an article resolve to, the first of
    equals; else, the same way, its country."""
    known = [place for place in places if place is not None]
    for features in _FOCAL_TIERS:
        counts: Counter[tuple[str, str, str | None]] = Counter()
        first: dict[tuple[str, str, str | None], Place] = {}
        for place in known:
            if place.feature in features:
                key = (place.name, place.country_code, place.admin1)
                counts[key] += 1
                first.setdefault(key, place)
        if counts:
            return first[counts.most_common(1)[0][0]]
    return None


def _stands_alone(mention: ToponymMention) -> bool:
    return is_demonym(mention.text) or continent(mention.text) is not None


def _doubtful(mention: ToponymMention, place: Place, towns: Sequence[tuple[int, Place]]) -> bool:
    """A small town far from all the other towns of its article, written
    without a designator that asks for a town ("X village")."""
    if place.feature != POPULATED_PLACE or place.population >= _DOUBTFUL_POPULATION:
        return False
    if mention.kind_hint is not None:
        return False
    others = [town for _start, town in towns if town.name != place.name]
    if len(others) < _DOUBTFUL_OTHERS:
        return False
    return min(distance_km(place, town) for town in others) > _DOUBTFUL_KM


def _near(place: Place, mention: ToponymMention) -> Place:
    return replace(
        place,
        geo_precision=GEO_NEAR if place.feature in _TOWNS else GEO_REGION,
        matched_text=mention.text,
        start=mention.start,
        end=mention.end,
        score=round(place.score * _CONFIDENCE, 3),
    )
