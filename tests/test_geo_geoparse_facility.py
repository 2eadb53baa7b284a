"""A street or building named after a place the article rules out (a hamlet
abroad) is still a toponym of the story, placed near the article's town."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.geoparse import Geoparser
from frontwatch.settings import load_settings


@pytest.fixture(scope="module")
def geoparser() -> Iterator[Geoparser]:
    parser = Geoparser.open(load_settings())
    yield parser
    parser.close()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Toronto police closed College Street for hours after a crash.", "College Street"),
        (
            "In Toronto, two men were taken to St. Michael's Hospital with burns.",
            "St. Michael's Hospital",
        ),
    ],
)
def test_geo_geoparse_facility_named_after_a_ruled_out_hamlet_is_kept(
    geoparser: Geoparser, text: str, name: str
) -> None:
    found = {t.text: t for t in geoparser.parse(text, "a")}
    assert name in found
    place = found[name].place
    assert place is not None and place.country_code == "CA"


def test_geo_geoparse_facility_word_alone_is_no_toponym(geoparser: Geoparser) -> None:
    found = {t.text for t in geoparser.parse("The Hospital said little on Monday.", "a")}
    assert "Hospital" not in found
