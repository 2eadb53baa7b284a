"""Places for events: the toponyms of an article resolved once, the
article's country focus, and the place each event sentence is coded at."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.metonyms import capital_as_government
from frontwatch.geo.resolve import PlaceResolver, region_place
from frontwatch.geo.toponyms import (
    country_mentions,
    find_toponyms,
    is_near_cue,
)
from frontwatch.models import GEO_EXACT, GEO_REGION, Place

# How many other admin1 regions an event coded at region level lists.
MAX_REGION_COMPANIONS = 3

# Votes for the country an article is about.
_PLACE_VOTE = 2.0  # per resolved place of the article
_NAMED_VOTE = 1.0  # per naming of the country ("in Syria")
_DEMONYM_VOTE = 0.5  # per demonym or modifier ("Syrian", "US-backed")
_ACTOR_VOTE = 1.5  # per actor of the article that belongs to the country
_VOTE_CAP = 3  # at most this many namings of one country count

# Cues that say where an event took place, and cues that name where it came
# from or went to ("shelled from Syria", "marched towards the capital").
_LOCATIVE_CUES = frozenset(
    {"in", "at", "inside", "into", "province", "district", "rural", "countryside", "area"}
)
_PASSING_CUES = frozenset({"from", "to", "toward", "towards", "via", "between"})


@dataclass(frozen=True, slots=True)
class PlaceNote:
    """What the text says around a located place."""

    cue: str | None  # "in", "near", "from", ... (see ``toponyms``)
    unit: bool  # it names the unit another place is written in ("Kidal" of "Takalout (Kidal)")


class LocatedPlaces(list[Place]):
    """The resolved places of an article in text order, usable as a plain
    list, with a :class:`PlaceNote` per place start offset for choosing the
    place of an event (see :func:`sentence_places`)."""

    def __init__(self, places: Iterable[Place], notes: dict[int, PlaceNote]) -> None:
        super().__init__(places)
        self.notes = notes


class ArticlePlaces:
    """Article-level place work, with one resolver per pipeline."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer)

    def locate(
        self,
        text: str,
        doc: Doc,
        *,
        actor_countries: Sequence[str] = (),
        actor_regions: Sequence[tuple[str, str]] = (),
        home_countries: Sequence[str] = (),
    ) -> list[Place]:
        """Every toponym of the article that resolves, in text order (a
        :class:`LocatedPlaces`). ``actor_countries``: the countries (names
        or ISO codes) of the actors the article names, one per actor, weak
        evidence of where its places are ("Hezbollah": Lebanon);
        ``home_countries``: the outlet's (ISO codes, see
        :func:`frontwatch.geo.outlets.outlet_countries`)."""
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        # "Moscow said ...": the government, not a place of the story.
        mentions = [
            mention
            for mention in find_toponyms(
                text, entities, self.gazetteer, unpinned=bool(actor_regions)
            )
            if not capital_as_government(text, mention.start, mention.end, self.gazetteer)
        ]
        resolved, units = self.resolver.resolve_with_units(
            mentions,
            text=text,
            actor_countries=actor_countries,
            actor_regions=actor_regions,
            home_countries=home_countries,
        )
        places: list[Place] = []
        notes: dict[int, PlaceNote] = {}
        for index, (mention, place) in enumerate(zip(mentions, resolved, strict=True)):
            if place is None:
                continue
            places.append(place)
            notes[mention.start] = PlaceNote(cue=mention.cue, unit=index in units)
        return LocatedPlaces(places, notes)

    def focus_country(
        self, text: str, located: Sequence[Place], *, actor_countries: Sequence[str] = ()
    ) -> tuple[str | None, str | None]:
        """(ISO code, name) of the country the article is about.

        ``actor_countries`` are the countries (names or ISO codes) of the
        actors the article names: "the Houthis" say Yemen where no place
        does.
        """
        votes: dict[str, float] = defaultdict(float)
        names: dict[str, str] = {}
        for place in located:
            # A country named is counted below with the other namings ("US
            # officials" says little about where things happen); the
            # places inside a country are what place the story.
            if place.feature != "country":
                votes[place.country_code] += _PLACE_VOTE
            names[place.country_code] = place.country
        named, demonyms = country_mentions(
            text,
            [
                (p.start, p.end, frozenset({p.country_code}))
                for p in located
                if p.start is not None and p.end is not None
            ],
        )
        for code, count in named.items():
            votes[code] += _NAMED_VOTE * min(count, _VOTE_CAP)
        for code, count in demonyms.items():
            votes[code] += _DEMONYM_VOTE * min(count, _VOTE_CAP)
        # Like namings, at most _VOTE_CAP actors of one country count: a
        # story about a US strike in Kabul names "US officials", "US forces"
        # and "the US military" without moving to the United States.
        actor_votes: Counter[str] = Counter()
        for country in actor_countries:
            entry = self.gazetteer.country(country)
            if entry is not None and actor_votes[entry.country_code] < _VOTE_CAP:
                actor_votes[entry.country_code] += 1
                votes[entry.country_code] += _ACTOR_VOTE
                names.setdefault(entry.country_code, entry.country)
        if not votes:
            return None, None
        code = max(votes, key=lambda country: votes[country])
        if code not in names:
            entry = self.gazetteer.country(code)
            names[code] = entry.country if entry else code
        return code, names[code]

    def region_place(self, located: Sequence[Place], country_code: str | None) -> Place | None:
        """Where an event is coded when its sentence names no place: the
        article's main admin1, else the country itself; in the country of
        the article's places when the focus country has none."""
        if country_code is None:
            return None
        # The story's places outvote who acts and is named: a US strike in
        # Kabul, told through US officials, happened in Afghanistan.
        place_countries = Counter(p.country_code for p in located if p.feature != "country")
        if place_countries and country_code not in place_countries:
            country_code = place_countries.most_common(1)[0][0]
        admin1s = Counter(p.admin1 for p in located if p.admin1 and p.country_code == country_code)
        if admin1s:
            entry = self.gazetteer.admin1(country_code, admin1s.most_common(1)[0][0])
            if entry is not None:
                return region_place(entry, feature="admin1")
        country = self.gazetteer.country(country_code)
        return region_place(country, feature="country") if country is not None else None


