"""Sample Articles and Events for the store and export tests, built directly
from models.py. The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from frontwatch.models import (
    DAY,
    GEO_NEAR,
    MONTH,
    WEEK,
    Actor,
    Article,
    DateSpan,
    Event,
    Fatalities,
    Place,
    Provenance,
    StatementFlags,
)

if TYPE_CHECKING:
    from frontwatch.pipeline import Pipeline

SYRIAN_ARMY = Actor(
    name="Military Forces of Syria (2000-2024)",
    inter=1,
    country="Syria",
    matched_text="the Syrian army",
    backers=("Russia", "Iran"),
)
ISLAMIC_STATE = Actor(name="Islamic State (Syria)", inter=2, country="Syria", matched_text="IS")
HEZBOLLAH = Actor(name="Hezbollah", inter=2, country="Lebanon", matched_text="Hezbollah")
RUSSIAN_AIR = Actor(name="Military Forces of Russia (2000-)", inter=8, country="Russia")
CIVILIANS_SYRIA = Actor(
    name="Civilians (Syria)", inter=7, country="Syria", matched_text="villagers"
)
PROTESTERS_IRAQ = Actor(
    name="Protesters (Iraq)", inter=6, country="Iraq", matched_text="protesters"
)
POLICE_IRAQ = Actor(name="Police Forces of Iraq (2014-)", inter=1, country="Iraq")

AS_SUKHNAH = Place(
    name="As Sukhnah",
    latitude=34.8867,
    longitude=38.8721,
    country="Syria",
    country_code="SY",
    admin1="Homs",
    admin2="Tadmor",
    geonameid=163345,
    population=5000,
    matched_text="al-Sukhna",
    start=52,
    end=61,
    score=0.91,
)
PALMYRA = Place(
    name="Palmyra",
    latitude=34.5608,
    longitude=38.2673,
    country="Syria",
    country_code="SY",
    admin1="Homs",
    geonameid=170453,
    geo_precision=GEO_NEAR,
    matched_text="Palmyra",
)
BAGHDAD = Place(
    name="Baghdad",
    latitude=33.3406,
    longitude=44.4009,
    country="Iraq",
    country_code="IQ",
    admin1="Baghdad",
    geonameid=98182,
)
UNNAMED_VILLAGE = Place(  # not in the gazetteer: no GeoNames id
    name="Tell Ahmar",
    latitude=36.6741,
    longitude=38.1182,
    country="Syria",
    country_code="SY",
    admin1="Aleppo",
)


def make_article(body: str, *, outlet: str = "Example Daily") -> Article:
    raw = f"<html><body><p>{body}</p></body></html>"
    return Article(
        article_id=hashlib.sha256(raw.encode()).hexdigest()[:16],
        raw=raw,
        raw_format="html",
        text=body,
        title="Fighting in the desert",
        url=f"https://news.example.org/{hashlib.md5(body.encode()).hexdigest()[:8]}",
        published=dt.date(2017, 8, 26),
        outlet=outlet,
        original_source="Reuters",
        author="A. Writer",
        origin="samples/article.html",
        captions=("A tank on a desert road.",),
        removed_lines=("Subscribe to our newsletter",),
        language="en",
    )


def first_event_place(pipeline: Pipeline, text: str) -> Place:
    """The place of the first real event (not negated, planned...) the
    pipeline finds in ``text`` as an article; fails when there is none."""
    events = [e for e in pipeline.process(make_article(text)) if e.flags.is_event]
    assert events and events[0].place is not None
    return events[0].place


def provenance_for(article: Article, sentence: str, *, claim: str | None = None) -> Provenance:
    start = max(article.text.find(sentence), 0)
    return Provenance(
        article_id=article.article_id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        url=article.url,
        outlet=article.outlet,
        original_source=article.original_source,
        claim_source=claim,
        published=article.published,
    )


BATTLE_SENTENCE = "The Syrian army and its allies took al-Sukhna from IS fighters on Saturday."
DEATHS_SENTENCE = "At least 12 fighters were killed in the clashes near Palmyra, a monitor said."


def battle_article() -> Article:
    return make_article(f"{BATTLE_SENTENCE} {DEATHS_SENTENCE}")


def battle_event(article: Article, event_id: str = "SYR-0001") -> Event:
    """An event with every field set, to catch any field the store forgets."""
    return Event(
        event_id=event_id,
        event_type="Battles",
        sub_event_type="Government regains territory",
        date=DateSpan(
            start=dt.date(2017, 8, 26),
            end=dt.date(2017, 8, 26),
            precision=DAY,
            expression="on Saturday",
            reason="weekday before publication",
        ),
        provenance=(
            provenance_for(article, BATTLE_SENTENCE),
            provenance_for(article, DEATHS_SENTENCE, claim="a monitor"),
        ),
        actor1=SYRIAN_ARMY,
        actor2=ISLAMIC_STATE,
        assoc_actors1=(HEZBOLLAH, RUSSIAN_AIR),
        assoc_actors2=(),
        place=AS_SUKHNAH,
        other_places=(PALMYRA, UNNAMED_VILLAGE),
        fatalities=Fatalities(
            count=12, low=12, high=15, text="At least 12 fighters", reason="lowest figure"
        ),
        territorial="regained",
        area_km2=3.5,
        area_text="3.5 square kilometres",
        trigger="took",
        flags=StatementFlags(),
        claim_source="a monitor",
        confidence=0.87,
    )


def bare_event(article: Article, event_id: str = "SYR-0002") -> Event:
    """The least an event can carry: no actors, place, fatalities or date."""
    return Event(
        event_id=event_id,
        event_type="Strategic developments",
        sub_event_type="Other",
        date=DateSpan(start=None, end=None, precision=None, reason="no date in the sentence"),
        provenance=(provenance_for(article, BATTLE_SENTENCE),),
        flags=StatementFlags(planned=True),
    )


def protest_event(article: Article, event_id: str = "IRQ-0001") -> Event:
    return Event(
        event_id=event_id,
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        date=DateSpan(start=dt.date(2019, 10, 1), end=dt.date(2019, 10, 7), precision=WEEK),
        provenance=(provenance_for(article, article.text),),
        actor1=POLICE_IRAQ,
        actor2=PROTESTERS_IRAQ,
        place=BAGHDAD,
        fatalities=Fatalities(count=3),
    )


def attack_event(article: Article, event_id: str = "SYR-0003") -> Event:
    return Event(
        event_id=event_id,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=DateSpan(start=dt.date(2017, 8, 1), end=dt.date(2017, 8, 31), precision=MONTH),
        provenance=(provenance_for(article, article.text),),
        actor1=ISLAMIC_STATE,
        actor2=CIVILIANS_SYRIA,
        place=replace(UNNAMED_VILLAGE, matched_text="Tell Ahmar"),
        fatalities=Fatalities(count=0),
    )
