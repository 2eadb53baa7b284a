"""Import GeoNames dumps and a user's own places into the gazetteer imports.

Accepted files (the format is told by the file name, else by the first line;
``fmt`` overrides both):

- ``geonames``: GeoNames' "geoname" table, 19 tab-separated columns:
  ``allCountries.zip``, a country's ``SY.zip``, ``cities500.zip`` and the
  like, zipped or not;
- ``alternates``: ``alternateNamesV2.zip`` (or the older 8-column
  ``alternateNames``): more names for places already in the gazetteer;
- ``admin1``: ``admin1CodesASCII.txt``: admin1 names by code, for countries
  whose admin1 units the packaged data lacks;
- ``places``: the user's CSV (header: name, aliases, latitude, longitude,
  admin1, country, kind; aliases separated by ``|`` or ``;``; optionally
  population) for hills, checkpoints, camps and districts no gazetteer has.

Files are read line by line and written in batches, so memory stays flat
whatever the size of the file (a full allCountries import is 12 M lines).
A bad line is reported with its number and skipped; the import goes on.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TypeVar

from frontwatch.errors import InputError
from frontwatch.geo.gazetteer_overlay import ImportLogEntry, Overlay, WriteCounts
from frontwatch.geo.gazetteer_rows import (
    BadLineError,
    PlaceRecord,
    UserContext,
    columns_of,
    parse_admin1,
    parse_alternate,
    parse_geoname,
    parse_user_row,
)
from frontwatch.geo.names import fold

FORMATS = ("geonames", "alternates", "admin1", "places")
BATCH_SIZE = 5000
MAX_BAD_LINES_SHOWN = 50
Progress = Callable[[int, int], None]  # bytes read, bytes in all
T = TypeVar("T")

_NAME_RULES = (
    (re.compile(r"^admin1codes(ascii)?$"), "admin1"),
    (re.compile(r"^alternatenames(v2)?$"), "alternates"),
    (re.compile(r"^(allcountries|cities\d+|no-country|[a-z]{2})$"), "geonames"),
)
_SKIPPED_MEMBERS = frozenset({"readme.txt", "iso-languagecodes.txt"})


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    format: str
    read: int  # data lines read
    kept: int  # lines that gave a record
    added: int
    updated: int  # replaced a different row of the same id
    unchanged: int
    removed: int  # user places no longer in their file
    skipped: tuple[tuple[str, int], ...]  # reason, lines; most frequent first
    bad: int
    bad_lines: tuple[BadLine, ...]  # the first MAX_BAD_LINES_SHOWN
    seconds: float


def format_from_name(name: str) -> str | None:
    """The format a file's name says, if it says one."""
    path = Path(name)
    if path.suffix.lower() == ".csv":
        return "places"
    stem = path.stem.lower()
    for pattern, fmt in _NAME_RULES:
        if pattern.match(stem):
            return fmt
    return None


def format_from_line(line: str) -> str | None:
    """The format a file's first line says, if it says one."""
    if "\t" in line:
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) == 19 and fields[0].isdigit():
            return "geonames"
        if len(fields) == 4 and re.match(r"^[A-Z]{2}\.\S+$", fields[0]):
            return "admin1"
        if len(fields) in (8, 10) and fields[0].isdigit() and fields[1].isdigit():
            return "alternates"
    header = {cell.strip().lower() for cell in re.split(r"[,\t]", line.lstrip("\ufeff"))}
    if {"name", "latitude", "longitude"} <= header:
        return "places"
    return None


def _pick_member(archive: zipfile.ZipFile, origin: str) -> zipfile.ZipInfo:
    members = [m for m in archive.infolist() if not m.is_dir()]
    wanted = Path(origin).stem.lower() + ".txt"
    for member in members:
        if Path(member.filename).name.lower() == wanted:
            return member
    candidates = [m for m in members if Path(m.filename).name.lower() not in _SKIPPED_MEMBERS]
    if len(candidates) == 1:
        return candidates[0]
    names = ", ".join(m.filename for m in members) or "nothing"
    raise InputError(
        f"cannot tell which file of the zip to import (it holds {names})", origin=origin
    )


