"""GeoJSON: a valid FeatureCollection of Points; placeless events are counted."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from frontwatch.export import write_geojson
from frontwatch.models import Event
from samples_events import (
    attack_event,
    bare_event,
    battle_article,
    battle_event,
    make_article,
    protest_event,
)


def _collection(events: Sequence[Event]) -> tuple[dict[str, Any], int, int]:
    out = io.StringIO()
    result = write_geojson(events, out)
    return json.loads(out.getvalue()), result.written, result.skipped


def test_export_geojson_valid_feature_collection() -> None:
    article = battle_article()
    events = [
        battle_event(article),
        bare_event(article),
        protest_event(make_article("Police fired on protesters.")),
        attack_event(make_article("IS fighters attacked villagers.")),
    ]
    collection, written, skipped = _collection(events)
    assert (written, skipped) == (3, 1)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["SYR-0001", "IRQ-0001", "SYR-0003"]
    for feature, event in zip(features, [events[0], events[2], events[3]], strict=True):
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]  # RFC 7946: longitude first
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert event.place is not None
        assert (longitude, latitude) == (event.place.longitude, event.place.latitude)
        properties = feature["properties"]
        assert properties["event_id_cnty"] == event.event_id
        assert len(properties["sources"]) == len(event.provenance)


def test_export_geojson_properties_carry_every_field() -> None:
    collection, _, _ = _collection([battle_event(battle_article())])
    properties = collection["features"][0]["properties"]
    for name in (
        "event_type",
        "actor1",
        "assoc_actor_1",
        "admin1",
        "fatalities",
        "notes",
        "territorial",
        "area_km2",
        "date_end",
        "fatalities_low",
        "flags",
        "sources",
    ):
        assert name in properties
    assert properties["territorial"] == "regained"
    assert properties["sources"][1]["claim_source"] == "a monitor"


def test_export_geojson_empty_is_valid() -> None:
    collection, written, skipped = _collection([])
    assert collection == {"type": "FeatureCollection", "features": []}
    assert (written, skipped) == (0, 0)
    collection, written, skipped = _collection([bare_event(battle_article())])
    assert collection["features"] == [] and (written, skipped) == (0, 1)
