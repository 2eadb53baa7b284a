"""Territorial events -> claims about who holds a place, and since when.

A merged event whose territorial status is a change (captured, regained,
lost, withdrew, handed over) claims a new controller; one that is a state
(encircled, besieged) claims a state of the place, not a new controller. A
negated statement of a change ("the army denied that the town had fallen") is
a denial of that change. Who gains, by status:

- captured / regained / lost: actor1 (the extractor reads "X fell to Y" and
  "X lost control" with the gainer as actor1); a "Government regains
  territory" event is the state forces' gain, an "overtakes territory" event
  the non-state actor's, whichever role the extractor gave them.
- withdrew / handed over: actor2, the side that takes over, when named.
- encircled / besieged: actor1 besieges actor2.

Which place: the event's place when the statement is about the place itself.
When it is only near a place (geo precision 2), only a region is known, or
the words around the trigger name an area or a site ("an enclave", "the
airport", "most of the city"), the claim is about an unnamed area, kept as
its own entry keyed by the event, with the place it was reported near.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.taxonomy import CONTROL_CHANGES
from frontwatch.merge.events import MergedEvent
from frontwatch.merge.rules import (
    STATE_FORCES,
    actor_key,
    is_generic,
    is_region,
    km,
    place_identity,
)
from frontwatch.models import GEO_NEAR, Actor, Event, Place
from frontwatch.yaml_data import load_yaml

CHANGES = CONTROL_CHANGES
STATES = ("encircled", "besieged")
CHANGE, STATE, DENIAL = "change", "state", "denial"
HELD, CONTESTED, ENCIRCLED, BESIEGED = "held", "contested", "encircled", "besieged"
AREA_PREFIX = "area:"
NEARBY_KM = 100.0  # other places named in an area's label ("enclave near Homs / Hama")
_GOVERNMENT_GAINS = "Government regains territory"
_REBEL_GAINS = "Non-state actor overtakes territory"


@dataclass(frozen=True, slots=True)
class AreaWords:
    area_words: tuple[str, ...]
    partial_words: tuple[str, ...]
    window_words: int

    @classmethod
    def from_mapping(cls, data: Any, *, origin: str = "control.yaml") -> AreaWords:
        try:
            found = cls(
                area_words=tuple(str(w).lower() for w in data["area_words"]),
                partial_words=tuple(str(w).lower() for w in data["partial_words"]),
                window_words=int(data["window_words"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{origin}: malformed control words ({exc!r})") from exc
        if not found.area_words or found.window_words < 1:
            raise ConfigError(f"{origin}: needs area_words and a positive window_words")
        return found


@cache
def load_area_words() -> AreaWords:
    text = resources.files("frontwatch.data").joinpath("control.yaml").read_text("utf-8")
    try:
        return AreaWords.from_mapping(load_yaml(text))
    except yaml.YAMLError as exc:
        raise ConfigError(f"control.yaml: {exc}") from exc


@dataclass(frozen=True, slots=True)
class ControlSource:
    """Who said it: one report behind a claim."""

    event_id: str
    article_id: str
    outlet: str | None
    original_source: str | None
    claim_source: str | None
    published: dt.date | None
    sentence: str


@dataclass(frozen=True, slots=True)
class ControlClaim:
    """One statement about a place's control, with its date and sources."""

    claim_id: str  # merged id (or report id, for a denial) + a suffix
    key: str  # the control entry: a place identity, or "area:<event id>"
    base_key: str  # the identity of the place it was reported at or near
    label: str  # "As Sukhnah", "enclave near Homs / Hama"
    admin1: str | None
    country: str
    country_code: str
    latitude: float
    longitude: float
    kind: str  # change | state | denial
    territorial: str  # captured, withdrew, besieged, ...
    controller: str | None  # who holds it after a change (None: not said)
    counterpart: str | None  # who lost it, or who besieges it
    start: dt.date
    end: dt.date
    precision: int
    merged_id: str | None
    sources: tuple[ControlSource, ...]


