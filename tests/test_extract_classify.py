"""Sub-event types that depend on the parties: table tests with sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.models import Article
from frontwatch.pipeline import Pipeline


def _primary(pipeline: Pipeline, text: str) -> tuple[str, str | None]:
    article = Article(
        article_id="t", raw=text, raw_format="text", text=text, published=dt.date(2021, 6, 14)
    )
    events = [e for e in pipeline.process(article) if e.flags.is_event]
    assert events, f"no event in {text!r}"
    first = min(events, key=lambda e: e.provenance[0].start)
    return first.sub_event_type, first.territorial


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # victims decide between an attack and a clash
        ("On 12 June 2021, gunmen shot dead two farmers near Kaduna.", "Attack"),
        ("On 12 June 2021, gunmen shot dead two soldiers at a checkpoint near Kaduna.",
         "Armed clash"),
        ("On 12 June 2021, a trader was killed by unknown gunmen in Mogadishu.", "Attack"),
        ("On 12 June 2021, rebels attacked an army post near Beni, killing four soldiers.",
         "Armed clash"),
        # crowds
        ("On 12 June 2021, a mob lynched a man accused of theft in Kano.", "Mob violence"),
        ("On 12 June 2021, villagers vandalised the local council office in Kano.",
         "Violent demonstration"),
        # protests and what police do to them
        ("On 12 June 2021, hundreds of teachers protested in Accra over unpaid wages.",
         "Peaceful protest"),
        ("On 12 June 2021, students protested in Accra. Police fired tear gas to disperse them.",
         "Protest with intervention"),
        ("On 12 June 2021, protesters burned tyres and blocked roads in Lagos.",
         "Violent demonstration"),
        ("On 12 June 2021, security forces opened fire on protesters in Khartoum, killing three.",
         "Excessive force against protesters"),
        ("On 12 June 2021, nurses held a protest in Nairobi against the attack on a colleague.",
         "Peaceful protest"),
        ("On 12 June 2021, traders blocked the main road in Goma to demand compensation.",
         "Peaceful protest"),
        # seizures that are not territory
        ("On 12 June 2021, police seized 200 kilos of cocaine in Guayaquil.",
         "Looting/property destruction"),
        ("On 12 June 2021, troops seized a cache of weapons near Gao.", "Disrupted weapons use"),
        # weapons: shells vs direct fire
        ("On 12 June 2021, the army fired mortars at rebel positions near Idlib.",
         "Shelling/artillery/missile attack"),
        ("On 12 June 2021, the two sides exchanged small arms fire near Avdiivka.",
         "Armed clash"),
        ("On 12 June 2021, a body was found dumped beside a road in Culiacan.", "Attack"),
    ],
)  # fmt: skip
def test_extract_classify_sub_event_type(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _primary(pipeline, text)[0] == sub


def test_extract_classify_seized_weapons_is_not_territory(pipeline: Pipeline) -> None:
    text = "On 12 June 2021, troops seized a cache of weapons near Gao."
    assert _primary(pipeline, text)[1] is None
    town = "On 12 June 2021, rebels seized the town of Gao after heavy fighting."
    assert _primary(pipeline, town)[1] == "captured"
