"""Who did it to whom: actor1, actor2 and their associated actors.

The small English parser misreads many wire-style sentences ("The army -
supported by Russian air power - secured al-Sukhna" comes out with "secured"
as an adjective), so roles come from word order around the trigger, helped by
a few explicit cue phrases, and not from the dependency tree alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.models import Actor

# Cues that make the actor after them an ally of the actor before them.
ALLY_CUES = re.compile(
    r"(?:\bsupported by|\bbacked by|\bwith the (?:help|support|backing) of|\balongside|"
    r"\balong with|\btogether with|\bin coordination with|\baided by|\bassisted by|"
    r"\band (?:its|their) allies|\band allied|\band\b|&|\bwith\b)\s*$",
    re.IGNORECASE,
)
# "clashes between X and Y", "fighting between X and Y": both sides after the trigger.
BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
PASSIVE_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# Words that close a clause: an actor beyond them belongs to another clause.
CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|as|after|before|when|who|which)\b|\bsaid\b")


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """An actor found in a sentence, with its character offsets."""

    actor: Actor
    start: int
    end: int
    supporting: bool = False  # "supported by Russian air power": an ally by its own words


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Actor | None
    actor2: Actor | None
    assoc1: tuple[Actor, ...] = ()
    assoc2: tuple[Actor, ...] = ()


def assign_roles(
    text: str,
    actors: Sequence[ActorSpan],
    *,
    trigger_start: int,
    trigger_end: int,
    passive: bool = False,
    excluded: Sequence[tuple[int, int]] = (),
) -> Roles:
    """Assign roles from positions in ``text`` (one sentence; offsets are
    relative to the same origin as ``actors`` and the trigger).

    ``excluded`` spans (the claim source: "a Hezbollah media unit said") hold
    no roles.
    """
    spans = sorted(
        (a for a in actors if not any(s <= a.start < e for s, e in excluded)),
        key=lambda a: a.start,
    )
    before = [a for a in spans if a.end <= trigger_start]
    after = [a for a in spans if a.start >= trigger_end]
    # Drop actors separated from the trigger by a clause break.
    before = [a for a in before if not CLAUSE_BREAK.search(text[a.end : trigger_start])]
    after = [a for a in after if not CLAUSE_BREAK.search(text[trigger_end : a.start])]

    if after and BETWEEN.search(text[trigger_end : after[0].start]):
        first, rest = after[0], after[1:]
        second = rest[0] if rest else None
        return Roles(
            actor1=first.actor,
            actor2=second.actor if second else None,
            assoc1=(),
            assoc2=tuple(a.actor for a in rest[1:] if _is_ally(text, rest[0], a)),
        )

    if passive:
        agent_index = next(
            (i for i, a in enumerate(after) if PASSIVE_AGENT.search(text[trigger_end : a.start])),
            None,
        )
        if agent_index is not None:
            agent_group = _group(text, after[agent_index:])
            victims = _group(text, list(reversed(before)))
            return Roles(
                actor1=agent_group[0].actor,
                actor2=victims[0].actor if victims else None,
                assoc1=tuple(a.actor for a in agent_group[1:]),
                assoc2=tuple(a.actor for a in victims[1:]),
            )

    subject_group = _subject_group(text, before)
    object_group = _group(text, after)
    actor1 = subject_group[0].actor if subject_group else None
    actor2 = object_group[0].actor if object_group else None
    if actor1 is None and object_group:
        # "Clashes erupted between ..." handled above; "an attack on X by Y"
        # and similar leave the subject empty: the first actor after the
        # trigger is then the doer only when a "by" marks it.
        agent = next((a for a in after if PASSIVE_AGENT.search(text[trigger_end : a.start])), None)
        if agent is not None:
            others = [a for a in object_group if a is not agent]
            return Roles(
                actor1=agent.actor,
                actor2=others[0].actor if others else None,
                assoc2=tuple(a.actor for a in others[1:]),
            )
    return Roles(
        actor1=actor1,
        actor2=actor2 if actor2 != actor1 else None,
        assoc1=_unique(a.actor for a in subject_group[1:] if a.actor != actor1),
        assoc2=_unique(a.actor for a in object_group[1:] if a.actor not in (actor1, actor2)),
    )


def _subject_group(text: str, before: list[ActorSpan]) -> list[ActorSpan]:
    """The doer and its allies: the first actor of the run of allied actors
    that ends nearest the trigger ("The army and allied forces", "X -
    supported by A and B -")."""
    if not before:
        return []
    group = [before[-1]]
    for earlier in reversed(before[:-1]):
        if _is_ally(text, earlier, group[0]):
            group.insert(0, earlier)
        else:
            break
    return group


def _group(text: str, ordered: list[ActorSpan]) -> list[ActorSpan]:
    """The first actor in ``ordered`` and the allies chained to it."""
    if not ordered:
        return []
    group = [ordered[0]]
    for nxt in ordered[1:]:
        left, right = (group[-1], nxt) if group[-1].start < nxt.start else (nxt, group[-1])
        if _is_ally(text, left, right):
            group.append(nxt)
        else:
            break
    return group


def _is_ally(text: str, left: ActorSpan, right: ActorSpan) -> bool:
    between = text[left.end : right.start]
    if len(between) > 60:
        return False
    stripped = between.strip(" ,-–—()")
    return not stripped or ALLY_CUES.search(between.rstrip(" -–—(")) is not None


def _unique(actors: object) -> tuple[Actor, ...]:
    seen: list[Actor] = []
    for actor in actors:  # type: ignore[attr-defined]
        if actor not in seen:
            seen.append(actor)
    return tuple(seen)
