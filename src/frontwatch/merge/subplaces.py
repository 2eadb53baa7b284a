"""The places finer than a report's coded place that its sentence names.

A report is coded at the most precise place the gazetteer knows: a town, a
district, a province. Its sentence often names something finer that the
gazetteer lacks: a neighbourhood ("in Colonia Los Pinos"), a front-line
sector ("at Qarqur sector area"), a village ("the village of Tell Hamdan"), a
camp or market ("Zaatari camp"). Two reports coded at one town, each naming
a different finer place and none in common, report two places (ACLED codes
their events separately, and so should we: two murders in two
neighbourhoods of one city on one day are two events).

Only shapes that say the name is a place are read: a name before a word
for a kind of place, after a neighbourhood word, or after "the village
of". A bare "in X" or "at X" is not read: it names landmarks ("at the Abbey
Gate" and "near the Baron Hotel" may be one bombing) and organisations as
often as places.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontwatch.geo.names import loose_key, unaccented
from frontwatch.models import Event, Place

_WORD = r"[A-Z][\w'’-]*"
_JOINER = r"(?:al|el|de|del|la|los|las|du|ad|as|ash|an|ar|of)"
# A name may end in a number: "Kilo 16 area".
_NAME = rf"{_WORD}(?:\s+(?:{_JOINER}\s+)?(?:{_WORD}|\d+\b))*"
# Words after a name that make it the name of a place smaller than a town.
_KIND_AFTER = (
    r"(?:sector|areas?|neighbou?rhoods?|villages?|camp|market|checkpoint|junction|hills?|"
    r"suburb|settlement|locality|colony|quarter|community)"
)
# Capitalised words that end the proper name of a site smaller than a town.
_SITE = (
    r"(?:Airport|Airbase|Station|Mine|Bridge|Dam|Factory|Plant|Refinery|Checkpoint|Camp|"
    r"Hills?|Crossing|Junction|Street|Road|Avenue|Boulevard)"
)
_SHAPES = (
    # "Colonia Santa Rita", "fraccionamiento Las Flores", "Barrio X"
    re.compile(rf"\b(?:[Cc]olonia|[Bb]arrio|[Ff]raccionamiento|[Vv]illa)\s+(?P<name>{_NAME})"),
    # "Qarqur sector area", "the Bab Sharqi area", "Jisr area"
    re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s+{_KIND_AFTER}\b"),
    # "the village of Tell Hamdan", "the town of Saraqib"
    re.compile(
        rf"\bthe\s+(?:village|town|area|neighbou?rhood|locality|settlement)\s+of\s+"
        rf"(?P<name>{_NAME})"
    ),
    # Where a force is posted: "troops stationed in Chilaburt", "forces
    # located at Qarqur" (a position is a place, not a landmark).
    re.compile(
        rf"\b(?:located|stationed|positioned|deployed|based)\s+(?:at|in|near)\s+(?P<name>{_NAME})"
    ),
    # A named site, capitalised as a proper name: "Saraqib Filtration
    # Station", "Tell Hamdan Bridge", "Kafr Amim Mine", "Baron Street" (the
    # site's whole name: the town it is named after is not where it is).
    re.compile(rf"(?<![\w-])(?P<name>{_NAME}\s+{_SITE})(?![\w-])"),
    # A numbered street or road of a city: "Street 14", "Road 7".
    re.compile(r"(?<![\w-])(?P<name>(?:Street|Road)\s+\d+)(?![\w-])"),
)
# First words that make a capitalised run no place name.
_NOT_NAME_WORDS = (
    "the a an on in at near this that these those state police army "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


def finer_places(event: Event) -> frozenset[str]:
    """Loose keys (see :func:`frontwatch.geo.names.loose_key`) of the places
    finer than the coded one that the report names: the toponym as written
    when the gazetteer placed it at a bigger unit, and the names its
    sentence gives a kind of place too small for the gazetteer. The coded
    place, its units and the actors' names are left out."""
    place = event.place
    coded: tuple[str, ...] = ()
    finer = written_finer_name(place) if place is not None else None
    if place is not None:
        coded = tuple(n for n in (place.name, place.admin1, place.admin2, place.country) if n)
        # The coded place as the sentence writes it ("Nad-e Ali" for Nad
        # Ali), so that "in Loy Bagh of Nad-e Ali" is read.
        if finer is None and place.matched_text:
            coded += (place.matched_text,)
    others = tuple(n for p in event.other_places for n in (p.name, p.matched_text) if n)
    actors = (event.actor1, event.actor2, *event.assoc_actors1, *event.assoc_actors2)
    written = tuple(a.matched_text for a in actors if a is not None and a.matched_text)
    named = _sentence_places(
        event.provenance[0].sentence, frozenset(coded + others + written), frozenset(coded)
    )
    return named | {finer} if finer else named


