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
from frontwatch.extract.taxonomy import EVENT_TYPE_OF, TACTIC_RANK
from frontwatch.extract.territory import TERRITORY, territory_reading
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
    r"candidates?|mayors?|lawyers?|judges?|migrants?|refugees?|displaced|locals|youths?|"
    r"teen(?:ager)?s?|minors?|pedestrians?|customers?|owners?|vendors?|fishermen|miners?|"
    r"victims?|individuals?|suspects?|villages?|homes?|houses?|market|community|communities|"
    r"tribesmen|bystanders|passers-?by|siblings|relatives|activists?)\b",
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
# Security personnel who could not fight back: ACLED codes violence against
# them as violence against civilians.
OFF_DUTY = re.compile(r"\b(?:off[- ]duty|unarmed|on leave|in plain ?clothes)\b", re.IGNORECASE)
# Victims named as members of a gang or the drug trade: ACLED codes violence
# against them as a clash between armed groups (its gang-violence convention),
# whoever did it.
GANG_VICTIMS = re.compile(
    r"\b(?:(?:alleged|suspected|reputed|known|presumed)\s+(?:\w+\s+)?(?:gang|cartel|mara)"
    r"(?:\s+members?)?|(?:alleged|suspected|presumed) members? (?:of|from)|gang ?members?|"
    r"gangsters?|cartel members?|members? of (?:the |a )?"
    r"(?:\w+\s+){0,3}(?:gang|cartel|mara|criminal (?:group|organi[sz]ation))|"
    r"drug (?:dealers?|traffickers?|lords?|bosses|sellers?)|(?:a |an |alleged |suspected )"
    r"(?:drug |arms )?traffickers?|(?:had|has|with) (?:\w+\s+){0,3}(?:charges|records?|"
    r"convictions?|a criminal record) (?:\w+\s+){0,4}(?:drug|traffick|robbery|homicide|murder|"
    r"crimes?)|(?:convicted|accused) of (?:\w+\s+){0,2}(?:drug trafficking|trafficking)|"
    r"(?:the )?victims? (?:was|were) armed)\b",
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
# The target fired back: what began as shelling or a grenade is a battle
# (ACLED's remote violence is one-sided: the target cannot respond).
RETURN_FIRE = re.compile(
    r"\b(?:(?:in )?both directions|return(?:ed|ing)? (?:the )?fire|fired back|shot back|"
    r"respond(?:ed|ing)? (?:to (?:the|their) (?:fire|attack)|with (?:gun)?fire|by firing)|"
    r"react(?:ed|ing)? with (?:gun)?fire|(?:opened|returned) (?:gun)?fire in response|"
    r"exchang\w+ (?:of )?(?:fire|gunfire|shots)|followed by (?:gunshots|gunfire|clashes|"
    r"an? (?:armed )?clash|a gunfight|a shoot-?out))\b",
    re.IGNORECASE,
)
ONE_SIDED = frozenset(
    {"Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED"}
)
# A calibre of heavy machine guns and cannons (12.7 mm and up): fire from
# them at an area is coded as shelling.
HEAVY_CALIBRE = re.compile(r"\b(?:1[2-9]|[2-9]\d|1\d\d)(?:[.,]\d+)?\s?mm\b", re.IGNORECASE)
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
    places: tuple[tuple[int, int], ...] = ()  # toponym spans, relative to ``text``


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
    if sub == "Abduction/forced disappearance" and _armed_victims(clause):
        return "Armed clash"  # taking fighters or police is part of the fighting
    if sub == TERRITORY:
        sub = reading(trigger, clause)
    if sub == TERRITORY:
        doer = roles.actor1
        return (
            "Government regains territory"
            if doer is None or doer.inter == 1
            else "Non-state actor overtakes territory"
        )
    if sub == "@protest":
        return _protest(clause, fatalities)
    if sub == "@violence":
        if _heavy_fire(trigger, clause):
            sub = "Shelling/artillery/missile attack"
        else:
            sub = _violence(roles, clause, fatalities)
    if sub in ONE_SIDED and RETURN_FIRE.search(
        f"{clause.text[clause.trigger_start :]} {clause.following}"
    ):
        return "Armed clash"
    if sub == "Remote explosive/landmine/IED" and EXPLOSIVE_REMNANT.search(clause.text):
        return "Other"  # an old mine or shell going off is not an attack
    crowd_possible = trigger.entry.phrase not in VICTIM_FATE
    if sub in ("Attack", "Armed clash") and crowd_possible and _by_crowd(roles, clause):
        return "Mob violence"
    if sub == "Looting/property destruction" and _by_crowd(roles, clause):
        return "Violent demonstration"  # a crowd wrecking property is a riot
    return sub


def reading(trigger: TriggerMatch, clause: Clause) -> str:
    """The rule a trigger is read by: its own, except that a territorial word
    whose object is not a place reads as what was taken (see
    ``frontwatch.extract.territory``)."""
    sub = trigger.entry.sub
    if sub != TERRITORY:
        return sub
    return territory_reading(
        clause.text,
        clause.trigger_start,
        clause.trigger_end,
        passive=clause.passive,
        places=clause.places,
    )


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
    victims = _victims(clause)
    if not (CIVILIAN_VICTIMS.search(victims) or ARMED_VICTIMS.search(victims)):
        # "9 militants were killed when the army repulsed their attacks":
        # the victims are named elsewhere in the sentence.
        victims = clause.text
    if PROTESTER_VICTIMS.search(victims) or (roles.actor2 is not None and roles.actor2.inter == 6):
        # Lethal or violent force used on a demonstration by state forces.
        doer = roles.actor1
        return "Excessive force against protesters" if doer is None or doer.inter == 1 else "Attack"
    if gang_victims(clause):
        return "Armed clash"
    if OFF_DUTY.search(clause.text):
        return "Attack"
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


def _heavy_fire(trigger: TriggerMatch, clause: Clause) -> bool:
    """Plain firing ("fired", "targeted") with heavy-calibre weapons."""
    rank = trigger.entry.rank
    return (
        rank is not None
        and rank < TACTIC_RANK["Attack"]
        and HEAVY_CALIBRE.search(clause.text) is not None
    )


def gang_victims(clause: Clause) -> bool:
    """Whether the victims are named as gang members or in the drug trade,
    in the sentence or the one after it ("The victim had a record for drug
    trafficking")."""
    return GANG_VICTIMS.search(f"{_victims(clause)} {_next_sentence(clause)}") is not None


def _next_sentence(clause: Clause) -> str:
    found = re.search(r"(?<=[.!?])\s+(?=[A-Z])", clause.following)
    return clause.following[: found.start()] if found else clause.following


def _victims(clause: Clause) -> str:
    if clause.passive:
        return clause.text[: clause.trigger_start]
    return clause.text[clause.trigger_end :]


def _armed_victims(clause: Clause) -> bool:
    """Whether the people the act was done to are fighters or police on duty."""
    victims = _victims(clause)
    armed = ARMED_VICTIMS.search(victims)
    if armed is None or OFF_DUTY.search(clause.text):
        return False
    civilian = CIVILIAN_VICTIMS.search(victims)
    return civilian is None or armed.start() < civilian.start()


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
