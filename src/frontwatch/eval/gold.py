"""ACLED gold data: an ACLED export CSV read as notes, each with its coded rows.

ACLED splits one reported event that touched several places into several rows
that share the coder's note, so the unit of evaluation is the note: rows with
the same ``notes`` text form one ``GoldNote``. Each note becomes an ``Article``
for the pipeline, with the URL ``acled:<event_id_cnty of its first row>`` so the
events extracted from it can be traced back to it through their sources.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import ConfigError, InputError
from frontwatch.models import Article

try:
    from frontwatch.ingest.readers import content_hash as _content_hash
except ImportError:  # scoring must work even while the ingest package cannot load

    def _content_hash(content: str) -> str:
        normalised = content.replace("\r\n", "\n").replace("\r", "\n").strip()
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


URL_SCHEME = "acled:"

# The ACLED export columns this module reads; any other column is ignored.
REQUIRED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "timestamp",
)

# Older ACLED exports write dates as "09 May 2020"; current ones use ISO.
_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y")


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One ACLED row: the coded answer. Empty text is "", missing numbers None."""

    event_id: str
    event_date: dt.date | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: int | None
    actor2: str
    assoc_actor_2: str
    inter2: int | None
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None


@dataclass(frozen=True, slots=True)
class GoldNote:
    """One coder's note (the input text) and every row coded from it."""

    note_id: str  # the first row's event_id_cnty (made unique if it repeats)
    text: str
    published: dt.date | None  # from the row's Unix `timestamp`, in UTC
    outlet: str | None  # the row's `source`
    url: str  # "acled:<note_id>": how extracted events are linked back
    rows: tuple[GoldRow, ...]

    @property
    def first(self) -> GoldRow:
        return self.rows[0]


@dataclass(frozen=True, slots=True)
class GoldFile:
    """A gold CSV as read: its notes, and the CSV lines left out (no note text)."""

    notes: tuple[GoldNote, ...]
    rows: int  # data rows read, skipped ones included
    skipped_lines: tuple[int, ...]  # 1-based line numbers of rows without a note


def load_gold(path: Path) -> list[GoldNote]:
    """The notes of an ACLED export CSV, in the order they first appear."""
    return list(load_gold_file(path).notes)


def load_gold_file(path: Path) -> GoldFile:
    """Like ``load_gold``, and says which rows had no note text and were skipped.

    Raises InputError when the file cannot be read, is not UTF-8 CSV, lacks an
    ACLED column, or holds a value that is not the number or date it should be.
    """
    origin = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            if not header:
                raise InputError("empty file, no CSV header", origin=origin)
            missing = [name for name in REQUIRED_COLUMNS if name not in header]
            if missing:
                raise InputError(
                    "not an ACLED export: missing column(s) " + ", ".join(missing), origin=origin
                )
            return _group(_numbered(reader, origin), origin)
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text ({error.reason})", origin=origin) from error
    except csv.Error as error:
        raise InputError(f"unreadable CSV: {error}", origin=origin) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", origin=origin) from error


def note_articles(notes: Iterable[GoldNote]) -> list[Article]:
    """Each note as the Article the pipeline reads, in the notes' order."""
    return [
        Article(
            article_id=_content_hash(note.text),
            raw=note.text,
            raw_format="text",
            text=note.text,
            url=note.url,
            published=note.published,
            outlet=note.outlet,
            origin=note.url,
        )
        for note in notes
    ]


def slice_notes(notes: Sequence[GoldNote], *, size: int, seed: str) -> list[GoldNote]:
    """A fixed sample of ``size`` notes, kept in their original order.

    A note is in the sample when the hash of ``seed`` and its note_id ranks
    among the ``size`` lowest: the choice depends only on the ids, so it is the
    same on every machine and run, and a note added to the gold file later
    displaces at most one note of the sample.
    """
    if size < 0:
        raise ConfigError(f"slice size must be 0 or more, not {size}")
    ranked = sorted(notes, key=lambda note: (_slice_rank(seed, note.note_id), note.note_id))
    chosen = {id(note) for note in ranked[:size]}
    return [note for note in notes if id(note) in chosen]


def _slice_rank(seed: str, note_id: str) -> str:
    return hashlib.sha256(f"{seed}\0{note_id}".encode()).hexdigest()


