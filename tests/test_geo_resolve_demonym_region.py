"""A people's name written as a region ("the Somali region", "Afar
Regional State") is that region, not the people's country; the people's
name alone stays no place."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def resolver() -> Iterator[PlaceResolver]:
    with Gazetteer.open() as gazetteer:
        yield PlaceResolver(gazetteer)


def _places(resolver: PlaceResolver, text: str) -> list[tuple[str | None, str]]:
    mentions = find_toponyms(text, [], resolver.gazetteer)
    places = resolver.resolve_article(mentions, text=text)
    return [(p.admin1, p.country_code) for p in places if p is not None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Clan militias fought over a well in the Somali region on Sunday.",
            [("Somali", "ET")],
        ),
        ("Herders were attacked near Jijiga in the Somali Regional State.",
         [("Somali", "ET"), ("Somali", "ET")]),
        ("Somali troops patrolled the border on Sunday.", []),
    ],
)
def test_geo_resolve_demonym_region(
    resolver: PlaceResolver, text: str, expected: list[tuple[str | None, str]]
) -> None:
    assert _places(resolver, text) == expected
