"""The one-pass country-name scan finds what one regular expression of all
the names finds (the expression it replaced)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from frontwatch.geo.country_words import _country_lexicon, country_mentions

TEXTS = [
    "South Sudan and Sudan traded accusations; South Sudanese troops moved north.",
    "Guinea-Bissau is not Guinea, nor Equatorial Guinea, nor Papua New Guinea.",
    "The U.S. and US-backed forces met Syrian and Iraqi officials in Syria's east.",
    "Nigerians in Niger and Nigeria, and a Nigerien soldier, said Mali's junta...",
    "Kongo is no Congo; DRC and the Democratic Republic of the Congo are one.",
    "A.Syria, Syria_x, xSyria and Syria2 are no names; (Syria) and 'Iraq' are.",
    "",
]


def _reference(text: str) -> list[tuple[int, int, str]]:
    lexicon = _country_lexicon()
    alternatives = "|".join(re.escape(n) for n in sorted(lexicon.codes, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def _demo_texts() -> list[str]:
    folder = resources.files("frontwatch.data") / "demo"
    return [e.read_text(encoding="utf-8") for e in folder.iterdir() if e.name.endswith(".txt")]


@pytest.mark.parametrize("text", TEXTS + _demo_texts())
def test_geo_country_words_scan_same_as_expression(text: str) -> None:
    assert list(_country_lexicon().finditer(text)) == _reference(text)


def test_geo_country_words_longest_name_wins() -> None:
    names, demonyms = country_mentions("Fighting in South Sudan; South Sudanese refugees.")
    assert set(names) == {"SS"}
    assert set(demonyms) == {"SS"}


@pytest.mark.parametrize(
    ("text", "span", "countries", "named"),
    [
        # a country name inside a longer place name elsewhere names no country
        ("Gunmen shot a man in Port of Spain.", (21, 34), {"TT"}, {}),
        # ... but a place of that country still names it
        ("Workers protested in Ciudad de Mexico.", (21, 37), {"MX"}, {"MX": 1}),
        # the country name alone is a span of its own, not inside a longer one
        ("Troops entered Mali.", (15, 19), {"ML"}, {"ML": 1}),
    ],
)
def test_geo_country_words_inside_a_longer_place(
    text: str, span: tuple[int, int], countries: set[str], named: dict[str, int]
) -> None:
    assert dict(country_mentions(text, [(*span, frozenset(countries))])[0]) == named
