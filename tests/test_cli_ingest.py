"""The ingest command end to end: bad input gets a clear message, the batch
goes on, and nothing already stored is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.store.repository import open_store

GOOD = """Fighters of a rebel alliance seized the town of Saraqib in Idlib province on
Tuesday after heavy clashes with government forces, a war monitor said.

The monitor said at least nine soldiers were killed in the fighting.
"""

OTHER = """Police fired tear gas at hundreds of protesters in Baghdad on Friday as crowds
demanding jobs and services gathered in Tahrir Square, witnesses said.
"""


CP1252 = """Gunmen attacked the Café Riad in Kidal on Sunday, killing two people and
wounding five others, the town’s mayor said. The attackers fled on motorbikes
towards the desert, according to witnesses quoted by local radio.
"""


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, sparse: cheap to make
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\0")
    # Legacy encoding: decoded when the detection is confident, else refused.
    (folder / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "broken.html").write_text("<html><body><div><p>unclosed <b>")
    (folder / "french.txt").write_text(
        "Les forces gouvernementales ont repris le contrôle de la ville mardi, "
        "selon un observatoire, après des combats qui ont duré toute la nuit dans la région."
    )
    (folder / "good.txt").write_text(OTHER)
    return folder


def test_cli_ingest_bad_inputs_reported_and_batch_goes_on(tmp_path: Path, batch: Path) -> None:
    db = tmp_path / "store.db"
    first = tmp_path / "first.txt"
    first.write_text(GOOD)
    code, _, _ = _run(db, "ingest", "--published", "2020-02-25", "--quiet", str(first))
    assert code == 0
    before = open_store(db).stats()
    assert before.articles == 1 and before.events >= 1

    code, stdout, stderr = _run(db, "ingest", "--published", "2019-10-04", "--quiet", str(batch))
    assert code == 3  # finished, but some inputs failed
    for name, words in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("huge.txt", "FRONTWATCH_MAX_BYTES"),
        ("broken.html", "html"),
        ("french.txt", "english"),
    ]:
        lines = [line for line in stderr.splitlines() if name in line]
        assert lines, f"no message for {name}"
        assert words.lower() in lines[0].lower(), lines[0]
    assert not [line for line in stderr.splitlines() if "cp1252.txt" in line]
    stored = {a.origin.rsplit("/", 1)[-1]: a for a in open_store(db).iter_articles()}
    assert "cp1252.txt" in stored, sorted(stored)
    assert "Café Riad" in stored["cp1252.txt"].text
    after = open_store(db).stats()
    assert after.articles > before.articles  # good.txt (and kept raw failures) stored
    assert after.events > before.events  # the good article produced events
    assert "stored" in stdout


def test_cli_ingest_same_article_twice_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    assert _run(db, "ingest", "--quiet", "--published", "2020-02-25", str(path))[0] == 0
    code, stdout, _ = _run(db, "ingest", "--quiet", "--published", "2020-02-25", str(path))
    assert code == 0 and "1 already stored" in stdout
    assert open_store(db).stats().articles == 1


def test_cli_ingest_missing_path_is_reported(tmp_path: Path) -> None:
    code, _, stderr = _run(tmp_path / "s.db", "ingest", "--quiet", str(tmp_path / "nope.txt"))
    assert code == 3 and "no such file" in stderr


def test_cli_events_export_and_show(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    _run(db, "ingest", "--quiet", "--published", "2020-02-25", str(path))
    code, stdout, _ = _run(db, "events", "--format", "json")
    assert code == 0
    events = json.loads(stdout)
    assert events and all(e["country"] == "Syria" for e in events)
    code, stdout, _ = _run(db, "events", "--country", "Syria", "--type", "Battles")
    assert code == 0 and "Battles" in stdout
    code, stdout, _ = _run(db, "events", "--country", "Yemen")
    assert code == 0 and "0 events" in stdout
    code, stdout, _ = _run(db, "export", "--format", "acled-csv")
    assert code == 0 and stdout.splitlines()[0].startswith("event_id_cnty,event_date,year")
    code, stdout, _ = _run(db, "export", "--format", "geojson")
    assert json.loads(stdout)["type"] == "FeatureCollection"
    code, stdout, _ = _run(db, "show", events[0]["event_id_cnty"])
    assert code == 0 and "Saraqib" in stdout
    code, _, stderr = _run(db, "show", "FWNOSUCHEVENT")
    assert code == 66 and "no event" in stderr


def test_cli_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _run(tmp_path / "s.db", "ingest", "--published", "26/08/2017", "x.txt")
    assert code == 2 and "YYYY-MM-DD" in stderr
