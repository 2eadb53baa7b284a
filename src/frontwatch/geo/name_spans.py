"""Spans of place names in running text: how news writes a name (capitalised
words joined by Arabic articles and Romance connectors), the capitalised
words that are never a place alone, and where a name the tagger cut short
begins and ends or runs on into the name of something else.
"""

from __future__ import annotations

import re

from frontwatch.geo.cues import ADMIN1, ADMIN_WORDS, SUFFIX_AFTER
from frontwatch.geo.gazetteer import Gazetteer

NAME_WORD = r"[A-Z][\w'’ʿ]*(?:-[A-Za-z][\w'’ʿ]*)*"
ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|en|er)"
# Lower-case words inside a name: Arabic articles and kinship words, and the
# Romance "de los", "de las", "del", "do", "dos" ("Leon de los Aldama",
# "Valle de las Palmas", "Rio do Sul"), and the Persian ezafe written apart
# ("Kut e Abdollah", "Sar e Pol").
CONNECTOR = (
    rf"(?:(?:de|da|do|di)[ -](?:los|las|la|el|le|lo)|{ARTICLE}|de|du|da|do|dos|das|del|"
    r"la|le|los|las|bin|ibn|abu|umm|bani|beni|bir|e|ye)"
)
# A capitalised name as news writes Arabic names too: "al-Sukhna", "Deir ez-Zor",
# "Maarat al-Numan", "Ras al Ain".
CANDIDATE_NAME = re.compile(
    rf"(?<![\w-])(?:{ARTICLE}-)?{NAME_WORD}(?:[ -](?:{CONNECTOR}[ -])?{NAME_WORD})*"
)
# Capitalised words that are never place names on their own.
_NOT_PLACE_WORDS = (
    "january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday the a an this "
    "that these those he she it they we i his her its their our mr mrs ms dr gen "
    "general col colonel president minister prime army police state islamic god allah "
    # Peoples, not places ("the Arab towns": Arab is also a town in Alabama).
    "arab arabs kurd kurds druze bedouin bedouins fulani tuareg yazidi yazidis rohingya"
)
NOT_PLACES = frozenset(_NOT_PLACE_WORDS.split())


# ", Lara state" / ", Borno": a region set off after a name.
_REGION_AFTER = re.compile(rf",\s+(?P<region>{NAME_WORD}(?:[ -](?:{CONNECTOR}[ -])?{NAME_WORD})*)")


def set_off_by_its_region(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A known place set off by the admin1 region that holds it, with no
    cue before it ("On 28 April, Carora, Lara state, drivers protested")."""
    after = _REGION_AFTER.match(text, end)
    if after is None or text[start:end].lower() in NOT_PLACES:
        return False
    regions = {
        (entry.country_code, entry.admin1)
        for entry in gazetteer.lookup(after.group("region"))
        if entry.feature == ADMIN1
    }
    return bool(regions) and any(
        (entry.country_code, entry.admin1) in regions
        for entry in gazetteer.lookup(text[start:end])
        if entry.feature != ADMIN1
    )


# Capitalised words (and the connectors of names) that carry a name on.
_CONTINUATION = re.compile(rf"(?:[ -](?:{CONNECTOR}[ -])?{NAME_WORD})+")
# "Navapolatsk of the Vitebsk region": a place and the region it lies in,
# not one longer name.
OF_A_REGION = re.compile(
    rf"\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*\s+"
    rf"(?:{ADMIN_WORDS}|district|county|department)\b"
)
# What follows a place name inside the name of something else: "Luhansk
# People's Militia", "Union of Civil Servants", "Kabul University".
PART_OF_LONGER_NAME = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z]|\s+[A-Z][a-z]+['’]s\b|\s+(?:People|Peoples|National|"
    r"University|Police|Army|Forces|Front|Brigade|Battalion|Council|Committee|Union|Party|"
    r"Movement|Government|Ministry|Bank|Company|Group|Media|News|TV|Radio)\b)"
)


# Capitalised words, with the connectors of names, right before a name.
_LEAD_IN = re.compile(rf"(?:(?<![\w-]){NAME_WORD}[ -](?:{CONNECTOR}[ -])?){{1,3}}$")
_LEAD_WORD = re.compile(rf"(?<![\w-]){NAME_WORD}")


def started_name(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """The start of a name the tagger cut at its head ("Rocha" of "Catole
    do Rocha"): the capitalised words before it belong to it when the whole
    is a name the gazetteer knows."""
    lead = _LEAD_IN.search(text, max(0, start - 60), start)
    if lead is None:
        return start
    for word in _LEAD_WORD.finditer(text, lead.start(), start):
        if gazetteer.lookup(text[word.start() : end]):
            return word.start()
    return start


def completed_name(text: str, start: int, end: int, gazetteer: Gazetteer) -> int:
    """The end of a name the tagger cut short ("Dawlat" of "Dawlat Abad
    district"): the capitalised words that follow belong to it when the
    whole is a known name or is followed by a designator."""
    more = _CONTINUATION.match(text, end)
    if more is None:
        return end
    longer = text[start : more.end()]
    if longer.split()[-1].lower() in NOT_PLACES:
        return end
    if SUFFIX_AFTER.match(text[more.end() : more.end() + 40]) or (
        gazetteer.lookup(longer) or gazetteer.lookup_admin2(longer)
    ):
        return more.end()
    return end
