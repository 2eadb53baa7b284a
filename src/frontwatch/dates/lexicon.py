"""Calendar vocabulary and the regular-expression fragments built from it.

Month and weekday names are matched case-sensitively (capitalised or all
capitals) so that the verb "may" and the noun "march" never look like dates;
the rules in ``explicit.py`` add the context a bare month name needs.
"""

from __future__ import annotations

import re

MONTH_NUMBERS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

# Abbreviations are only accepted right beside a day number or a year, since
# "Mar" and "Jan" are also words and names.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAY_NUMBERS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Counts written as words in "two days ago", "three weeks earlier".
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
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
    "twenty": 20,
    "thirty": 30,
}


def _name_alternation(names: list[str]) -> str:
    """Title-case and upper-case spellings, longest first so "June" beats "Jun"."""
    spellings = {variant for name in names for variant in (name.title(), name.upper())}
    return "|".join(sorted(spellings, key=len, reverse=True))


MONTH_FULL_RE = rf"(?:{_name_alternation(list(MONTH_NUMBERS))})"
MONTH_ABBR_RE = rf"(?:(?:{_name_alternation(list(MONTH_ABBREVIATIONS))})\.?)"
# Any month spelling that may stand beside a day number or a year.
MONTH_RE = rf"(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE})(?![A-Za-z])"
WEEKDAY_RE = rf"(?:{_name_alternation(list(WEEKDAY_NUMBERS))})(?![A-Za-z])"
# A day of the month, optionally with an ordinal suffix; never part of a longer number.
DAY_RE = r"(?<![\d.,$£€])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
YEAR_RE = r"(?<![\d.,$£€])(?:19|20)\d{2}(?![\d%])"
COUNT_RE = rf"(?:\d{{1,3}}|(?i:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}))"
DASH_RE = r"\s*(?:-|–|—|/)\s*"


def month_number(name: str) -> int:
    """The month (1-12) a spelling names: "May", "SEPT.", "Sep" -> 5, 9, 9."""
    key = name.rstrip(".").lower()
    if key in MONTH_NUMBERS:
        return MONTH_NUMBERS[key]
    return MONTH_ABBREVIATIONS[key]


def weekday_number(name: str) -> int:
    """Monday = 0 ... Sunday = 6, as ``datetime.date.weekday``."""
    return WEEKDAY_NUMBERS[name.lower()]


def day_number(text: str) -> int:
    """ "9", "09", "9th", "1st" -> the day of the month."""
    digits = re.match(r"\d+", text)
    if digits is None:
        raise ValueError(f"not a day number: {text!r}")
    return int(digits[0])


def count_number(text: str) -> int:
    """ "two" -> 2, "12" -> 12."""
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS[text.lower()]
