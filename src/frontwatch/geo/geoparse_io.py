"""Inputs and outputs of ``frontwatch geoparse``: the texts to read, the
given spans (``--spans``) and the JSON Lines written.

Texts are what the ingest readers accept: a ``.txt`` file is taken exactly as
decoded (no line-end or whitespace changes, so offsets count its characters
as written); an ``.html`` page is its main text as trafilatura extracts it; a
``.jsonl`` file gives one text per line (``text``, else ``html``). A text is
reported under its file path, ``path:LINE`` for JSON lines, or ``<stdin>``.

Spans file: JSON Lines, one gold span a line::

    {"article": "reports/a.txt", "start": 120, "end": 126}

``article`` names a text as above; ``start`` and ``end`` are character
offsets into it (end exclusive).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from frontwatch.errors import InputError
from frontwatch.geo.geoparse import GeoText, ParsedToponym
from frontwatch.ingest.boilerplate import load_rules
from frontwatch.ingest.html import extract_html
from frontwatch.ingest.readers import RawDocument


@dataclass(frozen=True, slots=True)
class GivenSpan:
    article: str
    start: int
    end: int
    line: int  # line of the spans file


@dataclass(frozen=True, slots=True)
class SpanFile:
    spans: dict[str, list[GivenSpan]]  # article -> its spans, in file order
    errors: tuple[InputError, ...]  # bad lines, each with its line number


def geo_text(document: RawDocument) -> GeoText:
    """The text of a read document, as geoparsed (InputError: no text)."""
    if document.raw_format == "text":
        return GeoText(document.origin, document.content)
    if document.raw_format == "html":
        page = extract_html(
            document.content,
            standfirst_classes=load_rules().html_standfirst_classes,
            url=document.url,
            origin=document.origin,
        )
        return GeoText(document.origin, page.text)
    raise InputError(f"unknown raw_format {document.raw_format!r}", origin=document.origin)


def read_spans(lines: Iterable[str], origin: str) -> SpanFile:
    """Parse a spans file; a bad line is an error of its own, the others are
    kept."""
    spans: dict[str, list[GivenSpan]] = defaultdict(list)
    errors: list[InputError] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(InputError(f"bad JSON: {error.msg} (column {error.colno})", origin=where))
            continue
        if not isinstance(record, dict):
            errors.append(InputError("a span must be a JSON object", origin=where))
            continue
        article, start, end = record.get("article"), record.get("start"), record.get("end")
        if not isinstance(article, str) or not article:
            errors.append(InputError("'article' must be a non-empty string", origin=where))
            continue
        if not isinstance(start, int) or not isinstance(end, int) or not _offsets(start, end):
            errors.append(InputError("'start' and 'end' must be whole numbers >= 0", origin=where))
            continue
        if end <= start:
            errors.append(
                InputError(f"'end' ({end}) must be after 'start' ({start})", origin=where)
            )
            continue
        spans[article].append(GivenSpan(article, start, end, number))
    return SpanFile(dict(spans), tuple(errors))


def _offsets(*values: int) -> bool:
    return all(not isinstance(value, bool) and value >= 0 for value in values)


def spans_inside(
    item: GeoText, spans: Iterable[GivenSpan], origin: str
) -> tuple[list[GivenSpan], list[InputError]]:
    """The spans that lie inside the text, and an error for each other one."""
    kept: list[GivenSpan] = []
    errors: list[InputError] = []
    for span in spans:
        if span.end <= len(item.text):
            kept.append(span)
        else:
            errors.append(
                InputError(
                    f"span {span.start}-{span.end} lies outside {item.article!r} "
                    f"({len(item.text)} characters)",
                    origin=f"{origin}:{span.line}",
                )
            )
    return kept, errors


def write_toponyms(toponyms: Iterable[ParsedToponym], out: TextIO) -> int:
    """One JSON object a line; returns how many were written."""
    count = 0
    for toponym in toponyms:
        out.write(json.dumps(toponym.record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def chunked(items: Iterable[GeoText], size: int) -> Iterator[list[GeoText]]:
    batch: list[GeoText] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
