"""The words around a toponym that say what kind of place it is and how
precisely the text places something there: cues before it ("near", "west
of", "the province of"), designators after it ("Homs province", "the Idlib
countryside", "Andar district") and designators written inside a name
("Rural Damascus" stays whole, "Homs province" splits).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.geo.abbreviations import keeps_final_period
from frontwatch.geo.distance import distance_km
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.names import light_fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A town with "City" in its name and a place without it this close are one.
_SAME_TOWN_KM = 25.0

# kind hints
ADMIN1, ADMIN2, COUNTRY, POPULATED_PLACE = "admin1", "admin2", "country", "populated place"

_DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# Verbs before the place an event happened in: a place taken ("entered
# Izium") and a place struck ("drones hit Odesa").
_TAKEN_VERBS = (
    "entered", "captured", "recaptured", "retook", "retaken", "seized", "overran", "stormed",
    "liberated",
)  # fmt: skip
_STRUCK_VERBS = (
    "struck", "hit", "shelled", "bombed", "bombarded", "pounded", "attacked", "raided", "targeted",
)  # fmt: skip
# Cue phrases written before a toponym, longest first; group "cue" is the
# normalised cue that the resolver reads.
CUE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(,;]))(?P<cue>"
    r"on the outskirts of|outskirts of|in the vicinity of|vicinity of|close to|near|nearby|"
    r"areas? of|"
    r"outside of|outside|around|surroundings of|suburbs? of|"
    rf"(?:\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\s+)?{_DIRECTIONS}\s+of|"
    r"(?:(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western)\s+)?countryside of|rural|"
    r"province of|governorate of|region of|state of|district of|municipality of|county of|"
    r"commune of|city of|town of|village of|control of|"
    r"cent(?:er|re) of|heart of|capital of|streets of|(?:in\s+)?(?:central|downtown)|"
    rf"{'|'.join(_TAKEN_VERBS)}|{'|'.join(_STRUCK_VERBS)}|"
    r"in|at|into|inside|from|to|toward|towards|across|throughout|on|via|between|and"
    r")\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The last word of every cue phrase above: a window whose last word (before
# an optional "the") is none of these holds no cue, and the search, which
# tries every phrase at every word of the window, is skipped. A phrase added
# above needs its last word here (tests/test_geo_cues_prefilter.py checks).
_CUE_LAST_WORDS = frozenset(
    {
        "of",
        "to",
        "near",
        "nearby",
        "outside",
        "around",
        "rural",
        "in",
        "at",
        "into",
        "inside",
        "from",
        "toward",
        "towards",
        "across",
        "throughout",
        "on",
        "via",
        "between",
        "and",
        "central",
        "downtown",
        *_TAKEN_VERBS,
        *_STRUCK_VERBS,
    }
)


def cue_before(window: str) -> re.Match[str] | None:
    """``CUE_BEFORE.search(window)``, quicker: the window must end in white
    space after a word that can end a cue."""
    if not window or not window[-1].isspace():
        return None
    last, rest = _last_word(window.rstrip())
    if last == "the":
        last, _ = _last_word(rest.rstrip())
    if last not in _CUE_LAST_WORDS:
        return None
    return CUE_BEFORE.search(window)


def _last_word(text: str) -> tuple[str, str]:
    """The run of letters ending ``text`` (lower case) and what is before it."""
    start = len(text)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:].lower(), text[:start]


_CUE_NAMES = {
    "on the outskirts of": "outskirts of",
    "in the vicinity of": "vicinity of",
    "outside of": "outside",
    "nearby": "near",
    "close to": "near",
    "surroundings of": "near",
    "suburb of": "outskirts of",
    "suburbs of": "outskirts of",
    "area of": "area",
    # Within the place: "the centre of Nairobi", "in central Kharkiv".
    "center of": "in",
    "centre of": "in",
    "heart of": "in",
    "capital of": "in",
    "streets of": "in",
    "central": "in",
    "downtown": "in",
    "in central": "in",
    "in downtown": "in",
    "areas of": "area",
    # A place taken is where the event is: "entered Izium", "control of Bakhmut".
    "control of": "into",
    **dict.fromkeys(_TAKEN_VERBS, "into"),
    # A place struck is where the event is: "drones hit Odesa".
    **dict.fromkeys(_STRUCK_VERBS, "in"),
}
ADMIN_WORDS = r"province|governorate|oblast|state|region|wilaya|muhafazat|prefecture"
# Local units below the province named after their seat: Nigeria's LGAs,
# Bangladesh's upazilas, South Asia's tehsils and talukas, Ethiopia's
# woredas, Cameroon's subdivisions, Uganda's sub-counties.
_LOCAL_UNIT_WORDS = r"lgas?|upazilas?|tehsils?|talukas?|woredas?|subdivisions?|sub-?count(?:y|ies)"
# Designations written after a toponym: "Homs province", "the Idlib countryside".
SUFFIX_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western)\s+)?(?P<word>"
    rf"(?:{ADMIN_WORDS})s?|countryside|(?:sub-?)?districts?|count(?:y|ies)|raions?|rayons?|"
    r"townships?|municipalit(?:y|ies)|city|cities|towns?|villages?|camps?|areas?|"
    rf"{_LOCAL_UNIT_WORDS}|"
    r"neighbou?rhoods?|suburbs?|outskirts|border)\b",
    re.IGNORECASE,
)
# Roads, junctions and buildings named after the town they are in or lead
# from: "the Sidon roundabout", "the Homs highway", "the Kandahar airport".
# Lower case only: a capitalised word makes a longer name ("Baghdad
# Airport" the entity). Such a name is a place when the gazetteer knows it;
# it says nothing about the place's kind or how near the event is.
FACILITY_AFTER = re.compile(
    r"\s+(?:highway|road|roundabout|bridge|square|intersection|junction|crossroads|"
    r"checkpoint|motorway|expressway|airport|market|prison|hospital)s?\b"
)
# An office named after the place it governs, capitalised with it: "Van
# Governor's Office", "the Hakkari Governorship", "Izmir Metropolitan
# Municipality". The place is where the office acts.
_OFFICE = re.compile(
    r"\s+(?:Governor(?:['’]s|ship|ate)?|(?:Metropolitan\s+)?Municipality|Mayor(?:alty)?|"
    r"City\s+Council|Provincial)\b"
)


def office_place_end(text: str, start: int, end: int) -> int | None:
    """Where the place name ends in a capitalised run text[start:end] that
    names that place's office, else None."""
    found = _OFFICE.search(text, start, end)
    return found.start() if found is not None and found.start() > start else None


