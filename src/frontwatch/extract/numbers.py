"""Numbers, quantity phrases and counted noun phrases in English news text.

Cardinals are digits ("12", "1,200") or words ("twenty-one", "a hundred").
A quantity phrase is a cardinal, a range ("between 5 and 7", "8-10"), a vague
word ("dozens", from a caller's table) or a singular determiner ("a", "the"),
with hedges in front ("at least", "up to", "some"). The patterns are
regular-expression source strings so that extractors can embed them in larger
patterns; ``read_quantity`` turns a matched phrase into counts. A counted
noun phrase is a quantity with the noun phrase after it ("3 local policemen");
``CountedPhraseGrammar`` finds them and lists of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}

_DIGIT_NAMES = "one|two|three|four|five|six|seven|eight|nine"
_UNIT_NAMES = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_NAMES = "|".join(TENS)
# "twenty-one", "twenty one", "twenty", "seventeen"
_BELOW_HUNDRED = rf"(?:(?:{_TEN_NAMES})(?:[-\s](?:{_DIGIT_NAMES})\b)?|(?:{_UNIT_NAMES}))"
# "a hundred", "two hundred and five", "three thousand"
_WITH_SCALE = (
    rf"(?:(?:a|one|{_DIGIT_NAMES}|{_BELOW_HUNDRED})\s+(?:hundred|thousand)"
    rf"(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?)"
)
NUMBER_WORD_PATTERN = rf"(?:{_WITH_SCALE}|{_BELOW_HUNDRED})"

# Digits, with optional thousands separators. Decimals ("2.5"), ordinals
# ("1st"), units glued to the digits ("152mm") and times ("10:30") are not
# cardinals of people, so they never match.
DIGITS_PATTERN = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,.:]\d)(?![A-Za-z])"

CARDINAL_PATTERN = rf"(?:{DIGITS_PATTERN}|\b{NUMBER_WORD_PATTERN}\b)"

_CARDINAL_RE = re.compile(rf"^{CARDINAL_PATTERN}$", re.IGNORECASE)
_WORD_SPLIT_RE = re.compile(r"[\s-]+")


def parse_cardinal(text: str) -> int | None:
    """The value of a cardinal written in digits or words, else None.

    >>> parse_cardinal("twenty-one"), parse_cardinal("1,200"), parse_cardinal("a hundred")
    (21, 1200, 100)
    """
    cleaned = text.strip().lower()
    if not _CARDINAL_RE.match(cleaned):
        return None
    if cleaned[0].isdigit():
        return int(cleaned.replace(",", ""))
    total = 0
    current = 0
    for word in _WORD_SPLIT_RE.split(cleaned):
        if word in ("and", ""):
            continue
        if word == "a":
            current = 1
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def is_year(value: int, text: str) -> bool:
    """Four digits between 1900 and 2099 read as a year, not a head count."""
    return len(text) == 4 and text.isdigit() and 1900 <= value <= 2099


# --- Quantity phrases ---------------------------------------------------------------

MONTHS_PATTERN = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Hedges before a number. A floor keeps the number; a ceiling ("up to 20")
# only says that someone died, so its lowest certain value is 1.
FLOOR_MODIFIERS = (
    "at least", "more than", "over", "upwards of", "a minimum of", "no fewer than",
    "no less than", "in excess of",
)  # fmt: skip
CEILING_MODIFIERS = ("up to", "as many as", "at most", "less than", "fewer than", "under")
HEDGE_MODIFIERS = (
    "about", "around", "approximately", "nearly", "almost", "roughly", "some",
    "an estimated", "estimated", "a reported", "reportedly", "possibly", "perhaps",
    "a total of", "a further", "another", "an additional", "additional", "only", "just",
    "all", "all of the", "the", "the remaining", "his", "her", "their", "its",
)  # fmt: skip
SINGULAR_DETERMINERS = ("a", "an", "another", "the", "his", "her", "their", "its")
ANAPHORIC_DETERMINERS = frozenset({"the", "both", "his", "her", "their", "its"})
_ALL_MODIFIERS = sorted(FLOOR_MODIFIERS + CEILING_MODIFIERS + HEDGE_MODIFIERS, key=len)


@dataclass(frozen=True, slots=True)
class Quantity:
    """The counts a quantity phrase supports (``count`` is the one to code)."""

    count: int
    low: int
    high: int
    reason: str
    singular: bool = False  # "a", "the", "his": one, but only before a noun for a person
    anaphoric: bool = False  # "the", "both", "his": likely refers to people named before


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, any whitespace between words."""
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def quantity_pattern(vague_phrases: Iterable[str]) -> str:
    """Regex source for a quantity phrase (no capturing groups)."""
    card = CARDINAL_PATTERN
    numeric = rf"(?:between\s+{card}\s+(?:and|to|-)\s+{card}|{card}(?:\s*(?:-|–|to|or)\s*{card})?)"
    vague = phrase_alternation(vague_phrases)
    core = rf"(?:{numeric}|{vague}|both|{phrase_alternation(SINGULAR_DETERMINERS)})"
    return (
        rf"(?<![\w.,:/'’-])(?<!\bno\s)(?<!\bnot\s)(?<!\bnone\s)(?!(?:19|20)\d\d\b)"
        rf"(?:(?:{phrase_alternation(_ALL_MODIFIERS)})\s+)*{core}(?![\w'’])"
    )


