"""Cardinal numbers in English news text: digits ("12", "1,200") and words
("twelve", "twenty-one", "a hundred").

The patterns are regular-expression source strings so that other extractors
can embed them in larger patterns; ``parse_cardinal`` turns a matched string
back into an int.
"""

from __future__ import annotations

import re

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
