"""The seed article (issue: events, not reports): who holds what on
2017-09-01, through the CLI. Reads ../shared; skips where it is absent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import shared_path
from frontwatch.cli import cli

PROPERTIES = {
    "place",
    "admin1",
    "country",
    "controller",
    "status",
    "since",
    "since_precision",
    "sources",
}


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def features(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    seed = shared_path("seed", "000_a38c816c79cc4183.txt")
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    _run(db, "ingest", "--quiet", "--published", "2017-08-26", str(seed))
    collection = json.loads(_run(db, "control", "--at", "2017-09-01", "--format", "geojson"))
    assert collection["type"] == "FeatureCollection"
    return db, collection["features"]


def test_control_seed_as_sukhnah_held_since_august(
    features: tuple[Path, list[dict[str, Any]]],
) -> None:
    _, found = features
    (sukhnah,) = [f for f in found if f["properties"]["place"] == "As Sukhnah"]
    props = sukhnah["properties"]
    assert set(props) >= PROPERTIES
    assert props["controller"].startswith("Military Forces of Syria")
    assert (props["status"], props["since"], props["since_precision"]) == (
        "held",
        "2017-08",
        "month",
    )
    assert (props["admin1"], props["country"]) == ("Homs", "Syria")
    (source,) = props["sources"]
    assert (source["outlet"], source["original_source"]) == ("Middle East Eye", "Reuters")
    lon, lat = sukhnah["geometry"]["coordinates"]
    assert abs(lat - 34.88) < 0.1 and abs(lon - 38.87) < 0.1


def test_control_seed_other_enclave_besieged(features: tuple[Path, list[dict[str, Any]]]) -> None:
    _, found = features
    besieged = [f["properties"] for f in found if f["properties"]["status"] == "besieged"]
    assert len(besieged) == 1
    (enclave,) = besieged
    assert enclave["place"] != "As Sukhnah" and "enclave" in enclave["place"]
    assert enclave["admin1"] in ("Homs", "Hama") and enclave["country"] == "Syria"
    assert enclave["controller"].startswith("Islamic State")
    assert enclave["counterpart"].startswith("Military Forces of Syria")
    assert all(set(f["properties"]) >= PROPERTIES for f in found)
    assert {f["properties"]["status"] for f in found} <= {
        "held",
        "contested",
        "encircled",
        "besieged",
    }


def test_control_seed_nothing_before_the_events(
    features: tuple[Path, list[dict[str, Any]]],
) -> None:
    db, _ = features
    before = json.loads(_run(db, "control", "--at", "2017-07-01", "--format", "json"))
    assert before == []


def test_control_seed_place_history(features: tuple[Path, list[dict[str, Any]]]) -> None:
    db, _ = features
    history = _run(db, "control", "--place", "As Sukhnah")
    assert history.startswith("As Sukhnah (Homs, Syria)")
    assert "since 2017-08 (month): held, Military Forces of Syria" in history
    assert "secured al-Sukhna this month" in history
    table = _run(db, "control", "--at", "2017-09-01", "--country", "SY")
    assert "As Sukhnah" in table and "besieged" in table
    missing = CliRunner().invoke(cli, ["--db", str(db), "control"])
    assert missing.exit_code == 2