_RANGE_RE = re.compile(
    rf"^(?:between\s+)?(?P<a>{CARDINAL_PATTERN})\s*(?:-|–|to|or|and)\s*(?P<b>{CARDINAL_PATTERN})$",
    re.IGNORECASE,
)


def _strip_modifiers(text: str) -> tuple[str, list[str]]:
    seen: list[str] = []
    stripped = True
    while stripped:
        stripped = False
        for modifier in reversed(_ALL_MODIFIERS):
            if text.startswith(modifier + " "):
                seen.append(modifier)
                text = text[len(modifier) + 1 :].strip()
                stripped = True
                break
    return text, seen


def read_quantity(phrase: str, vague: Mapping[str, int]) -> Quantity | None:
    """The counts a quantity phrase supports, or None when it is not one
    (a year, an unknown word)."""
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    if text in vague:  # "some", "all" are also hedges: the whole phrase first
        return Quantity(vague[text], vague[text], vague[text], f'"{text}" = {vague[text]}')
    core, modifiers = _strip_modifiers(text)
    anaphoric = (modifiers[0] if modifiers else core) in ANAPHORIC_DETERMINERS
    value = parse_cardinal(core)
    pair = _RANGE_RE.match(core)
    if value is not None:
        if is_year(value, core):
            return None
        low = high = value
        reason = f"{core} = {value}"
    elif pair is not None:
        first, second = parse_cardinal(pair["a"]), parse_cardinal(pair["b"])
        if first is None or second is None or is_year(first, pair["a"]):
            return None
        low, high = min(first, second), max(first, second)
        reason = f"lowest of {low}-{high}"
    elif core in vague:
        low = high = vague[core]
        reason = f'"{core}" = {low}'
    elif core == "both":
        return Quantity(2, 2, 2, "both = 2", anaphoric=True)
    elif core in SINGULAR_DETERMINERS:
        if modifiers:  # "over a dispute", "at least the": not a head count
            return None
        return Quantity(1, 1, 1, f'"{core}" = 1', singular=True, anaphoric=anaphoric)
    else:
        return None
    if any(m in CEILING_MODIFIERS for m in modifiers):
        return Quantity(1, 1, high, f"up to {high}: lowest certain is 1", anaphoric=anaphoric)
    if any(m in FLOOR_MODIFIERS for m in modifiers):
        reason = f"at least {low}"
    return Quantity(low, low, high, reason, anaphoric=anaphoric)


