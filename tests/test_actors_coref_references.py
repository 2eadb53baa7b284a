"""Coreference inside one article: "the army", "the group", "its allies", "the monitor"."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.actors.coref import ActorContext, normalise_reference
from frontwatch.actors.dictionary import ActorDictionary

SYRIA_ARMY_2017 = "Military Forces of Syria (2000-2024)"


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def context(dictionary: ActorDictionary, country: str | None = "Syria") -> ActorContext:
    return ActorContext(dictionary, country=country, on=dt.date(2017, 3, 2))


def test_actors_coref_army_group_allies_sequence(dictionary: ActorDictionary) -> None:
    ctx = context(dictionary)
    first = ctx.observe_sentence(
        "The Syrian army pushed into the town held by HTS, a monitor said."
    )
    assert [r.actor.name for r in first] == [SYRIA_ARMY_2017, "HTS: Hayat Tahrir al Sham"]
    second = ctx.observe_sentence("The army and its allies captured two hills.")
    assert [(r.actor.name, r.by_reference) for r in second] == [(SYRIA_ARMY_2017, True)]
    assert ctx.resolve_reference("its allies") is not None
    allies = [a.name for a in ctx.resolve_allies("its allies")]
    assert allies[0] == "Militia (Pro-Government)"
    assert "Military Forces of Russia (2000-)" in allies
    group = ctx.resolve_reference("the group")
    assert group is not None and group.name == "HTS: Hayat Tahrir al Sham"


@pytest.mark.parametrize(
    "phrase", ["the army", "The military", "government forces", "regime forces", "the troops"]
)
def test_actors_coref_state_references_go_to_last_military(
    dictionary: ActorDictionary, phrase: str
) -> None:
    ctx = context(dictionary, country="Lebanon")
    ctx.observe_sentence("Syrian troops shelled the border area.")
    actor = ctx.resolve_reference(phrase)
    assert actor is not None and actor.name == SYRIA_ARMY_2017


@pytest.mark.parametrize(
    "phrase", ["the group", "the militants", "the jihadists", "the insurgents", "The Group"]
)
def test_actors_coref_non_state_references_go_to_last_armed_group(
    dictionary: ActorDictionary, phrase: str
) -> None:
    ctx = context(dictionary, country="Iraq")
    ctx.observe_sentence("Islamic State fighters attacked a Peshmerga post.")
    ctx.observe_sentence("Policemen were sent to the area.")
    actor = ctx.resolve_reference(phrase)
    assert actor is not None and actor.name == "Islamic State (Iraq)"


def test_actors_coref_nothing_named_means_none(dictionary: ActorDictionary) -> None:
    ctx = context(dictionary)
    assert ctx.resolve_reference("the group") is None
    assert ctx.resolve_reference("its allies") is None
    assert ctx.resolve_allies("allied forces") == ()
    assert ctx.claim_source_reference("the monitoring group") is None
    assert ctx.resolve_reference("the weather") is None


def test_actors_coref_army_falls_back_to_country(dictionary: ActorDictionary) -> None:
    ctx = context(dictionary, country="Mali")
    actor = ctx.resolve_reference("the army")
    assert actor is not None and actor.name == "Military Forces of Mali (2013-2020)"
    assert ctx.resolve_reference("the army", fall_back=False) is None
    assert context(dictionary, country=None).resolve_reference("the army") is None


def test_actors_coref_explicit_allies_win(dictionary: ActorDictionary) -> None:
    ctx = context(dictionary, country="Yemen")
    (houthis,) = ctx.dictionary.find("Houthi forces advanced.")
    actor = ctx.dictionary.resolve(houthis, country="Yemen", on=dt.date(2020, 1, 1))
    ally = ctx.dictionary.generic("protesters", "Yemen")
    ctx.observe(actor, houthis, allies=[ally])
    assert ctx.resolve_allies("their allies") == (ally,)
    assert ctx.resolve_reference("their allies") == ally


def test_actors_coref_monitor_reference(dictionary: ActorDictionary) -> None:
    ctx = context(dictionary)
    ctx.observe_sentence("The Syrian Observatory for Human Rights reported 12 dead.")
    ctx.observe_sentence("Hezbollah's military media unit published a video.")
    assert (
        ctx.claim_source_reference("the monitoring group") == "Syrian Observatory for Human Rights"
    )
    assert ctx.claim_source_reference("The war monitor") == "Syrian Observatory for Human Rights"
    assert ctx.claim_source_reference("the media unit") == "Hezbollah military media unit"
    assert ctx.claim_source_reference("SOHR") == "Syrian Observatory for Human Rights"


def test_actors_coref_default_dictionary() -> None:
    ctx = ActorContext(country="Yemen", on=dt.date(2020, 1, 1))
    (resolved,) = ctx.observe_sentence("Houthi fighters shelled the district.")
    assert resolved.actor.name == "Military Forces of Yemen (2016-) Supreme Political Council"


@pytest.mark.parametrize(
    ("phrase", "key"),
    [("The Army", "army"), ("its allies", "allies"), ("  the  militants. ", "militants")],
)
def test_actors_coref_normalise_reference(phrase: str, key: str) -> None:
    assert normalise_reference(phrase) == key
