"""The article this project started from, end to end (issue: the whole
pipeline). Reads the seed from ../shared; skips where it is absent."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import pytest

from conftest import shared_path
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument, iter_documents
from frontwatch.models import Article, Event
from frontwatch.pipeline import Pipeline

PUBLISHED = dt.date(2017, 8, 26)


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline) -> tuple[Article, list[Event]]:
    path = shared_path("seed", "000_a38c816c79cc4183.txt")
    (document,) = list(iter_documents([path]))
    assert isinstance(document, RawDocument)
    article = clean(document, published=PUBLISHED)
    return article, pipeline.process(article)


def _one(events: list[Event], wanted: Callable[[Event], bool]) -> Event:
    found = [e for e in events if e.flags.is_event and wanted(e)]
    assert found, "no such event"
    return found[0]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_pipeline_seed_article_metadata(seed: tuple[Article, list[Event]]) -> None:
    article, _ = seed
    assert article.outlet == "Middle East Eye"
    assert article.original_source == "Reuters"
    assert article.published == PUBLISHED


def test_pipeline_seed_capture_of_the_enclave(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    event = _one(events, lambda e: "captured one of the last" in e.provenance[0].sentence)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Government regains territory")
    assert event.territorial == "captured"
    assert (event.date.start, event.date.precision) == (PUBLISHED, 1)
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Syria")
    assert event.assoc_actors1, "allied forces are associated actors"
    assert event.actor2 is not None and event.actor2.name.startswith("Islamic State")
    assert event.place is not None and event.place.admin1 == "Homs"
    assert event.place.country == "Syria"
    assert "Hama" in {p.admin1 for p in event.other_places}
    assert event.area_km2 == pytest.approx(2000)
    assert event.claim_source is not None
    assert "monitor" in event.claim_source and "Hezbollah" in event.claim_source
    source = event.provenance[0]
    assert (source.outlet, source.original_source) == ("Middle East Eye", "Reuters")


def test_pipeline_seed_encirclement_earlier_this_week(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    event = _one(events, lambda e: e.territorial == "encircled")
    assert event.date.precision == 2
    assert event.date.start == dt.date(2017, 8, 21) and event.date.end == PUBLISHED
    assert event.place is not None and event.place.name == "As Sukhnah"


def test_pipeline_seed_al_sukhna_secured_this_month(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    event = _one(events, lambda e: "secured al-Sukhna" in e.provenance[0].sentence)
    assert event.sub_event_type == "Government regains territory"
    assert (event.date.start, event.date.precision) == (dt.date(2017, 8, 1), 3)
    place = event.place
    assert place is not None and place.name == "As Sukhnah"
    assert _km(place.latitude, place.longitude, 34.88, 38.87) < 5
    assert (place.admin1, place.geo_precision) == ("Homs", 1)
    assoc = {a.name for a in event.assoc_actors1}
    assert any(name.startswith("Military Forces of Russia") for name in assoc)
    assert any("Iran" in name for name in assoc)


def test_pipeline_seed_hills_seized_claimed_by_sohr(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    event = _one(events, lambda e: "dozens of hills" in e.provenance[0].sentence)
    assert event.event_type == "Battles"
    assert event.claim_source == "Syrian Observatory for Human Rights"
    assert event.fatality_count == 0  # "dozens of hills" are not deaths


def test_pipeline_seed_other_enclave_besieged(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    event = _one(events, lambda e: e.territorial == "besieged")
    assert "under siege" in event.provenance[0].sentence
    assert event.place is not None and event.place.country == "Syria"


def test_pipeline_seed_background_is_not_an_event(seed: tuple[Article, list[Event]]) -> None:
    _, events = seed
    background = [e for e in events if e.provenance[0].sentence.startswith("Over the past year")]
    assert all(not e.flags.is_event for e in background)


@pytest.mark.parametrize(
    "junk",
    ["earlier this year (AFP/file photo)", "newsletter", "Sign up", "republishing", "MEE"],
)
def test_pipeline_seed_nothing_from_junk(seed: tuple[Article, list[Event]], junk: str) -> None:
    article, events = seed
    assert junk not in article.text
    assert all(junk not in e.provenance[0].sentence for e in events)
