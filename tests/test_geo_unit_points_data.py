"""The point that stands for a country or region: the middle of the main
block of its populated land, not its capital, not pulled by far islands."""

from __future__ import annotations

import pytest

from frontwatch.eval.geo_score import great_circle_km
from frontwatch.geo.countries import load_countries
from frontwatch.geo.unit_points import (
    box_middle,
    load_geonames_country_points,
    load_unit_points,
    representative_point,
    unit_point,
)


def test_geo_unit_points_mainland_middle_not_islands() -> None:
    # A block of towns and two far islands: the point lies in the block
    # (within the precision of the grid, cells of an eighth of the extent).
    block = [(40.0 + i * 0.5, 10.0 + j * 0.5) for i in range(9) for j in range(9)]
    islands = [(20.0, -30.0), (21.0, -31.0)]
    lat, lon = representative_point(block + islands)
    assert 40.0 <= lat <= 44.0 and 10.0 <= lon <= 14.0
    assert great_circle_km(*representative_point(block), 42.0, 12.0) < 40


def test_geo_unit_points_middle_of_the_area_not_of_the_towns() -> None:
    # Many towns crowded in the south-west corner do not pull the point there.
    spread = [(40.0 + i, 10.0 + j) for i in range(9) for j in range(9)]
    crowd = [(40.0 + i * 0.01, 10.0 + j * 0.01) for i in range(30) for j in range(30)]
    lat, lon = representative_point(spread + crowd)
    assert great_circle_km(lat, lon, 44.0, 14.0) < 120


def test_geo_unit_points_across_the_date_line() -> None:
    towns = [(65.0, 178.0), (65.0, 179.5), (65.0, -179.5), (65.0, -178.0)]
    lat, lon = representative_point(towns)
    assert abs(lat - 65.0) < 2 and abs(abs(lon) - 180.0) < 2
    assert box_middle(towns) == (65.0, 180.0) or box_middle(towns) == (65.0, -180.0)
    assert box_middle([(0.0, 10.0), (2.0, 20.0)]) == (1.0, 15.0)


def test_geo_unit_points_data_covers_countries_and_regions() -> None:
    points = load_unit_points()
    countries = {code for code, admin1 in points if not admin1}
    named = {entry.code for entry in load_countries()}
    assert len(countries & named) > 200
    assert len(points) > 3000
    for lat, lon in points.values():
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    texas = unit_point("US", "Texas")
    assert texas is not None and great_circle_km(*texas, 29.76, -95.36) > 300  # not Houston
    jersey = unit_point("US", "New Jersey")
    assert jersey is not None and great_circle_km(*jersey, 40.1, -74.6) < 100
    assert unit_point("SY") is not None
    assert unit_point("ZZ") is None


@pytest.mark.parametrize(
    ("code", "near", "within_km"),
    [
        ("US", (39.8, -98.6), 200),  # the middle of the contiguous states, not Alaska's pull
        ("FR", (46.5, 2.5), 200),  # metropolitan France
        ("SY", (35.0, 38.5), 200),
    ],
)
def test_geo_unit_points_countries_at_their_middle(
    code: str, near: tuple[float, float], within_km: float
) -> None:
    point = unit_point(code)
    assert point is not None
    assert great_circle_km(*point, *near) < within_km


@pytest.mark.parametrize(
    ("code", "reference"),
    [
        ("RU", (60.0, 100.0)),  # the reference centre, not the towns' west (79.7 E)
        ("BR", (-10.0, -55.0)),
        ("SA", (25.0, 45.0)),
        ("DZ", (28.0, 3.0)),  # not the coast where its towns are
    ],
)
def test_geo_unit_points_countries_at_their_reference_centre(
    code: str, reference: tuple[float, float]
) -> None:
    point = unit_point(code)
    assert point is not None
    assert great_circle_km(*point, *reference) < 1


def test_geo_unit_points_reference_outside_the_country_not_taken() -> None:
    # Kuwait's reference point (29.5 N 45.75 E) lies in Iraq; its outline and
    # towns agree on a point inside Kuwait.
    lat, lon = unit_point("KW") or (0.0, 0.0)
    assert 28.5 < lat < 30.1 and 46.6 < lon < 48.4


def test_geo_unit_points_region_is_the_middle_of_its_extent() -> None:
    # Manitoba's towns crowd its south; the middle of their extent is north
    # of all of them but Churchill's.
    manitoba = unit_point("CA", "Manitoba")
    assert manitoba is not None and manitoba[0] > 53.0
    assert great_circle_km(*manitoba, 49.9, -97.1) > 400  # not Winnipeg


def test_geo_unit_points_data_names_its_sources() -> None:
    from frontwatch.geo.countries import read_data_text

    header = read_data_text("unit_points.tsv").splitlines()[0]
    assert "GeoNames" in header and "countryinfo" in header


@pytest.mark.parametrize(
    ("code", "geonames_point"),
    [
        # GeoNames' country points that no middle or reference centre gives.
        ("CA", (60.10867, -113.64258)),
        ("JP", (35.68536, 139.75309)),
        ("LY", (28.0, 17.0)),
        ("SO", (6.0, 48.0)),
    ],
)
def test_geo_unit_points_country_at_geonames_point(
    code: str, geonames_point: tuple[float, float]
) -> None:
    point = unit_point(code)
    assert point is not None
    assert great_circle_km(*point, *geonames_point) < 1


def test_geo_unit_points_built_from_the_geonames_country_file() -> None:
    # The generated table agrees with the hand-entered GeoNames points: a
    # stale build (file edited, table not rebuilt) fails here.
    listed = load_geonames_country_points()
    assert len(listed) >= 190
    named = {entry.code for entry in load_countries()}
    assert set(listed) <= named
    for code, point in listed.items():
        assert unit_point(code) == point, code


def test_geo_unit_points_regions_are_the_gazetteer_admin1_names() -> None:
    # A region is looked up by the admin1 name the gazetteer gives a place;
    # a row under an old spelling would never be found.
    from frontwatch.geo.countries import read_data_text
    from frontwatch.geo.gazetteer_build import parse_admin1

    admin1 = parse_admin1(read_data_text("admin1.tsv"), read_data_text("admin1_overrides.tsv"))
    names = {(entry.country_code, entry.name) for entry in admin1.values()}
    stale = sorted(key for key in load_unit_points() if key[1] and key not in names)
    assert stale == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("CA\t60.1\n", "expected 3 fields"),
        ("CA\t60.1\tx\n", "bad coordinates"),
        ("CA\t95\t10\n", "out of range"),
        ("CA\t60\t-113\nCA\t60\t-113\n", "listed twice"),
    ],
)
def test_geo_unit_points_geonames_country_file_errors(
    monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    from frontwatch.errors import ConfigError
    from frontwatch.geo import unit_points

    monkeypatch.setattr(unit_points, "read_data_text", lambda _name: text)
    with pytest.raises(ConfigError, match=message):
        unit_points.load_geonames_country_points()
