"""An event's sides as the rest of the article tells them: who fights
alongside whom ("X, supported by A and B"), "the army and its allies", a
claimer who says it did the deed itself, and actors named for the
country the event happened in."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.extract.attribution import ClaimSource
from frontwatch.extract.roles import ActorSpan, Roles
from frontwatch.models import Actor

# "Rebels said they had captured ...": the claimer is the doer.
OWN_CLAIM = re.compile(
    r"^\s*(?:said|says|claimed|claims|announced|announces|reported)\b[^.;]{0,40}?"
    r"\b(?:they|it|we)\s+(?:had\s+|have\s+|has\s+)?$"
    # "X claimed to have shelled", "X claimed responsibility for the bombing"
    r"|^\s*(?:has\s+|have\s+)?(?:claimed|claims|said|says)\s+to\s+have\s+$"
    r"|^\s*(?:has\s+|have\s+)?(?:claimed|claims)\s+responsibility\s+for\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Between two actors: the second fights for the first.
ALLIANCE = re.compile(
    r"\b(?:supported by|backed by|alongside|with the (?:help|support|backing) of|aided by|"
    r"assisted by|allied (?:to|with))\b",
    re.IGNORECASE,
)
UNNAMED_ALLIES = re.compile(
    r"\b(?:(?:its|their) allies|allied (?:forces|militias|fighters|troops))\b", re.IGNORECASE
)


def requalified(roles: Roles, country: str, on: dt.date | None, actors: ActorDictionary) -> Roles:
    """The roles with each actor named for ``country`` on ``on``
    ("Civilians (Afghanistan)" for an event in Afghanistan, whatever
    country the article is about)."""

    def moved(actor: Actor | None) -> Actor | None:
        return actors.requalified(actor, country, on) if actor is not None else None

    return replace(
        roles,
        actor1=moved(roles.actor1),
        actor2=moved(roles.actor2),
        assoc1=tuple(actors.requalified(a, country, on) for a in roles.assoc1),
        assoc2=tuple(actors.requalified(a, country, on) for a in roles.assoc2),
    )


def alliances(
    text: str, actors_by_sentence: Sequence[list[ActorSpan]]
) -> dict[str, tuple[Actor, ...]]:
    """Who fights alongside whom, as the article states it: "X - supported by
    A and B", "Y, which fights alongside X". Keyed by canonical name."""
    allies: dict[str, list[Actor]] = {}

    def add(actor: Actor, ally: Actor) -> None:
        known = allies.setdefault(actor.name, [])
        if ally.name != actor.name and ally not in known:
            known.append(ally)

    for spans in actors_by_sentence:
        ordered = sorted(spans, key=lambda a: a.start)
        for i, left in enumerate(ordered):
            chain = [left]
            for right in ordered[i + 1 :]:
                between = text[chain[-1].end : right.start]
                if right.supporting or ALLIANCE.search(between):
                    add(left.actor, right.actor)
                    if "alongside" in between.lower():
                        add(right.actor, left.actor)
                    chain.append(right)
                elif chain[-1] is not left and re.fullmatch(r"\s*(?:and|,)\s*", between):
                    add(left.actor, right.actor)  # "supported by A and B"
                    chain.append(right)
                else:
                    break
    return {name: tuple(found) for name, found in allies.items()}


def with_unnamed_allies(sentence: str, roles: Roles, allies: dict[str, tuple[Actor, ...]]) -> Roles:
    """ "The army and its allies": the allies the article names elsewhere."""
    if roles.actor1 is None or UNNAMED_ALLIES.search(sentence) is None:
        return roles
    extra = [a for a in allies.get(roles.actor1.name, ()) if a not in roles.assoc1]
    extra = [a for a in extra if a != roles.actor2]
    return replace(roles, assoc1=roles.assoc1 + tuple(extra))


def claimer_as_doer(
    text: str,
    claim: ClaimSource,
    trigger_start: int,
    actor_spans: Sequence[ActorSpan],
    roles: Roles,
) -> Roles:
    """The claim source is set aside as a party of the event, except when
    it says it did it itself ("Rebels said they had captured the town")."""
    if OWN_CLAIM.match(text[claim.end : trigger_start]) is None:
        return roles
    claimer = next((a.actor for a in actor_spans if claim.start <= a.start < claim.end), None)
    return replace(roles, actor1=claimer, implied=False) if claimer is not None else roles
