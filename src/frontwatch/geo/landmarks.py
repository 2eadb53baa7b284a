"""Seats of government that news names for the place where they stand
("protesters gathered outside the White House") and for the government
itself ("the Kremlin said"): ``data/geo/landmarks.tsv``, each with the town
it is in. GeoNames has no entry for them, and its namesakes mislead (a
White House in Tennessee; "White House" is an alternate name of
Casablanca)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.names import light_fold

LANDMARKS_FILE = "landmarks.tsv"


@dataclass(frozen=True, slots=True)
class Landmark:
    name: str
    town: str  # the gazetteer's name of the town it is in
    admin1: str | None
    country_code: str


def parse_landmarks(text: str) -> dict[str, Landmark]:
    """Folded name or other name -> landmark."""
    found: dict[str, Landmark] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or not fields[0] or not fields[2] or len(fields[4]) != 2:
            raise ConfigError(f"{LANDMARKS_FILE}:{number}: expected name, other names, town,"
                              " admin1, country code")  # fmt: skip
        name, others, town, admin1, code = fields
        landmark = Landmark(name, town, admin1 or None, code)
        for written in (name, *(n for n in others.split("|") if n)):
            key = light_fold(written)
            if key in found:
                raise ConfigError(f"{LANDMARKS_FILE}:{number}: {written!r} listed twice")
            found[key] = landmark
    return found


@lru_cache(maxsize=1)
def _landmarks() -> dict[str, Landmark]:
    return parse_landmarks(read_data_text(LANDMARKS_FILE))


def landmark(name: str) -> Landmark | None:
    """The landmark a toponym names ("White House", "the Kremlin"), if any."""
    written = name.strip()
    if written[:4].lower() == "the ":
        written = written[4:]
    return _landmarks().get(light_fold(written))
