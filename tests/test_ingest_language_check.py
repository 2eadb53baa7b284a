"""The English check: other languages are refused with the reason, short
English texts pass."""

from __future__ import annotations

import pytest

from frontwatch.errors import InputError, UnsupportedLanguageError
from frontwatch.ingest.clean import clean
from frontwatch.ingest.language import check_english, guess_language
from frontwatch.ingest.readers import RawDocument

FRENCH = (
    "Des hommes armés ont attaqué un poste de police dans le nord du pays dans la nuit "
    "de samedi à dimanche, tuant trois agents, selon une source sécuritaire. Les "
    "assaillants sont arrivés à moto et ont incendié plusieurs véhicules avant de prendre "
    "la fuite vers la frontière."
)
SPANISH = (
    "Un grupo de hombres armados atacó el domingo una comisaría en el norte del país y "
    "mató a tres agentes, según una fuente de seguridad. Los atacantes llegaron en motos "
    "y quemaron varios vehículos antes de huir hacia la frontera."
)
ARABIC = (
    "هاجم مسلحون مركزا للشرطة في شمال البلاد ليلة السبت وقتلوا ثلاثة من عناصره، بحسب "
    "مصدر أمني. ووصل المهاجمون على دراجات نارية وأحرقوا عددا من السيارات قبل أن يفروا "
    "نحو الحدود."
)
ENGLISH = (
    "Gunmen attacked a police post in the north of the country on Saturday night and "
    "killed three officers, a security source said. The attackers arrived on motorbikes "
    "and set fire to several vehicles before they fled towards the border."
)


@pytest.mark.parametrize(
    ("text", "named"),
    [(FRENCH, "French"), (SPANISH, "Spanish"), (ARABIC, "Arabic script")],
)
def test_ingest_language_check_refuses_other_languages(text: str, named: str) -> None:
    guess = guess_language(text)
    assert not guess.is_english
    assert guess.other_language == named
    with pytest.raises(UnsupportedLanguageError, match=named) as caught:
        check_english(text, origin="story.txt")
    assert isinstance(caught.value, InputError)
    assert caught.value.origin == "story.txt"


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        "Clashes near Aleppo",
        "Two soldiers killed in Homs.",
        "Curfew lifted in Beni",
        # An English report quoting a French slogan stays English.
        ENGLISH + " Protesters chanted « la France dehors » outside the embassy.",
    ],
)
def test_ingest_language_check_accepts_english(text: str) -> None:
    guess = check_english(text)
    assert guess.is_english
    assert "English" in guess.reason


def test_ingest_language_check_clean_refuses_french_article() -> None:
    doc = RawDocument(
        origin="fr.txt", content=f"Attaque dans le nord\n\n{FRENCH}\n", raw_format="text"
    )
    with pytest.raises(UnsupportedLanguageError, match="only English is supported"):
        clean(doc)
