"""Known places the tagger misses: one named before its office ("Van
Governor's Office") or the road, junction or
building it names ("the Sidon roundabout") and one struck, shelled or
raided ("drones hit Odesa"); an unknown word in those spots is not read
this way. A sea naming the kind of a place ("Odesa Black Sea port city")
is not where anything happened."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.toponyms import find_toponyms


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Demonstrators blocked the Sidon roundabout for hours.", ["Sidon"]),
        ("A crowd closed the Homs highway with metal barriers.", ["Homs"]),
        ("Gunmen stopped a bus at the Kandahar airport checkpoint.", ["Kandahar"]),
        ("Residents closed the Qwzxville road with stones.", []),
        ("Demonstrators blocked the Sidon roundabout and the Qwzx bridge.", ["Sidon"]),
        ("The minister spoke on Monday to reporters at the market.", []),
    ],
)
def test_geo_toponyms_facility_names_its_town(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert [m.text for m in find_toponyms(text, [], gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian missiles struck Kharkiv overnight.", ["Kharkiv"]),
        ("Drones hit Odesa on Monday.", ["Odesa"]),
        ("Artillery shelled Qwzxville at dawn.", []),
        ("Police raided the market at dawn.", []),
    ],
)
def test_geo_toponyms_place_struck(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.text for m in find_toponyms(text, [], gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("Drones struck east of Odesa Black Sea port city.", "Odesa Black Sea", ["Odesa"]),
        ("Drones struck the Black Sea port city of Odesa.", "Black Sea", ["Odesa"]),
        ("A ship was attacked in the Red Sea on Monday.", "Red Sea", ["Red Sea"]),
    ],
)
def test_geo_toponyms_sea_naming_a_port(
    gazetteer: Gazetteer, text: str, entity: str, expected: list[str]
) -> None:
    start = text.index(entity)
    entities = [(start, start + len(entity), "LOC")]
    assert [m.text for m in find_toponyms(text, entities, gazetteer)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Van Governor's Office banned all rallies until further notice.", ["Van"]),
        ("The Diyarbakir Governorship banned all demonstrations.", ["Diyarbakir"]),
        ("Izmir Metropolitan Municipality closed the parks.", ["Izmir"]),
        ("Qwzx Governor's Office banned all rallies.", []),
    ],
)
def test_geo_toponyms_office_of_a_place(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert [m.text for m in find_toponyms(text, [], gazetteer)] == expected


def test_geo_toponyms_joined_by_of(gazetteer: Gazetteer) -> None:
    """The tagger split "Port of Spain" into two places; the gazetteer knows
    the whole."""
    text = "A man was shot in Port of Spain on Monday."
    port, spain = text.index("Port"), text.index("Spain")
    entities = [(port, port + 4, "GPE"), (spain, spain + 5, "GPE")]
    assert [m.text for m in find_toponyms(text, entities, gazetteer)] == ["Port of Spain"]
