"""ACLED's actor conventions by event type: protesters, rioters, civilians,
the sides of a known war, coalitions."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontwatch.actors.conventions import apply_conventions, coalition_for, conflict_sides
from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.extract.roles import Roles
from frontwatch.models import Actor

ON = dt.date(2020, 5, 9)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def generic(dictionary: ActorDictionary, kind: str, country: str = "India") -> Actor:
    return dictionary.generic(kind, country, ON)


def names(roles: Roles) -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]:
    return (
        roles.actor1.name if roles.actor1 else None,
        roles.actor2.name if roles.actor2 else None,
        tuple(a.name for a in roles.assoc1),
        tuple(a.name for a in roles.assoc2),
    )


def coded(
    dictionary: ActorDictionary,
    roles: Roles,
    sub: str,
    *,
    country: str = "India",
    text: str = "",
    on: dt.date = ON,
) -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]:
    return names(
        apply_conventions(
            roles, sub_event_type=sub, text=text, country=country, on=on, dictionary=dictionary
        )
    )


@pytest.mark.parametrize(
    ("doer", "victim", "sub", "expected"),
    [
        # A named group that protests is associated with "Protesters".
        ("labour", None, "Peaceful protest",
         ("Protesters (India)", None, ("Labour Group (India)",))),
        # A peaceful protest has no second actor, whatever the sentence names.
        ("students", "government", "Peaceful protest",
         ("Protesters (India)", None, ("Students (India)",))),
        # Police who intervened are the second actor, read as doer or not.
        ("police", "labour", "Protest with intervention",
         ("Protesters (India)", "Police Forces of India (2014-)", ("Labour Group (India)",))),
        # Intervention without police named: the country's police.
        (None, None, "Excessive force against protesters",
         ("Protesters (India)", "Police Forces of India (2014-)", ())),
        # The government protested against is not who intervened.
        ("students", "government", "Protest with intervention",
         ("Protesters (India)", "Police Forces of India (2014-)", ("Students (India)",))),
    ],
)  # fmt: skip
def test_actors_conventions_protests(
    dictionary: ActorDictionary,
    doer: str | None,
    victim: str | None,
    sub: str,
    expected: tuple[str | None, str | None, tuple[str, ...]],
) -> None:
    roles = Roles(
        generic(dictionary, doer) if doer else None,
        generic(dictionary, victim) if victim else None,
    )
    assert coded(dictionary, roles, sub)[:3] == expected


def test_actors_conventions_riot_targets_police_read_as_doer(dictionary: ActorDictionary) -> None:
    roles = Roles(generic(dictionary, "police"), generic(dictionary, "rioters"))
    assert coded(dictionary, roles, "Violent demonstration")[:2] == (
        "Rioters (India)",
        "Police Forces of India (2014-)",
    )


def test_actors_conventions_riot_group_is_associated(dictionary: ActorDictionary) -> None:
    roles = Roles(generic(dictionary, "farmers"), generic(dictionary, "civilians"))
    assert coded(dictionary, roles, "Mob violence") == (
        "Rioters (India)",
        "Civilians (India)",
        ("Farmers (India)",),
        (),
    )


def test_actors_conventions_victims_are_civilians(dictionary: ActorDictionary) -> None:
    roles = Roles(
        generic(dictionary, "unidentified_armed_group"), generic(dictionary, "journalists")
    )
    assert coded(dictionary, roles, "Attack") == (
        "Unidentified Armed Group (India)",
        "Civilians (India)",
        (),
        ("Journalists (India)",),
    )


@pytest.mark.parametrize(
    ("sub", "text", "expected"),
    [
        ("Attack", "", ("Unidentified Armed Group (India)", "Civilians (India)")),
        ("Shelling/artillery/missile attack", "Two children were wounded.",
         ("Unidentified Armed Group (India)", "Civilians (India)")),
        ("Shelling/artillery/missile attack", "Shells hit an empty field.",
         ("Unidentified Armed Group (India)", None)),
        # A clash has two sides: unnamed both.
        ("Armed clash", "", ("Unidentified Armed Group (India)",
                             "Unidentified Armed Group (India)")),
    ],
)  # fmt: skip
def test_actors_conventions_unnamed_doer(
    dictionary: ActorDictionary, sub: str, text: str, expected: tuple[str, str | None]
) -> None:
    assert coded(dictionary, Roles(None, None), sub, text=text)[:2] == expected


@pytest.mark.parametrize(
    ("sub", "on", "expected"),
    [
        ("Armed clash", ON,
         ("Military Forces of Ukraine (2019-)", "NAF: United Armed Forces of Novorossiya")),
        ("Shelling/artillery/missile attack", ON, ("Military Forces of Ukraine (2019-)", None)),
        # After the war the dictionary knows ended, nobody is assumed.
        ("Shelling/artillery/missile attack", dt.date(2023, 3, 1),
         ("Unidentified Armed Group (Ukraine)", None)),
    ],
)  # fmt: skip
def test_actors_conventions_sides_of_a_known_war(
    dictionary: ActorDictionary, sub: str, on: dt.date, expected: tuple[str, str | None]
) -> None:
    assert coded(dictionary, Roles(None, None), sub, country="Ukraine", on=on)[:2] == expected


def test_actors_conventions_named_victim_as_written_takes_the_other_side(
    dictionary: ActorDictionary,
) -> None:
    """The victims as the text wrote them ("six Ukrainian soldiers") carry
    their own matched text; they are still the army's side."""
    army = generic(dictionary, "military", "Ukraine")
    written = replace(army, matched_text="Ukrainian soldiers")
    coded_roles = coded(dictionary, Roles(None, written), "Armed clash", country="Ukraine")
    assert coded_roles[:2] == (
        "NAF: United Armed Forces of Novorossiya",
        "Military Forces of Ukraine (2019-)",
    )


