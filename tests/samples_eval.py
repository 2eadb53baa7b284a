"""Small ACLED-style gold files and JSON Lines exports for the eval tests.

The notes are invented for these tests; place names and coordinates are real
facts (Homs, Hama), the events are not.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# The columns of an ACLED export, in ACLED's order.
GOLD_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
)

HOMS = (34.7324, 36.7137)
HAMA = (35.1318, 36.7578)  # about 45 km north of Homs

NOTE_A = "On 14 March 2021, army units clashed with rebel fighters in Homs city; two died."
NOTE_B = "On 15 March 2021, residents marched in Hama to demand the release of detainees."
NOTE_C = "On 16 March 2021, an unexploded shell went off in a field outside Homs."

# 2021-03-16 12:00 UTC, as Unix seconds.
TIMESTAMP = 1615896000


def gold_row(**cells: Any) -> dict[str, str]:
    """A gold row for NOTE_A (a clash in Homs) with ``cells`` replacing defaults."""
    row: dict[str, Any] = {
        "event_id_cnty": "SYR100",
        "event_date": "2021-03-14",
        "year": "2021",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Syria (2000-)",
        "assoc_actor_1": "",
        "inter1": "1",
        "actor2": "Rebel Front of Homs",
        "assoc_actor_2": "",
        "inter2": "2",
        "interaction": "12",
        "civilian_targeting": "",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Homs",
        "admin2": "Homs",
        "admin3": "",
        "location": "Homs",
        "latitude": str(HOMS[0]),
        "longitude": str(HOMS[1]),
        "geo_precision": "1",
        "source": "Example Monitor",
        "source_scale": "National",
        "notes": NOTE_A,
        "fatalities": "2",
        "timestamp": str(TIMESTAMP),
    }
    row.update({key: "" if value is None else str(value) for key, value in cells.items()})
    return row


def write_gold(
    path: Path, rows: Sequence[Mapping[str, str]], columns: Sequence[str] = GOLD_COLUMNS
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def export_record(url: str, start: int = 0, **fields: Any) -> dict[str, Any]:
    """An export record matching gold_row()'s defaults, linked to ``url``."""
    record: dict[str, Any] = {
        "event_id_cnty": "ev-1",
        "event_date": "2021-03-14",
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Syria (2000-)",
        "assoc_actor_1": None,
        "inter1": 1,
        "actor2": "Rebel Front of Homs",
        "assoc_actor_2": None,
        "inter2": 2,
        "country": "Syria",
        "admin1": "Homs",
        "admin2": "Homs",
        "location": "Homs",
        "latitude": HOMS[0],
        "longitude": HOMS[1],
        "geo_precision": 1,
        "fatalities": 2,
        "flags": {"negated": False, "hypothetical": False, "planned": False, "historical": False},
        "sources": [
            {
                "article_id": "0123456789abcdef",
                "url": url,
                "outlet": "Example Monitor",
                "original_source": None,
                "claim_source": None,
                "sentence": "A sentence.",
                "start": start,
                "end": start + 11,
                "published": "2021-03-16",
            }
        ],
    }
    record.update(fields)
    return record


def export_lines(*records: Mapping[str, Any]) -> list[str]:
    return [json.dumps(record, ensure_ascii=False) for record in records]
