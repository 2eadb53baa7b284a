"""The place an event is coded at: the sentence's place that the text puts
the event in, the article's region, else its country."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.event_places import (
    ArticlePlaces,
    LocatedPlaces,
    PlaceNote,
    sentence_places,
)
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.models import GEO_EXACT, GEO_NEAR, GEO_REGION, Place
from frontwatch.pipeline import Pipeline
from samples_events import make_article


@pytest.fixture(scope="module")
def article_places() -> Iterator[ArticlePlaces]:
    with Gazetteer.open() as gazetteer:
        yield ArticlePlaces(gazetteer)


def place(
    name: str, start: int, precision: int = GEO_EXACT, feature: str = "populated place"
) -> Place:
    return Place(
        name=name,
        latitude=0.0,
        longitude=0.0,
        country="Syria",
        country_code="SY",
        admin1="Idleb",
        feature=feature,
        geo_precision=precision,
        matched_text=name,
        start=start,
        end=start + len(name),
    )


@pytest.mark.parametrize(
    ("places", "notes", "expected"),
    [
        # A place the event passed through or came from is not its place.
        (
            [place("Saraqib", 10), place("Ariha", 40)],
            {10: PlaceNote("from", unit=False), 40: PlaceNote("in", unit=False)},
            "Ariha",
        ),
        # The unit a place is written in stands behind that place.
        (
            [place("Idleb", 10, GEO_REGION, "admin1"), place("Binnish", 40, GEO_REGION)],
            {10: PlaceNote(None, unit=True), 40: PlaceNote("in", unit=False)},
            "Binnish",
        ),
        # A place before a region; a place the event is "in" before a bare one.
        (
            [place("Idleb", 5, GEO_REGION, "admin1"), place("Sarmin", 20), place("Taftanaz", 50)],
            {5: PlaceNote("in", False), 20: PlaceNote(None, False), 50: PlaceNote("near", False)},
            "Taftanaz",
        ),
        # Without notes: the most precise, then the first.
        ([place("Idleb", 5, GEO_REGION, "admin1"), place("Sarmin", 20, GEO_NEAR)], {}, "Sarmin"),
    ],
)
def test_geo_event_places_choice_sentence_place(
    places: list[Place], notes: dict[int, PlaceNote], expected: str
) -> None:
    located = LocatedPlaces(places, notes) if notes else places
    main, others = sentence_places(located, start=0, end=100)
    assert main is not None and main.name == expected
    assert expected not in [other.name for other in others]


def test_geo_event_places_choice_claim_source_holds_no_place() -> None:
    located = [place("London", 5), place("Ariha", 40)]
    main, _ = sentence_places(located, start=0, end=100, excluded=[(0, 20)])
    assert main is not None and main.name == "Ariha"


def test_geo_event_places_choice_region_then_country(article_places: ArticlePlaces) -> None:
    located = [place("Binnish", 10), place("Ariha", 40)]
    region = article_places.region_place(located, "SY")
    assert region is not None
    assert (region.feature, region.admin1, region.geo_precision) == ("admin1", "Idleb", GEO_REGION)
    country = article_places.region_place([], "YE")
    assert country is not None
    assert (country.feature, country.country, country.geo_precision) == (
        "country",
        "Yemen",
        GEO_REGION,
    )
    assert article_places.region_place([], None) is None


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        ("Gunmen opened fire near the checkpoint.", ["Yemen"], "YE"),
        ("Gunmen opened fire near the checkpoint.", ["YE"], "YE"),
        ("Protests against the US dollar rate went on.", [], None),
        ("US-backed fighters shelled a village in Syria.", [], "SY"),
        # A named country outweighs a foreign actor's demonym.
        ("Turkish drones struck a village in Syria.", [], "SY"),
    ],
)
def test_geo_event_places_choice_focus_country(
    article_places: ArticlePlaces, text: str, actors: list[str], expected: str | None
) -> None:
    code, _ = article_places.focus_country(text, [], actor_countries=actors)
    assert code == expected


def test_geo_event_places_choice_towns_outweigh_a_country_named_as_modifier(
    article_places: ArticlePlaces,
) -> None:
    text = (
        "US officials said the blast near Idlib killed two. US commanders and "
        "US diplomats met. Residents of Idlib and Saraqib fled."
    )
    us = Place(
        name="United States",
        latitude=39.8,
        longitude=-98.6,
        country="United States",
        country_code="US",
        feature="country",
        geo_precision=GEO_REGION,
        matched_text="US",
    )
    located = [us, place("Idlib", 40), us, us, place("Idlib", 100), place("Saraqib", 110)]
    code, _ = article_places.focus_country(text, located, actor_countries=["United States"])
    assert code == "SY"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The town of the sentence before, in the same paragraph.
        (
            "On 7 May 2020, in Barra Mansa, Rio de Janeiro, police officers went to a "
            "neighbourhood after a tip on drug sales. Gunmen fired at them and a "
            "shoot-out followed.",
            ("Barra Mansa", GEO_EXACT),
        ),
        # A new paragraph starts a new story: the article's region.
        (
            "On 7 May 2020, in Barra Mansa, Rio de Janeiro, police officers went to a "
            "neighbourhood after a tip on drug sales.\n\nGunmen fired at them and a "
            "shoot-out followed.",
            ("Rio de Janeiro", GEO_REGION),
        ),
        # A road between two towns names neither as where things happened.
        (
            "On 7 May 2020, lorry drivers drove from Barra Mansa to Volta Redonda, "
            "Rio de Janeiro. Gunmen fired at them and a shoot-out followed.",
            ("Rio de Janeiro", GEO_REGION),
        ),
    ],
)
def test_geo_event_places_choice_place_told_before(
    pipeline: Pipeline, text: str, expected: tuple[str, int]
) -> None:
    events = [
        e
        for e in pipeline.process(make_article(text))
        if e.flags.is_event and e.provenance[0].sentence.startswith("Gunmen")
    ]
    assert events and events[0].place is not None
    assert (events[0].place.name, events[0].place.geo_precision) == expected
