"""How well a gazetteer place fits a toponym, given what the article says
(:mod:`frontwatch.geo.resolve_context`), in score points.

The score adds the article's country focus, the admin1 regions it names
near the toponym or anywhere, the nearness of the places its other toponyms
were resolved to, population, the kind of place the text asks for ("Homs
province" is the region) and how exactly the name matches. An *importance
prior* takes points from a place far smaller than the most important place
of the same name (a small US "London" beside the capital of England, Cabool
in Missouri beside Kabul) unless something more than the country focus
supports it: an admin1 region named in the article or places of the
article near it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from frontwatch.geo.countries import national_capitals
from frontwatch.geo.cues import RURAL_CUES
from frontwatch.geo.distance import distance_km
from frontwatch.geo.gazetteer import GazetteerEntry
from frontwatch.geo.names import fold, light_fold
from frontwatch.geo.resolve_context import Anchor, Focus
from frontwatch.geo.toponyms import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    POPULATED_PLACE,
    ToponymMention,
    is_near_cue,
)
from frontwatch.models import GEO_EXACT, GEO_NEAR, GEO_REGION, Place

# Weights of the ranking, in score points.
_W_FOCUS = 4.0  # times the share of the article's country evidence
_W_ADMIN_LOCAL = 2.5  # candidate lies in an admin1 named right after the toponym
_W_ADMIN_ARTICLE = 1.0  # ... or named elsewhere in the article
_W_POPULATION = 1.0  # times log10(population + 1) / 7
_W_KIND = 3.0  # the text asks for this kind of place ("Homs province")
_W_EXACT = 0.5  # same spelling as written (after case and diacritics)
_W_KEY = 0.25  # same folded key as the main name (not only an alternate name)
_W_NEAR = 1.5  # another toponym of the article was placed within _NEAR_KM
_W_AROUND = 0.75  # ... within _AROUND_KM
_W_HOLDS = 0.75  # an admin1 region that holds a place of the article
_ADMIN_PENALTY = 0.4  # a bare name means the town more often than its region
_LOOSE_PENALTY = 1.5  # matched only through the vowel-blind key
_ALTERNATE_PENALTY = 1.0  # matched only by an alternate name where others bear the name
_NEAR_KM = 50.0
_AROUND_KM = 200.0
# Importance prior: points per decade of population below the most
# populous place of the same name beyond the first _FREE_DECADES, when that
# one has at least NOTABLE_POPULATION; at most _SUPPORTED_GAP points when
# the article supports the smaller place beyond its country.
_W_IMPORTANCE = 2.0
_FREE_DECADES = 1.0
_CITY_POPULATION = 50_000
_CAPITAL_WEIGHT = 1.0
NOTABLE_POPULATION = 1_000_000
_SUPPORTED_GAP = 1.0
# A region this small is no likelier than a town of its name, and a town
# of its name with this share of its population is its seat.
NOTABLE_REGION = 300_000
_SEAT_SHARE = 0.1
_MAX_GAP = 8.0

CLEAR_FOCUS_WEIGHT = 2.0  # evidence (beyond demonyms) that makes an article about a country
# ... or this much evidence of the other toponyms for one other country,
# when nothing points to the place's country (a name of two countries: 0.5)
_PLACED_WEIGHT = 0.5
_FOREIGN_MIN_POPULATION = 50_000  # smallest place abroad accepted in such an article
_FOREIGN_ANY_SPELLING_POPULATION = 1_000_000  # ... when only the folded keys agree
# Share of the country evidence (weak clues included) for the outlet's home
# that makes a small town, or one spelled otherwise, in a country without
# any evidence, implausible (see ``plausible``).
_HOME_SHARE = 0.5
_SAME_PLACE_KM = 25.0  # candidates closer than this are the same place for confidence
_NO_RIVAL_MARGIN = 5.0
# How far a place may lie from the seat of the district or town it is
# written in ("a village (Salh district)", "Abu Salim, Tripoli").
_WITHIN_ADMIN2_KM = 150.0
_WITHIN_TOWN_KM = 40.0
# A part of a town may lie across a line the gazetteer draws through it
# (Jerusalem's neighbourhoods filed under Palestine): within this distance
# of the point of the town (or of the unit named after it) it is the
# town's, whatever country holds it.
ACROSS_LINE_KM = 15.0
REGIONS = frozenset({ADMIN1, ADMIN2, COUNTRY})
_TOWNLIKE = frozenset({POPULATED_PLACE, ADMIN2})  # what plausible() may find implausible abroad


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the article says around one toponym."""

    focus: Focus
    admin_article: AbstractSet[tuple[str, str]]  # admin1 units named in the article
    admin_local: AbstractSet[tuple[str, str]]  # ... named right by the toponym
    anchors: tuple[Anchor, ...] = ()  # places of the article's other toponyms
    loose: bool = False  # candidates found only through the vowel-blind key
    container: bool = False  # the toponym names the unit another place is written in
    # ... and never in brackets ("the Office in Kyiv"; "Nihm (Sanaa)" is
    # written with its province)
    open_container: bool = False
    top: GazetteerEntry | None = None  # the most populous candidate of the name
    # Admin1 candidates (country, name) whose name a prominent town shares:
    # the region's biggest town ("New York", "Kabul") or a national capital
    # ("Washington"). Only these are read as the town when written bare.
    seated: AbstractSet[tuple[str, str]] = frozenset()


