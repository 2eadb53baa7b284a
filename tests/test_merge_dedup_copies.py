"""Wire copies: the same story with other headlines, trims and site furniture
is recognised; another outlet's own report of the same event is not."""

from __future__ import annotations

import datetime as dt

from frontwatch.merge import dedup

STORY = (
    "Government troops recaptured the desert city of Palmyra from Islamic State "
    "militants on Thursday, the army said, with the help of Russian air strikes. "
    "It was the second time the city changed hands in a year: the jihadists had "
    "retaken it in December while the army was fighting in Aleppo. Army engineers "
    "began clearing mines left in the town and around its Roman ruins, and "
    "residents who had fled were told to wait before returning home."
)
TRIMMED = (
    "Subscribe to our newsletter. Home | World. "
    + STORY.rsplit(" Army engineers", 1)[0]
    + " Share this article on social media."
)
OWN_WORDS = (
    "Syrian soldiers and allied militias retook Palmyra on Thursday after the "
    "Islamic State group pulled its fighters out under heavy bombardment, a "
    "Britain-based monitor said. The group had blown up parts of the Roman theatre "
    "during its second occupation of the city, and mines still lay in the streets."
)


def test_merge_dedup_trimmed_copy_is_a_copy() -> None:
    original = dedup.fingerprint("a", STORY, dt.date(2017, 3, 2))
    copy = dedup.fingerprint("b", TRIMMED, dt.date(2017, 3, 3))
    assert dedup.is_copy(original, copy)
    assert set(original.bands) & set(copy.bands), "the band index finds the pair"
    assert dedup.copy_links([original, copy]) == [("a", "b")]


def test_merge_dedup_other_outlet_is_not_a_copy() -> None:
    original = dedup.fingerprint("a", STORY)
    other = dedup.fingerprint("c", OWN_WORDS)
    assert not dedup.is_copy(original, other)
    assert dedup.copy_links([original, other]) == []


def test_merge_dedup_story_root_is_first_published() -> None:
    published = {"z": dt.date(2017, 3, 2), "a": dt.date(2017, 3, 3), "m": None}
    roots = dedup.stories(published, [("a", "z"), ("m", "z")])
    assert roots == {"z": "z", "a": "z", "m": "z"}
    assert dedup.stories({"x": None}, []) == {"x": "x"}


def test_merge_dedup_short_texts_are_never_copies() -> None:
    short = "Rebels seized the town."
    assert not dedup.is_copy(dedup.fingerprint("a", short), dedup.fingerprint("b", short))
