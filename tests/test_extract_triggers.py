"""The trigger lexicon loads, is valid, and matches inflected forms."""

from __future__ import annotations

import pytest
from spacy.language import Language

from frontwatch.errors import ConfigError
from frontwatch.extract.taxonomy import EVENT_TYPE_OF
from frontwatch.extract.triggers import NO_EVENT, RULES, TriggerLexicon
from frontwatch.nlp.spacy_model import load_model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_triggers_packaged_lexicon_is_valid() -> None:
    lexicon = TriggerLexicon.packaged()
    assert len(lexicon.entries) > 100
    phrases = [(e.phrase, e.pos) for e in lexicon.entries]
    assert len(phrases) == len(set(phrases)), "duplicate trigger entries"
    for entry in lexicon.entries:
        assert entry.sub in RULES or entry.sub in EVENT_TYPE_OF


def test_triggers_lexicon_covers_every_event_type() -> None:
    lexicon = TriggerLexicon.packaged()
    rule_types = {
        "@territory": "Battles",
        "@violence": "Battles",
        "@protest": "Protests",
        "@riot": "Riots",
    }
    subs = {e.sub for e in lexicon.entries if e.sub != NO_EVENT}
    types = {EVENT_TYPE_OF[s] if s in EVENT_TYPE_OF else rule_types[s] for s in subs}
    assert types == set(EVENT_TYPE_OF.values())


@pytest.mark.parametrize(
    "bad",
    [
        "- {phrase: shoot}",
        "- {phrase: shoot, sub: Skirmish}",
        "- {phrase: shoot, sub: Attack, territorial: conquered}",
        "{phrase: shoot}",
        "- [unclosed",
    ],
)
def test_triggers_bad_lexicon_raises_config_error(bad: str) -> None:
    with pytest.raises(ConfigError):
        TriggerLexicon.from_yaml(bad)


@pytest.mark.parametrize(
    ("sentence", "phrase", "sub"),
    [
        ("Rebels captured the town on Monday.", "capture", "@territory"),
        ("The army recaptured two villages.", "recapture", "@territory"),
        ("Government troops retook the airport.", "retook", "@territory"),
        ("The airport was retaken by troops.", "retake", "@territory"),
        ("The town fell to the insurgents.", "fall to", "@territory"),
        ("Troops encircled the militants near the river.", "encircle", "Armed clash"),
        ("The district remained under siege by the army.", "under siege", "Armed clash"),
        ("An air strike hit a market.", "air strike", "Air/drone strike"),
        ("Warplanes pounded the hills.", "warplane", "Air/drone strike"),
        (
            "Artillery shells landed in the square.",
            "artillery",
            "Shelling/artillery/missile attack",
        ),
        ("A roadside bomb struck a convoy.", "roadside bomb", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up.", "suicide bomber", "Suicide bomb"),
        ("Gunmen abducted four teachers.", "abduct", "Abduction/forced disappearance"),
        ("Hundreds of workers protested outside parliament.", "protest", "@protest"),
        ("Police arrested six activists.", "arrest", "Arrests"),
        ("The two sides agreed a ceasefire.", "ceasefire", "Agreement"),
        ("Rioters torched a police station.", "rioter", "Violent demonstration"),
        ("The air force bombed militant bases.", "bomb", "Air/drone strike"),
        ("Militiamen stole about forty cows.", "steal", "Looting/property destruction"),
        # a capitalised plural the model leaves unlemmatised
        ("The group fired 3 Grad Missiles at the garrison.", "missile",
         "Shelling/artillery/missile attack"),
        # forms the small model leaves unlemmatised
        ("Soldiers raped two women in the village.", "raped", "Sexual violence"),
        ("A mine planted by militants hit a car.", "mine", "Remote explosive/landmine/IED"),
        ("Rebels fired RPGs at a tank.", "rpg", "Shelling/artillery/missile attack"),
        ("Youths hurled Molotov cocktails at the police.", "molotov", "@riot"),
        ("Troops patrolled the border area.", "patrol", "Change to group/activity"),
    ],
)
def test_triggers_find_inflected_forms(nlp: Language, sentence: str, phrase: str, sub: str) -> None:
    doc = nlp(sentence)
    found = TriggerLexicon.packaged().find(doc[:])
    assert (phrase, sub) in {(m.entry.phrase, m.entry.sub) for m in found}


def test_triggers_may_and_march_are_not_protests(nlp: Language) -> None:
    doc = nlp("The council may meet in March to discuss the budget.")
    assert TriggerLexicon.packaged().find(doc[:]) == []


def test_triggers_offsets_point_into_text(nlp: Language) -> None:
    doc = nlp("On Saturday, an air strike killed five people.")
    for match in TriggerLexicon.packaged().find(doc[:]):
        assert doc.text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    "sentence",
    [
        "A member of the Air Force Intelligence was seen in Daraa.",  # an agency's name
        "Patients stormed out of the hospital.",
        "Officials checked the gold mine near the river.",  # a mine nobody planted
    ],
)
def test_triggers_phrases_that_name_no_event(nlp: Language, sentence: str) -> None:
    assert TriggerLexicon.packaged().find(nlp(sentence)[:]) == []
