"""ACLED's event taxonomy (6 event types, 25 sub-event types), exactly as the
ACLED codebook names them, plus frontwatch's territorial-control statuses and
the tactic ranking used when one sentence names several tactics."""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
    VIOLENCE_CIVILIANS: (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {
    sub: event_type for event_type, subs in SUB_EVENT_TYPES.items() for sub in subs
}

# Territorial statuses. "encircled" and "besieged" are states of a place, the
# others change (or claim to change) who holds it.
# Of the changes, those that make another side hold the place (an advance
# does not).
CONTROL_CHANGES = ("captured", "regained", "lost", "withdrew", "handed over")
TERRITORIAL_CHANGES = (*CONTROL_CHANGES, "advanced")
TERRITORIAL_STATES = ("encircled", "besieged")
TERRITORIAL = TERRITORIAL_CHANGES + TERRITORIAL_STATES

# Tactic ranking: when one sentence names several tactics, the highest wins.
# ACLED codes an air strike during a ground battle as one Battles event, and an
# air strike outranks shelling; a territorial change outranks the fighting
# that produced it.
TACTIC_RANK: dict[str, int] = {
    "Government regains territory": 100,
    "Non-state actor overtakes territory": 100,
    "Armed clash": 90,
    "Suicide bomb": 85,
    "Air/drone strike": 80,
    "Chemical weapon": 78,
    "Shelling/artillery/missile attack": 70,
    "Remote explosive/landmine/IED": 65,
    "Grenade": 60,
    "Excessive force against protesters": 58,
    "Abduction/forced disappearance": 55,
    "Sexual violence": 54,
    "Attack": 50,
    "Mob violence": 46,
    "Violent demonstration": 45,
    "Protest with intervention": 42,
    "Peaceful protest": 40,
    "Non-violent transfer of territory": 35,
    "Looting/property destruction": 30,
    "Arrests": 28,
    "Disrupted weapons use": 26,
    "Agreement": 25,
    "Headquarters or base established": 24,
    "Change to group/activity": 22,
    "Other": 10,
}

DISORDER_TYPE: dict[str, str] = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VIOLENCE_CIVILIANS: "Political violence",
    PROTESTS: "Demonstrations",
    RIOTS: "Demonstrations",
    STRATEGIC: "Strategic developments",
}


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type of a sub-event type; KeyError for unknown names."""
    return EVENT_TYPE_OF[sub_event_type]


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if sub_event_type in ("Excessive force against protesters", "Mob violence"):
        return "Political violence; Demonstrations"
    return DISORDER_TYPE[event_type]