_SUFFIX_KIND = {
    "city": POPULATED_PLACE,
    "town": POPULATED_PLACE,
    "village": POPULATED_PLACE,
}
# Second-level units: "Andar district", "Bakhmut raion".
_ADMIN2_WORDS = frozenset(
    {
        "district",
        "subdistrict",
        "sub-district",
        "county",
        "raion",
        "rayon",
        "township",
        "municipality",
        "lga",
        "upazila",
        "tehsil",
        "taluka",
        "woreda",
        "subdivision",
        "subcounty",
        "sub-county",
    }
)
_SUFFIX_CUE = {
    "countryside": "countryside",
    "district": "district",
    "camp": "near",
    "area": "area",
    "neighbourhood": "part of",
    "neighborhood": "part of",
    "suburb": "outskirts of",
    "outskirts": "outskirts of",
    "border": "border",
}
# "the district of X", "the municipality of X": X is a second-level unit.
_UNIT_OF = frozenset({"district of", "municipality of", "county of", "commune of"})
_BEFORE_KIND = {
    "province of": ADMIN1,
    "governorate of": ADMIN1,
    "region of": ADMIN1,
    "state of": ADMIN1,
    "city of": POPULATED_PLACE,
    "town of": POPULATED_PLACE,
    "village of": POPULATED_PLACE,
}
_DIRECTION_CUE = re.compile(rf"{_DIRECTIONS} of")
# Cues that place the event around a place rather than in it.
NEAR_CUES = frozenset(
    {
        "near",
        "outside",
        "outskirts of",
        "vicinity of",
        "countryside",
        "rural",
        "area",
        "part of",
        "border",
        "district",
        "around",
    }
)