@pytest.mark.parametrize("kind", ["protesters", "students"])
def test_actors_conventions_people_struck_while_gathered_are_civilians(
    dictionary: ActorDictionary, kind: str
) -> None:
    """An air strike on a gathering strikes civilians; a group they belong
    to is associated."""
    army = generic(dictionary, "military")
    roles = Roles(army, generic(dictionary, kind))
    _, actor2, _, assoc2 = coded(dictionary, roles, "Air/drone strike")
    assert actor2 == "Civilians (India)"
    assert assoc2 == (() if kind == "protesters" else ("Students (India)",))


def test_actors_conventions_named_victim_takes_the_other_side(
    dictionary: ActorDictionary,
) -> None:
    army = generic(dictionary, "military", "Ukraine")
    assert coded(dictionary, Roles(None, army), "Armed clash", country="Ukraine")[:2] == (
        "NAF: United Armed Forces of Novorossiya",
        "Military Forces of Ukraine (2019-)",
    )
    sides = conflict_sides(dictionary, "Ukraine", ON)
    assert sides is not None and sides[0] == army


def test_actors_conventions_coalition_member_forces(dictionary: ActorDictionary) -> None:
    saudi = dictionary.actor_for(
        dictionary.generic_entry("military"), country="Saudi Arabia", on=ON, event_country="Yemen"
    )
    roles = Roles(saudi, None)
    assert coded(dictionary, roles, "Air/drone strike", country="Yemen") == (
        "Operation Restoring Hope",
        None,
        ("Military Forces of Saudi Arabia (2015-)",),
        (),
    )
    # At home, or where the coalition does not operate, the state is itself.
    assert coalition_for(dictionary, saudi, "Saudi Arabia", ON) is None
    assert coalition_for(dictionary, saudi, "Lebanon", ON) is None


def test_actors_conventions_no_country_leaves_roles(dictionary: ActorDictionary) -> None:
    roles = Roles(generic(dictionary, "labour"), None)
    assert (
        apply_conventions(
            roles, sub_event_type="Peaceful protest", text="", country=None, on=ON,
            dictionary=dictionary,
        )
        == roles
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A mob beat a suspected thief.", "Civilians (India)"),
        ("Two groups of villagers fought each other over land.", "Rioters (India)"),
        ("A crowd of residents clashed over water rations.", "Rioters (India)"),
    ],
)
def test_actors_conventions_mob_violence_target(
    dictionary: ActorDictionary, text: str, expected: str
) -> None:
    roles = Roles(generic(dictionary, "rioters"), None)
    assert coded(dictionary, roles, "Mob violence", text=text)[:2] == ("Rioters (India)", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police exchanged fire with suspects in the slum.", "Unidentified Armed Group (India)"),
        ("Police fired at a crowd of suspects in the slum.", None),
    ],
)
def test_actors_conventions_clash_needs_two_sides(
    dictionary: ActorDictionary, text: str, expected: str | None
) -> None:
    roles = Roles(generic(dictionary, "police"), None)
    assert coded(dictionary, roles, "Armed clash", text=text)[1] == expected


