"""The attribute table gives what the model's own attribute_ruler gives."""

from __future__ import annotations

from importlib import resources

import numpy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from frontwatch.nlp.attributes import AttributeTable, use_attribute_table
from frontwatch.nlp.spacy_model import load_full_pipeline, load_model
from frontwatch.settings import load_settings

COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# Sentences of our own for the rules that look at more than one token or at
# the dependency: contractions, "gonna", "let's", "y'all", "there are", do
# as a main verb, "but" as an adverb, determiners standing alone.
RULE_CASES = [
    "They ain't gonna leave the town, and y'all know it.",
    "Let's go, the commander said; c'mon, we gotta move.",
    "There are two checkpoints and there's a third one north of the bridge.",
    "Did they do it? They did, but only after the shelling had stopped.",
    "He says that this is what those who fled wanted, nothin' more.",
    "I saw it myself, and it hit me; you told them and they told you.",
    "The militia gets weapons and got money whenever it asks.",
    "Troops were killed  \n\n  in   the attack.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    model = load_settings().model
    return load_full_pipeline(model), load_model(model)


def _demo_texts() -> list[str]:
    folder = resources.files("frontwatch.data") / "demo"
    return [
        entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".txt", ".html"))
    ]


def test_nlp_attributes_pipeline_uses_the_table(pipelines: tuple[Language, Language]) -> None:
    ruler_nlp, table_nlp = pipelines
    assert isinstance(ruler_nlp.get_pipe("attribute_ruler"), AttributeRuler)
    table = table_nlp.get_pipe("attribute_ruler")
    assert isinstance(table, AttributeTable)
    # The trigger prefilter reads the lemma patterns through the table.
    assert table.patterns == ruler_nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]


@pytest.mark.parametrize("source", ["rule cases", "demo corpus"])
def test_nlp_attributes_same_as_the_ruler(
    pipelines: tuple[Language, Language], source: str
) -> None:
    ruler_nlp, table_nlp = pipelines
    texts = RULE_CASES if source == "rule cases" else _demo_texts()
    compared = 0
    for expected, got in zip(ruler_nlp.pipe(texts), table_nlp.pipe(texts), strict=True):
        assert [t.text for t in expected] == [t.text for t in got]
        want, have = expected.to_array(COMPARED), got.to_array(COMPARED)
        for i in numpy.flatnonzero((want != have).any(axis=1)):
            token_e, token_g = expected[int(i)], got[int(i)]
            pytest.fail(
                f"{token_e.text!r}: ruler {token_e.tag_}/{token_e.pos_}/{token_e.morph}/"
                f"{token_e.lemma_}, table {token_g.tag_}/{token_g.pos_}/{token_g.morph}/"
                f"{token_g.lemma_}"
            )
        compared += len(expected)
    assert compared > (50 if source == "rule cases" else 10_000)


def test_nlp_attributes_multi_token_rules_apply(pipelines: tuple[Language, Language]) -> None:
    """The rules on two tokens reach the right one ("gonna": "gon" -> go,
    "na" -> to)."""
    _, table_nlp = pipelines
    doc = table_nlp("They are gonna leave.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go"
    assert lemmas["na"] == "to"


def test_nlp_attributes_pipeline_without_ruler_is_left_alone() -> None:
    nlp = load_full_pipeline(load_settings().model)
    nlp.remove_pipe("attribute_ruler")
    names = list(nlp.pipe_names)
    use_attribute_table(nlp)
    assert nlp.pipe_names == names
