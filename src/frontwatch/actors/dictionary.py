"""The actor dictionary: finds actor mentions in a sentence and turns them
into ACLED-style actors for a given country and date.

``find`` is pure string matching (no parse needed): every alias, generic
trigger ("troops", "protesters") and country-qualified form ("Malian
soldiers", "Iran-backed militias") in one pass. ``resolve`` then fills the
templates: the country of the event, the regime in force on the day of the
event for state forces, the branch of a franchise ("Islamic State (Syria)").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from frontwatch import models
from frontwatch.actors.entries import (
    GENERIC,
    NAMED,
    SOURCE,
    ActorEntry,
    CountryInfo,
    DictionaryData,
    load_data,
)
from frontwatch.actors.index_forms import build_index
from frontwatch.actors.patterns import (
    CountryForms,
    RawMatch,
    Target,
    fold,
    select_longest,
    support_regex,
)

STATE_HEADS = {
    "military": "Military Forces of",
    "police": "Police Forces of",
    "government": "Government of",
}
PLACEHOLDERS = ("{country}", "{military}", "{police}", "{government}", "{branch}")
_T = TypeVar("_T")
_COORDINATION = re.compile(r"(?P<words>[^\W\d_][\w.' ]*?)(?:,| and| or|, and|/) $")
_STATE_NAME = re.compile(
    r"^((?:Military|Police) Forces|Government) of (.+?) \((\d{4})-(\d{4})?\)(.*)$"
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor named (or implied) in a piece of text."""

    text: str  # as written, including a country or backer prefix ("Iran-backed militias")
    start: int  # offsets into the text given to ``find``
    end: int
    entry: ActorEntry  # the best candidate without further context
    generic: bool = False  # a template needing a country ("troops", "protesters")
    is_backer_phrase: bool = False  # an actor known by its backer ("Iran-backed militias")
    candidates: tuple[ActorEntry, ...] = ()  # all entries the surface form may mean
    country: str | None = None  # the country the phrase names ("Syrian army" -> Syria)
    backers: tuple[str, ...] = ()  # backer countries the phrase names
    implicit: bool = False  # an action that implies the actor ("protested")
    supporting: bool = False  # a foreign supporter ("supported by Russian air power")
    home_only: frozenset[str] = field(default_factory=frozenset)  # keys of common-noun matches


