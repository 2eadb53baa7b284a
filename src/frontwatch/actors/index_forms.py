"""The written forms the actor dictionary matches, built once into its
pattern index: every alias, generic trigger, canonical name and its parts,
group-noun and state-force variants ("HTS fighters", "LNA air force"), and
state-force phrases ("the army of Mali")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from frontwatch.actors.entries import GENERIC, NAMED, ActorEntry, CountryInfo
from frontwatch.actors.patterns import (
    GROUP_SUFFIXES,
    POLICE_NOUNS,
    STATE_FORCE_NOUNS,
    STATE_SUFFIXES,
    CountryForms,
    PatternIndex,
    Target,
    fold,
)


def build_index(
    entries: Sequence[ActorEntry],
    forms: CountryForms,
    country: Callable[[str], CountryInfo | None],
    *,
    military: int,
    police: int,
) -> PatternIndex:
    """The index of ``entries`` (targets are positions in it); ``military``
    and ``police`` are the positions of the generic state-force entries,
    ``country`` finds a country by any of its names."""
    index = PatternIndex()
    for position, entry in enumerate(entries):
        for alias in entry.aliases:
            descriptive = entry.kind == NAMED and alias == alias.lower() and bool(entry.home)
            index.add(alias, Target(position, descriptive=descriptive))
        for alias in entry.aliases_cs:
            index.add(alias, Target(position), case_sensitive=True)
        if entry.kind == GENERIC:
            for trigger in entry.qualified_only:
                index.add(trigger, Target(position, qualified_only=True))
            for trigger in entry.implicit:
                index.add(trigger, Target(position, implicit=True))
        if entry.kind == NAMED:
            _add_name_forms(index, position, entry)
    _add_state_forms(index, forms, country, military=military, police=police)
    return index


def _add_name_forms(index: PatternIndex, position: int, entry: ActorEntry) -> None:
    """The canonical name itself, its parts ("HTS: Hayat Tahrir al Sham"),
    and group-noun variants of proper-name aliases ("HTS fighters")."""
    if "{" not in entry.name:
        index.add(entry.name, Target(position))
        acronym, _, long_name = entry.name.partition(": ")
        if long_name:
            index.add(long_name, Target(position))
            index.add(acronym, Target(position), case_sensitive=True)
    for other in entry.acled_names:
        index.add(other, Target(position))
    if entry.is_state_force:
        for alias in entry.aliases:
            if not alias.endswith(STATE_SUFFIXES):
                for suffix in STATE_SUFFIXES:
                    index.add(
                        f"{alias} {suffix}",
                        Target(position, descriptive=alias == alias.lower()),
                    )
        for alias in entry.aliases_cs:  # "LNA air force", "SAA Troops"
            for suffix in {*STATE_SUFFIXES, *(s.title() for s in STATE_SUFFIXES)}:
                index.add(f"{alias} {suffix}", Target(position), case_sensitive=True)
        return
    if entry.inter not in (2, 3, 4):
        return
    for alias in entry.aliases:
        if alias != alias.lower():
            for suffix in GROUP_SUFFIXES:
                index.add(f"{alias} {suffix}", Target(position))
    for alias in entry.aliases_cs:
        for suffix in GROUP_SUFFIXES:
            index.add(f"{alias} {suffix}", Target(position), case_sensitive=True)


def _add_state_forms(
    index: PatternIndex,
    forms: CountryForms,
    country: Callable[[str], CountryInfo | None],
    *,
    military: int,
    police: int,
) -> None:
    """State-force phrases: "military forces of Azerbaijan", "the army of
    Mali", "police of Iraq"."""
    for form, name, case_sensitive in forms.forms():
        info = country(name)
        if info is None or form not in {
            fold(n) for n in (info.name, info.state, *info.aliases)
        }:
            continue
        for noun in STATE_FORCE_NOUNS:
            index.add(
                f"{noun} of {form}",
                Target(military, country=name),
                case_sensitive=case_sensitive,
            )
        for noun in POLICE_NOUNS:
            index.add(
                f"{noun} of {form}",
                Target(police, country=name),
                case_sensitive=case_sensitive,
            )
