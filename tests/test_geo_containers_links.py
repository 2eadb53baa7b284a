"""Which toponym is written inside which unit: brackets, commas, "of"/"in"."""

from __future__ import annotations

import pytest

from frontwatch.geo.containers import ContainerLink, chain_order, container_links
from frontwatch.geo.toponyms import ToponymMention
from frontwatch.pipeline import Pipeline
from samples_events import first_event_place


def mentions_of(text: str, *names: str) -> list[ToponymMention]:
    found = []
    position = 0
    for name in names:
        start = text.index(name, position)
        found.append(ToponymMention(name, start, start + len(name)))
        position = start + len(name)
    return found


def links_of(text: str, names: tuple[str, ...], regions: tuple[str, ...] = ()) -> dict[int, int]:
    mentions = mentions_of(text, *names)
    links = container_links(text, mentions, lambda index: mentions[index].text in regions)
    return {inner: link.outer for inner, link in links.items()}


@pytest.mark.parametrize(
    ("text", "names", "regions", "expected"),
    [
        # Brackets need no region check.
        (
            "Gunmen raided Qaryat (Salh, Taizz) at night.",
            ("Qaryat", "Salh", "Taizz"),
            (),
            {0: 1, 1: 2},
        ),
        ("A market in Marib city (Marib governorate) burned.", ("Marib", "Marib"), (), {0: 1}),
        # A comma or "in"/"of" only before a name that can be a region.
        (
            "Shells fell near Orikhove, Luhansk, on Monday.",
            ("Orikhove", "Luhansk"),
            ("Luhansk",),
            {0: 1},
        ),
        ("Shells fell near Orikhove, Luhansk, on Monday.", ("Orikhove", "Luhansk"), (), {}),
        (
            "A village of Andar district in Ghazni province was hit.",
            ("Andar", "Ghazni"),
            ("Ghazni",),
            {0: 1},
        ),
        (
            "Youths blocked a road in Vostok village of Alamudun district in Chui region.",
            ("Vostok", "Alamudun", "Chui"),
            ("Alamudun", "Chui"),
            {0: 1, 1: 2},
        ),
        # Items of a list are not units of each other.
        ("Clashes spread to Homs, Hama and Aleppo.", ("Homs", "Hama", "Aleppo"), ("Hama",), {}),
        (
            "Fighting went on at Sirwah (Marib), Nihm (Sanaa), and Al Jawf.",
            ("Sirwah", "Marib", "Nihm", "Sanaa", "Al Jawf"),
            ("Marib", "Sanaa", "Al Jawf"),
            {0: 1, 2: 3},
        ),
        # "X (Y), Z": the bracketed unit lies in the region after the bracket.
        (
            "A commander was shot in Baghlani Jadid (Baghlan Markazi), Baghlan.",
            ("Baghlani Jadid", "Baghlan Markazi", "Baghlan"),
            ("Baghlan",),
            {0: 1, 1: 2},
        ),
        # Two sentences never link.
        ("Troops left Homs. Hama was calm.", ("Homs", "Hama"), ("Hama",), {}),
        # A part of a place, or a village by a town: the outer need not be a unit.
        ("Workers gathered in Gota area of Ahmedabad city.", ("Gota", "Ahmedabad"), (), {0: 1}),
        ("Gunmen seized a chief in Ugah, near Lafia, at dawn.", ("Ugah", "Lafia"), (), {0: 1}),
        # ... but a region is not by a town ("in Istria, near Kanfanar").
        ("Buses drove slowly in Istria, near Kanfanar.", ("Istria", "Kanfanar"), ("Istria",), {}),
    ],
)
def test_geo_containers_links_by_form(
    text: str, names: tuple[str, ...], regions: tuple[str, ...], expected: dict[int, int]
) -> None:
    assert links_of(text, names, regions) == expected


def test_geo_containers_links_designator_before_the_comma() -> None:
    text = "A checkpoint in Dawlat Abad district, Balkh, was attacked."
    mentions = mentions_of(text, "Dawlat Abad", "Balkh")
    links = container_links(text, mentions, lambda index: index == 1)
    assert links == {0: ContainerLink(1, bracketed=False, designated=True)}


def test_geo_containers_links_part_of_a_place() -> None:
    text = "Youths clashed in the Mbokolo neighbourhood of Douala city."
    mentions = mentions_of(text, "Mbokolo", "Douala")
    links = container_links(text, mentions, lambda index: False)
    assert links == {0: ContainerLink(1, bracketed=False, designated=True, part=True)}


def test_geo_containers_links_chain_order_puts_units_first() -> None:
    links = {0: ContainerLink(1, bracketed=True), 1: ContainerLink(2, bracketed=True)}
    assert chain_order(4, links) == [2, 1, 0, 3]


@pytest.mark.parametrize(
    ("text", "town", "precision"),
    [
        # Gota near Ahmedabad lies 45 km off: the quarter is in the city.
        (
            "On 8 May 2020, about 2000 workers gathered at Gota area of Ahmedabad city "
            "(Ahmedabad, Gujarat) to demand transport home.",
            "Ahmedabad",
            1,
        ),
        # Uga is a town of Anambra, not the village by Lafia.
        (
            "On 30 April 2020, gunmen abducted a village head from his home in Ugah, "
            "near Lafia (Nasarawa).",
            "Lafia",
            2,
        ),
    ],
)
def test_geo_containers_links_place_of_a_part_or_a_village_by_a_town(
    pipeline: Pipeline, text: str, town: str, precision: int
) -> None:
    place = first_event_place(pipeline, text)
    assert (place.name, place.geo_precision) == (town, precision)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # A building set in a city of millions is in the city, not in the
        # region of the same name around it (Kyiv oblast).
        (
            "On 2 May 2020, restaurant owners protested outside the President's Office "
            "in Kyiv, demanding to reopen.",
            "Kyiv City",
        ),
        # In brackets the name is the province: Sanaa governorate, not the city.
        ("On 7 May 2020, coalition airstrikes hit Al Qaryah area (Nihm, Sanaa).", "Sanaa"),
    ],
)
def test_geo_containers_links_big_city_holds_what_is_set_in_it(
    pipeline: Pipeline, text: str, admin1: str
) -> None:
    assert first_event_place(pipeline, text).admin1 == admin1
