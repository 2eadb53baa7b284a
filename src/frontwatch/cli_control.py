"""`frontwatch control`: who holds which place on a date, or one place's history.

    frontwatch control --at 2017-09-01 [--country SY] [--format table|json|geojson]
    frontwatch control --place "As Sukhnah" [--format table|json]

The history is kept up to date by `ingest` and `reprocess` (see
``frontwatch.merge.update``); this command only reads it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import click

from frontwatch.control import output
from frontwatch.control.timeline import ControlPeriod
from frontwatch.settings import Settings
from frontwatch.store.repository import open_store


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


@click.command("control")
@click.option("--at", "on", callback=_day, help="Places and their controller on this date.")
@click.option("--place", help="The control history of one place (name as listed).")
@click.option("--country", help="Only this country (name or ISO code).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "geojson"]),
    default="table",
    show_default=True,
)
@click.pass_context
def control_command(
    ctx: click.Context, on: dt.date | None, place: str | None, country: str | None, fmt: str
) -> None:
    """Territorial control: who holds which place, since when, on whose claim."""
    from frontwatch.cli import guard  # the CLI's error handling, shared

    if (on is None) == (place is None):
        raise click.UsageError("give either --at DATE or --place NAME")
    settings: Settings = ctx.obj
    store = guard(lambda: open_store(settings.db))
    try:
        if on is not None:
            periods = guard(lambda: store.control_periods(on=on, country=country))
        else:
            everything = guard(lambda: store.control_periods(country=country))
            periods = [p for p in everything if _names(p, place or "")]
    finally:
        store.close()
    if fmt == "geojson":
        output.write_geojson(periods, sys.stdout)
    elif fmt == "json":
        output.write_json(periods, sys.stdout)
    elif on is not None:
        click.echo(output.format_table(periods))
        click.echo(f"{len(periods)} places on {on.isoformat()}")
    else:
        click.echo(output.format_history(periods))


def _names(period: ControlPeriod, name: str) -> bool:
    """The entry is the place, or an area reported at or near it."""
    wanted = name.strip().lower()
    label = period.label.lower()
    return (
        label == wanted or re.search(rf"(?:^|\s|/){re.escape(wanted)}(?:$|\s|/)", label) is not None
    )
