"""Find the place names an article mentions, with the words around them
that tell how precise the place is ("near", "X province", "rural X").

spaCy's GPE/LOC/FAC entities are the main source; capitalised phrases after a
location cue ("in", "near", "west of") that spaCy missed are added when the
gazetteer knows them. Demonyms ("Syrian") are not places; they only hint at
the country an article is about (:func:`country_hints`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from frontwatch.geo.country_words import (
    country_hints,
    country_mentions,
    demonym_regions,
    is_demonym,
    names_country,
)
from frontwatch.geo.cues import (
    ADMIN1,
    ADMIN2,
    COUNTRY,
    FACILITY_AFTER,
    NEAR_CUES,
    PLACE_LABELS,
    POPULATED_PLACE,
    SUFFIX_AFTER,
    clean_span,
    cue_before,
    cue_context,
    designator_cue,
    is_near_cue,
    office_place_end,
    split_designator,
    split_entities,
)
from frontwatch.geo.datelines import (
    DATELINE,
    DATELINE_AGENCY,
    opens_dateline,
    reads_as_dateline,
)
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.landmarks import landmark
from frontwatch.geo.metonyms import acronym_not_region, is_modifier, opens_quarter_name
from frontwatch.geo.name_spans import (
    ARTICLE,
    CANDIDATE_NAME,
    NAME_WORD,
    NOT_PLACES,
    OF_A_REGION,
    PART_OF_LONGER_NAME,
    completed_name,
    set_off_by_its_region,
    started_name,
)
from frontwatch.geo.names import ARABIC_ARTICLES, light_fold, whole_word_occurrences

# Re-exported: callers read country evidence from here with the toponyms.
__all__ = [
    "ADMIN1",
    "ADMIN2",
    "COUNTRY",
    "NEAR_CUES",
    "PLACE_LABELS",
    "POPULATED_PLACE",
    "ToponymMention",
    "country_hints",
    "country_mentions",
    "find_toponyms",
    "is_demonym",
    "is_modifier",
    "is_near_cue",
    "names_country",
]


_BORDER = re.compile(
    rf"(?P<a>(?:{ARTICLE}-)?{NAME_WORD})\s*[-–]\s*(?P<b>(?:{ARTICLE}-)?{NAME_WORD})"
    r"\s+border"
)
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s+and|&)\s*")
_PLURAL_AFTER = re.compile(
    r"\s+(?:provinces|governorates|oblasts|states|regions|prefectures|districts|cities|towns|"
    r"villages)\b",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*[,(]\s*$")
_LEADING_NON_NAMES = re.compile(
    r"(?:(?:In|At|Near|From|Outside|Inside|Into|Across|Throughout|Around|On|To|The|And|But|"
    r"Meanwhile|Elsewhere|Later|Earlier)\s+)+"
)


@dataclass(frozen=True, slots=True)
class ToponymMention:
    text: str  # the name as written, without designators ("Homs", not "Homs province")
    start: int  # offsets of ``text`` in the article text
    end: int
    cue: str | None = None  # "near", "west of", "province", "countryside", "in", ...
    kind_hint: str | None = None  # "admin1" | "admin2" | "country" | "populated place"


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _known(gazetteer: Gazetteer, name: str, *, units: bool = False) -> bool:
    """Whether the gazetteer knows ``name`` as a place (``units``: or as a
    district, for a name the text designates as one)."""
    if name.lower() in NOT_PLACES or is_demonym(name):
        return False
    if landmark(name) is not None:
        return True
    return bool(gazetteer.lookup(name)) or (units and bool(gazetteer.lookup_admin2(name)))


# Capitalised words that may follow a place name without being part of it.
_CAPITALISED_DESIGNATOR = re.compile(
    r"(?:City|Town|Village|Province|Governorate|District|Region|State|County|Area|Camp)\b"
)


def _confirmed_prefix(gazetteer: Gazetteer, text: str, start: int, end: int) -> tuple[int, int]:
    """The longest leading run of words of text[start:end] that the gazetteer
    knows, as (start, end); (start, start) when none is. A shorter run counts
    only before a designator ("Idlib City"): in "the Justice Palace" the
    name is "Justice Palace", not a place called Justice."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for count in range(len(words), 0, -1):
        stop = start + words[count - 1].end()
        if count < len(words) and not _CAPITALISED_DESIGNATOR.match(words[count].group(0)):
            continue
        if _known(gazetteer, text[start:stop]):
            return start, stop
    return start, start


