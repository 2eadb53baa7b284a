"""Places for events: the toponyms of an article resolved once, the
article's country focus, and the place each event sentence is coded at."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.resolve import PlaceResolver
from frontwatch.geo.toponyms import country_hints, find_toponyms
from frontwatch.models import GEO_REGION, Place

# How many other admin1 regions an event coded at region level lists.
MAX_REGION_COMPANIONS = 3


class ArticlePlaces:
    """Article-level place work, with one resolver per pipeline."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolver = PlaceResolver(gazetteer)

    def locate(self, text: str, doc: Doc) -> list[Place]:
        """Every toponym of the article that resolves, in text order."""
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        mentions = find_toponyms(text, entities, self.gazetteer)
        resolved = self.resolver.resolve_article(mentions, text=text)
        return [p for p in resolved if p is not None]

    def focus_country(self, text: str, located: Sequence[Place]) -> tuple[str | None, str | None]:
        """(ISO code, name) of the country the article is about."""
        votes: Counter[str] = Counter()
        names: dict[str, str] = {}
        for place in located:
            votes[place.country_code] += 2
            names[place.country_code] = place.country
        for code, count in country_hints(text).items():
            votes[code] += count
        if not votes:
            return None, None
        code = votes.most_common(1)[0][0]
        if code not in names:
            entry = self.gazetteer.country(code)
            names[code] = entry.country if entry else code
        return code, names[code]

    def region_place(self, located: Sequence[Place], country_code: str | None) -> Place | None:
        """The article's main admin1, for events whose sentence names no place."""
        admin1s = Counter(p.admin1 for p in located if p.admin1 and p.country_code == country_code)
        if not admin1s or country_code is None:
            return None
        name = admin1s.most_common(1)[0][0]
        entry = self.gazetteer.admin1(country_code, name)
        if entry is None:
            return None
        return Place(
            name=entry.name,
            latitude=entry.latitude,
            longitude=entry.longitude,
            country=entry.country,
            country_code=entry.country_code,
            admin1=entry.admin1 or entry.name,
            feature="admin1",
            geonameid=entry.geonameid,
            population=entry.population,
            geo_precision=GEO_REGION,
            matched_text="",
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
    # The most precise place first: a town before its province.
    inside.sort(key=lambda p: (p.geo_precision, p.start or 0))
    main = inside[0]
    return main, tuple(p for p in inside[1:] if p.name != main.name)


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