def _numbered(
    reader: csv.DictReader[str], origin: str
) -> Iterable[tuple[int, Mapping[str, str | None]]]:
    for record in reader:
        # A row with more cells than the header puts the extras under None.
        if None in record:
            raise InputError(
                "row has more cells than the header", origin=f"{origin}:{reader.line_num}"
            )
        yield reader.line_num, record


def _group(records: Iterable[tuple[int, Mapping[str, str | None]]], origin: str) -> GoldFile:
    rows_by_text: dict[str, list[tuple[int, Mapping[str, str | None]]]] = {}
    skipped: list[int] = []
    count = 0
    for line, record in records:
        count += 1
        text = _cell(record, "notes")
        if not text:
            skipped.append(line)
            continue
        rows_by_text.setdefault(text, []).append((line, record))
    notes: list[GoldNote] = []
    used_ids: set[str] = set()
    for text, group in rows_by_text.items():
        rows = tuple(_row(record, f"{origin}:{line}") for line, record in group)
        note_id = _unique_id(_note_id(text, rows), used_ids)
        notes.append(
            GoldNote(
                note_id=note_id,
                text=text,
                published=_published(group, origin),
                outlet=next((o for _, r in group if (o := _cell(r, "source"))), None),
                url=f"{URL_SCHEME}{note_id}",
                rows=rows,
            )
        )
    return GoldFile(notes=tuple(notes), rows=count, skipped_lines=tuple(skipped))


def _note_id(text: str, rows: Sequence[GoldRow]) -> str:
    """The first row's event id; the first id any row has; else a hash of the text."""
    for row in rows:
        if row.event_id:
            return row.event_id
    return f"note-{_content_hash(text)}"


def _unique_id(note_id: str, used: set[str]) -> str:
    candidate, n = note_id, 1
    while candidate in used:
        n += 1
        candidate = f"{note_id}#{n}"
    used.add(candidate)
    return candidate


def _published(
    group: Sequence[tuple[int, Mapping[str, str | None]]], origin: str
) -> dt.date | None:
    """The date of the first row's upload `timestamp` (Unix seconds, UTC)."""
    for line, record in group:
        stamp = _cell(record, "timestamp")
        if not stamp:
            continue
        try:
            seconds = float(stamp)
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError) as error:
            raise InputError(
                f"timestamp {stamp!r} is not Unix seconds", origin=f"{origin}:{line}"
            ) from error
    return None


def _row(record: Mapping[str, str | None], origin: str) -> GoldRow:
    return GoldRow(
        event_id=_cell(record, "event_id_cnty"),
        event_date=_date(_cell(record, "event_date"), origin),
        time_precision=_int(record, "time_precision", origin),
        event_type=_cell(record, "event_type"),
        sub_event_type=_cell(record, "sub_event_type"),
        actor1=_cell(record, "actor1"),
        assoc_actor_1=_cell(record, "assoc_actor_1"),
        inter1=_int(record, "inter1", origin),
        actor2=_cell(record, "actor2"),
        assoc_actor_2=_cell(record, "assoc_actor_2"),
        inter2=_int(record, "inter2", origin),
        country=_cell(record, "country"),
        admin1=_cell(record, "admin1"),
        admin2=_cell(record, "admin2"),
        location=_cell(record, "location"),
        latitude=_float(record, "latitude", origin),
        longitude=_float(record, "longitude", origin),
        geo_precision=_int(record, "geo_precision", origin),
        fatalities=_int(record, "fatalities", origin),
    )


def _cell(record: Mapping[str, str | None], column: str) -> str:
    value = record.get(column)
    return value.strip() if value else ""


def _int(record: Mapping[str, str | None], column: str, origin: str) -> int | None:
    text = _cell(record, column)
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError as error:
        raise InputError(f"{column} {text!r} is not a number", origin=origin) from error
    if not number.is_integer():
        raise InputError(f"{column} {text!r} is not a whole number", origin=origin)
    return int(number)


def _float(record: Mapping[str, str | None], column: str, origin: str) -> float | None:
    text = _cell(record, column)
    if not text:
        return None
    try:
        number = float(text)
    except ValueError as error:
        raise InputError(f"{column} {text!r} is not a number", origin=origin) from error
    if not math.isfinite(number):
        raise InputError(f"{column} {text!r} is not a finite number", origin=origin)
    return number


def _date(text: str, origin: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(f"event_date {text!r} is not a date", origin=origin)
