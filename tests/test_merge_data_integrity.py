"""The editable rule files of merging and control load, cover the taxonomy,
and refuse malformed content with a ConfigError."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from frontwatch.control.claims import AreaWords, load_area_words
from frontwatch.errors import ConfigError
from frontwatch.extract.taxonomy import EVENT_TYPE_OF
from frontwatch.merge.rules import MergeRules, families_compatible, load_rules


def _merge_yaml() -> dict[str, Any]:
    text = resources.files("frontwatch.data").joinpath("merge.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def test_merge_data_every_sub_event_type_has_one_family() -> None:
    rules = load_rules()
    assert set(rules.family_of_sub_event) == set(EVENT_TYPE_OF)


def test_merge_data_region_and_two_sided_families_exist() -> None:
    rules = load_rules()
    families = set(rules.family_of_sub_event.values()) | set(rules.family_of_territorial.values())
    assert rules.region_families <= families
    assert rules.two_sided_families <= families
    # forces_apart only narrows what compatible families allow.
    assert rules.forces_apart
    for armed, other in rules.forces_apart:
        assert families_compatible(armed, other, rules)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["families"]["fighting"].append("Dance-off"), "unknown sub-event type"),
        (lambda d: d["families"]["remote"].append("Armed clash"), "in two families"),
        (lambda d: d["families"].pop("other"), "without a family"),
        (lambda d: d["compatible"].append(["fighting", "picnic"]), "unknown family"),
        (lambda d: d["region_families"].append("picnic"), "unknown families"),
        (lambda d: d["forces_apart"].append(["fighting", "picnic"]), "unknown family"),
        (lambda d: d.pop("same_place_km"), "malformed"),
    ],
)
def test_merge_data_malformed_refused(change: Any, message: str) -> None:
    data = _merge_yaml()
    change(data)
    with pytest.raises(ConfigError, match=message):
        MergeRules.from_mapping(data)


def test_control_data_area_words_load() -> None:
    words = load_area_words()
    assert "enclave" in words.area_words and "most of" in words.partial_words
    assert words.window_words > 0
    with pytest.raises(ConfigError):
        AreaWords.from_mapping({"area_words": [], "partial_words": [], "window_words": 3})
    with pytest.raises(ConfigError):
        AreaWords.from_mapping({"area_words": ["enclave"]})
