"""The Doc the extractor gets from the selective parser: the article text
exactly, the candidate sentences parsed, entities around them, sentence
boundaries everywhere, and the same events as a full parse."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument
from frontwatch.models import Article, Event
from frontwatch.nlp.prefilter import TriggerScan
from frontwatch.nlp.selective import SelectiveParser, _may_name
from frontwatch.pipeline import Pipeline, documents_from_paths
from frontwatch.settings import DEFAULT_MAX_BYTES

DEMO = Path(str(resources.files("frontwatch.data").joinpath("demo")))

STORY = (
    "Officials in Damascus met on Monday to discuss the budget. "
    "The ministers left before noon. "
    "Rebels attacked an army post near Homs on Tuesday. "
    "Rain fell across the region. "
    "Later, bankers in Paris praised the plan. "
    "Markets opened higher."
)


@pytest.fixture(scope="module")
def demo_articles() -> list[Article]:
    return [
        clean(item)
        for item in documents_from_paths([DEMO], max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(item, RawDocument)
    ]


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "  Rebels attacked the town.\n\n\nThey withdrew at night.  \n",
        "Gunmen killed two people.",
        "Nothing happened here.",
        "",
        "Troops seized the bridge—then lost it. Ça va? 5 km away, 7 wounded.\r\nMore.",
    ],
)
def test_nlp_selective_doc_text_is_the_article_text(pipeline: Pipeline, text: str) -> None:
    selected = pipeline.parser(text)
    assert selected.doc.text == text
    sentences = list(selected.doc.sents) if len(selected.doc) else []
    assert "".join(s.text_with_ws for s in sentences) == text


def test_nlp_selective_parses_only_candidate_sentences(pipeline: Pipeline) -> None:
    selected = pipeline.parser(STORY)
    doc = selected.doc
    sentences = {s.text: s for s in doc.sents}
    assert selected.candidates == 1
    attack = sentences["Rebels attacked an army post near Homs on Tuesday."]
    assert all(t.dep_ for t in attack) and all(t.lemma_ for t in attack if t.is_alpha)
    assert any(t.lemma_ == "attack" for t in attack)
    assert [s for s in doc.sents if any(t.dep_ for t in s)] == [attack]
    # Entities in the event, its neighbours and the lead; none further away.
    entities = {e.text: e.label_ for e in doc.ents}
    assert entities.get("Homs") == "GPE"
    assert entities.get("Damascus") == "GPE"
    assert "Paris" not in entities
    for entity in doc.ents:
        assert STORY[entity.start_char : entity.end_char] == entity.text
    starts = [STORY.index(s) for s in sentences]
    assert starts == sorted(starts) and len(sentences) == 6


def test_nlp_selective_without_candidates_only_tokenizes(pipeline: Pipeline) -> None:
    selected = pipeline.parser("The market was calm. Prices held steady in Lagos.")
    assert not selected.has_candidates
    assert selected.entity_ranges == ()
    assert list(selected.doc.ents) == []
    assert not any(t.dep_ or t.tag_ for t in selected.doc)
    assert len(list(selected.doc.sents)) == 2


def test_nlp_selective_context_window_is_configurable(pipeline: Pipeline) -> None:
    scan = TriggerScan.for_model(pipeline.nlp)
    none = SelectiveParser(pipeline.nlp, scan, context=0, lead=0)(STORY)
    every = SelectiveParser(pipeline.nlp, scan, context=None)(STORY)
    assert {e.text for e in none.doc.ents} >= {"Homs"}
    assert "Damascus" not in {e.text for e in none.doc.ents}
    assert {"Homs", "Damascus", "Paris"} <= {e.text for e in every.doc.ents}


def test_nlp_selective_entities_agree_with_the_full_parse(
    pipeline: Pipeline, demo_articles: list[Article]
) -> None:
    same = total = 0
    for article in demo_articles:
        selected = pipeline.parser(article.text)
        full = pipeline.nlp(article.text)
        expected = {
            (e.start_char, e.end_char, e.label_)
            for e in full.ents
            if any(low <= e.start_char < high for low, high in selected.entity_ranges)
        }
        got = {(e.start_char, e.end_char, e.label_) for e in selected.doc.ents}
        same += len(expected & got)
        total += max(len(expected), len(got))
    assert total > 500
    assert same / total >= 0.97


def _key(event: Event) -> tuple[object, ...]:
    place = event.place
    return (
        event.event_id,
        event.sub_event_type,
        (place.name, place.admin1, place.country, place.geo_precision) if place else None,
        event.date,
        event.actor1.name if event.actor1 else None,
        event.actor2.name if event.actor2 else None,
        event.fatality_count,
        event.flags,
        event.provenance[0].start,
        event.provenance[0].end,
    )


def test_nlp_selective_same_events_as_a_full_parse(
    pipeline: Pipeline, demo_articles: list[Article]
) -> None:
    """The demo corpus gives the same events either way (a sentence boundary
    the parser draws differently in a shorter stretch may move one)."""
    full = [
        pipeline.extractor.extract(a, d)
        for a, d in zip(
            demo_articles, pipeline.nlp.pipe([a.text for a in demo_articles]), strict=True
        )
    ]
    selective = pipeline.process_many(demo_articles)
    expected = {_key(e) for events in full for e in events}
    got = {_key(e) for events in selective for e in events}
    assert len(expected) > 100
    differing = sorted(map(str, expected ^ got))
    assert len(expected & got) / len(expected | got) >= 0.97, differing[:6]


def test_nlp_selective_articles_without_candidates_have_no_events(
    pipeline: Pipeline, demo_articles: list[Article]
) -> None:
    """Skipping the extractor on them loses nothing: a full parse finds no
    event statement in them either."""
    texts = [
        *(a.text for a in demo_articles),
        "The central bank kept rates unchanged on Thursday, citing stable prices.",
        "Fans cheered as the team arrived in Kano for the final.",
    ]
    articles = [
        Article(article_id=f"t{i}", raw=t, raw_format="text", text=t) for i, t in enumerate(texts)
    ]
    quiet = [a for a in articles if not pipeline.parser(a.text).has_candidates]
    assert len(quiet) >= 2
    for article in quiet:
        assert pipeline.extractor.extract(article, pipeline.nlp(article.text)) == []


@pytest.mark.parametrize(
    ("sentence", "may_name"),
    [
        ("The army later said it had lost contact with them.", False),
        ("He said the talks would go on.", False),
        ("It was not clear who fired first.", False),
        ("The town lies 30 km from Aleppo.", True),  # a capitalised word after the first
        ("Residents fled towards Kharkiv overnight.", True),
        ("Aleppo was quiet again on the next day.", True),  # a name as the first word
        ("Fighting went on all night.", True),  # not a function word: kept, to be safe
        ("42 - 17", False),
    ],
)
def test_nlp_selective_context_needs_a_capitalised_word(
    pipeline: Pipeline, sentence: str, may_name: bool
) -> None:
    doc = pipeline.nlp.make_doc(sentence)
    assert _may_name(doc[:], pipeline.nlp) is may_name


def test_nlp_selective_context_only_where_the_candidate_names_no_place(
    pipeline: Pipeline,
) -> None:
    scan = TriggerScan.for_model(pipeline.nlp)
    parser = SelectiveParser(pipeline.nlp, scan, context=1, lead=1)
    lead = "The region has been tense for weeks."
    placed = (
        f"{lead} Officials met in Geneva on Monday. "
        "Gunmen attacked a checkpoint in Mosul, killing two soldiers. "
        "Ministers later flew to Baghdad."
    )
    unplaced = (
        f"{lead} Officials met in Geneva on Monday. "
        "Gunmen attacked a checkpoint, killing two soldiers. "
        "Ministers later flew to Baghdad."
    )
    with_place = {e.text for e in parser(placed).doc.ents}
    without_place = {e.text for e in parser(unplaced).doc.ents}
    assert "Mosul" in with_place
    assert not {"Geneva", "Baghdad"} & with_place  # its own place is enough
    assert {"Geneva", "Baghdad"} <= without_place  # the context may say where