class ActorDictionary:
    """Canonical actors, their aliases and the templates for generic actors."""

    def __init__(self, data: DictionaryData) -> None:
        self.data = data
        self.entries = data.entries
        self._countries = {c.name: c for c in data.countries}
        self._by_key: dict[str, ActorEntry] = {}
        self._by_name: dict[str, ActorEntry] = {}
        self._generic: dict[str, ActorEntry] = {}
        self._acled_names: dict[str, ActorEntry] = {}
        for entry in self.entries:
            self._by_key.setdefault(entry.key, entry)
            if entry.kind == NAMED:
                self._by_name.setdefault(entry.name, entry)
                for other in entry.acled_names:
                    self._acled_names[other] = entry
            elif entry.kind == GENERIC and entry.generic_kind:
                self._generic[entry.generic_kind] = entry
        self._states = {c.state: c for c in data.countries}
        self.forms = CountryForms(data.countries)
        for country in data.countries:
            for form in (country.name, *country.aliases, *country.aliases_cs):
                self._countries.setdefault(form, country)
        self._index = build_index(
            self.entries,
            self.forms,
            self.country,
            military=self.entries.index(self.generic_entry("military")),
            police=self.entries.index(self.generic_entry("police")),
        )
        self._support = support_regex(self.forms)

    @classmethod
    def load(cls, path: Path | None = None) -> ActorDictionary:
        """The packaged dictionary, or one read from a folder laid out like it."""
        return cls(load_data(path))

    # ------------------------------------------------------------------ lookups

    def country(self, name: str | None) -> CountryInfo | None:
        """Country record by ACLED name or alias ("DRC" -> Democratic Republic of Congo)."""
        return self._countries.get(name) if name else None

    def entry(self, key_or_name: str) -> ActorEntry | None:
        return self._by_key.get(key_or_name) or self._by_name.get(key_or_name)

    def generic_entry(self, kind: str) -> ActorEntry:
        try:
            return self._generic[kind]
        except KeyError:
            known = ", ".join(sorted(self._generic))
            raise ValueError(f"unknown generic actor kind {kind!r} (known: {known})") from None

    def state_force(self, country: str, on: dt.date | None, *, branch: str = "military") -> str:
        """The dated name of a state's military, police or government on a day
        ("Military Forces of Syria (2000-2024)")."""
        info = self.country(country)
        state = info.state if info else country
        head = STATE_HEADS[branch]
        regime = info.regime_on(on) if info else None
        if regime is None:
            return f"{head} {state}"
        name = f"{head} {state} ({regime.label})"
        if regime.military_suffix and branch == "military":
            name = f"{name} {regime.military_suffix}"
        return name

    def canonical_name(self, name: str) -> str:
        """One spelling per actor: names ACLED used in older exports map to the
        current one ("Military Forces of Syria (2000-)" -> "(2000-2024)")."""
        if name in self._acled_names and "{" not in self._acled_names[name].name:
            return self._acled_names[name].name
        found = _STATE_NAME.match(name)
        if not found:
            return name
        head, state, first_year, _, rest = found.groups()
        info = self._states.get(state) or self.country(state)
        if info is None:
            return name
        regime = next((r for r in info.regimes if r.label.startswith(f"{first_year}-")), None)
        if regime is None:
            return name
        return f"{head} of {state} ({regime.label}){rest}"

    # ----------------------------------------------------------------- matching

    def find(
        self, text: str, *, country: str | None = None, include_sources: bool = False
    ) -> list[ActorMention]:
        """All actor mentions in ``text``, longest match first, not overlapping.

        ``country`` (optional) drops common-noun aliases meant for another
        country ("local police" is Afghan Local Police only in Afghanistan).
        """
        kinds = {NAMED, GENERIC, SOURCE} if include_sources else {NAMED, GENERIC}
        prepared: dict[tuple[int, int], tuple[str | None, tuple[str, ...]]] = {}
        candidates: list[RawMatch] = []
        for raw in self._index.scan(text):
            targets = [t for t in raw.targets if self.entries[t.entry_index].kind in kinds]
            if not targets:
                continue
            start, qualifier, backer = raw.start, None, None
            named_country = next((t.country for t in targets if t.country), None)
            if any(self.entries[t.entry_index].qualified or t.qualified_only for t in targets):
                found = self.forms.before(text, start)
                if found:
                    qualifier, start = found
            backed = self.forms.backer_before(text, start)
            if backed:
                backer, start = backed
            qualifier = qualifier or named_country
            kept = tuple(
                t for t in targets if self._keeps(t, qualifier, backer, qualifier or country)
            )
            if not kept:
                continue
            prepared[(start, raw.end)] = (qualifier, (backer,) if backer else ())
            candidates.append(RawMatch(start, raw.end, kept))
        mentions = []
        for match in select_longest(candidates):
            qualifier, backers = prepared[(match.start, match.end)]
            mentions.append(self._mention(text, match, qualifier, backers, country))
        return self._add_coordinated(text, mentions)

    def _add_coordinated(self, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
        """Coordinated countries ("Turkish and Russian forces", "forces of
        India and Pakistan"): the other country names a second actor of the
        same kind."""
        extra = []
        for mention in mentions:
            if mention.country is None:
                continue
            kind_entry = mention.entry if mention.entry.is_generic else None
            if kind_entry is None and mention.entry.is_state_force:
                kind_entry = self.generic_entry(
                    "police" if "{police}" in mention.entry.name else "military"
                )
            if kind_entry is None:
                continue
            # "forces of India and Pakistan": the country after "and".
            ends_with_country = self.forms.before(text, mention.end + 1) is not None
            following = self.forms.after(text, mention.end) if ends_with_country else None
            if following is not None and not any(
                m.start < following[2] and following[1] < m.end for m in mentions
            ):
                country, start, end = following
                extra.append(ActorMention(text[start:end], start, end, kind_entry, True,
                                          candidates=(kind_entry,), country=country))  # fmt: skip
            head = _COORDINATION.search(fold(text[max(0, mention.start - 40) : mention.start]))
            if not head:
                continue
            offset = mention.start - len(head.group(0))
            found = self.forms.before(text, offset + len(head.group("words")) + 1)
            if found is None or any(m.start <= found[1] < m.end for m in mentions):
                continue
            country, start = found
            end = offset + len(head.group("words"))
            extra.append(
                ActorMention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    entry=kind_entry,
                    generic=True,
                    candidates=(kind_entry,),
                    country=country,
                )
            )
        return sorted([*mentions, *extra], key=lambda m: m.start)

    def _keeps(
        self, target: Target, qualifier: str | None, backer: str | None, country: str | None
    ) -> bool:
        entry = self.entries[target.entry_index]
        if target.qualified_only and qualifier is None:
            return False
        if entry.requires_backer and backer is None:
            return False
        return not (target.descriptive and country is not None and country not in entry.home)

    def _mention(
        self,
        text: str,
        match: RawMatch,
        qualifier: str | None,
        backers: tuple[str, ...],
        country: str | None,
    ) -> ActorMention:
        entries = _unique(self.entries[t.entry_index] for t in match.targets)
        ranked = self._rank(entries, qualifier or country, None, backed=bool(backers))
        best = ranked[0]
        implicit = all(t.implicit for t in match.targets if self.entries[t.entry_index] is best)
        home_only = frozenset(
            self.entries[t.entry_index].key for t in match.targets if t.descriptive
        )
        return ActorMention(
            text=text[match.start : match.end],
            start=match.start,
            end=match.end,
            entry=best,
            generic=best.is_generic,
            is_backer_phrase=bool(backers) and best.requires_backer,
            candidates=ranked,
            country=qualifier,
            backers=backers,
            implicit=implicit,
            home_only=home_only,
        )

    @staticmethod
    def _rank(
        entries: Iterable[ActorEntry],
        country: str | None,
        on: dt.date | None,
        *,
        backed: bool = False,
    ) -> tuple[ActorEntry, ...]:
        """Named actors at home first, then generic templates, then the rest;
        entries valid on the day before those that are not. After a backer
        prefix ("UAE-backed separatists") the backed-group template leads."""

        def order(entry: ActorEntry) -> tuple[int, int, int]:
            if entry.kind == SOURCE:
                place = 4
            elif entry.kind == GENERIC:
                place = 1
            elif country is not None and country in entry.home:
                place = 0
            else:
                place = 2 if not entry.home else 3
            backed_first = 0 if entry.requires_backer or not backed else 1
            return backed_first, place, 0 if entry.valid_on(on) else 1

        return tuple(sorted(entries, key=order))

    def find_sources(self, text: str) -> list[ActorMention]:
        """Claim sources named in ``text`` (monitors, media units)."""
        return [m for m in self.find(text, include_sources=True) if m.entry.kind == SOURCE]

    def find_support(self, text: str) -> list[ActorMention]:
        """Foreign state forces named as supporting the action: "supported by
        Russian air power" -> a mention of Russia's military."""
        military = self.generic_entry("military")
        mentions = []
        for found in self._support.finditer(fold(text)):
            country = self.forms.lookup(found.group("backer"), found.group("backer"))
            if country is None:
                continue
            mentions.append(
                ActorMention(
                    text=text[found.start() : found.end()],
                    start=found.start(),
                    end=found.end(),
                    entry=military,
                    generic=True,
                    candidates=(military,),
                    country=country,
                    supporting=True,
                )
            )
        return mentions

    # --------------------------------------------------------------- resolution

    def resolve(
        self, mention: ActorMention, *, country: str | None, on: dt.date | None
    ) -> models.Actor:
        """The ACLED actor a mention means in an event in ``country`` on ``on``.

        ``country`` is the event's country as ACLED writes it ("Syria"). A
        generic mention with no country at all (none in the phrase, none
        given) becomes ACLED's placeholder: "Protesters (International)",
        "Unidentified Military Forces".
        """
        target_country = mention.country or country
        usable = [
            e
            for e in mention.candidates or (mention.entry,)
            if e.key not in mention.home_only or (target_country in e.home)
        ]
        if not usable and target_country is not None:
            # A common-noun alias meant for another country ("local police"
            # outside Afghanistan): read the phrase again with the country.
            inner = self.find(mention.text, country=target_country)
            if inner:
                longest = max(inner, key=lambda m: m.end - m.start)
                return self.resolve(longest, country=country, on=on)
        entry = self._rank(
            usable or [mention.entry], target_country, on, backed=bool(mention.backers)
        )[0]
        return self.actor_for(
            entry,
            country=target_country,
            on=on,
            event_country=country,
            matched_text=mention.text,
            backers=mention.backers,
        )

    def generic(self, kind: str, country: str, on: dt.date | None = None) -> models.Actor:
        """A generic actor by kind: "protesters", "rioters", "civilians",
        "unidentified_armed_group", "military", "police" (see generic.yaml)."""
        return self.actor_for(
            self.generic_entry(kind), country=country, on=on, event_country=country
        )

    def homes(self, text: str) -> tuple[list[str], list[tuple[str, str]]]:
        """Where the named actors and country-bound monitors of ``text`` are
        from: a country per mention ("the Houthis", "the OSCE SMM" say Yemen,
        Ukraine where no place does), and the (country, admin1) regions of
        those bound to a front (the OSCE SMM: Donetsk, Luhansk). Generic
        actors ("gunmen") name none."""
        countries: list[str] = []
        regions: list[tuple[str, str]] = []
        for mention in self.find(text, include_sources=True):
            if mention.generic:
                continue
            country = mention.country or mention.entry.country
            if (
                mention.country is None
                and all(entry.is_state_force for entry in mention.candidates)
                and len(_homes_of(mention.candidates)) > 1
            ):
                # What several states' forces are called ("gendarmerie":
                # Cameroon's, Turkey's) says nowhere; an armed group's name
                # does, even of a group active in two countries.
                continue
            if country:
                countries.append(country)
                if country == mention.entry.country:
                    regions.extend((country, region) for region in mention.entry.regions)
        return countries, regions

    def requalified(self, actor: models.Actor, country: str, on: dt.date | None) -> models.Actor:
        """A generic actor known only by its country ("Civilians (Kuwait)")
        in another country: ACLED qualifies civilians, protesters and
        unidentified groups by where the event took place. Other actors are
        returned as they are."""
        if actor.country is None or actor.country == country:
            return actor
        for entry in self._generic.values():
            if entry.name.count("{") != 1 or "{country}" not in entry.name or entry.periods:
                continue
            if self._fill(entry.name, entry, actor.country, on) == actor.name:
                moved = self.actor_for(
                    entry, country=country, on=on, event_country=country,
                    matched_text=actor.matched_text,
                )  # fmt: skip
                return models.Actor(
                    moved.name, moved.inter, moved.country, actor.matched_text, actor.backers
                )
        return actor

    def actor_for(
        self,
        entry: ActorEntry,
        *,
        country: str | None,
        on: dt.date | None,
        event_country: str | None = None,
        matched_text: str = "",
        backers: tuple[str, ...] = (),
        _depth: int = 0,
    ) -> models.Actor:
        """Fill an entry's template for a country and day."""
        if entry.kind == GENERIC:
            target = self._generic_target(entry, country, on, backers)
            if target is not entry and _depth < 3:
                actor = self.actor_for(
                    target,
                    country=country,
                    on=on,
                    event_country=event_country,
                    matched_text=matched_text,
                    backers=backers,
                    _depth=_depth + 1,
                )
                # A country's default for "militants" may since have become the
                # state (the Taliban after August 2021): then it is not meant.
                if actor.inter != 1 or entry.inter == 1:
                    return actor
                if entry.fallback:
                    entry = self._generic.get(entry.fallback, entry)
        if on is None and entry.valid_to is not None:
            on = entry.valid_to - dt.timedelta(days=1)  # an actor of the past: its last day
        name, inter = entry.name, entry.inter
        period = next((p for p in entry.periods if on is not None and p.covers(on)), None)
        if period is not None:
            name, inter = period.name, period.inter
        home = entry.country or country
        if "{backer}" in name:
            if not backers:
                return self.actor_for(
                    self.generic_entry("unidentified_armed_group"),
                    country=country,
                    on=on,
                    event_country=event_country,
                    matched_text=matched_text,
                )
            name = name.replace("{backer}", backers[0])
        if not home and any(p in name for p in PLACEHOLDERS):
            name = _placeholder_name(name)
        name = self._fill(name, entry, home or "", on)
        redirect = self._by_name.get(name)
        if redirect is not None and redirect is not entry and redirect.periods and on is not None:
            later = next((p for p in redirect.periods if p.covers(on)), None)
            if later is not None:
                name, inter = self._fill(later.name, redirect, home or "", on), later.inter
        inter = self._external(inter, home, event_country)
        return models.Actor(
            name=name,
            inter=inter,
            country=home,
            matched_text=matched_text,
            backers=_unique((*entry.backers, *backers)),
        )

    def _generic_target(
        self,
        entry: ActorEntry,
        country: str | None,
        on: dt.date | None,
        backers: tuple[str, ...],
    ) -> ActorEntry:
        """What a generic kind means in a country: the country's default actor
        for it, a backed group's usual name, or the kind's fallback."""
        if entry.requires_backer and backers and country:
            for candidate in self.entries:
                if (
                    candidate.backed_by_default
                    and backers[0] in candidate.backers
                    and country in candidate.home
                    and candidate.valid_on(on)
                ):
                    return candidate
            return entry
        info = self.country(country)
        default = info.default_for(entry.generic_kind or "") if info else None
        if default:
            return self.entry(default) or entry
        if entry.fallback:
            return self._generic.get(entry.fallback, entry)
        return entry

    def _fill(self, template: str, entry: ActorEntry, country: str, on: dt.date | None) -> str:
        name = template
        for branch in STATE_HEADS:
            if f"{{{branch}}}" in name:
                name = name.replace(f"{{{branch}}}", self.state_force(country, on, branch=branch))
        if "{branch}" in name:
            name = name.replace("{branch}", entry.branch_for(country))
        return name.replace("{country}", country)

    def _external(self, inter: int, home: str | None, event_country: str | None) -> int:
        """ACLED codes a state's forces acting in another country as external (8)."""
        if inter != 1 or not home or not event_country or home == event_country:
            return inter
        info = self.country(home)
        if info is not None and info.within == event_country:
            return inter
        event_info = self.country(event_country)
        if event_info is not None and event_info.name == home:
            return inter
        return 8


def _homes_of(entries: Iterable[ActorEntry]) -> set[str]:
    return {entry.country for entry in entries if entry.country}


def _placeholder_name(template: str) -> str:
    """ACLED's names for generic actors whose country is unknown."""
    for branch in STATE_HEADS:
        if f"{{{branch}}}" in template:
            return f"Unidentified {STATE_HEADS[branch].split()[0]} Forces".replace(
                "Government Forces", "Government"
            )
    return template.replace("{country}", "International").replace("{branch}", "International")


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, loaded once per process (it takes ~1 s)."""
    return ActorDictionary.load()


def _unique(items: Iterable[_T]) -> tuple[_T, ...]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)
