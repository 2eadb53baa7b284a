"""Crowds: the size of a protest or riot, as reported ("hundreds", "around
30"), and whether violence was done by a crowd rather than an armed group.

ACLED records it as a tag ("crowd size=hundreds"); its notes end with a
"[size=...]" tag, which wins when present. Otherwise the first quantity
written before a crowd noun is taken, as written: sizes are reported
loosely and are kept as text, not turned into numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.models import Actor

ACLED_TAG = re.compile(r"\[size=(?P<size>[^\]]+)\]", re.IGNORECASE)
NOT_REPORTED = frozenset({"no report", "no reports", "not reported", "unknown"})
_HEDGE = r"(?:about|around|some|nearly|almost|approximately|roughly|at least|more than|over|up to|"
_HEDGE += r"an estimated|close to)"
_COUNT = (
    r"(?:\d[\d,.]*(?:\s*(?:hundred|thousand|million))?|"
    r"(?:a few|several) (?:dozen|hundred|thousand)|"
    r"a few|several|a handful|a dozen|dozens|"
    r"scores|hundreds|thousands|tens of thousands|hundreds of thousands|tens|a hundred|"
    r"a thousand|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)"
    r"(?:\s+(?:hundred|thousand))?)"
)
_CROWD = (
    r"(?:people|persons|protesters|protestors|demonstrators|marchers|rioters|residents|"
    r"villagers|workers|students|teachers|farmers|traders|merchants|drivers|supporters|"
    r"activists|women|men|youths|members|employees|doctors|nurses|citizens|inhabitants|"
    r"participants|followers|families|locals|miners|pensioners|retirees|vendors|labou?rers|"
    r"staff|parents|relatives|youth|fans|believers|worshippers|peasants|fishermen|lawyers)"
)
CROWD_PHRASE = re.compile(
    rf"\b(?P<size>(?:{_HEDGE}\s+)?{_COUNT})\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?{_CROWD}\b",
    re.IGNORECASE,
)


def crowd_size(text: str) -> str | None:
    """The crowd size ``text`` reports, as written; None when it gives none."""
    tag = ACLED_TAG.search(text)
    if tag is not None:
        size = tag.group("size").strip()
        return None if size.lower() in NOT_REPORTED else size
    phrase = CROWD_PHRASE.search(text)
    if phrase is None:
        return None
    return re.sub(r"\s+", " ", phrase.group("size").strip())


# People who act as a crowd, not as an organised armed group: violence by
# them is a riot (ACLED's mob violence or violent demonstration), whether it
# hits civilians, police or another crowd.
CROWD_DOERS = re.compile(
    r"\b(?:mobs?|crowds?|villagers|residents|locals|inhabitants|citizens|community members|"
    r"people|persons|group of (?:\w+\s+){0,2}(?:people|men|youths?|villagers|"
    r"residents|citizens|persons|individuals|locals)|youths?|young (?:men|people)|"
    r"(?:two|rival|village|ethnic|clan|opposing|farmer|student|party) groups|family members|"
    r"relatives|kin|neighbou?rs|supporters|workers|labou?rers|employees|traders|vendors|"
    r"merchants|shopkeepers|drivers|students|farmers|inmates|prisoners|detainees|migrants|"
    r"refugees|demonstrators|protesters|protestors|activists|fans|hooligans|settlers|"
    r"members of (?:the )?(?:[\w-]+\s+){0,4}part(?:y|ies)|party (?:members|supporters|"
    r"workers|activists|cadres))\b",
    re.IGNORECASE,
)
PASSIVE_AGENT = re.compile(r"\bby\s+(?P<agent>(?:[\w'-]+\s+){0,5}[\w'-]+)", re.IGNORECASE)
# Hand weapons: a fight with them between groups is a brawl, not a battle.
MELEE = re.compile(
    r"\bwith\s+(?:[\w,]+\s+){0,4}?(?:machetes?|sticks|stones|rocks|knives|clubs|bows|arrows|"
    r"spears|(?:iron )?rods|bricks|sharp (?:weapons|objects)|axes|hoes|batons|bottles|"
    r"fists)\b",
    re.IGNORECASE,
)
FIREARMS = re.compile(r"\b(?:guns?|gunfire|firearms?|rifles?|shot|shots|shooting|fired)\b", re.I)
# A fight with guns, or between armed or identity groups (clans, ethnic
# militias): ACLED codes it as a battle even when the sides are communities.
GUNFIGHT = re.compile(
    r"\b(?:exchang\w+ (?:of )?(?:fire|gunfire|shots)|shoot-?outs?|gun ?fights?|gun ?battles?|"
    r"fire ?fights?|armed clash\w*|gunshots?|gunfire|firearms?|guns?|rifles?|ethnic|clans?|"
    r"tribes?|tribal|communal|caste|militia\w*)\b",
    re.IGNORECASE,
)
# A crowd word qualified as armed or unknown names armed men, not a crowd.
NOT_A_CROWD = re.compile(r"\b(?:armed|unknown|unidentified|masked)\b", re.IGNORECASE)
# A crowd fighting for a demand is a violent demonstration, else mob violence.
DEMANDS = re.compile(
    r"\b(?:demonstrat\w*|protest\w*|demand\w*|rall(?:y|ies|ied)|march(?:ed|es)?|on strike|"
    r"dharna|sit-in|chanting|slogans)\b",
    re.IGNORECASE,
)
# The sides of a fight named after the trigger: "clashes between X and Y",
# "clashed with X".
SIDES = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?P<lead>between|with|against|among)\s+(?P<sides>.{1,100}?)"
    r"(?=[,.;]|\s(?:in|at|on|near|over|after|during|when|while|who|which|that)\s|$)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;.]|,\s+(?:while|after|before|when|as|\w+ing)\b", re.IGNORECASE)


def by_crowd(
    text: str,
    trigger_start: int,
    trigger_end: int,
    *,
    passive: bool,
    two_sided: bool,
    sides: Sequence[Actor | None] = (),
) -> bool:
    """Whether the violence a trigger in ``text`` names (offsets relative to
    the sentence) was done by a crowd. ``sides`` are the doer and the target
    as read. The doer is a crowd when it is one (rioters, protesters, a party's
    supporters, a group of civilians), the agent of a passive verb is one, or
    the clause before the trigger names one; in a fight between two sides
    ("clashed with police") either side may be the crowd, and sides that
    fought with hand weapons only are crowds too."""
    after = _clause(text[trigger_end:])
    doer = sides[0] if sides else None
    if two_sided:
        if GUNFIGHT.search(text):
            return False
        if any(_crowd(actor) for actor in sides):
            return True
        sides_named = SIDES.match(after)
        if sides_named is not None:
            if _names_crowd(sides_named.group("sides")):
                return True
            if sides_named.group("lead").lower() == "between":
                return MELEE.search(text) is not None  # "between" names both sides
        before = _last_clause(text[:trigger_start])
        if not passive and _names_crowd(before):
            return True
        return MELEE.search(text) is not None
    if passive:
        agent = PASSIVE_AGENT.search(after[:80])
        return agent is not None and _names_crowd(agent.group("agent"))
    if doer is not None and not _crowd(doer) and doer.inter != 7:
        return False
    if _crowd(doer):
        return True
    unarmed = MELEE.search(text) is not None and FIREARMS.search(text) is None
    return unarmed or _names_crowd(text[max(0, trigger_start - 100) : trigger_start])


def _names_crowd(text: str) -> bool:
    """Whether ``text`` names a crowd not qualified as armed or unknown."""
    found = CROWD_DOERS.search(text)
    if found is None:
        return False
    near = text[max(0, found.start() - 30) : found.end() + 20]
    return NOT_A_CROWD.search(near) is None


def _crowd(actor: Actor | None) -> bool:
    """Rioters, protesters and the groups ACLED names beside them (a party, a
    union), and civilians named as a group ("villagers", not "a man")."""
    if actor is None:
        return False
    if actor.inter in (5, 6):
        return True
    return actor.inter == 7 and _names_crowd(actor.matched_text)


def _last_clause(text: str) -> str:
    """The words of the clause a trigger stands in, before it."""
    cut = max(text.rfind(","), text.rfind(";"), text.rfind(" when "), text.rfind(" after "))
    return text[cut + 1 :]


def crowd_violence(text: str) -> str:
    """The riot sub-event type of crowd violence told in ``text``."""
    return "Violent demonstration" if DEMANDS.search(text) else "Mob violence"


def _clause(text: str) -> str:
    found = _CLAUSE_BREAK.search(text)
    return text[: found.start()] if found else text
