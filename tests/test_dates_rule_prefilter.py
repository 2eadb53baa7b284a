"""The one-pass keyword scan picks the same date rules as each rule's own
``may_match``."""

from __future__ import annotations

import pytest

from frontwatch.dates.expressions import ALL_RULES, _rules_for

TEXTS = [
    "",
    "The convoy was hit on Tuesday, three days after the truce of 12 March 2021.",
    "Fighting resumed late last week and again this morning near the border.",
    "In mid-2019 the group said it had held the town since the 1990s.",
    "Two weeks ago, on the night of 4/5 June, shelling killed a farmer.",
    "No date is given in this sentence about the blockade.",
    "YESTERDAY'S RAID CAME A MONTH BEFORE THE ELECTION, IN LATE SEPTEMBER.",
    "The attack took place on or about 3 Jan (approximately), a day earlier than reported.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_dates_rule_prefilter_same_rules_as_may_match(text: str) -> None:
    lowered = text.lower()
    expected = [rule for rule in ALL_RULES if rule.may_match(lowered)]
    assert _rules_for(lowered) == expected


def test_dates_rule_prefilter_skips_rules() -> None:
    """The scan is a filter: a text without any keyword runs only the rules
    that have none."""
    assert len(_rules_for("nothing here")) < len(ALL_RULES)