# "Bakhmut, a salt-mining town that ...": a name set off by what kind of
# place it is.
_KIND_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w'-]+\s+){0,3}?(?:town|city|village|port|province|region|district|"
    r"suburb|oasis)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _NameCandidate:
    """A capitalised run of the text, read once per article: its span after
    the lead words and trailing marks, whether a cue stands before it, its
    span without a designator, and whether it continues into a longer name.
    (find_toponyms reads the candidates in three passes, two for names the
    gazetteer confirms and one for names it lacks; each pass only redoes
    what the spans found so far decide.)"""

    start: int
    end: int
    cued: bool
    name_start: int
    name_end: int
    designated: bool
    longer: bool
    confirmed: tuple[int, int] | None = None  # _confirmed_prefix, when asked
    known: bool | None = None  # _known(..., units=True), when asked


@lru_cache(maxsize=2)
def _name_candidates(text: str, gazetteer: Gazetteer) -> list[_NameCandidate]:
    candidates = []
    for match in CANDIDATE_NAME.finditer(text):
        start, end = match.span()
        # "In Homs" at the start of a sentence: the cue is part of the capitalised run.
        lead = _LEADING_NON_NAMES.match(text, start, end)
        if lead:
            start = lead.end()
        start, end = clean_span(text, start, end)
        if end <= start:
            continue
        cued = cue_before(text[max(0, start - 48) : start]) is not None
        # "Rakhine State", "Buthidaung Township": the name and its designator.
        name_start, name_end, tail = split_designator(text, start, end, gazetteer)
        designated = (
            tail is not None
            or SUFFIX_AFTER.match(text[name_end : name_end + 40]) is not None
            or _KIND_APPOSITION.match(text, name_end) is not None
            or FACILITY_AFTER.match(text, name_end) is not None
        )
        longer = (
            PART_OF_LONGER_NAME.match(text, name_end) is not None
            and OF_A_REGION.match(text, name_end) is None
        )
        candidates.append(
            _NameCandidate(start, end, cued, name_start, name_end, designated, longer)
        )
    return candidates


