"""A demonym joined to "-led", "-backed" and the like names who leads or
backs a force, not where the story is."""

from __future__ import annotations

import pytest

from frontwatch.geo.country_words import country_mentions


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Saudi-led jets struck a market.", {}),
        ("Iranian-backed militias shelled the base.", {}),
        ("Russian-trained fighters crossed the river.", {}),
        ("Saudi troops crossed the border.", {"SA": 1}),
        ("The Iranian envoy met Saudi officials.", {"IR": 1, "SA": 1}),
    ],
)
def test_geo_country_words_backers_are_no_demonym_evidence(
    text: str, counted: dict[str, int]
) -> None:
    _names, demonyms = country_mentions(text)
    assert dict(demonyms) == counted