def is_date_number(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a date ("9 May", "May 9") or a time."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 12].lower()
    return bool(
        re.search(rf"\b(?:{MONTHS_PATTERN})\.?\s*$", before)
        or re.match(rf"^\s*(?:{MONTHS_PATTERN})\b", after)
        or re.match(r"^\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours|gmt|utc)\b", after)
    )


def split_count(total: int, parts: int) -> list[int]:
    """A count spread over ``parts`` the way ACLED spreads a toll over events:
    equal shares, the remainder one each to the first (10 over 3 is [4, 3, 3])."""
    if parts <= 0:
        return [total]
    share, remainder = divmod(total, parts)
    return [share + 1 if index < remainder else share for index in range(parts)]


def majority_share(total: int, parts: int) -> int:
    """The share most of the ``parts`` get (on a tie, the lower one)."""
    shares = split_count(total, parts)
    return max(sorted(set(shares)), key=shares.count)


# --- Counted noun phrases -------------------------------------------------------------------

_WORD_CHARS = r"[\w'’\-/]"
_COORDINATION = (
    r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+|"
    r"\s+in\s+addition\s+to\s+|\s+along\s+with\s+|\s+together\s+with\s+"
)
# A phrase that is the subject of a verb of saying: who reports the figure,
# not more victims ("killed 12 people, the governor said").
_SAYS_AFTER = re.compile(
    r"\s+(?:said|says|told|reported|reports|added|stated|announced|claimed|confirmed)\b",
    re.IGNORECASE,
)
_GROUP_OF = re.compile(rf"\s+(?:family|group)\s+of\s+(?P<n>{CARDINAL_PATTERN})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CountedPhrase:
    """ "<quantity> <noun phrase>": "3 local policemen", "a member of the militia"."""

    start: int
    end: int
    quantity: Quantity
    quantity_text: str
    noun_phrase: str

    @property
    def head(self) -> str:
        """The head noun: the last word before "of", "from", a comma or a bracket."""
        cleaned = re.split(r"\(|,|\bof\b|\bfrom\b|\bincluding\b", self.noun_phrase.lower())[0]
        words = re.findall(r"[\w'’\-/]+", cleaned)
        return re.sub(r"(?:'s|’s|'|’)$", "", words[-1]) if words else ""

    @property
    def is_partitive(self) -> bool:
        """ "one", "one of them", "another", "the other": part of a group named before."""
        phrase, word = self.noun_phrase.strip().lower(), self.quantity_text.lower()
        if word == "the" and phrase == "other":
            return True
        return word in ("one", "another") and (not phrase or phrase.startswith("of "))


def noun_phrase_pattern(stop_words: Iterable[str], participles: Iterable[str]) -> str:
    """Regex source for the noun phrase after a quantity: "local policemen",
    "members of the militia (off duty)", "people, including two children,".

    ``stop_words`` end the phrase in lower case or capitalised, not in capitals
    ("IS fighters"). Lower-case words in -ed/-ing are verbs and end it too,
    unless they are ``participles`` ("armed men").
    """
    card, chars = CARDINAL_PATTERN, _WORD_CHARS
    stops = list(dict.fromkeys([*stop_words, *MONTHS_PATTERN.split("|")]))
    stop = phrase_alternation(stops + [w.capitalize() for w in stops])
    not_verb = rf"(?!(?!(?:{phrase_alternation(participles)})\b)(?-i:[a-z]+(?:ed|ing))(?!{chars}))"
    word = (
        rf"(?!(?-i:{stop})(?!{chars})){not_verb}(?!{card}(?![\w-]))"
        rf"(?:[A-Za-z]{chars}*|\d+-?[A-Za-z]{chars}*)"
    )
    listed = rf"(?!(?-i:{phrase_alternation(w for w in stops if w != 'and')})(?!{chars})){chars}+"
    determiner = r"(?:a|an|the|his|her|their|its|another|both|several|some|many|dozens)"
    item = (
        rf"\s+of\s+{card}(?=\s*(?:[,.;:)]|$)|\s+(?:including|people|members)\b)"
        rf"|\s+{word}|\s+and\s+(?!{determiner}\b){word}|\s*\([^()]{{0,80}}\)"
        r"|\s*,\s*(?:a|an|the|both|all|mostly|aged|working|including|who|whose)\b[^,.;()]{1,80},"
        rf"|\s+including\s+{listed}(?:\s+{listed}){{0,7}}"
    )
    return rf"(?:{item}){{0,12}}"


class CountedPhraseGrammar:
    """Finds counted noun phrases and coordinated lists of them ("3 soldiers
    and 2 civilians"). Which phrases count is the caller's ``accept`` test."""

    def __init__(
        self, vague: Mapping[str, int], stop_words: Iterable[str], participles: Iterable[str]
    ) -> None:
        self.vague = dict(vague)
        quantity = quantity_pattern(self.vague)
        self.quantity = re.compile(quantity, re.IGNORECASE)
        self.phrase = re.compile(
            quantity + noun_phrase_pattern(stop_words, participles), re.IGNORECASE
        )
        self.coordination = re.compile(_COORDINATION, re.IGNORECASE)

    def at(self, text: str, pos: int) -> CountedPhrase | None:
        """The counted phrase starting exactly at ``pos`` (not a date, not a year)."""
        q_match = self.quantity.match(text, pos)
        if q_match is None:
            return None
        quantity = read_quantity(q_match.group(0), self.vague)
        if quantity is None or is_date_number(text, q_match.start(), q_match.end()):
            return None
        match = self.phrase.match(text, pos)
        end = match.end() if match else q_match.end()
        noun_phrase = text[q_match.end() : end]
        group = _GROUP_OF.match(noun_phrase)
        if quantity.singular and group and (size := parse_cardinal(group["n"])):
            quantity = Quantity(size, size, size, f"a group of {size}")
        return CountedPhrase(pos, end, quantity, q_match.group(0), noun_phrase)

    def chain(
        self, text: str, start: int, end: int, accept: Callable[[CountedPhrase, bool], bool]
    ) -> list[CountedPhrase]:
        """The coordinated phrases from ``start`` up to ``end`` that ``accept``
        takes (its second argument is True for all but the last phrase).

        Phrases before a bare comma with no "and" later are not part of the
        list ("attacked a post, 3 soldiers were killed").
        """
        phrases: list[CountedPhrase] = []
        separators: list[str] = []
        phrase = self.at(text, start)
        while phrase is not None and phrase.end <= end and accept(phrase, False):
            phrases.append(phrase)
            separator = self.coordination.match(text, phrase.end)
            if separator is None or separator.end() >= end:
                break
            phrase = self.at(text, separator.end())
            if phrase is not None and _SAYS_AFTER.match(text, phrase.end):
                break
            if phrase is not None and accept(phrase, False):
                separators.append(separator.group(0).strip())
        keep_from = 0
        for index, joint in enumerate(separators):
            if joint == "," and all(s == "," for s in separators[index + 1 :]):
                keep_from = index + 1
        for index, phrase in enumerate(phrases[:-1]):
            if not accept(phrase, True):
                keep_from = max(keep_from, index + 1)
        return phrases[keep_from:]
