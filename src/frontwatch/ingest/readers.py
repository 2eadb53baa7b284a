"""Files, directories and stdin to :class:`RawDocument` objects.

Nothing here raises on bad input: a file or record that cannot be read is
yielded as an :class:`InputError` in its place, so a batch goes on and the
caller can report every problem with where it came from.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, TextIO

from frontwatch.errors import InputError
from frontwatch.ingest.decoding import decode_bytes

DEFAULT_MAX_BYTES = 5_000_000
# File suffix -> format. A directory walk skips other suffixes silently; a file
# named explicitly with another suffix is an error.
SUFFIX_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
STDIN_ORIGIN = "<stdin>"
# Enough of stdin to tell HTML, JSON lines and plain text apart.
_SNIFF_BYTES = 65_536
_HTML_TAG = re.compile(
    r"<(!doctype\s+html|html|head|body|article|main|div|p|meta|title|section|span)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read, before cleaning."""

    origin: str  # path, "path.jsonl:LINE" or "<stdin>"
    content: str  # the text or HTML, decoded
    raw_format: str  # "text" | "html"
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    author: str | None = None
    encoding: str = "utf-8"  # the codec the bytes were decoded with
    notes: tuple[str, ...] = ()  # metadata that was present but unusable, and why


def content_hash(content: str) -> str:
    """Stable article id: sha256 of the content with line ends and outer
    whitespace normalised, first 16 hex digits."""
    normalised = content.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str) -> date:
    """An ISO date or date-time ("2025-03-14", "2025-03-14 20:30:26Z") as the
    calendar date it names; the time zone is not converted, since the date the
    outlet printed is the one relative dates in the text refer to."""
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"not an ISO date or date-time: {value!r}") from None


