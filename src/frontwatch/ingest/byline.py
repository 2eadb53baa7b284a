"""Bylines and datelines: who wrote a story and which wire service it came from.

"By Reuters", "By Jane Doe, Associated Press", a lone "AFP" line, a dateline
("BEIRUT (Reuters) - ...") and a closing "— AFP" all name the original
source; a byline without an agency names the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.ingest.boilerplate import CleaningRules

# A byline is short; longer lines starting "By" are sentences.
MAX_BYLINE_WORDS = 16
MAX_AUTHOR_WORDS = 10
# Lowercase words a person's name (or a staff credit) may contain.
_NAME_CONNECTORS = frozenset(
    {
        *("and", "&", "de", "del", "della", "da", "di", "du", "dos", "das", "van", "von"),
        *("der", "den", "la", "le", "bin", "ibn", "al", "el", "staff", "writer", "writers"),
        *("correspondent", "correspondents", "reporter", "reporters", "editor", "editors"),
        *("contributor", "team", "desk"),
    }
)
# Arabic articles written in lower case at the start of a surname ("al-Hassan").
_LOWER_NAME_PREFIX = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ad-|ul)[-'’]\w")
_BY = re.compile(r"^(?:written\s+)?by\s*:?\s+(?P<rest>\S.*?)\s*\.?$", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^(?:(?i:sources?)\s*:\s*|[-–—]+\s*)?(?P<rest>\S.*?)\s*\.?$")
_SEGMENT_SPLIT = re.compile(r"\s*(?:,|;|\||/|\s[-–—]\s|\s+for\s+)\s*")
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# "BEIRUT, March 3 (Reuters) -" or "(AFP) —" opening the first paragraph.
# The dash may be missing after a place in capitals: "ATLANTA (AP) An aide ...".
_DATELINE = re.compile(
    r"^(?P<prefix>(?P<place>[A-Z][^()\n]{0,80}?)?\s*\((?P<source>[^()]{2,60})\)\s*"
    r"(?P<dash>[-–—:]+\s*)?)(?P<rest>\S.*)$",
    re.DOTALL,
)
_MAX_DATELINE_PLACE_WORDS = 8
# An agency missing from the data file is still known by its name: "Meridian
# News Agency", "Crescent Wire".
# On a line of its own (no "By") only the unambiguous suffixes count: an
# outlet's masthead can end in "Wire" too.
_AGENCY_NAME = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+){1,5}(?:News Agency|Press Agency|Agency|Wire|Wire Service|"
    r"News Service|Newswire)"
)
_STRICT_AGENCY_NAME = re.compile(
    r"(?:[A-Z][\w'’.&-]*\s+){1,5}(?:News Agency|Press Agency|News Service)"
)
# "... the ministry said. — AFP" closing the last paragraph.
_SOURCE_SUFFIX = re.compile(r"\s+[-–—]+\s*(?P<source>[A-Za-z][A-Za-z/ .&-]{1,40}?)\s*\.?$")


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None  # "Jane Doe and John Roe"; None for an agency-only byline
    sources: tuple[str, ...]  # canonical wire-service names, in order


@dataclass(frozen=True, slots=True)
class Dateline:
    prefix: str  # the removed text, "BEIRUT (Reuters) - "
    rest: str  # the paragraph without it
    sources: tuple[str, ...]


def parse_byline(line: str, rules: CleaningRules) -> Byline | None:
    """The byline in ``line``, or None if the line is not one."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    match = _BY.match(line)
    if match:
        return _parse_credit(match.group("rest"), rules, allow_author=True)
    match = _SOURCE_LINE.match(line)
    if match:
        # Without "By", only a line that is nothing but agency names counts.
        return _parse_credit(match.group("rest"), rules, allow_author=False)
    return None


def split_dateline(paragraph: str, rules: CleaningRules) -> Dateline | None:
    """A wire dateline opening ``paragraph``, split off."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place") or ""
    words = place.replace(",", " ").split()
    if len(words) > _MAX_DATELINE_PLACE_WORDS or place.rstrip().endswith("."):
        return None
    # A dateline's place (and date) is capitalised: "GAZA CITY, Nov 3", not
    # "The news agency (SANA) - ...".
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None
    if match.group("dash") is None and not (words and len(words[0]) > 2 and words[0].isupper()):
        return None
    sources = _all_wires(match.group("source"), rules)
    if not sources:
        return None
    return Dateline(prefix=match.group("prefix"), rest=match.group("rest"), sources=sources)


def split_source_suffix(paragraph: str, rules: CleaningRules) -> tuple[str, tuple[str, ...]]:
    """``paragraph`` without a closing "— AFP", and the agencies it named."""
    match = _SOURCE_SUFFIX.search(paragraph)
    if not match:
        return paragraph, ()
    sources = _all_wires(match.group("source"), rules)
    if not sources:
        return paragraph, ()
    return paragraph[: match.start()].rstrip(), sources


def _all_wires(text: str, rules: CleaningRules, *, strict: bool = False) -> tuple[str, ...]:
    """Agency names when ``text`` is nothing but agencies ("AFP/Reuters"), else ()."""
    agency_name = _STRICT_AGENCY_NAME if strict else _AGENCY_NAME
    found: list[str] = []
    for segment in _segments(text):
        for part in _AND_SPLIT.split(segment):
            bare = _strip_article(part)
            name = rules.wire_service(bare)
            if name is None and agency_name.fullmatch(bare):
                name = bare
            if name is None:
                return ()
            if name not in found:
                found.append(name)
    return tuple(found)


def _parse_credit(text: str, rules: CleaningRules, *, allow_author: bool) -> Byline | None:
    sources: list[str] = []
    names: list[str] = []
    for segment in _segments(text):
        if any(char.isdigit() for char in segment):
            continue  # a date or time printed beside the byline
        wires = _all_wires(segment, rules, strict=not allow_author)
        if wires:
            sources.extend(w for w in wires if w not in sources)
            continue
        name = _person_name(segment)
        if name is None or not allow_author:
            return None
        names.append(name)
    author = ", ".join(names) or None
    if author is None and not sources:
        return None
    if author is not None and len(author.split()) > MAX_AUTHOR_WORDS:
        return None
    return Byline(author=author, sources=tuple(sources))


def _segments(text: str) -> list[str]:
    # "Jane Doe (AFP)" -> "Jane Doe", "AFP"
    flattened = _PARENTHESIS.sub(lambda m: f", {m.group(1)},", text)
    return [s.strip(" .") for s in _SEGMENT_SPLIT.split(flattened) if s.strip(" .")]


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") and len(name) > 4 else name


def _person_name(segment: str) -> str | None:
    """``segment`` if it reads as a name or staff credit ("Jane Doe in Beirut"
    gives "Jane Doe"), else None."""
    words = segment.split()
    if " in " in f" {segment} ":
        words = segment.split(" in ")[0].split()
    if not words or not words[0][:1].isupper():
        return None
    for word in words:
        bare = word.strip(".,'’\"")
        if not bare:
            continue
        if bare[:1].isupper() or bare.lower() in _NAME_CONNECTORS:
            continue
        if _LOWER_NAME_PREFIX.match(bare):
            continue
        return None
    return " ".join(words)
