"""Front lines (data/geo/front_lines.tsv): of the namesakes inside a
front-bound actor's regions, the village beside the line of contact."""

from __future__ import annotations

import pytest

from frontwatch.errors import ConfigError
from frontwatch.eval.match import haversine_km
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.front_lines import (
    FRONT_LINES_FILE,
    NEAR_LINE_KM,
    FrontLine,
    front_lines,
    parse_front_lines,
)
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.pipeline import Pipeline
from samples_events import first_event_place

# How far a listed town may stand from the gazetteer's place of its name.
_TOWN_KM = 5.0


def _donbas_line() -> FrontLine:
    (line,) = [line for line in front_lines() if line.country_code == "UA"]
    return line


def test_geo_front_lines_file_integrity() -> None:
    lines = parse_front_lines(read_data_text(FRONT_LINES_FILE))
    assert lines and all(len(line.points) >= 2 for line in lines)
    with Gazetteer.open() as gazetteer:
        for line in lines:
            for town, latitude, longitude in line.points:
                found = [
                    entry
                    for entry in (*gazetteer.lookup(town), *gazetteer.lookup_locality(town))
                    if entry.country_code == line.country_code and entry.admin1 in line.regions
                ]
                assert found, (line.name, town)
                nearest = min(
                    haversine_km(entry.latitude, entry.longitude, latitude, longitude)
                    for entry in found
                )
                assert nearest <= _TOWN_KM, (line.name, town, nearest)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Line\tUA\tDonetsk\tAvdiivka\t48.1\n", "expected line"),
        ("Line\tUA\tDonetsk\tAvdiivka\tnorth\t37.7\n", "could not convert"),
        ("Line\tUA\tDonetsk\tAvdiivka\t98.1\t37.7\nLine\tUA\tDonetsk\tMarinka\t47.9\t37.5\n",
         "out of range"),
        ("Line\tUA\tDonetsk\tAvdiivka\t48.1\t37.7\n", "at least two towns"),
        ("Line\tUA\tDonetsk\tAvdiivka\t48.1\t37.7\nLine\tUA\tLuhansk\tZolote\t48.7\t38.5\n",
         "changes country or regions"),
    ],
)  # fmt: skip
def test_geo_front_lines_file_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_front_lines(text)


def test_geo_front_lines_distance_to_the_line() -> None:
    line = _donbas_line()
    _town, latitude, longitude = line.points[3]
    assert line.distance_km(latitude, longitude) < 0.01
    # Halfway between two listed towns lies on the line too.
    (_a, lat_a, lon_a), (_b, lat_b, lon_b) = line.points[9], line.points[10]
    assert line.distance_km((lat_a + lat_b) / 2, (lon_a + lon_b) / 2) < 0.5
    # Kramatorsk lies some 50 km behind it; Kharkiv far away.
    assert 35 < line.distance_km(48.72305, 37.55629) < 70
    assert line.distance_km(49.98081, 36.25272) > 150


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2019, the OSCE SMM recorded a dozen explosions near Vesele.",
        "On 3 March 2019, the OSCE Special Monitoring Mission recorded a dozen explosions "
        "near Vesele, Donetsk region.",
        "On 3 March 2019, DPR militia shelled Ukrainian army positions in Vasylivka.",
    ],
)
def test_geo_front_lines_namesake_beside_the_line(pipeline: Pipeline, text: str) -> None:
    place = first_event_place(pipeline, text)
    line = _donbas_line()
    assert place.admin1 == "Donetsk"
    assert line.distance_km(place.latitude, place.longitude) <= NEAR_LINE_KM


def test_geo_front_lines_not_without_a_front_bound_actor(pipeline: Pipeline) -> None:
    # Nobody bound to the Donbas front is named: the line is no evidence.
    text = "On 3 March 2019, police in Ukraine detained two men in Vesele, Donetsk region."
    place = first_event_place(pipeline, text)
    assert _donbas_line().distance_km(place.latitude, place.longitude) > NEAR_LINE_KM
