"""A front-bound actor's regions are a prior for its villages: the OSCE
monitors observed ceasefire violations along the Donbas contact line, so
their "Novoselivka" is the one in Donetsk oblast, not one of its namesakes
elsewhere in Ukraine."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from samples_events import make_article


def _admin1(pipeline: Pipeline, text: str) -> str | None:
    events = [e for e in pipeline.process(make_article(text)) if e.place is not None]
    return events[0].place.admin1 if events and events[0].place else None


def test_geo_actor_regions_place_a_monitor_village_on_the_front(pipeline: Pipeline) -> None:
    with_monitor = "The OSCE SMM observed nine explosions near Novoselivka on Friday."
    without = "Nine explosions were heard near Novoselivka on Friday, residents said."
    assert _admin1(pipeline, with_monitor) == "Donetsk"
    assert _admin1(pipeline, without) != "Donetsk"
