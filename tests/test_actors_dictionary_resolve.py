"""Templates, regimes, inter codes and name normalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.actors.dictionary import ActorDictionary


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("kind", "country", "on", "name", "inter"),
    [
        ("protesters", "India", None, "Protesters (India)", 6),
        (
            "rioters",
            "Democratic Republic of Congo",
            None,
            "Rioters (Democratic Republic of Congo)",
            5,
        ),
        ("civilians", "Yemen", None, "Civilians (Yemen)", 7),
        ("unidentified_armed_group", "Nigeria", None, "Unidentified Armed Group (Nigeria)", 3),
        ("military", "Syria", dt.date(2017, 1, 1), "Military Forces of Syria (2000-2024)", 1),
        ("military", "Syria", dt.date(2024, 12, 20), "Military Forces of Syria (2024-)", 1),
        (
            "military",
            "Democratic Republic of Congo",
            dt.date(2020, 1, 1),
            "Military Forces of the Democratic Republic of Congo (2019-)",
            1,
        ),
        (
            "military",
            "Philippines",
            dt.date(2020, 1, 1),
            "Military Forces of the Philippines (2016-2022)",
            1,
        ),
        ("police", "Iraq", dt.date(2020, 1, 1), "Police Forces of Iraq (2018-2022)", 1),
        ("police", "Libya", dt.date(2020, 1, 1), "Police Forces of Libya (2016-)", 1),
        (
            "military",
            "Libya",
            dt.date(2020, 1, 1),
            "Military Forces of Libya (2016-) Government of National Accord",
            1,
        ),
        ("government", "India", dt.date(2020, 1, 1), "Government of India (2014-)", 1),
    ],
)
def test_actors_resolve_generic_kinds(
    dictionary: ActorDictionary, kind: str, country: str, on: dt.date | None, name: str, inter: int
) -> None:
    actor = dictionary.generic(kind, country, on)
    assert (actor.name, actor.inter, actor.country) == (name, inter, country)


def test_actors_resolve_unknown_kind_rejected(dictionary: ActorDictionary) -> None:
    with pytest.raises(ValueError, match="unknown generic actor kind"):
        dictionary.generic("pirates", "Somalia")


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (dt.date(2014, 6, 6), "2014-2019"),  # before the first period: the earliest
        (dt.date(2019, 5, 19), "2014-2019"),
        (dt.date(2019, 5, 20), "2019-"),  # a period starts on its first day
        (None, "2019-"),  # no date: the latest
    ],
)
def test_actors_resolve_regime_boundaries(
    dictionary: ActorDictionary, day: dt.date | None, label: str
) -> None:
    assert dictionary.state_force("Ukraine", day) == f"Military Forces of Ukraine ({label})"


@pytest.mark.parametrize(
    ("text", "event_country", "inter"),
    [
        ("Turkish troops shelled the village.", "Syria", 8),  # abroad: external forces
        ("Turkish troops raided a house.", "Turkey", 1),
        ("Israeli forces raided the camp.", "Palestine", 8),
        ("Karabakh forces fired at the post.", "Azerbaijan", 1),  # de facto entity at home
        ("Armenian forces fired at the post.", "Azerbaijan", 8),
    ],
)
def test_actors_resolve_state_forces_abroad_are_external(
    dictionary: ActorDictionary, text: str, event_country: str, inter: int
) -> None:
    (mention,) = dictionary.find(text)
    assert dictionary.resolve(mention, country=event_country, on=dt.date(2020, 5, 1)).inter == inter


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Protesters gathered outside.", "Protesters (International)"),
        ("Troops were deployed.", "Unidentified Military Forces"),
        ("Police arrested four.", "Unidentified Police Forces"),
    ],
)
def test_actors_resolve_without_country_uses_placeholders(
    dictionary: ActorDictionary, text: str, name: str
) -> None:
    (mention,) = dictionary.find(text)
    assert dictionary.resolve(mention, country=None, on=None).name == name


def test_actors_resolve_country_default_for_militants(dictionary: ActorDictionary) -> None:
    (mention,) = dictionary.find("Militants attacked a checkpoint.")
    assert (
        dictionary.resolve(mention, country="Somalia", on=dt.date(2020, 5, 1)).name == "Al Shabaab"
    )
    assert (
        dictionary.resolve(mention, country="Afghanistan", on=dt.date(2020, 5, 1)).name == "Taliban"
    )
    # the Taliban are the state after August 2021: "militants" no longer means them
    later = dictionary.resolve(mention, country="Afghanistan", on=dt.date(2023, 5, 1))
    assert later.name == "Unidentified Armed Group (Afghanistan)"
    assert (
        dictionary.resolve(mention, country="Kenya", on=None).name
        == "Unidentified Armed Group (Kenya)"
    )


def test_actors_resolve_implicit_mentions_are_marked(dictionary: ActorDictionary) -> None:
    (mention,) = dictionary.find("Workers protested in front of the factory.", country="India")[-1:]
    assert mention.implicit and mention.generic
    assert dictionary.resolve(mention, country="India", on=None).name == "Protesters (India)"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Military Forces of Syria (2000-)", "Military Forces of Syria (2000-2024)"),
        (
            "Military Forces of Syria (2000-) Air Force Intelligence Directorate",
            "Military Forces of Syria (2000-2024) Air Force Intelligence Directorate",
        ),
        ("Police Forces of Afghanistan (2014-)", "Police Forces of Afghanistan (2014-2021)"),
        (
            "Military Forces of the Philippines (2016-)",
            "Military Forces of the Philippines (2016-2022)",
        ),
        ("Military Forces of Russia (2000-)", "Military Forces of Russia (2000-)"),
        ("SDF: Syrian Democratic Forces", "QSD: Syrian Democratic Forces"),
        ("Protesters (India)", "Protesters (India)"),
    ],
)
def test_actors_resolve_canonical_names(
    dictionary: ActorDictionary, name: str, canonical: str
) -> None:
    assert dictionary.canonical_name(name) == canonical


def test_actors_resolve_sources_are_not_actors(dictionary: ActorDictionary) -> None:
    text = "The Syrian Observatory for Human Rights said regime forces shelled the town."
    assert [m.entry.name for m in dictionary.find_sources(text)] == [
        "Syrian Observatory for Human Rights"
    ]
    assert all(not m.entry.is_source for m in dictionary.find(text))


@pytest.mark.parametrize(
    ("text", "homes"),
    [
        # A common noun the forces of several countries are called by says
        # nowhere ...
        ("Gendarmerie forces raided a farm and arrested two brothers.", []),
        ("Two men were detained by gendarmerie forces at dawn.", []),
        # ... unless the phrase names the country ...
        ("Turkish gendarmerie forces raided a farm.", ["Turkey"]),
        # ... and a name says where, even a group active in two countries.
        ("Al Shabaab fighters raided a farm.", ["Somalia"]),
    ],
)
def test_actors_homes_of_shared_common_nouns(
    dictionary: ActorDictionary, text: str, homes: list[str]
) -> None:
    assert dictionary.homes(text)[0] == homes
