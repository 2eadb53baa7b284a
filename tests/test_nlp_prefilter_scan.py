"""The trigger scan that picks the sentences to parse: it must let through
every sentence the full pipeline finds a trigger in (never the other way
round), and should let through few others."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from conftest import shared_path
from frontwatch.extract.triggers import TriggerLexicon
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument
from frontwatch.nlp.prefilter import Inflections, TriggerScan
from frontwatch.nlp.spacy_model import load_model
from frontwatch.pipeline import documents_from_paths
from frontwatch.settings import DEFAULT_MAX_BYTES, load_settings

DEMO = Path(str(resources.files("frontwatch.data").joinpath("demo")))

# A lexicon written for these tests, so that they do not move with the
# packaged one: a verb with irregular forms, a multi-word phrase with a
# hyphen, and an entry that needs a cue elsewhere in the sentence.
LEXICON = """
- {phrase: fight, sub: Armed clash}
- {phrase: seize, sub: "@territory", territorial: captured}
- {phrase: sit-in, sub: Peaceful protest}
- {phrase: body, sub: Attack, requires: '\\b(?:found|recovered)\\b'}
"""


@pytest.fixture(scope="module")
def scan() -> TriggerScan:
    nlp = load_model(load_settings().model)
    return TriggerScan(TriggerLexicon.from_yaml(LEXICON).entries, Inflections.of_model(nlp))


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("fight", {"fight", "fights", "fighting", "fought"}),
        ("seize", {"seize", "seizes", "seized", "seizing"}),
        ("carry", {"carries", "carried"}),
        ("take", {"took", "taken", "takes"}),
        ("militia", {"militias"}),
    ],
)
def test_nlp_prefilter_inflections_from_the_model(lemma: str, forms: set[str]) -> None:
    inflections = Inflections.of_model(load_model(load_settings().model))
    assert forms <= inflections.forms(lemma)


def test_nlp_prefilter_without_lemmatizer_matches_words_as_written() -> None:
    assert Inflections.none().forms("fight") == frozenset({"fight"})


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels fought government troops overnight.", True),
        ("FIGHTING resumed near the airport.", True),
        ("The army seized two villages.", True),
        ("Students staged a sit-in at the ministry.", True),
        ("A body was found near the river.", True),
        ("The body of the report lists the budget.", False),  # the cue is missing
        ("Firefighters were praised by the mayor.", False),  # not a whole word
        ("The weather was mild on Tuesday.", False),
        ("Students sat in the ministry hall.", False),  # "sit" without "in" as one phrase
        ("", False),
    ],
)
def test_nlp_prefilter_candidate_sentences(
    scan: TriggerScan, sentence: str, expected: bool
) -> None:
    assert scan.may_trigger(sentence) is expected


def _missed(texts: list[str]) -> tuple[list[str], int]:
    """Sentences the full pipeline finds a packaged trigger in but the scan
    rejects, and how many trigger sentences there were."""
    nlp = load_model(load_settings().model)
    lexicon = TriggerLexicon.packaged()
    scan = TriggerScan.for_model(nlp, lexicon)
    missed: list[str] = []
    found = 0
    for doc in nlp.pipe(texts):
        for sentence in doc.sents:
            if lexicon.find(sentence):
                found += 1
                if not scan.may_trigger(sentence.text):
                    missed.append(sentence.text)
    return missed, found


def test_nlp_prefilter_misses_no_trigger_sentence_of_the_demo_corpus() -> None:
    texts = [
        clean(item).text
        for item in documents_from_paths([DEMO], max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(item, RawDocument)
    ]
    missed, found = _missed(texts)
    assert found > 100
    assert missed == []


def test_nlp_prefilter_misses_no_trigger_sentence_of_the_voa_corpus() -> None:
    path = shared_path("corpus", "voa_stories.jsonl")
    texts = [
        clean(item).text
        for item in documents_from_paths([path], max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(item, RawDocument)
    ]
    missed, found = _missed(texts)
    assert found > 300
    assert missed == []
