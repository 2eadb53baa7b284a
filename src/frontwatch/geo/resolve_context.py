"""What an article says about where its toponyms are, for ranking their
candidate places: the countries it is about (named, implied by demonyms,
by toponyms that can only be in one country, by the caller's hint), the
admin1 regions it names, and the places its other toponyms were first
resolved to (a place is most often near the others of its article).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.geo.distance import distance_km
from frontwatch.geo.gazetteer import GazetteerEntry
from frontwatch.geo.names import fold, light_fold
from frontwatch.geo.toponyms import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    POPULATED_PLACE,
    ToponymMention,
    country_mentions,
)

_FOCUS_HINT = 6.0  # evidence for the caller's country hint
_FOCUS_UNAMBIGUOUS = 2.0  # per toponym that exists in one country only
_FOCUS_AMBIGUOUS = 1.0  # per toponym of several countries, shared among them
_FOCUS_NAMED_CAP = 3  # at most this many counted mentions of one country in the text
_FOCUS_ACTOR = 1.0  # per named actor of the country ("Hezbollah": Lebanon), as weak as a demonym
# A toponym is unambiguous evidence of its country when no candidate in
# another country has at least this share of the biggest candidate's population.
_AMBIGUITY_SHARE = 0.05
# A toponym whose candidates are all towns smaller than this is a weak witness
# of its country: many villages of the news share a name with a hamlet abroad.
SMALL_TOWN = 50_000
_NEIGHBOUR_KM = 200.0  # a small town this close to another place of the article is supported
_CELL_DEGREES = 2.0  # grid cells (latitude, longitude) for finding such neighbours
_LOCAL_WINDOW = 80  # characters around a toponym searched for its admin1 ("... in Homs province")
_SENTENCE_END = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class Focus:
    """The countries an article is about, as seen from one of its toponyms."""

    shares: dict[str, float]  # country code -> share of all evidence
    strong_countries: frozenset[str]  # countries with evidence beyond demonyms
    strong_total: float  # weight of the evidence beyond demonyms
    # The most evidence the article's other toponyms (beyond small towns;
    # those of several countries shared among them) give one country.
    # Demonyms, actors and countries named are left out: "Israeli forces
    # stormed X", "a branch of Bank Saderat Iran in X" may well be elsewhere.
    placed_top: float = 0.0
    home: frozenset[str] = frozenset()  # the outlet's countries


@dataclass(frozen=True, slots=True)
class Candidates:
    """The gazetteer places a toponym may mean."""

    entries: tuple[GazetteerEntry, ...]
    loose: bool  # found only through the vowel-blind key
    part: bool = False  # the toponym names something in or beside these places
    # Villages of the name from GeoNames' postal places (geo/localities.py):
    # kept apart from ``entries``, so that they are no evidence of a country
    # or a region, and considered only where the article supports them.
    localities: tuple[GazetteerEntry, ...] = ()
    # Big districts a bare name may mean ("Kent"): likewise kept apart, and
    # considered only in a country the article points to.
    districts: tuple[GazetteerEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place another toponym of the article was first resolved to."""

    key: str  # folded name of that toponym (a name never anchors itself)
    place_key: str  # folded name of the place ("Silver Street, Edmonton" stands at Edmonton)
    latitude: float
    longitude: float
    country_code: str
    admin1: str | None


def admin1_keys(entries: Sequence[GazetteerEntry]) -> set[tuple[str, str]]:
    return {
        (entry.country_code, entry.name)
        for entry in entries
        if entry.feature == ADMIN1 and entry.name is not None
    }


