"""Phrases around actor names: weapons named after their owner, countries
joined by "and", adjectives that are not backers, action words that hide a
noun."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.actors.coref import ActorContext
from frontwatch.actors.dictionary import ActorDictionary

ON = dt.date(2020, 5, 9)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def resolved(dictionary: ActorDictionary, text: str, country: str) -> list[tuple[str, str]]:
    return [
        (m.text, dictionary.resolve(m, country=country, on=ON).name)
        for m in dictionary.find(text, country=country)
    ]


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # A weapon after a name belongs to that actor: the mention covers it.
        ("The LNA air force struck a depot.", "Libya",
         [("LNA air force", "Military Forces of Libya (2014-) Haftar Faction")]),
        ("Taliban snipers shot a guard.", "Afghanistan", [("Taliban snipers", "Taliban")]),
        # Two countries joined after "forces of": two state forces.
        ("Forces of India and Pakistan exchanged fire.", "India",
         [("Forces of India", "Military Forces of India (2014-)"),
          ("Pakistan", "Military Forces of Pakistan (2018-2022)")]),
        # "Armed forces" after a country adjective is the army, not a proxy it armed.
        ("Nigerian armed forces repelled an attack.", "Nigeria",
         [("Nigerian armed forces", "Military Forces of Nigeria (2015-2023)")]),
        # "gang-raped" is an act; no gang is named.
        ("A woman was gang-raped in the village.", "India",
         [("A woman", "Civilians (India)"),
          ("gang-raped", "Unidentified Armed Group (India)")]),
        # Police officers in a street clash stay police.
        ("Armed men clashed with police officers.", "Mexico",
         [("Armed men", "Unidentified Armed Group (Mexico)"),
          ("police officers", "Police Forces of Mexico (2018-2024)")]),
    ],
)  # fmt: skip
def test_actors_dictionary_phrases_found(
    dictionary: ActorDictionary, text: str, country: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(dictionary, text, country) == expected


def test_actors_dictionary_phrases_brazil_police_is_military_police(
    dictionary: ActorDictionary,
) -> None:
    """Brazil's street police is the Military Police; a later "the police"
    refers back to it."""
    assert dictionary.generic("police", "Brazil", ON).name == (
        "Military Forces of Brazil (2019-2022) Military Police"
    )
    context = ActorContext(dictionary, country="Brazil", on=ON)
    context.observe_sentence("The Military Police raided a favela.")
    later = context.observe_sentence("Police officers were shot at.")
    assert [r.actor.name for r in later] == [
        "Military Forces of Brazil (2019-2022) Military Police"
    ]
