"""When are two reports the same event? The pairwise rules of merging.

Two reports (event statements from different articles) can be one event
when all of these hold: their event families are the same or compatible
(``data/merge.yaml``); their actors do not contradict each other (in either
order: "X captured the town" and "Y withdrew from it" are one event); their
places are the same, within 25 km, or, when one is imprecise, in the same
admin2 (or the imprecise one is only known to the other's admin1); and their
date spans overlap, given each one's precision. Two statements of one
article are one event only when they also give exactly the same date span:
an article repeats its event ("the army took Kidal on Tuesday ... the
capture was announced on Tuesday") with the same date, while two statements
with different dates in one article ("captured the enclave on Saturday";
"secured the town this month") are two events.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.taxonomy import EVENT_TYPE_OF
from frontwatch.geo.names import loose_key, unaccented
from frontwatch.merge.subplaces import finer_places, written_finer_name
from frontwatch.models import DAY, GEO_EXACT, GEO_NEAR, GEO_REGION, Actor, Event, Place
from frontwatch.yaml_data import load_yaml

STATE_FORCES = 1  # ACLED inter code
_REGION_FEATURES = frozenset({"country", "admin1", "admin2"})
_QUALIFIER = re.compile(r"\s*\([^)]*\)")
_POLICE = re.compile(r"^police\b", re.IGNORECASE)
_STATE_PREFIX = re.compile(
    r"^(?:military|police|government|navy|air force|special forces|forces)"
    r"(?: forces)? of (?:the )?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MergeRules:
    family_of_sub_event: Mapping[str, str]
    compatible_families: frozenset[frozenset[str]]
    family_of_territorial: Mapping[str, str]
    generic_actor_prefixes: tuple[str, ...]
    same_place_km: float
    region_families: frozenset[str]
    two_sided_families: frozenset[str]
    group_families: frozenset[str]
    copy_sentence_overlap: float
    toll_families: frozenset[str] = frozenset()
    small_toll: int = 0
    forces_apart: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def from_mapping(cls, data: Any, *, origin: str = "merge.yaml") -> MergeRules:
        if not isinstance(data, dict):
            raise ConfigError(f"{origin}: expected a mapping at the top level")
        try:
            families = data["families"]
            family_of: dict[str, str] = {}
            for family, subs in families.items():
                for sub in subs:
                    if sub not in EVENT_TYPE_OF:
                        raise ConfigError(f"{origin}: unknown sub-event type {sub!r}")
                    if sub in family_of:
                        raise ConfigError(f"{origin}: {sub!r} is in two families")
                    family_of[sub] = str(family)
            missing = sorted(set(EVENT_TYPE_OF) - set(family_of))
            if missing:
                raise ConfigError(f"{origin}: sub-event types without a family: {missing}")
            pairs = frozenset(frozenset(str(f) for f in pair) for pair in data["compatible"])
            territorial = {str(k): str(v) for k, v in data["territorial"].items()}
            forces_apart = frozenset(
                (str(armed), str(other)) for armed, other in data.get("forces_apart", [])
            )
            named = {f for pair in pairs for f in pair} | {f for pair in forces_apart for f in pair}
            for family in named | set(territorial.values()):
                if family not in families:
                    raise ConfigError(f"{origin}: unknown family {family!r}")
            return cls(
                family_of_sub_event=family_of,
                compatible_families=pairs,
                family_of_territorial=territorial,
                generic_actor_prefixes=tuple(str(p) for p in data["generic_actor_prefixes"]),
                same_place_km=float(data["same_place_km"]),
                region_families=_known(data["region_families"], families, origin),
                two_sided_families=_known(data["two_sided_families"], families, origin),
                group_families=_known(data["group_families"], families, origin),
                copy_sentence_overlap=float(data["copy_sentence_overlap"]),
                toll_families=_known(data["toll_families"], families, origin),
                small_toll=int(data["small_toll"]),
                forces_apart=forces_apart,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{origin}: malformed merge rules ({exc!r})") from exc


def _known(names: Any, families: Mapping[str, Any], origin: str) -> frozenset[str]:
    found = frozenset(str(n) for n in names)
    unknown = sorted(found - set(families))
    if unknown:
        raise ConfigError(f"{origin}: unknown families {unknown}")
    return found


@cache
def load_rules() -> MergeRules:
    text = resources.files("frontwatch.data").joinpath("merge.yaml").read_text("utf-8")
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"merge.yaml: {exc}") from exc
    return MergeRules.from_mapping(data)


def article_of(event: Event) -> str:
    """The article a report was extracted from (its first source)."""
    return event.provenance[0].article_id


def family(event: Event, rules: MergeRules | None = None) -> str:
    rules = rules or load_rules()
    if event.territorial is not None and event.territorial in rules.family_of_territorial:
        return rules.family_of_territorial[event.territorial]
    return rules.family_of_sub_event.get(event.sub_event_type, "other")


def families_compatible(a: str, b: str, rules: MergeRules | None = None) -> bool:
    rules = rules or load_rules()
    return a == b or frozenset((a, b)) in rules.compatible_families


def km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def place_identity(place: Place) -> str:
    if place.geonameid is not None:
        return f"geonames:{place.geonameid}"
    return f"{place.name}|{place.country_code}|{place.feature}"


def is_region(place: Place) -> bool:
    """Only a region (country, admin1, admin2) is known, not a town."""
    return place.feature in _REGION_FEATURES or place.geo_precision >= GEO_REGION


def places_compatible(a: Event, b: Event, rules: MergeRules | None = None) -> bool:
    """Are the two reports' places the same place, as far as can be told?

    - the same gazetteer place;
    - two towns within ``same_place_km``, when they have the same name, or
      one report is placed only *near* its town (geo precision 2) and its
      sentence names the other's town; two different towns a few km apart
      are two places (ACLED codes their events separately);
    - a town and a district that contains it (the same admin2), or the
      district named after the town and seated at it;
    - a report known only to a region (admin1, admin2 or country; two
      reports of the same region included): in a
      *sparse* family (``region_families``: captures are rare) any place in
      the region; otherwise only a place its sentence names, which the
      gazetteer missed: clashes and protests are dense, and one province has
      many on a day.
    """
    rules = rules or load_rules()
    pa, pb = a.place, b.place
    if pa is None or pb is None or pa.country_code != pb.country_code:
        return False
    # Two reports that each name a place finer than where the gazetteer put
    # them, and none in common ("Azizabad" and "Zawal", both coded to
    # Shindand district; "Colonia Los Pinos" and "Colonia San
    # Rafael", both in Morelia) name two places, whatever their common
    # region.
    finer_a, finer_b = finer_places(a), finer_places(b)
    if finer_a and finer_b and not finer_a & finer_b:
        return False
    # One report names a finer place, the other is in a town proper ("in
    # the city of Idleb" and "in the town of Zardana ... in Idleb"): two
    # places, unless the finer place is that town.
    if _town_beside_finer(pa, pb, finer_b) or _town_beside_finer(pb, pa, finer_a):
        return False
    sparse = {family(a, rules), family(b, rules)} <= rules.region_families
    if place_identity(pa) == place_identity(pb) and (sparse or not is_region(pa)):
        return True
    if not is_region(pa) and not is_region(pb):
        if km(pa, pb) > rules.same_place_km:
            return False
        # A report placed only near a town (geo precision 2: the gazetteer
        # took the reference city, "Douma, near Damascus") matches the town
        # its sentence names.
        # The named town must be the smaller one: "Spartak, 9 km north of
        # Donetsk" is placed at Spartak and names Donetsk as a reference,
        # which makes it no report of an event in Donetsk.
        near_named = any(
            place.geo_precision >= GEO_NEAR
            and other.population < place.population
            and _names(event, other)
            for event, place, other in ((a, pa, pb), (b, pb, pa))
        )
        return fold(pa.name) == fold(pb.name) or near_named
    if pa.admin2 and pb.admin2 and pa.admin2 == pb.admin2 and pa.admin1 == pb.admin1:
        return True
    region_event, region, other = (a, pa, pb) if is_region(pa) else (b, pb, pa)
    # A district named after its seat is the town's own district ("a
    # residential district of Kabul", coded to Kabul district, and "in
    # Kabul"); a province of a town's name is not ("Donetsk" oblast).
    if (
        region.feature == "admin2"
        and not is_region(other)
        and fold(region.name) == fold(other.name)
        and region.admin1 == other.admin1
        and km(region, other) <= rules.same_place_km
    ):
        return True
    # The region's sentence names the other report's town, which the
    # gazetteer missed here (not when the town has the region's name:
    # "Donetsk" may be either), and the town lies in the region: a report
    # misplaced in another province names the town in vain.
    if (
        not is_region(other)
        and _within(other, region)
        and loose_key(other.name) != loose_key(region.name)
        and _names(region_event, other)
    ):
        return True
    if not sparse or region.feature == "country":
        return False  # a country says nothing about where; the same day may (see below)
    if region.feature == "admin2":
        return other.admin2 is not None and fold(other.admin2) == fold(region.name)
    return region.admin1 is not None and region.admin1 == other.admin1


def _town_beside_finer(town: Place, other: Place, finer: frozenset[str]) -> bool:
    """Whether ``town`` is a town proper (exact precision) while the other
    report names finer places, none of which is it, that the gazetteer could
    only place near a town or in a region, or at a town as its quarter (a
    neighbourhood coded to the town itself, "Colonia Los Pinos, Saraqib",
    may be where the town's report happened)."""
    if not finer or is_region(town) or town.geo_precision != GEO_EXACT:
        return False
    if not is_region(other) and other.geo_precision < GEO_NEAR and not _quarter_of(other):
        return False
    names = {loose_key(n) for n in (town.name, town.matched_text) if n}
    return not names & finer


def _quarter_of(place: Place) -> bool:
    """Whether a report is coded at a town for a quarter of it the
    gazetteer lacks ("Lalcherra area of Khowai town": at Khowai, precision
    1, as ACLED codes a quarter)."""
    return place.feature == "populated place" and written_finer_name(place) is not None


def _within(place: Place, region: Place) -> bool:
    """Whether ``place`` lies in ``region`` (a country, admin1 or admin2),
    as far as their admin1 fields tell."""
    return region.feature == "country" or (
        region.admin1 is not None and region.admin1 == place.admin1
    )


def fold(text: str) -> str:
    """Lower case, no accents or punctuation: for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _names(event: Event, place: Place) -> bool:
    """Does the report's sentence name this place (as resolved elsewhere)?
    Not where the name is only the start of a longer one: "Saraqib-2" and
    "Kafr Amim-Jadida" are other villages than Saraqib and Kafr Amim, "the
    Saraqib Grain Silos" is no report from Saraqib, and "Idlib Governorate"
    names the province ("Aleppo City" names the city)."""
    sentence = unaccented(event.provenance[0].sentence)
    names = {fold(place.name), fold(place.matched_text)} - {""}
    # A name the report itself read as another place names that one: the
    # "(Idlib)" of "Saraqib district (Idlib)" is the province, not the city.
    names -= {
        fold(n)
        for other in event.other_places
        if place_identity(other) != place_identity(place)
        for n in (other.name, other.matched_text)
        if n
    }
    return any(
        re.search(_NAMED.format(_JOIN.join(map(re.escape, name.split()))), sentence, re.IGNORECASE)
        for name in names
    )


# A name in a sentence: not inside a word, nor joined by a hyphen to the
# next, nor followed by a capitalised word other than one saying it is a
# town ("Saraqib-2", "Saraqib Airport"). The name is matched ignoring case;
# the word after it is read as written.
_NAMED = r"(?<![\w-]){}(?![\w])(?!-\w)(?!\s+(?-i:(?!City\b|Town\b|Village\b)[A-Z]))"


_JOIN = r"[\s'’.-]+"  # between the words of a name: "Dar'a", "al-Bab", "St. Louis"



def dates_compatible(a: Event, b: Event) -> bool:
    """The spans overlap; an unresolved date is compatible with nothing."""
    if a.date.start is None or b.date.start is None:
        return False
    a_end = a.date.end or a.date.start
    b_end = b.date.end or b.date.start
    return a.date.start <= b_end and b.date.start <= a_end


def _span(event: Event) -> tuple[object, ...]:
    return (event.date.start, event.date.end, event.date.precision)


def actor_key(actor: Actor) -> str:
    """Who an actor is, ignoring the period or country qualifier ACLED adds:
    a state's army and government are one side ("government forces" and
    "the army" are one doer to two outlets); its police are another (ACLED
    codes police and military as two actors, and "a policeman was shot"
    and "a soldier was shot" in one town on one day are two events)."""
    bare = _QUALIFIER.sub("", actor.name)
    # A state's forces abroad are inter 8 (external) but the same side.
    if actor.inter == STATE_FORCES or _STATE_PREFIX.match(bare):
        country = actor.country or _STATE_PREFIX.sub("", bare)
        # A suffix after the period names a rival authority of the same
        # state ("... of Yemen (2016-) Supreme Political Council").
        suffix = actor.name.rsplit(")", 1)[1] if ")" in actor.name else ""
        branch = "|police" if _POLICE.match(bare) else ""
        return f"state:{country.strip().lower()}|{suffix.strip().lower()}{branch}"
    return bare.strip().lower()


def is_generic(actor: Actor, rules: MergeRules | None = None) -> bool:
    """An actor named only by what it is ("gunmen", "protesters"): it never
    contradicts a named one. Identity groups ("Health Workers (X)") are not
    generic: two protests by different groups are two events."""
    rules = rules or load_rules()
    return actor.name.startswith(rules.generic_actor_prefixes)


def _side(main: Actor | None, assoc: Sequence[Actor], rules: MergeRules) -> frozenset[str]:
    actors = ([main] if main else []) + list(assoc)
    return frozenset(actor_key(a) for a in actors if not is_generic(a, rules))


def _sides_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def actors_compatible(a: Event, b: Event, rules: MergeRules | None = None) -> bool:
    """No named actor on one side contradicts the other report, read in the
    same order or with the sides swapped. In ``group_families`` (protests,
    riots: many a day in one city, told apart by who demonstrates) the two
    reports must also name one group in common."""
    rules = rules or load_rules()
    a1 = _side(a.actor1, a.assoc_actors1, rules)
    a2 = _side(a.actor2, a.assoc_actors2, rules)
    b1 = _side(b.actor1, b.assoc_actors1, rules)
    b2 = _side(b.actor2, b.assoc_actors2, rules)
    if {family(a, rules), family(b, rules)} & rules.group_families and not ((a1 | a2) & (b1 | b2)):
        return False
    straight = _sides_agree(a1, b1) and _sides_agree(a2, b2)
    if straight:
        return True
    # Sides may be read the other way round only where the event has no
    # doer and target: two sides fighting, or a place changing hands ("X
    # took the town" / "Y withdrew from it"). "Turkey shelled" and "Syria
    # shelled" are two events.
    if not {family(a, rules), family(b, rules)} <= rules.two_sided_families:
        return False
    return _sides_agree(a1, b2) and _sides_agree(a2, b1)


def reports_compatible(a: Event, b: Event, rules: MergeRules | None = None) -> bool:
    """May these two reports be one event? (Symmetric.)"""
    rules = rules or load_rules()
    if article_of(a) == article_of(b) and _span(a) != _span(b):
        return False
    return (
        families_compatible(family(a, rules), family(b, rules), rules)
        and dates_compatible(a, b)
        and (places_compatible(a, b, rules) or _same_day_in_country(a, b, rules))
        and actors_compatible(a, b, rules)
        and not _tolls_differ(a, b, rules)
        and not _forces_and_civilians(a, b, rules)
    )


def _forces_and_civilians(a: Event, b: Event, rules: MergeRules) -> bool:
    """A fight in which a state's forces take part and a report that gives
    two sides, both unnamed (an attack on civilians by gunmen, a fight
    between two unnamed groups): two events (see ``forces_apart`` in
    merge.yaml)."""
    return any(
        (family(armed, rules), family(other, rules)) in rules.forces_apart
        and _two_unnamed_sides(other, rules)
        and any(
            not is_generic(actor, rules) and actor_key(actor).startswith("state:")
            for actor in _actors(armed)
        )
        for armed, other in ((a, b), (b, a))
    )


def _two_unnamed_sides(event: Event, rules: MergeRules) -> bool:
    """Both sides given, and every actor generic ("gunmen" and "civilians",
    two unnamed armed groups)."""
    return (
        event.actor1 is not None
        and event.actor2 is not None
        and all(is_generic(actor, rules) for actor in _actors(event))
    )


def _actors(event: Event) -> list[Actor]:
    actors = (event.actor1, event.actor2, *event.assoc_actors1, *event.assoc_actors2)
    return [actor for actor in actors if actor is not None]


def _tolls_differ(a: Event, b: Event, rules: MergeRules) -> bool:
    """Two killings by unnamed people, each with a small exact toll, not
    the same: two events (see ``toll_families`` in merge.yaml)."""
    if not {family(a, rules), family(b, rules)} <= rules.toll_families:
        return False
    tolls = [_exact_toll(event) for event in (a, b)]
    if None in tolls or tolls[0] == tolls[1] or max(t or 0 for t in tolls) > rules.small_toll:
        return False
    return all(is_generic(actor, rules) for event in (a, b) for actor in _actors(event))


def _exact_toll(event: Event) -> int | None:
    """The death toll a report states as one number, else None."""
    toll = event.fatalities
    if toll is None or (toll.low, toll.high) != (toll.count, toll.count):
        return None
    return toll.count


def _same_day_in_country(a: Event, b: Event, rules: MergeRules) -> bool:
    """In a sparse family, a report placed only in a country matches a report
    in that country when both give the same day."""
    if a.place is None or b.place is None or a.place.country_code != b.place.country_code:
        return False
    if not {family(a, rules), family(b, rules)} <= rules.region_families:
        return False
    if "country" not in (a.place.feature, b.place.feature):
        return False
    return a.date.precision == b.date.precision == DAY and a.date.start == b.date.start


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def sentence_overlap(a: str, b: str) -> float:
    """Share of the shorter sentence's words found in the other."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
