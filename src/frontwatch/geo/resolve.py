"""Choose, for each toponym of an article, the gazetteer place it means.

Candidates are ranked by what the article says about where it is: the
country it is about (the caller's hint, countries named or implied by
demonyms, countries of toponyms that can only be in one country), the admin1
units it names ("al-Sukhna town in Homs province"), then population, the
kind of place the text asks for ("Homs province" is the region, not the
city) and how exactly the name matches.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from frontwatch.errors import GazetteerError
from frontwatch.geo.abbreviations import region_abbreviation
from frontwatch.geo.containers import ContainerLink, chain_order, container_links
from frontwatch.geo.country_words import demonym_country
from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.names import ARABIC_ARTICLES, fold, light_fold
from frontwatch.geo.toponyms import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    POPULATED_PLACE,
    ToponymMention,
    country_mentions,
    is_demonym,
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
_ADMIN_PENALTY = 0.4  # a bare name means the town more often than its region
_LOOSE_PENALTY = 1.5  # matched only through the vowel-blind key

_FOCUS_HINT = 6.0  # evidence for the caller's country hint
_FOCUS_UNAMBIGUOUS = 2.0  # per toponym that exists in one country only
_FOCUS_AMBIGUOUS = 1.0  # per toponym of several countries, shared among them
_FOCUS_NAMED_CAP = 3  # at most this many counted mentions of one country in the text
# A toponym is unambiguous evidence of its country when no candidate in
# another country has at least this share of the biggest candidate's population.
_AMBIGUITY_SHARE = 0.05
_CLEAR_FOCUS_WEIGHT = 2.0  # evidence (beyond demonyms) that makes an article about a country
_FOREIGN_MIN_POPULATION = 50_000  # smallest place abroad accepted in such an article
_FOREIGN_ANY_SPELLING_POPULATION = 1_000_000  # ... when only the folded keys agree
_SAME_PLACE_KM = 25.0  # candidates closer than this are the same place for confidence
_NO_RIVAL_MARGIN = 5.0
_EARTH_RADIUS_KM = 6371.0
_LOCAL_WINDOW = 80  # characters around a toponym searched for its admin1 ("... in Homs province")
_SENTENCE_END = re.compile(r"[.!?]\s")
# How far a place may lie from the seat of the district or town it is
# written in ("a village (Salh district)", "Abu Salim, Tripoli").
_WITHIN_ADMIN2_KM = 150.0
_WITHIN_TOWN_KM = 40.0
_REGIONS = frozenset({ADMIN1, ADMIN2, COUNTRY})
# A designator that makes a name a unit others lie in: "Pokhran subdivision".
_UNIT_AFTER = re.compile(
    r"\s+(?:district|sub-?district|subdivision|tehsil|taluka?|upazila|county|regency|"
    r"municipality|prefecture|department|province|governorate|region|state|oblast|raion)s?\b",
    re.IGNORECASE,
)
# What follows a place name when the whole names something in or beside
# it: "Donetsk Airport", "Aleppo Central Prison", "Mosul Dam".
_FACILITY = re.compile(
    r"\b(?:airport|airbase|air base|base|prison|jail|hospital|clinic|university|college|school|"
    r"stadium|bridge|market|bazaar|square|street|road|highway|dam|port|harbou?r|mosque|church|"
    r"refinery|checkpoint|crossing|camp|field|plant|factory|station|barracks|palace|hotel|mall|"
    r"terminal|junction|roundabout|gate|front|industrial|complex|cement|oil|power)\b",
    re.IGNORECASE,
)
_NOT_LEADING_NAMES = ARABIC_ARTICLES | {"abu", "umm", "bani", "beni", "bir", "ras", "bin", "ibn"}
_GENERIC_TAIL = re.compile(
    r"\s+(?:city|town|village|camp|area|district|province|governorate|region)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Focus:
    shares: dict[str, float]  # country code -> share of all evidence
    strong_countries: frozenset[str]  # countries with evidence beyond demonyms
    strong_total: float  # weight of the evidence beyond demonyms


@dataclass(frozen=True, slots=True)
class _Candidates:
    entries: tuple[GazetteerEntry, ...]
    loose: bool  # found only through the vowel-blind key
    part: bool = False  # the toponym names something in or beside these places


def _distance_km(first: GazetteerEntry, second: GazetteerEntry) -> float:
    """Equirectangular distance: exact enough to tell places apart."""
    mean_latitude = math.radians((first.latitude + second.latitude) / 2)
    dx = math.radians(second.longitude - first.longitude) * math.cos(mean_latitude)
    dy = math.radians(second.latitude - first.latitude)
    return _EARTH_RADIUS_KM * math.hypot(dx, dy)


def _population_score(entry: GazetteerEntry) -> float:
    return math.log10(entry.population + 1) / 7.0


def _admin1_keys(entries: Sequence[GazetteerEntry]) -> set[tuple[str, str]]:
    return {
        (entry.country_code, entry.name)
        for entry in entries
        if entry.feature == ADMIN1 and entry.name is not None
    }


def _precision(mention: ToponymMention, entry: GazetteerEntry, part: bool) -> int:
    if entry.feature in (ADMIN1, COUNTRY) or mention.kind_hint == ADMIN1:
        return GEO_REGION
    if entry.feature == ADMIN2:
        return GEO_NEAR
    return GEO_NEAR if part or is_near_cue(mention.cue) else GEO_EXACT


def _place_distance_km(entry: GazetteerEntry, place: Place) -> float:
    mean_latitude = math.radians((entry.latitude + place.latitude) / 2)
    dx = math.radians(place.longitude - entry.longitude) * math.cos(mean_latitude)
    dy = math.radians(place.latitude - entry.latitude)
    return _EARTH_RADIUS_KM * math.hypot(dx, dy)


def _within(entry: GazetteerEntry, unit: Place) -> bool:
    """Whether a candidate lies in the unit its name is written with."""
    if entry.country_code != unit.country_code:
        return False
    if unit.feature == COUNTRY:
        return True
    if unit.feature == ADMIN1:
        return entry.admin1 == unit.admin1
    if unit.admin1 is not None and entry.admin1 is not None and entry.admin1 != unit.admin1:
        return False
    limit = _WITHIN_ADMIN2_KM if unit.feature == ADMIN2 else _WITHIN_TOWN_KM
    return _place_distance_km(entry, unit) <= limit


def _in_unit(mention: ToponymMention, unit: Place) -> Place:
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


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def _candidates(self, mention: ToponymMention, *, units: bool = False) -> _Candidates:
        """The gazetteer entries a toponym may mean; ``units`` adds the
        districts of that name (asked for by the text or by its place as
        the unit another place lies in)."""
        name = mention.text.strip()
        if is_demonym(name):
            # "Syrian" is a place only where the caller says it stands for
            # the country (a gold span, a geoparser that reports demonyms).
            code = demonym_country(name) if mention.kind_hint == COUNTRY else None
            country = self.gazetteer.country(code) if code is not None else None
            return _Candidates((country,) if country is not None else (), loose=False)
        abbreviation = region_abbreviation(name)
        if abbreviation is not None:
            region = self.gazetteer.admin1(*abbreviation)
            return _Candidates((region,) if region is not None else (), loose=False)
        entries = self.gazetteer.lookup(name)
        shorter = _GENERIC_TAIL.sub("", name)
        if not entries and shorter != name:
            entries = self.gazetteer.lookup(shorter)
        if units or mention.kind_hint == ADMIN2:
            entries += self.gazetteer.lookup_admin2(name) or self.gazetteer.lookup_admin2(shorter)
        if mention.kind_hint == COUNTRY:
            country = self.gazetteer.country(name)
            if country is not None and country not in entries:
                entries.append(country)
        if entries:
            return _Candidates(tuple(entries), loose=False)
        loose = self.gazetteer.lookup_loose(name)
        if loose:
            return _Candidates(tuple(loose), loose=True)
        return self._leading_place(name)

    def _leading_place(self, name: str) -> _Candidates:
        """'Donetsk Airport', 'Aleppo Central Prison': a facility or part
        named after the place it is in or beside. Only when the rest names
        a facility: "Abu Salim" is not a part of a place called "Abu"."""
        words = name.split()
        for count in range(len(words) - 1, 0, -1):
            leading = " ".join(words[:count])
            if not _FACILITY.search(" ".join(words[count:])):
                continue
            if leading.lower().strip("-") in _NOT_LEADING_NAMES or len(leading) < 3:
                break
            entries = self.gazetteer.lookup(leading)
            if entries:
                return _Candidates(tuple(entries), loose=False, part=True)
        return _Candidates((), loose=False)

    def _country_focus(
        self,
        mentions: Sequence[ToponymMention],
        candidates: Sequence[_Candidates],
        text: str,
        country_hint: str | None,
    ) -> list[_Focus]:
        """Per toponym, the share of the article's evidence for each country.

        A toponym's own candidates never vote for its own focus: a village
        that exists only in the US must not make an article about Syria look
        like an article about the US.
        """
        named, demonyms = country_mentions(text)
        strong: dict[str, float] = defaultdict(float)
        for code, count in named.items():
            strong[code] += min(count, _FOCUS_NAMED_CAP)
        if country_hint:
            strong[country_hint.upper()] += _FOCUS_HINT
        weak = {code: float(min(count, _FOCUS_NAMED_CAP)) for code, count in demonyms.items()}
        # Per toponym: its folded name and the countries it can be in.
        votes: list[tuple[str, frozenset[str]] | None] = []
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
            votes.append(vote)
        distinct = {vote for vote in votes if vote is not None}
        focus = []
        for vote in votes:
            evidence = dict(strong)
            ambiguous: dict[str, float] = defaultdict(float)
            # Repeating a name is no new evidence: the toponym's own name
            # never votes for it.
            for name, countries in distinct:
                if vote is not None and name == vote[0]:
                    continue
                if len(countries) == 1:
                    (code,) = countries
                    evidence[code] = evidence.get(code, 0.0) + _FOCUS_UNAMBIGUOUS
                else:
                    # "Tripoli" beside "Sidon": the countries that can hold
                    # every name of the article gather the most votes.
                    for code in countries:
                        ambiguous[code] += _FOCUS_AMBIGUOUS / len(countries)
            strong_countries = frozenset(code for code, weight in evidence.items() if weight > 0)
            strong_total = sum(evidence.values())
            for code, weight in [*weak.items(), *ambiguous.items()]:
                evidence[code] = evidence.get(code, 0.0) + weight
            total = sum(evidence.values())
            focus.append(
                _Focus(
                    shares={code: weight / total for code, weight in evidence.items()}
                    if total
                    else {},
                    strong_countries=strong_countries,
                    strong_total=strong_total,
                )
            )
        return focus

    def _admin_context(
        self,
        mentions: Sequence[ToponymMention],
        candidates: Sequence[_Candidates],
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
            keys = _admin1_keys(found.entries)
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

    def _score(
        self,
        mention: ToponymMention,
        entry: GazetteerEntry,
        focus: _Focus,
        admin_article: set[tuple[str, str]],
        admin_local: set[tuple[str, str]],
        loose: bool,
        *,
        container: bool = False,
    ) -> float:
        score = _W_FOCUS * focus.shares.get(entry.country_code, 0.0)
        score += _W_POPULATION * _population_score(entry)
        if entry.admin1 is not None and entry.feature != COUNTRY:
            key = (entry.country_code, entry.admin1)
            if key in admin_local and entry.feature != ADMIN1:
                score += _W_ADMIN_LOCAL
            elif key in admin_article and entry.feature != ADMIN1:
                score += _W_ADMIN_ARTICLE
        kind = mention.kind_hint
        if kind == ADMIN2:
            # "Andar district": the district, else a region of that name,
            # else the town that gives it its name.
            if entry.feature == ADMIN2:
                score += _W_KIND
            elif entry.feature == ADMIN1:
                score += _W_KIND / 2
        elif kind is not None:
            if entry.feature == kind:
                score += _W_KIND
            elif kind == POPULATED_PLACE or entry.feature == COUNTRY:
                score -= _W_KIND
            elif kind == ADMIN1 and entry.feature == POPULATED_PLACE:
                score -= _W_KIND / 2
        elif container:
            # The unit another place is written in: "Takalout (Kidal)".
            if entry.feature in _REGIONS:
                score += _W_KIND
        elif entry.feature in (ADMIN1, ADMIN2):
            score -= _ADMIN_PENALTY
        if light_fold(entry.name) == light_fold(mention.text):
            score += _W_EXACT
        elif fold(entry.name) == fold(mention.text):
            score += _W_KEY
        if loose:
            score -= _LOOSE_PENALTY
        return score

    @staticmethod
    def _plausible(
        mention: ToponymMention,
        entry: GazetteerEntry,
        focus: _Focus,
        admin_local: AbstractSet[tuple[str, str]] = frozenset(),
    ) -> bool:
        """A small place abroad, when the article is clearly about another
        country, is far more often a local place missing from the gazetteer
        than a real reference: accept only a big city written as GeoNames
        writes it, or a very big one. Demonyms alone ("Saudi-led") never make
        an article clearly about a country. A place in a region written
        beside it ("near Palmyra in Homs province") is never abroad."""
        if entry.feature != POPULATED_PLACE or entry.country_code in focus.strong_countries:
            return True
        if (entry.country_code, entry.admin1) in admin_local:
            return True
        if focus.strong_total < _CLEAR_FOCUS_WEIGHT:
            return True
        if light_fold(entry.name) == light_fold(mention.text):
            return entry.population >= _FOREIGN_MIN_POPULATION
        same_key = fold(entry.name) == fold(mention.text)
        return same_key and entry.population >= _FOREIGN_ANY_SPELLING_POPULATION

    def _resolve_one(
        self,
        mention: ToponymMention,
        found: _Candidates,
        focus: _Focus,
        admin_article: set[tuple[str, str]],
        admin_local: set[tuple[str, str]],
        *,
        unit: Place | None = None,
        firm: bool = False,
        container: bool = False,
    ) -> Place | None:
        """The place a toponym means. ``unit`` is the place of the unit it
        is written in ("Takalout (Kidal)"); ``firm`` says the text leaves no
        doubt that it lies there (brackets, or a region after a comma), so a
        namesake elsewhere is never taken: the unit stands in for it."""
        entries = found.entries
        if found.loose:
            # The vowel-blind key is only trusted inside the article's countries.
            entries = tuple(
                entry for entry in entries if focus.shares.get(entry.country_code, 0.0) >= 0.2
            )
        if unit is not None:
            inside = tuple(entry for entry in entries if _within(entry, unit))
            if inside:
                return self._best(
                    mention, found, inside, focus, admin_article, admin_local, container, True
                )
            if firm or not entries:
                return _in_unit(mention, unit)
        if not entries:
            return None
        place = self._best(
            mention, found, entries, focus, admin_article, admin_local, container, False
        )
        if unit is not None and (place is None or place.country_code != unit.country_code):
            return _in_unit(mention, unit)
        return place

    def _best(
        self,
        mention: ToponymMention,
        found: _Candidates,
        entries: Sequence[GazetteerEntry],
        focus: _Focus,
        admin_article: set[tuple[str, str]],
        admin_local: set[tuple[str, str]],
        container: bool,
        pinned: bool,
    ) -> Place | None:
        scored = sorted(
            (
                (
                    self._score(
                        mention,
                        entry,
                        focus,
                        admin_article,
                        admin_local,
                        found.loose,
                        container=container,
                    ),
                    entry,
                )
                for entry in entries
            ),
            key=lambda pair: (-pair[0], -pair[1].population),
        )
        # The best candidate the article makes plausible: an implausible
        # namesake abroad does not hide the local place ranked after it.
        chosen = next(
            (
                (score, entry)
                for score, entry in scored
                if pinned or self._plausible(mention, entry, focus, admin_local)
            ),
            None,
        )
        if chosen is None:
            return None
        best_score, best = chosen
        # Confidence is the lead over the best *other* place: an admin1 unit
        # seated in the town of the same name is not a rival.
        rivals = [
            score
            for score, entry in scored
            if entry is not best and _distance_km(entry, best) > _SAME_PLACE_KM
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
            geo_precision=_precision(mention, best, found.part),
            matched_text=mention.text,
            start=mention.start,
            end=mention.end,
            score=round(1.0 - math.exp(-max(margin, 0.0)), 3),
        )

    def _can_be_region(self, mention: ToponymMention, found: _Candidates, text: str = "") -> bool:
        if mention.kind_hint in _REGIONS or _UNIT_AFTER.match(text, mention.end):
            return True
        if not found.loose and any(entry.feature in _REGIONS for entry in found.entries):
            return True
        try:
            return bool(self.gazetteer.lookup_admin2(mention.text))
        except GazetteerError:
            return False

    def resolve_article(
        self,
        mentions: Sequence[ToponymMention],
        *,
        text: str,
        country_hint: str | None = None,
    ) -> list[Place | None]:
        """One place (or None) per mention, in the same order."""
        return self.resolve_with_units(mentions, text=text, country_hint=country_hint)[0]

    def resolve_with_units(
        self,
        mentions: Sequence[ToponymMention],
        *,
        text: str,
        country_hint: str | None = None,
    ) -> tuple[list[Place | None], frozenset[int]]:
        """One place (or None) per mention, and the indexes of the mentions
        that name the unit another place is written in ("Kidal" of
        "Takalout (Kidal)")."""
        order = sorted(range(len(mentions)), key=lambda index: mentions[index].start)
        ordered = [mentions[index] for index in order]
        candidates: list[_Candidates] = []
        for mention in ordered:
            try:
                candidates.append(self._candidates(mention))
            except GazetteerError:
                candidates.append(_Candidates((), loose=False))
        links = container_links(
            text,
            ordered,
            lambda index: self._can_be_region(ordered[index], candidates[index], text),
        )
        outers = {link.outer for link in links.values()}
        # Units and the places written in them may be districts: "Nihm
        # (Sanaa)", "Tokabangou (Markoye, Oudalan)".
        for index in outers | set(links):
            with contextlib.suppress(GazetteerError):
                candidates[index] = self._candidates(ordered[index], units=True)
        focus = self._country_focus(ordered, candidates, text, country_hint)
        admin_article, admin_local = self._admin_context(ordered, candidates, text)
        resolved: dict[int, Place | None] = {}
        for index in chain_order(len(ordered), links):
            link: ContainerLink | None = links.get(index)
            unit = resolved.get(link.outer) if link is not None else None
            # "X (Kidal)", "X district, Balkh", "Orikhove, Luhansk": X lies
            # there whatever its namesakes. "Homs, Hama" may list two
            # provinces' capitals: a name that is itself a region's is free.
            firm = link is not None and (
                link.bracketed
                or link.designated
                or (
                    unit is not None
                    and unit.feature in _REGIONS
                    and not any(e.feature in _REGIONS for e in candidates[index].entries)
                )
            )
            resolved[index] = self._resolve_one(
                ordered[index],
                candidates[index],
                focus[index],
                admin_article,
                admin_local.get(index, set()),
                unit=unit,
                firm=firm,
                container=index in outers,
            )
        places: list[Place | None] = [None] * len(mentions)
        for position, index in enumerate(order):
            places[index] = resolved[position]
        return places, frozenset(order[position] for position in outers)

    def resolve_name(
        self, name: str, *, country_hint: str | None = None, text: str = ""
    ) -> Place | None:
        """Resolve a single name written without context (no cue)."""
        mention = ToponymMention(name, 0, len(name))
        return self.resolve_article([mention], text=text, country_hint=country_hint)[0]
