"""The `events` command's flat CSV and the terminal table."""

from __future__ import annotations

import csv
import io

from frontwatch.export import format_table, write_csv
from frontwatch.export.formats import FLAT_COLUMNS, format_event
from samples_events import bare_event, battle_article, battle_event, make_article, protest_event


def test_export_table_flat_csv() -> None:
    article = battle_article()
    out = io.StringIO()
    assert write_csv([battle_event(article), bare_event(article)], out).written == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(FLAT_COLUMNS)
    battle = rows[0]
    assert battle["event_id"] == "SYR-0001" and battle["country_code"] == "SY"
    assert battle["negated"] == "false" and rows[1]["planned"] == "true"
    assert battle["article_ids"] == article.article_id
    assert battle["fatalities_high"] == "15"


def test_export_table_format() -> None:
    article = battle_article()
    events = [
        battle_event(article),
        protest_event(make_article("Police fired.")),
        bare_event(article),
    ]
    lines = format_table(events).splitlines()
    assert len(lines) == 2 + len(events)  # header, rule, one line per event
    header, rule = lines[0], lines[1]
    assert header.split()[:3] == ["id", "date", "type"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert "2017-08-26 (1)" in lines[2]
    assert "Military Forces of Syria (2000-2024) -> Islamic State (Syria)" in lines[2]
    assert "As Sukhnah" in lines[2] and "Homs" in lines[2] and lines[2].endswith("12")
    assert "2019-10-01 (2)" in lines[3]
    assert lines[4].startswith("SYR-0002") and " ? " in lines[4]
    # Columns line up: every type column starts at the same offset.
    offset = header.index("type")
    assert lines[2][offset:].startswith("Battles/")
    assert lines[3][offset:].startswith("Protests/")


def test_export_table_empty_and_truncation() -> None:
    assert format_table([]) == "(no events)"
    article = battle_article()
    long_id = battle_event(article, "X" * 80)
    line = format_table([long_id]).splitlines()[2]
    assert line.startswith("X" * 23 + "…")


def test_export_table_format_event_shows_every_part() -> None:
    article = battle_article()
    event = battle_event(article)
    text = format_event(event)
    for expected in (
        "SYR-0001",
        "Government regains territory",
        "Political violence",
        "on Saturday",
        "backed by Russia, Iran",
        "Hezbollah",
        "As Sukhnah, Tadmor, Homs, Syria (34.8867, 38.8721",
        "Palmyra",
        "12 (reported 12-15)",
        "regained, 3.5 km2",
        "claimed by   a monitor",
        "reported as having happened",
    ):
        assert expected in text
    sentences = [p.sentence for p in event.provenance]
    assert all(f'"{sentence}"' in text for sentence in sentences)
    assert f"chars {event.provenance[1].start}-{event.provenance[1].end}" in text
    bare = format_event(bare_event(article))
    assert "date         unknown" in bare and "statement    planned" in bare
