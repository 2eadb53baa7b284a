"""The party a sentence attributes its content to is set aside as a party of
the event, except when it says it did it itself."""

from __future__ import annotations

import pytest

from frontwatch.models import Event
from frontwatch.pipeline import Pipeline
from samples_events import make_article


def _main_event(pipeline: Pipeline, text: str) -> Event:
    article = make_article(text)
    return pipeline.process(article)[0]


@pytest.mark.parametrize(
    ("text", "actor1", "sub"),
    [
        (
            "Rebels said on Monday they had captured the town of Saraqib from government forces.",
            "Unidentified Armed Group (Syria)",
            "Non-state actor overtakes territory",
        ),
        (
            "The Syrian army said it had recaptured the town of Saraqib from rebels.",
            "Military Forces of Syria (2000-2024)",
            "Government regains territory",
        ),
        (
            "On 3 May 2020, the Taliban claimed to have killed five soldiers in Nad Ali.",
            "Taliban",
            "Armed clash",
        ),
        (
            "On 3 May 2020, Al Shabaab claimed responsibility for a roadside bomb that hit an "
            "army truck near Afgooye.",
            "Al Shabaab",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_extract_claimer_who_says_it_acted_is_actor1(
    pipeline: Pipeline, text: str, actor1: str, sub: str
) -> None:
    event = _main_event(pipeline, text)
    assert event.actor1 is not None and event.actor1.name == actor1
    assert event.sub_event_type == sub


def test_extract_claimer_reporting_others_is_not_actor1(pipeline: Pipeline) -> None:
    text = "A war monitor said government forces had recaptured the town of Saraqib."
    event = _main_event(pipeline, text)
    assert event.actor1 is not None
    assert event.actor1.name == "Military Forces of Syria (2000-2024)"
