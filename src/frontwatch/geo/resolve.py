"""Choose, for each toponym of an article, the gazetteer place it means.

Candidates are ranked by what the article says about where it is: the
country it is about (the caller's hint, countries named or implied by
demonyms, countries of toponyms that can only be in one country), the admin1
units it names ("al-Sukhna town in Homs province"), then population, the
kind of place the text asks for ("Homs province" is the region, not the
city) and how exactly the name matches.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from frontwatch.errors import GazetteerError
from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.names import fold, light_fold
from frontwatch.geo.toponyms import (
    ADMIN1,
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
    return GEO_NEAR if part or is_near_cue(mention.cue) else GEO_EXACT


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def _candidates(self, mention: ToponymMention) -> _Candidates:
        name = mention.text.strip()
        if is_demonym(name):
            return _Candidates((), loose=False)
        entries = self.gazetteer.lookup(name)
        if not entries:
            shorter = _GENERIC_TAIL.sub("", name)
            if shorter != name:
                entries = self.gazetteer.lookup(shorter)
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
        named after the place it is in or beside."""
        words = name.split()
        for count in range(len(words) - 1, 0, -1):
            entries = self.gazetteer.lookup(" ".join(words[:count]))
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
        votes: list[tuple[str, str] | None] = []  # (folded name, country) per toponym
        for mention, found in zip(mentions, candidates, strict=True):
            vote = None
            if not found.loose and found.entries:
                biggest = max(entry.population for entry in found.entries)
                countries = {
                    entry.country_code
                    for entry in found.entries
                    if entry.population >= _AMBIGUITY_SHARE * biggest
                }
                if len(countries) == 1:
                    vote = (fold(mention.text), countries.pop())
            votes.append(vote)
        focus = []
        for vote in votes:
            evidence = dict(strong)
            # Repeating a name is no new evidence: the toponym's own name
            # never votes for it.
            for name, code in {other for other in votes if other is not None}:
                if vote is None or name != vote[0]:
                    evidence[code] = evidence.get(code, 0.0) + _FOCUS_UNAMBIGUOUS
            strong_countries = frozenset(code for code, weight in evidence.items() if weight > 0)
            strong_total = sum(evidence.values())
            for code, weight in weak.items():
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
    ) -> float:
        score = _W_FOCUS * focus.shares.get(entry.country_code, 0.0)
        score += _W_POPULATION * _population_score(entry)
        if entry.admin1 is not None and entry.feature != COUNTRY:
            key = (entry.country_code, entry.admin1)
            if key in admin_local and entry.feature != ADMIN1:
                score += _W_ADMIN_LOCAL
            elif key in admin_article and entry.feature != ADMIN1:
                score += _W_ADMIN_ARTICLE
        if mention.kind_hint is not None:
            if entry.feature == mention.kind_hint:
                score += _W_KIND
            elif mention.kind_hint == POPULATED_PLACE or entry.feature == COUNTRY:
                score -= _W_KIND
        elif entry.feature == ADMIN1:
            score -= _ADMIN_PENALTY
        if light_fold(entry.name) == light_fold(mention.text):
            score += _W_EXACT
        elif fold(entry.name) == fold(mention.text):
            score += _W_KEY
        if loose:
            score -= _LOOSE_PENALTY
        return score

    @staticmethod
    def _plausible(mention: ToponymMention, entry: GazetteerEntry, focus: _Focus) -> bool:
        """A small place abroad, when the article is clearly about another
        country, is far more often a local place missing from the gazetteer
        than a real reference: accept only a big city written as GeoNames
        writes it, or a very big one. Demonyms alone ("Saudi-led") never make
        an article clearly about a country."""
        if entry.feature != POPULATED_PLACE or entry.country_code in focus.strong_countries:
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
    ) -> Place | None:
        entries = found.entries
        if found.loose:
            # The vowel-blind key is only trusted inside the article's countries.
            entries = tuple(
                entry for entry in entries if focus.shares.get(entry.country_code, 0.0) >= 0.2
            )
        if not entries:
            return None
        scored = sorted(
            (
                (self._score(mention, entry, focus, admin_article, admin_local, found.loose), entry)
                for entry in entries
            ),
            key=lambda pair: (-pair[0], -pair[1].population),
        )
        best_score, best = scored[0]
        if not self._plausible(mention, best, focus):
            return None
        # Confidence is the lead over the best *other* place: an admin1 unit
        # seated in the town of the same name is not a rival.
        rivals = [
            score for score, entry in scored[1:] if _distance_km(entry, best) > _SAME_PLACE_KM
        ]
        margin = best_score - rivals[0] if rivals else _NO_RIVAL_MARGIN
        return Place(
            name=best.name,
            latitude=best.latitude,
            longitude=best.longitude,
            country=best.country,
            country_code=best.country_code,
            admin1=best.admin1,
            feature=best.feature,
            geonameid=best.geonameid,
            population=best.population,
            geo_precision=_precision(mention, best, found.part),
            matched_text=mention.text,
            start=mention.start,
            end=mention.end,
            score=round(1.0 - math.exp(-max(margin, 0.0)), 3),
        )

    def resolve_article(
        self,
        mentions: Sequence[ToponymMention],
        *,
        text: str,
        country_hint: str | None = None,
    ) -> list[Place | None]:
        """One place (or None) per mention, in the same order."""
        candidates: list[_Candidates] = []
        for mention in mentions:
            try:
                candidates.append(self._candidates(mention))
            except GazetteerError:
                candidates.append(_Candidates((), loose=False))
        focus = self._country_focus(mentions, candidates, text, country_hint)
        admin_article, admin_local = self._admin_context(mentions, candidates, text)
        return [
            self._resolve_one(
                mention, found, focus[index], admin_article, admin_local.get(index, set())
            )
            for index, (mention, found) in enumerate(zip(mentions, candidates, strict=True))
        ]

    def resolve_name(
        self, name: str, *, country_hint: str | None = None, text: str = ""
    ) -> Place | None:
        """Resolve a single name written without context (no cue)."""
        mention = ToponymMention(name, 0, len(name))
        return self.resolve_article([mention], text=text, country_hint=country_hint)[0]
