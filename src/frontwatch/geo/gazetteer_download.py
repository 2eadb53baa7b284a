"""Download a country's GeoNames dump (``CC.zip``) for import.

Only the standard library: ``urllib`` streams the file into
``$FRONTWATCH_HOME/downloads`` (a partial file is never left under the final
name), then the zip is checked before it is handed to the importer. The base
URL is GeoNames' dump folder unless given (``--base-url`` or
``FRONTWATCH_GEONAMES_URL``); nothing else touches the network.
"""

from __future__ import annotations

import http.client
import os
import re
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path

from frontwatch import __version__
from frontwatch.errors import DownloadError

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
BASE_URL_ENV = "FRONTWATCH_GEONAMES_URL"
DOWNLOADS_FOLDER = "downloads"
_CHUNK = 1 << 16
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def base_url(option: str | None = None) -> str:
    """The option, else ``$FRONTWATCH_GEONAMES_URL``, else GeoNames' dump folder."""
    return option or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


def country_dump_url(country_code: str, base: str) -> str:
    if not _COUNTRY.match(country_code):
        raise DownloadError(f"{country_code!r} is not a two-letter country code (e.g. SY)")
    return f"{base.rstrip('/')}/{country_code.upper()}.zip"


def _check_zip(path: Path, member: str, url: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {Path(name).name for name in archive.namelist()}
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError) as error:
        raise DownloadError(f"{url} did not give a zip file ({error})") from error
    if broken is not None:
        raise DownloadError(f"{url}: {broken} is corrupt in the zip (CRC mismatch)")
    if member not in names:
        raise DownloadError(f"{url}: the zip has no {member} (it holds {', '.join(sorted(names))})")


def download_country(
    country_code: str,
    folder: Path,
    *,
    base: str | None = None,
    timeout: float = 60.0,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Fetch ``CC.zip`` into ``folder`` and return its path. Raises
    :class:`DownloadError` when offline, on an HTTP error or a bad zip."""
    code = country_code.upper()
    url = country_dump_url(code, base_url(base))
    target = folder / f"{code}.zip"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{code}.", suffix=".part", dir=folder)
    except OSError as error:
        raise DownloadError(f"cannot write in {folder}: {error}") from error
    temp = Path(temp_name)
    request = urllib.request.Request(url, headers={"User-Agent": f"frontwatch/{__version__}"})
    try:
        with os.fdopen(handle, "wb") as out, urllib.request.urlopen(request, timeout=timeout) as r:
            total = int(r.headers.get("Content-Length") or 0)
            done = 0
            while chunk := r.read(_CHUNK):
                out.write(chunk)
                done += len(chunk)
                if on_progress is not None:
                    on_progress(done, total)
        _check_zip(temp, f"{code}.txt", url)
        os.replace(temp, target)
    except urllib.error.HTTPError as error:
        error.close()  # it holds the connection
        hint = " (GeoNames has no dump by that name)" if error.code == 404 else ""
        raise DownloadError(f"{url}: HTTP {error.code} {error.reason}{hint}") from None
    except urllib.error.URLError as error:
        raise DownloadError(f"cannot reach {url}: {error.reason} (offline?)") from None
    except (TimeoutError, ConnectionError, http.client.HTTPException) as error:
        raise DownloadError(f"download of {url} failed: {error}") from None
    except OSError as error:
        raise DownloadError(f"cannot save {url} to {target}: {error}") from None
    finally:
        temp.unlink(missing_ok=True)
    return target
