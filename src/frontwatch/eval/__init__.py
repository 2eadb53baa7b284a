"""frontwatch.eval: scoring extracted events against ACLED's coded notes.

``gold`` reads an ACLED export into notes (and the Articles fed to the
pipeline), ``extracted`` reads the events back (JSON Lines export or Event
objects), ``match`` decides when a field is right, ``acled`` scores a run,
``report`` writes it out and ``floors`` is the CI gate.
"""

from frontwatch.eval.acled import (
    ConfusionCell,
    ConfusionMatrix,
    CountryScore,
    EvalResult,
    FieldComparison,
    FieldScore,
    NoteOutcome,
    primary_event,
    score,
)
from frontwatch.eval.extracted import (
    ExtractedEvent,
    SourceRef,
    extracted_from_events,
    parse_export,
    parse_record,
)
from frontwatch.eval.floors import (
    EvalFloors,
    check_floors,
    dump_floors,
    load_floors,
    raised_floors,
)
from frontwatch.eval.gold import (
    GoldFile,
    GoldNote,
    GoldRow,
    load_gold,
    load_gold_file,
    note_articles,
    slice_notes,
)
from frontwatch.eval.match import (
    SCORED_FIELDS,
    normalise_actor,
    normalise_admin1,
    normalise_name,
)
from frontwatch.eval.report import format_table, render_html, render_json, write_html, write_json

__all__ = [
    "SCORED_FIELDS",
    "ConfusionCell",
    "ConfusionMatrix",
    "CountryScore",
    "EvalFloors",
    "EvalResult",
    "ExtractedEvent",
    "FieldComparison",
    "FieldScore",
    "GoldFile",
    "GoldNote",
    "GoldRow",
    "NoteOutcome",
    "SourceRef",
    "check_floors",
    "dump_floors",
    "extracted_from_events",
    "format_table",
    "load_floors",
    "load_gold",
    "load_gold_file",
    "normalise_actor",
    "normalise_admin1",
    "normalise_name",
    "note_articles",
    "parse_export",
    "parse_record",
    "primary_event",
    "raised_floors",
    "render_html",
    "render_json",
    "score",
    "slice_notes",
    "write_html",
    "write_json",
]
