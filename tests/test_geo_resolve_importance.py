"""Ranking namesakes: a small town does not beat a far more important place
of the same name on its country alone; the regions and places written
around a toponym, and the actors an article names, decide instead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import ToponymMention, find_toponyms
from frontwatch.models import GEO_NEAR, Place


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


@pytest.fixture(scope="module")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


def resolve(resolver: PlaceResolver, text: str, *names: str) -> dict[str, Place | None]:
    entities = [(text.index(n), text.index(n) + len(n), "GPE") for n in names]
    mentions = find_toponyms(text, entities, resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text)
    return {mention.text: place for mention, place in zip(mentions, places, strict=True)}


def where(place: Place | None) -> tuple[str, str | None, str] | None:
    return (place.country_code, place.admin1, place.feature) if place else None


def test_geo_resolve_importance_capital_not_small_namesake_of_focus_country(
    resolver: PlaceResolver,
) -> None:
    # The article names the US; Kabul is still Kabul, not Cabool, Missouri.
    places = resolve(resolver, "US officials said the blast at Kabul killed 13 US troops.", "Kabul")
    assert where(places["Kabul"]) == ("AF", "Kabul", "populated place")
    places = resolve(resolver, "Officials in Paris said the US would help.", "Paris", "US")
    assert where(places["Paris"]) == ("FR", "Ile-de-France", "populated place")


def test_geo_resolve_importance_region_written_picks_the_small_town(
    resolver: PlaceResolver,
) -> None:
    text = "A tornado hit Paris in Lamar County, Texas, on Monday."
    places = resolve(resolver, text, "Paris", "Lamar County", "Texas")
    assert where(places["Paris"]) == ("US", "Texas", "populated place")


def test_geo_resolve_importance_places_nearby_pick_the_namesake(
    resolver: PlaceResolver,
) -> None:
    # Edmonton in north London, beside Enfield and Tottenham, not Alberta's.
    text = "Police in Edmonton and Enfield said the Tottenham school closed."
    places = resolve(resolver, text, "Edmonton", "Enfield", "Tottenham")
    assert where(places["Edmonton"]) == ("GB", "England", "populated place")
    alone = resolve(resolver, "Police in Edmonton said the school closed.", "Edmonton")
    assert where(alone["Edmonton"]) == ("CA", "Alberta", "populated place")


def test_geo_resolve_importance_region_seated_in_its_namesake_is_the_town(
    resolver: PlaceResolver,
) -> None:
    places = resolve(resolver, "Prices rose in New York and in Chicago.", "New York", "Chicago")
    assert where(places["New York"]) == ("US", "New York", "populated place")
    # A national capital of the region's name: Washington, DC, not the state.
    places = resolve(resolver, "Talks in Washington ended on Friday.", "Washington")
    assert where(places["Washington"]) == ("US", "District of Columbia", "populated place")


def test_geo_resolve_importance_region_without_a_seat_of_its_name_is_the_region(
    resolver: PlaceResolver,
) -> None:
    # The towns named Delaware lie in Ohio and Ontario; Quebec City is a small
    # part of Quebec: a bare name means the region.
    text = "Delaware will vote on Tuesday, officials in the US said."
    places = resolve(resolver, text, "Delaware")
    assert where(places["Delaware"]) == ("US", "Delaware", "admin1")
    places = resolve(resolver, "Floods hit Quebec on Monday.", "Quebec")
    assert where(places["Quebec"]) == ("CA", "Quebec", "admin1")


def test_geo_resolve_importance_alternate_names_are_no_rivals(resolver: PlaceResolver) -> None:
    # Hefei is also written "Haifa"; a village of the exact name is not
    # outweighed by a city that only shares its key.
    assert where(resolve(resolver, "Protesters marched in Haifa.", "Haifa")["Haifa"]) == (
        "IL",
        "Haifa",
        "populated place",
    )
    luhanske = resolve(resolver, "Shelling was heard near Luhanske.", "Luhanske")["Luhanske"]
    assert luhanske is not None and luhanske.name == "Luhanske"


def test_geo_resolve_importance_actor_countries_weigh_like_demonyms(
    resolver: PlaceResolver,
) -> None:
    text = "Fighters clashed in Tripoli on Sunday."
    mention = ToponymMention("Tripoli", text.index("Tripoli"), text.index("Tripoli") + 7)
    (bare,) = resolver.resolve_article([mention], text=text)
    assert bare is not None and bare.country_code == "LY"
    (with_actor,) = resolver.resolve_article([mention], text=text, actor_countries=["Lebanon"])
    assert with_actor is not None and with_actor.country_code == "LB"
    # Codes work as names do; an unknown country is no evidence.
    (by_code,) = resolver.resolve_article([mention], text=text, actor_countries=["LB", "Qwzx"])
    assert by_code is not None and by_code.country_code == "LB"


def test_geo_resolve_importance_qualified_names(resolver: PlaceResolver) -> None:
    armenia = resolver.resolve_name("Republic of Armenia")
    assert armenia is not None and (armenia.country_code, armenia.feature) == ("AM", "country")
    north = resolve(resolver, "Riots spread across North London.", "North London")["North London"]
    assert north is not None and (north.name, north.country_code) == ("London", "GB")
    assert north.geo_precision == GEO_NEAR
    assert resolver.resolve_name("Northern Qwzxabad") is None
