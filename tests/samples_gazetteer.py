"""GeoNames-shaped data written here for the gazetteer tests: a few places
of our own (real names and positions, made-up ids where they are not the
real ones) and generated files of any size."""

from __future__ import annotations

import json
import random
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from frontwatch.geo.gazetteer_build import GazetteerSources

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "gazetteer"

CITIES = {
    "1": {
        "geonameid": 1,
        "name": "As Sukhnah",
        "latitude": 34.88533,
        "longitude": 38.8711,
        "countrycode": "SY",
        "population": 0,
        "admin1code": "11",
        "alternatenames": ["Soukhne", "alskhnt", "السخنة", "SKH"],
    },
    "2": {
        "geonameid": 2,
        "name": "Homs",
        "latitude": 34.72682,
        "longitude": 36.72339,
        "countrycode": "SY",
        "population": 775404,
        "admin1code": "11",
        "alternatenames": ["Hims", "Ḩimş"],
    },
    "3": {
        "geonameid": 3,
        "name": "Damascus",
        "latitude": 33.5102,
        "longitude": 36.29128,
        "countrycode": "SY",
        "population": 2079000,
        "admin1code": "13",
        "alternatenames": [],
    },
    "4": {
        "geonameid": 4,
        "name": "Tripoli",
        "latitude": 34.43667,
        "longitude": 35.84972,
        "countrycode": "LB",
        "population": 229398,
        "admin1code": "09",
        "alternatenames": ["Trablous"],
    },
}
COUNTRIES = {
    "SY": {"geonameid": 163843, "name": "Syria", "capital": "Damascus", "population": 22933531},
    "LB": {"geonameid": 272103, "name": "Lebanon", "capital": "Beirut", "population": 6848925},
    "AQ": {"geonameid": 6697173, "name": "Antarctica", "capital": "", "population": 0},
}
ADMIN1 = "SY\t11\t169575\tHoms\tHims|Homs Governorate\nSY\t13\t167541\tDimashq\tDamascus City\n"
OVERRIDES = "SY\t13\tDamascus\tDimashq\n"
COUNTRY_NAMES = "SY\t\tSyrian Arab Republic\tSyrian\nLB\t\t\tLebanese\n"


def small_sources(folder: Path, **changes: str) -> GazetteerSources:
    cities = folder / "cities.json"
    countries = folder / "countries.json"
    cities.write_text(json.dumps(CITIES), encoding="utf-8")
    countries.write_text(json.dumps(COUNTRIES), encoding="utf-8")
    texts = {
        "admin1_text": ADMIN1,
        "admin1_overrides_text": OVERRIDES,
        "countries_text": COUNTRY_NAMES,
    }
    texts.update(changes)
    return GazetteerSources(cities_json=cities, countries_json=countries, **texts)


def geoname_line(
    geonameid: int,
    name: str,
    latitude: float,
    longitude: float,
    *,
    feature_class: str = "P",
    feature_code: str = "PPL",
    country_code: str = "SY",
    admin1: str = "10",
    population: int = 0,
    alternates: Sequence[str] = (),
) -> str:
    """One line of GeoNames' geoname table (19 tab-separated columns)."""
    fields = [
        str(geonameid),
        name,
        name,
        ",".join(alternates),
        f"{latitude:.5f}",
        f"{longitude:.5f}",
        feature_class,
        feature_code,
        country_code,
        "",
        admin1,
        "",
        "",
        "",
        str(population),
        "",
        "300",
        "Asia/Damascus",
        "2024-01-10",
    ]
    return "\t".join(fields) + "\n"


_SYLLABLES = ("kaf", "nab", "ud", "tal", "ras", "ain", "deir", "hal", "sukh", "mar", "jab", "zor")


def generated_lines(count: int, *, seed: int = 7, vocabulary: int | None = None) -> Iterable[str]:
    """``count`` geoname lines: mostly villages, some hills and hotels (not
    kept), every 500th line broken. With ``vocabulary``, names repeat from
    that many distinct ones (so that caches of folded names stop growing)."""
    rng = random.Random(seed)
    for number in range(count):
        if number % 500 == 499:
            yield f"{number + 1}\tbroken line\n"
            continue
        pick = rng.randrange(vocabulary) if vocabulary else number
        words = []
        for _ in range(3):
            pick, index = divmod(pick, len(_SYLLABLES))
            words.append(_SYLLABLES[index])
        name = "".join(words).capitalize() + f" {pick}" if pick else "".join(words).capitalize()
        kind = (
            ("P", "PPL") if number % 10 < 7 else ("T", "HLL") if number % 10 < 9 else ("S", "HTL")
        )
        yield geoname_line(
            10_000_000 + number,
            name,
            rng.uniform(32.0, 37.0),
            rng.uniform(35.5, 42.0),
            feature_class=kind[0],
            feature_code=kind[1],
            population=rng.choice((0, 0, 0, 120, 900)),
            alternates=[name.upper(), f"{name} Village"],
        )


def write_lines(path: Path, lines: Iterable[str]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(lines)
    return path


def write_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path
