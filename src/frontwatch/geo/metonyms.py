"""Names of places that name no place where something happened: a
national capital or a seat of government standing for its government
("Moscow said", "the Kremlin said"), a country
name or a sea modifying a noun ("US dollar", "a Black Sea port"), and an
acronym that is no region's ("DOE")."""

from __future__ import annotations

import re

from frontwatch.geo.countries import national_capitals
from frontwatch.geo.country_words import MODIFIER_AFTER
from frontwatch.geo.cues import ADMIN1, COUNTRY, sea_as_modifier
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.landmarks import landmark
from frontwatch.geo.names import fold, light_fold

# What a government does, said of its capital: "Moscow said", "Washington
# has repeatedly warned", "Beijing denies".
_GOVERNMENT_VERB = re.compile(
    r"\s+(?:(?:has|have|had|also|repeatedly|previously|later|quickly|strongly|long|"
    r"officially|publicly)\s+)*(?:said|says|say|warned|warns|denied|denies|deny|accused|"
    r"accuses|claimed|claims|announced|announces|insisted|insists|responded|responds|vowed|"
    r"vows|urged|urges|condemned|condemns|rejected|rejects|blamed|blames|demanded|demands|"
    r"welcomed|welcomes|believes|believed|wants|wanted|hopes|hoped|agreed|agrees|"
    r"threatened|threatens|argued|argues|maintains|maintained|signalled|signaled|"
    r"retaliated|recognised|recognized|sanctioned|expelled|summoned)\b"
)


# What is done to a government, said of its capital: "Zelensky blamed
# Moscow", "urged Washington to act".
_GOVERNMENT_OBJECT = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|accusing|urged|urges|urging|warned|warns|"
    r"condemned|condemns|criticised|criticized|criticises|criticizes|pressed|pressing|"
    r"called\s+on|calls\s+on|appealed\s+to|sanctioned)\s+$",
    re.IGNORECASE,
)
# "the government in Tripoli blamed": a capital after a preposition is
# where someone is.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|near|to|into|of|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE
)


def capital_as_government(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A national capital standing for its government ("Moscow said its
    aircraft had supported the advance", "Zelensky blamed Moscow"): a
    metonym, no place where
    anything happened. (Still a toponym for ``frontwatch geoparse``, as
    geoparsing corpora annotate it; the event pipeline leaves it out.)"""
    spoken_of = _GOVERNMENT_OBJECT.search(text, max(0, start - 40), start) is not None
    if not spoken_of and (
        _GOVERNMENT_VERB.match(text, end) is None or _PLACE_BEFORE.search(text, 0, start)
    ):
        return False
    if landmark(text[start:end]) is not None:
        return True  # "the Kremlin said": a seat of government speaking
    capitals = national_capitals()
    return any(
        (entry.country_code, entry.name) in capitals for entry in gazetteer.lookup(text[start:end])
    )


def acronym_not_region(name: str, gazetteer: Gazetteer) -> bool:
    """An acronym ("DOE", "AIMC") names an organisation unless it is a
    known abbreviation of a country or region ("US", "TN"), written as
    such: the folding that merges transliterations would read an armed
    group's "AAS" as "As", the code of Assam."""
    if not (name.isupper() and len(name) <= 5 and name.isalpha()):
        return False
    if fold(name) != light_fold(name):
        return True
    return not any(entry.feature in (ADMIN1, COUNTRY) for entry in gazetteer.lookup(name))


def is_modifier(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the country name text[start:end] modifies the noun after it
    ("US dollar", "UK-based") instead of naming where something happens;
    likewise a sea before "port" or "coast" ("a Black Sea port")."""
    if sea_as_modifier(text, start, end):
        return True
    return (
        MODIFIER_AFTER.match(text, end) is not None
        and gazetteer.country(text[start:end]) is not None
    )


# Words that open the name of a quarter of a town in Spanish-speaking
# countries ("Colonia Jacinto Lopez", "Barrio Obrero"): with a name after
# them they are no place of their own.
_QUARTER_WORDS = frozenset({"Colonia", "Barrio", "Fraccionamiento", "Ejido"})
_NAME_AFTER = re.compile(r"\s+[A-Z]")


def opens_quarter_name(text: str, start: int, end: int) -> bool:
    """ "Colonia" in "Colonia Lomas de San Agustin": a quarter of a town,
    not a town called Colonia."""
    return text[start:end] in _QUARTER_WORDS and _NAME_AFTER.match(text, end) is not None