@contextmanager
def _open_source(path: Path) -> Iterator[tuple[IO[bytes], int, str]]:
    """The file's (or its zip member's) bytes, their size and name."""
    origin = str(path)
    try:
        if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                member = _pick_member(archive, origin)
                with archive.open(member) as stream:
                    yield stream, member.file_size, Path(member.filename).name
        else:
            with path.open("rb") as stream:
                yield stream, path.stat().st_size, path.name
    except (zipfile.BadZipFile, zlib.error) as error:
        raise InputError(f"not a readable zip file: {error}", origin=origin) from error
    except OSError as error:
        raise InputError(f"cannot read: {error}", origin=origin) from error


def user_context(overlay: Overlay) -> UserContext:
    """The countries and admin1 units of both layers, for a user's file."""
    codes: set[tuple[str, str]] = set()
    by_name: dict[tuple[str, str], str] = {}
    for country_code, code, name, aliases in overlay.admin1_rows():
        codes.add((country_code, code))
        for written in (name, *aliases):
            by_name.setdefault((country_code, fold(written)), code)
    return UserContext(frozenset(overlay.country_codes()), frozenset(codes), by_name)


def detect_format(path: Path) -> str:
    by_name = format_from_name(path.name)
    if by_name is not None and path.suffix.lower() != ".zip":
        return by_name
    with _open_source(path) as (stream, _size, member):
        by_member = format_from_name(member)
        if by_member is not None:
            return by_member
        first = stream.readline(65536).decode("utf-8", errors="replace")
    found = by_name or format_from_line(first)
    if found is None:
        raise InputError(
            "cannot tell its format from its name or first line; give --format "
            f"({', '.join(FORMATS)})",
            origin=str(path),
        )
    return found


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 16):
                digest.update(chunk)
    except OSError as error:
        raise InputError(f"cannot read: {error}", origin=str(path)) from error
    return digest.hexdigest()


# ---------------------------------------------------------------- the driver
class _Tally:
    """Counts of one import; only the first bad lines are kept."""

    def __init__(self) -> None:
        self.read = 0
        self.kept = 0
        self.skipped: Counter[str] = Counter()
        self.bad = 0
        self.bad_lines: list[BadLine] = []
        self.written = WriteCounts()

    def bad_line(self, number: int, message: str) -> None:
        self.bad += 1
        if len(self.bad_lines) < MAX_BAD_LINES_SHOWN:
            self.bad_lines.append(BadLine(number, message))


def _lines(
    stream: IO[bytes], tally: _Tally, on_bytes: Callable[[int], None]
) -> Iterator[tuple[int, str]]:
    """Numbered text lines; undecodable ones are reported as bad."""
    for number, raw in enumerate(stream, start=1):
        on_bytes(len(raw))
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            tally.read += 1
            tally.bad_line(number, f"not UTF-8 ({error.reason} at byte {error.start})")
            continue
        if line.strip() and not line.startswith("#"):
            yield number, line