def iter_documents(
    paths: Sequence[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Documents from files and directories, in the order given; directories
    are walked recursively in sorted order, skipping hidden entries and files
    of unknown type. Each problem is yielded as an InputError."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, InputError):
                    yield found
                else:
                    yield from _read_file(found, SUFFIX_FORMATS[found.suffix.lower()], max_bytes)
        elif not path.exists():
            yield InputError("no such file or directory", origin=str(path))
        else:
            raw_format = SUFFIX_FORMATS.get(path.suffix.lower())
            if raw_format is None:
                known = ", ".join(sorted(SUFFIX_FORMATS))
                yield InputError(
                    f"unsupported file type {path.suffix or '(no extension)'!r}; "
                    f"expected one of {known}",
                    origin=str(path),
                )
            else:
                yield from _read_file(path, raw_format, max_bytes)


def read_stdin(
    stream: TextIO | BinaryIO,
    *,
    raw_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[RawDocument | InputError]:
    """Documents from a stream: one text or HTML article, or JSON lines.
    ``raw_format`` ("text", "html" or "jsonl") skips the sniffing."""
    if raw_format is not None and raw_format not in ("text", "html", "jsonl"):
        raise ValueError(f"raw_format must be 'text', 'html' or 'jsonl', not {raw_format!r}")
    binary = _binary_stream(stream)
    head = binary.read(_SNIFF_BYTES)
    chosen = raw_format or _sniff_format(head)
    if chosen == "jsonl":
        yield from _iter_jsonl(_PrefixedStream(head, binary), STDIN_ORIGIN, max_bytes)
        return
    data = head + binary.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
    if len(data) > max_bytes:
        yield InputError(_too_large_message("input", None, max_bytes), origin=STDIN_ORIGIN)
        return
    yield _document_from_bytes(data, chosen, STDIN_ORIGIN)


def _walk(directory: Path) -> Iterator[Path | InputError]:
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(f"cannot list directory: {exc.strerror or exc}", origin=str(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        # Symlinked directories are not followed: they can loop.
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.is_file() and entry.suffix.lower() in SUFFIX_FORMATS:
            yield entry


def _read_file(path: Path, raw_format: str, max_bytes: int) -> Iterator[RawDocument | InputError]:
    origin = str(path)
    try:
        if raw_format == "jsonl":
            with path.open("rb") as handle:
                yield from _iter_jsonl(handle, origin, max_bytes)
            return
        # The size is checked before reading, so a huge file costs nothing.
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(_too_large_message("file", size, max_bytes), origin=origin)
            return
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded: the file may be growing
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", origin=origin)
        return
    if len(data) > max_bytes:
        yield InputError(_too_large_message("file", None, max_bytes), origin=origin)
        return
    yield _document_from_bytes(data, raw_format, origin)


def _document_from_bytes(data: bytes, raw_format: str, origin: str) -> RawDocument | InputError:
    if not data.strip():
        return InputError("is empty", origin=origin)
    try:
        decoded = decode_bytes(data, origin=origin)
    except InputError as exc:
        return exc
    if not decoded.text.strip():
        return InputError("is empty (only whitespace)", origin=origin)
    return RawDocument(
        origin=origin, content=decoded.text, raw_format=raw_format, encoding=decoded.encoding
    )


def _too_large_message(what: str, size: int | None, max_bytes: int) -> str:
    measured = f"is {size:,} bytes" if size is not None else f"is over {max_bytes:,} bytes"
    return (
        f"{what} {measured}, larger than the limit of {max_bytes:,} bytes for one "
        "article; if it really is one, raise the limit with the FRONTWATCH_MAX_BYTES "
        "environment variable (max_bytes= in Python)"
    )


# --- JSON lines -------------------------------------------------------------


def _iter_jsonl(
    handle: BinaryIO | _PrefixedStream, base_origin: str, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    records = 0
    for number, line, too_long in _bounded_lines(handle, max_bytes):
        origin = f"{base_origin}:{number}"
        if too_long:
            records += 1
            yield InputError(_too_large_message("record", None, max_bytes), origin=origin)
            continue
        if not line.strip():
            continue
        records += 1
        yield _record_from_line(line, number, origin)
    if records == 0:
        yield InputError("is empty (no JSON records)", origin=base_origin)


def _bounded_lines(
    handle: BinaryIO | _PrefixedStream, max_bytes: int
) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, too long) without ever holding more than
    ``max_bytes`` of one line in memory."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # Skip the rest of the over-long line.
            while line and not line.endswith(b"\n"):
                line = handle.readline(_SNIFF_BYTES)
            yield number, b"", True
            continue
        yield number, line, False


def _record_from_line(line: bytes, number: int, origin: str) -> RawDocument | InputError:
    try:
        text = line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(
            f"line is not valid UTF-8 (byte {exc.start}); JSON lines must be UTF-8",
            origin=origin,
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputError(f"bad JSON: {exc.msg} (column {exc.colno})", origin=origin)
    if not isinstance(record, dict):
        return InputError(
            f"record is a JSON {type(record).__name__}, expected an object", origin=origin
        )
    return _document_from_record(record, origin)


def _document_from_record(record: dict[str, object], origin: str) -> RawDocument | InputError:
    notes: list[str] = []
    text = _optional_str(record, "text", notes)
    html = _optional_str(record, "html", notes)
    # A producer that supplies text has already extracted it; prefer that.
    if text is not None and text.strip():
        content, raw_format = text, "text"
    elif html is not None and html.strip():
        content, raw_format = html, "html"
    else:
        present = [key for key in ("text", "html") if key in record]
        detail = f" ({' and '.join(repr(k) for k in present)} empty)" if present else ""
        return InputError(
            f"record has neither a 'text' nor an 'html' field with content{detail}",
            origin=origin,
        )
    published = None
    published_value = _optional_str(record, "published", notes)
    if published_value is not None and published_value.strip():
        try:
            published = parse_published(published_value)
        except ValueError as exc:
            notes.append(f"published ignored: {exc}")
    return RawDocument(
        origin=origin,
        content=content,
        raw_format=raw_format,
        url=_optional_str(record, "url", notes),
        title=_optional_str(record, "title", notes),
        published=published,
        outlet=_optional_str(record, "source", notes) or _optional_str(record, "outlet", notes),
        author=_optional_str(record, "author", notes),
        encoding="utf-8",
        notes=tuple(notes),
    )


def _optional_str(record: dict[str, object], key: str, notes: list[str]) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        notes.append(f"{key} ignored: a JSON {type(value).__name__}, expected a string")
        return None
    stripped = value.strip()
    if key in ("text", "html"):
        return value
    return stripped or None


# --- stdin ------------------------------------------------------------------


class _PrefixedStream:
    """A binary stream whose first bytes were already read (to sniff them)."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = io.BytesIO(prefix)
        self._rest = rest

    def readline(self, size: int = -1, /) -> bytes:
        line = self._prefix.readline(size)
        if line.endswith(b"\n") or (size >= 0 and len(line) >= size):
            return line
        remaining = -1 if size < 0 else size - len(line)
        return line + self._rest.readline(remaining)


def _binary_stream(stream: TextIO | BinaryIO) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    if isinstance(stream, io.TextIOBase):
        # An in-memory text stream (tests, notebooks): already decoded.
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]


def _sniff_format(head: bytes) -> str:
    start = head.lstrip()[:1024].decode("utf-8", errors="replace").lstrip("\ufeff")
    if start.startswith("{"):
        return "jsonl"
    sample = head.decode("utf-8", errors="replace")
    if start.startswith("<") and _HTML_TAG.search(sample):
        return "html"
    if re.search(r"<(!doctype\s+html|html)\b", sample, re.IGNORECASE):
        return "html"
    return "text"
