"""Choose, for each toponym of an article, the gazetteer place it means.

Candidates are ranked (:mod:`frontwatch.geo.resolve_rank`) by what the
article says about where it is (:mod:`frontwatch.geo.resolve_context`): the
country it is about (the caller's hint, countries named or implied by
demonyms, countries of toponyms that can only be in one country), the admin1
units it names ("al-Sukhna town in Homs province"), the places its other
toponyms lie at, then population and importance, the kind of place the text
asks for ("Homs province" is the region, not the city) and how exactly the
name matches. Toponyms are resolved twice: the second time each sees where
the others were first placed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import replace

from frontwatch.errors import GazetteerError
from frontwatch.geo.abbreviations import region_abbreviation
from frontwatch.geo.containers import ContainerLink, chain_order, container_links
from frontwatch.geo.country_words import demonym_country
from frontwatch.geo.cues import FACILITY_AFTER, RURAL_CUES
from frontwatch.geo.datelines import DATELINE
from frontwatch.geo.distance import distance_km
from frontwatch.geo.front_lines import FrontLine, beside_the_line, front_village, lines_of
from frontwatch.geo.gazetteer import Gazetteer, GazetteerEntry
from frontwatch.geo.landmarks import landmark
from frontwatch.geo.names import ARABIC_ARTICLES, fold
from frontwatch.geo.resolve_context import (
    SMALL_TOWN,
    Anchor,
    Candidates,
    Focus,
    admin_context,
    bare_districts,
    country_focus,
)
from frontwatch.geo.resolve_rank import (
    ACROSS_LINE_KM,
    CLEAR_FOCUS_WEIGHT,
    REGIONS,
    Evidence,
    best_place,
    holds,
    in_unit,
    matching_name,
    most_important,
    seated_regions,
    supported,
    within,
)
from frontwatch.geo.toponyms import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    POPULATED_PLACE,
    ToponymMention,
    is_demonym,
)
from frontwatch.models import GEO_EXACT, GEO_REGION, Place

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
# "Republic of Armenia", "the Kingdom of Morocco": the country.
_STATE_OF = re.compile(
    r"(?:the\s+)?(?:Republic|Kingdom|State|Commonwealth|Federation|Sultanate|Emirate|"
    r"Principality|Grand\s+Duchy)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "North London", "Greater Toronto": a part of a place.
_PART_OF = re.compile(
    r"(?:Greater|Upper|Lower|Central|Inner|Outer|Northern|Southern|Eastern|Western|North|South|"
    r"East|West|North-?(?:east|west)(?:ern)?|South-?(?:east|west)(?:ern)?)\s+",
    re.IGNORECASE,
)
# A toponym first read as a region: its folded name, the folded name of the
# region (they differ where a unit stands in for a place it holds), the region.
_Read = tuple[str, str, tuple[str, str]]
# Places another toponym may be resolved near: towns and districts, not
# the regions and countries that hold them.
_ANCHOR_FEATURES = frozenset({POPULATED_PLACE, ADMIN2})


def facility_word(word: str) -> bool:
    """Whether a word names a facility ("Street", "Hospital", "Airport")."""
    return _FACILITY.fullmatch(word) is not None


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def _candidates(self, mention: ToponymMention, *, units: bool = False) -> Candidates:
        """The gazetteer entries a toponym may mean; ``units`` adds the
        districts of that name (asked for by the text or by its place as
        the unit another place lies in)."""
        name = mention.text.strip()
        seat = landmark(name)
        if seat is not None:
            # "outside the White House": beside the town it stands in.
            towns = [
                entry
                for entry in self.gazetteer.lookup(seat.town)
                if entry.feature == POPULATED_PLACE
                and entry.country_code == seat.country_code
                and seat.admin1 in (None, entry.admin1)
            ]
            town = most_important(towns)
            return Candidates((town,) if town is not None else (), loose=False, part=True)
        if is_demonym(name) and mention.kind_hint == ADMIN1:
            # "the Somali region": the region of that people's name.
            regions = [e for e in self.gazetteer.lookup(name) if e.feature == ADMIN1]
            return Candidates(tuple(regions), loose=False)
        if is_demonym(name):
            # "Syrian" is a place only where the caller says it stands for
            # the country (a gold span, a geoparser that reports demonyms).
            code = demonym_country(name) if mention.kind_hint == COUNTRY else None
            country = self.gazetteer.country(code) if code is not None else None
            return Candidates((country,) if country is not None else (), loose=False)
        abbreviation = region_abbreviation(name)
        if abbreviation is not None:
            region = self.gazetteer.admin1(*abbreviation)
            return Candidates((region,) if region is not None else (), loose=False)
        if mention.cue in RURAL_CUES:
            # "rural Damascus", "the Damascus countryside": where a province
            # is called so (Syria's Rural Damascus), that province.
            rural = [e for e in self.gazetteer.lookup(f"Rural {name}") if e.feature == ADMIN1]
            if rural:
                return Candidates(tuple(rural), loose=False)
        entries = self.gazetteer.lookup(name)
        shorter = _GENERIC_TAIL.sub("", name)
        if not entries and shorter != name:
            entries = self.gazetteer.lookup(shorter)
        if units or mention.kind_hint == ADMIN2:
            entries += self.gazetteer.lookup_admin2(name) or self.gazetteer.lookup_admin2(shorter)
        districts = (
            tuple(bare_districts(name, entries, self.gazetteer.lookup_admin2(name)))
            if mention.kind_hint is None and not units
            else ()
        )
        if mention.kind_hint == COUNTRY:
            country = self.gazetteer.country(name)
            if country is not None and country not in entries:
                entries.append(country)
        # The villages and quarters of the name that the gazetteer lacks
        # (GeoNames' postal places; see _resolve_one for when they count).
        localities = tuple(self.gazetteer.lookup_locality(name))
        if entries or localities or districts:
            return Candidates(
                tuple(entries), loose=False, localities=localities, districts=districts
            )
        if len(_CONSONANTS.findall(fold(name))) < _MIN_LOOSE_CONSONANTS:
            # The vowel-blind key of a short name matches too much ("Oahu"
            # is not "Ohio").
            return Candidates((), loose=False)
        loose = self.gazetteer.lookup_loose(name)
        if loose:
            return Candidates(tuple(loose), loose=True)
        # A designated unit is that unit ("West Medan district"), not a part of another.
        qualified = None if mention.kind_hint in (ADMIN1, ADMIN2) else self._qualified_place(name)
        return qualified or self._leading_place(name)

    def _qualified_place(self, name: str) -> Candidates | None:
        """'Republic of Armenia' is Armenia; 'North London', 'Greater
        Toronto', 'Eastern Ghouta' name part of the place after the
        qualifier (when the gazetteer knows no place of the whole name)."""
        state = _STATE_OF.match(name)
        if state is not None and state.end() < len(name):
            entries = self.gazetteer.lookup(name[state.end() :])
            if entries:
                return Candidates(tuple(entries), loose=False)
        part = _PART_OF.match(name)
        if part is not None and part.end() < len(name):
            entries = self.gazetteer.lookup(name[part.end() :])
            if entries:
                return Candidates(tuple(entries), loose=False, part=True)
        return None

    def _leading_place(self, name: str) -> Candidates:
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
                return Candidates(tuple(entries), loose=False, part=True)
        return Candidates((), loose=False)

    def _resolve_one(
        self,
        mention: ToponymMention,
        found: Candidates,
        evidence: Evidence,
        *,
        unit: Place | None = None,
        firm: bool = False,
        fronts: Sequence[Place] = (),
        lines: Sequence[FrontLine] = (),
    ) -> Place | None:
        """The place a toponym means. ``unit`` is the place of the unit it
        is written in ("Takalout (Kidal)"); ``firm`` says the text leaves no
        doubt that it lies there (brackets, or a region after a comma), so a
        namesake elsewhere is never taken: the unit stands in for it."""
        entries = found.entries
        if found.loose:
            # The vowel-blind key is only trusted inside the article's
            # countries; in an article that points to no country at all,
            # for the one big town it matches ("Nasriyah" is Nasiriyah).
            shares = evidence.focus.shares
            if shares:
                entries = tuple(e for e in entries if shares.get(e.country_code, 0.0) >= 0.2)
            else:
                big = [e for e in entries if e.population >= _LOOSE_ALONE_POPULATION]
                entries = tuple(big) if len(big) == 1 else ()
        # A village known only from the postal places needs the article's
        # support: its region named, or another of its places nearby. Alone
        # it is as likely a common word or a namesake ("Comunidad").
        entries += tuple(e for e in found.localities if supported(e, evidence))
        entries += tuple(d for d in found.districts if evidence.focus.shares.get(d.country_code))
        entries = beside_the_line(entries, fronts, lines)
        if unit is not None:
            inside = tuple(entry for entry in entries if within(entry, unit))
            if inside:
                # Written with its unit, a small place is not less likely
                # than a big namesake elsewhere.
                pinned = replace(evidence, top=None)
                return best_place(mention, inside, pinned, part=found.part, pinned=True)
            if firm or not entries:
                return in_unit(mention, unit)
        if fronts and unit is None:
            front = front_village(mention, entries, fronts, evidence, part=found.part)
            if front is not None:
                return front
        if not entries:
            return None
        if mention.cue == DATELINE:
            # A dateline city stands alone only when it is well known: the
            # most important place of the name, whatever the story is about.
            towns = [entry for entry in entries if entry.feature == POPULATED_PLACE] or entries
            top = most_important(towns)
            entries = (top,) if top is not None else entries
        place = best_place(mention, entries, evidence, part=found.part, pinned=False)
        if unit is not None and (place is None or not _beside(place, unit)):
            return in_unit(mention, unit)
        return place

    def _country_codes(self, countries: Sequence[str]) -> list[str]:
        codes = []
        for country in countries:
            try:
                entry = self.gazetteer.country(country)
            except GazetteerError:
                entry = None
            if entry is not None:
                codes.append(entry.country_code)
        return codes

    def _region_keys(self, regions: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
        return {
            (code, region) for country, region in regions for code in self._country_codes([country])
        }

    def _fronts(self, regions: Sequence[tuple[str, str]]) -> list[Place]:
        """The admin1 regions of the front-bound actors named, in the order
        their data lists them (the front's main region first)."""
        fronts: list[Place] = []
        for country, region in regions:
            for code in self._country_codes([country]):
                with contextlib.suppress(GazetteerError):
                    entry = self.gazetteer.admin1(code, region)
                    if entry is not None and all(f.name != entry.name for f in fronts):
                        fronts.append(region_place(entry, score=1.0))
        return fronts

    def _can_be_region(self, mention: ToponymMention, found: Candidates, text: str = "") -> bool:
        if mention.kind_hint in REGIONS or _UNIT_AFTER.match(text, mention.end):
            return True
        if not found.loose and any(entry.feature in REGIONS for entry in found.entries):
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
        actor_countries: Sequence[str] = (),
    ) -> list[Place | None]:
        """One place (or None) per mention, in the same order."""
        return self.resolve_with_units(
            mentions, text=text, country_hint=country_hint, actor_countries=actor_countries
        )[0]

    def resolve_with_units(
        self,
        mentions: Sequence[ToponymMention],
        *,
        text: str,
        country_hint: str | None = None,
        actor_countries: Sequence[str] = (),
        actor_regions: Sequence[tuple[str, str]] = (),
        home_countries: Sequence[str] = (),
    ) -> tuple[list[Place | None], frozenset[int]]:
        """One place (or None) per mention, and the indexes of the mentions
        that name the unit another place is written in ("Kidal" of
        "Takalout (Kidal)"). ``actor_countries`` are the countries (names or
        ISO codes) of the actors the article names, one per actor: weak
        evidence of where it is ("Hezbollah" says Lebanon).
        ``home_countries`` (ISO codes): the home of the outlet, one per
        outlet, as weak, but a sign that a name spelled otherwise abroad is
        a local place the gazetteer lacks."""
        order = sorted(range(len(mentions)), key=lambda index: mentions[index].start)
        ordered = [mentions[index] for index in order]
        candidates: list[Candidates] = []
        for mention in ordered:
            try:
                candidates.append(self._candidates(mention))
            except GazetteerError:
                candidates.append(Candidates((), loose=False))
        links = container_links(
            text,
            ordered,
            lambda index: self._can_be_region(ordered[index], candidates[index], text),
        )
        # A country lies in no unit ("in Russia, U.S. officials said" is no
        # Russia in the United States).
        links = {
            inner: link
            for inner, link in links.items()
            if not any(entry.feature == COUNTRY for entry in candidates[inner].entries)
        }
        outers = {link.outer for link in links.values()}
        open_outers = outers - {link.outer for link in links.values() if link.bracketed}
        # Units and the places written in them may be districts: "Nihm
        # (Sanaa)", "Tokabangou (Markoye, Oudalan)".
        for index in outers | set(links):
            with contextlib.suppress(GazetteerError):
                candidates[index] = self._candidates(ordered[index], units=True)
        focus = country_focus(
            ordered,
            candidates,
            text,
            country_hint,
            self._country_codes(actor_countries),
            home_countries=home_countries,
        )
        admin_article, admin_local = admin_context(ordered, candidates, text)
        # A front-bound actor's regions count as regions the article names.
        admin_article = admin_article | self._region_keys(actor_regions)
        fronts = self._fronts(actor_regions)
        lines = lines_of(fronts)
        keys = [fold(mention.text) for mention in ordered]
        tops = [
            None if found.loose else most_important(matching_name(mention, found.entries))
            for mention, found in zip(ordered, candidates, strict=True)
        ]
        seated = [seated_regions(found.entries) for found in candidates]

        def evidence(index: int, anchors: Sequence[Anchor], read: Sequence[_Read]) -> Evidence:
            # A region another name was read as is context; one of the same
            # name is not ("Katsina" the state for "Katsina" the district).
            regions = admin_article | {
                region for key, name, region in read if keys[index] not in (key, name)
            }
            return Evidence(
                focus=focus[index],
                admin_article=regions,
                admin_local=admin_local.get(index, set()),
                anchors=tuple(a for a in anchors if keys[index] not in (a.key, a.place_key)),
                loose=candidates[index].loose,
                container=index in outers,
                open_container=index in open_outers,
                top=tops[index],
                seated=seated[index],
            )

        # A unit is read as the one that holds a place of the name written
        # in it: the Niger of "Bida (Niger)" is Nigeria's Niger state.
        held = [
            _holding(
                ordered[index],
                found,
                [candidates[i] for i, link in links.items() if link.outer == index],
            )
            for index, found in enumerate(candidates)
        ]

        def resolve_all(
            anchors: Sequence[Anchor], read: Sequence[_Read]
        ) -> dict[int, Place | None]:
            resolved: dict[int, Place | None] = {}
            for index in chain_order(len(ordered), links):
                link: ContainerLink | None = links.get(index)
                unit = resolved.get(link.outer) if link is not None else None
                place = self._resolve_one(
                    ordered[index],
                    held[index],
                    evidence(index, anchors, read),
                    unit=unit,
                    firm=_firm(link, unit, candidates[index]),
                    fronts=fronts,
                    lines=lines,
                )
                place = _as_quarter(place, unit, link)
                if place is not None and _facility_named_abroad(
                    text, ordered[index], place, focus[index]
                ):
                    place = None
                resolved[index] = place
            return resolved

        # First each toponym alone, then each beside where the others lie
        # and with the regions they were read as ("Iowa" that could have
        # been a town).
        first = resolve_all((), ())
        anchors = [
            Anchor(keys[i], fold(p.name), p.latitude, p.longitude, p.country_code, p.admin1)
            for i, p in first.items()
            if p is not None and p.feature in _ANCHOR_FEATURES
        ]
        read = [
            (keys[i], fold(p.name), (p.country_code, p.admin1))
            for i, p in first.items()
            if p is not None and p.feature == ADMIN1 and p.admin1 is not None
        ]
        resolved = resolve_all(anchors, read) if anchors or read else first
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


