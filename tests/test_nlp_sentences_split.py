"""The cheap sentence splitter used where the parser does not run."""

from __future__ import annotations

from itertools import pairwise

import pytest

from frontwatch.nlp.sentences import split_sentences
from frontwatch.nlp.spacy_model import load_model
from frontwatch.settings import load_settings


def _split(text: str) -> list[str]:
    doc = load_model(load_settings().model).make_doc(text)
    return [doc[s.start : s.end].text for s in split_sentences(doc)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Troops arrived. They left.", ["Troops arrived.", "They left."]),
        ("Did they leave? Yes! Then quiet.", ["Did they leave?", "Yes!", "Then quiet."]),
        # Abbreviations stay whole in spaCy's tokens, so they end nothing.
        (
            "Gen. Smith met U.S. envoys. Talks ended.",
            ["Gen. Smith met U.S. envoys.", "Talks ended."],
        ),
        # A closing quote stays with its sentence; an opening one starts the next.
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ('It ended. "We won," he said.', ["It ended.", '"We won," he said.']),
        # A quoted question followed by "he said" is one sentence.
        ('"Why now?" he asked.', ['"Why now?" he asked.']),
        # A paragraph break always splits; a wrapped line does not.
        ("First part\n\nSecond part", ["First part\n\n", "Second part"]),
        ("The convoy was\nattacked at dawn.", ["The convoy was\nattacked at dawn."]),
        ("Casualties rose.\nAid arrived.", ["Casualties rose.\n", "Aid arrived."]),
        ("The road is 3.5 km long.", ["The road is 3.5 km long."]),
        ("", []),
    ],
)
def test_nlp_sentences_split_table(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


@pytest.mark.parametrize(
    "text",
    ["  Leading space. And more.", "Trailing space.   ", "One.\n\n\nTwo.\n", "No end mark"],
)
def test_nlp_sentences_split_covers_every_token(text: str) -> None:
    doc = load_model(load_settings().model).make_doc(text)
    spans = split_sentences(doc)
    assert spans[0].start == 0 and spans[-1].end == len(doc)
    assert all(a.end == b.start for a, b in pairwise(spans))
    assert "".join(doc[s.start : s.end].text_with_ws for s in spans) == text
