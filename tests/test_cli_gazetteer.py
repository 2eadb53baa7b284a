"""``frontwatch gazetteer build | import | info`` end to end, on a home whose
packaged data is the small test set (a real build takes ~20 s)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.gazetteer_build import SCHEMA_VERSION, GazetteerSources
from samples_gazetteer import FIXTURES, small_sources


@pytest.fixture(autouse=True)
def _imports_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest switches a user's imports off for the other tests; these
    tests import into their own temporary home."""
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_IMPORTS", raising=False)


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    sources = small_sources(tmp_path)
    monkeypatch.setattr(GazetteerSources, "packaged", classmethod(lambda cls: sources))
    return tmp_path / "home"


def _run(home: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["gazetteer", *args], env={"FRONTWATCH_HOME": str(home)}, catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


def test_cli_gazetteer_build_and_info(home: Path) -> None:
    code, out, _err = _run(home, "info")
    assert code == 0
    assert "not built yet" in out and "imports: none" in out
    code, out, _err = _run(home, "build")
    assert code == 0
    assert re.search(r"^built .*gazetteer\.sqlite in \d+\.\d s: 8 places, ", out), out
    code, out, _err = _run(home, "info")
    assert f"index: {home / 'gazetteer.sqlite'}" in out
    assert f"schema {SCHEMA_VERSION}" in out and "8 places" in out


def test_cli_gazetteer_import_reports_and_info_lists_imports(home: Path) -> None:
    files = [FIXTURES / name for name in ("SY.txt", "admin1CodesASCII.txt", "places.csv")]
    code, out, err = _run(home, "import", "--quiet", *map(str, files))
    assert code == 0, err
    assert (
        "SY.txt (geonames): read 11 lines, kept 7 (added 7, updated 0, unchanged 0), "
        "skipped 2 (feature class S not kept 1, historical place 1), bad 2;" in out
    )
    assert "admin1CodesASCII.txt (admin1): read 3 lines, kept 3" in out
    assert "places.csv (places): read 6 lines, kept 3" in out
    assert "bad line 6: 7 tab-separated columns, not 19" in err
    assert "bad line 5: latitude 91.0 is out of range" in err
    code, out, _err = _run(home, "info")
    assert "imports: " in out and "10 places (other 5, populated place 3" in out
    assert re.search(r"SY\.txt \(geonames\): read 11, kept 7, added 7", out)
    # Rebuilding the packaged index keeps the imports.
    code, out, _err = _run(home, "build")
    assert code == 0 and "imports kept" in out
    with Gazetteer.open(home / "gazetteer.sqlite") as gazetteer:
        assert gazetteer.lookup("Hill 412")


def test_cli_gazetteer_import_format_option(home: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "hama-places.txt"
    shutil.copy(FIXTURES / "places.csv", renamed)
    code, out, _err = _run(home, "import", "--quiet", "--format", "places", str(renamed))
    assert code == 0
    assert "hama-places.txt (places): read 6 lines, kept 3" in out


def test_cli_gazetteer_imports_switched_off(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_GAZETTEER_IMPORTS", "none")
    code, out, _err = _run(home, "info")
    assert code == 0 and "imports: switched off" in out
    code, _out, err = _run(home, "import", "--quiet", str(FIXTURES / "SY.txt"))
    assert code == 78 and "switched off" in err


def test_cli_gazetteer_import_failures_exit_codes(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "SY.zip"
    code, _out, err = _run(home, "import", "--quiet", str(missing))
    assert code == 65
    assert "error:" in err and "SY.zip" in err and "Traceback" not in err
    code, out, err = _run(home, "import", "--quiet", str(missing), str(FIXTURES / "SY.txt"))
    assert code == 3
    assert "SY.txt (geonames)" in out
