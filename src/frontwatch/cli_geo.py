"""`frontwatch geoparse`: the toponyms of texts, each resolved, as JSON Lines.

See ``geo/geoparse.py`` (finding and resolving) and ``geo/geoparse_io.py``
(inputs, the spans file, the output).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TextIO

import click

from frontwatch.errors import InputError
from frontwatch.geo.geoparse import Geoparser, GeoText
from frontwatch.geo.geoparse_io import (
    SpanFile,
    chunked,
    geo_text,
    read_spans,
    spans_inside,
    write_toponyms,
)
from frontwatch.ingest.readers import RawDocument, iter_documents, read_stdin
from frontwatch.settings import Settings

PARTIAL_FAILURE = 3
BATCH = 32  # texts per spaCy batch


@click.command("geoparse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--spans",
    "spans_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Lines of given toponym spans (article, start, end): resolve only these.",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="File (default: stdout).")
@click.option("--no-demonyms", is_flag=True, help="Do not report demonyms ('Syrian') as places.")
@click.pass_context
def geoparse_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    spans_path: Path | None,
    output: Path | None,
    no_demonyms: bool,
) -> None:
    """Find the toponyms of .txt, .html or .jsonl files (folders, '-' for
    stdin) and resolve each: one JSON object a line."""
    from frontwatch.cli import guard

    settings: Settings = ctx.obj
    errors: list[InputError] = []
    given: SpanFile | None = None
    if spans_path is not None:
        with spans_path.open(encoding="utf-8") as handle:
            given = read_spans(handle, str(spans_path))
        errors += given.errors
    geoparser = guard(lambda: Geoparser.open(settings, demonyms=not no_demonyms))
    try:
        if output is None:
            written, seen = _run(
                geoparser, paths, settings, (given, spans_path), sys.stdout, errors
            )
        else:
            with output.open("w", encoding="utf-8") as handle:
                written, seen = _run(
                    geoparser, paths, settings, (given, spans_path), handle, errors
                )
    finally:
        geoparser.close()
    if given is not None:
        for article in sorted(set(given.spans) - seen):
            line = given.spans[article][0].line
            errors.append(
                InputError(
                    f"spans for {article!r}, which is not among the inputs",
                    origin=f"{spans_path}:{line}",
                )
            )
    for error in errors:
        click.echo(f"skipped: {error}", err=True)
    click.echo(f"{written} toponyms from {len(seen)} texts; {len(errors)} errors", err=True)
    if errors:
        raise SystemExit(PARTIAL_FAILURE)


def _run(
    geoparser: Geoparser,
    paths: tuple[Path, ...],
    settings: Settings,
    spans: tuple[SpanFile | None, Path | None],
    out: TextIO,
    errors: list[InputError],
) -> tuple[int, set[str]]:
    """Geoparse every readable text; returns (toponyms written, texts read)."""
    from frontwatch.cli import guard

    given, spans_path = spans
    written = 0
    seen: set[str] = set()
    for batch in chunked(_texts(paths, settings, errors), BATCH):
        seen.update(item.article for item in batch)
        if given is None:
            for toponyms in guard(partial(geoparser.parse_many, batch)):
                written += write_toponyms(toponyms, out)
            continue
        for item in batch:
            kept, outside = spans_inside(item, given.spans.get(item.article, ()), str(spans_path))
            errors += outside
            if kept:
                pairs = [(span.start, span.end) for span in kept]
                written += write_toponyms(guard(partial(geoparser.resolve_spans, item, pairs)), out)
    return written, seen


def _texts(
    paths: tuple[Path, ...], settings: Settings, errors: list[InputError]
) -> Iterator[GeoText]:
    files = [p for p in paths if str(p) != "-"]
    sources: Iterable[RawDocument | InputError] = iter_documents(
        files, max_bytes=settings.max_bytes
    )
    if any(str(p) == "-" for p in paths):
        sources = chain(sources, read_stdin(sys.stdin, max_bytes=settings.max_bytes))
    for source in sources:
        if isinstance(source, InputError):
            errors.append(source)
            continue
        try:
            yield geo_text(source)
        except InputError as error:
            errors.append(error)
