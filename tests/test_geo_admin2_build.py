"""Building the district table from GeoNames subdivision and town data."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import GazetteerError
from frontwatch.geo.admin2_build import read_towns, records, short_unit_name
from frontwatch.geo.gazetteer_build import parse_admin2


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Andar District", "Andar"),
        ("Bakhmut Raion", "Bakhmut"),
        ("Doufelgou Prefecture", "Doufelgou"),
        ("Municipio de Cuauhtemoc", "Cuauhtemoc"),
        ("Kech", "Kech"),
        ("Ab District", "Ab District"),  # too short without its designator
    ],
)
def test_geo_admin2_build_short_unit_name(name: str, short: str) -> None:
    assert short_unit_name(name) == short


def test_geo_admin2_build_records_from_small_files(tmp_path: Path) -> None:
    subdivisions = tmp_path / "subdivisions.tsv"
    subdivisions.write_text(
        "Ghazni\tAF-GHA\tAF.08\t1141268\tProvince\tGhazni Province\t1\t\t3\n"
        "Andar\t\tAF.08.614\t7052953\t\tAndar District\t2\t1\t3\n"
        "Empty\t\tAF.08.999\t7000000\t\t\t2\t1\t3\n",
        encoding="utf-8",
    )
    cities = tmp_path / "cities.tsv"
    cities.write_text(
        "Miray\t1\t1|2\t3\t0\t33.32\t68.44\nSangar\t2\t1|2\t3\t900\t33.40\t68.50\n",
        encoding="utf-8",
    )
    found = records(subdivisions, read_towns(cities))
    # The unit without towns cannot be placed; the seat is the biggest town.
    assert [(r.country_code, r.admin1_code, r.name) for r in found] == [("AF", "08", "Andar")]
    assert (found[0].latitude, found[0].longitude, found[0].population) == (33.40, 68.50, 900)
    assert found[0].aliases == ("Andar District",)


def test_geo_admin2_build_bad_row_is_a_gazetteer_error() -> None:
    with pytest.raises(GazetteerError, match=r"admin2\.tsv"):
        parse_admin2("AF\t08\t\tAndar\t\tnorth\t68.4\t0\n")
