"""Generic actors take the country the event happened in (ACLED's
"Civilians (Afghanistan)" for a Kabul strike, whatever else the story is
about)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.actors.dictionary import ActorDictionary

ON = dt.date(2021, 8, 29)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize("kind", ["civilians", "protesters", "rioters", "unidentified_armed_group"])
def test_actors_requalified_generic_moves_to_the_event_country(
    dictionary: ActorDictionary, kind: str
) -> None:
    abroad = dictionary.generic(kind, "Kuwait", ON)
    here = dictionary.requalified(abroad, "Afghanistan", ON)
    assert here == dictionary.generic(kind, "Afghanistan", ON)
    assert here.name.endswith("(Afghanistan)")


def test_actors_requalified_named_actors_stay(dictionary: ActorDictionary) -> None:
    army = dictionary.generic("military", "Syria", ON)  # a state's army is a named actor
    assert dictionary.requalified(army, "Lebanon", ON) == army


def test_actors_requalified_same_country_is_unchanged(dictionary: ActorDictionary) -> None:
    civilians = dictionary.generic("civilians", "Afghanistan", ON)
    assert dictionary.requalified(civilians, "Afghanistan", ON) is civilians