def claims_from_merged(merged: MergedEvent) -> list[ControlClaim]:
    """The control claims of a merged event: none unless it is territorial.
    Reports naming different gainers give one claim each (a dispute)."""
    if merged.place is None or merged.date.start is None:
        return []
    territorial = [r for r in merged.reports if r.territorial in CHANGES + STATES]
    if not territorial or merged.territorial not in CHANGES + STATES:
        return []
    key, base_key, label = _target(merged.place, merged.best, merged.merged_id)
    precision = merged.date.precision or 3
    start = merged.date.start
    end = merged.date.end or start
    if merged.territorial in STATES:
        besieger, besieged = _siege_sides(territorial)
        return [
            _claim(
                f"{merged.merged_id}:state",
                key,
                base_key,
                label,
                merged.place,
                kind=STATE,
                territorial=merged.territorial,
                controller=besieged,
                counterpart=besieger,
                span=(start, end, precision),
                merged_id=merged.merged_id,
                reports=territorial,
            )
        ]
    changes = [r for r in territorial if r.territorial in CHANGES]
    by_gainer: dict[str, list[Event]] = {}
    unnamed: list[Event] = []
    for report in changes:
        gained = gainer(report)
        if gained is None or is_generic(gained):
            unnamed.append(report)
        else:
            by_gainer.setdefault(actor_key(gained), []).append(report)
    groups = sorted(by_gainer.values(), key=lambda g: (-len(g), g[0].event_id))
    if not groups:
        groups = [unnamed]
    else:
        groups[0] = groups[0] + unnamed
    claims = []
    for n, group in enumerate(groups):
        named = [gainer(r) for r in group]
        controller = _most_common([a for a in named if a is not None])
        losers = [loser(r) for r in group]
        counterpart = _most_common([a for a in losers if a is not None])
        claims.append(
            _claim(
                f"{merged.merged_id}:change:{n}",
                key,
                base_key,
                label,
                merged.place,
                kind=CHANGE,
                territorial=merged.territorial,
                controller=controller,
                counterpart=counterpart,
                span=(start, end, precision),
                merged_id=merged.merged_id,
                reports=group,
            )
        )
    return claims


def denial_claims(report: Event) -> list[ControlClaim]:
    """A negated change ("denied that the town had fallen") denies it."""
    if (
        not report.flags.negated
        or report.territorial not in CHANGES
        or report.place is None
        or report.date.start is None
    ):
        return []
    _, base_key, label = _target(report.place, report, report.event_id)
    gained = gainer(report)
    return [
        _claim(
            f"{report.event_id}:denial",
            base_key,
            base_key,
            label,
            report.place,
            kind=DENIAL,
            territorial=report.territorial or "",
            controller=gained.name if gained and not is_generic(gained) else None,
            counterpart=None,
            span=(
                report.date.start,
                report.date.end or report.date.start,
                report.date.precision or 3,
            ),
            merged_id=None,
            reports=[report],
        )
    ]


def gainer(report: Event) -> Actor | None:
    """The side that holds the place after this change, when named."""
    a1, a2 = report.actor1, report.actor2
    if report.territorial in ("withdrew", "handed over"):
        return a2
    if report.sub_event_type == _GOVERNMENT_GAINS:
        return _first(lambda a: a.inter == STATE_FORCES, a1, a2) or a1
    if report.sub_event_type == _REBEL_GAINS:
        return _first(lambda a: a.inter != STATE_FORCES and not is_generic(a), a1, a2) or a1
    return a1


def loser(report: Event) -> Actor | None:
    gained = gainer(report)
    for actor in (report.actor1, report.actor2):
        if actor is None or is_generic(actor):
            continue
        if gained is None or actor_key(actor) != actor_key(gained):
            return actor
    return None


