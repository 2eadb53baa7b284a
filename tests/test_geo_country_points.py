"""The point of a country: the reference centre (countryinfo's latlng),
unless the middle of its outline and of its towns agree on another place."""

from __future__ import annotations

from frontwatch.eval.geo_score import great_circle_km
from frontwatch.geo.country_points import (
    Mainland,
    choose_point,
    mainland,
    polygon_measure,
    shape_of,
)


def _square(west: float, south: float, size: float) -> tuple[tuple[float, float], ...]:
    """A closed ring of (longitude, latitude) vertices."""
    return (
        (west, south),
        (west + size, south),
        (west + size, south + size),
        (west, south + size),
        (west, south),
    )


def test_geo_country_points_reference_kept_when_estimates_disagree() -> None:
    # A reference centre far from towns crowded in the west (Russia's case):
    # the outline and the towns disagree with each other, the reference stays.
    reference = (60.0, 100.0)
    towns = (60.5, 79.7)
    outline = Mainland((65.8, 95.3), share=0.95)
    assert choose_point(reference, towns, outline) == reference


def test_geo_country_points_territory_when_outline_and_towns_agree() -> None:
    # Outline and towns agree on a middle 200+ km from the reference point
    # (the United States' case): the middle of the two is taken.
    reference = (38.0, -97.0)
    towns = (39.8, -98.0)
    outline = Mainland((39.86, -98.75), share=0.83)
    point = choose_point(reference, towns, outline)
    assert point is not None and point != reference
    assert great_circle_km(*point, 39.83, -98.37) < 10


def test_geo_country_points_reference_near_the_estimates_is_kept() -> None:
    reference = (46.0, 2.0)
    outline = Mainland((46.5, 2.4), share=0.97)
    assert choose_point(reference, (46.2, 3.4), outline) == reference


def test_geo_country_points_split_outline_keeps_the_reference() -> None:
    # The largest polygon is only part of the country (Malaysia's Borneo):
    # its centroid does not stand for the country.
    reference = (2.5, 112.5)
    outline = Mainland((3.57, 114.7), share=0.6)
    assert choose_point(reference, (3.55, 113.9), outline) == reference


def test_geo_country_points_without_reference_takes_the_towns() -> None:
    assert choose_point(None, (10.0, 20.0), None) == (10.0, 20.0)
    assert choose_point(None, None, None) is None


def test_geo_country_points_polygon_centroid_and_area_share() -> None:
    area, centroid = polygon_measure(_square(10.0, 0.0, 2.0))
    assert great_circle_km(*centroid, 1.0, 11.0) < 5
    assert 3.5 < area < 4.1  # square degrees near the equator
    # A ring across the 180th meridian is measured as one piece.
    _area, across = polygon_measure(((179.0, 60.0), (-179.0, 60.0), (-179.0, 62.0), (179.0, 62.0)))
    assert abs(abs(across[1]) - 180.0) < 0.5 and abs(across[0] - 61.0) < 0.5
    main = mainland([_square(0.0, 0.0, 4.0), _square(20.0, 0.0, 1.0)])
    assert main is not None
    assert great_circle_km(*main.centroid, 2.0, 2.0) < 10
    assert 0.9 < main.share < 0.97


def test_geo_country_points_shape_of_a_countryinfo_record() -> None:
    record = {
        "latlng": [60, 100],
        "geoJSON": {
            "type": "FeatureCollection",
            "features": [
                {
                    "geometry": {
                        "type": "MultiPolygon",
                        "coordinates": [[[list(v) for v in _square(30.0, 50.0, 10.0)]]],
                    }
                },
                {"geometry": {"type": "Polygon", "coordinates": [[[1, 2], [3, 4]]]}},
            ],
        },
    }
    shape = shape_of("RU", record)
    assert shape.reference == (60.0, 100.0)
    assert len(shape.polygons) == 1 and shape.polygons[0][0] == (30.0, 50.0)
    assert shape_of("XX", {"latlng": [200, 5]}).reference is None
