"""What a "captured", "seized" or "stormed" took: ground, or something else.

ACLED codes a change of territorial control only when an armed group takes or
retakes a place: a town, an area, a hill, a base. The same verbs name other
acts: seizing weapons is disrupted weapons use, seizing goods, vehicles or
land is looting, capturing people or storming a building is violence against
those inside (decided, like any attack, by who they were).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TERRITORY = "@territory"
VIOLENCE = "@violence"
LOOTING = "Looting/property destruction"
WEAPONS_SEIZED = "Disrupted weapons use"

# Words that may stand before the object: articles, numbers, amounts.
_LEAD = (
    r"(?:(?:about|around|over|more than|at least|some|nearly|a|an|the|large|huge|several|"
    r"quantities of|quantity of|amount of|number of|numbers of|cache of|haul of|"
    r"\d[\d.,]*|tons?|tonnes?|kilos?|kg|kilograms?|packs?|boxes|of|and|part of|parts of|"
    r"control of|control over|full control of|back|most of|much of|all of|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\s+)*"
)
# Places that can be held: settlements, areas, positions.
PLACE_NOUNS = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:towns?|cit(?:y|ies)|villages?|areas?|district|districts|regions?|"
    r"territor(?:y|ies)|hills?|heights|mountains?|ridges?|bases?|air ?bases?|airports?|airfields?|"
    r"positions?|posts?|outposts?|checkpoints?|strongholds?|localit(?:y|ies)|neighbou?rhoods?|"
    r"suburbs?|settlements?|islands?|valleys?|province|provinces|county|counties|"
    r"municipalit(?:y|ies)|frontlines?|front lines?|lines|crossings?|border|junctions?|"
    r"highways?|roads?|bridges?|dams?|oil ?fields?|gas ?fields?|fields|ports?|harbou?r|"
    r"camps?|outskirts|countryside|desert|forest|zones?|sectors?|enclave|pocket|ground|"
    r"surroundings|environs)\b",
    re.IGNORECASE,
)
# People: capturing them is fighting (or abducting), not holding ground.
PEOPLE = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:persons?|people|men|man|women|woman|boys?|girls?|children|child|"
    r"militants?|rebels?|fighters?|soldiers?|troops|officers?|policem[ae]n|members?|operatives?|"
    r"suspects?|thie(?:f|ves)|robbers?|bandits?|workers?|civilians?|residents?|villagers?|"
    r"elements?|insurgents?|jihadists?|gunmen|commanders?|leaders?|prisoners?|hostages?|"
    r"individuals?|citizens?|youths?|recruits?|personnel)\b(?!['’])",
    re.IGNORECASE,
)
# Buildings: storming one is an act against whoever is inside.
BUILDINGS = re.compile(
    r"(?:[\w'’-]+\s+){0,4}?(?:houses?|homes?|residences?|offices?|stations?|buildings?|compounds?|"
    r"headquarters|premises|compan(?:y|ies)|banks?|shops?|stores?|markets?|factor(?:y|ies)|"
    r"schools?|universit(?:y|ies)|hospitals?|clinics?|mosques?|churches|church|temples?|"
    r"prisons?|jails?|facilit(?:y|ies)|warehouses?|hotels?|courts?|courthouse|"
    r"parliament|ministry|secretariat|assembly|council|hall|embassy|mill|farm|"
    r"booth|plant|depot|apartment|flat)\b",
    re.IGNORECASE,
)
WEAPON_OBJECTS = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:weapons?|arms|ammunition|rifles?|guns?|explosives?|grenades?|"
    r"rockets?|mortars?|bombs?|ieds?|mines?|missiles?|munitions?|firearms?|pistols?|tnt|"
    r"dynamite|detonators?|cartridges?|rounds)\b",
    re.IGNORECASE,
)
GOODS = re.compile(
    r"(?:[\w'’-]+\s+){0,3}?(?:drugs?|narcotics?|marijuana|cannabis|cocaine|heroin|opium|pills|"
    r"methamphetamine|hashish|cigarettes|contraband|cash|money|vehicles?|cars?|trucks?|"
    r"tankers?|boats?|motorbikes?|motorcycles?|goods|property|properties|land|lands|livestock|"
    r"cattle|cows?|goats?|sheep|camels|fuel|diesel|food|foods|aid|equipment|documents|"
    r"phones?|crops?|harvest|devices?|supplies|timber|gold|minerals?|machinery)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r",\s|[;:]|\s(?:and|after|before|while|when|as|in order|to)\s")


def territory_reading(
    text: str,
    trigger_start: int,
    trigger_end: int,
    *,
    passive: bool,
    places: Sequence[tuple[int, int]] = (),
) -> str:
    """How to read a territorial trigger in ``text`` (one sentence; offsets
    relative to it): ``TERRITORY`` when what was taken is a place, else
    ``VIOLENCE`` (people, a building), ``LOOTING`` (goods, vehicles, land)
    or ``WEAPONS_SEIZED``. ``places`` are the spans of the toponyms found in
    the sentence. An object of no known kind is taken for a place."""
    if passive:
        taken = _subject(text[:trigger_start])
        offset = text.rfind(taken, 0, trigger_start) if taken else trigger_start
    else:
        taken, offset = _object(text, trigger_end)
    if not taken:
        return TERRITORY
    lead = re.match(_LEAD, taken, re.IGNORECASE)
    skip = lead.end() if lead else 0
    head = taken[skip:]
    if any(start <= offset + skip < end for start, end in places):
        return TERRITORY
    # The kind whose noun comes first heads the object ("a string of villages
    # from the militants" took villages).
    found = [
        (match.end(), order, reading)
        for order, (pattern, reading) in enumerate(
            (
                (WEAPON_OBJECTS, WEAPONS_SEIZED),
                (GOODS, LOOTING),
                (PEOPLE, VIOLENCE),
                (BUILDINGS, VIOLENCE),
                (PLACE_NOUNS, TERRITORY),
            )
        )
        if (match := pattern.match(head)) is not None
    ]
    return min(found)[2] if found else TERRITORY


def _object(text: str, end: int) -> tuple[str, int]:
    """The words after the trigger, up to the end of its clause."""
    rest = text[end:]
    stripped = rest.lstrip(" ")
    offset = end + len(rest) - len(stripped)
    cut = _CLAUSE_END.search(stripped)
    return (stripped[: cut.start()] if cut else stripped)[:80], offset


def _subject(before: str) -> str:
    """The words before a passive trigger, back to the start of its clause."""
    trimmed = re.sub(r"\s*\b(?:was|were|been|being|is|are|has|have|had)\b[\w\s,]*$", "", before)
    cut = max(trimmed.rfind(","), trimmed.rfind(";"))
    return trimmed[cut + 1 :].strip()[-80:]
