"""Integrity of the editable cleaning rules and word lists."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from frontwatch.errors import ConfigError
from frontwatch.ingest.boilerplate import RULES_FILE, load_rules, parse_rules
from frontwatch.ingest.language import load_function_words

RULES = load_rules()


@pytest.mark.parametrize(
    ("kind", "example"),
    [(rule.kind, example) for rule in RULES.boilerplate for example in rule.examples],
)
def test_ingest_boilerplate_data_examples_match_their_kind(kind: str, example: str) -> None:
    assert RULES.boilerplate_kind(example) == kind


def test_ingest_boilerplate_data_every_rule_has_examples() -> None:
    assert all(rule.examples for rule in RULES.boilerplate)
    assert RULES.blurb_examples and RULES.copyright_examples and RULES.captions.examples


@pytest.mark.parametrize("sentence", RULES.must_keep + RULES.captions.must_keep)
def test_ingest_boilerplate_data_body_sentences_are_kept(sentence: str) -> None:
    assert RULES.boilerplate_kind(sentence) is None
    assert RULES.publisher(sentence) is None
    assert not RULES.is_caption(sentence)


@pytest.mark.parametrize("example", RULES.captions.examples)
def test_ingest_boilerplate_data_caption_examples(example: str) -> None:
    assert RULES.is_caption(example)


@pytest.mark.parametrize(("text", "outlet"), [(e.text, e.outlet) for e in RULES.blurb_examples])
def test_ingest_boilerplate_data_blurb_examples(text: str, outlet: str) -> None:
    assert RULES.publisher(text) == outlet


@pytest.mark.parametrize(("text", "outlet"), [(e.text, e.outlet) for e in RULES.copyright_examples])
def test_ingest_boilerplate_data_copyright_examples(text: str, outlet: str) -> None:
    assert RULES.boilerplate_kind(text) == "copyright"
    assert RULES.copyright_holder(text) == outlet


def test_ingest_boilerplate_data_wire_services_unambiguous() -> None:
    names = [service.name for service in RULES.wire_services]
    assert len(names) == len(set(names))
    seen: dict[str, str] = {}
    for service in RULES.wire_services:
        assert service.aliases, service.name
        for alias in service.aliases:
            assert seen.setdefault(alias.casefold(), service.name) == service.name, alias
            assert RULES.wire_service(alias) == service.name


def test_ingest_boilerplate_data_bad_rules_raise_config_error() -> None:
    text = resources.files("frontwatch.data").joinpath(RULES_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    data["boilerplate"][0]["patterns"].append("(unclosed")
    with pytest.raises(ConfigError, match=RULES_FILE):
        parse_rules(yaml.safe_dump(data))
    with pytest.raises(ConfigError, match="version"):
        parse_rules("version: 2\n")


def test_ingest_boilerplate_data_function_words() -> None:
    words = load_function_words()
    assert {"the", "of", "and", "said"} <= words.english
    assert {"French", "Spanish", "Portuguese", "German"} <= set(words.others)
    for name, vocabulary in words.others.items():
        assert len(vocabulary) >= 8, name
        assert not vocabulary & words.english, name
