"""A region set off after a place is a toponym even where the tagger took
it for a person: after a bracketed district name, and when the gazetteer
holds the province as a district."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.cues import ADMIN1, ADMIN2
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


def span(text: str, name: str, label: str) -> tuple[int, int, str]:
    start = text.index(name)
    return start, start + len(name), label


@pytest.mark.parametrize(
    ("text", "place", "region", "kind"),
    [
        (
            "A checkpoint near Qwzxabad, Chakhansur (Kang) district, Nimruz, came under fire.",
            "Kang",
            "Nimruz",
            ADMIN1,
        ),
        ("Troops clashed near Qwzxville, Sulu, on Friday.", "Qwzxville", "Sulu", ADMIN2),
    ],
)
def test_geo_toponyms_apposition_region_after_a_place(
    gazetteer: Gazetteer, text: str, place: str, region: str, kind: str
) -> None:
    entities = [span(text, place, "GPE"), span(text, region, "PERSON")]
    kinds = {m.text: m.kind_hint for m in find_toponyms(text, entities, gazetteer)}
    assert kinds.get(region) == kind
