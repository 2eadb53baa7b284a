"""A unit written after a place says which country it is in: the country
where one of the unit's readings holds a reading of the place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


def countries(resolver: PlaceResolver, text: str, names: tuple[str, ...]) -> dict[str, str]:
    entities = []
    for name in names:
        start = text.index(name)
        entities.append((start, start + len(name), "GPE"))
    mentions = find_toponyms(text, entities, resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text)
    return {
        m.text: p.country_code for m, p in zip(mentions, places, strict=True) if p is not None
    }


@pytest.mark.parametrize(
    ("text", "names", "unit", "country"),
    [
        # Niger the state of Nigeria, not the country: Bida lies in it.
        ("Floods displaced families of Bida (Niger) last week.", ("Bida", "Niger"), "Niger", "NG"),
        # Colon of Panama holds the city of Colon; Honduras' department does not.
        ("A ferry docked at Colon (Colon) after the storm.", ("Colon",), "Colon", "PA"),
    ],
)
def test_geo_resolve_unit_country_follows_the_place_inside(
    resolver: PlaceResolver, text: str, names: tuple[str, ...], unit: str, country: str
) -> None:
    assert countries(resolver, text, names)[unit] == country


def test_geo_resolve_unit_country_hamlet_inside_does_not_decide(
    resolver: PlaceResolver,
) -> None:
    # Bolivia's El Alto is missing from the gazetteer; an Argentine hamlet of
    # the name must not move La Paz out of Bolivia.
    text = "Vendors of El Alto, La Paz department, counted their losses after the storm."
    assert countries(resolver, text, ("El Alto", "La Paz"))["La Paz"] == "BO"


def test_geo_resolve_unit_country_list_of_cities_is_no_unit(resolver: PlaceResolver) -> None:
    text = "The ranking compares Ottawa, Montreal, Quebec City and Halifax."
    found = countries(resolver, text, ("Ottawa", "Montreal", "Quebec City", "Halifax"))
    assert len(found) == 4 and set(found.values()) == {"CA"}
