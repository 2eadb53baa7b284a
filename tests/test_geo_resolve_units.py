"""A place written with the unit it lies in: the unit narrows its
namesakes and stands in for it when the gazetteer lacks it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import find_toponyms
from frontwatch.models import GEO_EXACT, GEO_NEAR, GEO_REGION, Place


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


def places(resolver: PlaceResolver, text: str, *entities: str) -> dict[str, Place]:
    spans = []
    for name in entities:
        start = text.index(name)
        spans.append((start, start + len(name), "GPE"))
    mentions = find_toponyms(text, spans, resolver.gazetteer)
    resolved = resolver.resolve_article(mentions, text=text)
    return {m.text: p for m, p in zip(mentions, resolved, strict=True) if p is not None}


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1", "feature", "precision"),
    [
        # A village the gazetteer lacks, coded at the region in brackets.
        ("Gunmen seized a truck in Qwzxabad (Kidal).", "Qwzxabad", "ML", "Kidal", "admin1", 3),
        # ... or at the district, near it.
        (
            "Mortars fell in Qwzxabad village (Salh district, Taizz) overnight.",
            "Qwzxabad",
            "YE",
            "Taizz",
            "admin2",
            GEO_NEAR,
        ),
        # A namesake abroad is not taken when the region is written beside it.
        (
            "Shells fell near Sosnovskoye, Donetsk, at dawn.",
            "Sosnovskoye",
            "UA",
            "Donetsk",
            None,
            3,
        ),
        # "X district, Province": the province decides between districts.
        (
            "A checkpoint in Dawlat Abad district, Balkh, was attacked.",
            "Dawlat Abad",
            "AF",
            "Balkh",
            None,
            None,
        ),
        # A state abbreviation is not an ISO country code.
        (
            "Farmers protested in Qwzxpur town (Erode, TN) on Friday.",
            "Qwzxpur",
            "IN",
            "Tamil Nadu",
            None,
            None,
        ),
        # A known town inside the unit keeps its own point.
        ("Militants attacked al-Sukhna (Hudaydah) at night.", "al-Sukhna", "YE", None, None, 1),
    ],
)
def test_geo_resolve_units_place_lies_in_its_unit(
    resolver: PlaceResolver,
    text: str,
    name: str,
    country: str,
    admin1: str | None,
    feature: str | None,
    precision: int | None,
) -> None:
    place = places(resolver, text)[name]
    assert place.country_code == country
    assert place.matched_text == name
    if admin1 is not None:
        assert place.admin1 == admin1
    if feature is not None:
        assert place.feature == feature
    if precision is not None:
        assert place.geo_precision == precision


def test_geo_resolve_units_district_name_is_a_district(resolver: PlaceResolver) -> None:
    place = places(resolver, "Airstrikes hit Nihm district on Sunday.")["Nihm"]
    assert (place.feature, place.country_code, place.admin1) == ("admin2", "YE", "Sanaa")
    assert place.geo_precision == GEO_NEAR


def test_geo_resolve_units_two_capitals_are_not_units(resolver: PlaceResolver) -> None:
    found = places(resolver, "Clashes broke out in Homs, Hama, on Friday.", "Homs", "Hama")
    assert (found["Homs"].name, found["Homs"].feature) == ("Homs", "populated place")
    assert found["Homs"].geo_precision == GEO_EXACT


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Protests against the high US dollar rate went on in Sidon.", "US"),
        ("Workers gathered outside the Justice Palace in Sidon.", "Justice"),
        ("Members of the DOE union marched in Athens.", "DOE"),
        # An armed group's acronym that folds to a region's code ("AS", Assam).
        ("Gunmen attacked AAS positions in Idleb countryside.", "AAS"),
        # A bridge named after a town abroad, in a story about Lebanon.
        ("Drivers blocked the road at the Palma bridge near Sidon, Lebanese media said.", "Palma"),
    ],
)
def test_geo_resolve_units_words_that_are_not_places(
    resolver: PlaceResolver, text: str, absent: str
) -> None:
    found = places(resolver, text, *(["US"] if absent == "US" else []))
    assert absent not in found
    assert any(place.country_code in ("LB", "GR", "SY") for place in found.values())


def test_geo_resolve_units_names_of_one_country_explain_each_other(
    resolver: PlaceResolver,
) -> None:
    # Tripoli is in Libya and in Lebanon; Sidon only in Lebanon.
    found = places(resolver, "Rioters clashed with soldiers in Tripoli and Sidon.", "Tripoli")
    assert found["Tripoli"].country_code == "LB"
    assert found["Sidon"].country_code == "LB"


def test_geo_resolve_units_region_fallback_precision(resolver: PlaceResolver) -> None:
    place = places(resolver, "A shell landed in Qwzxabad in Idleb countryside.")["Qwzxabad"]
    assert (place.country_code, place.admin1, place.geo_precision) == ("SY", "Idleb", GEO_REGION)


def test_geo_resolve_units_municipality_pinned_by_its_state(resolver: PlaceResolver) -> None:
    """A town written with a state it does not lie in is that state's
    namesake, even when the big namesake is also a municipality."""
    found = places(resolver, "In Monterrey, Hidalgo, a man was found dead.", "Monterrey", "Hidalgo")
    assert (found["Monterrey"].country_code, found["Monterrey"].admin1) == ("MX", "Hidalgo")


def test_geo_resolve_units_list_of_cities_is_no_chain_of_units(resolver: PlaceResolver) -> None:
    text = "Rallies were held in Vancouver, Calgary, Edmonton, Saskatoon, Winnipeg and Toronto."
    found = places(resolver, text, "Vancouver", "Calgary", "Edmonton", "Saskatoon")
    # each city where it is (only the first, "Vancouver", is still read as
    # lying in the next one: the old comma rule, see the notes)
    assert found["Calgary"].admin1 == "Alberta"
    assert found["Edmonton"].admin1 == "Alberta"


def test_geo_resolve_units_a_country_lies_in_no_unit(resolver: PlaceResolver) -> None:
    """ "in Russia, U.S. officials said": with country modifiers kept as
    toponyms (as `frontwatch geoparse` keeps them), Russia is still the
    country, not a village called Russia in the United States."""
    text = "The probe covered his dealings in Russia, U.S. officials said on Wednesday."
    spans = [(text.index(n), text.index(n) + len(n), "GPE") for n in ("Russia", "U.S.")]
    mentions = find_toponyms(text, spans, resolver.gazetteer, modifiers=True)
    assert [m.text for m in mentions] == ["Russia", "U.S."]
    russia = resolver.resolve_article(mentions, text=text)[0]
    assert russia is not None
    assert (russia.country_code, russia.feature) == ("RU", "country")


def test_geo_resolve_units_short_names_get_no_vowel_blind_match(resolver: PlaceResolver) -> None:
    """ "Oahu" and "Ohio" share the consonant skeleton "h": too little to
    go on; a longer name may still be matched by its skeleton."""
    text = "American surfers gathered on Oahu, far from the United States mainland."
    mentions = find_toponyms(text, [(text.index("Oahu"), text.index("Oahu") + 4, "GPE")],
                             resolver.gazetteer)  # fmt: skip
    oahu = resolver.resolve_article(mentions, text=text)[0]
    assert oahu is None or oahu.admin1 != "Ohio"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("WASHINGTON (AP) - Officials in London and Manchester said the British plan stood.", "US"),
        ("WASHINGTON Christopher Steele worked in London for the British service.", "US"),
    ],
)
def test_geo_resolve_units_dateline_is_the_well_known_city(
    resolver: PlaceResolver, text: str, country: str
) -> None:
    """A dateline city standing alone is the well-known one, whatever
    country the story is about."""
    spans = [(0, 10, "GPE")] + [
        (text.index(n), text.index(n) + len(n), "GPE") for n in ("London",) if n in text
    ]
    mentions = find_toponyms(text, spans, resolver.gazetteer)
    assert mentions[0].cue == "dateline"
    first = resolver.resolve_article(mentions, text=text)[0]
    assert first is not None and first.country_code == country


def test_geo_resolve_units_dateline_with_its_region_is_no_bare_dateline(
    resolver: PlaceResolver,
) -> None:
    text = "PARIS, Mo. - A local man was honoured on Monday."
    mentions = find_toponyms(text, [(0, 5, "GPE")], resolver.gazetteer)
    assert mentions[0].cue != "dateline"


def test_geo_resolve_units_short_dateline_is_no_acronym(resolver: PlaceResolver) -> None:
    """ "KABUL (Reuters) -": five capitals opening a text are a dateline."""
    text = "KABUL (Reuters) - Gunmen attacked a checkpoint on Monday."
    mentions = find_toponyms(text, [(0, 5, "GPE")], resolver.gazetteer)
    assert [(m.text, m.cue) for m in mentions] == [("KABUL", "dateline")]
    kabul = resolver.resolve_article(mentions, text=text)[0]
    assert kabul is not None and kabul.country_code == "AF"


def test_geo_resolve_units_facility_of_a_town_the_story_points_to(
    resolver: PlaceResolver,
) -> None:
    """A building named after a town stays that town's where anything in
    the story points to its country, even only a demonym."""
    text = "US officials in Tennessee and Afghan police said a bomb went off at the Kabul airport."
    found = places(resolver, text, "US", "Tennessee")
    assert found["Kabul"].country_code == "AF"


def test_geo_resolve_units_bare_county_in_its_country(resolver: PlaceResolver) -> None:
    """A big district news names bare ("Kent"), in a country the article
    points to, where no town or region bears the name."""
    text = (
        "The touring-car season opens in Kent in April, then moves to Leicestershire "
        "and Scotland."
    )
    found = places(resolver, text, "Kent", "Leicestershire", "Scotland")
    assert (found["Kent"].country_code, found["Kent"].feature) == ("GB", "admin2")


@pytest.mark.parametrize(
    "text",
    [
        # A county of a few thousand people is as likely a street or a word.
        "In Chicago, he ran to the subway platform at Grand and waved a knife.",
        # A big county abroad that nothing in the article points to.
        "Charles told reporters in Goma that fighting went on near Beni.",
    ],
)
def test_geo_resolve_units_bare_county_not_taken(resolver: PlaceResolver, text: str) -> None:
    name = "Grand" if "Grand" in text else "Charles"
    found = places(resolver, text, name)
    assert name not in found or found[name].feature != "admin2"
