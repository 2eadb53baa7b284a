"""Report builders for the merge and control tests: Events made directly from
models.py (no pipeline), so that each rule is tested on its own. Places and
actors are real; the sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from frontwatch.models import (
    DAY,
    GEO_EXACT,
    GEO_REGION,
    Actor,
    DateSpan,
    Event,
    Fatalities,
    Place,
    Provenance,
    StatementFlags,
)

ARMY_SY = Actor("Military Forces of Syria (2000-2024)", 1, "Syria")
ARMY_SY_OLD = Actor("Military Forces of Syria (2000-)", 1, "Syria")
POLICE_SY = Actor("Police Forces of Syria (2000-2024)", 1, "Syria")
IS_SY = Actor("Islamic State (Syria)", 2, "Syria")
SDF = Actor("QSD: Syrian Democratic Forces", 2, "Syria")
HTS = Actor("HTS: Hayat Tahrir al Sham", 2, "Syria")
GUNMEN_SY = Actor("Unidentified Armed Group (Syria)", 3, "Syria")
ARMY_TR = Actor("Military Forces of Turkey (2016-)", 8, "Turkey")
ARMY_UA = Actor("Military Forces of Ukraine (2019-)", 1, "Ukraine")
ARMY_RU = Actor("Military Forces of Russia (2000-)", 8, "Russia")
PROTESTERS_UA = Actor("Protesters (Ukraine)", 6, "Ukraine")
HEALTH_WORKERS_UA = Actor("Health Workers (Ukraine)", 7, "Ukraine")
TEACHERS_UA = Actor("Teachers (Ukraine)", 7, "Ukraine")


def place(
    name: str,
    lat: float,
    lon: float,
    *,
    admin1: str,
    country: str = "Syria",
    code: str = "SY",
    geonameid: int | None = None,
    population: int = 1000,
    precision: int = GEO_EXACT,
    feature: str = "populated place",
    admin2: str | None = None,
) -> Place:
    return Place(
        name=name,
        latitude=lat,
        longitude=lon,
        country=country,
        country_code=code,
        admin1=admin1,
        admin2=admin2,
        feature=feature,
        geonameid=geonameid,
        population=population,
        geo_precision=precision,
        matched_text=name,
    )


SUKHNAH = place("As Sukhnah", 34.885, 38.871, admin1="Homs", geonameid=172425)
PALMYRA = place("Tadmur", 34.560, 38.267, admin1="Homs", geonameid=163345, population=51323)
HOMS_REGION = place(
    "Homs", 34.724, 36.726, admin1="Homs", precision=GEO_REGION, feature="admin1", geonameid=169575
)
IDLIB_REGION = place(
    "Idlib", 35.9, 36.6, admin1="Idlib", precision=GEO_REGION, feature="admin1", geonameid=169387
)
SARAQIB = place("Saraqib", 35.864, 36.806, admin1="Idlib", geonameid=165023)
KAFR_NABL = place("Kafr Nabl", 35.614, 36.561, admin1="Idlib", geonameid=168297)
MAARET = place("Ma'arrat an Nu'man", 35.648, 36.675, admin1="Idlib", geonameid=166365)
IDLIB_CITY = place("Idlib", 35.931, 36.634, admin1="Idlib", geonameid=169389, population=128840)
KYIV = place(
    "Kyiv",
    50.45,
    30.52,
    admin1="Kyiv City",
    country="Ukraine",
    code="UA",
    geonameid=703448,
    population=2797553,
)
KHERSON = place(
    "Kherson", 46.655, 32.617, admin1="Kherson", country="Ukraine", code="UA", geonameid=706448
)
SYRIA = place(
    "Syria", 35.0, 38.0, admin1="", precision=GEO_REGION, feature="country", geonameid=163843
)


def span(start: str, end: str | None = None, precision: int = DAY) -> DateSpan:
    first = dt.date.fromisoformat(start)
    return DateSpan(first, dt.date.fromisoformat(end) if end else first, precision, "", "test")


def report(
    article: str,
    sub: str,
    where: Place | None,
    when: DateSpan,
    actor1: Actor | None = None,
    actor2: Actor | None = None,
    *,
    event_type: str | None = None,
    territorial: str | None = None,
    sentence: str = "Fighters took the town on Tuesday, a monitor said.",
    start: int = 0,
    published: str | None = None,
    outlet: str | None = None,
    killed: int | None = None,
    negated: bool = False,
    trigger: str = "took",
    other_places: tuple[Place, ...] = (),
    claim_source: str | None = None,
) -> Event:
    from frontwatch.extract.taxonomy import EVENT_TYPE_OF

    article_id = hashlib.sha256(article.encode()).hexdigest()[:16]
    event_id = "FW" + hashlib.sha1(f"{article_id}:{start}:{sub}".encode()).hexdigest()[:12].upper()
    day = dt.date.fromisoformat(published) if published else when.end
    return Event(
        event_id=event_id,
        event_type=event_type or EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        date=when,
        provenance=(
            Provenance(
                article_id=article_id,
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                outlet=outlet or article,
                published=day,
                claim_source=claim_source,
            ),
        ),
        actor1=actor1,
        actor2=actor2,
        place=where,
        other_places=other_places,
        fatalities=None if killed is None else Fatalities(count=killed, low=killed, high=killed),
        territorial=territorial,
        trigger=trigger,
        flags=StatementFlags(negated=negated),
        claim_source=claim_source,
    )
