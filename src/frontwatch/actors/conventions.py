"""ACLED's actor conventions by event type, applied after roles are read.

What a sentence says and how ACLED codes it differ in a few fixed ways:

- a protest's actor1 is always "Protesters (country)"; a named group that
  protests (a union, a party, "women") is its associated actor; the second
  actor is the police or army only when they intervened;
- a riot's actor1 is always "Rioters (country)", likewise with the named
  group as associated actor; its second actor is whoever the rioters fought
  or attacked (police, civilians, other rioters);
- violence against civilians has "Civilians (country)" as actor2, with the
  kind of victims ("Journalists (country)", a party) as associated actor;
- armed events whose doer is not named get the two sides of the country's
  war when the dictionary knows one for the day (``conflicts`` in
  countries.yaml), else the country's unidentified armed group; a doer
  known only as "a man" or "people" is an unidentified armed group too;
- a clash has two sides: an unnamed second side is another unidentified
  group; shelling that names no target has none;
- a change to a group's activity (forces deployed, a patrol, a curfew) and a
  new base have no second actor;
- a member state's forces acting for a coalition are coded as the coalition,
  the state's forces as its associated actor ("Operation Restoring Hope"
  for Saudi forces in Yemen); a member group under its umbrella likewise
  (the Donetsk militia under NAF).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.actors.entries import ActorEntry
from frontwatch.extract.roles import Roles
from frontwatch.extract.taxonomy import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    VIOLENCE_CIVILIANS,
    event_type_of,
)
from frontwatch.models import Actor

STATE_INTER = frozenset({1, 8})
PROTESTER_INTER = 6
ONE_ACTOR_SUBS = frozenset({"Change to group/activity", "Headquarters or base established"})
PROPERTY = "Looting/property destruction"
# Joining another group: the group joined is the second actor.
DEFECTION = re.compile(r"\b(?:join(?:ed|ing)?|switch(?:ed)? sides|defect(?:ed|ing)?)\b", re.I)
INTERVENTION_SUBS = frozenset({"Protest with intervention", "Excessive force against protesters"})
# The police a riot fought, named in the sentences after it: "Rioters
# pelted stones at the police", "Police clashed with the demonstrators".
POLICE_AGAINST_CROWD = re.compile(
    r"\b(?:at|on|with|against)\s+(?:the\s+)?police\b"
    r"|\bpolice\s+(?:\w+\s+){0,2}(?:clashed|dispersed|fired|resorted|charged|used|intervened)\b"
    r"|\bpolice(?:\s+officers?|men|man)?\s+(?:were|was)\s+(?:pelted|attacked|stoned|assaulted|"
    r"injured|hurt)\b",
    re.IGNORECASE,
)
# A protest met by another crowd: ACLED codes the counter-protesters as the
# second actor ("Protesters (Serbia)" against "Protesters (Serbia)").
COUNTER_PROTEST = re.compile(
    r"\bcounter[- ]?(?:protest|protests|protesters|protestors|demonstration|demonstrations|"
    r"demonstrators|rally|rallies)\b",
    re.IGNORECASE,
)
ARMED_EVENT_TYPES = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS})
# Unarmed people hurt by a blast or shelling: "civilians", "a child", "residents".
CIVILIAN_HARM = re.compile(
    r"\b(?:civilians?|villagers?|residents?|children|child|a (?:man|woman|boy|girl)|"
    r"(?:men|women|people|persons?|family members|passers-?by|farmers?|shepherds?|"
    r"worshipp?ers?|students?|passengers?)\b(?:\W+\w+){0,3}\W+(?:were|was)\s+"
    r"(?:killed|wounded|injured|hurt))\b",
    re.IGNORECASE,
)
# A fight with two sides, even when only one is named.
TWO_SIDED = re.compile(
    r"\b(?:shoot ?outs?|shoot-outs?|exchang\w* (?:of )?(?:fire|gunfire|shots)|gun ?fights?|"
    r"fire ?fights?|gun battles?|clash\w*|skirmish\w*|fought|engaged in)\b",
    re.IGNORECASE,
)
# Two crowds fighting each other: both sides are rioters. A crowd that
# "clashed" or "brawled" with no one else named fought among itself.
TWO_CROWDS = re.compile(
    r"\b(?:two|rival|opposing) (?:groups|factions|families|communities|clans|villages|gangs|"
    r"parties|camps|sides)\b|\beach other\b|\bone another\b|\bbetween\b|"
    r"\b(?:clash(?:ed|es)?|brawl(?:ed|s)?|scuffl(?:ed|es))\b",
    re.IGNORECASE,
)


def apply_conventions(
    roles: Roles,
    *,
    sub_event_type: str,
    text: str,
    country: str | None,
    on: dt.date | None,
    dictionary: ActorDictionary,
    gang_victims: bool = False,
) -> Roles:
    """``roles`` recoded the way ACLED codes an event of ``sub_event_type``
    in ``country`` on ``on``; ``text`` is the sentence the event is read from.
    ``gang_victims``: the victims are named as gang members, whom ACLED codes
    as an unidentified gang rather than civilians.
    Without a country the generic actors cannot be named: roles stay as read."""
    if country is None:
        return roles
    if gang_victims and sub_event_type == "Armed clash":
        roles = _gang_victims(roles, country, on, dictionary)
    event_type = event_type_of(sub_event_type)
    if event_type == PROTESTS:
        return _protest(roles, sub_event_type, country, on, dictionary)
    if event_type == RIOTS:
        return _riot(roles, sub_event_type, text, country, on, dictionary)
    roles = _coalitions(_umbrellas(roles, country, on, dictionary), country, on, dictionary)
    if sub_event_type in ONE_ACTOR_SUBS and not DEFECTION.search(text):
        # A group's own move (a deployment, a new base) has no second actor.
        return replace(roles, actor2=None, assoc2=())
    if event_type in ARMED_EVENT_TYPES:
        roles = _armed(roles, sub_event_type, text, country, on, dictionary)
    if event_type == VIOLENCE_CIVILIANS:
        return _against_civilians(roles, country, on, dictionary)
    if sub_event_type == PROPERTY and roles.actor1 is not None and roles.actor2 is None:
        # ACLED codes the owners of what was looted or destroyed as actor2:
        # when the report does not name them, civilians.
        return replace(roles, actor2=dictionary.generic("civilians", country, on))
    return roles


def _armed(
    roles: Roles,
    sub: str,
    text: str,
    country: str,
    on: dt.date | None,
    dictionary: ActorDictionary,
) -> Roles:
    """The doer and target of armed violence when the sentence leaves them out."""
    event_type = event_type_of(sub)
    sides = conflict_sides(dictionary, country, on)
    civilians = dictionary.generic("civilians", country, on)
    if roles.actor1 is not None and (
        _generic_of(roles.actor1, civilians) or roles.actor1.inter == PROTESTER_INTER
    ):
        # "Police officers were shot by a man": an armed person, not a civilian
        # actor; an unarmed group ("women", "students") does not fight either.
        roles = replace(roles, actor1=dictionary.generic("unidentified_armed_group", country, on))
    if (
        roles.actor2 is not None
        and roles.actor2.inter == PROTESTER_INTER
        and event_type in (EXPLOSIONS, VIOLENCE_CIVILIANS)
    ):
        # "an air strike on a village gathering": people struck while they
        # gathered are civilians, not protesters; a group they belong to
        # ("students") is their associated actor, as ACLED codes it.
        group = roles.actor2
        kept = () if _generic_of(group, dictionary.generic("protesters", country, on)) else (group,)
        roles = replace(roles, actor2=civilians, assoc2=_unique((*kept, *roles.assoc2)))
    named = roles.actor1 is not None and not roles.implied
    if not named:
        roles = _unnamed_doer(roles, event_type, sides, country, on, dictionary)
    if roles.actor2 is not None or roles.actor1 is None:
        return roles
    if event_type == EXPLOSIONS and CIVILIAN_HARM.search(text):
        return replace(roles, actor2=civilians)
    side_names = [side.name for side in sides] if sides is not None else []
    if (
        named
        and sides is not None
        and roles.actor1.name in side_names
        and event_type != VIOLENCE_CIVILIANS
    ):
        # A war of two known sides: one side's fire is at the other.
        return replace(roles, actor2=sides[1] if roles.actor1.name == sides[0].name else sides[0])
    if sub == "Armed clash":
        return replace(roles, actor2=_counterpart(roles.actor1, text, country, on, dictionary))
    return roles


def _gang_victims(
    roles: Roles, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Roles:
    """The victims as the country's unidentified gang, unless a named armed
    group stands for them."""
    victim = roles.actor2
    if victim is not None and victim.inter != 7:
        return roles
    gang = dictionary.generic("unidentified_gang", country, on)
    return replace(roles, actor2=gang if gang != roles.actor1 else victim)


def conflict_sides(
    dictionary: ActorDictionary, country: str, on: dt.date | None
) -> tuple[Actor, Actor] | None:
    """The two sides of the war in ``country`` on ``on``, if the dictionary
    knows one."""
    info = dictionary.country(country)
    conflict = info.conflict_on(on) if info is not None else None
    if conflict is None:
        return None
    first, second = (_resolve_side(dictionary, side, country, on) for side in conflict.sides)
    return first, second


def coalition_for(
    dictionary: ActorDictionary, actor: Actor, country: str, on: dt.date | None
) -> Actor | None:
    """The coalition a state's forces act for in ``country`` ("Operation
    Restoring Hope" for Saudi forces in Yemen), or None."""
    if actor.country is None or actor.country == country or actor.inter not in STATE_INTER:
        return None
    for entry in dictionary.entries:
        coalition = entry.coalition
        if (
            coalition is not None
            and entry.valid_on(on)
            and coalition.applies(actor.country, country, on)
        ):
            return dictionary.actor_for(entry, country=country, on=on, event_country=country)
    return None