def _facility_named_abroad(text: str, mention: ToponymMention, place: Place, focus: Focus) -> bool:
    """A road or building named after a town abroad ("the Palma bridge" in
    a story that is clearly about Lebanon, "the Damascus highway" in one
    about Beirut alone) names no place of the story: the town lies in a
    country nothing else in the article points to, not even a demonym or an
    actor ("Kabul airport" in a story of "US and Afghan officials" is
    Kabul's)."""
    return (
        FACILITY_AFTER.match(text, mention.end) is not None
        and focus.strong_total >= CLEAR_FOCUS_WEIGHT
        and focus.shares.get(place.country_code, 0.0) == 0.0
    )


def _beside(place: Place, unit: Place) -> bool:
    """Whether a place found for a name written with its unit may be in it:
    the same country, or a part of the town across a line (see
    ``ACROSS_LINE_KM``)."""
    if place.country_code == unit.country_code:
        return True
    return unit.feature != COUNTRY and distance_km(place, unit) <= ACROSS_LINE_KM


def _as_quarter(
    place: Place | None, unit: Place | None, link: ContainerLink | None
) -> Place | None:
    """A quarter the gazetteer lacks, written as a part of its town ("the X
    neighbourhood of Douala"), placed at the town: the town itself, as
    ACLED codes a quarter (precision 1), not somewhere near it."""
    if place is None or unit is None or link is None or not link.part:
        return place
    if unit.feature == POPULATED_PLACE and (place.latitude, place.longitude) == (
        unit.latitude,
        unit.longitude,
    ):
        return replace(place, geo_precision=GEO_EXACT)
    return place


