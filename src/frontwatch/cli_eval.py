"""`frontwatch eval ...`: measuring the pipeline against human-coded data.

The ACLED evaluation scores exactly what `frontwatch export --format jsonl`
writes: the pipeline's events go through the JSONL writer and are read back
by the scorer, so an outsider can check the numbers with their own script.
"""

from __future__ import annotations

import io
import sys
from functools import partial
from pathlib import Path

import click

from frontwatch.eval import (
    check_floors,
    format_table,
    load_floors,
    load_gold,
    note_articles,
    parse_export,
    score,
    slice_notes,
    write_html,
    write_json,
)
from frontwatch.export.formats import write_jsonl
from frontwatch.models import Event
from frontwatch.pipeline import Pipeline
from frontwatch.settings import Settings

FLOOR_FAILURE = 4


@click.group("eval")
def eval_group() -> None:
    """Measure frontwatch against human-coded gold data."""


@eval_group.command("acled")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slice", "use_slice", is_flag=True, help="Only the fixed CI slice of the notes.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N notes.")
@click.option(
    "--events",
    "events_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this JSONL export instead of running the pipeline.",
)
@click.option(
    "--export", "export_path", type=click.Path(path_type=Path), help="Also keep the JSONL export."
)
@click.option("--json", "json_path", type=click.Path(path_type=Path), help="Write a JSON report.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), help="Write an HTML report.")
@click.option(
    "--check-floors", "gate", is_flag=True, help="Exit 4 when a field is below its floor."
)
@click.pass_context
def eval_acled(
    ctx: click.Context,
    gold: Path,
    use_slice: bool,
    limit: int | None,
    events_path: Path | None,
    export_path: Path | None,
    json_path: Path | None,
    html_path: Path | None,
    gate: bool,
) -> None:
    """Score the pipeline on an ACLED export (e.g. ../shared/eval/acled/dev.csv)."""
    from frontwatch.cli import guard  # the CLI's error handling, shared

    settings: Settings = ctx.obj
    floors = guard(load_floors)
    notes = guard(lambda: load_gold(gold))
    if use_slice:
        notes = slice_notes(notes, size=floors.slice_size, seed=floors.slice_seed)
    if limit is not None:
        notes = notes[:limit]
    if events_path is not None:
        with events_path.open(encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    else:
        pipeline = guard(lambda: Pipeline(settings))
        try:
            articles = note_articles(notes)
            click.echo(f"running the pipeline on {len(articles)} notes", err=True)
            results = guard(lambda: pipeline.process_many(articles))
        finally:
            pipeline.close()
        events: list[Event] = [e for batch in results for e in batch]
        buffer = io.StringIO()
        write_jsonl(events, buffer)
        lines = buffer.getvalue().splitlines()
        if export_path is not None:
            export_path.write_text(buffer.getvalue(), encoding="utf-8")
    extracted = guard(lambda: parse_export(lines, origin=str(events_path or "export")))
    result = score(notes, extracted)
    click.echo(format_table(result, floors.floors))
    if json_path is not None:
        guard(lambda: write_json(result, json_path))
    if html_path is not None:
        guard(lambda: write_html(result, html_path, floors=floors.floors))
    if gate:
        below = check_floors(result, floors.floors)
        for line in below:
            click.echo(f"below floor: {line}", err=True)
        if below:
            sys.exit(FLOOR_FAILURE)


@eval_group.command("geo")
@click.argument(
    "corpora", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "json_path", type=click.Path(path_type=Path), help="Write a JSON report.")
@click.option(
    "--slice", "use_slice", is_flag=True, help="Only each corpus's fixed CI slice of articles."
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N articles of each.")
@click.option(
    "--failures",
    type=click.IntRange(min=0),
    default=0,
    help="Also print the N worst toponyms given the gold spans.",
)
@click.option(
    "--check-floors",
    "gate",
    is_flag=True,
    help="With --slice: exit 4 when a metric is below its floor (geo_floors.json).",
)
@click.pass_context
def eval_geo(
    ctx: click.Context,
    corpora: tuple[Path, ...],
    json_path: Path | None,
    use_slice: bool,
    limit: int | None,
    failures: int,
    gate: bool,
) -> None:
    """Score geoparsing on GeoWebNews (GWN.xml) or TR-News (TR-News.xml):
    recognition P/R/F1 and resolution accuracy within 161 km, median and mean
    error and AUC, end to end and given the gold spans."""
    from frontwatch.cli import guard
    from frontwatch.eval.geo_corpus import load_geo_corpus, slice_articles
    from frontwatch.eval.geo_eval import GeoEvalResult, evaluate_corpus
    from frontwatch.eval.geo_report import (
        check_geo_floors,
        format_failures,
        format_geo_table,
        load_geo_floors,
        write_geo_json,
    )
    from frontwatch.geo.geoparse import Geoparser

    if gate and not use_slice:
        raise click.UsageError("--check-floors needs --slice (the floors are slice scores)")
    settings: Settings = ctx.obj
    floors = guard(load_geo_floors)
    loaded = [guard(partial(load_geo_corpus, path)) for path in corpora]
    geoparser = guard(lambda: Geoparser.open(settings))
    results: list[GeoEvalResult] = []
    try:
        for corpus in loaded:
            articles = list(corpus.articles)
            if use_slice:
                chosen = floors.slices.get(corpus.name)
                if chosen is None:
                    raise click.UsageError(f"no CI slice of {corpus.name} in the floors file")
                articles = slice_articles(articles, size=chosen.size, seed=chosen.seed)
            if limit is not None:
                articles = articles[:limit]
            click.echo(f"geoparsing {len(articles)} articles of {corpus.path}", err=True)
            result = guard(partial(evaluate_corpus, corpus, geoparser, articles))
            results.append(result)
            if result.timing is not None:
                timing = result.timing
                click.echo(
                    f"{corpus.name}: {timing.ms_per_toponym:.3f} ms per toponym resolved "
                    f"({timing.toponyms_resolved} toponyms; named entities "
                    f"{timing.tagging_seconds:.1f} s)",
                    err=True,
                )
    finally:
        geoparser.close()
    click.echo(format_geo_table(results))
    for result in results:
        if failures:
            click.echo(format_failures(result, failures))
    if json_path is not None:
        guard(lambda: write_geo_json(results, json_path))
    if gate:
        below = [
            line
            for result in results
            for line in check_geo_floors(result.parts[0], floors.floors.get(result.corpus, {}))
        ]
        for line in below:
            click.echo(f"below floor: {line}", err=True)
        if below:
            sys.exit(FLOOR_FAILURE)