def _rank(place: Place, note: PlaceNote | None) -> tuple[int, int, int, int, int]:
    """Sort key of the places of an event sentence, best first: not a place
    passed through or the unit of another place; a place before a region; a
    place the text says the event is in or near; the most precise; the first."""
    cue = note.cue if note is not None else None
    aside = note is not None and (note.unit or cue in _PASSING_CUES)
    locative = cue in _LOCATIVE_CUES or is_near_cue(cue)
    return (
        int(aside),
        int(place.geo_precision >= GEO_REGION),
        0 if locative else 1,
        place.geo_precision,
        place.start or 0,
    )


def sentence_places(
    located: Sequence[Place], *, start: int, end: int, excluded: Sequence[tuple[int, int]] = ()
) -> tuple[Place | None, tuple[Place, ...]]:
    """The place an event in text[start:end] is coded at, and the others the
    sentence names. ``excluded`` spans (the claim source: "a Britain-based
    monitor") hold no event place."""
    inside = [
        p
        for p in located
        if p.start is not None
        and start <= p.start < end
        and not any(s <= p.start < e for s, e in excluded)
        and p.feature != "country"
    ]
    if not inside:
        return None, ()
    notes = located.notes if isinstance(located, LocatedPlaces) else {}
    inside.sort(key=lambda p: _rank(p, notes.get(p.start or 0)))
    main = inside[0]
    return main, tuple(p for p in inside[1:] if p.name != main.name)


def place_told_before(
    located: Sequence[Place], sentence: Span, text: str, region: Place | None
) -> tuple[Place | None, tuple[Place, ...]]:
    """Where a statement that names no place happened: the town (precision
    1) that the nearest sentence before it, in its paragraph, that names a
    place puts something in ("in", "at": "In Barra Mansa, police went to a
    neighbourhood. Gunmen fired at them."), as an undated sentence takes the
    date told before it. A region, a place passed through or only near,
    nothing there, or a town outside the article's ``region`` (a quarter
    read as a namesake elsewhere): (None, ()), and the event goes to the
    region."""
    start = sentence.start_char
    paragraph = text.rfind("\n\n", 0, start) + 1
    notes = located.notes if isinstance(located, LocatedPlaces) else {}
    for told in reversed(list(sentence.doc.sents)):
        if told.end_char > start:
            continue
        if told.start_char < paragraph:
            break
        place, others = sentence_places(located, start=told.start_char, end=told.end_char)
        if place is None:
            continue
        note = notes.get(place.start or 0)
        told_in = note is not None and note.cue in _LOCATIVE_CUES and not note.unit
        if place.geo_precision != GEO_EXACT or not told_in or not _in_region(place, region):
            return None, ()
        return place, others
    return None, ()


def _in_region(place: Place, region: Place | None) -> bool:
    if region is None:
        return True
    if place.country_code != region.country_code:
        return False
    return region.feature == "country" or place.admin1 == region.admin1


def region_companions(located: Sequence[Place], region: Place) -> tuple[Place, ...]:
    """Other admin1 regions of the same country the article names, for an
    event coded at region level ("the enclave extends into Hama province")."""
    return tuple(
        p
        for p in located
        if p.feature == "admin1"
        and p.country_code == region.country_code
        and p.admin1 != region.admin1
    )[:MAX_REGION_COMPANIONS]