def _extra_mentions(
    text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Gazetteer-confirmed capitalised names after a cue or before a designator."""
    found: list[tuple[int, int]] = []
    for candidate in _name_candidates(text, gazetteer):
        if _overlaps(candidate.start, candidate.end, taken) or _overlaps(
            candidate.start, candidate.end, found
        ):
            continue
        if candidate.longer:
            continue  # "the Union of Civil Servants", "Luhansk People's Militia"
        start, end = candidate.name_start, candidate.name_end
        if candidate.cued:
            if candidate.confirmed is None:
                candidate.confirmed = _confirmed_prefix(gazetteer, text, start, end)
            span = candidate.confirmed
            if span[1] > span[0]:
                found.append(span)
            continue
        office = office_place_end(text, start, candidate.end)
        if office is not None and _known(gazetteer, text[start:office]):
            found.append((start, office))  # "Van Governor's Office"
            continue
        if set_off_by_its_region(text, start, end, gazetteer):
            found.append((start, end))
            continue
        if candidate.designated and candidate.known is None:
            candidate.known = _known(gazetteer, text[start:end], units=True)
        if (candidate.designated and candidate.known) or _apposition_kind(
            text, start, end, taken + found, gazetteer
        ):
            found.append((start, end))
    return found


# Cues after which an unknown capitalised name is taken as a place only when
# the text pins it further (brackets, a region after a comma, a designator).
_WEAK_CUES = frozenset({"from", "to", "toward", "towards", "via", "between", "on", "and", "across"})
_PINNED_AFTER = re.compile(
    r"^\s*(?:\(\s*[A-Z]|(?:,|\s+in)\s+(?:the\s+)?(?:(?:countryside|outskirts|suburbs|"
    r"district|province|governorate|region|state|area)\s+of\s+(?:the\s+)?)?"
    rf"(?P<region>{CANDIDATE_NAME.pattern})|"
    r"\s+(?:village|town|area|district|camp|neighbou?rhood|locality|hamlet)s?\b)"
)
_AMPERSAND_ABBREVIATION = re.compile(r"(?<![\w&])[A-Z]&[A-Z](?![\w&])")
_BRACKETED_REGION = re.compile(
    rf"\s*\(\s*(?P<region>{CANDIDATE_NAME.pattern})(?:\s+(?:district|province|governorate|"
    r"county|state|region))?\s*[,)]",
    re.IGNORECASE,
)
_AFTER_BRACKETS = re.compile(r"\)\s*,\s*$")
_BRACKET_ITEM = re.compile(r"[(,]\s*$")


def _unknown_mentions(
    text: str, gazetteer: Gazetteer, taken: list[tuple[int, int]], unpinned: bool = False
) -> list[tuple[int, int]]:
    """Capitalised names the gazetteer lacks, written where only a place
    fits: after a location cue and pinned by what follows ("in Takalout
    (Kidal)", "near Hladosove village", "in Staromykhaylivka, Donetsk"), or
    inside the brackets after such a name ("(Markoye, Oudalan)"). They
    resolve through the unit they lie in (see ``containers``)."""
    found: list[tuple[int, int]] = []
    for match in _AMPERSAND_ABBREVIATION.finditer(text):
        if _inside_open_bracket(text, match.start()) and not _overlaps(*match.span(), taken):
            found.append(match.span())
    for candidate in _name_candidates(text, gazetteer):
        start, end = candidate.start, candidate.end
        name = text[start:end]
        if name.lower() in NOT_PLACES or is_demonym(name):
            continue
        if _overlaps(start, end, taken) or _overlaps(start, end, found):
            continue
        before = text[max(0, start - 48) : start]
        cue = cue_before(before)
        cued = cue is not None and cue.group("cue").lower() not in _WEAK_CUES
        pinned = _PINNED_AFTER.match(text[end : end + 60])
        region = pinned.group("region") if pinned else None
        if pinned and region and not _pins(gazetteer, region, pinned.group(0).lstrip()[0] == ","):
            pinned = None
        in_brackets = _BRACKET_ITEM.search(before) is not None and _inside_open_bracket(text, start)
        # "X (Y), Baghlan": the region the bracketed unit lies in.
        after_brackets = (
            _AFTER_BRACKETS.search(before) is not None
            and not text[end : end + 3].lstrip().startswith("(")
            and _pins(gazetteer, name, comma=False)
        )
        # "Nihm (Sanaa)": a name with its region in brackets is a place.
        bracketed_region = _BRACKETED_REGION.match(text, end)
        with_region = bracketed_region is not None and _pins(
            gazetteer, bracketed_region.group("region"), comma=False
        )
        if (cued and (pinned or unpinned)) or in_brackets or after_brackets or with_region:
            found.append((start, end))
            if pinned and region:
                # The region that pins the name is a toponym too ("Donetsk").
                region_start = end + pinned.start("region")
                span = clean_span(text, region_start, region_start + len(region))
                if not _overlaps(*span, taken) and not _overlaps(*span, found):
                    found.append(span)
    return found


def _pins(gazetteer: Gazetteer, region: str, comma: bool) -> bool:
    """Whether a known name pins the unknown one before it: after a comma
    any known place ("Abu Salim, Tripoli"); after "in" only a region
    ("Tall al Ahmar in Quneitra", not "Ramadan in Kabul")."""
    entries = gazetteer.lookup(region)
    if comma and entries:
        return True
    regional = any(entry.feature in (ADMIN1, COUNTRY) for entry in entries)
    return regional or bool(gazetteer.lookup_admin2(region))


def _inside_open_bracket(text: str, position: int) -> bool:
    before = text[max(0, position - 80) : position]
    return before.count("(") > before.count(")") and "." not in before[before.rfind("(") :]


def _apposition_kind(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer
) -> str | None:
    """ "Maiduguri, Borno" / "Haydan district (Sadah)" / "Tripoli, Lebanon": a
    region or country set off right after a place that lies in it."""
    place = _preceding_place(text, start, spans)
    if place is None or text[start:end].lower() in NOT_PLACES:
        return None
    regions = gazetteer.lookup(text[start:end])
    within = gazetteer.lookup(text[place[0] : place[1]])
    countries = {entry.country_code for entry in regions if entry.feature == COUNTRY}
    admin1 = {(entry.country_code, entry.name) for entry in regions if entry.feature == ADMIN1}
    if not within:
        # A village the gazetteer lacks: the region is all we can check (a
        # province may be held as a district: "Patikul, Sulu").
        if countries or admin1:
            return COUNTRY if countries else ADMIN1
        return ADMIN2 if gazetteer.lookup_admin2(text[start:end]) else None
    if any(entry.country_code in countries for entry in within):
        return COUNTRY
    if admin1 and not countries:
        # "Sosnovskoye, Donetsk": whether the place lies in the region is
        # for the resolver to decide (it may be a namesake abroad).
        return ADMIN1
    return None


def _preceding_place(
    text: str, start: int, spans: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """The span that ends right before ", " or " (" at ``start``, if any
    (a designator such as "district" may stand between)."""
    separator = _APPOSITION.search(text, max(0, start - 4), start)
    if separator is None:
        return None
    for span_start, span_end in spans:
        # "X (Y) district, Nimruz": a bracket may close before the designator.
        close = span_end + 1 if text[span_end : span_end + 1] == ")" else span_end
        designator = SUFFIX_AFTER.match(text[close : close + 40])
        ends = {span_end, close + designator.end()} if designator else {span_end}
        if separator.start() in ends:
            return span_start, span_end
    return None


def _border_mentions(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    spans = []
    for match in _BORDER.finditer(text):
        parts = [match.span("a"), match.span("b")]
        if all(_known(gazetteer, text[start:end]) for start, end in parts):
            spans.extend(parts)
    return spans


def find_toponyms(
    text: str,
    entities: Sequence[tuple[int, int, str]],
    gazetteer: Gazetteer,
    *,
    modifiers: bool = False,
    unpinned: bool = False,
) -> list[ToponymMention]:
    """Place-name mentions in ``text``, in text order. ``modifiers``: also
    country names that modify a noun ("US President", "UK-based"), which
    name a country without saying where something happens. ``unpinned``:
    also an unknown name after a location cue and no region ("near X").

    ``entities`` are spaCy entity spans (start_char, end_char, label); only
    GPE, LOC and FAC are used.
    """
    mentions: dict[tuple[int, int], ToponymMention] = {}
    border_spans = _border_mentions(text, gazetteer)
    for start, end in border_spans:
        kind = (
            ADMIN1
            if gazetteer.lookup(text[start:end])
            and any(entry.feature == ADMIN1 for entry in gazetteer.lookup(text[start:end]))
            else None
        )
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, "border", kind)

    taken: list[tuple[int, int]] = list(mentions)
    for ent_start, ent_end, label in split_entities(text, entities):
        if label not in PLACE_LABELS or _overlaps(ent_start, ent_end, border_spans):
            continue
        start, end = clean_span(text, ent_start, ent_end)
        start, end, word = split_designator(text, start, end, gazetteer)
        if end <= start:
            continue
        if word is None:
            start = started_name(text, start, end, gazetteer)
            end = completed_name(text, start, end, gazetteer)
        if _not_a_place(text, start, end, gazetteer, modifiers):
            continue
        cue, kind = cue_context(text, start, end)
        inner_cue, inner_kind = designator_cue(word)
        if inner_cue is not None and cue not in NEAR_CUES:
            cue = inner_cue
        kind = inner_kind or kind or _apposition_kind(text, start, end, list(mentions), gazetteer)
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, cue, kind)
        taken.append((ent_start, max(ent_end, end)))

    for start, end in _extra_mentions(text, gazetteer, taken):
        if _not_a_place(text, start, end, gazetteer, modifiers):
            continue
        cue, kind = cue_context(text, start, end)
        kind = kind or _apposition_kind(text, start, end, list(mentions), gazetteer)
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, cue, kind)

    for start, end in _unknown_mentions(text, gazetteer, [*taken, *mentions], unpinned):
        if _not_a_place(text, start, end, gazetteer, modifiers):
            continue
        cue, kind = cue_context(text, start, end)
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, cue, kind)

    for start, end in demonym_regions(text, gazetteer):
        if not _overlaps(start, end, [*taken, *mentions]):
            mentions[(start, end)] = ToponymMention(text[start:end], start, end, None, ADMIN1)

    # Regions set off after the places found last ("X district, Balkh").
    for start, end in _extra_mentions(text, gazetteer, [*taken, *mentions]):
        if (start, end) in mentions or _not_a_place(text, start, end, gazetteer, modifiers):
            continue
        cue, kind = cue_context(text, start, end)
        kind = kind or _apposition_kind(text, start, end, list(mentions), gazetteer)
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, cue, kind)

    for start, end in _repeated_mentions(text, list(mentions.values()), list(mentions)):
        cue, kind = cue_context(text, start, end)
        mentions[(start, end)] = ToponymMention(text[start:end], start, end, cue, kind)

    found = _joined_by_of(text, [mentions[key] for key in sorted(mentions)], gazetteer)
    ordered = _share_plural_designators(text, found)
    return [_as_dateline(text, _with_country_kind(mention, gazetteer)) for mention in ordered]


def _joined_by_of(
    text: str, mentions: list[ToponymMention], gazetteer: Gazetteer
) -> list[ToponymMention]:
    """Two toponyms joined by "of" that the gazetteer knows as one name are
    that place: "Port of Spain" is neither a port nor Spain."""
    joined: list[ToponymMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and text[last.end : mention.start] == " of "
            and gazetteer.lookup(text[last.start : mention.end])
        ):
            cue, kind = cue_context(text, last.start, mention.end)
            joined[-1] = ToponymMention(
                text[last.start : mention.end], last.start, mention.end, cue, kind
            )
            continue
        joined.append(mention)
    return joined


def _as_dateline(text: str, mention: ToponymMention) -> ToponymMention:
    """A wire dateline names a city well known enough to stand alone."""
    if mention.cue is None and reads_as_dateline(text, mention.start, mention.end):
        return replace(mention, cue=DATELINE)
    return mention


def _not_a_place(
    text: str, start: int, end: int, gazetteer: Gazetteer, modifiers: bool = False
) -> bool:
    """A country name modifying a noun ("US dollar"), an acronym that is no
    region's ("DOE"), or an acronym alone in brackets, as news credits an
    agency ("BEIRUT (AP) -") or abbreviates the name before it: "(AP)" is
    the Associated Press, not Andhra Pradesh. A country keeps its
    brackets ("Abu Dhabi (UAE)")."""
    name = text[start:end]
    if light_fold(name) in ARABIC_ARTICLES:
        return True  # "Al" cut from "Al shabaab" is no Ål in Norway
    if opens_quarter_name(text, start, end):
        return True
    if not modifiers and is_modifier(text, start, end, gazetteer):
        return True
    if acronym_not_region(name, gazetteer) and not opens_dateline(text, start, end):
        return True
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    if bracketed and DATELINE_AGENCY.match(text, 0, start - 1):
        return True  # "KABUL (Reuters) -": the agency of a dateline
    if bracketed and name.isupper() and name.isalpha():
        return not any(entry.feature == COUNTRY for entry in gazetteer.lookup(name))
    return False


def _repeated_mentions(
    text: str, found: Sequence[ToponymMention], taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One sense per discourse: a name recognised once as a place is a place
    wherever else the article writes it the same way, even where the tagger
    took it for an organisation ("secured al-Sukhna this month")."""
    spans: list[tuple[int, int]] = []
    names = {m.text for m in found if len(m.text) >= 4 and any(c.isupper() for c in m.text)}
    for name in sorted(names):
        for start, end in whole_word_occurrences(text, name):
            if PART_OF_LONGER_NAME.match(text, end):
                continue
            if not _overlaps(start, end, [*taken, *spans]):
                spans.append((start, end))
    return spans


def _share_plural_designators(text: str, mentions: list[ToponymMention]) -> list[ToponymMention]:
    """'Homs and Hama provinces': the plural designator applies to each name
    of the list before it."""
    result = list(mentions)
    shared: ToponymMention | None = None
    for index in range(len(result) - 1, -1, -1):
        current = result[index]
        if (
            shared is not None
            and current.kind_hint in (None, shared.kind_hint)
            and _LIST_JOINER.fullmatch(text[current.end : result[index + 1].start])
        ):
            result[index] = replace(current, kind_hint=shared.kind_hint, cue=shared.cue)
            continue
        plural = _PLURAL_AFTER.match(text, current.end)
        shared = current if plural and current.kind_hint is not None else None
    return result


def _with_country_kind(mention: ToponymMention, gazetteer: Gazetteer) -> ToponymMention:
    """A country name is read as the country. An ISO code is not a name
    ("TN" in "Erode, TN" is Tamil Nadu): only the abbreviations listed as
    country names ("US", "UK") count."""
    if mention.kind_hint is None and names_country(mention.text, gazetteer):
        return replace(mention, kind_hint=COUNTRY)
    return mention
