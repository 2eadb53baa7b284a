"""What a sentence after an event may add to it rather than report an event
of its own: a reported area ("the pocket totals about 2,000 square km"), a
reference back to the event ("killed in the attack"), or only who died
("Two men died and a boy was wounded")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from frontwatch.extract.roles import ActorSpan
from frontwatch.extract.selection import deaths
from frontwatch.extract.taxonomy import event_type_of
from frontwatch.models import Fatalities, Place

# A reported area: "about 2,000 square km", "1,200 sq km", "300 square miles".
AREA = re.compile(
    r"(?P<text>(?:about|some|around|nearly|almost|more than|over|roughly|approximately)?\s*"
    r"(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>square kilomet(?:re|er)s?|square km|sq\.? ?km|"
    r"km2|km²|square miles?|sq\.? ?mi))",
    re.IGNORECASE,
)
SQ_MILE_KM2 = 2.589988
CIVILIANS_PREFIX = "Civilians ("  # ACLED's generic victims: "Civilians (Syria)"
# A follow-up sentence refers back to the event before it ("in the attack").
ANAPHORA = re.compile(
    r"\b(?:the|this|that|these|those|such)\s+(?:\w+\s+)?(?:attack|attacks|strike|strikes|raid|"
    r"clashes|clash|fighting|battle|blast|explosion|bombing|assault|incident|ambush|shelling|"
    r"offensive|violence|operation|capture|siege)\b",
    re.IGNORECASE,
)


# Event types whose toll a later sentence may give: not a court ruling or a
# peaceful march followed by a sentence on an old war's dead.
_DEADLY_TYPES = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
)


def deadly(sub_event_type: str) -> bool:
    return (
        event_type_of(sub_event_type) in _DEADLY_TYPES
        or sub_event_type == "Excessive force against protesters"
    )


def toll_only(
    fatalities: Fatalities | None,
    actor_spans: Sequence[ActorSpan],
    located: Sequence[Place],
    sentence: Span,
) -> bool:
    """A sentence that only tells who died, naming no place and no actor but
    civilians ("Two men died and a boy was wounded", "The victim died"): the
    toll of the event before it, not an event of its own. The caller also
    asks that the event be :func:`deadly` and have no toll yet, and that
    nobody else be cited for the figure (another source's figure stays a
    report of its own, so that merging keeps both figures)."""
    return (
        deaths(fatalities)
        and all(span.actor.name.startswith(CIVILIANS_PREFIX) for span in actor_spans)
        and not any(
            p.start is not None and sentence.start_char <= p.start < sentence.end_char
            for p in located
        )
    )