def most_important(entries: Sequence[GazetteerEntry]) -> GazetteerEntry | None:
    return max(entries, key=lambda entry: entry.population, default=None)


def seated_regions(entries: Sequence[GazetteerEntry]) -> frozenset[tuple[str, str]]:
    """The admin1 candidates a bare name more likely means the town of (see
    :attr:`Evidence.seated`): a region seated in a prominent town of its
    name (its biggest town, at whose point an admin1 entry stands, or a
    same-named town of at least _SEAT_SHARE of its population: "New York",
    "Kabul", "Fier"), a region whose name a national capital shares
    ("Washington"), and a small region. "Delaware" and "Minnesota" are the
    states; "Quebec", whose namesake capital is a small part of it, the
    province."""
    towns = [entry for entry in entries if entry.feature == POPULATED_PLACE]
    capital = any((town.country_code, town.name) in national_capitals() for town in towns)
    seated = set()
    for region in entries:
        if region.feature != ADMIN1:
            continue
        key = (region.country_code, region.name)
        if capital or region.population < NOTABLE_REGION:
            seated.add(key)
            continue
        for town in towns:
            at_seat = distance_km(region, town) <= _SAME_PLACE_KM
            namesake = (
                town.country_code == region.country_code
                and town.admin1 == region.admin1
                and fold(town.name) == fold(region.name)
                and town.population >= _SEAT_SHARE * region.population
            )
            if at_seat or namesake:
                seated.add(key)
                break
    return frozenset(seated)


def matching_name(
    mention: ToponymMention, entries: Sequence[GazetteerEntry]
) -> list[GazetteerEntry]:
    """The candidates whose own name is the one written, up to case and
    diacritics, else up to transliteration (not only an alternate name of
    theirs: "Haifa" is not Hefei)."""
    written = light_fold(mention.text)
    same = [entry for entry in entries if light_fold(entry.name) == written]
    key = fold(mention.text)
    return same or [entry for entry in entries if fold(entry.name) == key]


def _near_points(entry: GazetteerEntry, anchors: Sequence[Anchor]) -> float:
    """Points for lying near (a town) or holding (a region) a place that
    another toponym of the article was resolved to."""
    if not anchors or entry.feature == COUNTRY:
        return 0.0
    if entry.feature == ADMIN1:
        holds = any(
            a.country_code == entry.country_code and a.admin1 == entry.admin1 for a in anchors
        )
        return _W_HOLDS if holds else 0.0
    nearest = min(distance_km(entry, anchor) for anchor in anchors)
    if nearest <= _NEAR_KM:
        return _W_NEAR
    return _W_AROUND if nearest <= _AROUND_KM else 0.0


def supported(entry: GazetteerEntry, evidence: Evidence) -> bool:
    """Whether the article supports a place beyond its country: it names
    the place's admin1 region, or another of its toponyms was placed
    within ``_NEAR_KM``."""
    region = (entry.country_code, entry.admin1)
    if entry.admin1 is not None and (
        region in evidence.admin_local or region in evidence.admin_article
    ):
        return True
    return any(distance_km(entry, anchor) <= _NEAR_KM for anchor in evidence.anchors)


