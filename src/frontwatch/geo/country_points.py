"""The point that stands for a whole country, for ``unit_points.tsv``.

Gazetteers (GeoNames) place most countries at the reference centre of the
CIA World Factbook, rounded to whole or half degrees (Russia at 60 N 100 E),
and some at the middle of their main territory (the United States at the
middle of the contiguous states). The build reads both from
``countryinfo==1.0.1`` (MIT; restcountries data): its ``latlng`` is the
reference centre, its ``geoJSON`` outline gives the territory.

Which to take is decided per country by one rule (:func:`choose_point`):
the reference centre, unless two independent estimates of the middle of the
main territory agree with each other and both disagree with it (the
reference point of a country whose outline is mostly one block, placed
where neither its outline nor its towns put it, as Kuwait's, which lies
outside Kuwait): then the middle of the two. The two estimates are the
area centroid of the largest polygon of the outline, on the sphere, and the
populated-places point of :func:`frontwatch.geo.unit_points.representative_point`.

countryinfo is needed only to rebuild the data (``pip install
countryinfo==1.0.1``, the ``dev`` extra), never at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from frontwatch.errors import ConfigError

Point = tuple[float, float]

# Estimates of the middle of the territory closer than this agree.
AGREE_KM = 100.0
# A reference centre farther than this (the usual 100-mile tolerance of
# geoparsing) from both agreeing estimates is not taken.
DISAGREE_KM = 161.0
# The outline's largest polygon must hold this share of its area for its
# centroid to stand for the country (not Malaysia's Borneo half).
MAINLAND_SHARE = 0.75
_RASTER_CELLS = 400  # grid cells across the extent of a polygon when measuring it
_MIN_STEP = 0.01  # degrees
_EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class CountryShape:
    """What countryinfo says of one country's place."""

    code: str  # ISO 3166-1 alpha-2
    reference: Point | None  # the reference centre (``latlng``)
    polygons: tuple[tuple[Point, ...], ...]  # outer rings as (longitude, latitude) vertices


@dataclass(frozen=True, slots=True)
class Mainland:
    centroid: Point  # (latitude, longitude)
    share: float  # of the outline's area


def distance_km(first: Point, second: Point) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def spherical_mean(points: Sequence[Point]) -> Point:
    """The middle of points on the sphere (as (latitude, longitude))."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
        round(math.degrees(math.atan2(y, x)), 5),
    )


def _unwrapped(ring: Sequence[Point]) -> NDArray[np.float64]:
    """A ring's vertices with longitudes made continuous across the 180th
    meridian (Chukotka, Fiji)."""
    array = np.array(ring, dtype=np.float64)
    if array[:, 0].max() - array[:, 0].min() > 180:
        array[:, 0] = np.where(array[:, 0] < 0, array[:, 0] + 360, array[:, 0])
    return array


def _inside(ring: NDArray[np.float64], x: NDArray[np.float64], y: NDArray[np.float64]) -> Any:
    """Even-odd test of points (x, y) against a ring."""
    inside = np.zeros(x.shape, dtype=bool)
    x0, y0 = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    for ax, ay, bx, by in zip(x0, y0, x1, y1, strict=True):
        if ay == by:
            continue
        crosses = (ay > y) != (by > y)
        at = ax + (y - ay) * (bx - ax) / (by - ay)
        inside ^= crosses & (x < at)
    return inside


def polygon_measure(ring: Sequence[Point]) -> tuple[float, Point]:
    """(area in cos-weighted square degrees, centroid (lat, lon) on the
    sphere) of a polygon's outer ring, measured on a grid over it."""
    array = _unwrapped(ring)
    west, east = float(array[:, 0].min()), float(array[:, 0].max())
    south, north = float(array[:, 1].min()), float(array[:, 1].max())
    step = max(_MIN_STEP, max(east - west, north - south) / _RASTER_CELLS)
    xs = np.arange(west + step / 2, east, step)
    ys = np.arange(south + step / 2, north, step)
    if len(xs) == 0 or len(ys) == 0:
        return 0.0, (round((south + north) / 2, 5), round((west + east) / 2, 5))
    grid_x, grid_y = np.meshgrid(xs, ys)
    flat_x, flat_y = grid_x.ravel(), grid_y.ravel()
    mask = _inside(array, flat_x, flat_y)
    if not mask.any():
        return 0.0, (round((south + north) / 2, 5), round((west + east) / 2, 5))
    lat = np.radians(flat_y[mask])
    lon = np.radians(flat_x[mask])
    weight = np.cos(lat)  # a cell's area shrinks towards the poles
    x = float((weight * np.cos(lat) * np.cos(lon)).sum())
    y = float((weight * np.cos(lat) * np.sin(lon)).sum())
    z = float((weight * np.sin(lat)).sum())
    centroid = (
        round(math.degrees(math.atan2(z, math.hypot(x, y))), 5),
        round((math.degrees(math.atan2(y, x)) + 180) % 360 - 180, 5),
    )
    return float(weight.sum()) * step * step, centroid