def test_actors_conventions_member_group_under_umbrella(dictionary: ActorDictionary) -> None:
    militia = dictionary.entry("Donbass People's Militia")
    assert militia is not None
    member = dictionary.actor_for(militia, country="Ukraine", on=ON, event_country="Ukraine")
    army = generic(dictionary, "military", "Ukraine")
    assert coded(dictionary, Roles(army, member), "Armed clash", country="Ukraine") == (
        "Military Forces of Ukraine (2019-)",
        "NAF: United Armed Forces of Novorossiya",
        (),
        ("Donbass People's Militia",),
    )


def test_actors_conventions_civilian_doer_is_an_armed_person(dictionary: ActorDictionary) -> None:
    roles = Roles(generic(dictionary, "civilians"), generic(dictionary, "police"))
    assert coded(dictionary, roles, "Armed clash")[:2] == (
        "Unidentified Armed Group (India)",
        "Police Forces of India (2014-)",
    )


@pytest.mark.parametrize(
    ("sub", "text", "actor2"),
    [
        # A group's own move has no second actor, whatever the sentence names.
        ("Change to group/activity", "troops were deployed to the border", None),
        ("Headquarters or base established", "the army set up a base near the town", None),
        # Joining another group names that group.
        ("Change to group/activity", "twenty policemen joined the rebels", "Military Forces"),
    ],
)
def test_actors_conventions_one_sided_moves(
    dictionary: ActorDictionary, sub: str, text: str, actor2: str | None
) -> None:
    army = generic(dictionary, "military")
    roles = Roles(actor1=generic(dictionary, "police"), actor2=army)
    found = coded(dictionary, roles, sub, text=text)[1]
    assert found == (army.name if actor2 else None)


def test_actors_conventions_gang_victims_are_a_gang(dictionary: ActorDictionary) -> None:
    gunmen = generic(dictionary, "unidentified_armed_group", "Brazil")
    roles = Roles(actor1=gunmen, actor2=generic(dictionary, "civilians", "Brazil"))
    kept = apply_conventions(
        roles, sub_event_type="Armed clash", text="", country="Brazil", on=ON,
        dictionary=dictionary, gang_victims=True,
    )  # fmt: skip
    assert kept.actor2 == generic(dictionary, "unidentified_gang", "Brazil")
    plain = coded(dictionary, roles, "Armed clash", country="Brazil")
    assert plain[1] == "Civilians (Brazil)"


def test_actors_conventions_unarmed_group_does_not_fight(dictionary: ActorDictionary) -> None:
    roles = Roles(actor1=generic(dictionary, "students"), actor2=generic(dictionary, "police"))
    actor1 = coded(dictionary, roles, "Armed clash")[0]
    assert actor1 == "Unidentified Armed Group (India)"


def test_actors_conventions_property_owners_are_civilians(dictionary: ActorDictionary) -> None:
    """Looted or destroyed property belongs to someone: civilians when the
    report names no owner; a named owner stays."""
    gunmen = generic(dictionary, "unidentified_armed_group")
    unnamed = coded(dictionary, Roles(actor1=gunmen, actor2=None), "Looting/property destruction")
    assert unnamed[:2] == ("Unidentified Armed Group (India)", "Civilians (India)")
    police = generic(dictionary, "police")
    named = coded(dictionary, Roles(actor1=gunmen, actor2=police), "Looting/property destruction")
    assert named[1] == police.name
    nobody = Roles(actor1=None, actor2=None)
    assert coded(dictionary, nobody, "Looting/property destruction")[1] is None


def test_actors_conventions_afghan_local_policemen(dictionary: ActorDictionary) -> None:
    found = dictionary.find("Three local policemen were killed.", country="Afghanistan")
    assert [m.entry.name for m in found] == ["{police} Afghan Local Police"]
