"""Which finer places a report's sentence names (merge/subplaces.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from frontwatch.geo.names import loose_key
from frontwatch.merge.subplaces import finer_places
from samples_merge import ARMY_SY, GUNMEN_SY, SARAQIB, report, span

CASES = [
    ("Gunmen shot a man dead in Colonia Los Pinos, Saraqib.", {"Los Pinos"}),
    ("Troops exchanged fire at the Qarqur sector area on Friday.", {"Qarqur"}),
    ("Regime forces shelled the village of Tell Hamdan west of Saraqib.", {"Tell Hamdan"}),
    ("A checkpoint in the Bab Sharqi area of Saraqib was attacked.", {"Bab Sharqi"}),
    ("Mortar shells hit the Kilo 16 area east of Saraqib.", {"Kilo 16"}),
    # a site's proper name, capitalised, is a finer place; the town it is
    # named after is not where it is
    ("Shells fell near the Saraqib Filtration Station.", {"Saraqib Filtration Station"}),
    ("Fighters fired at the Tell Hamdan Bridge.", {"Tell Hamdan Bridge"}),
    ("A mortar round hit a shop on Baron Street near the old market.", {"Baron Street"}),
    ("Snipers fired along Street 14 in the north of Saraqib.", {"Street 14"}),
    ("Gunmen ambushed a car on the road to Saraqib.", set()),
    # written in lower case, it is a common noun
    ("A bomb exploded at Saraqib airport on Monday.", set()),
    # a name set in the coded place or one of its units is inside it
    ("Regime forces shelled Kafr Amim in Idlib on Friday.", {"Kafr Amim"}),
    ("Gunmen shot a trader in San Isidro, Saraqib.", {"San Isidro"}),
    ("Gunmen shot a trader in Saraqib, Idlib.", set()),
    # where a force is posted is a place
    ("Troops stationed at Tell Hamdan fired towards Saraqib.", {"Tell Hamdan"}),
    # another spelling of the coded town is the town
    ("Jets struck the village of Tell Hamdan near Sarraqib in Idlib.", {"Tell Hamdan"}),
    # "in X of R": a place in the coded region; not a title or an institution
    ("Two soldiers were killed in Kafr Amim of Saraqib district.", {"Kafr Amim"}),
    ("The Governor of Idlib said that troops shelled Saraqib.", set()),
    # the coded town and its units are not finer places
    ("Clashes broke out in the Saraqib area on Monday.", set()),
    ("Clashes broke out in the Idlib countryside.", set()),
    # a bare "in X" or "at X" is not read: landmarks and organisations
    ("A bomb went off at the Baron Hotel in Saraqib.", set()),
    # words that start no place name
    ("The area was shelled on Monday.", set()),
    ("State police were attacked in Saraqib.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_merge_subplaces_names_in_sentence(sentence: str, expected: set[str]) -> None:
    event = report("a", "Armed clash", SARAQIB, span("2020-02-01"), GUNMEN_SY, sentence=sentence)
    assert finer_places(event) == {loose_key(name) for name in expected}


def test_merge_subplaces_actor_names_are_not_places() -> None:
    """ "Houthi areas" names who holds an area, not a place."""
    sentence = "The army shelled Houthi areas west of Saraqib."
    houthis = replace(GUNMEN_SY, name="Houthis", matched_text="Houthi")
    event = report(
        "a", "Armed clash", SARAQIB, span("2020-02-01"), ARMY_SY, houthis, sentence=sentence
    )
    assert finer_places(event) == frozenset()
    unnamed = report("a", "Armed clash", SARAQIB, span("2020-02-01"), ARMY_SY, sentence=sentence)
    assert finer_places(unnamed) == {loose_key("Houthi")}, "without the actor it reads as a place"


def test_merge_subplaces_written_toponym_coded_at_a_bigger_unit() -> None:
    village = replace(SARAQIB, matched_text="Kafr Amim")
    event = report("a", "Armed clash", village, span("2020-02-01"), GUNMEN_SY, sentence="x")
    assert finer_places(event) == {loose_key("Kafr Amim")}


def test_merge_subplaces_country_as_written_is_no_finer_place() -> None:
    """A report placed in a district while the toponym written was the
    country ("in northwestern Yemen (Razih, Sadah)") names nothing finer."""
    district = replace(SARAQIB, matched_text="Syria")
    event = report("a", "Armed clash", district, span("2020-02-01"), GUNMEN_SY, sentence="x")
    assert finer_places(event) == frozenset()


def test_merge_subplaces_in_the_coded_place_as_written() -> None:
    """The coded district written otherwise than the gazetteer's name ("Nad-e
    Ali" for Nad Ali) still holds the finer place named in it."""
    district = replace(
        SARAQIB,
        name="Nad Ali",
        feature="admin2",
        admin2="Nad Ali",
        matched_text="Nad-e Ali",
        geonameid=None,
    )
    sentence = "Gunmen fired on a checkpoint in Loy Bagh of Nad-e Ali district."
    event = report("a", "Armed clash", district, span("2020-03-15"), GUNMEN_SY, sentence=sentence)
    assert finer_places(event) == {loose_key("Loy Bagh")}


def test_merge_subplaces_community() -> None:
    sentence = "A body was found in the Las Palmas community of Saraqib."
    event = report("a", "Attack", SARAQIB, span("2020-05-06"), GUNMEN_SY, sentence=sentence)
    assert finer_places(event) == {loose_key("Las Palmas")}


def test_merge_subplaces_tail_of_the_coded_name_is_no_finer_place() -> None:
    """ "Aldama, Guanajuato" in "San Juan de los Aldama, Guanajuato" is the
    coded town's own name, not a finer place: two reports from that town
    naming different quarters must not share it."""
    town = replace(
        SARAQIB,
        name="San Juan de los Aldama",
        admin1="Guanajuato",
        matched_text="San Juan de los Aldama",
        geonameid=None,
    )
    sentence = "In San Juan de los Aldama, Guanajuato, gunmen shot a driver in Colonia El Roble."
    event = report("a", "Attack", town, span("2020-05-04"), GUNMEN_SY, sentence=sentence)
    assert finer_places(event) == {loose_key("El Roble")}
