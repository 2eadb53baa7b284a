"""A place written with its town or unit lies in it even across a line the
gazetteer draws, when it is close to the unit's point: a neighbourhood of
Jerusalem filed under Palestine is that neighbourhood, not the city."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from samples_events import make_article


def test_geo_resolve_across_line_part_of_a_city(pipeline: Pipeline) -> None:
    text = "On 7 May 2021, police raided homes in the Beit Hanina district of Jerusalem."
    events = pipeline.process(make_article(text))
    assert events and events[0].place is not None
    assert events[0].place.country_code == "PS"
    assert events[0].place.matched_text == "Beit Hanina"

