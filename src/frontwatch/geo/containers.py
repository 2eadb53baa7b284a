"""Which toponym lies in which: the administrative context written after a
place name.

Reports pin a small place with the units it lies in: "Takalout (Kidal)",
"a village (Salh district, Taizz)", "Staromykhaylivka, Donetsk", "Vostok
village of Alamudun district in Chui region", "Marib city (Marib
governorate)". A link from the inner toponym to the outer one lets the
resolver keep only the inner place's candidates that lie in the outer unit,
and fall back to the unit when the inner place is missing from the gazetteer
rather than take a namesake elsewhere.

Links are found between toponyms next to each other in the text:

- brackets: ``Inner (Outer)``, ``Inner (Middle, Outer)``: always a link;
- a comma: ``Inner, Outer``, when the outer name can be a region (an admin1,
  admin2 or country) and the two are not items of a list ("Homs, Hama and
  Aleppo" lists three cities);
- ``in``/``of``: ``Inner village of Outer district``, ``Inner in Outer
  province``, when the outer name can be a region;
- a part of a place: ``Inner area of Outer`` (a quarter of a town, whatever
  the town); a village by a town: ``Inner, near Outer``, when the inner
  name cannot be a region ("Istria, near Kanfanar" is no link).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontwatch.geo.toponyms import ToponymMention

# Words that may stand between a name and the unit it lies in.
DESIGNATOR = (
    r"(?:village|town|city|area|district|sub-?district|county|province|governorate|region|"
    r"state|prefecture|department|municipality|commune|locality|camp|neighbou?rhood|quarter|"
    r"front|frontline|countryside|outskirts|valley|township|division|raion|rayon|oblast|"
    r"wilaya|muhafazat|sector|suburb|road|highway|market|checkpoint|base|subdivision|tehsil|"
    r"taluka?|upazila|regency|lga|block|municipal\s+district)s?"
)
_OPTIONAL_DESIGNATOR = rf"(?:['’]s)?(?:\s+{DESIGNATOR})?"
_BRACKET_OPEN = re.compile(rf"^{_OPTIONAL_DESIGNATOR}\s*\(\s*$", re.IGNORECASE)
# "Inner (Unknown words, Outer)": a middle unit that no toponym stands for.
_BRACKET_SKIP = re.compile(rf"^{_OPTIONAL_DESIGNATOR}\s*\(\s*[^()]{{1,60}}?,\s*$", re.IGNORECASE)
_COMMA = re.compile(rf"^{_OPTIONAL_DESIGNATOR}\s*,\s*$", re.IGNORECASE)
_DIRECTION = r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
_IN_OF = re.compile(
    rf"^{_OPTIONAL_DESIGNATOR},?\s+(?:in|of|within)\s+(?:the\s+)?(?:{_DIRECTION}(?:ern)?\s+)?"
    r"(?:(?:countryside|outskirts|suburbs|district|province|governorate|region|area)\s+of\s+"
    r"(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "Gota area of Ahmedabad", "Jaro district of Iloilo City": a part of a
# place, whether or not the place is also a unit; "Ugah, near Lafia": a
# village by a town.
_PART_OF_PLACE = re.compile(
    r"^\s+(?:area|neighbou?rhood|quarter|locality|suburb|district|colony|sector)\s+of\s+"
    r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_PLACE = re.compile(
    rf"^{_OPTIONAL_DESIGNATOR}\s*,?\s+(?:near|close\s+to|outside)\s+(?:the\s+)?"
    r"(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# "Baghlani Jadid (Baghlan Markazi), Baghlan": the bracketed unit lies in
# the region after the bracket.
_AFTER_BRACKET = re.compile(r"^\s*\)\s*,\s*$")
_DESIGNATED = re.compile(rf"^(?:['’]s)?\s+{DESIGNATOR}\b", re.IGNORECASE)
# What makes the last item of a comma run the end of a list.
_LIST_END = re.compile(r"^\s*(?:,\s*)?(?:and|or|&)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ContainerLink:
    outer: int  # index of the mention of the unit the inner place lies in
    bracketed: bool  # written in brackets: the strongest form
    designated: bool = False  # a designator follows the inner name ("X district, Y")
    part: bool = False  # the inner is a part of the outer place ("X area of Y")


def _inside_brackets(text: str, position: int) -> bool:
    """Whether ``position`` is inside an open bracket of its sentence."""
    before = text[max(0, position - 120) : position]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :]
    return before.count("(") > before.count(")")


def _comma_runs(text: str, mentions: Sequence[ToponymMention]) -> set[int]:
    """Indexes of mentions that are items of a list: a run of names joined
    by commas whose last item comes after "and"/"or"."""
    listed: set[int] = set()
    run = [0]
    for index in range(len(mentions) - 1):
        gap = text[mentions[index].end : mentions[index + 1].start]
        if _COMMA.match(gap):
            run.append(index + 1)
            continue
        if _LIST_END.match(gap):
            listed.update(run)
            listed.add(index + 1)
        run = [index + 1]
    return listed


def container_links(
    text: str,
    mentions: Sequence[ToponymMention],
    can_be_region: Callable[[int], bool],
) -> dict[int, ContainerLink]:
    """Inner mention index -> the link to the unit it lies in.

    ``mentions`` are in text order; ``can_be_region(index)`` says whether a
    mention can name an admin1, admin2 or country.
    """
    links: dict[int, ContainerLink] = {}
    listed = _comma_runs(text, mentions)
    for index in range(len(mentions) - 1):
        inner, outer = mentions[index], mentions[index + 1]
        gap = text[inner.end : outer.start]
        if outer.start < inner.end or len(gap) > 80:
            continue
        if _BRACKET_OPEN.match(gap) or _BRACKET_SKIP.match(gap):
            links[index] = ContainerLink(index + 1, bracketed=True)
        elif _COMMA.match(gap):
            if _inside_brackets(text, inner.start) and _inside_brackets(text, outer.start):
                links[index] = ContainerLink(index + 1, bracketed=True)
            elif can_be_region(index + 1) and not (index in listed and index + 1 in listed):
                designated = _DESIGNATED.match(gap) is not None
                links[index] = ContainerLink(index + 1, bracketed=False, designated=designated)
        elif (
            _AFTER_BRACKET.match(gap)
            and can_be_region(index + 1)
            and not text[outer.end : outer.end + 3].lstrip().startswith("(")
            and _inside_brackets(text, inner.start)
        ):
            links[index] = ContainerLink(index + 1, bracketed=True)
        elif _PART_OF_PLACE.match(gap):
            links[index] = ContainerLink(index + 1, bracketed=False, designated=True, part=True)
        elif _NEAR_PLACE.match(gap) and not can_be_region(index):
            links[index] = ContainerLink(index + 1, bracketed=False, designated=True)
        elif _IN_OF.match(gap) and can_be_region(index + 1):
            designated = _DESIGNATED.match(gap) is not None
            links[index] = ContainerLink(index + 1, bracketed=False, designated=designated)
    return links


def chain_order(count: int, links: dict[int, ContainerLink]) -> list[int]:
    """Mention indexes with every unit before the places inside it."""
    order: list[int] = []
    seen: set[int] = set()

    def visit(index: int, depth: int) -> None:
        if index in seen or depth > count:
            return
        link = links.get(index)
        if link is not None:
            visit(link.outer, depth + 1)
        seen.add(index)
        order.append(index)

    for index in range(count):
        visit(index, 0)
    return order
