"""Cardinals, quantity phrases and counted noun phrases (extract/numbers.py)."""

from __future__ import annotations

import re

import pytest

from frontwatch.extract.numbers import (
    CountedPhraseGrammar,
    is_date_number,
    parse_cardinal,
    quantity_pattern,
    read_quantity,
)

VAGUE = {"dozens": 12, "several": 3, "some": 3, "a dozen": 12}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("seven", 7),
        ("Nineteen", 19),
        ("twenty-one", 21),
        ("thirty four", 34),
        ("a hundred", 100),
        ("two hundred and five", 205),
        ("three thousand", 3000),
        ("2.5", None),
        ("1st", None),
        ("dozen", None),
    ],
)
def test_numbers_quantities_cardinals(text: str, value: int | None) -> None:
    assert parse_cardinal(text) == value


@pytest.mark.parametrize(
    ("phrase", "count", "low", "high", "singular"),
    [
        ("at least 12", 12, 12, 12, False),
        ("more than 40", 40, 40, 40, False),
        ("between 5 and 7", 5, 5, 7, False),
        ("8-10", 8, 8, 10, False),
        ("five or six", 5, 5, 6, False),
        ("up to 20", 1, 1, 20, False),
        ("some 30", 30, 30, 30, False),
        ("some", 3, 3, 3, False),
        ("dozens", 12, 12, 12, False),
        ("a dozen", 12, 12, 12, False),
        ("both", 2, 2, 2, False),
        ("a", 1, 1, 1, True),
        ("the", 1, 1, 1, True),
    ],
)
def test_numbers_quantities_read(
    phrase: str, count: int, low: int, high: int, singular: bool
) -> None:
    assert re.fullmatch(quantity_pattern(VAGUE), phrase, re.IGNORECASE)
    quantity = read_quantity(phrase, VAGUE)
    assert quantity is not None
    assert (quantity.count, quantity.low, quantity.high) == (count, low, high)
    assert quantity.singular is singular


@pytest.mark.parametrize("phrase", ["2020", "1999", "over a", "gazillions"])
def test_numbers_quantities_not_head_counts(phrase: str) -> None:
    assert read_quantity(phrase, VAGUE) is None


@pytest.mark.parametrize(
    ("text", "number", "is_date"),
    [
        ("On 9 May, 4 guards were killed.", "9", True),
        ("On 9 May, 4 guards were killed.", "4", False),
        ("On May 9 the shelling resumed.", "9", True),
        ("The blast came at 7 pm.", "7", True),
    ],
)
def test_numbers_quantities_dates(text: str, number: str, is_date: bool) -> None:
    start = text.index(number)
    assert is_date_number(text, start, start + len(number)) is is_date


def test_numbers_quantities_counted_phrase_chain() -> None:
    grammar = CountedPhraseGrammar(VAGUE, ["were", "and", "in", "of"], ["armed"])
    text = "3 armed men and 2 boys were seen in the town"
    phrases = grammar.chain(text, 0, text.index(" were"), lambda phrase, strict: True)
    assert [(p.quantity.count, p.head) for p in phrases] == [(3, "men"), (2, "boys")]
    family = grammar.at("a family of five", 0)
    assert family is not None and family.quantity.count == 5