def written_finer_name(place: Place) -> str | None:
    """The place name as written, when it is not the name of the place
    the report was coded to (nor of its admin units or country): a village, district
    or landmark the gazetteer did not have, placed at a town or region.
    Compared with transliteration folding, so that "Kafr Nabuda" and
    "Kafr Nabudah" are one name."""
    written = loose_key(place.matched_text) if place.matched_text else ""
    if not written:
        return None
    coded = {
        loose_key(name) for name in (place.name, place.admin1, place.admin2, place.country) if name
    }
    return None if written in coded else written


@lru_cache(maxsize=65536)
def _sentence_places(
    sentence: str, known: frozenset[str], regions: frozenset[str] = frozenset()
) -> frozenset[str]:
    """``regions``: the names of the coded place and its units; a name set
    in one of them ("Kafr Amim in Idlib", "San Isidro, Saraqib") is a place
    inside it."""
    known_keys = {loose_key(name) for name in known}
    known_skeletons = {_skeleton(key) for key in known_keys}
    found: set[str] = set()
    searched = [(shape, sentence) for shape in _SHAPES]
    shapes = _inside_shapes(frozenset(unaccented(n) for n in regions))
    inside = inside_of = None
    if shapes is not None:
        inside, inside_of = shapes
        plain = unaccented(sentence)
        searched += [(inside, plain), (inside_of, plain)]
    for shape, text in searched:
        for match in shape.finditer(text):
            name = match.group("name")
            if shape is inside and not _starts_a_name(text, match.start("name")):
                continue
            if shape is inside_of and not _after_place_cue(text, match.start("name")):
                continue
            if name.split()[0].lower() in _NOT_NAMES:
                continue
            key = loose_key(name)
            if key and key not in known_keys and _skeleton(key) not in known_skeletons:
                found.add(key)
    # The tail of a known name is that name ("Aldama, Guanajuato" in "Leon de
    # los Aldama, Guanajuato").
    found = {k for k in found if not any(known.endswith(f" {k}") for known in known_keys)}
    # "Colonia Los Pinos, Saraqib" is found by two shapes: keep "Los Pinos".
    return frozenset(k for k in found if not any(k != o and k.endswith(f" {o}") for o in found))


@lru_cache(maxsize=4096)
def _inside_shapes(regions: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Two shapes of a capitalised name set in one of ``regions`` (R): "X,
    R" or "X in R"; and "X of R" ("in Kafr Amim of Saraqib district"), read
    only after a place cue (see :func:`_after_place_cue`)."""
    names = sorted((n for n in regions if n.strip()), key=len, reverse=True)
    if not names:
        return None
    region = rf"(?:{'|'.join(re.escape(n) for n in names)})(?![\w-])"
    inside = re.compile(rf"(?<![\w-])(?P<name>{_NAME})(?:,\s+|\s+in\s+(?:the\s+)?){region}")
    inside_of = re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s+of\s+(?:the\s+)?{region}")
    return inside, inside_of


def _after_place_cue(text: str, start: int) -> bool:
    """Whether the word before ``start`` is "in", "at" or "near": "in X of
    R" names a place in R; "the Governor of R" and "a University of R" do
    not."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1) in ("in", "at", "near")


def _starts_a_name(text: str, start: int) -> bool:
    """Whether a name found at ``start`` is the whole name: not the tail of
    a longer capitalised one, nor after "the" ("the Baron Hotel in Kabul" is
    a landmark, which reports of one bombing name differently)."""
    before = _WORD_BEFORE.search(text, 0, start)
    if before is None:
        return True
    word = before.group(1)
    return not (word[:1].isupper() or word.lower() == "the")


_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")



def _skeleton(key: str) -> str:
    """A loose key's consonants, doubled letters once: a transliteration of
    a known name ("Sarraqib" for "Saraqib") is that name."""
    return re.sub(r"(.)\1+", r"\1", key.replace("*", ""))
