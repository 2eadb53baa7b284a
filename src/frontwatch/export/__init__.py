"""frontwatch.export: ACLED CSV, GeoJSON, JSON Lines and terminal tables."""

from frontwatch.export.formats import (
    ACLED_COLUMNS,
    ExportResult,
    format_event,
    format_table,
    write_acled_csv,
    write_csv,
    write_geojson,
    write_json,
    write_jsonl,
)

__all__ = [
    "ACLED_COLUMNS",
    "ExportResult",
    "format_event",
    "format_table",
    "write_acled_csv",
    "write_csv",
    "write_geojson",
    "write_json",
    "write_jsonl",
]