def country_focus(
    mentions: Sequence[ToponymMention],
    candidates: Sequence[Candidates],
    text: str,
    country_hint: str | None,
    actor_countries: Sequence[str] = (),
    *,
    home_countries: Sequence[str] = (),
) -> list[Focus]:
    """Per toponym, the share of the article's evidence for each country.

    A toponym's own candidates never vote for its own focus: a village
    that exists only in the US must not make an article about Syria look
    like an article about the US. ``actor_countries`` (ISO codes, one per
    named actor: "Hezbollah" says Lebanon) count as weakly as demonyms.
    """
    named, demonyms = country_mentions(
        text,
        [
            (m.start, m.end, frozenset(e.country_code for e in found.entries))
            for m, found in zip(mentions, candidates, strict=True)
            if found.entries
        ],
    )
    strong: dict[str, float] = defaultdict(float)
    for code, count in named.items():
        strong[code] += min(count, _FOCUS_NAMED_CAP)
    if country_hint:
        strong[country_hint.upper()] += _FOCUS_HINT
    weak = {code: float(min(count, _FOCUS_NAMED_CAP)) for code, count in demonyms.items()}
    actors: dict[str, float] = defaultdict(float)
    for code in [*actor_countries, *home_countries]:
        actors[code] = min(actors[code] + _FOCUS_ACTOR, _FOCUS_NAMED_CAP * _FOCUS_ACTOR)
    for code, weight in actors.items():
        weak[code] = weak.get(code, 0.0) + weight
    # Per toponym: its folded name and the countries it can be in.
    votes: list[tuple[str, frozenset[str]] | None] = []
    hamlets: set[tuple[str, frozenset[str]]] = set()  # votes of small towns only
    # Per folded name, every place it may be (for the nearness of small towns).
    spots: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for mention, found in zip(mentions, candidates, strict=True):
        vote = None
        places = [entry for entry in found.entries if entry.feature != ADMIN2]
        # "Homs province" votes only as a province: the text rules out
        # the towns of that name abroad.
        if mention.kind_hint in (ADMIN1, COUNTRY):
            places = [e for e in places if e.feature == mention.kind_hint] or places
        if not found.loose and places:
            biggest = max(entry.population for entry in places)
            countries = frozenset(
                entry.country_code
                for entry in places
                if entry.population >= _AMBIGUITY_SHARE * biggest
            )
            vote = (fold(mention.text), countries)
            # A town that is also a district of its name is no mere hamlet.
            district = any(e.feature == ADMIN2 and fold(e.name) == vote[0] for e in found.entries)
            towns = all(e.feature == POPULATED_PLACE for e in places)
            if biggest < SMALL_TOWN and towns and not district:
                hamlets.add(vote)
        if not found.loose:
            spots[fold(mention.text)].extend(found.entries)
        votes.append(vote)
    distinct = {vote for vote in votes if vote is not None}
    supported = {code for code, weight in [*strong.items(), *weak.items()] if weight > 0}
    neighbourly = _neighbourly(spots)
    unsupported = _unsupported(distinct, hamlets, supported, spots, neighbourly)
    if len(unsupported) < len(hamlets) or distinct - hamlets or supported:
        distinct -= unsupported
        unsupported = set()
    # In a fixed order: the shares are sums of floats, and the same article
    # must give the same places in every run (a set's order varies with
    # the interpreter's hash seed).
    ordered_votes = sorted(distinct, key=lambda item: (item[0], sorted(item[1])))
    focus = []
    for vote in votes:
        evidence = dict(strong)
        ambiguous: dict[str, float] = defaultdict(float)
        # Repeating a name is no new evidence: the toponym's own name
        # never votes for it.
        placed: dict[str, float] = defaultdict(float)  # by toponyms beyond small towns
        for name, countries in ordered_votes:
            if vote is not None and name == vote[0]:
                continue
            if len(countries) == 1 and (name, countries) not in unsupported:
                (code,) = countries
                evidence[code] = evidence.get(code, 0.0) + _FOCUS_UNAMBIGUOUS
            else:
                # "Tripoli" beside "Sidon": the countries that can hold
                # every name of the article gather the most votes.
                for code in countries:
                    ambiguous[code] += _FOCUS_AMBIGUOUS / len(countries)
            if (name, countries) not in hamlets:
                weight = _FOCUS_UNAMBIGUOUS if len(countries) == 1 else _FOCUS_AMBIGUOUS
                for code in countries:
                    placed[code] += weight / len(countries)
        strong_countries = frozenset(code for code, weight in evidence.items() if weight > 0)
        strong_total = sum(evidence.values())
        for code, weight in [*weak.items(), *ambiguous.items()]:
            evidence[code] = evidence.get(code, 0.0) + weight
        total = sum(evidence.values())
        focus.append(
            Focus(
                shares={code: weight / total for code, weight in evidence.items()} if total else {},
                strong_countries=strong_countries,
                strong_total=strong_total,
                placed_top=max(placed.values(), default=0.0),
                home=frozenset(home_countries),
            )
        )
    return focus


