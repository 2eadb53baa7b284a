"""When two reports may be one event: each rule of merge/rules.py on its own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontwatch.merge.rules import actor_key, load_rules, reports_compatible
from frontwatch.models import GEO_NEAR, Actor, Event
from samples_merge import (
    ARMY_RU,
    ARMY_SY,
    ARMY_SY_OLD,
    ARMY_TR,
    ARMY_UA,
    GUNMEN_SY,
    HEALTH_WORKERS_UA,
    HOMS_REGION,
    HTS,
    IDLIB_CITY,
    IDLIB_REGION,
    IS_SY,
    KAFR_NABL,
    KHERSON,
    KYIV,
    MAARET,
    PALMYRA,
    POLICE_SY,
    PROTESTERS_UA,
    SARAQIB,
    SDF,
    SUKHNAH,
    SYRIA,
    TEACHERS_UA,
    report,
    span,
)

SARAQIB_DISTRICT = replace(
    SARAQIB, geonameid=None, feature="admin2", admin2="Saraqib", geo_precision=GEO_NEAR
)
CAPTURE = "Government regains territory"
REBEL_CAPTURE = "Non-state actor overtakes territory"
CLASH = "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
PROTEST = "Peaceful protest"
HANDOVER = "Non-violent transfer of territory"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
CIVILIANS_SY = Actor("Civilians (Syria)", 7, "Syria")

CASES: list[tuple[str, Event, Event, bool]] = [
    (
        "same capture, same day, different wording",
        report("a", CAPTURE, PALMYRA, span("2017-03-02"), ARMY_SY, IS_SY, territorial="regained"),
        report(
            "b", CAPTURE, PALMYRA, span("2017-03-02"), ARMY_SY_OLD, None, territorial="regained"
        ),
        True,
    ),
    (
        "a capture and the fighting for it are one event",
        report("a", CAPTURE, PALMYRA, span("2017-03-02"), ARMY_SY, IS_SY, territorial="captured"),
        report("b", CLASH, PALMYRA, span("2017-03-02"), IS_SY, ARMY_SY),
        True,
    ),
    (
        "a siege and a capture of the same place are never one event",
        report("a", CAPTURE, PALMYRA, span("2017-03-02"), ARMY_SY, IS_SY, territorial="captured"),
        report("b", CLASH, PALMYRA, span("2017-03-02"), ARMY_SY, IS_SY, territorial="besieged"),
        False,
    ),
    (
        "the next day is another event",
        report("a", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        report("b", SHELLING, SARAQIB, span("2020-02-02"), ARMY_SY),
        False,
    ),
    (
        "'this month' overlaps the day: a vaguer report of the same capture",
        report("a", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, IS_SY, territorial="captured"),
        report(
            "b",
            CAPTURE,
            SUKHNAH,
            span("2017-08-01", "2017-08-26", 3),
            ARMY_SY,
            territorial="captured",
        ),
        True,
    ),
    (
        "different families (a protest and a shelling)",
        report("a", SHELLING, KYIV, span("2022-03-01"), ARMY_RU),
        report("b", PROTEST, KYIV, span("2022-03-01"), PROTESTERS_UA),
        False,
    ),
    (
        "two named actors on one side contradict",
        report("a", CLASH, SARAQIB, span("2020-02-01"), ARMY_SY, HTS),
        report("b", CLASH, SARAQIB, span("2020-02-01"), ARMY_SY, IS_SY),
        False,
    ),
    (
        "an unidentified armed group never contradicts a named one",
        report("a", CLASH, SARAQIB, span("2020-02-01"), GUNMEN_SY, ARMY_SY),
        report("b", CLASH, SARAQIB, span("2020-02-01"), HTS, ARMY_SY),
        True,
    ),
    (
        "army and police of one state are two actors (ACLED codes them apart)",
        report("a", CLASH, SARAQIB, span("2020-02-01"), POLICE_SY, HTS),
        report("b", CLASH, SARAQIB, span("2020-02-01"), ARMY_SY, HTS),
        False,
    ),
    (
        "two neighbourhoods of one town named, none in common: two places",
        report(
            "a",
            CLASH,
            SARAQIB,
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="Gunmen shot a man dead in Colonia Los Pinos, Saraqib.",
        ),
        report(
            "b",
            CLASH,
            SARAQIB,
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="Gunmen clashed with fighters in the San Rafael area of Saraqib.",
        ),
        False,
    ),
    (
        "one finer place named by both: still one place",
        report(
            "a",
            CLASH,
            SARAQIB,
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="Gunmen shot a man dead in Colonia Los Pinos, Saraqib.",
        ),
        report(
            "b",
            CLASH,
            SARAQIB,
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="A clash in the Los Pinos neighbourhood of Saraqib left one dead.",
        ),
        True,
    ),
    (
        "a finer place named by one report only says nothing against the other",
        report(
            "a",
            CLASH,
            SARAQIB,
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="Gunmen shot a man dead in Colonia Los Pinos, Saraqib.",
        ),
        report("b", CLASH, SARAQIB, span("2020-02-01"), GUNMEN_SY, HTS),
        True,
    ),
    (
        "a report in a town proper and one of a quarter of it coded at the town",
        report("a", CLASH, SARAQIB, span("2020-02-01"), GUNMEN_SY, HTS),
        report(
            "b",
            CLASH,
            replace(SARAQIB, matched_text="Tell Qarqaf"),
            span("2020-02-01"),
            GUNMEN_SY,
            HTS,
            sentence="Gunmen shot a man dead in the Tell Qarqaf area of Saraqib.",
        ),
        False,
    ),
    (
        "a report in a town proper and one of another town the gazetteer put in its province",
        report("a", SHELLING, IDLIB_CITY, span("2020-02-01"), ARMY_SY),
        report(
            "b",
            SHELLING,
            replace(IDLIB_REGION, name="Idleb", matched_text="Zardana"),
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled the town of Zardana in Idlib on Saturday.",
        ),
        False,
    ),
    (
        "a district named after its seat and the town itself are one place",
        report("a", SHELLING, SARAQIB_DISTRICT, span("2020-02-01"), ARMY_SY),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        True,
    ),
    (
        "a province named like a town is not the town",
        report("a", SHELLING, IDLIB_REGION, span("2020-02-01"), ARMY_SY),
        report("b", SHELLING, IDLIB_CITY, span("2020-02-01"), ARMY_SY),
        False,
    ),
    (
        "a region report names the town, but the town lies in another province",
        report(
            "a",
            SHELLING,
            HOMS_REGION,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled the outskirts of Saraqib, a monitor said.",
        ),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        False,
    ),
    (
        "a country-level report that names the town matches it",
        report(
            "a",
            SHELLING,
            SYRIA,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled the outskirts of Saraqib, a monitor said.",
        ),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        True,
    ),
    (
        "a hyphenated longer name is another village",
        report(
            "a",
            SHELLING,
            SYRIA,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Monitors heard explosions near Saraqib-2 on Friday.",
        ),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        False,
    ),
    (
        "a site named after the town is not the town",
        report(
            "a",
            SHELLING,
            SYRIA,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled the Saraqib Grain Silos on Friday.",
        ),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        False,
    ),
    (
        "the town named with 'City' is the town",
        report(
            "a",
            SHELLING,
            SYRIA,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled Saraqib City on Friday.",
        ),
        report("b", SHELLING, SARAQIB, span("2020-02-01"), ARMY_SY),
        True,
    ),
    (
        "two named sites of one city are two places",
        report(
            "a",
            SHELLING,
            IDLIB_CITY,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Regime forces shelled the area of Idlib Airport on Friday.",
        ),
        report(
            "b",
            SHELLING,
            IDLIB_CITY,
            span("2020-02-01"),
            ARMY_SY,
            sentence="Explosions were heard near the Idlib Pumping Station on Friday.",
        ),
        False,
    ),
    (
        "a place changing hands read from either side (took / withdrew)",
        report("a", CAPTURE, KHERSON, span("2022-11-11"), ARMY_UA, territorial="captured"),
        report("b", HANDOVER, KHERSON, span("2022-11-11"), ARMY_RU, territorial="withdrew"),
        True,
    ),
    (
        "shelling has a doer: Turkey shelling and Syria shelling are two events",
        report("a", SHELLING, IDLIB_CITY, span("2020-04-29"), ARMY_TR),
        report("b", SHELLING, IDLIB_CITY, span("2020-04-29"), ARMY_SY),
        False,
    ),
    (
        "protests by two named groups are two events",
        report("a", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA, HEALTH_WORKERS_UA),
        report("b", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA, TEACHERS_UA),
        False,
    ),
    (
        "two villages 12 km apart are two places",
        report("a", SHELLING, KAFR_NABL, span("2020-01-10"), ARMY_SY),
        report("b", SHELLING, MAARET, span("2020-01-10"), ARMY_SY),
        False,
    ),
    (
        "a report placed only near a city matches the town its sentence names",
        report("a", SHELLING, SARAQIB, span("2020-01-10"), ARMY_SY),
        report(
            "b",
            SHELLING,
            replace(IDLIB_CITY, geo_precision=2),
            span("2020-01-10"),
            ARMY_SY,
            sentence="Government forces shelled Saraqib, near Idlib, on Friday.",
        ),
        True,
    ),
    (
        "... not a town it does not name",
        report("a", SHELLING, SARAQIB, span("2020-01-10"), ARMY_SY),
        report("b", SHELLING, replace(IDLIB_CITY, geo_precision=2), span("2020-01-10"), ARMY_SY),
        False,
    ),
    (
        "two villages the gazetteer lacks, both coded to one province, are two places",
        report(
            "a", CLASH, replace(IDLIB_REGION, matched_text="Ftireh"), span("2020-05-09"), ARMY_SY
        ),
        report(
            "b",
            CLASH,
            replace(IDLIB_REGION, matched_text="Maaret Alia"),
            span("2020-05-09"),
            ARMY_SY,
        ),
        False,
    ),
    (
        "two landmarks coded to the city near them are two places",
        report(
            "a",
            CLASH,
            replace(IDLIB_CITY, geo_precision=2, matched_text="Idlib airport"),
            span("2020-05-09"),
            ARMY_SY,
        ),
        report(
            "b",
            CLASH,
            replace(IDLIB_CITY, geo_precision=2, matched_text="Idlib water station"),
            span("2020-05-09"),
            ARMY_SY,
        ),
        False,
    ),
    (
        "... but one landmark in two spellings is one place",
        report(
            "a",
            CAPTURE,
            replace(IDLIB_REGION, matched_text="Kafr Nabudah"),
            span("2020-05-09"),
            ARMY_SY,
            territorial="captured",
        ),
        report(
            "b",
            CAPTURE,
            replace(IDLIB_REGION, matched_text="Kafr Nabuda"),
            span("2020-05-09"),
            ARMY_SY,
            territorial="captured",
        ),
        True,
    ),
    (
        "a town and the city 17 km away, both precise, are two places",
        report("a", SHELLING, SARAQIB, span("2020-01-10"), ARMY_SY),
        report("b", SHELLING, IDLIB_CITY, span("2020-01-10"), ARMY_SY),
        False,
    ),
    (
        "protests in one city on one day are told apart by who protests",
        report("a", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA),
        report("b", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA, HEALTH_WORKERS_UA),
        False,
    ),
    (
        "... and are one event when both name the same group",
        report("a", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA, HEALTH_WORKERS_UA),
        report("b", PROTEST, KYIV, span("2020-04-30"), PROTESTERS_UA, HEALTH_WORKERS_UA),
        True,
    ),
    (
        "a region-level clash does not swallow every clash in the province",
        report("a", CLASH, IDLIB_REGION, span("2020-01-10"), ARMY_SY, HTS),
        report("b", CLASH, SARAQIB, span("2020-01-10"), ARMY_SY, HTS),
        False,
    ),
    (
        "... unless its sentence names the other's town",
        report(
            "a",
            CLASH,
            IDLIB_REGION,
            span("2020-01-10"),
            ARMY_SY,
            HTS,
            sentence="Troops clashed with HTS fighters near Saraqib in Idlib province.",
        ),
        report("b", CLASH, SARAQIB, span("2020-01-10"), ARMY_SY, HTS),
        True,
    ),
    (
        "captures are sparse: a region-level capture matches a town in the region",
        report("a", CAPTURE, HOMS_REGION, span("2017-03-02"), ARMY_SY, territorial="captured"),
        report("b", CAPTURE, PALMYRA, span("2017-03-02"), ARMY_SY, territorial="regained"),
        True,
    ),
    (
        "a capture placed only in the country matches the same day's capture",
        report("a", REBEL_CAPTURE, SYRIA, span("2016-08-12"), SDF, territorial="captured"),
        report("b", REBEL_CAPTURE, PALMYRA, span("2016-08-12"), SDF, territorial="captured"),
        True,
    ),
    (
        "two statements of one article with different dates are two events",
        report("a", CAPTURE, HOMS_REGION, span("2017-08-26"), ARMY_SY, territorial="captured"),
        report(
            "a",
            CAPTURE,
            SUKHNAH,
            span("2017-08-01", "2017-08-26", 3),
            ARMY_SY,
            territorial="captured",
            start=300,
        ),
        False,
    ),
    (
        "an article repeating its event with the same date",
        report("a", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, territorial="captured"),
        report(
            "a", CAPTURE, SUKHNAH, span("2017-08-06"), ARMY_SY, territorial="captured", start=200
        ),
        True,
    ),
    (
        "another country is another place",
        report("a", SHELLING, KYIV, span("2022-03-01"), ARMY_RU),
        report("b", SHELLING, SARAQIB, span("2022-03-01"), ARMY_RU),
        False,
    ),
    (
        "a district's report naming the city it holds may be the city's event",
        report(
            "a",
            SHELLING,
            SARAQIB_DISTRICT,
            span("2020-05-03"),
            ARMY_SY,
            sentence="Troops shelled Saraqib district and the city of Idlib on Sunday.",
        ),
        report(
            "b",
            SHELLING,
            replace(IDLIB_CITY, geo_precision=GEO_NEAR),
            span("2020-05-03"),
            ARMY_SY,
            sentence="Troops shelled the north of Idlib on Sunday.",
        ),
        True,
    ),
    (
        "a district's report whose 'Idlib' is the province names no city",
        report(
            "a",
            SHELLING,
            SARAQIB_DISTRICT,
            span("2020-05-03"),
            ARMY_SY,
            sentence="Troops shelled Saraqib district (Idlib) on Sunday.",
            other_places=(IDLIB_REGION,),
        ),
        report(
            "b",
            SHELLING,
            replace(IDLIB_CITY, geo_precision=GEO_NEAR),
            span("2020-05-03"),
            ARMY_SY,
            sentence="Troops shelled the north of Idlib on Sunday.",
        ),
        False,
    ),
    (
        "unnamed gunmen killing one and two people in a town on a day: two killings",
        report("a", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=1),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=2),
        False,
    ),
    (
        "unnamed gunmen killing two, told twice: one killing",
        report("a", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=2),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=2),
        True,
    ),
    (
        "one report gives no toll: may be the same killing",
        report("a", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=1),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY),
        True,
    ),
    (
        "a named doer's clash with tolls outlets disagree on stays one event",
        report("a", CLASH, SARAQIB, span("2020-05-04"), HTS, ARMY_SY, killed=3),
        report("b", CLASH, SARAQIB, span("2020-05-04"), HTS, ARMY_SY, killed=4),
        True,
    ),
    (
        "big tolls that differ are left to the other rules",
        report("a", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=12),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=15),
        True,
    ),
    (
        "an abduction is no shelling",
        report("a", ABDUCTION, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY),
        report("b", SHELLING, SARAQIB, span("2020-05-04"), ARMY_SY),
        False,
    ),
    (
        "an abduction is no clash",
        report("a", ABDUCTION, SARAQIB, span("2020-05-04"), HTS, CIVILIANS_SY),
        report("b", CLASH, SARAQIB, span("2020-05-04"), HTS, ARMY_SY),
        False,
    ),
    (
        "an abduction may be the killing another outlet reports",
        report("a", ABDUCTION, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY, killed=1),
        True,
    ),
    (
        "gunmen fighting the police are not gunmen shooting civilians",
        report("a", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, POLICE_SY),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY),
        False,
    ),
    (
        "a named group's raid: an attack to one outlet, a fight with police to another",
        report("a", CLASH, SARAQIB, span("2020-05-04"), HTS, POLICE_SY),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), HTS, CIVILIANS_SY),
        True,
    ),
    (
        "gunmen fighting gunmen may be the shooting another outlet reports",
        report("a", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, GUNMEN_SY),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), GUNMEN_SY, CIVILIANS_SY),
        True,
    ),
    (
        "two unnamed groups fighting each other are not gunmen fighting the army",
        report("a", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, GUNMEN_SY),
        report("b", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, ARMY_SY),
        False,
    ),
    (
        "a fight told with one unnamed side may be the fight with the army",
        report("a", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, None),
        report("b", CLASH, SARAQIB, span("2020-05-04"), GUNMEN_SY, ARMY_SY),
        True,
    ),
    (
        "the forces named as the attacker: may be the fight told by its victims",
        report("a", CLASH, SARAQIB, span("2020-05-04"), ARMY_SY, GUNMEN_SY),
        report("b", ATTACK, SARAQIB, span("2020-05-04"), ARMY_SY, CIVILIANS_SY),
        True,
    ),
]


@pytest.mark.parametrize(("name", "a", "b", "expected"), CASES, ids=[c[0] for c in CASES])
def test_merge_rules_compatible(name: str, a: Event, b: Event, expected: bool) -> None:
    assert reports_compatible(a, b) is expected
    assert reports_compatible(b, a) is expected, "the rules are symmetric"


def test_merge_rules_actor_key_ignores_period() -> None:
    assert actor_key(ARMY_SY) == actor_key(ARMY_SY_OLD)
    assert actor_key(ARMY_SY) != actor_key(ARMY_TR)
    assert actor_key(POLICE_SY) != actor_key(ARMY_SY), "police and army are two actors"


def test_merge_rules_data_loads() -> None:
    rules = load_rules()
    assert rules.family_of_sub_event["Armed clash"] == "fighting"
    assert rules.family_of_territorial["besieged"] == "siege"
    assert rules.same_place_km == 25.0
