"""Downloading a country's GeoNames dump, from a local HTTP server serving
zips built here (the tests never leave 127.0.0.1), and the CLI around it."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import DownloadError
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.gazetteer_build import GazetteerSources
from frontwatch.geo.gazetteer_download import (
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    base_url,
    country_dump_url,
    download_country,
)
from samples_gazetteer import FIXTURES, small_sources, write_zip


@pytest.fixture(autouse=True)
def _imports_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest switches a user's imports off for the other tests; these
    tests import into their own temporary home."""
    monkeypatch.delenv("FRONTWATCH_GAZETTEER_IMPORTS", raising=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A dump folder: SY.zip (a real-shaped country dump), ZZ.zip (not a
    zip), XK.zip (a zip without XK.txt). Anything else is a 404."""
    folder = tmp_path_factory.mktemp("dump")
    text = (FIXTURES / "SY.txt").read_text(encoding="utf-8")
    write_zip(folder / "SY.zip", {"SY.txt": text, "readme.txt": "our own rows"})
    (folder / "ZZ.zip").write_bytes(b"<html>maintenance</html>" * 10)
    write_zip(folder / "XK.zip", {"readme.txt": "nothing"})
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture()
def closed_port_url() -> str:
    """A URL where nothing listens: what being offline looks like."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_geo_gazetteer_download_fetches_country_zip(server: str, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    path = download_country(
        "sy", tmp_path, base=server, on_progress=lambda d, t: progress.append((d, t))
    )
    assert path == tmp_path / "SY.zip"
    assert path.stat().st_size == progress[-1][0] == progress[-1][1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SY.zip"]  # no partial file left


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("LB", "HTTP 404"),
        ("ZZ", "did not give a zip file"),
        ("XK", "the zip has no XK.txt"),
        ("SYR", "not a two-letter country code"),
    ],
)
def test_geo_gazetteer_download_errors(
    server: str, tmp_path: Path, code: str, message: str
) -> None:
    with pytest.raises(DownloadError, match=message):
        download_country(code, tmp_path / "downloads", base=server)
    folder = tmp_path / "downloads"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_geo_gazetteer_download_offline(closed_port_url: str, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="cannot reach"):
        download_country("SY", tmp_path, base=closed_port_url, timeout=5)


def test_geo_gazetteer_download_base_url_option_env_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    assert base_url() == DEFAULT_BASE_URL
    assert country_dump_url("sy", base_url()) == (
        "https://download.geonames.org/export/dump/SY.zip"
    )
    monkeypatch.setenv(BASE_URL_ENV, "http://mirror.example/dump")
    assert base_url() == "http://mirror.example/dump"
    assert base_url("http://other.example/") == "http://other.example/"
    assert country_dump_url("SY", base_url()) == "http://mirror.example/dump/SY.zip"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frontwatch home whose packaged index is the small test one."""
    sources = small_sources(tmp_path)
    monkeypatch.setattr(GazetteerSources, "packaged", classmethod(lambda cls: sources))
    monkeypatch.delenv(BASE_URL_ENV, raising=False)
    return tmp_path / "home"


def _run(home: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli,
        ["gazetteer", *args],
        env={"FRONTWATCH_HOME": str(home), **(env or {})},
        catch_exceptions=False,
    )
    return result.exit_code, result.stdout, result.stderr


def test_geo_gazetteer_download_cli_downloads_and_imports(server: str, home: Path) -> None:
    code, out, err = _run(home, "download", "SY", "--base-url", server, "--quiet")
    assert code == 0, err
    assert "SY.zip (geonames): read 11 lines, kept 7 (added 7" in out
    assert (home / "downloads" / "SY.zip").exists()
    with Gazetteer.open(home / "gazetteer.sqlite") as gazetteer:
        assert [e.name for e in gazetteer.lookup("Kafr Naboudeh")] == ["Kafr Nabudah"]


def test_geo_gazetteer_download_cli_base_url_from_env(server: str, home: Path) -> None:
    code, out, _err = _run(home, "download", "SY", "--quiet", env={BASE_URL_ENV: server})
    assert code == 0
    assert "SY.zip (geonames)" in out


def test_geo_gazetteer_download_cli_errors_are_messages(
    server: str, home: Path, closed_port_url: str
) -> None:
    code, _out, err = _run(home, "download", "LB", "--base-url", server, "--quiet")
    assert code == DownloadError.exit_code
    assert "error:" in err and "HTTP 404" in err and "Traceback" not in err
    code, _out, err = _run(home, "download", "SY", "--base-url", closed_port_url, "--quiet")
    assert code == DownloadError.exit_code
    assert "cannot reach" in err
    # One country fails, another is imported: a partial failure.
    code, out, err = _run(home, "download", "SY", "ZZ", "--base-url", server, "--quiet")
    assert code == 3
    assert "SY.zip (geonames)" in out and "did not give a zip file" in err
