"""Per-place control history: claims -> periods of (controller, status).

The claims about one entry (a place, or an unnamed area) are read in date
order. A change makes its gainer the controller: status ``held``. A state
(encircled, besieged) changes the status and keeps the controller; when the
place has no known controller yet, the besieged side is taken to hold it. A
siege by the side that already holds the place is about something near it,
not the place, and is left out of its history.

When sources disagree the status is ``contested`` and the period lists every
claim: two changes of overlapping dates naming different gainers, or a change
and a denial of it (a denial counts when its date is within a day of the
claim's span: "denied on Sunday that the town fell on Saturday").

A period lasts until the next one starts; its ``since`` is the first day of
the span of the claim that opened it, with that claim's precision, so a
capture "this month" is held "since August 2017, month precision".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from frontwatch.control.claims import (
    BESIEGED,
    CHANGE,
    CONTESTED,
    DENIAL,
    ENCIRCLED,
    HELD,
    STATE,
    ControlClaim,
    ControlSource,
)

DENIAL_SLACK = dt.timedelta(days=1)
STATUSES = (HELD, CONTESTED, ENCIRCLED, BESIEGED)
_QUALIFIER = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """Who held an entry, in what state, from when (to when)."""

    key: str
    label: str
    admin1: str | None
    country: str
    country_code: str
    latitude: float
    longitude: float
    valid_from: dt.date
    valid_to: dt.date | None  # exclusive; None while it lasts
    precision: int  # of valid_from: 1 day, 2 week, 3 month
    controller: str | None
    status: str  # held | contested | encircled | besieged
    counterpart: str | None  # who lost it, or who besieges it
    claims: tuple[ControlClaim, ...]  # the claim(s) behind it; contested: all sides

    @property
    def sources(self) -> tuple[ControlSource, ...]:
        seen: dict[str, ControlSource] = {}
        for claim in self.claims:
            for source in claim.sources:
                seen.setdefault(source.event_id, source)
        return tuple(seen.values())

    def holds_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


def side(name: str | None) -> str:
    """An actor name without ACLED's period qualifier, for comparisons."""
    return _QUALIFIER.sub("", name or "").strip().lower()


def timeline(claims: Sequence[ControlClaim]) -> list[ControlPeriod]:
    """The history of one entry from its claims (denials of its base place
    included), oldest first."""
    denials = [c for c in claims if c.kind == DENIAL]
    ordered = sorted(
        (c for c in claims if c.kind != DENIAL),
        key=lambda c: (c.start, c.end, 0 if c.kind == CHANGE else 1, c.claim_id),
    )
    periods: list[ControlPeriod] = []
    covered: set[str] = set()
    controller: str | None = None
    for claim in ordered:
        if claim.claim_id in covered:
            continue
        if claim.kind == CHANGE:
            rivals = _rivals(claim, ordered) + _denials(claim, denials)
            status = CONTESTED if rivals else HELD
            behind = (claim, *rivals)
            covered.update(c.claim_id for c in behind)
            last = periods[-1] if periods else None
            if (
                status == HELD
                and last is not None
                and last.status == HELD
                and claim.controller is not None
                and side(last.controller) == side(claim.controller)
            ):
                # Another report of the same holder: it confirms, it does not
                # restart the period.
                periods[-1] = replace(last, claims=(*last.claims, claim))
                continue
            controller = claim.controller
            periods.append(_period(claim, controller, status, claim.counterpart, behind))
        elif claim.kind == STATE:
            if controller is not None and side(controller) == side(claim.counterpart):
                continue  # the holder besieges something near it, not this place
            held_by = controller or claim.controller
            periods.append(_period(claim, held_by, claim.territorial, claim.counterpart, (claim,)))
    return _closed(periods)


def state_at(periods: Sequence[ControlPeriod], day: dt.date) -> ControlPeriod | None:
    return next((p for p in periods if p.holds_on(day)), None)


def _rivals(claim: ControlClaim, ordered: Sequence[ControlClaim]) -> list[ControlClaim]:
    """Other changes of overlapping dates that name a different gainer."""
    if claim.controller is None:
        return []
    return [
        other
        for other in ordered
        if other.kind == CHANGE
        and other.claim_id != claim.claim_id
        and other.controller is not None
        and side(other.controller) != side(claim.controller)
        and other.start <= claim.end
        and claim.start <= other.end
    ]


def _denials(claim: ControlClaim, denials: Sequence[ControlClaim]) -> list[ControlClaim]:
    return [
        denial
        for denial in denials
        if denial.base_key == claim.base_key
        and (denial.controller is None or side(denial.controller) == side(claim.controller))
        and denial.start <= claim.end + DENIAL_SLACK
        and claim.start - DENIAL_SLACK <= denial.end
    ]


def _period(
    claim: ControlClaim,
    controller: str | None,
    status: str,
    counterpart: str | None,
    behind: tuple[ControlClaim, ...],
) -> ControlPeriod:
    return ControlPeriod(
        key=claim.key,
        label=claim.label,
        admin1=claim.admin1,
        country=claim.country,
        country_code=claim.country_code,
        latitude=claim.latitude,
        longitude=claim.longitude,
        valid_from=claim.start,
        valid_to=None,
        precision=claim.precision,
        controller=controller,
        status=status,
        counterpart=counterpart,
        claims=behind,
    )


def _closed(periods: list[ControlPeriod]) -> list[ControlPeriod]:
    """Each period ends where the next begins."""
    closed = []
    for i, period in enumerate(periods):
        following = periods[i + 1].valid_from if i + 1 < len(periods) else None
        closed.append(
            ControlPeriod(
                key=period.key,
                label=period.label,
                admin1=period.admin1,
                country=period.country,
                country_code=period.country_code,
                latitude=period.latitude,
                longitude=period.longitude,
                valid_from=period.valid_from,
                valid_to=following,
                precision=period.precision,
                controller=period.controller,
                status=period.status,
                counterpart=period.counterpart,
                claims=period.claims,
            )
        )
    return closed