def _unnamed_doer(
    roles: Roles,
    event_type: str,
    sides: tuple[Actor, Actor] | None,
    country: str,
    on: dt.date | None,
    dictionary: ActorDictionary,
) -> Roles:
    if sides is None:
        if roles.actor1 is not None:
            return roles
        return replace(roles, actor1=dictionary.generic("unidentified_armed_group", country, on))
    first, second = sides
    # Compared by name: the victims as written ("six Ukrainian soldiers")
    # carry their own matched text.
    if roles.actor2 is not None and roles.actor2.name == first.name:
        first, second = second, first
    actor2 = roles.actor2
    if actor2 is None and event_type == BATTLES:
        actor2 = second
    return replace(roles, actor1=first, actor2=actor2, implied=False)


def _counterpart(
    actor1: Actor, text: str, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Actor | None:
    """The unnamed other side of a clash. Two unidentified groups ("armed men
    clashed", "a shoot-out broke out"); a named side in a two-sided fight
    ("police exchanged fire with suspects"): the country's unidentified armed
    group. A named side firing at places has no second actor."""
    if actor1.name.startswith("Unidentified"):
        return actor1
    if TWO_SIDED.search(text):
        return dictionary.generic("unidentified_armed_group", country, on)
    return None


def _umbrellas(
    roles: Roles, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Roles:
    """A member group coded under its umbrella ("Donbass People's Militia"
    under NAF), the group as associated actor."""
    actor1, assoc1 = _under(
        roles.actor1, roles.assoc1, lambda a: _umbrella(a, country, on, dictionary)
    )
    actor2, assoc2 = _under(
        roles.actor2, roles.assoc2, lambda a: _umbrella(a, country, on, dictionary)
    )
    return replace(roles, actor1=actor1, actor2=actor2, assoc1=assoc1, assoc2=assoc2)


def _umbrella(
    actor: Actor, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Actor | None:
    entry = dictionary.entry(actor.name)
    umbrella = dictionary.entry(entry.part_of) if entry and entry.part_of else None
    if umbrella is None or not umbrella.valid_on(on):
        return None
    return dictionary.actor_for(umbrella, country=country, on=on, event_country=country)


def _coalitions(
    roles: Roles, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Roles:
    def coalition(actor: Actor) -> Actor | None:
        return coalition_for(dictionary, actor, country, on)

    actor1, assoc1 = _under(roles.actor1, roles.assoc1, coalition)
    actor2, assoc2 = _under(roles.actor2, roles.assoc2, coalition)
    return replace(roles, actor1=actor1, actor2=actor2, assoc1=assoc1, assoc2=assoc2)


def _under(
    actor: Actor | None,
    assoc: tuple[Actor, ...],
    umbrella_of: Callable[[Actor], Actor | None],
) -> tuple[Actor | None, tuple[Actor, ...]]:
    """``actor`` replaced by its umbrella, and put first among the associated
    actors."""
    if actor is None:
        return None, assoc
    umbrella = umbrella_of(actor)
    if umbrella is None:
        return actor, assoc
    return umbrella, _unique(a for a in (actor, *assoc) if a != umbrella)


def _resolve_side(
    dictionary: ActorDictionary, side: str, country: str, on: dt.date | None
) -> Actor:
    entry: ActorEntry = dictionary.entry(side) or dictionary.generic_entry(side)
    return dictionary.actor_for(entry, country=country, on=on, event_country=country)


def _protest(
    roles: Roles, sub: str, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Roles:
    protesters = dictionary.generic("protesters", country, on)
    named = _everyone(roles)
    groups = [a for a in named if a.inter not in STATE_INTER and not _generic_of(a, protesters)]
    actor2 = None
    if sub in INTERVENTION_SUBS:
        # The government protested against is not the force that intervened.
        forces = [a for a in named if a.inter in STATE_INTER and not _government(a)]
        actor2 = forces[0] if forces else dictionary.generic("police", country, on)
    return Roles(actor1=protesters, actor2=actor2, assoc1=_unique(groups), assoc2=())


def _riot(
    roles: Roles,
    sub: str,
    text: str,
    country: str,
    on: dt.date | None,
    dictionary: ActorDictionary,
) -> Roles:
    rioters = dictionary.generic("rioters", country, on)
    doers = [a for a in (roles.actor1, *roles.assoc1) if a is not None]
    # The government a crowd is angry with is not whom it fought.
    targets = [a for a in (roles.actor2, *roles.assoc2) if a is not None and not _government(a)]
    forces = [a for a in doers if a.inter in STATE_INTER and not _government(a)]
    groups = [a for a in doers if a.inter not in STATE_INTER and not _generic_of(a, rioters)]
    # "Police dispersed the rioters": the force is the target, the crowd the doer.
    targets = [*forces, *(t for t in targets if not (forces and _generic_of(t, rioters)))]
    targets = [a for a in targets if a not in groups]
    actor2 = targets[0] if targets else None
    if actor2 is None and sub == "Mob violence":
        # A mob attacks people, or two crowds fight each other.
        two_sides = TWO_CROWDS.search(text) is not None
        actor2 = rioters if two_sides else dictionary.generic("civilians", country, on)
    return Roles(
        actor1=rioters,
        actor2=actor2,
        assoc1=_unique(groups),
        assoc2=_unique(a for a in targets[1:] if a != actor2),
    )


def _government(actor: Actor) -> bool:
    return actor.name.startswith("Government of")


def _against_civilians(
    roles: Roles, country: str, on: dt.date | None, dictionary: ActorDictionary
) -> Roles:
    civilians = dictionary.generic("civilians", country, on)
    victims = [a for a in (roles.actor2, *roles.assoc2) if a is not None]
    victim_groups = [a for a in victims if not _generic_of(a, civilians) and a != roles.actor1]
    actor2 = next((a for a in victims if _generic_of(a, civilians)), civilians)
    return replace(roles, actor2=actor2, assoc2=_unique(victim_groups))


def _everyone(roles: Roles) -> list[Actor]:
    return [a for a in (roles.actor1, *roles.assoc1, roles.actor2, *roles.assoc2) if a is not None]


def _generic_of(actor: Actor, generic: Actor) -> bool:
    """Whether ``actor`` is the generic actor ``generic`` stands for, of any
    country ("Protesters (India)" for "Protesters (Pakistan)")."""
    return actor.name.split(" (", 1)[0] == generic.name.split(" (", 1)[0]


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    seen: list[Actor] = []
    for actor in actors:
        if actor not in seen:
            seen.append(actor)
    return tuple(seen)
