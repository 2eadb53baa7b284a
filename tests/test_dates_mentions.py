"""Finding every date in a sentence: offsets, non-dates, anchors, qualifiers."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from frontwatch.dates import spans
from frontwatch.dates.resolve import NOT_A_DATE, find_dates, resolve_expression
from frontwatch.models import DAY, MONTH, WEEK

D = dt.date
SATURDAY = D(2017, 8, 26)


@pytest.mark.parametrize(
    "sentence",
    [
        "They may attack the town again if the talks fail.",
        "May God protect the families, the imam said.",
        "Thousands joined a protest march through the capital.",
        "March organisers said the route had been changed.",
        "The Sunday Times reported the claim without naming a source.",
        "Crowds marked the anniversary of Bloody Sunday in the city.",
        "About 2000 people fled across the river.",
        "He was sentenced to 15 years in prison.",
        "The rally drew 30 people and lasted two hours.",
        "The militia has 300 fighters in the valley.",
        "Residents of Mayfield and Marchwood were evacuated.",
        "A score of 3-5 was recorded in the match.",
        "The Saturday Night Live cast toured the capital.",
    ],
)
def test_dates_mentions_ignore_non_dates(sentence: str) -> None:
    assert find_dates(sentence, SATURDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The group said on Saturday that it had taken two villages.",
            [("on Saturday", D(2017, 8, 26), DAY)],
        ),
        (
            "Saturday's attack was the deadliest since the ceasefire.",
            [("Saturday's", D(2017, 8, 26), DAY)],
        ),
        (
            "Fighting broke out on Tuesday night and stopped on Thursday.",
            [("on Tuesday night", D(2017, 8, 22), DAY), ("on Thursday", D(2017, 8, 24), DAY)],
        ),
        (
            "Shelling resumed in May after a lull in April.",
            [("in May", D(2017, 5, 1), MONTH), ("in April", D(2017, 4, 1), MONTH)],
        ),
        (
            "Rebels attacked the depot on 3 May and 5 May 2017.",
            [("3 May", D(2017, 5, 3), DAY), ("5 May 2017", D(2017, 5, 5), DAY)],
        ),
    ],
)
def test_dates_mentions_finds_each_date(
    sentence: str, expected: list[tuple[str, dt.date, int]]
) -> None:
    mentions = find_dates(sentence, SATURDAY)
    assert [(m.text, m.span.start, m.span.precision) for m in mentions] == expected
    for mention in mentions:
        assert sentence[mention.start : mention.end] == mention.text == mention.span.expression


@pytest.mark.parametrize(
    ("sentence", "anchored_text", "day"),
    [
        ("Gunmen seized a trader on 3 May 2020. He was freed the next day.", "the next day", 4),
        ("Troops entered the town on 10 May 2020, two days after the siege began.", None, 10),
        (
            "The convoy was hit on 9 May 2020; the day before, a bridge was cut.",
            "the day before",
            8,
        ),
        (
            "Talks failed on 9 May 2020 and fighting resumed three days later.",
            "three days later",
            12,
        ),
        ("The base was shelled on 9 May 2020 and again later that day.", "later that day", 9),
    ],
)
def test_dates_mentions_anchor_on_the_earlier_day(
    sentence: str, anchored_text: str | None, day: int
) -> None:
    mentions = find_dates(sentence, D(2020, 5, 13))
    chosen = mentions[-1] if anchored_text else mentions[0]
    if anchored_text:
        assert chosen.text == anchored_text
    assert (chosen.span.start, chosen.span.precision) == (D(2020, 5, day), DAY)


@pytest.mark.parametrize(
    ("sentence", "text", "start", "precision"),
    [
        ("Around 5 May 2020, traders closed their shops.", "Around 5 May 2020", 5, WEEK),
        ("On or about 4 May 2020 the post was abandoned.", "On or about 4 May 2020", 4, WEEK),
        ("As reported on 6 May 2020, police held two men.", "As reported on 6 May 2020", 6, WEEK),
        ("On 3 May 2020 (or around), farmers marched.", "3 May 2020 (or around)", 3, WEEK),
        (
            "Around 7 May 2020 (as reported), a clinic shut.",
            "Around 7 May 2020 (as reported)",
            7,
            WEEK,
        ),
        ("Around 6 May 2020 (week of), guards beat a man.", "Around 6 May 2020 (week of)", 6, WEEK),
        ("On 2 May 2020 (Saturday), a rally took place.", "2 May 2020", 2, DAY),
        (
            "Around 8 May 2020 (from 7 - 9 May), staff struck.",
            "Around 8 May 2020 (from 7 - 9 May)",
            8,
            WEEK,
        ),
        ("Around 8 May 2020 (from 20 April - 8 May), police raided homes.", None, 8, MONTH),
        ("Around 30 April 2020 (end of month), a depot burned.", None, 30, WEEK),
    ],
)
def test_dates_mentions_qualifiers_set_precision(
    sentence: str, text: str | None, start: int, precision: int
) -> None:
    first = find_dates(sentence, D(2020, 5, 13))[0]
    if text is not None:
        assert first.text == text
    assert first.span.start == first.span.end
    assert first.span.start is not None and first.span.start.day == start
    assert first.span.precision == precision


def test_dates_mentions_qualifier_range_is_not_a_second_mention() -> None:
    sentence = "Around 28 April 2020 (from 27 - 29 April), nurses protested."
    assert len(find_dates(sentence, D(2020, 5, 4))) == 1


def test_dates_mentions_resolve_expression_without_a_date() -> None:
    span = resolve_expression("the rebels advanced", SATURDAY)
    assert not span.resolved
    assert span.reason == NOT_A_DATE


def test_dates_mentions_day_without_year_or_publication() -> None:
    (mention,) = find_dates("The strike began on 9 May.", None)
    assert mention.span.reason == spans.NO_YEAR_NO_PUBLICATION
    (explicit,) = find_dates("The strike began on 9 May 2020.", None)
    assert explicit.span.start == D(2020, 5, 9)


def test_dates_mentions_never_raise_on_odd_text() -> None:
    pieces = [
        "May", "March", "Saturday", "31", "29", "February", "2020", "-", "/", "(", ")",
        "between", "and", "the night of", "around", "as reported on", "last", "next",
        "days ago", "0", "99", "12/13/2020", "2020-02-30", ",", "since", "early", "mid-",
        "the next day", "weekend", "\n", "é", "9th", "of",
    ]  # fmt: skip
    generator = random.Random(20200509)
    for _ in range(400):
        text = " ".join(generator.choice(pieces) for _ in range(generator.randint(1, 14)))
        for published in (None, SATURDAY, D(2021, 3, 1)):
            for mention in find_dates(text, published):
                assert text[mention.start : mention.end] == mention.text
                span = mention.span
                if span.start is None:
                    assert span.end is None and span.precision is None and span.reason
                else:
                    assert span.end is not None and span.start <= span.end


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Polls closed on 9 May 2020; the day after the vote, riots began.", "the day after"),
        ("Aid arrived on 9 May 2020, the day before the storm.", "the day before"),
    ],
)
def test_dates_mentions_day_after_an_event_is_unresolved(sentence: str, text: str) -> None:
    mention = find_dates(sentence, D(2020, 5, 13))[-1]
    assert mention.text == text
    assert not mention.span.resolved


@pytest.mark.parametrize(
    "sentence",
    [
        "The ship left a month later than planned.",
        "Attacks in 2013 and 2015 hit the same market.",
    ],
)
def test_dates_mentions_no_false_periods(sentence: str) -> None:
    for mention in find_dates(sentence, D(2020, 5, 13)):
        assert mention.span.precision != WEEK
        assert mention.text not in {"a month later", "2013 and 2015"}
