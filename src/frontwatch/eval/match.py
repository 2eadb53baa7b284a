"""When an extracted field counts as the gold one: one rule per scored field.

Names are compared after normalisation, so that spelling variants between
ACLED releases and the gazetteer do not count as errors, while a different
place, actor or regime still does:

- every name: accents stripped, case folded, every character that is not a
  letter or a digit (hyphens, apostrophes, the ayn sign, dots, brackets)
  read as a space, spaces collapsed;
- admin1 also drops one leading Arabic article ("al", "el", and the forms it
  takes before sun letters: "ad", "as", "ash", "ar", "az", "at", "an"), so
  "Al-Hasakeh", "Al Hasakeh" and "Hasakeh" are one name;
- actors also forgive the end year of a regime period: ACLED dates state
  forces by regime, "(2000-)" while the regime lasts and "(2000-2024)" once it
  has ended, so "(2000-2024)" and "(2000-)" match; a different start year is
  a different regime and does not. Nothing else is forgiven: the bracketed
  country of "Protesters (Iraq)" is part of the actor's name.

Locations match when the extracted point lies within 25 km (haversine) of the
gold point; every other field must be equal (dates as ISO days, numbers as
integers, event types as ACLED's exact names).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from frontwatch.eval.extracted import ExtractedEvent
from frontwatch.eval.gold import GoldRow

LOCATION_TOLERANCE_KM = 25.0
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)

ARABIC_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "ar", "az", "at", "an"})

# A regime period at the end of an actor name: "(2000-)", "(2000-2024)",
# "(2000 - 2024)", with a hyphen or an en dash.
_REGIME_PERIOD = re.compile(r"\(\s*(\d{4})\s*[-\u2013]\s*(?:\d{4})?\s*\)")


@dataclass(frozen=True, slots=True)
class FieldRule:
    """A scored field and how its match is decided (quoted in the reports)."""

    name: str
    rule: str


FIELD_RULES = (
    FieldRule("event_type", "equal to an ACLED event type of the note"),
    FieldRule("sub_event_type", "equal to an ACLED sub-event type of the note"),
    FieldRule("event_date", "the same day (ISO)"),
    FieldRule("time_precision", "equal (1 day, 2 week, 3 month)"),
    FieldRule("country", "equal after name normalisation"),
    FieldRule("admin1", "equal after name normalisation, leading Arabic article dropped"),
    FieldRule("location", f"within {LOCATION_TOLERANCE_KM:g} km of a gold point (haversine)"),
    FieldRule("geo_precision", "equal (1 place, 2 near/part, 3 region)"),
    FieldRule("fatalities", "equal"),
    FieldRule("inter1", "equal ACLED actor type"),
    FieldRule("inter2", "equal ACLED actor type (0 = no second actor)"),
    FieldRule("actor1", "equal after name normalisation, regime end year forgiven"),
    FieldRule("actor2", "equal after name normalisation, regime end year forgiven"),
)
SCORED_FIELDS = tuple(rule.name for rule in FIELD_RULES)

_NAME_FIELDS = frozenset({"country"})
_ADMIN_FIELDS = frozenset({"admin1"})
_ACTOR_FIELDS = frozenset({"actor1", "actor2"})

Record = GoldRow | ExtractedEvent


def normalise_name(text: str) -> str:
    """Accents stripped, case folded, non-alphanumerics as spaces, collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category.startswith("M"):
            continue  # a combining accent
        # Modifier letters (Lm: the ayn sign, modifier apostrophes) separate
        # like punctuation although str.isalnum() calls them letters.
        alnum = category[0] in "LN" and category != "Lm"
        kept.append(char if alnum else " ")
    return " ".join("".join(kept).split())


def normalise_admin1(text: str) -> str:
    """``normalise_name`` without a leading Arabic article ("Al-Anbar" -> "anbar")."""
    words = normalise_name(text).split(" ")
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        words = words[1:]
    return " ".join(words)


def normalise_actor(text: str) -> str:
    """``normalise_name`` with a regime period reduced to its start year."""
    # Wherever the period stands ("Police Forces of Brazil (2019-2022) Federal
    # Police"), only its end year is forgiven.
    text = _REGIME_PERIOD.sub(lambda period: f"({period.group(1)}-)", text)
    return normalise_name(text)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def has_value(field: str, row: GoldRow) -> bool:
    """Whether the gold row codes this field (empty text or number: not coded)."""
    if field == "location":
        return row.latitude is not None and row.longitude is not None
    value = getattr(row, field)
    return value is not None and value != ""


def matches(field: str, event: ExtractedEvent, row: GoldRow) -> bool:
    """Whether the event's field counts as the row's (the row must code it)."""
    if not has_value(field, row):
        return False
    if field == "location":
        return _near(event, row)
    extracted, gold = getattr(event, field), getattr(row, field)
    if extracted is None or extracted == "":
        return False
    if field in _ACTOR_FIELDS:
        return normalise_actor(extracted) == normalise_actor(gold)
    if field in _ADMIN_FIELDS:
        return normalise_admin1(extracted) == normalise_admin1(gold)
    if field in _NAME_FIELDS:
        return normalise_name(extracted) == normalise_name(gold)
    return bool(extracted == gold)


def shown(field: str, record: Record | None) -> str:
    """The field's value as the reports print it ("" when absent)."""
    if record is None:
        return ""
    if field == "location":
        if record.latitude is None or record.longitude is None:
            return record.location
        point = f"{record.latitude:.4f}, {record.longitude:.4f}"
        return f"{record.location} ({point})" if record.location else f"({point})"
    value = getattr(record, field)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _near(event: ExtractedEvent, row: GoldRow) -> bool:
    if event.latitude is None or event.longitude is None:
        return False
    if row.latitude is None or row.longitude is None:
        return False
    distance = haversine_km(event.latitude, event.longitude, row.latitude, row.longitude)
    return distance <= LOCATION_TOLERANCE_KM
