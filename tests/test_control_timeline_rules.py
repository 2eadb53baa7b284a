"""Control history rules: changes set the controller, sieges are states, a
siege by the holder is not about the place, disputes make it contested."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.control.claims import (
    BESIEGED,
    CONTESTED,
    HELD,
    ControlClaim,
    area_word,
    claims_from_merged,
    denial_claims,
    gainer,
)
from frontwatch.control.timeline import state_at, timeline
from frontwatch.merge.events import Report, build_merged
from frontwatch.models import Event
from samples_merge import (
    ARMY_RU,
    ARMY_SY,
    ARMY_UA,
    GUNMEN_SY,
    IS_SY,
    KHERSON,
    SUKHNAH,
    report,
    span,
)

CAPTURE = "Government regains territory"
REBELS = "Non-state actor overtakes territory"
CLASH = "Armed clash"


def _claims(*events: Event) -> list[ControlClaim]:
    found: list[ControlClaim] = []
    for n, event in enumerate(events):
        if event.flags.negated:
            found += denial_claims(event)
            continue
        merged = build_merged(f"FM{n:012d}", [Report(event, event.provenance[0].article_id)], {})
        found += claims_from_merged(merged)
    return found


def _at(claims: list[ControlClaim], day: str) -> tuple[str | None, str] | None:
    periods = timeline([c for c in claims if c.key == claims[0].key or c.kind == "denial"])
    state = state_at(periods, dt.date.fromisoformat(day))
    return (state.controller, state.status) if state else None


def test_control_timeline_capture_then_siege_then_recapture() -> None:
    claims = _claims(
        report("a", REBELS, SUKHNAH, span("2015-05-13"), IS_SY, ARMY_SY, territorial="captured"),
        report("b", CLASH, SUKHNAH, span("2017-07-20"), ARMY_SY, IS_SY, territorial="besieged"),
        report("c", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, IS_SY, territorial="captured"),
    )
    assert _at(claims, "2015-05-12") is None
    assert _at(claims, "2016-01-01") == (IS_SY.name, HELD)
    # A siege is a state: the holder stays the holder.
    assert _at(claims, "2017-07-25") == (IS_SY.name, BESIEGED)
    assert _at(claims, "2017-09-01") == (ARMY_SY.name, HELD)


def test_control_timeline_siege_by_the_holder_is_not_about_the_place() -> None:
    claims = _claims(
        report("a", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, territorial="captured"),
        report("b", CLASH, SUKHNAH, span("2017-08-20"), ARMY_SY, IS_SY, territorial="besieged"),
    )
    assert _at(claims, "2017-08-25") == (ARMY_SY.name, HELD)


def test_control_timeline_claim_and_denial_contested() -> None:
    claims = _claims(
        report("ru", REBELS, KHERSON, span("2022-03-02"), ARMY_RU, territorial="captured"),
        report(
            "ua",
            REBELS,
            KHERSON,
            span("2022-03-02"),
            ARMY_RU,
            territorial="captured",
            negated=True,
            sentence="Ukraine denied that Russian forces had taken Kherson.",
        ),
    )
    periods = timeline(claims)
    state = state_at(periods, dt.date(2022, 3, 5))
    assert state is not None and state.status == CONTESTED
    assert {c.kind for c in state.claims} == {"change", "denial"}
    assert {s.outlet for s in state.sources} == {"ru", "ua"}


def test_control_timeline_two_gainers_contested_until_undisputed_change() -> None:
    claims = _claims(
        report("x", CAPTURE, KHERSON, span("2022-11-11"), ARMY_UA, territorial="captured"),
        report("y", REBELS, KHERSON, span("2022-11-11"), ARMY_RU, territorial="captured"),
        report("z", CAPTURE, KHERSON, span("2022-11-20"), ARMY_UA, territorial="captured"),
    )
    assert _at(claims, "2022-11-12")[1] == CONTESTED  # type: ignore[index]
    assert _at(claims, "2022-11-21") == (ARMY_UA.name, HELD)


def test_control_timeline_since_keeps_month_precision() -> None:
    claims = _claims(
        report(
            "m",
            CAPTURE,
            SUKHNAH,
            span("2017-08-01", "2017-08-26", 3),
            ARMY_SY,
            territorial="captured",
        ),
    )
    (period,) = timeline(claims)
    assert (period.valid_from, period.precision, period.controller) == (
        dt.date(2017, 8, 1),
        3,
        ARMY_SY.name,
    )


@pytest.mark.parametrize(
    ("sub", "territorial", "actor1", "actor2", "expected"),
    [
        (CAPTURE, "captured", ARMY_SY, IS_SY, ARMY_SY),
        # The extractor sometimes gives the army as actor2: the sub-event type decides.
        (CAPTURE, "captured", GUNMEN_SY, ARMY_SY, ARMY_SY),
        (REBELS, "captured", IS_SY, ARMY_SY, IS_SY),
        ("Non-violent transfer of territory", "withdrew", ARMY_RU, ARMY_UA, ARMY_UA),
        ("Non-violent transfer of territory", "withdrew", ARMY_RU, None, None),
    ],
)
def test_control_claims_gainer(
    sub: str, territorial: str, actor1: object, actor2: object, expected: object
) -> None:
    event = report(
        "g",
        sub,
        SUKHNAH,
        span("2017-08-06"),
        actor1,
        actor2,  # type: ignore[arg-type]
        territorial=territorial,
    )
    assert gainer(event) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("The army captured one of the last IS enclaves in the desert.", "captured", "enclaves"),
        ("Rebels took control of most of the city on Friday.", "took control", "part"),
        ("The army secured al-Sukhna this month.", "secured", None),
        ("Fighters seized the airport and the palace.", "seized", "airport"),
    ],
)
def test_control_claims_area_words(sentence: str, trigger: str, expected: str | None) -> None:
    assert area_word(sentence, trigger) == expected


def test_control_timeline_later_report_of_same_holder_keeps_since() -> None:
    claims = _claims(
        report("a", REBELS, SUKHNAH, span("2015-05-13"), IS_SY, territorial="captured"),
        report("b", REBELS, SUKHNAH, span("2015-05-14"), IS_SY, territorial="captured"),
    )
    (period,) = timeline(claims)
    assert period.valid_from == dt.date(2015, 5, 13)
    assert {s.outlet for s in period.sources} == {"a", "b"}
