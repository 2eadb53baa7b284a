"""Sub-event types that depend on who did what to whom.

A trigger names a tactic ("shot", "attacked", "protested"); ACLED's sub-event
type also depends on the parties: violence against people who cannot fight
back (civilians, off-duty police) is an Attack, against fighters, police on
duty or gang members an Armed clash, by a crowd a riot; shelling or a grenade
answered with fire is a clash; weapons found, defused or shot down are
disrupted weapons use; a protest becomes a Protest with intervention when
police act, Excessive force when they kill a peaceful crowd, a Violent
demonstration when the protesters turn violent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.extract.crowd import by_crowd, crowd_violence
from frontwatch.extract.roles import Roles
from frontwatch.extract.taxonomy import EVENT_TYPE_OF, EXPLOSIONS, SUB_EVENT_TYPES, TACTIC_RANK
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
    r"tribesmen|bystanders|passers-?by|siblings|relatives|activists?|staff|employees?|"
    r"managers?|sellers?|labou?rers?|sheikhs?|clerics?|deacons?|correspondents?|"
    r"businessm[ae]n|businesswom[ae]n|players?|shepherds?|sheperds?|developers?|engineers?|"
    r"contractors?|politicians?|MLAs?|MPs?|chairm[ae]n|headm[ae]n|taxi|nationals|"
    r"Palestinians?|Rohingyas?|settlers?|"
    # gatherings of civilians fired upon (not a bus: it may carry troops)
    r"weddings?|funerals?|mourners|guests|shoppers|diners|queues?)\b",
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
    r"officers?|gendarmes?|gendarmerie|guards?|bodyguards?|escorts?|commandos?|militants?|"
    r"fighters?|factions?|pro-\w+ (?:groups|elements)|"
    r"rebels?|insurgents?|jihadists?|militiam[ae]n|arbakis?|"
    r"militi(?:a|as|amen)|forces?|positions?|checkpoints?|posts?|outposts?|bases?|barracks|"
    r"convoys?|patrols?|combatants?|personnel|commanders?|troopers?|security)\b",
    re.IGNORECASE,
)
# Security personnel who could not fight back: ACLED codes violence against
# them as violence against civilians.
OFF_DUTY = re.compile(
    r"\b(?:off[- ]duty|unarmed|on leave|in plain ?clothes|(?:former|retired|ex-)\s*(?:\w+\s+)?"
    r"(?:soldiers?|police\w*|officers?|bodyguards?|guards?|commanders?|fighters?|militants?|"
    r"rebels?|combatants?|servicem[ae]n))\b",
    re.IGNORECASE,
)
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
    r"convictions?|a criminal record) (?:[\w,]+\s+){0,6}(?:drug|traffick\w*)|"
    r"(?:convicted|accused) of (?:\w+\s+){0,2}(?:drug trafficking|trafficking)|"
    r"(?:involved|implicated) in (?:a |the )?(?:gang|drug|cartel)\w*)\b",
    re.IGNORECASE,
)
ABDUCTION = "Abduction/forced disappearance"
POLICE_ACTION = re.compile(
    r"\b(?:dispers\w*|tear ?gas|water ?cannons?|rubber bullets?|batons?|baton charge\w*|"
    r"lathi\w*|pepper spray|stun grenades?|intervened|broke up|cracked down|crackdown|"
    r"(?:arrested|detained|apprehended|rounded up|removed|evicted)\s+(?:\w+\s+){0,3}"
    r"(?:protesters|demonstrators|participants|activists|people|students|them|organi[sz]ers|"
    r"workers|strikers)|(?:protesters|demonstrators|participants|activists|students|workers)\s+"
    r"(?:were|was)\s+(?:arrested|detained|beaten|removed|dispersed)|moved the protesters|"
    r"prevented (?:the )?(?:protest|march|rally|demonstration)|attempted to (?:disperse|re-?open)|"
    r"(?:police|security forces|officers|military forces|soldiers|troops|the army)\s+"
    r"(?:\w+\s+){0,2}(?:arrested|detained|fired|beat|dispersed|blocked|stopped)|"
    r"(?:working|attempting|trying)\s+to\s+(?:disperse|re-?open|remove)|"
    # Arrests told in the passive, after the protest: "15 people were
    # arrested by the police", "One woman was arrested", "Several arrests
    # were made" (not "a blogger who was arrested last week").
    r"(?<!who )(?<!that )(?:was|were)\s+(?:arrested|detained)\s+by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}police|arrests\s+were\s+made|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|dozens of|tens of)"
    r"\s+(?:[\w-]+\s+){0,2}(?:was|were)\s+(?:arrested|detained)|"
    r"(?:police|officers|security forces)\s+(?:attempted|tried)\s+to\s+(?:arrest|detain|"
    r"disperse|control|stop))\b",
    re.IGNORECASE,
)
LETHAL_FORCE = re.compile(
    r"\b(?:live (?:ammunition|rounds|fire|bullets)|opened fire on (?:the )?(?:protesters|"
    r"demonstrators|crowd|marchers)|(?:shot|killed) (?:\w+ ){0,3}(?:protesters|demonstrators))\b",
    re.IGNORECASE,
)
RIOT_ACTION = re.compile(
    r"\b(?:threw (?:\w+ )?(?:stones|rocks|bricks|petrol bombs|molotov|objects|bottles)|pelt\w*|"
    r"stone[- ]pelting|torch(?:ed|ing)|set (?:\w+ ){0,3}(?:on )?fire|set fire|set ablaze|arson|"
    r"vandali[sz]\w*|ransack\w*|smash\w*|loot(?:ed|ing)\b(?! (?:funds|money|assets|valuables|"
    r"wealth|public))|clash\w* with (?:the )?(?:police|security|"
    r"troops|soldiers|officers|authorities)|(?:burn\w*|lit|light\w*) (?:\w+ ){0,2}(?:tyres|tires)|"
    r"burning (?:tyres|tires)|barricades? on fire|storm\w*|forced (?:their|its) way|barricad\w+|"
    r"(?:with|hurl\w*|throw\w*) stones|(?:burn\w*|lit) (?:\w+ ){0,2}objects|"
    r"attack\w* (?:the )?(?:\w+ ){0,2}(?:police|officers|task force|security|officials|agents|"
    r"guards|vehicles)|"
    r"damag\w+ (?:\w+ ){0,2}(?:vehicles|cars|property|shops|buildings|offices)|turned violent|"
    r"violent (?:demonstrations?|protests?|clashes)|clash\w* with (?:the )?(?:demonstrators|"
    r"protesters|rioters)|physical (?:confrontation|fight|altercation)|scuffle\w*|brawl\w*|"
    r"destroy(?:ed|ing)|burn\w* (?:\w+ ){0,3}(?:chairs|documents|property|vehicles?|cars?|buses|"
    r"station|offices?|buildings?|houses?|shops?|mattresses|material)|burnt|burning (?:vehicles?|"
    r"cars?|material|objects|barricades|branches)|on fire|setting fire|hurl\w* (?:\w+ ){0,3}"
    r"(?:rocks|stones|bricks|objects|bottles|molotov\w*|firecrackers|iron)|forc\w* (?:themselves|"
    r"their way)|beaten (?:up )?by (?:the )?(?:demonstrators|protesters))\b",
    re.IGNORECASE,
)
# After a protest word, these open the protest's subject ("against the attack
# on police", "to fight the pandemic"): violence words there are not events.
PROTEST_TOPIC = re.compile(
    r"\b(?:against|over|demand\w*|denounc\w*|condemn\w*|protesting|in protest|about|after|"
    r"following|to fight|for|killed by|victims of|in solidarity|commemorat\w*|to mark|"
    r"anniversary|in memory of|remembrance|tribute|mourn\w*|funeral|of the (?:abduction|killing|"
    r"arrest|murder|death|attack|assassination|detention|kidnapping))\b",
    re.IGNORECASE,
)
# Right before a riot word: it names what the protest is about, or what
# others did ("against the attack on police", "people who set fire").
RIOT_TOPIC = re.compile(
    r"\b(?:against|over|condemn\w*|denounc\w*|about|after|following|of|who|recovery of)\s+"
    r"(?:(?:the|an?|recent|alleged|their|his|her)\s+)*$",
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
EXPLOSIONS_SUBS = frozenset(SUB_EVENT_TYPES[EXPLOSIONS])
ONE_SIDED = frozenset(
    {"Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED"}
)
# A calibre of heavy machine guns and cannons (12.7 mm and up): fire from
# them at an area is coded as shelling.
HEAVY_CALIBRE = re.compile(r"\b(?:1[2-9]|[2-9]\d|1\d\d)(?:[.,]\d+)?\s?mm\b", re.IGNORECASE)
# Explosives or weapons found, defused, seized or shot down, and bombs that
# went off while being planted: ACLED's "disrupted weapons use".
DISRUPTION_VERB = re.compile(
    r"\b(?:defus|diffus|dismantl|seiz|recover|found|find|discover|uncover|unearth|confiscat|"
    r"neutrali[sz]|disarm|deactivat|intercept|shot down|shoot down|shut down|downed|"
    r"disposed|foil|thwart)\w*\b",
    re.IGNORECASE,
)
DISRUPTED_AFTER = re.compile(
    r"^[\w-]*\s+(?:[\w(),-]+\s+){0,8}?(?:was|were)\s+(?:\w+ly\s+)?(?:found|recovered|defused|"
    r"seized|dismantled|discovered|intercepted|shot down|neutrali[sz]ed|deactivated|disposed)\b",
    re.IGNORECASE,
)
MISFIRE = re.compile(
    r"\b(?:prematurely|while (?:planting|making|assembling|handling|transporting|placing)|"
    r"(?:they|he) (?:was|were) (?:planting|making|handling)|did not (?:explode|detonate)|"
    r"failed to (?:explode|detonate)|controlled explosion|bomb disposal)\b",
    re.IGNORECASE,
)
_NOT_DISRUPTION = re.compile(
    r"\b(?:kill\w*|dead|died|injur\w*|wound\w*|bod(?:y|ies)|after|when|before|but|came|come|"
    r"comes|was|were|is|are|from|said)\b|[;.]",
    re.IGNORECASE,
)
# Property taken, and no one hurt: looting, not an attack on people.
PLUNDER = re.compile(
    r"\b(?:loot\w*|st(?:ole|eal\w*|olen)|took away|taking away|made off with|plunder\w*|"
    r"pillag\w*|carried away|carted off|robbed|ransack\w*)\b",
    re.IGNORECASE,
)
HARM = re.compile(
    r"\b(?:kill\w*|dead|died|injur\w*|wound\w*|hurt|beat\w*|shot|shoot\w*|fired|abduct\w*|"
    r"kidnap\w*|rap(?:e|ed)|assault\w*|tortur\w*|stabb\w*|hostage|casualt\w*|fatalit\w*)\b",
    re.IGNORECASE,
)
EXPLOSIVE_REMNANT = re.compile(
    r"\b(?:accident\w*|unexploded|remnants? of war|explosive remnants?|left over from|"
    r"leftover|laid during|old (?:mine|shell|ordnance)|ordnance)\b",
    re.IGNORECASE,
)
# Triggers about the victim's fate, not the doer's act: never crowd violence.
VICTIM_FATE = frozenset({"die", "dead", "body", "found dead", "remains", "head"})
PROTESTER_DESCRIPTION = re.compile(
    r"\b(?:who|whose|whom|families of|relatives of|victims of|mothers of|of people|of those)\b",
    re.IGNORECASE,
)
# Words for a fight between two sides, either of which may be a crowd.
TWO_SIDED = frozenset(
    {"clash", "fight", "fighting", "skirmish", "battle", "firefight", "gunfight", "gun battle",
     "shoot-out", "shootout", "exchange", "exchange fire", "exchange of fire",
     "exchange of gunfire", "encounter", "small arm", "small arms"}
)  # fmt: skip
# Blows, not weapons: used on people who cannot fight back.
PHYSICAL = frozenset({"beat", "beaten", "assault", "torture", "stab", "hack", "lynch"})
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
    if sub == ABDUCTION and _armed_victims(clause):
        return "Armed clash"  # taking fighters or police is part of the fighting
    if sub == ABDUCTION and fatalities is not None and fatalities.count > 0:
        return "Attack"  # ACLED: an abduction that ends in a killing is an attack
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
    if sub == "@riot":
        return crowd_violence(f"{clause.text} {_next_sentence(clause)}")
    if sub == "@violence":
        if _heavy_fire(trigger, clause):
            sub = "Shelling/artillery/missile attack"
        elif _plunder(clause, fatalities):
            return "Looting/property destruction"
        else:
            sub = _violence(roles, clause, fatalities, trigger.entry.phrase)
    if sub in EXPLOSIONS_SUBS and _disrupted(clause):
        return "Disrupted weapons use"
    if sub in ONE_SIDED and RETURN_FIRE.search(
        f"{clause.text[clause.trigger_start :]} {clause.following}"
    ):
        return "Armed clash"
    if sub == "Remote explosive/landmine/IED" and EXPLOSIVE_REMNANT.search(clause.text):
        return "Other"  # an old mine or shell going off is not an attack
    crowd_possible = trigger.entry.phrase not in VICTIM_FATE
    if sub in ("Attack", "Armed clash") and crowd_possible and _by_crowd(roles, clause, trigger):
        return crowd_violence(f"{clause.text} {_next_sentence(clause)}")
    if sub == "Looting/property destruction" and _by_crowd(roles, clause, trigger):
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
    # Protesters who turned violent riot, whatever the police did to them;
    # lethal force is excessive only against a peaceful crowd.
    if any(not RIOT_TOPIC.search(window[: m.start()]) for m in RIOT_ACTION.finditer(window)):
        return "Violent demonstration"
    if LETHAL_FORCE.search(window) or (killed and POLICE_ACTION.search(window)):
        return "Excessive force against protesters"
    if POLICE_ACTION.search(window):
        return "Protest with intervention"
    return "Peaceful protest"


def _violence(roles: Roles, clause: Clause, fatalities: Fatalities | None, phrase: str = "") -> str:
    """Attack when the victims are unarmed, Armed clash when they are armed."""
    victims = _victims(clause)
    if not (CIVILIAN_VICTIMS.search(victims) or ARMED_VICTIMS.search(victims)):
        # "9 militants were killed when the army repulsed their attacks":
        # the victims are named elsewhere in the sentence.
        victims = clause.text
    protesters = roles.actor2 is not None and roles.actor2.name.startswith("Protesters")
    if PROTESTER_VICTIMS.search(victims) or protesters:
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
    if phrase in PHYSICAL or phrase in VICTIM_FATE or _place_attacked(roles, clause):
        return "Attack"
    return "Attack" if fatalities is not None and fatalities.count > 0 else "Armed clash"


def _place_attacked(roles: Roles, clause: Clause) -> bool:
    """A village or town attacked by an armed group, with no force named in
    it: the attack is on the people who live there."""
    doer = roles.actor1
    if doer is not None and doer.inter == 1:
        return False
    start = (
        clause.trigger_end
        + len(clause.text[clause.trigger_end :])
        - len(clause.text[clause.trigger_end :].lstrip())
    )
    return any(s <= start < e for s, e in clause.places)


def _disrupted(clause: Clause) -> bool:
    """Whether the weapon the trigger names was found, defused, seized or shot
    down, or went off in its owners' hands."""
    if MISFIRE.search(clause.text):
        return True
    before = clause.text[max(0, clause.trigger_start - 200) : clause.trigger_start]
    verbs = list(DISRUPTION_VERB.finditer(before))
    if verbs:
        gap = before[verbs[-1].end() :]
        if len(gap.split()) <= 8 and not _NOT_DISRUPTION.search(gap):
            return True
    return DISRUPTED_AFTER.match(clause.text[clause.trigger_end :]) is not None


