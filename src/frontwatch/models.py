"""The records that cross module lines: frozen dataclasses, no loose dicts.

Every result carries its precision and its source, so a row printed by the CLI
can always be traced back to an article, a sentence and character offsets.
Character offsets are always into ``Article.text`` (the cleaned text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# ACLED time_precision: 1 = the day is known, 2 = within a week (or a range of
# days), 3 = within a month.
DAY, WEEK, MONTH = 1, 2, 3

# ACLED geo_precision: 1 = the place itself, 2 = near it or a part of it,
# 3 = only a larger region (admin1, or a district) is known.
GEO_EXACT, GEO_NEAR, GEO_REGION = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, raw and cleaned.

    ``raw`` is kept verbatim so the article can be processed again after an
    upgrade of the cleaning or extraction rules.
    """

    article_id: str  # stable id: sha256 of the raw content, first 16 hex digits
    raw: str
    raw_format: str  # "text" | "html"
    text: str  # cleaned body text; extraction offsets point into this
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None  # the site that published it ("Middle East Eye")
    original_source: str | None = None  # wire service from the byline ("Reuters")
    author: str | None = None
    origin: str = ""  # where it came from: a path, "path.jsonl:3", "<stdin>"
    captions: tuple[str, ...] = ()  # photo captions, kept out of extraction
    removed_lines: tuple[str, ...] = ()  # boilerplate dropped by the cleaner
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset into Article.text
    end: int


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date as reported: a span of days plus ACLED's time precision.

    An expression that cannot be resolved keeps ``start``/``end`` as None and
    says why in ``reason``; it is never guessed.
    """

    start: dt.date | None
    end: dt.date | None
    precision: int | None  # DAY, WEEK or MONTH; None when unresolved
    expression: str = ""  # the text it came from ("on Saturday", "this month")
    reason: str = ""  # how it was resolved, or why it could not be

    @property
    def resolved(self) -> bool:
        return self.start is not None

    @property
    def event_date(self) -> dt.date | None:
        """The single date written to ACLED-style exports: the span's first day.

        The span itself (with its precision) is stored and exported beside it.
        """
        return self.start


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # gazetteer name ("As Sukhnah")
    latitude: float
    longitude: float
    country: str  # country name ("Syria")
    country_code: str  # ISO 3166-1 alpha-2 ("SY")
    admin1: str | None = None  # "Homs"
    admin2: str | None = None
    feature: str = "populated place"  # country | admin1 | admin2 | populated place | other
    geonameid: int | None = None
    population: int = 0
    geo_precision: int = GEO_EXACT
    matched_text: str = ""  # the toponym as written ("al-Sukhna")
    start: int | None = None  # offsets of the toponym in Article.text
    end: int | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical, ACLED style ("Military Forces of Syria (2000-2024)")
    inter: int  # ACLED actor type, 1-8
    country: str | None = None
    matched_text: str = ""  # as written ("the Syrian army")
    backers: tuple[str, ...] = ()  # canonical names of backers ("Iran")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact came from: article, sentence, offsets, and who claims it."""

    article_id: str
    sentence: str
    start: int  # sentence offsets in Article.text
    end: int
    url: str | None = None
    outlet: str | None = None
    original_source: str | None = None
    claim_source: str | None = None  # "a war monitor", "the Syrian Observatory ..."
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Fatalities:
    """Reported deaths under ACLED's conservative rules (lowest figure)."""

    count: int  # what ACLED would code
    low: int | None = None
    high: int | None = None
    text: str = ""  # the phrase it came from ("at least 12 people were killed")
    reason: str = ""  # which rule applied ("dozens = 12", "lowest of 5-7")


@dataclass(frozen=True, slots=True)
class StatementFlags:
    """Why a statement is not an event (all False means it is a real event)."""

    negated: bool = False
    hypothetical: bool = False
    planned: bool = False
    historical: bool = False

    @property
    def is_event(self) -> bool:
        return not (self.negated or self.hypothetical or self.planned or self.historical)


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    event_type: str
    sub_event_type: str
    date: DateSpan
    provenance: tuple[Provenance, ...]
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors1: tuple[Actor, ...] = ()
    assoc_actors2: tuple[Actor, ...] = ()
    place: Place | None = None
    other_places: tuple[Place, ...] = ()  # further places the report names
    fatalities: Fatalities | None = None
    territorial: str | None = None  # captured|regained|lost|withdrew|encircled|besieged|advanced
    area_km2: float | None = None
    area_text: str = ""
    crowd_size: str | None = None  # protests and riots: "hundreds", "around 30"
    trigger: str = ""  # the word that made it an event ("captured")
    flags: StatementFlags = field(default_factory=StatementFlags)
    claim_source: str | None = None
    confidence: float = 0.0

    @property
    def fatality_count(self) -> int:
        return self.fatalities.count if self.fatalities else 0
