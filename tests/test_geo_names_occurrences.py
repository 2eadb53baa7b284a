"""Whole-word occurrences of a name: what the regular expression with the
same boundaries finds."""

from __future__ import annotations

import re

import pytest

from frontwatch.geo.names import whole_word_occurrences

CASES = [
    ("Homs", "Homs and Homs-bound convoys left Homs; Homsi, AlHoms, _Homs, Homs_ and Homs."),
    ("Sukhna", "al-Sukhna, Sukhnah, Sukhna Sukhna, (Sukhna) and 'Sukhna'"),
    ("Deir ez-Zor", "Deir ez-Zor and Deir ez-Zoran; Deir ez-Zor's airport"),
    ("Aden", "Aden Aden2 2Aden Adenville Aden"),
    ("Kabul", ""),
]


@pytest.mark.parametrize(("name", "text"), CASES)
def test_geo_names_occurrences_same_as_expression(name: str, text: str) -> None:
    expected = [
        m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]
    assert list(whole_word_occurrences(text, name)) == expected
    if name == "Homs":
        assert len(expected) == 3
