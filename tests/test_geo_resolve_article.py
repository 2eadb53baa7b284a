"""Resolving an article's toponyms to places, with context deciding."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import ToponymMention, find_toponyms
from frontwatch.models import GEO_EXACT, GEO_NEAR, GEO_REGION, Place


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


@pytest.fixture(scope="module")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)


def km(place: Place, latitude: float, longitude: float) -> float:
    mean = math.radians((place.latitude + latitude) / 2)
    dx = math.radians(place.longitude - longitude) * math.cos(mean)
    dy = math.radians(place.latitude - latitude)
    return 6371.0 * math.hypot(dx, dy)


def resolve(
    resolver: PlaceResolver, text: str, names: tuple[str, ...], country_hint: str | None = None
) -> dict[str, Place | None]:
    entities = []
    for name in names:
        start = text.index(name)
        entities.append((start, start + len(name), "GPE"))
    mentions = find_toponyms(text, entities, resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text, country_hint=country_hint)
    assert len(places) == len(mentions)
    return {mention.text: place for mention, place in zip(mentions, places, strict=True)}


def test_geo_resolve_article_sukhna_near_in_homs_province(resolver: PlaceResolver) -> None:
    text = (
        "Earlier this week, the army encircled the militants near al-Sukhna town in Homs province."
    )
    places = resolve(resolver, text, ("al-Sukhna", "Homs"), country_hint="SY")
    sukhna = places["al-Sukhna"]
    assert sukhna is not None
    assert (sukhna.name, sukhna.country, sukhna.country_code) == ("As Sukhnah", "Syria", "SY")
    assert km(sukhna, 34.885, 38.871) < 5
    assert sukhna.admin1 == "Homs"
    assert sukhna.geo_precision == GEO_NEAR
    assert (sukhna.matched_text, text[sukhna.start : sukhna.end]) == ("al-Sukhna", "al-Sukhna")
    homs = places["Homs"]
    assert homs is not None
    assert (homs.feature, homs.admin1, homs.geo_precision) == ("admin1", "Homs", GEO_REGION)
    assert 0.0 < sukhna.score <= 1.0


def test_geo_resolve_article_sukhna_without_cue_is_exact(resolver: PlaceResolver) -> None:
    text = "The army secured al-Sukhna this month."
    place = resolve(resolver, text, ("al-Sukhna",), country_hint="SY")["al-Sukhna"]
    assert place is not None
    assert place.name == "As Sukhnah"
    assert km(place, 34.885, 38.871) < 5
    assert place.geo_precision == GEO_EXACT


def test_geo_resolve_article_admin_context_picks_the_namesake(resolver: PlaceResolver) -> None:
    # As Sukhnah exists in Syria and in Yemen; the province named after it decides.
    text = "Militants attacked al-Sukhna in Hudaydah governorate."
    place = resolve(resolver, text, ("al-Sukhna", "Hudaydah"))["al-Sukhna"]
    assert place is not None
    assert place.country_code == "YE"


@pytest.mark.parametrize(
    ("text", "name", "hint", "country", "latitude", "longitude"),
    [
        ("Iraqi forces raided a house in Mosul.", "Mosul", None, "IQ", 36.34, 43.12),
        ("Russian shelling hit Kharkiv overnight.", "Kharkiv", None, "UA", 49.98, 36.25),
        ("Shelling hit Kharkov overnight.", "Kharkov", "UA", "UA", 49.98, 36.25),
        ("The RSF shelled El Fasher again.", "El Fasher", "SD", "SD", 13.63, 25.35),
        ("Jihadists attacked an army post in Gao.", "Gao", "ML", "ML", 16.27, -0.04),
        ("Insurgents fired rockets at Maiduguri.", "Maiduguri", None, "NG", 11.85, 13.16),
        ("Houthi forces advanced on Marib.", "Marib", "YE", "YE", 15.46, 45.33),
        ("Airstrikes hit Sanaa at dawn.", "Sanaa", "YE", "YE", 15.35, 44.21),
        ("Airstrikes hit Sanaa at dawn.", "Sanaa", None, "YE", 15.35, 44.21),
    ],
)
def test_geo_resolve_article_known_places(
    resolver: PlaceResolver,
    text: str,
    name: str,
    hint: str | None,
    country: str,
    latitude: float,
    longitude: float,
) -> None:
    place = resolve(resolver, text, (name,), country_hint=hint)[name]
    assert place is not None
    assert place.country_code == country
    assert place.feature == "populated place"
    assert km(place, latitude, longitude) < 25


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militias clashed in Tripoli after the Libyan government's ultimatum.", "LY"),
        ("Militias clashed in Tripoli, the second city of Lebanon.", "LB"),
        ("Militias clashed in Tripoli. Lebanese soldiers deployed.", "LB"),
        ("Militias clashed in Tripoli, near Misrata and Zawiya.", "LY"),
    ],
)
def test_geo_resolve_article_tripoli_by_context(
    resolver: PlaceResolver, text: str, country: str
) -> None:
    place = resolve(resolver, text, ("Tripoli",))["Tripoli"]
    assert place is not None
    assert place.country_code == country


def test_geo_resolve_article_country_and_region_precision(resolver: PlaceResolver) -> None:
    text = "Fighting spread across Syria and into Idlib governorate."
    places = resolve(resolver, text, ("Syria", "Idlib"))
    syria, idlib = places["Syria"], places["Idlib"]
    assert syria is not None and idlib is not None
    assert (syria.feature, syria.geo_precision, syria.country) == ("country", GEO_REGION, "Syria")
    assert (idlib.feature, idlib.geo_precision) == ("admin1", GEO_REGION)


def test_geo_resolve_article_unknown_names_are_none_and_keep_order(
    resolver: PlaceResolver,
) -> None:
    text = "Gunmen raided Qwzxvillage, then Mosul."
    mentions = [
        ToponymMention("Qwzxvillage", 14, 25, "in", None),
        ToponymMention("Mosul", 32, 37, "in", None),
        ToponymMention("", 0, 0, None, None),
    ]
    places = resolver.resolve_article(mentions, text=text, country_hint="IQ")
    assert places[0] is None
    assert places[1] is not None and places[1].name == "Mosul"
    assert places[2] is None


def test_geo_resolve_article_small_place_abroad_is_not_taken(resolver: PlaceResolver) -> None:
    # "Kelly" is only a US village; in an article about Syria it is a gap of
    # the gazetteer, not a reference to North Carolina.
    text = "Shelling hit Kelly, east of Deir ez-Zor, on Monday."
    places = resolve(resolver, text, ("Kelly", "Deir ez-Zor"), country_hint="SY")
    assert places["Kelly"] is None
    assert places["Deir ez-Zor"] is not None
    assert places["Deir ez-Zor"].country_code == "SY"


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Clashes broke out in Mosul.", GEO_EXACT),
        ("Clashes broke out in the city of Mosul.", GEO_EXACT),
        ("Clashes broke out near Mosul.", GEO_NEAR),
        ("Clashes broke out 10 km south of Mosul.", GEO_NEAR),
        ("Clashes broke out on the outskirts of Mosul.", GEO_NEAR),
        ("Clashes broke out in the Mosul countryside.", GEO_NEAR),
        ("Clashes broke out in Mosul district.", GEO_NEAR),
    ],
)
def test_geo_resolve_article_precision_follows_the_cue(
    resolver: PlaceResolver, text: str, precision: int
) -> None:
    place = resolve(resolver, text, ("Mosul",), country_hint="IQ")["Mosul"]
    assert place is not None
    assert place.name == "Mosul"
    assert place.geo_precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on rural Hama.",
        "Shells fell on the Hama countryside.",
        "Shells hit Hama province.",
    ],
)
def test_geo_resolve_article_rural_names_the_province(resolver: PlaceResolver, text: str) -> None:
    place = resolve(resolver, text, ("Hama",), country_hint="SY")["Hama"]
    assert place is not None
    assert place.feature == "admin1"
    assert place.geo_precision == GEO_REGION


@pytest.mark.parametrize("text", ["Shells fell on rural Damascus.", "The Damascus countryside."])
def test_geo_resolve_article_rural_province_of_that_name(
    resolver: PlaceResolver, text: str
) -> None:
    place = resolve(resolver, text, ("Damascus",), country_hint="SY")["Damascus"]
    assert place is not None
    assert (place.name, place.feature) == ("Rural Damascus", "admin1")


def test_geo_resolve_article_country_abbreviation(resolver: PlaceResolver) -> None:
    text = "The envoy flew from Tripoli to the US on Monday."
    place = resolve(resolver, text, ("US",))["US"]
    assert place is not None
    assert (place.feature, place.country_code, place.geo_precision) == ("country", "US", 3)


def test_geo_resolve_article_facility_named_after_a_place(resolver: PlaceResolver) -> None:
    text = "Shelling damaged Donetsk Airport Terminal overnight."
    place = resolve(resolver, text, ("Donetsk Airport Terminal",))["Donetsk Airport Terminal"]
    assert place is not None
    assert (place.name, place.country_code) == ("Donetsk", "UA")
    assert place.geo_precision == GEO_NEAR
