"""News shapes the event pipeline must read right: a headline without a
full stop above its lead, a past form the tagger takes for a present, and a
capital that stands for its government."""

from __future__ import annotations

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.metonyms import capital_as_government
from frontwatch.models import Event
from frontwatch.pipeline import Pipeline
from samples_events import make_article


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return [e for e in pipeline.process(make_article(text)) if e.flags.is_event]


def test_extract_news_headline_is_its_own_sentence(pipeline: Pipeline) -> None:
    text = (
        "Saraqib retaken\n\n"
        "Troops loyal to the government regained control of the Syrian town of Saraqib "
        "on Monday after rebel fighters pulled out."
    )
    selected = pipeline.parser(text)
    assert next(s.text.strip() for s in selected.doc.sents) == "Saraqib retaken"
    events = _events(pipeline, text)
    lead = [e for e in events if e.provenance[0].sentence.startswith("Troops")]
    assert lead and lead[0].sub_event_type == "Government regains territory"
    doer = lead[0].actor1
    assert doer is not None and doer.inter == 1 and doer.country == "Syria"


def test_extract_news_irregular_past_is_no_habitual_present(pipeline: Pipeline) -> None:
    """The small model tags "retook" as a present (VBP); it reports a capture."""
    text = (
        "Syrian troops and allied militias retook Saraqib on Thursday after rebel fighters "
        "withdrew towards the west under heavy bombardment, a war monitor said."
    )
    first = _events(pipeline, text)[0]
    assert (first.trigger, first.sub_event_type) == ("retook", "Government regains territory")


def test_extract_news_capital_speaking_is_no_place(pipeline: Pipeline) -> None:
    """ "Moscow said" is the Russian government speaking: no vote for Russia
    as the country of the story (it was: the capture went to Moscow Oblast)."""
    text = (
        "Troops loyal to the president regained control of the Syrian city of Palmyra on "
        "Sunday after jihadist fighters pulled out.\n\n"
        "Moscow said its jets and special forces had backed the advance."
    )
    first = _events(pipeline, text)[0]
    assert first.place is not None and first.place.country_code == "SY"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Moscow said its aircraft had supported the advance.", "Moscow", True),
        ("Washington has repeatedly warned against it.", "Washington", True),
        ("Beijing denies the report.", "Beijing", True),
        ("President Zelensky blamed Moscow for the strike.", "Moscow", True),
        ("The government in Tripoli blamed the army.", "Tripoli", False),
        ("Moscow saw heavy snow on Monday.", "Moscow", False),
        ("Homs said nothing.", "Homs", False),  # no national capital
    ],
)
def test_extract_news_capital_as_government(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    with Gazetteer.open() as gazetteer:
        assert capital_as_government(text, start, start + len(name), gazetteer) is expected


def test_extract_news_unnamed_doer_is_the_other_side_of_the_war(pipeline: Pipeline) -> None:
    """Victims named as one side of a known war ("Ukrainian soldiers"): the
    unnamed doer is the other side, not the victims' own army."""
    events = _events(pipeline, "During the day, four Ukrainian soldiers were wounded in the east.")
    first = events[0]
    assert first.actor1 is not None and first.actor2 is not None
    assert first.actor1.name != first.actor2.name
    assert first.actor2.name.startswith("Military Forces of Ukraine")


def test_extract_news_one_actor_never_takes_a_town_from_itself(pipeline: Pipeline) -> None:
    text = (
        "Officials admitted on Friday that Raqqa had fallen to the Islamic State a day "
        "earlier, as the militants pushed south towards the river."
    )
    first = _events(pipeline, text)[0]
    assert first.territorial == "captured"
    assert first.actor1 is not None and first.actor1.name.startswith("Islamic State")
    assert first.actor2 is None or first.actor2.name != first.actor1.name
    assert str(first.date.start) == "2017-08-24"  # a day before Friday 25 August


def test_extract_news_foreign_actors_do_not_move_the_story(pipeline: Pipeline) -> None:
    """Many US actors in a story set in Kabul: an event sentence that names
    no place is put in Afghanistan, not in the United States."""
    text = (
        "A US drone strike hit a car in Kabul on Sunday, relatives said.\n\n"
        "The US military said the car carried explosives. A US official said rockets "
        "were fired on Monday. US forces said the rockets were intercepted. "
        "The US Defense Department said it would review the strike."
    )
    rockets = [
        e for e in _events(pipeline, text) if "rockets were fired" in e.provenance[0].sentence
    ]
    assert rockets and rockets[0].place is not None
    assert rockets[0].place.country_code == "AF"


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "Gunmen on motorbikes opened fire on a queue outside a bakery in Saraqib on "
            "Monday. Two men died and a boy was wounded.",
            2,
        ),
        (
            "Unknown attackers stabbed a shopkeeper in Saraqib on Monday evening. "
            "The victim died in hospital.",
            1,
        ),
    ],
)
def test_extract_news_toll_sentence_is_the_toll_of_the_event_before(
    pipeline: Pipeline, text: str, toll: int
) -> None:
    """A sentence that only says who died (no actor, no place) gives the toll
    of the event before it; it is no second attack."""
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.count == toll


