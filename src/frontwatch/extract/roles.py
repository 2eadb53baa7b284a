"""Who did it to whom: actor1, actor2 and their associated actors.

The small English parser misreads many wire-style sentences ("The army -
supported by Russian air power - secured al-Sukhna" comes out with "secured"
as an adjective), so roles come from word order around the trigger, helped by
cue phrases, and not from the dependency tree alone. The constructions read,
in the order they are tried:

- "clashes between X and Y": X, then Y;
- a trigger inside an actor's own name ("a Taliban sniper", "coalition
  airstrikes", "the Iraqi air force"): that actor did it;
- an agent ("an attack by X", "were killed by unidentified gunmen", "shells
  fired by X"): X did it, to the subject or to the target after "on";
- a defence ("X repelled a Y attack", "X repulsed their attack"): the
  attacker is actor1, the defender actor2;
- a passive without agent ("five soldiers were killed"): the subject is the
  victim;
- "X and Y clashed": two sides of a fight, not allies;
- an action verb between two actors before the trigger ("X targeted Y with
  artillery", "X killed Y and burned houses"): X did it to Y;
- otherwise the subject before the trigger did it to the object after it.

An actor known only from an action word ("protested", "was found dead") is a
last resort for actor1, or names an unnamed armed doer more closely where a
country's conventions say who does such things (Mexico: a drive-by shooting
is a gang's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontwatch.actors.role_cues import (
    ACTION,
    AGENT_LEAD,
    ALLY_CUES,
    BETWEEN,
    CLAUSE_BREAK,
    DEFENCE,
    FOREIGN_PARTICIPLE,
    OWN_ACTION,
    PASSIVE_FOLLOWER,
    PASSIVE_GAP,
    POSSESSIVE,
    SOURCE_LEAD,
    SUBORDINATE,
    SYMMETRIC,
    TARGET_LEAD,
)
from frontwatch.models import Actor

MAX_ALLY_GAP = 60
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# Between an actor and the same actor named again in brackets.
BRACKETED = re.compile(
    r"\s*\(\s*(?:suspected|allegedly|reportedly|presumably|likely|probably)?\s*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """An actor found in a sentence, with its character offsets."""

    actor: Actor
    start: int
    end: int
    supporting: bool = False  # "supported by Russian air power": an ally by its own words
    implicit: bool = False  # known only from an action word ("protested", "was found dead")


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Actor | None
    actor2: Actor | None
    assoc1: tuple[Actor, ...] = ()
    assoc2: tuple[Actor, ...] = ()
    implied: bool = False  # actor1 is only implied by an action word ("was found dead")


@dataclass(frozen=True, slots=True)
class _Scene:
    """The actors of one sentence, placed around the trigger."""

    text: str
    trigger_start: int
    trigger_end: int
    before: list[ActorSpan]  # in the trigger's clause, before it, in reading order
    own: list[ActorSpan]  # spans that contain the trigger ("Taliban sniper")
    after: list[ActorSpan]  # in the trigger's clause, after it
    passive: bool

    @property
    def trigger(self) -> str:
        return self.text[self.trigger_start : self.trigger_end]


_UNNAMED_ARMED = "Unidentified Armed Group ("
_UNNAMED = "Unidentified "


def assign_roles(
    text: str,
    actors: Sequence[ActorSpan],
    *,
    trigger_start: int,
    trigger_end: int,
    passive: bool = False,
    excluded: Sequence[tuple[int, int]] = (),
    earlier: Sequence[ActorSpan] = (),
) -> Roles:
    """Assign roles from positions in ``text`` (one sentence; offsets are
    relative to the same origin as ``actors`` and the trigger).

    ``excluded`` spans (the claim source: "a Hezbollah media unit said") hold
    no roles. ``earlier`` are the actors of the sentence before: when this
    one names no doer, the armed actor that sentence opens with did it ("The
    Military Police raided X. A shoot-out broke out.").
    """
    spans = _merged(
        sorted(
            (a for a in actors if not any(s <= a.start < e for s, e in excluded)),
            key=lambda a: a.start,
        ),
        text,
    )
    explicit = [a for a in spans if not a.implicit]
    before = [
        a
        for a in explicit
        if a.end <= trigger_start and not CLAUSE_BREAK.search(text[a.end : trigger_start])
    ]
    scene = _Scene(
        text=text,
        trigger_start=trigger_start,
        trigger_end=trigger_end,
        before=before,
        own=[a for a in explicit if a.start < trigger_end and trigger_start < a.end],
        after=[
            a
            for a in explicit
            if a.start >= trigger_end and not CLAUSE_BREAK.search(text[trigger_end : a.start])
        ],
        passive=_is_passive(text, before, trigger_start, trigger_end, parsed=passive),
    )
    roles = _read(scene)
    if roles.actor1 is None and roles.actor2 is None and not (scene.before or scene.after):
        # "X fired mortar shells, machine guns, and sniper shots": a list read
        # as a clause break; the sentence's subject did it.
        subject = [a for a in explicit if a.end <= trigger_start][:1]
        roles = _sides(_group(text, subject), [])
    if roles.actor1 is None and not explicit:
        lead = next((a for a in earlier if not a.implicit), None)
        if lead is not None and lead.actor.inter in ARMED_INTER and lead.actor != roles.actor2:
            roles = Roles(lead.actor, roles.actor2, roles.assoc1, roles.assoc2)
    if roles.actor1 is None:
        implied = _nearest(scene, [a for a in spans if a.implicit])
        if implied is not None and implied.actor != roles.actor2:
            roles = Roles(implied.actor, roles.actor2, roles.assoc1, roles.assoc2, implied=True)
    elif roles.actor1.name.startswith(_UNNAMED_ARMED):
        # "armed men ... carried out a drive-by shooting": where the country's
        # conventions say who does such things unnamed (Mexico: a gang), the
        # act names the doer more closely than "armed men" does.
        implied = _nearest(scene, [a for a in spans if a.implicit])
        if (
            implied is not None
            and implied.actor.name.startswith(_UNNAMED)
            and implied.actor.country == roles.actor1.country
            and implied.actor.name != roles.actor1.name
            and implied.actor != roles.actor2
        ):
            roles = Roles(implied.actor, roles.actor2, roles.assoc1, roles.assoc2)
    if roles.actor1 is not None and roles.actor2 is None:
        # "Two soldiers were killed when militants fired on a post": the
        # subject of a passive verb in the clause before suffered it.
        taken = _sides_of(roles)
        victim = next((a for a in explicit if a.actor not in taken and _suffered(text, a)), None)
        if victim is not None:
            roles = Roles(roles.actor1, victim.actor, roles.assoc1, roles.assoc2, roles.implied)
    if roles.actor1 is None and roles.actor2 is not None:
        # "Security forces met LeT militants, in which two militants were
        # killed": the other armed side named in the sentence did it.
        taken = _sides_of(roles)
        other = next(
            (a for a in explicit if a.actor not in taken and a.actor.inter in ARMED_INTER), None
        )
        if other is not None:
            roles = Roles(other.actor, roles.actor2, roles.assoc1, roles.assoc2)
    return _tidy(roles)


def _is_passive(
    text: str, before: Sequence[ActorSpan], trigger_start: int, trigger_end: int, *, parsed: bool
) -> bool:
    """A passive verb between the subject and the trigger makes the subject a
    victim; the parser's passive is kept when no object follows the trigger
    ("soldiers killed in an ambush"), not when one does ("IS attacked Debiro")."""
    if before and PASSIVE_GAP.search(text, before[-1].end, trigger_start):
        return True
    if not parsed:
        return False
    if re.search(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", text[:trigger_start]):
        return True
    return PASSIVE_FOLLOWER.match(text, trigger_end) is not None


def _sides_of(roles: Roles) -> list[Actor]:
    return [a for a in (roles.actor1, roles.actor2, *roles.assoc1, *roles.assoc2) if a]


def _read(scene: _Scene) -> Roles:
    """The first construction that fits (see the module docstring)."""
    for reading in (
        _between,
        _own_name,
        _agent,
        _agent_before,
        _participle,
        _defence,
        _passive,
        _symmetric,
        _earlier_verb,
    ):
        roles = reading(scene)
        if roles is not None:
            return roles
    return _sides(_subject_group(scene.text, scene.before), _group(scene.text, scene.after))


# ------------------------------------------------------------------ readings


def _between(scene: _Scene) -> Roles | None:
    after = scene.after
    if not after or not BETWEEN.search(scene.text[scene.trigger_end : after[0].start]):
        return None
    first = after[0]
    rest = [a for a in after[1:] if a.actor != first.actor]
    if not rest:
        return Roles(first.actor, None)
    return _sides([first], _group(scene.text, rest))


def _own_name(scene: _Scene) -> Roles | None:
    """ "A Taliban sniper shot two soldiers", "one soldier was killed by a
    Taliban sniper", "coalition airstrikes hit X"."""
    doers = [a for a in scene.own if not _target_lead(scene.text, a.start)]
    if not doers:
        return None
    doer = doers[0]
    floor = max((a.end for a in scene.before), default=0)
    if _agent_lead(scene.text, doer.start, floor) or scene.passive:
        victims = _group(scene.text, scene.before)
    else:
        victims = _group(scene.text, scene.after) or _group(
            scene.text, list(reversed(scene.before))
        )
    return _sides([doer], victims)


def _agent(scene: _Scene) -> Roles | None:
    """ "An attack by X", "were killed by X", "came under fire from X",
    "an attack on Y by X"."""
    text = scene.text
    index = None
    for i, actor in enumerate(scene.after):
        floor = scene.after[i - 1].end if i else scene.trigger_start
        if _agentive(text, actor.start, floor) and _same_clause(
            text[scene.trigger_end : actor.start]
        ):
            index = i
            break
        # Only the target may stand between the trigger and its agent.
        if not (scene.passive or _target_lead(text, actor.start)):
            return None
    if index is None:
        return None
    agents = _group(text, scene.after[index:])
    rest = [a for a in scene.after if a not in agents]
    targets = [a for a in rest if _target_lead(text, a.start)]
    if targets:
        victims = _group(text, targets)
    elif scene.before:
        victims = _group(text, scene.before)
    else:
        victims = _group(text, rest)
    return _sides(agents, victims)


def _agent_before(scene: _Scene) -> Roles | None:
    """ "A bomb planted by X hit Y", "an attack by X killed three soldiers"."""
    text = scene.text
    index = next(
        (
            i
            for i, a in enumerate(scene.before)
            if _agentive(text, a.start, scene.before[i - 1].end if i else 0)
            and _same_clause(text[a.end : scene.trigger_start])
        ),
        None,
    )
    if index is None:
        return None
    agents = _group(text, scene.before[index:])
    victims = _group(text, scene.after) or _group(text, scene.before[:index])
    return _sides(agents, victims)


def _participle(scene: _Scene) -> Roles | None:
    """ "X thwarted an incursion, killing several fighters": the subject of
    the main clause did what the participle says."""
    text = scene.text
    if not scene.before or not scene.trigger.lower().endswith("ing"):
        return None
    if not re.search(r",\s*(?:\w+ly\s+)?$", text[: scene.trigger_start]):
        return None
    doers = _group(text, scene.before)
    victims = _group(text, [a for a in scene.after if a.actor != doers[0].actor])
    return _sides(doers, victims)


def _defence(scene: _Scene) -> Roles | None:
    """ "X repelled a Taliban attack", "X repulsed their attack": the attacker
    is actor1 even though the defender is the subject."""
    if not scene.before:
        return None
    text = scene.text
    if DEFENCE.fullmatch(scene.trigger):
        # The trigger is the defence itself: "X repelled an IS attack",
        # "X repulsed their attack".
        defenders = _subject_group(text, scene.before)
        attackers = [a for a in scene.after if not _target_lead(text, a.start)]
        if attackers:
            return _sides(_group(text, attackers), defenders)
        if POSSESSIVE.match(text, scene.trigger_end + 1):
            earlier = [a for a in scene.before if a.end <= defenders[0].start]
            return _sides(_subject_group(text, earlier), defenders)
        return None
    start = scene.before[0].end
    found = None
    for match in DEFENCE.finditer(text, start, scene.trigger_start):
        found = match
    if found is None or scene.trigger_start - found.end() > 40:
        return None
    defenders = [a for a in scene.before if a.end <= found.start()]
    attackers = [a for a in scene.before if a.start >= found.end()]
    if not defenders:
        return None
    defender_group = _subject_group(text, defenders)
    if attackers:
        return _sides(_subject_group(text, attackers), defender_group)
    if POSSESSIVE.search(text, found.end(), scene.trigger_start):
        # "their attack": the side named before the defenders.
        earlier = [a for a in defenders if a.end <= defender_group[0].start]
        if earlier:
            return _sides(_subject_group(text, earlier), defender_group)
    return _sides([], defender_group)


def _passive(scene: _Scene) -> Roles | None:
    """ "Five soldiers were killed in a Taliban ambush": the subject suffered
    it; an actor after the trigger that is not its target did it."""
    if not scene.passive:
        return None
    text = scene.text
    subjects = [a for a in scene.before if _same_clause(text[a.end : scene.trigger_start])]
    if not subjects:
        return None
    if ACTION.fullmatch(scene.trigger) and OWN_ACTION.search(text, 0, scene.trigger_start):
        # "were killed following their attack on X": the subject attacked.
        return _sides(_group(text, subjects), _group(text, scene.after))
    doers = [
        a
        for a in scene.after
        if not _target_lead(text, a.start) and _same_clause(text[scene.trigger_end : a.start])
    ]
    return _sides(_group(text, doers[:1]), _group(text, subjects))


def _symmetric(scene: _Scene) -> Roles | None:
    """ "Army troops and Taliban militants clashed": opponents, not allies."""
    if scene.after or not SYMMETRIC.match(scene.trigger):
        return None
    group = _subject_group(scene.text, scene.before)
    if len(group) < 2 or not _plain_and(scene.text, group[0], group[1]):
        return None
    return _sides(group[:1], group[1:])


def _earlier_verb(scene: _Scene) -> Roles | None:
    """ "GNA forces targeted LNA positions with artillery", "ADF rebels killed
    three civilians and burned houses": when an action verb stands between
    the last two actors before the trigger, the last one is that verb's
    object and the one before it the doer."""
    before = scene.before
    if len(before) < 2:
        return None
    text = scene.text
    target = before[-1]
    tail = text[target.end : scene.trigger_start]
    if SUBORDINATE.search(tail) or PASSIVE_GAP.search(tail):
        return None  # "militants who attacked", "civilians were killed"
    doers = [
        a
        for a in before[:-1]
        if ACTION.search(text, a.end, target.start)
        and not _is_ally(text, a, target)
        and _active_gap(text[a.end : target.start])
    ]
    if not doers:
        return None
    doer_group = _subject_group(text, [a for a in before if a.end <= doers[-1].end])
    victims = _group(text, scene.after) if scene.after else [target]
    return _sides(doer_group, victims)


# ------------------------------------------------------------------ helpers


def _sides(doers: Sequence[ActorSpan], victims: Sequence[ActorSpan]) -> Roles:
    actor1 = doers[0].actor if doers else None
    actor2 = victims[0].actor if victims else None
    return Roles(
        actor1=actor1,
        actor2=actor2,
        assoc1=_unique(a.actor for a in doers[1:]),
        assoc2=_unique(a.actor for a in victims[1:]),
    )


def _tidy(roles: Roles) -> Roles:
    """No actor twice: a second actor equal to the first is dropped, and an
    associated actor is never the main actor of either side."""
    actor1, actor2 = roles.actor1, roles.actor2
    if actor2 is not None and actor2 == actor1:
        actor2 = None
    main = (actor1, actor2)
    assoc1 = _unique(a for a in roles.assoc1 if a not in main)
    assoc2 = _unique(a for a in roles.assoc2 if a not in main and a not in assoc1)
    return Roles(actor1, actor2, assoc1, assoc2, roles.implied)


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
    if group[0].start > group[-1].start:
        group = [group[0], *sorted(group[1:], key=lambda a: a.start)]
    return group


def _is_ally(text: str, left: ActorSpan, right: ActorSpan) -> bool:
    between = text[left.end : right.start]
    if len(between) > MAX_ALLY_GAP:
        return False
    stripped = between.strip(" ,-–—()")
    return not stripped or ALLY_CUES.search(between.rstrip(" -–—(")) is not None


def _plain_and(text: str, left: ActorSpan, right: ActorSpan) -> bool:
    return re.fullmatch(r"\s*(?:,\s*)?and\s*", text[left.end : right.start]) is not None


def _window(text: str, start: int, floor: int = 0, size: int = 50) -> str:
    """The words before ``start``, back to ``floor`` (the end of the actor
    before: a lead phrase never reaches over another actor)."""
    return text[max(floor, start - size) : start]


def _agent_lead(text: str, start: int, floor: int = 0) -> bool:
    return AGENT_LEAD.search(_window(text, start, floor)) is not None


def _agentive(text: str, start: int, floor: int = 0) -> bool:
    """Whether the actor at ``start`` is introduced as the doer of the event:
    "by X" after a word that is not another verb's participle ("a post
    manned by X"), or "fire from X"."""
    window = _window(text, start, floor)
    if SOURCE_LEAD.search(window):
        return True
    found = AGENT_LEAD.search(window)
    if found is None:
        return False
    previous = re.search(r"(\w+)\W*$", window[: found.start()])
    if previous is None:
        return True
    word = previous.group(1)
    return ACTION.fullmatch(word) is not None or FOREIGN_PARTICIPLE.fullmatch(word) is None


def _target_lead(text: str, start: int) -> bool:
    window = _window(text, start)
    found = TARGET_LEAD.search(window)
    return found is not None and not re.search(r"\bby\b", window[found.start() :])


def _suffered(text: str, span: ActorSpan) -> bool:
    """Whether the actor is the subject of a passive verb right after it
    ("two soldiers were killed")."""
    following = text[span.end : span.end + 40]
    found = PASSIVE_GAP.search(following)
    return found is not None and not re.search(r"[,;:]", following[: found.start()])


def _active_gap(gap: str) -> bool:
    """Words between a doer and its object: one clause, the verb active."""
    return not (SUBORDINATE.search(gap) or PASSIVE_GAP.search(gap))


def _same_clause(gap: str) -> bool:
    """Whether the words between the trigger and an actor keep them in one
    clause: no subordinate clause opens, and no other verb's participle
    takes the "by" phrase ("a post manned by police")."""
    cut = gap.lower().rfind(" by ")
    head = gap[:cut] if cut >= 0 else gap
    return not (SUBORDINATE.search(gap) or FOREIGN_PARTICIPLE.search(head))


def _merged(spans: list[ActorSpan], text: str) -> list[ActorSpan]:
    """One span for an actor named again in brackets: "the TCP (Pure Third
    Command)"; "militants (suspected TTP)" takes the named actor."""
    kept: list[ActorSpan] = []
    for span in spans:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and not (span.implicit or previous.implicit)
            and BRACKETED.fullmatch(text[previous.end : span.start])
        ):
            if span.actor == previous.actor:
                continue
            if _unidentified(previous.actor) and not _unidentified(span.actor):
                kept[-1] = ActorSpan(span.actor, previous.start, span.end, previous.supporting)
                continue
        kept.append(span)
    return kept


def _unidentified(actor: Actor) -> bool:
    return actor.name.startswith("Unidentified")


def _nearest(scene: _Scene, spans: Sequence[ActorSpan]) -> ActorSpan | None:
    if not spans:
        return None
    return min(spans, key=lambda a: abs(a.start - scene.trigger_start))


def _unique(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    seen: list[Actor] = []
    for actor in actors:
        if actor not in seen:
            seen.append(actor)
    return tuple(seen)
