"""The date of the event a text reports: news leads, ACLED-style notes, the dev set."""

from __future__ import annotations

import collections
import csv
import datetime as dt

import pytest

from conftest import shared_path
from frontwatch.dates.resolve import event_date_span
from frontwatch.models import DAY, MONTH, WEEK

D = dt.date
SEED_PUBLISHED = D(2017, 8, 26)  # the seed article's publication day, a Saturday


@pytest.mark.parametrize(
    ("sentence", "start", "end", "precision"),
    [
        # Phrasings of the seed report, written for these tests.
        (
            "Government troops took the last town the group held, a monitor said on Saturday.",
            D(2017, 8, 26),
            D(2017, 8, 26),
            DAY,
        ),
        (
            "Earlier this week, the army and its allies surrounded the fighters.",
            D(2017, 8, 21),
            D(2017, 8, 26),
            WEEK,
        ),
        (
            "Backed by air strikes, the army secured the desert town this month.",
            D(2017, 8, 1),
            D(2017, 8, 26),
            MONTH,
        ),
    ],
)
def test_dates_event_date_seed_report(
    sentence: str, start: dt.date, end: dt.date, precision: int
) -> None:
    span = event_date_span(sentence, SEED_PUBLISHED)
    assert (span.start, span.end, span.precision) == (start, end, precision), span.reason


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # the date something was said, then the event counted back from it
        ("Officials admitted on Friday that the town had fallen a day earlier.", D(2017, 8, 24)),
        ("The army said on Friday it had retaken the oasis two days earlier.", D(2017, 8, 23)),
        # no reporting verb before the first date: it is the event's
        ("Rebels attacked on Friday; two days earlier the army had left.", D(2017, 8, 25)),
        # a counted-back date in the next sentence is another event
        ("The army said on Friday it held the oasis. Two days earlier it lost it.", D(2017, 8, 25)),
    ],
)
def test_dates_event_date_counted_back_from_when_it_was_said(sentence: str, day: dt.date) -> None:
    span = event_date_span(sentence, SEED_PUBLISHED)
    assert (span.start, span.precision) == (day, DAY), span.reason


def test_dates_event_date_background_is_skipped() -> None:
    sentence = "Since 2014 the group has lost ground, and on Friday it lost the oasis."
    span = event_date_span(sentence, SEED_PUBLISHED)
    assert (span.start, span.precision) == (D(2017, 8, 25), DAY)


def test_dates_event_date_only_background_keeps_its_reason() -> None:
    span = event_date_span("Over the past year, the group has lost ground.", SEED_PUBLISHED)
    assert span.precision is None


NOTE_PUBLISHED = D(2020, 5, 11)


@pytest.mark.parametrize(
    ("note", "day", "precision"),
    [
        ("On 9 May 2020, militants attacked a checkpoint near the town.", D(2020, 5, 9), DAY),
        ("Looting: On 8 May 2020, a crowd emptied a grain store.", D(2020, 5, 8), DAY),
        (
            "On 3 May 2020 (as reported), traders marched to the governor's office.",
            D(2020, 5, 3),
            WEEK,
        ),
        ("Around 5 May 2020, residents blocked a road over water cuts.", D(2020, 5, 5), WEEK),
        ("Around 5 May 2020 (as reported), unknown men burned a school.", D(2020, 5, 5), WEEK),
        ("On 4 May 2020 (or around), herders clashed with farmers.", D(2020, 5, 4), WEEK),
        ("As reported on 28 April 2020, police detained several traders.", D(2020, 4, 28), WEEK),
        ("Reported on 27 April 2020, an air strike hit a compound.", D(2020, 4, 27), WEEK),
        ("A rebel group reported that on 29 April 2020 it shot down a drone.", D(2020, 4, 29), DAY),
        ("Between 1 and 3 May 2020, soldiers fought rebels in the hills.", D(2020, 5, 1), WEEK),
        ("On the weekend of 2-3 May 2020, supporters rallied in the square.", D(2020, 5, 2), WEEK),
        ("Around 28 April 2020 (from 27 - 29 April), nurses held a sit-in.", D(2020, 4, 28), WEEK),
        (
            "Around 8 May 2020 (from 20 April-8 May), police arrested activists.",
            D(2020, 5, 8),
            MONTH,
        ),
        ("Around 29 April 2020 (midweek), a guard was shot at a depot.", D(2020, 4, 29), WEEK),
        ("On 30 April 2020, a man was found dead near the market.", D(2020, 4, 30), WEEK),
        ("On 30 April 2020, the body of a driver was found on the highway.", D(2020, 4, 30), WEEK),
        (
            "On 6 May 2020, a mob burned a bar. The body of a youth had been found there.",
            D(2020, 5, 6),
            DAY,
        ),
    ],
)
def test_dates_event_date_acled_style_notes(note: str, day: dt.date, precision: int) -> None:
    span = event_date_span(note, NOTE_PUBLISHED)
    assert (span.start, span.precision) == (day, precision), span.reason


# Floors measured on the development split (first usable date mention against
# the row's upload date); raise them as the rules improve.
EXACT_DATE_FLOOR = 0.99
PRECISION_FLOOR = 0.99


def test_dates_event_date_acled_dev_floors() -> None:
    path = shared_path("eval", "acled", "dev.csv")
    rows_by_note: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows_by_note[row["notes"]].append(row)
    exact = precise = 0
    for note, rows in rows_by_note.items():
        stamp = rows[0]["timestamp"]
        published = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date() if stamp else None
        span = event_date_span(note, published)
        day = span.start.isoformat() if span.start else ""
        exact += any(day == row["event_date"] for row in rows)
        precise += any(str(span.precision) == row["time_precision"] for row in rows)
    total = len(rows_by_note)
    assert total > 1000
    assert exact / total >= EXACT_DATE_FLOOR
    assert precise / total >= PRECISION_FLOOR