def test_extract_news_toll_sentence_with_its_own_place_is_its_own_event(
    pipeline: Pipeline,
) -> None:
    text = (
        "Gunmen on motorbikes opened fire on a queue outside a bakery in Saraqib on "
        "Monday. In Maarrat al-Numan, two men died when a shell hit their car."
    )
    events = _events(pipeline, text)
    assert len(events) == 2


def test_extract_news_another_sources_toll_stays_its_own_report(pipeline: Pipeline) -> None:
    """A figure cited to someone else is kept as a report of its own (merging
    then keeps both figures, low and high), not folded into the first."""
    text = (
        "A missile hit the crowded bus station in Saraqib on Friday, killing at least 50 "
        "people, the provincial governor said. A local radio station had earlier reported "
        "30 dead."
    )
    figures = sorted(e.fatalities.count for e in _events(pipeline, text) if e.fatalities)
    assert figures == [30, 50]


def test_extract_news_toll_sentence_never_gives_a_march_a_toll(pipeline: Pipeline) -> None:
    """Only violence takes the toll of the sentence after it: "Floods killed
    40 people" after a march is no toll of the march."""
    text = (
        "On Monday, hundreds of teachers marched in Accra to demand unpaid wages. "
        "Floods killed 40 people across the region."
    )
    march = _events(pipeline, text)[0]
    assert march.sub_event_type == "Peaceful protest"
    assert march.fatalities is None


def test_extract_news_counter_protest_is_the_second_actor(pipeline: Pipeline) -> None:
    """A protest met by a counter-protest has the counter-protesters as its
    second actor, as ACLED codes it; a protest alone has none."""
    met = (
        "On 4 May 2020, teachers rallied in Accra against the new pay scale. A "
        "counter-protest by supporters of the ministry gathered across the street."
    )
    alone = "On 4 May 2020, teachers rallied in Accra against the new pay scale."
    first = _events(pipeline, met)[0]
    assert first.actor1 is not None and first.actor2 == first.actor1
    assert _events(pipeline, alone)[0].actor2 is None


@pytest.mark.parametrize(
    "after",
    [
        "Rioters threw stones and bottles at the police.",
        "Two police officers were injured by flying stones.",
    ],
)
def test_extract_news_police_a_riot_fought_is_the_second_actor(
    pipeline: Pipeline, after: str
) -> None:
    """The police a riot fought, named in the sentence after it, are its
    second actor."""
    text = (
        "On 4 May 2020, hundreds of workers demonstrated in Accra demanding unpaid wages, "
        f"burning tyres and blocking the main road. {after}"
    )
    riots = [e for e in _events(pipeline, text) if e.event_type == "Riots"]
    assert riots and riots[0].actor2 is not None
    assert riots[0].actor2.name.startswith("Police Forces of Ghana")
