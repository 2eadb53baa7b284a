"""Matching keys for place names written in many transliterations.

News, ACLED and GeoNames spell the same Arabic, Persian or Slavic name in
different ways ("al-Sukhna", "As Sukhnah", "Soukhne"). :func:`fold` maps such
variants to one key without merging genuinely different names; :func:`loose_key`
goes further (vowels become one placeholder) and is only a fallback when the
folded key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ŀ": "l",
        "ŧ": "t",
    }
)

# Apostrophes and the marks used for Arabic ayn and hamza: they vanish rather
# than split a word ("Ma'rib" is one word).
_MARKS = re.compile(r"['’‘ʿʾʻʼ`´′]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SEPARATORS = re.compile(r"[\W_]+")

# Arabic definite-article forms (and their assimilated variants) as separate
# tokens once hyphens are spaces: "Deir ez-Zor" -> "deir zor".
ARABIC_ARTICLES = frozenset(
    {
        "al",
        "el",
        "il",
        "as",
        "ash",
        "es",
        "esh",
        "ad",
        "adh",
        "ed",
        "ar",
        "er",
        "at",
        "ath",
        "et",
        "az",
        "ez",
        "an",
        "en",
        "ech",
    }
)

# Transliteration variants inside a word, applied in this order. Long vowels
# first ("ee" must become "i" before doubled letters are collapsed), then
# diphthongs written as ay/ai/ei/ey (Dayr, Deir) and aw/au/ow (Zawr, Zor).
_TOKEN_REPLACEMENTS = (
    ("dj", "j"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ay", "e"),
    ("ai", "e"),
    ("ei", "e"),
    ("ey", "e"),
    ("aw", "o"),
    ("au", "o"),
    ("ow", "o"),
)
_VOWELS = "aeiouy"
_EZAFE = frozenset({"e", "i", "ye", "yi"})
_OF_WORDS = frozenset({"de", "del", "do", "da", "dos", "das", "di"})
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWEL_RUN = re.compile(r"[aeiouy]+")


def unaccented(text: str) -> str:
    """``text`` without its diacritics, case and punctuation kept ("Bogotá"
    -> "Bogota")."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=65536)
def light_fold(name: str) -> str:
    """Lowercase, no diacritics or apostrophes, punctuation as single spaces.

    Used to tell an exact spelling from a merely equivalent one.
    """
    text = name.casefold()
    if not text.isascii():
        text = text.translate(_SPECIAL_LETTERS)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _MARKS.sub("", text)
    return " ".join(_SEPARATORS.sub(" ", text).split())


@lru_cache(maxsize=262144)
def _normalise_token(token: str) -> str:
    if not token.isalpha() or not token.isascii():
        return token
    for old, new in _TOKEN_REPLACEMENTS:
        if old in token:
            token = token.replace(old, new)
    # A final "h" after a vowel is a transliteration of ta marbuta or a
    # spelling habit (Sukhnah/Sukhna, Hamah/Hama); a final "e" after a
    # consonant is the French/Levantine rendering of the same ending (Soukhne).
    if len(token) > 2 and token[-1] == "h" and token[-2] in _VOWELS:
        token = token[:-1]
    if len(token) > 3 and token[-1] == "e" and token[-2] not in _VOWELS:
        token = token[:-1] + "a"
    # A final "y" after a consonant is the English spelling of a final "i"
    # (Qamishly, Qamishli).
    if len(token) > 3 and token[-1] == "y" and token[-2] not in _VOWELS:
        token = token[:-1] + "i"
    return _DOUBLED.sub(r"\1", token)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The matching key of a place name.

    Lowercase, without diacritics or apostrophe-like marks, hyphens as
    spaces, Arabic articles dropped, and common transliteration variants
    merged: ``fold("al-Sukhna") == fold("As Sukhnah") == fold("Soukhne")``.
    """
    tokens = light_fold(name).split()
    kept = [token for token in tokens if token not in ARABIC_ARTICLES]
    if not kept:
        kept = tokens
    if len(kept) > 1:
        kept = _without_ezafe(kept)
        # "San Luis de Potosi" = "San Luis Potosi": a Romance "of" between
        # words is written or left out.
        kept = [kept[0], *(t for t in kept[1:-1] if t not in _OF_WORDS), kept[-1]]
    return " ".join(_normalise_token(token) for token in kept)


def _without_ezafe(tokens: list[str]) -> list[str]:
    """The Persian/Pashto/Kurdish ezafe that joins the words of a name,
    written "-e", "-i-" or as a final "i": "Pul-e Alam" = "Pul-i-Alam" =
    "Puli Alam", "Rabat-e Sangi" = "Rabati Sangi". A connector word goes;
    a final "i" after a consonant goes from every word but the last."""
    kept = [token for token in tokens if token not in _EZAFE] or tokens
    last = len(kept) - 1
    return [
        token[:-1]
        if i < last and len(token) > 3 and token[-1] == "i" and token[-2] not in _VOWELS
        else token
        for i, token in enumerate(kept)
    ]


def loose_key(name: str) -> str:
    """A coarser key: the folded key with every vowel run written as "*".

    Vowels are the least reliable part of a transliteration ("Menbij" /
    "Manbij", "Kobani" / "Kobane"); the consonant skeleton with vowel
    positions kept still separates most names.
    """
    return loose_key_of_folded(fold(name))


def loose_key_of_folded(key: str) -> str:
    """:func:`loose_key` of a name whose :func:`fold` is ``key``."""
    return _VOWEL_RUN.sub("*", key)


def whole_word_occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where ``name`` is written as a whole word (no letter, digit,
    underscore or hyphen on either side), left to right, not overlapping:
    what a regular expression of the name with those boundaries finds,
    without compiling one per name and article."""
    position = 0
    while (start := text.find(name, position)) >= 0:
        end = start + len(name)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if _joins(before) or _joins(after):
            position = start + 1
            continue
        yield start, end
        position = end


def _joins(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")