def import_file(
    path: Path,
    overlay: Overlay,
    *,
    fmt: str | None = None,
    user_context: UserContext | None = None,
    on_progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import one file into ``overlay``; see the module doc for the formats."""
    started = time.monotonic()
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    fmt = fmt or detect_format(path)
    sha256 = file_sha256(path)
    tally = _Tally()
    removed = 0
    with _open_source(path) as (stream, size, _member):
        done = 0

        def on_bytes(count: int) -> None:
            nonlocal done
            done += count

        def progress() -> None:
            if on_progress is not None:
                on_progress(done, size)

        lines = _lines(stream, tally, on_bytes)
        try:
            if fmt == "places":
                context = user_context or UserContext(frozenset(), frozenset(), {})
                overlay.begin_user_file()
                _import_places(lines, overlay, context, path.name, tally, batch_size, progress)
                # A bad line may be a place the user only mistyped: nothing
                # goes unless every line was read.
                if not tally.bad:
                    removed = overlay.remove_unseen(path.name)
            elif fmt == "geonames":
                source = path.name
                _import_rows(
                    lines,
                    lambda line: parse_geoname(line, source),
                    overlay.write_places,
                    tally,
                    batch_size,
                    progress,
                )
            elif fmt == "alternates":
                _import_rows(
                    lines, parse_alternate, overlay.write_alternates, tally, batch_size, progress
                )
            else:
                _import_rows(lines, parse_admin1, overlay.write_admin1, tally, batch_size, progress)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise InputError(
                f"stopped reading at {done} bytes: {error} (the batches before stay imported)",
                origin=str(path),
            ) from error
        finally:
            overlay.finish()
        progress()
    written = tally.written
    report = ImportReport(
        file=path.name,
        format=fmt,
        read=tally.read,
        kept=tally.kept,
        added=written.added,
        updated=written.updated,
        unchanged=written.unchanged,
        removed=removed,
        skipped=tuple(tally.skipped.most_common()),
        bad=tally.bad,
        bad_lines=tuple(tally.bad_lines),
        seconds=round(time.monotonic() - started, 3),
    )
    overlay.log_import(
        ImportLogEntry(
            sha256=sha256,
            file=report.file,
            format=fmt,
            imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
            read=report.read,
            kept=report.kept,
            added=report.added,
            updated=report.updated,
            removed=report.removed,
            bad=report.bad,
            seconds=report.seconds,
        )
    )
    return report


def _import_rows(
    lines: Iterator[tuple[int, str]],
    parse: Callable[[str], T | str],
    write: Callable[[Sequence[T]], WriteCounts],
    tally: _Tally,
    batch_size: int,
    progress: Callable[[], None],
) -> None:
    batch: list[T] = []

    def flush() -> None:
        if not batch:
            return
        counts = write(batch)
        if counts.missing_place:
            tally.kept -= counts.missing_place
            tally.skipped["place not in the gazetteer (import it first)"] += counts.missing_place
        tally.written += counts
        batch.clear()
        progress()

    for number, line in lines:
        tally.read += 1
        try:
            record = parse(line)
        except BadLineError as error:
            tally.bad_line(number, str(error))
            continue
        if isinstance(record, str):
            tally.skipped[record] += 1
            continue
        tally.kept += 1
        batch.append(record)
        if len(batch) >= batch_size:
            flush()
    flush()


def _import_places(
    lines: Iterator[tuple[int, str]],
    overlay: Overlay,
    context: UserContext,
    source: str,
    tally: _Tally,
    batch_size: int,
    progress: Callable[[], None],
) -> None:
    numbered = ((number, line.rstrip("\r\n")) for number, line in lines)
    first = next(numbered, None)
    if first is None:
        raise InputError("no header line", origin=source)
    delimiter = "\t" if "\t" in first[1] else ","
    header = next(csv.reader([first[1]], delimiter=delimiter))
    columns = columns_of(header, source)
    batch: list[PlaceRecord] = []

    def flush() -> None:
        if batch:
            tally.written += overlay.write_places(batch)
            overlay.mark_seen(record.id for record in batch)
            batch.clear()
            progress()

    for number, line in numbered:
        tally.read += 1
        try:
            row = next(csv.reader([line], delimiter=delimiter))
            record = parse_user_row(row, columns, context, source)
        except BadLineError as error:
            tally.bad_line(number, str(error))
            continue
        except csv.Error as error:
            tally.bad_line(number, f"not a CSV row: {error}")
            continue
        tally.kept += 1
        batch.append(record)
        if len(batch) >= batch_size:
            flush()
    flush()