_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_JUNK = re.compile(r"(?:['’]s|[\s.,;:'’\"()])+$")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = _LEADING_THE.match(span)
    if lead:
        start += lead.end()
    trail = _TRAILING_JUNK.search(text[start:end])
    if trail:
        end = start + trail.start()
    # "U.S." and "Ky." keep their period: it is part of the name.
    if text[end : end + 1] == "." and keeps_final_period(text[start:end]):
        end += 1
    # "Odesa Black Sea port city": the sea says what kind of place it is.
    sea = _SEA_AFTER_NAME.search(text, start, end)
    if sea and _SEA_MODIFIED.match(text, end):
        end = sea.start()
    return start, end


# A sea named to say what kind of place another one is: "the Black Sea port
# city of Odesa", "Odesa Black Sea port city", "the Caspian Sea coast".
_SEA_NAME = re.compile(r"\b(?:Sea|Ocean|Gulf)$")
_SEA_AFTER_NAME = re.compile(r"\s+[A-Z][a-z]+\s+(?:Sea|Ocean|Gulf)$")
_SEA_MODIFIED = re.compile(r"\s+(?:port|coast|coastal|island|islands)\b")


def sea_as_modifier(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a sea naming the kind of the place after
    it ("a Black Sea port")."""
    return _SEA_NAME.search(text, start, end) is not None and bool(_SEA_MODIFIED.match(text, end))


_DESIGNATOR_TAIL = re.compile(
    rf"\s+(?P<word>(?:{ADMIN_WORDS})s?|countryside|(?:sub-?)?district|township|county|raion|"
    rf"municipality|city|town|village|{_LOCAL_UNIT_WORDS})$",
    re.IGNORECASE,
)


def split_designator(
    text: str, start: int, end: int, gazetteer: Gazetteer | None = None
) -> tuple[int, int, str | None]:
    """'Homs province' (one entity) -> the 'Homs' span and the designator
    word. A name that is itself a region's name ("Rural Damascus") stays
    whole."""
    span = text[start:end]
    match = _DESIGNATOR_TAIL.search(span)
    if match and match.start() > 0:
        split = (start, start + match.start(), match.group("word").lower())
    else:
        rural = re.match(r"^(?:rural|countryside of)\s+", span, re.IGNORECASE)
        if not (rural and rural.end() < len(span)):
            return start, end, None
        split = (start + rural.end(), end, rural.group(0).strip().lower().split()[0])
    if gazetteer is not None:
        whole = _regions(gazetteer, span)
        if whole and not whole & _regions(gazetteer, text[split[0] : split[1]]):
            return start, end, None
        # "Cape Town": a name whose last word is a designator, known whole
        # and not as the town without it ("Kuwait City" still splits:
        # "Kuwait" is known, and read as a town it is the same place;
        # "Quezon City" does not: the places called Quezon lie elsewhere).
        if split[2] in ("city", "town", "village") and _whole_town(
            gazetteer, span, text[split[0] : split[1]]
        ):
            return start, end, None
    return split


def _whole_town(gazetteer: Gazetteer, whole: str, short: str) -> bool:
    """Whether a name with "City" or "Town" is a town, so called, that the
    name without it does not mean: no place called so lies within
    _SAME_TOWN_KM of it."""
    written = light_fold(whole)
    towns = [
        entry
        for entry in gazetteer.lookup(whole)
        if entry.feature == POPULATED_PLACE and light_fold(entry.name) == written
    ]
    if not towns:
        return False
    town = max(towns, key=lambda entry: entry.population)
    called = light_fold(short)
    return not any(
        distance_km(town, entry) <= _SAME_TOWN_KM
        for entry in gazetteer.lookup(short)
        if light_fold(entry.name) == called
    )


def _regions(gazetteer: Gazetteer, name: str) -> set[tuple[str, str]]:
    return {
        (entry.country_code, entry.name)
        for entry in gazetteer.lookup(name)
        if entry.feature in (ADMIN1, COUNTRY)
    }


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and word not in ("outskirts",):
        return word[:-1]
    return word


def designator_cue(word: str | None) -> tuple[str | None, str | None]:
    """(cue, kind_hint) for a designator word written with the name."""
    if word is None:
        return None, None
    singular = _singular(word.lower())
    if re.fullmatch(ADMIN_WORDS, singular):
        return "province", ADMIN1
    if singular in _SUFFIX_KIND:
        return None, _SUFFIX_KIND[singular]
    if singular == "rural":
        return "rural", None
    if singular in _ADMIN2_WORDS:
        return "district", ADMIN2
    return _SUFFIX_CUE.get(singular, singular), None


def cue_context(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(cue, kind_hint) from the words just before and after a span."""
    before = cue_before(text[max(0, start - 48) : start])
    before_cue = None
    kind = None
    if before:
        raw = re.sub(r"\s+", " ", before.group("cue").lower())
        raw = re.sub(r"^\d[\d.,]*\s*(?:km|kilometres|kilometers|miles|mi)\s+", "", raw)
        raw = re.sub(
            r"^(?:northern|southern|eastern|western|north-?eastern|north-?western|"
            r"south-?eastern|south-?western)\s+",
            "",
            raw,
        )
        before_cue = _CUE_NAMES.get(raw, raw).replace("countryside of", "countryside")
        kind = _BEFORE_KIND.get(raw)
        if kind is not None:
            # "province of X" is "X province"; "the town of X" is just X,
            # with the cue before it ("entered the town of X", "in the town
            # of X").
            before_cue = (
                "province" if kind == ADMIN1 else _cue_before_designation(text, start, before)
            )
        elif raw in _UNIT_OF:
            before_cue, kind = "district", ADMIN2
    after = SUFFIX_AFTER.match(text[end : end + 40])
    after_cue, after_kind = designator_cue(after.group("word") if after else None)
    cue: str | None = before_cue if is_near_cue(before_cue) else after_cue or before_cue
    kind = after_kind or kind
    if kind is None and _NEWSPAPER_AFTER.match(text, end):
        # "The Washington Post", "the Jerusalem Post": a paper is named
        # after its town, not the state or region of that name.
        kind = POPULATED_PLACE
    if kind is None and cue in RURAL_CUES:
        # "rural Hama", "the Idlib countryside": the province, not the city.
        kind = ADMIN1
    return cue, kind


RURAL_CUES = frozenset({"rural", "countryside"})
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Post|Times|Herald|Tribune|Journal|Gazette|Chronicle|Examiner|Inquirer|Courier|"
    r"Star-Tribune|Post-Gazette|Free\s+Press|Daily\s+News)\b"
)


