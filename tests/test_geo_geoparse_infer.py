"""Toponyms no gazetteer place fits, or only a far small town does, placed
near the town written closest to them (geoparser output only)."""

from __future__ import annotations

from frontwatch.geo.geoparse_infer import focal_place, infer_places
from frontwatch.geo.toponyms import ToponymMention
from frontwatch.models import GEO_NEAR, GEO_REGION, Place


def town(name: str, lat: float, lon: float, population: int = 500_000) -> Place:
    return Place(name, lat, lon, "United States", "US", population=population, score=0.9)


def mention(text: str, start: int, kind: str | None = None) -> ToponymMention:
    return ToponymMention(text, start, start + len(text), kind_hint=kind)


NEW_YORK = town("New York City", 40.71, -74.01, 8_800_000)
BROOKLYN = town("Brooklyn", 40.65, -73.95, 2_500_000)
CHICAGO = town("Chicago", 41.88, -87.63, 2_700_000)


def test_geo_geoparse_infer_unknown_name_near_the_closest_town() -> None:
    mentions = [mention("Chicago", 0), mention("Barclays Center", 100), mention("Brooklyn", 130)]
    result = infer_places(mentions, [CHICAGO, None, BROOKLYN])
    place, inferred = result[1]
    assert inferred and place is not None and place.name == "Brooklyn"
    assert place.geo_precision == GEO_NEAR and place.score < BROOKLYN.score
    assert (place.matched_text, place.start, place.end) == ("Barclays Center", 100, 115)
    assert result[0] == (CHICAGO, False) and result[2] == (BROOKLYN, False)


def test_geo_geoparse_infer_near_a_town_of_the_article_s_country() -> None:
    """An unknown name written beside a capital the story quotes is near a
    town of the country the story's places are in most."""
    moscow = Place("Moscow", 55.75, 37.62, "Russia", "RU", population=10_000_000, score=0.9)
    damascus = Place("Damascus", 33.51, 36.29, "Syria", "SY", population=1_600_000, score=0.9)
    homs = Place("Homs", 34.73, 36.71, "Syria", "SY", population=650_000, score=0.9)
    mentions = [
        mention("Damascus", 0),
        mention("Homs", 40),
        mention("Moscow", 200),
        mention("Eastern Ghouta", 215),
    ]
    place, inferred = infer_places(mentions, [damascus, homs, moscow, None])[3]
    assert inferred and place is not None and place.country_code == "SY"
    assert place.name == "Homs"  # of the Syrian towns, the one written closest


def test_geo_geoparse_infer_far_small_town_is_doubtful() -> None:
    # "Broadway" matched only Broadway, North Carolina (1,300 people), some
    # 700 km from the article's other towns.
    broadway = town("Broadway", 35.46, -79.05, 1_300)
    mentions = [mention("New York", 0), mention("Broadway", 40), mention("Brooklyn", 90)]
    result = infer_places(mentions, [NEW_YORK, broadway, BROOKLYN])
    assert result[1][1] and result[1][0] is not None and result[1][0].name == "New York City"
    # A designator asking for a town keeps it ("Broadway town"), and so does
    # an article with too few other towns to judge.
    designated = [mention("New York", 0), mention("Broadway", 40, "populated place")]
    assert infer_places([*designated, mention("Brooklyn", 90)], [NEW_YORK, broadway, BROOKLYN])[
        1
    ] == (broadway, False)
    assert infer_places(mentions[:2], [NEW_YORK, broadway])[1] == (broadway, False)


def test_geo_geoparse_infer_demonyms_and_towns_alone() -> None:
    region = Place("Texas", 31.0, -99.0, "United States", "US", "Texas", feature="admin1")
    mentions = [mention("Texas", 0), mention("Syrian", 10), mention("Qwzx Mall", 20)]
    result = infer_places(mentions, [region, None, None])
    assert result[1] == (None, False)  # a demonym stands for itself
    place, inferred = result[2]
    assert inferred and place is not None and place.name == "Texas"
    assert place.geo_precision == GEO_REGION
    assert infer_places([mention("Qwzx Mall", 0)], [None]) == [(None, False)]
    assert focal_place([None, region, region]) == region