def _plunder(clause: Clause, fatalities: Fatalities | None) -> bool:
    """A raid that took property and hurt nobody ("raided several houses,
    taking away food")."""
    if fatalities is not None and fatalities.count > 0:
        return False
    return PLUNDER.search(clause.text) is not None and HARM.search(clause.text) is None


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


# A passive auxiliary right before the trigger; an object right after it.
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_OBJECT_NEXT = re.compile(
    r"\s+(?:(?:and|then)\s+\w+\s+)?(?:dead\s+)?(?:an?|the|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|dozens|between|about|at least|more than|his|her|their|its|him|them|"
    r"us|me)\b",
    re.IGNORECASE,
)
# A weapon or doer named by "by" before a noun trigger ("killed by a
# Taliban sniper"): the people before suffered it.
_AGENT_BEFORE = re.compile(r"(?<![\w-])by\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)


def _victims(clause: Clause) -> str:
    """The words naming whom the act was done to: the subject of a passive
    verb, else the words after the trigger."""
    before = clause.text[: clause.trigger_start]
    after = clause.text[clause.trigger_end :]
    if _AGENT_BEFORE.search(before):
        return before
    if clause.passive and (_PASSIVE_AUX.search(before) or not _OBJECT_NEXT.match(after)):
        return before
    return after


def _armed_victims(clause: Clause) -> bool:
    """Whether the people the act was done to are fighters or police on duty."""
    victims = _victims(clause)
    armed = ARMED_VICTIMS.search(victims)
    if armed is None or OFF_DUTY.search(clause.text):
        return False
    civilian = CIVILIAN_VICTIMS.search(victims)
    return civilian is None or armed.start() < civilian.start()


def _by_crowd(roles: Roles, clause: Clause, trigger: TriggerMatch) -> bool:
    return by_crowd(
        clause.text,
        clause.trigger_start,
        clause.trigger_end,
        passive=clause.passive,
        two_sided=trigger.entry.phrase in TWO_SIDED,
        sides=(roles.actor1, roles.actor2),
    )


def _family(trigger: TriggerMatch) -> str:
    sub = trigger.entry.sub
    if sub in ("@territory", "@violence"):
        return "Battles"
    if sub == "@protest":
        return "Protests"
    if sub == "@riot":
        return "Riots"
    return EVENT_TYPE_OF[sub]
