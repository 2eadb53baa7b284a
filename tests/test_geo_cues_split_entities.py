"""Place entities the tagger ran over several names are cut at brackets and
commas; other entities are left as they are."""

from __future__ import annotations

import pytest

from frontwatch.geo.cues import split_entities


def names(text: str, label: str = "GPE") -> list[str]:
    pieces = split_entities(text, [(0, len(text), label)])
    return [text[start:end] for start, end, _label in pieces]


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("Kayes (Kayes", ["Kayes", "Kayes"]),
        ("Sfax (Sfax)", ["Sfax", "Sfax"]),
        ("Monterrey, Nuevo Leon", ["Monterrey", "Nuevo Leon"]),
        ("Kidira (Bakel, Tambacounda", ["Kidira", "Bakel", "Tambacounda"]),
        ("Puerto Limon; Limon", ["Puerto Limon", "Limon"]),
        ("Santa Cruz de la Sierra", ["Santa Cruz de la Sierra"]),
        ("Bahr el Ghazal", ["Bahr el Ghazal"]),
    ],
)
def test_geo_cues_split_entities_cuts_at_brackets_and_commas(
    entity: str, expected: list[str]
) -> None:
    assert names(entity) == expected


def test_geo_cues_split_entities_keeps_other_labels_and_offsets() -> None:
    text = "Fighting in Kayes (Kayes) and talks with Acme (Holdings)."
    place = text.index("Kayes (Kayes")
    company = text.index("Acme (Holdings")
    entities = [(place, place + 12, "GPE"), (company, company + 14, "ORG")]
    pieces = split_entities(text, entities)
    assert pieces == [
        (place, place + 5, "GPE"),
        (place + 7, place + 12, "GPE"),
        (company, company + 14, "ORG"),
    ]


def test_geo_cues_split_entities_toponyms_of_a_run_over_entity() -> None:
    from frontwatch.geo.gazetteer import Gazetteer
    from frontwatch.geo.toponyms import find_toponyms

    text = "Teachers marched in Kayes (Kayes) on Monday."
    start = text.index("Kayes (Kayes")
    with Gazetteer.open() as gazetteer:
        mentions = find_toponyms(text, [(start, start + 12, "FAC")], gazetteer)
    assert [m.text for m in mentions] == ["Kayes", "Kayes"]
