"""An import streams its file: the Python memory it needs does not grow with
the number of lines (a full allCountries import is 12 M lines). Measured with
tracemalloc on generated files of two sizes; no timing."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from frontwatch.geo.gazetteer_import import import_file
from frontwatch.geo.gazetteer_overlay import Overlay
from samples_gazetteer import generated_lines, write_lines

BATCH = 500


def _peak_bytes(folder: Path, lines: int) -> tuple[int, int]:
    """Peak traced memory of importing ``lines`` generated lines, and the
    places kept. Names repeat from a small vocabulary, so that the caches of
    folded names are full after the warm-up and only the import can grow."""
    folder.mkdir()
    path = write_lines(folder / "allCountries.txt", generated_lines(lines, vocabulary=300))
    with Overlay(folder / "imports.sqlite") as overlay:
        tracemalloc.start()
        try:
            report = import_file(path, overlay, batch_size=BATCH)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return peak, report.kept


def test_geo_gazetteer_import_memory_stays_flat(tmp_path: Path) -> None:
    _peak_bytes(tmp_path / "warm-up", 2_000)
    small, small_kept = _peak_bytes(tmp_path / "small", 4_000)
    large, large_kept = _peak_bytes(tmp_path / "large", 32_000)
    assert large_kept > 7 * small_kept
    # Eight times the lines (3.6 MB of text): the same peak, give or take
    # what one batch of records may differ by.
    assert large < small * 1.2 + 100_000, (small, large)
