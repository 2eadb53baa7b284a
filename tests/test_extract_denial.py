"""A sentence that denies the change of control just reported makes a
negated statement of it, on the denier's word (the place becomes contested
in the control timeline, not lost)."""

from __future__ import annotations

import pytest

from frontwatch.models import Event
from frontwatch.pipeline import Pipeline
from samples_events import make_article


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    article = make_article(text)
    return pipeline.process(article)


@pytest.mark.parametrize(
    "denial",
    [
        "The Syrian army denied the claim.",
        "The Syrian army rejected the reports.",
        "The Syrian army said the claims were false.",
    ],
)
def test_extract_denial_of_a_capture_is_a_negated_capture(pipeline: Pipeline, denial: str) -> None:
    text = f"Rebels said on Monday they had captured the town of Saraqib. {denial}"
    events = _events(pipeline, text)
    captures = [e for e in events if e.territorial == "captured"]
    assert [e.flags.negated for e in captures] == [False, True]
    denied = captures[1]
    assert denied.provenance[0].sentence == denial
    assert denied.claim_source == "Military Forces of Syria (2000-2024)"


@pytest.mark.parametrize(
    "follow",
    [
        "The Syrian army said fighting went on.",  # no denial
        "The army denied that civilians were hurt.",  # no change of control before it
    ],
)
def test_extract_denial_needs_a_denial_of_a_reported_change(
    pipeline: Pipeline, follow: str
) -> None:
    text = f"Rebels shelled the town of Saraqib on Monday. {follow}"
    assert not any(e.flags.negated for e in _events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The army denied that rebels had captured the town of Saraqib.", True),
        ("The ministry rejected reports that troops shelled Saraqib.", True),
        # the denier is the event's own doer: protesters who reject a plan protest
        ("Protesters in Kirkuk rejected the new tax law on Sunday.", False),
    ],
)
def test_extract_denial_governs_the_event_not_its_doer(
    pipeline: Pipeline, text: str, negated: bool
) -> None:
    events = _events(pipeline, text)
    assert events and events[0].flags.negated is negated
