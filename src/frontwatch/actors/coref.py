"""Actor coreference within one article.

News reports name an actor once and then refer back to it: "the Syrian army
... the army and its allies ... the group". ``ActorContext`` remembers, in
order, the actors and claim sources an article has named so far and resolves
such references to them. It is created per article and never shared.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontwatch import models
from frontwatch.actors.dictionary import ActorDictionary, ActorMention, default_dictionary
from frontwatch.actors.entries import NAMED, ActorEntry
from frontwatch.actors.patterns import fold

_DETERMINERS = re.compile(r"^(?:the|these|those|this|that|its|their|his|her|our|said)\s+")

# What a reference means, by the words it is made of (folded, no determiner).
STATE_MILITARY_REFERENCES = frozenset(
    {"army", "military", "government forces", "regime forces", "troops", "soldiers",
     "security forces", "government troops", "regime troops", "regime", "armed forces",
     "military forces", "state forces", "pro government forces", "government soldiers",
     "forces", "junta", "military junta", "government side"}
)  # fmt: skip
POLICE_REFERENCES = frozenset(
    {"police", "policemen", "police officers", "police forces", "officers", "gendarmes"}
)
NON_STATE_REFERENCES = frozenset(
    {"group", "militants", "jihadists", "insurgents", "rebels", "fighters", "militia",
     "militiamen", "militias", "terrorists", "extremists", "organisation", "organization",
     "faction", "movement", "outfit", "group's fighters", "group's militants", "terror group",
     "jihadist group", "militant group", "rebel group", "armed group", "insurgent group"}
)  # fmt: skip
ALLY_REFERENCES = frozenset(
    {"allies", "allied forces", "allied militias", "allied fighters", "allied groups",
     "affiliates", "affiliated forces", "affiliated groups", "partners", "proxies",
     "allied troops", "allies forces"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ObservedActor:
    """An actor as named in the article, with the allies known for it."""

    actor: models.Actor
    mention: ActorMention | None
    allies: tuple[models.Actor, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolvedMention:
    """A mention in a sentence and the actor it was resolved to."""

    mention: ActorMention
    actor: models.Actor
    by_reference: bool  # resolved to an actor named earlier in the article


def normalise_reference(phrase: str) -> str:
    """Fold a phrase and drop its determiners: "The Army" -> "army",
    "its allies" -> "allies"."""
    text = re.sub(r"\s+", " ", fold(phrase)).strip(" .,;:")
    while True:
        stripped = _DETERMINERS.sub("", text)
        if stripped == text:
            return text
        text = stripped


class ActorContext:
    """The actors and claim sources named so far in one article."""

    def __init__(
        self,
        dictionary: ActorDictionary | None = None,
        *,
        country: str | None,
        on: dt.date | None,
    ) -> None:
        """``country`` is the article's country as ACLED writes it, ``on`` the
        day its events are dated to; ``dictionary`` defaults to the packaged one."""
        dictionary = dictionary or default_dictionary()
        self.dictionary = dictionary
        self.country = country
        self.on = on
        self._actors: list[ObservedActor] = []
        self._sources: list[tuple[str, str]] = []  # (name, source type)
        self._references = {
            fold(phrase): kind
            for kind, phrases in dictionary.data.source_references
            for phrase in phrases
        }

    # ---------------------------------------------------------------- recording

    @property
    def actors(self) -> tuple[ObservedActor, ...]:
        return tuple(self._actors)

    def observe(
        self,
        actor: models.Actor,
        mention: ActorMention | None = None,
        *,
        allies: Sequence[models.Actor] = (),
    ) -> None:
        """Record an actor named in the article. Allies given here (from the
        sentence: "X and its allies Y") win over those the dictionary knows."""
        known = tuple(allies) or self._dictionary_allies(actor, mention)
        self._actors.append(ObservedActor(actor, mention, known))

    def observe_source(self, name: str) -> None:
        """Record a claim source named in the article ("Syrian Observatory ...")."""
        entry = self.dictionary.entry(name)
        source_type = entry.source_type if entry and entry.source_type else "monitor"
        self._sources.append((entry.name if entry else name, source_type))

    def observe_sentence(self, text: str) -> list[ResolvedMention]:
        """Find, resolve and record every actor and claim source in a sentence.

        Generic references without a country of their own ("the army", "the
        group") go to the actor named before them when there is one.
        """
        for source in self.dictionary.find_sources(text):
            self.observe_source(source.entry.name)
        mentions = self.dictionary.find(text, country=self.country)
        mentions += self.dictionary.find_support(text)
        resolved = []
        for mention in sorted(mentions, key=lambda m: m.start):
            earlier = None
            if mention.generic and mention.country is None and not mention.implicit:
                earlier = self.resolve_reference(mention.text, fall_back=False)
            actor = earlier or self.dictionary.resolve(mention, country=self.country, on=self.on)
            if earlier is not None:
                self._touch(actor)
                actor = models.Actor(
                    actor.name, actor.inter, actor.country, mention.text, actor.backers
                )
            else:
                self.observe(actor, mention)
            resolved.append(ResolvedMention(mention, actor, earlier is not None))
        return resolved

    # --------------------------------------------------------------- resolving

    def resolve_reference(self, phrase: str, *, fall_back: bool = True) -> models.Actor | None:
        """The actor an anaphoric phrase refers to, or None.

        - "the army", "government forces", "regime forces": the last state
          military named (else, with ``fall_back``, the military of the
          article's country on its date);
        - "the police": the last police force named (same fall-back);
        - "the group", "the militants", "the insurgents": the last non-state
          armed group named;
        - "its allies", "allied forces": the first (most usual) ally of the
          last main actor; ``resolve_allies`` gives all of them;
        None when nothing named before fits: a reference is never guessed.
        """
        key = normalise_reference(phrase)
        if key in ALLY_REFERENCES:
            allies = self.resolve_allies(phrase)
            return allies[0] if allies else None
        if key in POLICE_REFERENCES:
            # "Military Police" (Brazil) and "Civil Police" units are police too.
            found = self._last(
                lambda a: a.name.startswith("Police Forces of") or a.name.endswith(" Police")
            )
            return found or self._fallback("police", fall_back)
        if key in STATE_MILITARY_REFERENCES:
            # A home force (inter 1) before a foreign one (inter 8): in "the
            # army - supported by Russian air power - ... the army", the
            # second "army" is still the home army.
            found = self._last(
                lambda a: a.name.startswith("Military Forces of") and a.inter == 1
            ) or self._last(lambda a: a.name.startswith("Military Forces of"))
            return found or self._fallback("military", fall_back)
        if key in NON_STATE_REFERENCES:
            return self._last(lambda a: a.inter in (2, 3, 4))
        return None

    def resolve_allies(self, phrase: str = "its allies") -> tuple[models.Actor, ...]:
        """The allies of the last main actor named ("its allies", "allied
        forces"); empty when none are known. "Main" excludes actors recorded
        only as someone's allies and claim sources."""
        if normalise_reference(phrase) not in ALLY_REFERENCES:
            return ()
        for observed in reversed(self._actors):
            if observed.actor.inter in (5, 6, 7):
                continue
            return observed.allies
        return ()

    def claim_source_reference(self, phrase: str) -> str | None:
        """The claim source a phrase refers to: "the monitoring group" -> the
        last monitor named ("Syrian Observatory for Human Rights"); a phrase
        that names a source itself resolves to that source."""
        named = self.dictionary.find_sources(phrase)
        if named:
            return named[0].entry.name
        key = fold(re.sub(r"\s+", " ", phrase)).strip(" .,;:")
        source_type = self._references.get(key) or self._references.get(normalise_reference(phrase))
        if source_type is None:
            return None
        for name, kind in reversed(self._sources):
            if kind == source_type:
                return name
        return None

    # ----------------------------------------------------------------- helpers

    def _touch(self, actor: models.Actor) -> None:
        """Make an actor referred to again the most recent one ("the army and
        its allies": "its" is the army)."""
        for observed in reversed(self._actors):
            if observed.actor == actor:
                self._actors.append(observed)
                return

    def _last(self, wanted: Callable[[models.Actor], bool]) -> models.Actor | None:
        for observed in reversed(self._actors):
            if wanted(observed.actor):
                return observed.actor
        return None

    def _fallback(self, kind: str, enabled: bool) -> models.Actor | None:
        if not enabled or self.country is None:
            return None
        return self.dictionary.generic(kind, self.country, self.on)

    def _dictionary_allies(
        self, actor: models.Actor, mention: ActorMention | None
    ) -> tuple[models.Actor, ...]:
        """Allies the dictionary lists for the entry behind an actor. A generic
        state force ("the Syrian army") borrows them from the named entry of
        that country's military."""
        if mention is None:
            return ()
        sources: list[ActorEntry] = [e for e in mention.candidates or (mention.entry,) if e.allies]
        if not sources and mention.entry.is_state_force and actor.country:
            template = "{police}" if "{police}" in mention.entry.name else "{military}"
            sources = [
                e
                for e in self.dictionary.entries
                if e.kind == NAMED
                and e.name == template
                and e.country == actor.country
                and e.allies
            ]
        allies: list[models.Actor] = []
        for key in sources[0].allies if sources else ():
            entry = self.dictionary.entry(key)
            if entry is None:
                continue
            ally = self.dictionary.actor_for(
                entry, country=actor.country or self.country, on=self.on, event_country=self.country
            )
            if ally is not None and ally not in allies:
                allies.append(ally)
        return tuple(allies)