def _importance_gap(entry: GazetteerEntry, top: GazetteerEntry | None) -> float:
    """Decades of population below the most populous candidate, when that
    is a notable place and not the same unit ("Kabul" the province and the
    city, "Quebec" the province and its capital)."""
    if top is None or entry is top:
        return 0.0
    if top.population < NOTABLE_POPULATION:
        return 0.0
    if entry.country_code == top.country_code and entry.admin1 == top.admin1:
        return 0.0
    gap = math.log10((_importance(top) + 1) / (entry.population + 1))
    # A city is often meant in its own country's news ("London" in
    # Ontario); a small town needs more than its country for that.
    free = _FREE_DECADES if entry.population >= _CITY_POPULATION else 0.0
    return max(0.0, gap - free)


def _importance(entry: GazetteerEntry) -> float:
    """Population, a national capital's counted _CAPITAL_WEIGHT times."""
    if (entry.country_code, entry.name) in national_capitals():
        return entry.population * _CAPITAL_WEIGHT
    return float(entry.population)


def score(mention: ToponymMention, entry: GazetteerEntry, evidence: Evidence) -> float:
    focus = evidence.focus
    points = _W_FOCUS * focus.shares.get(entry.country_code, 0.0)
    points += _W_POPULATION * math.log10(entry.population + 1) / 7.0
    supported = False
    if entry.admin1 is not None and entry.feature != COUNTRY:
        key = (entry.country_code, entry.admin1)
        if entry.feature == ADMIN1:
            # A region named elsewhere as the region ("HELENA, Mont. -
            # Montana and ...") is the region here too, unless its name is
            # also its seat's ("Homs province ... in Homs").
            if key in evidence.admin_article and key not in evidence.seated:
                points += _W_ADMIN_ARTICLE
        elif key in evidence.admin_local:
            points += _W_ADMIN_LOCAL
            supported = True
        elif key in evidence.admin_article:
            points += _W_ADMIN_ARTICLE
            supported = True
    near = _near_points(entry, evidence.anchors)
    points += near
    gap = _importance_gap(entry, evidence.top)
    if gap > 0:
        limit = _SUPPORTED_GAP if supported or near > 0 else _MAX_GAP
        points -= min(_W_IMPORTANCE * gap, limit)
    kind = mention.kind_hint
    if kind == ADMIN2:
        # "Andar district": the district, else a region of that name,
        # else the town that gives it its name.
        if entry.feature == ADMIN2:
            points += _W_KIND
        elif entry.feature == ADMIN1:
            points += _W_KIND / 2
    elif kind is not None:
        if entry.feature == kind:
            points += _W_KIND
        elif kind == POPULATED_PLACE or entry.feature == COUNTRY:
            points -= _W_KIND
        elif kind == ADMIN1 and entry.feature == POPULATED_PLACE:
            points -= _W_KIND / 2
    elif evidence.container:
        # The unit another place is written in: "Takalout (Kidal)"; a city
        # of a million holds buildings and quarters as a region does, when
        # the text sets them in it ("the President's Office in Kyiv").
        if entry.feature in REGIONS or (
            evidence.open_container
            and entry.feature == POPULATED_PLACE
            and entry.population >= NOTABLE_POPULATION
        ):
            points += _W_KIND
    elif entry.feature == ADMIN2 or (
        entry.feature == ADMIN1 and (entry.country_code, entry.name) in evidence.seated
    ):
        points -= _ADMIN_PENALTY
    if light_fold(entry.name) == light_fold(mention.text) or _seat_of_named_region(
        mention, entry, evidence
    ):
        points += _W_EXACT
    elif fold(entry.name) == fold(mention.text):
        points += _W_KEY
    elif evidence.top is not None:
        # Only an alternate name of this place, while others bear the name
        # itself ("Delaware" is also a name of West Point, Virginia).
        points -= _ALTERNATE_PENALTY
    if evidence.loose:
        points -= _LOOSE_PENALTY
    return points


