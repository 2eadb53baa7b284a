"""``frontwatch gazetteer``: build the packaged index, import GeoNames dumps
and a user's own places, download a country's dump, and say what is there."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from tqdm import tqdm

from frontwatch.cli import PARTIAL_FAILURE, guard
from frontwatch.errors import ConfigError, FrontwatchError
from frontwatch.geo.gazetteer import IMPORTS_ENV, Gazetteer, imports_path, index_meta, index_path
from frontwatch.geo.gazetteer_build import FEATURE_NAMES, build_index
from frontwatch.geo.gazetteer_download import (
    BASE_URL_ENV,
    DOWNLOADS_FOLDER,
    download_country,
)
from frontwatch.geo.gazetteer_import import FORMATS, ImportReport, import_file, user_context
from frontwatch.geo.gazetteer_overlay import Overlay, OverlayInfo
from frontwatch.settings import Settings


def _home(ctx: click.Context) -> Path:
    settings: Settings = ctx.find_root().obj
    return settings.home


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The place index: build it, import GeoNames dumps or your own places."""


@contextmanager
def _bar(label: str, quiet: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress callback (done, total bytes): a bar on a terminal, a line
    every 10% otherwise; nothing with --quiet."""
    if quiet:
        yield lambda _done, _total: None
        return
    if sys.stderr.isatty():
        bar = tqdm(desc=label, unit="B", unit_scale=True, unit_divisor=1024, leave=False)
        try:

            def update(done: int, total: int) -> None:
                bar.total = total or None
                bar.update(done - bar.n)

            yield update
        finally:
            bar.close()
        return
    shown = [0]

    def lines(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 0
        if tenth > shown[0]:
            shown[0] = tenth
            click.echo(f"{label}: {tenth * 10}%", err=True)

    yield lines


def _imports(index: Path) -> Path:
    path = imports_path(index)
    if path is None:
        click.echo(f"error: imports are switched off ({IMPORTS_ENV}=none)", err=True)
        raise SystemExit(ConfigError.exit_code)
    return path


def _overlay(home: Path) -> Overlay:
    """The imports file of this home, with the packaged index (built first
    if needed) attached for checks."""
    index = index_path(home)
    imports = _imports(index)
    guard(lambda: Gazetteer.open(index).close())
    return guard(lambda: Overlay(imports, packaged_index=index))


def _print_report(report: ImportReport) -> None:
    skipped = sum(count for _reason, count in report.skipped)
    reasons = ", ".join(f"{reason} {count:,}" for reason, count in report.skipped)
    removed = f", removed {report.removed:,}" if report.removed else ""
    click.echo(
        f"{report.file} ({report.format}): read {report.read:,} lines, kept {report.kept:,} "
        f"(added {report.added:,}, updated {report.updated:,}, unchanged {report.unchanged:,}"
        f"{removed}), skipped {skipped:,}{f' ({reasons})' if reasons else ''}, "
        f"bad {report.bad:,}; {report.seconds:.1f} s"
    )
    for bad in report.bad_lines:
        click.echo(f"  bad line {bad.line}: {bad.message}", err=True)
    if report.bad > len(report.bad_lines):
        click.echo(f"  ... and {report.bad - len(report.bad_lines):,} more bad lines", err=True)


def _import_all(
    overlay: Overlay, paths: list[Path], fmt: str | None, quiet: bool
) -> tuple[int, FrontwatchError | None]:
    """Import each file; returns how many failed and the last error."""
    failed, last = 0, None
    context = guard(lambda: user_context(overlay))
    for path in paths:
        try:
            with _bar(path.name, quiet) as progress:
                report = import_file(
                    path, overlay, fmt=fmt, user_context=context, on_progress=progress
                )
        except FrontwatchError as error:
            click.echo(f"error: {error}", err=True)
            failed, last = failed + 1, error
            continue
        _print_report(report)
    return failed, last


def _exit(failed: int, total: int, last: FrontwatchError | None) -> None:
    if failed and last is not None:
        raise SystemExit(PARTIAL_FAILURE if failed < total else last.exit_code)


@gazetteer_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="The files' format, when their names do not say it "
    "(geonames: allCountries/CC/cities500 tables; alternates: alternateNamesV2; "
    "admin1: admin1CodesASCII; places: your CSV).",
)
@click.option("--quiet", is_flag=True, help="No progress.")
@click.pass_context
def import_command(
    ctx: click.Context, files: tuple[Path, ...], fmt: str | None, quiet: bool
) -> None:
    """Import GeoNames dumps (allCountries.zip, SY.zip, cities500.zip,
    alternateNamesV2.zip, admin1CodesASCII.txt) or a CSV of your own places.
    Import place tables before alternate names: names of places not yet in
    the gazetteer are skipped."""
    with _overlay(_home(ctx)) as overlay:
        failed, last = _import_all(overlay, list(files), fmt, quiet)
    _exit(failed, len(files), last)


@gazetteer_group.command("download")
@click.argument("countries", nargs=-1, required=True)
@click.option(
    "--base-url",
    envvar=BASE_URL_ENV,
    help=f"Where the dumps are [env {BASE_URL_ENV}; default GeoNames' export/dump folder].",
)
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds.")
@click.option("--quiet", is_flag=True, help="No progress.")
@click.pass_context
def download_command(
    ctx: click.Context,
    countries: tuple[str, ...],
    base_url: str | None,
    timeout: float,
    quiet: bool,
) -> None:
    """Download each country's GeoNames dump (CC.zip, e.g. SY) into
    $FRONTWATCH_HOME/downloads and import it."""
    home = _home(ctx)
    fetched: list[Path] = []
    failed, last = 0, None
    for code in countries:
        try:
            with _bar(f"{code.upper()}.zip", quiet) as progress:
                path = download_country(
                    code,
                    home / DOWNLOADS_FOLDER,
                    base=base_url,
                    timeout=timeout,
                    on_progress=progress,
                )
        except FrontwatchError as error:
            click.echo(f"error: {error}", err=True)
            failed, last = failed + 1, error
            continue
        click.echo(f"downloaded {path} ({path.stat().st_size:,} bytes)", err=True)
        fetched.append(path)
    if fetched:
        with _overlay(home) as overlay:
            import_failed, import_last = _import_all(overlay, fetched, "geonames", quiet)
        failed, last = failed + import_failed, import_last or last
    _exit(failed, len(countries), last)


@gazetteer_group.command("build")
@click.pass_context
def build_command(ctx: click.Context) -> None:
    """Build (or rebuild) the packaged index from the data frontwatch ships.
    Imported places are kept: they live in a file of their own."""
    index = index_path(_home(ctx))
    started = time.monotonic()
    guard(lambda: build_index(index))
    seconds = time.monotonic() - started
    meta = guard(lambda: index_meta(index))
    click.echo(
        f"built {index} in {seconds:.1f} s: {int(meta.get('places', 0)):,} places, "
        f"{index.stat().st_size / 1e6:.1f} MB"
    )
    imports = imports_path(index)
    if imports is not None and imports.exists():
        with guard(lambda: Overlay(imports)) as overlay:
            if not guard(overlay.keys_current):
                started = time.monotonic()
                count = guard(overlay.rekey)
                click.echo(
                    f"re-keyed {count:,} imported names in {time.monotonic() - started:.1f} s"
                )
            guard(overlay.finish)  # keys an interrupted import left staged
        click.echo(f"imports kept: {imports}")


def _describe_imports(info: OverlayInfo) -> list[str]:
    total = sum(info.places_by_feature.values())
    kinds = ", ".join(
        f"{FEATURE_NAMES.get(feature, str(feature))} {count:,}"
        for feature, count in sorted(info.places_by_feature.items(), key=lambda kv: -kv[1])
    )
    lines = [
        f"imports: {info.path} ({info.size_bytes / 1e6:.1f} MB): {total:,} places"
        f"{f' ({kinds})' if kinds else ''}, {info.alternate_names:,} alternate names, "
        f"{info.admin1_codes:,} admin1 codes"
    ]
    if info.pending_keys:
        lines.append(
            f"  {info.pending_keys:,} names not yet searchable (an import was interrupted "
            "or is running); `frontwatch gazetteer build` finishes them"
        )
    if not info.keys_current:
        lines.append("  keys made under older folding rules: re-keyed on next open")
    for entry in info.imports:
        lines.append(
            f"  {entry.imported_at}  {entry.file} ({entry.format}): read {entry.read:,}, "
            f"kept {entry.kept:,}, added {entry.added:,}, updated {entry.updated:,}, "
            f"bad {entry.bad:,}; {entry.seconds:.1f} s"
        )
    return lines


@gazetteer_group.command("info")
@click.pass_context
def info_command(ctx: click.Context) -> None:
    """Where the index is, what it holds, and which files were imported."""
    index = index_path(_home(ctx))
    if index.exists():
        meta = guard(lambda: index_meta(index))
        click.echo(
            f"index: {index} ({index.stat().st_size / 1e6:.1f} MB, schema "
            f"{meta.get('schema_version')}, built {meta.get('built_at', '?')}): "
            f"{int(meta.get('places', 0)):,} places (countries, admin1, admin2, towns)"
        )
    else:
        click.echo(f"index: {index} (not built yet: `frontwatch gazetteer build`)")
    imports = imports_path(index)
    if imports is None:
        click.echo(f"imports: switched off ({IMPORTS_ENV}=none)")
        return
    if not imports.exists():
        click.echo(f"imports: none ({imports} when you import)")
        return
    with guard(lambda: Overlay(imports)) as overlay:
        info = guard(overlay.info)
    for line in _describe_imports(info):
        click.echo(line)
