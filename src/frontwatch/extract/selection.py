"""Which trigger a sentence is read by: the tactic ranking of the triggers
found, with the corrections that depend on their context, and the tests
that set a trigger aside (a habitual present, an adjective, background)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from frontwatch.extract.taxonomy import TACTIC_RANK
from frontwatch.extract.triggers import TriggerMatch
from frontwatch.models import Fatalities

# A territorial word that took people or a building ("stormed the office")
# ranks below a protest word: protesters storming a building riot.
TAKEN_NOT_HELD_RANK = 39
# Air power named as support of a ground operation ("an operation by X,
# supported by the air force") is part of that operation.
AIR_SUPPORT = re.compile(
    r"\b(?:(?:supported|backed|aided|assisted|covered)\s+by|with\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:support|cover|backing)\s+(?:of|from)|along\s+with|alongside|air-backed)\s+"
    r"(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
AIR_SUPPORT_RANK = 44


def rank(trigger: TriggerMatch, rule: str, before: str) -> int:
    """Tactic rank of a trigger read by ``rule`` (its own sub-event type, or
    what a territorial word turned out to name); ``before`` is the sentence up
    to the trigger."""
    sub = trigger.entry.sub
    if sub == "Air/drone strike" and AIR_SUPPORT.search(before):
        return AIR_SUPPORT_RANK
    if sub == "@territory" and rule != "@territory":
        return TAKEN_NOT_HELD_RANK if rule == "@violence" else TACTIC_RANK[rule]
    if trigger.entry.rank is not None:
        return trigger.entry.rank
    if sub == "@territory":
        return TACTIC_RANK["Government regains territory"]
    if sub == "@riot":
        return TACTIC_RANK["Violent demonstration"]
    if sub == "@violence":
        return TACTIC_RANK["Attack"] - (5 if trigger.entry.weak else 0)
    if sub == "@protest":
        return TACTIC_RANK["Peaceful protest"]
    base = TACTIC_RANK[sub]
    # A state (encircled, besieged) is reported with the fighting around it;
    # it ranks just below a capture.
    return base + (8 if trigger.entry.territorial else 0)


def passive_trigger(head: Token, trigger: TriggerMatch) -> bool:
    """Whether the trigger's subject suffered the act: a passive verb, "under
    fire", or a participle after its noun ("soldiers killed in an ambush");
    not a perfect tense ("troops who have retaken the town")."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
        return any(c.dep_ == "auxpass" for c in head.children)
    return (
        any(c.dep_ == "auxpass" for c in head.children)
        or trigger.entry.words[0] == "under"
        or (head.tag_ == "VBN" and head.dep_ in ("acl", "relcl", "amod"))
    )


def deaths(fatalities: Fatalities | None) -> bool:
    return fatalities is not None and fatalities.count > 0


def modifier(token: Token) -> bool:
    """A participle used as an adjective ("the surrounding areas") names no
    act."""
    return token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ == "amod"


# Irregular past forms of verbs news reports acts with: the small model
# sometimes tags them as present ("troops retook Palmyra": VBP).
_IRREGULAR_PAST_WORDS = (
    "took retook overtook overran ran fought shot struck stole broke burnt blew threw drove "
    "rode fled led held withdrew overthrew froze stood began gave came went sent left lost "
    "won fell caught brought sought told spoke forbade underwent bit hid tore wore swore "
    "slew sank shook rose arose forsook"
)
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_WORDS.split())


def habitual(token: Token) -> bool:
    """A verb in the simple present ("Hezbollah, which fights alongside the
    army") describes a standing state, not an event; news reports events in
    the past or present perfect. A past form the tagger took for a present
    ("retook", "shelled") is no present."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBZ", "VBP"):
        return False
    word = token.lower_
    if word in _IRREGULAR_PAST or (word.endswith("ed") and not word.endswith("eed")):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in token.children)


# A trigger qualified as background ("the ongoing clashes", "recent
# fighting") or as what is banned ("a ban on all marches") reports no event
# of its own ("years of fighting"); a single day is the day reported ("a
# second day of protests").
BACKGROUND = re.compile(
    r"\b(?:ongoing|recent|previous|earlier|past|(?:days|weeks?|months?|years?) of)\s+"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
BANNED = re.compile(
    r"\b(?:ban(?:s|ned)?\s+on|banned|banning|prohibit\w*|outlaw\w*|forbid\w*|forbade)\s+"
    r"(?:(?:all|any|the|forms?|kinds?|types?|of|public|street|mass|political|further|new|"
    r"and|or|other|marches|protests|demonstrations|rallies|gatherings|sit-ins|strikes|press|"
    r"conferences|meetings)[\s,]+){0,8}$",
    re.IGNORECASE,
)
# A heading that opens a text names the kind of event it reports
# ("Looting: On 9 May, ..."): its trigger outranks the others, and the
# roles are read at the next trigger of the sentence.
HEADING = re.compile(r"^\s*[A-Z][A-Za-z/ -]{2,45}:\s")
HEADING_RANK = 101


# A fight or an attack on something that is not a party: "measures to fight
# the pandemic", "a battle against corruption".
ABSTRACT_TARGET = re.compile(
    r"^\w*\s+(?:(?:against|on|off)\s+)?(?:the\s+|this\s+)?(?:spread of (?:the\s+)?)?"
    r"(?:new\s+|novel\s+)?(?:coronavirus|covid\S*|pandemic|virus|outbreak|epidemic|disease|"
    r"corruption|poverty|crime|hunger|inflation|unemployment|impunity|injustice|drug abuse|"
    r"climate change|illiteracy)\b",
    re.IGNORECASE,
)


def set_aside(trigger: TriggerMatch, before: str, after: str = "") -> bool:
    """Whether a trigger, given the sentence ``before`` and ``after`` it, is
    background, the object of a ban, or a fight against no party."""
    if BACKGROUND.search(before[-60:]):
        return True
    if ABSTRACT_TARGET.match(after):
        return True
    return trigger.entry.sub == "@protest" and BANNED.search(before[-80:]) is not None


def heading_end(text: str) -> int:
    """Where a heading that opens ``text`` (a sentence) ends; 0 without one."""
    found = HEADING.match(text)
    return found.end() if found else 0
