"""The editable cleaning rules (``data/boilerplate.yaml``) and the line tests
built on them: boilerplate, publisher blurbs, photo captions, wire services."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from frontwatch.errors import ConfigError
from frontwatch.yaml_data import load_yaml

RULES_FILE = "boilerplate.yaml"
# Aliases this short ("AP", "AFP", "dpa") are matched with their exact case, so
# that the word "ap" or "Aa" in a byline is not taken for an agency.
_EXACT_CASE_ALIAS_LENGTH = 4


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    kind: str  # "navigation", "newsletter", "copyright", ...
    patterns: tuple[re.Pattern[str], ...]
    max_words: int
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BlurbExample:
    text: str
    outlet: str


@dataclass(frozen=True, slots=True)
class WireService:
    name: str  # what Article.original_source gets ("AP")
    aliases: tuple[str, ...]  # how bylines write it ("Associated Press")


@dataclass(frozen=True, slots=True)
class CaptionRules:
    prefixes: tuple[re.Pattern[str], ...]
    suffixes: tuple[re.Pattern[str], ...]
    credit_words: re.Pattern[str]
    photo_agencies: frozenset[str]  # casefolded
    max_words: int
    examples: tuple[str, ...]
    must_keep: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CleaningRules:
    boilerplate: tuple[BoilerplateRule, ...]
    must_keep: tuple[str, ...]
    blurbs: tuple[re.Pattern[str], ...]
    blurb_max_words: int
    blurb_examples: tuple[BlurbExample, ...]
    copyright_holders: tuple[re.Pattern[str], ...]
    copyright_examples: tuple[BlurbExample, ...]
    html_standfirst_classes: frozenset[str]
    captions: CaptionRules
    wire_services: tuple[WireService, ...]

    def boilerplate_kind(self, line: str) -> str | None:
        """The kind of boilerplate ``line`` is, or None for a content line."""
        words = len(line.split())
        for rule in self.boilerplate:
            if words <= rule.max_words and any(p.search(line) for p in rule.patterns):
                return rule.kind
        return None

    def publisher(self, line: str) -> str | None:
        """The outlet a publisher blurb names ("X delivers independent ...")."""
        if len(line.split()) > self.blurb_max_words:
            return None
        return _first_outlet(self.blurbs, line)

    def copyright_holder(self, line: str) -> str | None:
        """The outlet a copyright line names ("© 2024 X. All rights reserved.")."""
        if len(line.split()) > self.blurb_max_words:
            return None
        return _first_outlet(self.copyright_holders, line)

    def is_caption(self, line: str) -> bool:
        rules = self.captions
        if len(line.split()) > rules.max_words:
            return False
        if any(p.search(line) for p in rules.prefixes):
            return True
        if any(p.search(line) for p in rules.suffixes):
            return True
        credit = _FINAL_PARENTHESIS.search(line)
        if credit is None or credit.start() == 0:
            return False
        content = credit.group("credit").strip()
        agency = content.split("/")[0].strip().casefold()
        return agency in rules.photo_agencies or bool(rules.credit_words.search(content))

    def wire_service(self, name: str) -> str | None:
        """The canonical name of the wire service ``name`` spells, if any."""
        return _alias_index(self.wire_services).get(_alias_key(name.strip()))


def _first_outlet(patterns: tuple[re.Pattern[str], ...], line: str) -> str | None:
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return match.group("outlet").strip()
    return None


# A parenthesis closing the line, optionally followed by a full stop.
_FINAL_PARENTHESIS = re.compile(r"\((?P<credit>[^()]{1,80})\)\s*\.?\s*$")


def _alias_key(alias: str) -> str:
    return alias if len(alias) <= _EXACT_CASE_ALIAS_LENGTH else alias.casefold()


@cache
def _alias_index(services: tuple[WireService, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for service in services:
        for alias in (service.name, *service.aliases):
            index[_alias_key(alias)] = service.name
    return index


@cache
def load_rules() -> CleaningRules:
    """The packaged rules (read once)."""
    text = resources.files("frontwatch.data").joinpath(RULES_FILE).read_text("utf-8")
    return parse_rules(text)


def parse_rules(text: str) -> CleaningRules:
    """Rules from YAML text; ConfigError says what is wrong with it."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{RULES_FILE}: not valid YAML: {exc}") from exc
    try:
        return _build_rules(data)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigError(f"{RULES_FILE}: {type(exc).__name__}: {exc}") from exc


def _build_rules(data: Any) -> CleaningRules:
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError("expected a mapping with version: 1")
    boilerplate = tuple(
        BoilerplateRule(
            kind=str(entry["kind"]),
            patterns=_compile_all(entry["patterns"], re.IGNORECASE),
            max_words=int(entry.get("max_words", 50)),
            examples=_strings(entry.get("examples", [])),
        )
        for entry in data["boilerplate"]
    )
    blurbs = data["publisher_blurbs"]
    blurb_patterns = _outlet_patterns(blurbs["patterns"])
    holders = data["copyright_holders"]
    captions = data["captions"]
    credit_words = _strings(captions["credit_words"])
    caption_rules = CaptionRules(
        prefixes=_compile_all(captions["prefixes"], re.IGNORECASE),
        suffixes=_compile_all(captions["suffixes"], re.IGNORECASE),
        credit_words=re.compile(
            r"\b(" + "|".join(re.escape(w) for w in credit_words) + r")\b", re.IGNORECASE
        ),
        photo_agencies=frozenset(a.casefold() for a in _strings(captions["photo_agencies"])),
        max_words=int(captions.get("max_words", 70)),
        examples=_strings(captions.get("examples", [])),
        must_keep=_strings(captions.get("must_keep", [])),
    )
    wires = tuple(
        WireService(name=str(entry["name"]), aliases=_strings(entry["aliases"]))
        for entry in data["wire_services"]
    )
    return CleaningRules(
        boilerplate=boilerplate,
        must_keep=_strings(data.get("must_keep", [])),
        blurbs=blurb_patterns,
        blurb_max_words=int(blurbs.get("max_words", 90)),
        blurb_examples=_outlet_examples(blurbs.get("examples", [])),
        copyright_holders=_outlet_patterns(holders["patterns"]),
        copyright_examples=_outlet_examples(holders.get("examples", [])),
        html_standfirst_classes=frozenset(
            c.lower() for c in _strings(data.get("html_standfirst_classes", []))
        ),
        captions=caption_rules,
        wire_services=wires,
    )


def _outlet_patterns(patterns: Any) -> tuple[re.Pattern[str], ...]:
    compiled = _compile_all(patterns, 0)
    for pattern in compiled:
        if "outlet" not in pattern.groupindex:
            raise ValueError(f"outlet pattern without (?P<outlet>...): {pattern.pattern}")
    return compiled


def _outlet_examples(entries: Any) -> tuple[BlurbExample, ...]:
    return tuple(BlurbExample(text=str(e["text"]), outlet=str(e["outlet"])) for e in entries)


def _strings(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError(f"expected a list of strings, got {type(values).__name__}")
    for value in values:
        if not isinstance(value, str):
            # An unquoted "Photo: X" in YAML becomes a mapping.
            raise TypeError(f"expected a string, got {value!r} (quote it in the YAML)")
    return tuple(values)


def _compile_all(patterns: Any, flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in _strings(patterns))
