"""The command line: a thin layer over the library. Library errors become
messages and exit codes here, nowhere else.

Exit codes: 0 success; 1 other frontwatch error; 2 usage error (click);
3 the batch finished but some inputs failed (each is listed); 65 bad input
data; 66 no such record; 74 store or gazetteer I/O; 78 configuration.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click
from tqdm import tqdm

from frontwatch.errors import FrontwatchError
from frontwatch.export import formats
from frontwatch.ingest.readers import read_stdin
from frontwatch.models import Event
from frontwatch.pipeline import (
    FileError,
    IngestReport,
    Pipeline,
    documents_from_paths,
    ingest,
    reprocess,
)
from frontwatch.settings import Settings, load_settings
from frontwatch.store.repository import Store, open_store

PARTIAL_FAILURE = 3
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


@click.group()
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    envvar="FRONTWATCH_DB",
    help="SQLite file or SQLAlchemy URL [env FRONTWATCH_DB; default ./frontwatch.db].",
)
@click.option("--model", metavar="NAME", help="spaCy pipeline [env FRONTWATCH_MODEL].")
@click.version_option(package_name="frontwatch")
@click.pass_context
def cli(ctx: click.Context, db: str | None, model: str | None) -> None:
    """frontwatch: news articles in, sourced and geocoded conflict events out."""
    ctx.obj = guard(lambda: load_settings(db=db, model=model))


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


@contextmanager
def _store(settings: Settings) -> Iterator[Store]:
    store = guard(lambda: open_store(settings.db))
    try:
        yield store
    finally:
        store.close()


def guard(action: Callable[[], T]) -> T:
    """Run ``action``; a FrontwatchError becomes a message and an exit code."""
    try:
        return action()
    except FrontwatchError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


# ------------------------------------------------------------------- ingest
@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for all inputs.")
@click.option("--source", help="Outlet name for all inputs (overrides the page's own).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Extraction processes (each loads the model once; this one writes the store) "
    "[env FRONTWATCH_WORKERS; default 1].",
)
@click.pass_context
def ingest_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    published: dt.date | None,
    source: str | None,
    quiet: bool,
    workers: int | None,
) -> None:
    """Ingest .txt, .html, .jsonl files or folders (recursive); '-' reads stdin."""
    settings = _settings(ctx).with_overrides(workers=workers)
    report = _run_ingest(settings, paths, published=published, source=source, quiet=quiet)
    _print_report(report)
    if report.errors:
        raise SystemExit(PARTIAL_FAILURE)


def _run_ingest(
    settings: Settings,
    paths: tuple[Path, ...],
    *,
    published: dt.date | None,
    source: str | None,
    quiet: bool,
) -> IngestReport:
    files = [p for p in paths if str(p) != "-"]
    missing = [p for p in files if not p.exists()]
    files = [p for p in files if p.exists()]

    def documents() -> Iterator[object]:
        if any(str(p) == "-" for p in paths):
            yield from read_stdin(sys.stdin)
        yield from documents_from_paths(files, max_bytes=settings.max_bytes)

    with _store(settings) as store:
        pipeline = guard(lambda: Pipeline(settings))
        bar = tqdm(desc="ingest", unit="doc", disable=quiet or not sys.stderr.isatty())
        try:
            report = guard(
                lambda: ingest(
                    store,
                    pipeline,
                    documents(),  # type: ignore[arg-type]
                    published=published,
                    source=source,
                    on_progress=lambda _origin: bar.update(1),
                )
            )
        finally:
            bar.close()
            pipeline.close()
    if missing:
        extra = tuple(FileError(str(p), f"{p}: no such file or folder") for p in missing)
        report = IngestReport(
            read=report.read,
            stored=report.stored,
            duplicates=report.duplicates,
            failed=report.failed,
            events=report.events,
            errors=report.errors + extra,
        )
    return report


def _print_report(report: IngestReport, out: TextIO | None = None) -> None:
    for error in report.errors:
        click.echo(f"skipped: {error.message}", err=True)
    click.echo(
        f"read {report.read} documents: {report.stored} stored, "
        f"{report.duplicates} already stored, {report.failed} failed (raw kept), "
        f"{len(report.errors)} errors; {report.events} event statements",
        file=out,
    )


@cli.command("reprocess")
@click.pass_context
def reprocess_command(ctx: click.Context) -> None:
    """Run the current pipeline again over every stored raw article."""
    settings = _settings(ctx)
    with _store(settings) as store:
        pipeline = guard(lambda: Pipeline(settings))
        try:
            report = guard(lambda: reprocess(store, pipeline))
        finally:
            pipeline.close()
    _print_report(report)


# ------------------------------------------------------------------- events
FILTERS = [
    click.option("--country", help="Country name, e.g. Syria."),
    click.option("--admin1", help="First-level region, e.g. Homs."),
    click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
    click.option("--actor", help="Part of an actor name (actor1, actor2 or associated)."),
    click.option("--from", "date_from", callback=_date, help="First date, YYYY-MM-DD."),
    click.option("--to", "date_to", callback=_date, help="Last date, YYYY-MM-DD."),
    click.option(
        "--all",
        "include_flagged",
        is_flag=True,
        help="Also list negated, hypothetical, planned and background statements.",
    ),
]


def _filters(func: F) -> F:
    for option in reversed(FILTERS):
        func = option(func)
    return func


def _query(store: Store, **filters: object) -> list[Event]:
    include_flagged = bool(filters.pop("include_flagged", False))
    events = guard(lambda: store.query_events(**filters))  # type: ignore[arg-type]
    if include_flagged:
        return events
    return [e for e in events if e.flags.is_event]


def _query_merged(store: Store, **filters: object) -> list[Event]:
    """Merged events matching the filters; with --all, flagged statements too
    (they are never merged)."""
    from frontwatch.merge.update import load_merged

    include_flagged = bool(filters.pop("include_flagged", False))
    ids = guard(lambda: store.query_merged_ids(**filters))  # type: ignore[arg-type]
    events = [m.as_event() for m in guard(lambda: load_merged(store, ids))]
    if include_flagged:
        events += [
            e for e in _query(store, include_flagged=True, **filters) if not e.flags.is_event
        ]
    return events


def _select(store: Store, *, merged: bool, **filters: object) -> list[Event]:
    """Merged events (one per real event) or each report, filtered."""
    if merged and guard(store.count_merged) == 0 and guard(store.count_events) > 0:
        click.echo(
            "note: this store has reports but no merged events yet (written before "
            "merging existed); showing reports. Run `frontwatch reprocess` to merge them.",
            err=True,
        )
        merged = False
    return _query_merged(store, **filters) if merged else _query(store, **filters)


MERGED_OPTION = click.option(
    "--merged/--reports",
    default=True,
    show_default=True,
    help="Merged events (one per real event, every report as a source) or each report.",
)


@cli.command("events")
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "geojson"]),
    default="table",
    show_default=True,
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@MERGED_OPTION
@click.pass_context
def events_command(
    ctx: click.Context, /, fmt: str, limit: int | None, merged: bool, **filters: object
) -> None:
    """List stored events, filtered."""
    with _store(_settings(ctx)) as store:
        events = _select(store, merged=merged, **filters)
    if limit is not None:
        events = events[:limit]
    out = sys.stdout
    if fmt == "table":
        click.echo(formats.format_table(events))
        click.echo(f"{len(events)} events")
    elif fmt == "csv":
        formats.write_csv(events, out)
    elif fmt == "json":
        formats.write_json(events, out)
    else:
        formats.write_geojson(events, out)


@cli.command("export")
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "geojson", "jsonl"]),
    required=True,
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="File (default: stdout).")
@MERGED_OPTION
@click.pass_context
def export_command(
    ctx: click.Context, /, fmt: str, output: Path | None, merged: bool, **filters: object
) -> None:
    """Export events as ACLED CSV, GeoJSON or JSONL."""
    with _store(_settings(ctx)) as store:
        events = _select(store, merged=merged, **filters)
    writer = {
        "acled-csv": formats.write_acled_csv,
        "geojson": formats.write_geojson,
        "jsonl": formats.write_jsonl,
    }[fmt]
    if output is None:
        writer(events, sys.stdout)
        return
    newline = "" if fmt == "acled-csv" else None
    with output.open("w", encoding="utf-8", newline=newline) as handle:
        writer(events, handle)
    click.echo(f"wrote {len(events)} events to {output}", err=True)


@cli.command("show")
@click.argument("event_id")
@click.pass_context
def show_command(ctx: click.Context, event_id: str) -> None:
    """Every field of one event, with its source sentences."""
    with _store(_settings(ctx)) as store:
        event = guard(lambda: store.get_event(event_id))
    if event is None:
        click.echo(f"error: no event {event_id!r}; list ids with `frontwatch events`", err=True)
        raise SystemExit(66)
    click.echo(formats.format_event(event))


@cli.command("summary")
@click.pass_context
def summary_command(ctx: click.Context) -> None:
    """A one-screen summary of the store."""
    with _store(_settings(ctx)) as store:
        click.echo(_summary(store))


def _summary(store: Store) -> str:
    stats = store.stats()
    reports = [e for e in store.query_events() if e.flags.is_event]
    flagged = stats.events - len(reports)
    events = _select(store, merged=True)
    lines = [
        f"store: {stats.articles} articles ({stats.failed_articles} failed), "
        f"{len(reports)} event reports merged into {len(events)} events, "
        f"{flagged} flagged statements (not events)",
    ]
    if stats.date_from:
        lines.append(f"dates: {stats.date_from} .. {stats.date_to}")
    by_type: dict[str, int] = {}
    by_country: dict[str, int] = {}
    deaths = 0
    for event in events:
        by_type[event.event_type] = by_type.get(event.event_type, 0) + 1
        country = event.place.country if event.place else "(unlocated)"
        by_country[country] = by_country.get(country, 0) + 1
        deaths += event.fatality_count
    lines.append("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    lines.append(
        "by country: "
        + ", ".join(f"{k} {v}" for k, v in sorted(by_country.items(), key=lambda kv: -kv[1]))
    )
    lines.append(f"reported fatalities (ACLED rules, lowest figure per event): {deaths}")
    multi = sum(1 for e in events if len({p.outlet or p.article_id for p in e.provenance}) > 1)
    lines.append(f"events reported by more than one outlet: {multi}")
    return "\n".join(lines)


# --------------------------------------------------------------------- demo
@cli.command("demo")
@click.pass_context
def demo_command(ctx: click.Context) -> None:
    """Ingest the bundled demo corpus and print the event table and a summary."""
    settings = _settings(ctx)
    demo = Path(str(resources.files("frontwatch.data").joinpath("demo")))
    click.echo(f"ingesting the demo corpus from {demo} into {settings.db}", err=True)
    report = _run_ingest(settings, (demo,), published=None, source=None, quiet=False)
    _print_report(report)
    with _store(settings) as store:
        events = _select(store, merged=True)
        click.echo(formats.format_table(events))
        click.echo("")
        click.echo(_summary(store))


def _register() -> None:
    from frontwatch.cli_control import control_command
    from frontwatch.cli_eval import eval_group
    from frontwatch.cli_gazetteer import gazetteer_group
    from frontwatch.cli_geo import geoparse_command

    cli.add_command(eval_group)
    cli.add_command(control_command)
    cli.add_command(gazetteer_group)
    cli.add_command(geoparse_command)


_register()


def main() -> None:
    cli(prog_name="frontwatch")
