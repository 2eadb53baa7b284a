"""When an extracted field counts as the gold one: the rule of each field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontwatch.eval.extracted import ExtractedEvent, parse_record
from frontwatch.eval.gold import GoldRow
from frontwatch.eval.match import (
    SCORED_FIELDS,
    haversine_km,
    matches,
    normalise_actor,
    normalise_admin1,
    normalise_name,
)
from samples_eval import HAMA, HOMS, export_record


def _gold(**fields: object) -> GoldRow:
    row = GoldRow(
        event_id="SYR100",
        event_date=dt.date(2021, 3, 14),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Syria (2000-)",
        assoc_actor_1="",
        inter1=1,
        actor2="Rebel Front of Homs",
        assoc_actor_2="",
        inter2=2,
        country="Syria",
        admin1="Homs",
        admin2="Homs",
        location="Homs",
        latitude=HOMS[0],
        longitude=HOMS[1],
        geo_precision=1,
        fatalities=2,
    )
    return replace(row, **fields)


def _event(**fields: object) -> ExtractedEvent:
    return replace(parse_record(export_record("acled:SYR100")), **fields)


@pytest.mark.parametrize(
    ("gold", "extracted", "same"),
    [
        ("Al-Hasakeh", "Al Hasakeh", True),
        ("Al-Hasakeh", "Hasakeh", True),
        ("Ar-Raqqa", "Raqqa", True),
        ("Deir-ez-Zor", "Deir ez Zor", True),
        ("Dar'a", "Dar a", True),
        ("Dar\u2019a", "Dar'a", True),
        ("Sud-Kivu", "Sud Kivu", True),
        ("Équateur", "Equateur", True),
        ("ḤALAB", "Halab", True),
        ("Kwazulu-Natal", "KwaZulu Natal", True),
        ("Homs", "Hama", False),
        ("Nord-Kivu", "Sud-Kivu", False),
        ("Al-Anbar", "Al", False),  # the article alone is not a name
        ("Salah al-Din", "Salah", False),  # only a leading article is dropped
    ],
)
def test_eval_match_rules_admin1(gold: str, extracted: str, same: bool) -> None:
    assert (normalise_admin1(gold) == normalise_admin1(extracted)) is same
    assert matches("admin1", _event(admin1=extracted), _gold(admin1=gold)) is same


@pytest.mark.parametrize(
    ("gold", "extracted", "same"),
    [
        ("Military Forces of Syria (2000-2024)", "Military Forces of Syria (2000-)", True),
        ("Military Forces of Syria (2000-)", "Military Forces of Syria (2000 - 2024)", True),
        ("Military Forces of Syria (2000-)", "military forces of syria (2000-)", True),
        ("Military Forces of Syria (2000-)", "Military Forces of Syria (2024-)", False),
        ("Military Forces of Syria (2000-)", "Military Forces of Syria", False),
        ("Protesters (Iraq)", "Protesters (Iraq)", True),
        ("Protesters (Iraq)", "Protesters (Iran)", False),
        ("Protesters (Iraq)", "Protesters", False),
        ("NAF: United Armed Forces", "NAF United Armed Forces", True),
        (
            "Police Forces of Côte d'Ivoire (2011-)",
            "Police Forces of Cote d Ivoire (2011-2020)",
            True,
        ),
        ("Taliban", "Islamic State (Afghanistan)", False),
        (
            "Police Forces of Brazil (2019-) Military Police",
            "Police Forces of Brazil (2019-2022) Military Police",
            True,
        ),
        (
            "Police Forces of Brazil (2019-) Military Police",
            "Police Forces of Brazil (2019-2022) Federal Police",
            False,
        ),
    ],
)
def test_eval_match_rules_actor(gold: str, extracted: str, same: bool) -> None:
    assert (normalise_actor(gold) == normalise_actor(extracted)) is same
    for field in ("actor1", "actor2"):
        assert matches(field, _event(**{field: extracted}), _gold(**{field: gold})) is same


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("Democratic Republic of Congo", "democratic republic of congo"),
        ("  Côte  d'Ivoire ", "cote d ivoire"),
        ("São Tomé and Príncipe", "sao tome and principe"),
        ("Guinea-Bissau", "guinea bissau"),
    ],
)
def test_eval_match_rules_name(text: str, normalised: str) -> None:
    assert normalise_name(text) == normalised


@pytest.mark.parametrize(
    ("point", "same"),
    [
        (HOMS, True),
        ((HOMS[0] + 0.2, HOMS[1]), True),  # about 22 km north
        ((HOMS[0] + 0.23, HOMS[1]), False),  # about 26 km north
        ((HOMS[0], HOMS[1] + 0.27), True),  # about 24.7 km east at this latitude
        (HAMA, False),
        ((None, None), False),
    ],
)
def test_eval_match_rules_location_25km(
    point: tuple[float | None, float | None], same: bool
) -> None:
    event = _event(latitude=point[0], longitude=point[1], location="somewhere")
    assert matches("location", event, _gold()) is same


def test_eval_match_rules_haversine_known_distance() -> None:
    # One degree of latitude is about 111.2 km on the mean-radius sphere.
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(*HOMS, *HAMA) == pytest.approx(44.5, abs=0.5)


@pytest.mark.parametrize(
    ("field", "gold", "extracted", "same"),
    [
        ("event_type", "Battles", "Battles", True),
        ("event_type", "Battles", "Riots", False),
        ("sub_event_type", "Armed clash", "Armed clash", True),
        ("sub_event_type", "Armed clash", "Air/drone strike", False),
        ("event_date", dt.date(2021, 3, 14), dt.date(2021, 3, 14), True),
        ("event_date", dt.date(2021, 3, 14), dt.date(2021, 3, 13), False),
        ("event_date", dt.date(2021, 3, 14), None, False),
        ("time_precision", 1, 1, True),
        ("time_precision", 1, 2, False),
        ("geo_precision", 2, 2, True),
        ("geo_precision", 2, 1, False),
        ("fatalities", 0, 0, True),
        ("fatalities", 2, 3, False),
        ("fatalities", 0, None, False),
        ("inter1", 1, 1, True),
        ("inter1", 1, 3, False),
        ("inter2", 0, 0, True),  # no second actor, rightly
        ("inter2", 0, 7, False),
        ("country", "Syria", "syria", True),
        ("country", "Syria", "Lebanon", False),
        ("country", "Syria", "", False),
    ],
)
def test_eval_match_rules_exact_fields(
    field: str, gold: object, extracted: object, same: bool
) -> None:
    assert matches(field, _event(**{field: extracted}), _gold(**{field: gold})) is same


@pytest.mark.parametrize("field", SCORED_FIELDS)
def test_eval_match_rules_uncoded_gold_never_matches(field: str) -> None:
    empty: dict[str, object] = {"latitude": None, "longitude": None}
    if field != "location":
        empty = {field: "" if isinstance(getattr(_gold(), field), str) else None}
    assert matches(field, _event(), _gold()) is True
    assert matches(field, _event(), _gold(**empty)) is False