def area_word(sentence: str, trigger: str) -> str | None:
    """The area word near the trigger, if the statement is about an area."""
    words = load_area_words()
    tokens: list[str] = re.findall(r"[\w'-]+", sentence.lower())
    trigger_tokens: list[str] = re.findall(r"[\w'-]+", trigger.lower())
    at = _find(tokens, trigger_tokens)
    if at is None:
        return None
    low, high = max(0, at - words.window_words), at + len(trigger_tokens) + words.window_words
    window = tokens[low:high]
    text = " ".join(window)
    for phrase in words.partial_words:
        if re.search(rf"\b{re.escape(phrase)}\b", text):
            return "part"
    for token in window:
        if token in words.area_words:
            return token
    return None


def _target(place: Place, report: Event, owner_id: str) -> tuple[str, str, str]:
    """(key, base key, label) of the entry a claim is about."""
    base_key = place_identity(place)
    noun = area_word(report.provenance[0].sentence, report.trigger)
    near = place.geo_precision >= GEO_NEAR and not is_region(place)
    if noun is None and not near and not is_region(place):
        return base_key, base_key, place.name
    nearby = [
        p.name
        for p in report.other_places
        if not is_region(p) and p.country_code == place.country_code and km(p, place) <= NEARBY_KM
    ]
    names = " / ".join(dict.fromkeys([place.name, *nearby]))
    noun = _singular(noun or "area")
    relation = "in" if is_region(place) else "near" if near or noun != "part" else "of"
    label = f"part of {names}" if noun == "part" else f"{noun} {relation} {names}"
    return f"{AREA_PREFIX}{owner_id}", base_key, label


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us")) and noun != "headquarters":
        return noun[:-1]
    return noun


def _find(tokens: Sequence[str], wanted: Sequence[str]) -> int | None:
    if not wanted:
        return None
    for i in range(len(tokens) - len(wanted) + 1):
        if all(tokens[i + j].startswith(w[:4]) for j, w in enumerate(wanted)):
            return i
    return None


def _first(test: Callable[[Actor], bool], *actors: Actor | None) -> Actor | None:
    return next((a for a in actors if a is not None and test(a)), None)


def _siege_sides(reports: Sequence[Event]) -> tuple[str | None, str | None]:
    """(besieger, besieged): actor1 besieges actor2."""
    first = [r.actor1 for r in reports]
    second = [r.actor2 for r in reports]
    return (
        _most_common([a for a in first if a is not None]),
        _most_common([a for a in second if a is not None]),
    )


def _most_common(actors: Sequence[Actor]) -> str | None:
    named = [a for a in actors if not is_generic(a)] or list(actors)
    if not named:
        return None
    counts = Counter(a.name for a in named)
    return max(counts, key=lambda name: (counts[name], name))


def _claim(
    claim_id: str,
    key: str,
    base_key: str,
    label: str,
    place: Place,
    *,
    kind: str,
    territorial: str,
    controller: str | None,
    counterpart: str | None,
    span: tuple[dt.date, dt.date, int],
    merged_id: str | None,
    reports: Sequence[Event],
) -> ControlClaim:
    start, end, precision = span
    return ControlClaim(
        claim_id=claim_id,
        key=key,
        base_key=base_key,
        label=label,
        admin1=place.admin1,
        country=place.country,
        country_code=place.country_code,
        latitude=place.latitude,
        longitude=place.longitude,
        kind=kind,
        territorial=territorial,
        controller=controller,
        counterpart=counterpart,
        start=start,
        end=end,
        precision=precision,
        merged_id=merged_id,
        sources=tuple(_source(r) for r in reports),
    )


def _source(report: Event) -> ControlSource:
    first = report.provenance[0]
    return ControlSource(
        event_id=report.event_id,
        article_id=first.article_id,
        outlet=first.outlet,
        original_source=first.original_source,
        claim_source=first.claim_source or report.claim_source,
        published=first.published,
        sentence=first.sentence,
    )