def _seat_of_named_region(
    mention: ToponymMention, entry: GazetteerEntry, evidence: Evidence
) -> bool:
    """A town that is the seat of the region written ("New York City" of
    "New York") shares the region's name."""
    return (
        entry.feature == POPULATED_PLACE
        and entry.admin1 is not None
        and (entry.country_code, entry.admin1) in evidence.seated
        and light_fold(entry.admin1) == light_fold(mention.text)
    )


def plausible(
    mention: ToponymMention,
    entry: GazetteerEntry,
    focus: Focus,
    admin_local: AbstractSet[tuple[str, str]] = frozenset(),
) -> bool:
    """A small place abroad, when the article is clearly about another
    country, is far more often a local place missing from the gazetteer
    than a real reference: accept only a big city written as GeoNames
    writes it, or a very big one. Demonyms alone ("Saudi-led") never make
    an article clearly about a country. A place in a region written
    beside it ("near Palmyra in Homs province") is never abroad. So with a
    district abroad: a district of Uruzgan is no namesake in Paraguay."""
    if entry.feature == ADMIN1 and _region_abroad(entry, focus):
        return False
    if entry.feature not in _TOWNLIKE or entry.country_code in focus.strong_countries:
        return True
    if (entry.country_code, entry.admin1) in admin_local:
        return True
    if focus.strong_total < CLEAR_FOCUS_WEIGHT:
        unsupported = focus.shares.get(entry.country_code, 0.0) == 0.0
        # Still implausible: a small town in a country nothing else in the
        # article points to, while its other toponyms, or most clues with
        # the outlet's home among them, point to another (a village of a
        # "Nord-Ouest" is in Cameroon or Haiti, not India; a village named in
        # an Iranian agency's report is not its namesake in Ukraine); or a
        # town spelled otherwise than written, in such a country, when most
        # clues point to the outlet's home: a Lebanese paper's village the
        # gazetteer lacks is not a Nigerian city of a similar name, nor an
        # Afghan agency's village a capital abroad that bears its name only
        # as an alternate one. (Actors' homes alone do not count here:
        # Turkish forces fight in Syria.)
        home = bool(_dominant_home(focus))
        return not unsupported or not (
            (
                entry.population < _FOREIGN_MIN_POPULATION
                and (focus.placed_top >= _PLACED_WEIGHT or home)
            )
            or (
                home
                and light_fold(entry.name) != light_fold(mention.text)
                and (
                    entry.population < _FOREIGN_ANY_SPELLING_POPULATION
                    or fold(entry.name) != fold(mention.text)
                )
            )
        )
    if light_fold(entry.name) == light_fold(mention.text):
        return entry.population >= _FOREIGN_MIN_POPULATION
    same_key = fold(entry.name) == fold(mention.text)
    return same_key and entry.population >= _FOREIGN_ANY_SPELLING_POPULATION


def _region_abroad(entry: GazetteerEntry, focus: Focus) -> bool:
    """A province abroad that nothing else in the article points to, while
    most clues point to the outlet's home: a village or quarter the
    gazetteer lacks, not the province ("el Marj" in a Lebanese paper is no
    Libyan district, "Saray square" no Estonian county)."""
    home = _dominant_home(focus)
    return (
        bool(home)
        and entry.country_code not in home
        and entry.country_code not in focus.strong_countries
        and focus.shares.get(entry.country_code, 0.0) == 0.0
    )


def _dominant_home(focus: Focus) -> frozenset[str]:
    """The outlet's home countries that hold at least ``_HOME_SHARE`` of the
    article's country evidence."""
    return frozenset(code for code in focus.home if focus.shares.get(code, 0.0) >= _HOME_SHARE)


def _at_home(entries: Sequence[GazetteerEntry], focus: Focus) -> Sequence[GazetteerEntry]:
    """When most clues point to the outlet's home and the name is a place
    there, its namesakes in countries nothing points to are set aside:
    "Tripoli" in a Lebanese paper with no other clue is Lebanon's, even
    where Libya's Tripoli is a province and Lebanon's only a town."""
    home = _dominant_home(focus)
    if not home or not any(entry.country_code in home for entry in entries):
        return entries
    return [
        entry
        for entry in entries
        if entry.country_code in home or focus.shares.get(entry.country_code, 0.0) > 0.0
    ]


