"""A spelling variant found only through the vowel-blind key is trusted
without any country evidence when it matches one big town, and only
inside the article's countries otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import find_toponyms
from frontwatch.models import Place


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


def resolve(resolver: PlaceResolver, text: str, names: tuple[str, ...]) -> dict[str, Place | None]:
    entities = []
    for name in names:
        start = text.index(name)
        entities.append((start, start + len(name), "GPE"))
    mentions = find_toponyms(text, entities, resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text)
    return {m.text: p for m, p in zip(mentions, places, strict=True)}


def test_geo_resolve_loose_alone_big_town_of_a_variant_spelling(resolver: PlaceResolver) -> None:
    place = resolve(resolver, "Teachers marched in Nasriyah on Sunday.", ("Nasriyah",))["Nasriyah"]
    assert place is not None and place.country_code == "IQ"


def test_geo_resolve_loose_alone_not_against_the_article_country(
    resolver: PlaceResolver,
) -> None:
    text = "Teachers marched in Nasriyah on Sunday, Peruvian radio said from Lima."
    assert resolve(resolver, text, ("Nasriyah", "Lima"))["Nasriyah"] is None
