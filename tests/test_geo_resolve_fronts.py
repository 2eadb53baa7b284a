"""Villages named by front-bound actors (monitors and militias of the Donbas
front) are sought in the actors' regions before namesakes elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import find_toponyms
from frontwatch.models import GEO_NEAR, Place

FRONTS = (("Ukraine", "Donetsk"), ("Ukraine", "Luhansk"))


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


def resolve_one(
    resolver: PlaceResolver, text: str, name: str, regions: tuple[tuple[str, str], ...]
) -> Place | None:
    start = text.index(name)
    mentions = find_toponyms(text, [(start, start + len(name), "GPE")], resolver.gazetteer)
    places, _units = resolver.resolve_with_units(
        mentions, text=text, actor_countries=["Ukraine"], actor_regions=regions
    )
    return {m.text: p for m, p in zip(mentions, places, strict=True)}[name]


@pytest.mark.parametrize(
    ("name", "admin1"),
    [
        # Namesakes elsewhere only (Odesa and Crimea): the front's main region.
        ("Viktorivka", "Donetsk"),
        # A namesake inside the front's regions wins over bigger ones elsewhere.
        ("Serhiivka", "Donetsk"),
        # A city elsewhere is that city.
        ("Odesa", "Odesa"),
    ],
)
def test_geo_resolve_fronts_village_sought_in_the_front(
    resolver: PlaceResolver, name: str, admin1: str
) -> None:
    text = f"Monitors recorded shelling near {name} overnight."
    place = resolve_one(resolver, text, name, FRONTS)
    assert place is not None
    assert (place.country_code, place.admin1) == ("UA", admin1)


def test_geo_resolve_fronts_unplaced_village_is_near_the_region(resolver: PlaceResolver) -> None:
    text = "Monitors recorded shelling near Viktorivka overnight."
    place = resolve_one(resolver, text, "Viktorivka", FRONTS)
    assert place is not None and place.geo_precision == GEO_NEAR


def test_geo_resolve_fronts_without_front_actors_namesake_stands(
    resolver: PlaceResolver,
) -> None:
    text = "Farmers met near Viktorivka on Sunday."
    place = resolve_one(resolver, text, "Viktorivka", ())
    assert place is not None and place.admin1 != "Donetsk"


def test_geo_resolve_fronts_unknown_village_after_a_cue_is_placed() -> None:
    # A village missing from the gazetteer, named only after "near", in an
    # article of a front-bound monitor: coded near the front's main region.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from frontwatch.geo.event_places import ArticlePlaces

    text = "Monitors recorded 12 explosions near Qwzxivka overnight."
    doc = Doc(Vocab(), words=text.split())
    with Gazetteer.open() as gazetteer:
        places = ArticlePlaces(gazetteer)
        located = places.locate(text, doc, actor_countries=["Ukraine"], actor_regions=FRONTS)
        alone = places.locate(text, doc, actor_countries=["Ukraine"])
    assert [(p.matched_text, p.admin1, p.geo_precision) for p in located] == [
        ("Qwzxivka", "Donetsk", GEO_NEAR)
    ]
    assert alone == []