def mainland(polygons: Iterable[Sequence[Point]]) -> Mainland | None:
    """The centroid of the largest polygon and its share of the whole area."""
    measured = [polygon_measure(ring) for ring in polygons if len(ring) >= 3]
    total = sum(area for area, _ in measured)
    if not measured or total <= 0:
        return None
    area, centroid = max(measured)
    return Mainland(centroid, area / total)


def choose_point(
    reference: Point | None, populated: Point | None, main: Mainland | None
) -> Point | None:
    """The country's point (see the module doc): the reference centre unless
    the mainland centroid and the populated-places point agree with each
    other and not with it."""
    if reference is None:
        return populated
    if populated is None or main is None or main.share < MAINLAND_SHARE:
        return reference
    agree = distance_km(populated, main.centroid) <= AGREE_KM
    far = min(distance_km(reference, populated), distance_km(reference, main.centroid))
    if agree and far > DISAGREE_KM:
        return spherical_mean([populated, main.centroid])
    return reference


def country_points(populated: Mapping[str, Point]) -> dict[str, Point]:
    """Country code -> point, for every country countryinfo or the
    populated places know."""
    shapes = {shape.code: shape for shape in load_country_shapes()}
    points: dict[str, Point] = {}
    for code in sorted(set(shapes) | set(populated)):
        shape = shapes.get(code)
        main = mainland(shape.polygons) if shape is not None else None
        reference = shape.reference if shape is not None else None
        point = choose_point(reference, populated.get(code), main)
        if point is not None:
            points[code] = point
    return points


def load_country_shapes() -> list[CountryShape]:
    """Every country of countryinfo with its reference centre and outline."""
    try:
        from countryinfo import CountryInfo
    except ImportError as error:
        raise ConfigError(
            "rebuilding country points needs countryinfo: pip install countryinfo==1.0.1"
        ) from error
    shapes: dict[str, CountryShape] = {}
    for record in CountryInfo.all().values():
        iso = record.get("ISO")
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if not isinstance(code, str) or len(code) != 2:
            continue
        shape = shape_of(code.upper(), record)
        if shape.reference is not None or shape.polygons:
            shapes.setdefault(shape.code, shape)
    return [shapes[code] for code in sorted(shapes)]


def shape_of(code: str, record: Mapping[str, Any]) -> CountryShape:
    """A countryinfo record as a :class:`CountryShape`."""
    latlng = record.get("latlng")
    reference: Point | None = None
    if isinstance(latlng, list) and len(latlng) == 2:
        lat, lon = float(latlng[0]), float(latlng[1])
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            reference = (lat, lon)
    polygons: list[tuple[Point, ...]] = []
    geojson = record.get("geoJSON")
    features = geojson.get("features", []) if isinstance(geojson, dict) else []
    for feature in features:
        geometry = feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
        parts = (
            [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
        )
        for part in parts:
            if part and len(part[0]) >= 3:
                polygons.append(tuple((float(x), float(y)) for x, y, *_ in part[0]))
    return CountryShape(code, reference, tuple(polygons))