def _holding(mention: ToponymMention, unit: Candidates, inner: Sequence[Candidates]) -> Candidates:
    """A unit's candidates in the countries where one of them holds a
    candidate of a place written in it, when there are such (else all of
    them): the unit says which country, the ranking which unit of it.
    Only districts and towns of some size count: a hamlet of the name
    abroad says nothing of the unit (Bolivia's El Alto is missing from
    cities500, an Argentine hamlet is not). A name the text asks for as a
    province stays a province."""
    places = [
        entry
        for found in inner
        if not found.loose
        for entry in found.entries
        if entry.feature != POPULATED_PLACE or entry.population >= SMALL_TOWN
    ]
    if not places or unit.loose:
        return unit
    countries = {e.country_code for e in unit.entries if any(holds(e, p) for p in places)}
    holding = tuple(e for e in unit.entries if e.country_code in countries)
    if not holding or len(holding) == len(unit.entries):
        return unit
    if mention.kind_hint == ADMIN1 and all(e.feature != ADMIN1 for e in holding):
        return unit  # "X, Hidalgo" written as the state stays the state
    return replace(unit, entries=holding)


def region_place(entry: GazetteerEntry, *, feature: str = ADMIN1, score: float = 0.0) -> Place:
    """A country or admin1 entry as a place known only to that region."""
    return Place(
        name=entry.name,
        latitude=entry.latitude,
        longitude=entry.longitude,
        country=entry.country,
        country_code=entry.country_code,
        admin1=(entry.admin1 or entry.name) if feature == ADMIN1 else None,
        feature=feature,
        geonameid=entry.geonameid,
        population=entry.population,
        geo_precision=GEO_REGION,
        score=score,
    )


# A loose match trusted with no country evidence: a town at least this big,
# the only one the vowel-blind key finds.
_LOOSE_ALONE_POPULATION = 100_000
_CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxz]")
_MIN_LOOSE_CONSONANTS = 3


def _firm(link: ContainerLink | None, unit: Place | None, found: Candidates) -> bool:
    """Whether the text leaves no doubt that a place lies in its unit: "X
    (Kidal)", "X district, Balkh", "Orikhove, Luhansk", whatever its
    namesakes. "Homs, Hama" may list two provinces' capitals: a name that
    is itself a province's or a country's is free (a municipality's is not:
    "Monterrey, Hidalgo" is no city of Nuevo Leon)."""
    if link is None:
        return False
    if link.bracketed or link.designated:
        return True
    if unit is None or unit.feature not in REGIONS:
        return False
    features = {entry.feature for entry in found.entries}
    if features & {ADMIN1, COUNTRY}:
        return False
    # A municipality's name ("Calgary, Saskatoon, Winnipeg") is pinned only
    # by a province or a country, not by another municipality of a list.
    return ADMIN2 not in features or unit.feature in (ADMIN1, COUNTRY)
