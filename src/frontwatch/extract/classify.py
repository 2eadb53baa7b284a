"""Sub-event types that depend on who did what to whom.

A trigger names a tactic ("shot", "attacked", "protested"); ACLED's sub-event
type also depends on the parties: violence against unarmed people is an
Attack, between armed groups an Armed clash, by a crowd Mob violence; a
protest becomes a Protest with intervention when police act, Excessive force
when they kill, a Violent demonstration when the protesters turn violent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.extract.roles import Roles
from frontwatch.extract.taxonomy import EVENT_TYPE_OF
from frontwatch.extract.triggers import TriggerMatch
from frontwatch.models import Fatalities

ARMED_INTER = frozenset({1, 2, 3, 4, 8})

# Unarmed victims: people described by who they are, not by a force.
CIVILIAN_VICTIMS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|people|persons?|men|women|children|child|boys?|"
    r"girls?|babies|baby|farmers?|herders?|worshipp?ers?|students?|teachers?|journalists?|"
    r"reporters?|traders?|merchants?|shopkeepers?|businessm[ae]n|passengers?|drivers?|famil(?:y|ies)|"
    r"man|woman|wife|husband|son|daughter|brother|sister|father|mother|elders?|chiefs?|"
    r"workers?|prisoners?|inmates?|detainees?|"
    r"doctors?|nurses?|patients?|priests?|imams?|pastors?|monks?|councill?ors?|"
    r"candidates?|mayors?|lawyers?|judges?|migrants?|refugees?|displaced|locals?|youths?|"
    r"teen(?:ager)?s?|minors?|pedestrians?|customers?|owners?|vendors?|fishermen|miners?|"
    r"victims?|individuals?|suspects?|villages?|homes?|houses?|market)\b",
    re.IGNORECASE,
)
PROTESTER_VICTIMS = re.compile(
    r"\b(?:on|at|against|into) (?:the )?(?:\w+ )?(?:protesters|demonstrators|marchers|crowd)\b",
    re.IGNORECASE,
)
# Victims named by their affiliation: armed when the group is a force or a
# rebel group, unarmed when it is a party or a community ("a CNL member").
AFFILIATED_VICTIMS = re.compile(
    r"\b(?:members?|supporters?|leaders?|officials?|activists?|cadres?|loyalists?)\b",
    re.IGNORECASE,
)
FORCE_INTER = frozenset({1, 2, 3, 4, 8})
# Armed victims: forces, fighters and their installations.
ARMED_VICTIMS = re.compile(
    r"\b(?:soldiers?|troops?|army|military|servicem[ae]n|police(?:m[ae]n)?|police officers?|"
    r"officers?|gendarmes?|guards?|militants?|fighters?|rebels?|insurgents?|jihadists?|"
    r"militi(?:a|as|amen)|forces?|positions?|checkpoints?|posts?|outposts?|bases?|barracks|"
    r"convoys?|patrols?|combatants?|personnel|commanders?|troopers?|security)\b",
    re.IGNORECASE,
)
# The doer is a crowd: violence by a crowd is mob violence, not an attack.
CROWD_DOERS = re.compile(
    r"\b(?:mob|crowd|villagers|residents|locals|people|group of (?:people|men|youths|villagers)|"
    r"youths|(?:two|rival|village|ethnic|clan|opposing) groups|family members|relatives|"
    r"neighbou?rs|supporters|workers)\b",
    re.IGNORECASE,
)
PASSIVE_AGENT = re.compile(
    r"\bby (?:an? |the )?(?:angry |local |irate )?(?P<agent>.+)", re.IGNORECASE
)
POLICE_ACTION = re.compile(
    r"\b(?:dispers\w*|tear ?gas|water ?cannons?|rubber bullets?|batons?|baton charge\w*|"
    r"lathi\w*|pepper spray|stun grenades?|intervened|broke up|cracked down|crackdown|"
    r"(?:arrested|detained|apprehended|rounded up|removed|evicted)\s+(?:\w+\s+){0,3}"
    r"(?:protesters|demonstrators|participants|activists|people|students|them|organi[sz]ers|"
    r"workers|strikers)|(?:protesters|demonstrators|participants|activists|students|workers)\s+"
    r"(?:were|was)\s+(?:arrested|detained|beaten|removed|dispersed)|moved the protesters|"
    r"prevented (?:the )?(?:protest|march|rally|demonstration)|attempted to (?:disperse|re-?open)|"
    r"(?:police|security forces|officers)\s+(?:\w+\s+){0,2}(?:arrested|detained|fired|beat|"
    r"dispersed|blocked|stopped))\b",
    re.IGNORECASE,
)
LETHAL_FORCE = re.compile(
    r"\b(?:live (?:ammunition|rounds|fire|bullets)|opened fire on (?:the )?(?:protesters|"
    r"demonstrators|crowd|marchers)|(?:shot|killed) (?:\w+ ){0,3}(?:protesters|demonstrators))\b",
    re.IGNORECASE,
)
RIOT_ACTION = re.compile(
    r"\b(?:threw (?:\w+ )?(?:stones|rocks|bricks|petrol bombs|molotov|objects|bottles)|pelt\w*|"
    r"stone[- ]pelting|torch\w*|set (?:\w+ ){0,3}(?:on )?fire|set fire|set ablaze|arson|"
    r"vandali[sz]\w*|ransack\w*|smash\w*|loot\w*|clash\w* with (?:the )?(?:police|security|"
    r"troops|soldiers|officers|authorities)|(?:burn\w*|lit|light\w*) (?:\w+ ){0,2}(?:tyres|tires)|"
    r"burning (?:tyres|tires)|barricades? on fire|storm\w*|forced (?:their|its) way|barricad\w+|"
    r"(?:with|hurl\w*|throw\w*) stones|(?:burn\w*|lit) (?:\w+ ){0,2}objects|"
    r"attack\w* (?:the )?(?:\w+ ){0,2}(?:police|officers|task force|security|officials|agents|"
    r"guards|vehicles)|"
    r"damag\w+ (?:\w+ ){0,2}(?:vehicles|cars|property|shops|buildings|offices))\b",
    re.IGNORECASE,
)
# After a protest word, these open the protest's subject ("against the attack
# on police", "to fight the pandemic"): violence words there are not events.
PROTEST_TOPIC = re.compile(
    r"\b(?:against|over|demand\w*|denounc\w*|condemn\w*|protesting|in protest|about|after|"
    r"following|to fight|for|killed by|victims of|in solidarity)\b",
    re.IGNORECASE,
)
# What a "seized" names when it is not territory.
_OBJECT_LEAD = r"\s*(?:(?:about|around|over|more than|at least|some|nearly|a|an|the|large|huge|"
_OBJECT_LEAD += r"several|quantities of|quantity of|amount of|number of|cache of|haul of|\d[\d.,]*|"
_OBJECT_LEAD += r"tons?|tonnes?|kilos?|kg|kilograms?|of|and)\s+)*"
WEAPONS = re.compile(
    _OBJECT_LEAD + r"(?:weapons?|arms|ammunition|rifles?|guns?|explosives?|grenades?|rockets?|"
    r"mortars?|bombs?|ieds?|mines?|missiles?|munitions?|firearms?|pistols?)\b",
    re.IGNORECASE,
)
GOODS = re.compile(
    _OBJECT_LEAD + r"(?:drugs?|narcotics?|marijuana|cannabis|cocaine|heroin|opium|methamphetamine|"
    r"cash|money|vehicles?|cars?|trucks?|goods|property|properties|land|lands|livestock|cattle|"
    r"cows?|goats?|fuel|food|aid|equipment|documents|phones?|crops?|houses?|homes?|shops?)\b",
    re.IGNORECASE,
)
EXPLOSIVE_REMNANT = re.compile(
    r"\b(?:accident\w*|unexploded|remnants? of war|explosive remnants?|left over from|"
    r"leftover|laid during|old (?:mine|shell|ordnance)|ordnance)\b",
    re.IGNORECASE,
)
# Triggers about the victim's fate, not the doer's act: never crowd violence.
VICTIM_FATE = frozenset({"die", "dead", "body", "found dead"})
PROTESTER_DESCRIPTION = re.compile(
    r"\b(?:who|whose|whom|families of|relatives of|victims of|mothers of|of people|of those)\b",
    re.IGNORECASE,
)
VIOLENT_FAMILIES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@dataclass(frozen=True, slots=True)
class Clause:
    """The text an event is read from: its sentence, with the trigger's
    offsets relative to it, and the sentences that follow (police action and
    riots are often told in the next sentence)."""

    text: str
    trigger_start: int
    trigger_end: int
    passive: bool
    following: str = ""


def without_protest_topics(
    triggers: Sequence[TriggerMatch], sentence_start: int, text: str
) -> list[TriggerMatch]:
    """In a sentence reporting a protest, violence words that name what the
    protest is about are not events ("protested against the attack")."""
    protests = [t for t in triggers if t.entry.sub == "@protest" and not t.entry.weak]
    if not protests:
        return list(triggers)
    first = min(t.start for t in protests)
    kept: list[TriggerMatch] = []
    for trigger in triggers:
        family = _family(trigger)
        if family in VIOLENT_FAMILIES or (family == "Riots" and trigger.entry.sub != "@protest"):
            if trigger.start > first:
                between = text[first - sentence_start : trigger.start - sentence_start]
                if PROTEST_TOPIC.search(between):
                    continue
            else:
                # "families of people killed by ... protested": the violence
                # describes who protests, not what happened that day.
                lead = text[: trigger.start - sentence_start]
                if PROTESTER_DESCRIPTION.search(lead):
                    continue
        kept.append(trigger)
    return kept


def sub_event_type(
    trigger: TriggerMatch,
    roles: Roles,
    clause: Clause,
    fatalities: Fatalities | None,
) -> str:
    sub = trigger.entry.sub
    if sub == "@territory":
        seized = clause.text[clause.trigger_end : clause.trigger_end + 60]
        if WEAPONS.match(seized):
            return "Disrupted weapons use"
        if GOODS.match(seized):
            return "Looting/property destruction"
        doer = roles.actor1
        return (
            "Government regains territory"
            if doer is None or doer.inter == 1
            else "Non-state actor overtakes territory"
        )
    if sub == "@protest":
        return _protest(clause, fatalities)
    if sub == "@violence":
        sub = _violence(roles, clause, fatalities)
    if sub == "Remote explosive/landmine/IED" and EXPLOSIVE_REMNANT.search(clause.text):
        return "Other"  # an old mine or shell going off is not an attack
    crowd_possible = trigger.entry.phrase not in VICTIM_FATE
    if sub in ("Attack", "Armed clash") and crowd_possible and _by_crowd(roles, clause):
        return "Mob violence"
    if sub == "Looting/property destruction" and _by_crowd(roles, clause):
        return "Violent demonstration"  # a crowd wrecking property is a riot
    return sub


def _protest(clause: Clause, fatalities: Fatalities | None) -> str:
    window = f"{clause.text} {clause.following}"
    killed = fatalities is not None and fatalities.count > 0
    if LETHAL_FORCE.search(window) or (killed and POLICE_ACTION.search(window)):
        return "Excessive force against protesters"
    if RIOT_ACTION.search(window):
        return "Violent demonstration"
    if POLICE_ACTION.search(window):
        return "Protest with intervention"
    return "Peaceful protest"


def _violence(roles: Roles, clause: Clause, fatalities: Fatalities | None) -> str:
    """Attack when the victims are unarmed, Armed clash when they are armed."""
    if clause.passive:
        victims = clause.text[: clause.trigger_start]
    else:
        victims = clause.text[clause.trigger_end :]
    if not (CIVILIAN_VICTIMS.search(victims) or ARMED_VICTIMS.search(victims)):
        # "9 militants were killed when the army repulsed their attacks":
        # the victims are named elsewhere in the sentence.
        victims = clause.text
    if PROTESTER_VICTIMS.search(victims) or (roles.actor2 is not None and roles.actor2.inter == 6):
        # Lethal or violent force used on a demonstration by state forces.
        doer = roles.actor1
        return "Excessive force against protesters" if doer is None or doer.inter == 1 else "Attack"
    civilian = CIVILIAN_VICTIMS.search(victims) is not None
    armed = ARMED_VICTIMS.search(victims) is not None
    victim = roles.actor2
    if AFFILIATED_VICTIMS.search(victims) and not (civilian or armed):
        forces = victim is not None and victim.inter in FORCE_INTER
        return "Armed clash" if forces else "Attack"
    if victim is not None and victim.inter in ARMED_INTER and not civilian:
        return "Armed clash"
    if victim is not None and victim.inter == 7:
        return "Attack"
    if civilian and not armed:
        return "Attack"
    if armed and not civilian:
        return "Armed clash"
    if civilian and armed:
        # "killed a soldier and two civilians": the first named decides.
        first_civilian = CIVILIAN_VICTIMS.search(victims)
        first_armed = ARMED_VICTIMS.search(victims)
        assert first_civilian is not None and first_armed is not None
        return "Attack" if first_civilian.start() < first_armed.start() else "Armed clash"
    return "Attack" if fatalities is not None and fatalities.count > 0 else "Armed clash"


def _by_crowd(roles: Roles, clause: Clause) -> bool:
    # In a passive sentence ("a man was shot by ...") the words before the
    # trigger are the victims; the doers follow "by".
    if clause.passive:
        agent = PASSIVE_AGENT.search(clause.text[clause.trigger_end : clause.trigger_end + 80])
        return agent is not None and CROWD_DOERS.match(agent.group("agent")) is not None
    doer = roles.actor1
    if doer is not None and doer.inter == 5:  # rioters
        return True
    if doer is not None and doer.inter in ARMED_INTER:
        return False
    before = clause.text[: clause.trigger_start]
    return CROWD_DOERS.search(before[-80:]) is not None


def _family(trigger: TriggerMatch) -> str:
    sub = trigger.entry.sub
    if sub in ("@territory", "@violence"):
        return "Battles"
    if sub == "@protest":
        return "Protests"
    return EVENT_TYPE_OF[sub]
