"""Localities (GeoNames' postal-code villages) in resolution: found only
where the packaged gazetteer has no place of the name at that point, taken
only with the article's support, and never evidence of a country.

Uses the packaged index (built once in FRONTWATCH_HOME, like the other geo
tests). The sentences are ours; the villages are real (Berestky in Donetsk
and in Kharkiv oblasts, Lobasove in Luhansk oblast).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.resolve_context import country_focus
from frontwatch.geo.toponyms import ADMIN1, ToponymMention


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


def mention(text: str, name: str, **hints: str) -> ToponymMention:
    start = text.index(name)
    return ToponymMention(name, start, start + len(name), **hints)


def test_localities_lookup_apart_from_places(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Lobasove") == []
    (village,) = gazetteer.lookup_locality("Lobasove")
    assert village.locality
    assert (village.admin1, village.country_code, village.population) == ("Luhansk", "UA", 0)
    # A town of cities500 is no locality of its own name.
    assert gazetteer.lookup_locality("Kramatorsk") == []


def test_localities_village_with_its_region_named(gazetteer: Gazetteer) -> None:
    text = "Artillery fire damaged homes in Berestky in Donetsk region overnight."
    mentions = [mention(text, "Berestky"), mention(text, "Donetsk", kind_hint=ADMIN1)]
    village, region = PlaceResolver(gazetteer).resolve_article(mentions, text=text)
    assert region is not None and region.admin1 == "Donetsk"
    assert village is not None
    # Of the two villages of the name, the one in the region the text names.
    assert (village.name, village.admin1, village.country_code) == ("Berestky", "Donetsk", "UA")
    assert abs(village.latitude - 48.01) < 0.05


def test_localities_village_without_support_is_not_taken(gazetteer: Gazetteer) -> None:
    resolver = PlaceResolver(gazetteer)
    assert resolver.resolve_name("Lobasove") is None
    text = "Shelling was heard near Lobasove, in Luhansk oblast, on Tuesday."
    mentions = [mention(text, "Lobasove"), mention(text, "Luhansk", kind_hint=ADMIN1)]
    village, _region = resolver.resolve_article(mentions, text=text)
    assert village is not None
    assert (village.name, village.admin1) == ("Lobasove", "Luhansk")


def test_localities_cast_no_country_vote(gazetteer: Gazetteer) -> None:
    """Turkey has villages called Maruf, Afghanistan a district the packaged
    gazetteer lacks: the villages must not pull an Afghan report abroad."""
    text = "Troops cleared three villages of Maruf district in Kandahar province."
    mentions = [mention(text, "Maruf"), mention(text, "Kandahar", kind_hint=ADMIN1)]
    resolver = PlaceResolver(gazetteer)
    candidates = [resolver._candidates(m) for m in mentions]
    assert {e.country_code for e in candidates[0].localities} == {"TR"}
    focus = country_focus(mentions, candidates, text, None)
    assert "TR" not in focus[0].shares and "TR" not in focus[1].shares
    places = resolver.resolve_article(mentions, text=text)
    assert [p.country_code if p else None for p in places] == ["AF", "AF"]