def precision(mention: ToponymMention, entry: GazetteerEntry, part: bool) -> int:
    # "rural X" hints at the province X; where X is only a town ("the Mosul
    # countryside"), the event is near the town.
    hinted_region = mention.kind_hint == ADMIN1 and mention.cue not in RURAL_CUES
    if entry.feature in (ADMIN1, COUNTRY) or hinted_region:
        return GEO_REGION
    if entry.feature == ADMIN2:
        return GEO_NEAR
    return GEO_NEAR if part or is_near_cue(mention.cue) else GEO_EXACT


def within(entry: GazetteerEntry, unit: Place) -> bool:
    """Whether a candidate lies in the unit its name is written with."""
    if entry.country_code != unit.country_code:
        return unit.feature != COUNTRY and distance_km(entry, unit) <= ACROSS_LINE_KM
    if unit.feature == COUNTRY:
        return True
    if unit.feature == ADMIN1:
        return entry.admin1 == unit.admin1
    if unit.admin1 is not None and entry.admin1 is not None and entry.admin1 != unit.admin1:
        return False
    limit = _WITHIN_ADMIN2_KM if unit.feature == ADMIN2 else _WITHIN_TOWN_KM
    return distance_km(entry, unit) <= limit


def holds(unit: GazetteerEntry, place: GazetteerEntry) -> bool:
    """Whether a place lies in a unit (both gazetteer entries)."""
    if unit is place or unit.country_code != place.country_code:
        return False
    if unit.feature == COUNTRY:
        return place.feature != COUNTRY
    if unit.feature == ADMIN1:
        return place.feature != ADMIN1 and place.admin1 == unit.admin1
    if unit.admin1 is not None and place.admin1 is not None and place.admin1 != unit.admin1:
        return False
    limit = _WITHIN_ADMIN2_KM if unit.feature == ADMIN2 else _WITHIN_TOWN_KM
    return distance_km(unit, place) <= limit


def in_unit(mention: ToponymMention, unit: Place) -> Place:
    """A place the gazetteer lacks, coded at the unit it is written in: the
    district (near it) or the region (only the region is known)."""
    near = unit.feature in (ADMIN2, POPULATED_PLACE)
    return Place(
        name=unit.name,
        latitude=unit.latitude,
        longitude=unit.longitude,
        country=unit.country,
        country_code=unit.country_code,
        admin1=unit.admin1,
        admin2=unit.admin2,
        feature=unit.feature,
        geonameid=unit.geonameid,
        population=unit.population,
        geo_precision=GEO_NEAR if near else GEO_REGION,
        matched_text=mention.text,
        start=mention.start,
        end=mention.end,
        score=round(unit.score * 0.8, 3),
    )


def best_place(
    mention: ToponymMention,
    entries: Sequence[GazetteerEntry],
    evidence: Evidence,
    *,
    part: bool,
    pinned: bool,
) -> Place | None:
    """The best-scoring plausible candidate as a place, its score the lead
    over the best other place."""
    entries = _at_home(entries, evidence.focus)
    scored = sorted(
        ((score(mention, entry, evidence), entry) for entry in entries),
        key=lambda pair: (-pair[0], -pair[1].population),
    )
    # The best candidate the article makes plausible: an implausible
    # namesake abroad does not hide the local place ranked after it.
    chosen = next(
        (
            (points, entry)
            for points, entry in scored
            if pinned or plausible(mention, entry, evidence.focus, evidence.admin_local)
        ),
        None,
    )
    if chosen is None:
        return None
    best_score, best = chosen
    # Confidence is the lead over the best *other* place: an admin1 unit
    # seated in the town of the same name is not a rival.
    rivals = [
        points
        for points, entry in scored
        if entry is not best and distance_km(entry, best) > _SAME_PLACE_KM
    ]
    margin = best_score - rivals[0] if rivals else _NO_RIVAL_MARGIN
    return Place(
        name=best.name,
        latitude=best.latitude,
        longitude=best.longitude,
        country=best.country,
        country_code=best.country_code,
        admin1=best.admin1,
        admin2=best.admin2,
        feature=best.feature,
        geonameid=best.geonameid,
        population=best.population,
        geo_precision=precision(mention, best, part),
        matched_text=mention.text,
        start=mention.start,
        end=mention.end,
        score=round(1.0 - math.exp(-max(margin, 0.0)), 3),
    )
