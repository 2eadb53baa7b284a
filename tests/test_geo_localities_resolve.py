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

from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.resolve_context import Candidates, country_focus
from frontwatch.geo.toponyms import ADMIN1, POPULATED_PLACE, ToponymMention


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


def _entry(name: str, country_code: str, *, locality: bool) -> GazetteerEntry:
    return GazetteerEntry(
        geonameid=None if locality else 1,
        name=name,
        latitude=0.0,
        longitude=0.0,
        feature=POPULATED_PLACE,
        country_code=country_code,
        country=country_code,
        admin1=None,
        population=0 if locality else 20_000,
        locality=locality,
    )


@pytest.mark.parametrize(("locality", "voted"), [(True, False), (False, True)])
def test_localities_cast_no_country_vote(locality: bool, voted: bool) -> None:
    text = "Fighters moved from Yarimca towards Qalat overnight."
    mentions = [mention(text, "Yarimca"), mention(text, "Qalat")]
    candidates = [
        Candidates((_entry("Yarimca", "TR", locality=locality),), loose=False),
        Candidates((_entry("Qalat", "AF", locality=False),), loose=False),
    ]
    focus = country_focus(mentions, candidates, text, None)
    # What the other toponym sees: a town votes for its country, a
    # locality for none.
    assert ("TR" in focus[1].shares) is voted