def _cue_before_designation(text: str, start: int, designation: re.Match[str]) -> str | None:
    """The cue before "the town of" in "entered the town of X"."""
    window_start = max(0, start - 48)
    cut = window_start + designation.start("cue")
    before = cue_before(text[max(0, cut - 48) : cut])
    if before is None:
        return None
    raw = re.sub(r"\s+", " ", before.group("cue").lower())
    if raw in _BEFORE_KIND or raw == "district of":
        return None
    return _CUE_NAMES.get(raw, raw)


def is_near_cue(cue: str | None) -> bool:
    """Whether a cue places the event around the place rather than in it."""
    return cue is not None and (cue in NEAR_CUES or _DIRECTION_CUE.fullmatch(cue) is not None)


# Where an entity the tagger ran over several names is cut: brackets and
# commas ("Sikasso (Sikasso", "Oaxaca, Oaxaca", "Liberia (Guanacaste").
_ENTITY_BREAK = re.compile(r"\s*[(),;]\s*")


def split_entities(
    text: str, entities: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The place entities, each cut into the names it runs over: a place
    name holds no bracket and no comma, and the name after one is the unit
    the first lies in, a place of its own."""
    pieces = []
    for start, end, label in entities:
        if label not in PLACE_LABELS or _ENTITY_BREAK.search(text, start, end) is None:
            pieces.append((start, end, label))
            continue
        position = start
        for cut in _ENTITY_BREAK.finditer(text, start, end):
            if cut.start() > position:
                pieces.append((position, cut.start(), label))
            position = cut.end()
        if end > position:
            pieces.append((position, end, label))
    return pieces
