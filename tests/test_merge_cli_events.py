"""`frontwatch events` lists merged events by default, reports with
--reports; a wire copy and two outlets' reports of one event are one row."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from frontwatch.cli import cli

REPORTS = Path(__file__).resolve().parent / "fixtures" / "merge" / "reports"
FILES = (
    "g06_khyber_gate_review_abbey_gate.txt",
    "g06_black_sea_chronicle_abbey_gate_copy.txt",
    "g06_caspian_dawnsheet_abbey_gate.txt",
    "s06_harbour_light_times_kabul_drone_strike.txt",
)


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_merge_cli_events_merged_and_reports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copy(REPORTS / name, folder / name)
    rows = [
        line
        for line in (REPORTS / "metadata.csv").read_text().splitlines()
        if line.startswith(("file,", *FILES))
    ]
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n")
    db = tmp_path / "store.db"
    _run(db, "ingest", "--quiet", str(folder))
    merged = json.loads(_run(db, "events", "--format", "json"))
    reports = json.loads(_run(db, "events", "--reports", "--format", "json"))
    assert len(merged) < len(reports)
    assert all(e["event_id_cnty"].startswith("FM") for e in merged)
    assert all(e["event_id_cnty"].startswith("FW") for e in reports)
    # The airport bombing: every outlet is a source of one event, figures kept apart.
    bombing = [e for e in merged if e["sub_event_type"] == "Suicide bomb"]
    assert len(bombing) == 1
    outlets = {s["outlet"] for s in bombing[0]["sources"]}
    assert {"Khyber Gate Review", "Black Sea Chronicle", "Caspian Dawnsheet"} <= outlets
    # The drone strike three days later in the same city stays apart.
    assert any(e["sub_event_type"] == "Air/drone strike" for e in merged)
    table = _run(db, "events", "--country", "Afghanistan")
    assert "FM" in table and "events" in table.splitlines()[-1]
