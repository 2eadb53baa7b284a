"""Names the gazetteer's keys cannot hold: region abbreviations written with
their periods ("Ky.", "B.C."), initials ("U.S."), and continents."""

from __future__ import annotations

import pytest

from frontwatch.geo.abbreviations import keeps_final_period, region_abbreviation
from frontwatch.geo.continents import continent, continent_spans, is_continent_adjective
from frontwatch.geo.cues import clean_span


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("Crews came from Bowling Green, Ky. on Monday.", "Ky.", "Ky."),
        ("He flew to the U.S. last week.", "U.S.", "U.S."),
        ("Police in Surrey, B.C. said so.", "B.C.", "B.C."),
        ("Storms hit Texas.", "Texas.", "Texas"),
        ("Miss. Smith spoke in Paris.", "Paris.", "Paris"),
    ],
)
def test_geo_abbreviations_period_kept_only_where_it_belongs(
    text: str, span: str, kept: str
) -> None:
    start = text.index(span)
    # spaCy may hand the span with or without its period.
    for end in (start + len(span), start + len(span.rstrip("."))):
        cleaned = clean_span(text, start, end)
        assert text[cleaned[0] : cleaned[1]] == kept


def test_geo_abbreviations_only_the_written_form_is_a_region() -> None:
    assert region_abbreviation("Ky.") == ("US", "Kentucky")
    assert region_abbreviation("B.C.") == ("CA", "British Columbia")
    assert region_abbreviation("Ky") is None
    assert region_abbreviation("Miss") is None
    assert region_abbreviation("BC") == ("CA", "British Columbia"), "the one without periods"
    assert not keeps_final_period("Plan B")
    assert keeps_final_period("Bowling Green, Ky")
    assert not keeps_final_period("Texas")


def test_geo_continents_names_and_adjectives() -> None:
    europe = continent("Europe")
    assert europe is not None and europe.code == "EU"
    assert continent("European") == europe and is_continent_adjective("European")
    assert continent("Syria") is None
    text = "Leaders from Africa met Asian and South American envoys."
    found = [(text[s:e], c.code) for s, e, c in continent_spans(text)]
    assert found == [("Africa", "AF"), ("Asian", "AS"), ("South American", "SA")]


def test_geo_continents_unions_stand_at_their_continent() -> None:
    europe = continent("Europe")
    assert continent("EU") == europe and continent("European Union") == europe
    assert not is_continent_adjective("EU")
    text = "The EU and the E.U. met the African Union; FEU and Eu. are not unions."
    found = [(text[s:e], c.code) for s, e, c in continent_spans(text)]
    assert found == [("EU", "EU"), ("E.U.", "EU"), ("African Union", "AF")]