def _unsupported(
    votes: set[tuple[str, frozenset[str]]],
    hamlets: set[tuple[str, frozenset[str]]],
    supported: set[str],
    spots: dict[str, list[GazetteerEntry]],
    neighbourly: frozenset[GazetteerEntry],
) -> set[tuple[str, frozenset[str]]]:
    """The votes of small towns that nothing else in the article supports:
    such a name is far more often a local place the gazetteer lacks than a
    hamlet abroad (a mine village named Shakhta beside Donetsk is no hamlet
    in Russia's Perm region), and must not outvote the article's evident
    country. A
    small town is supported by its country being named, implied by
    demonyms or the actors' homes (``supported``) or a likely country of
    another toponym, or by another toponym that may lie near it
    (``neighbourly``: "St. Thomas" beside "London" is Ontario's London,
    however much smaller than England's; a town of Haiti written with
    "Centre" is in Haiti's small Centre department)."""
    backed = set(supported)
    for _, countries in votes - hamlets:
        backed |= countries
    return {
        (name, countries)
        for name, countries in hamlets
        if not countries & backed
        and not any(e in neighbourly for e in spots.get(name, ()) if e.country_code in countries)
    }


def _neighbourly(spots: dict[str, list[GazetteerEntry]]) -> frozenset[GazetteerEntry]:
    """The small towns among the candidates of each name that lie within
    _NEIGHBOUR_KM of a candidate of another name (a grid of _CELL_DEGREES
    cells keeps this quick for long articles)."""
    cells: dict[tuple[int, int], list[tuple[str, GazetteerEntry]]] = defaultdict(list)
    for name, entries in spots.items():
        for entry in entries:
            cells[_cell(entry)].append((name, entry))
    found = set()
    for name, entries in spots.items():
        for entry in entries:
            if entry.feature != POPULATED_PLACE or entry.population >= SMALL_TOWN:
                continue
            row, column = _cell(entry)
            if any(
                other != name and distance_km(entry, near) <= _NEIGHBOUR_KM
                for step_row in (-1, 0, 1)
                for step_column in (-2, -1, 0, 1, 2)
                for other, near in cells.get((row + step_row, column + step_column), ())
            ):
                found.add(entry)
    return frozenset(found)


def _cell(entry: GazetteerEntry) -> tuple[int, int]:
    return math.floor(entry.latitude / _CELL_DEGREES), math.floor(entry.longitude / _CELL_DEGREES)


def admin_context(
    mentions: Sequence[ToponymMention],
    candidates: Sequence[Candidates],
    text: str,
) -> tuple[set[tuple[str, str]], dict[int, set[tuple[str, str]]]]:
    """Admin1 units the article names: all of them, and per toponym those
    written close to it in the same sentence."""
    article: set[tuple[str, str]] = set()
    per_mention: dict[int, set[tuple[str, str]]] = defaultdict(set)
    admin_mentions: list[tuple[int, set[tuple[str, str]]]] = []
    for index, (mention, found) in enumerate(zip(mentions, candidates, strict=True)):
        if found.loose:
            continue
        keys = admin1_keys(found.entries)
        if keys and mention.kind_hint in (ADMIN1, None):
            admin_mentions.append((index, keys))
            if mention.kind_hint == ADMIN1 or all(
                entry.feature == ADMIN1 for entry in found.entries
            ):
                article |= keys
    for index, mention in enumerate(mentions):
        for other, keys in admin_mentions:
            if other == index:
                continue
            first, second = sorted((mention, mentions[other]), key=lambda m: m.start)
            gap = text[first.end : second.start]
            close = second.start >= first.end and len(gap) <= _LOCAL_WINDOW
            if close and not _SENTENCE_END.search(gap):
                per_mention[index] |= keys
    return article, per_mention


# A district named bare is a candidate when it holds at least this many people.
BARE_DISTRICT_POPULATION = 100_000


def bare_districts(
    name: str, entries: Sequence[GazetteerEntry], districts: Sequence[GazetteerEntry]
) -> list[GazetteerEntry]:
    """The big districts a bare name may mean, where their country has no
    town or region so called: "Kent", "Peel", "Maui", "South Waziristan"
    are counties and agencies that news names without "county". Small ones
    ("Grand", "Hubbard": counties of a few thousand people) are as likely
    a street or a word."""
    written = light_fold(name)
    named = {
        entry.country_code
        for entry in entries
        if entry.feature in (POPULATED_PLACE, ADMIN1, COUNTRY) and light_fold(entry.name) == written
    }
    return [
        district
        for district in districts
        if district.country_code not in named
        and light_fold(district.name) == written
        and district.population >= BARE_DISTRICT_POPULATION
    ]
