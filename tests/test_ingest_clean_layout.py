"""Plain-text structure: headline, standfirst, byline, dateline, captions,
boilerplate and publisher blurbs, on fixture articles and rule tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.boilerplate import load_rules
from frontwatch.ingest.byline import parse_byline, split_dateline
from frontwatch.ingest.clean import clean
from frontwatch.ingest.layout import lay_out, split_paragraphs
from frontwatch.ingest.readers import RawDocument, iter_documents
from frontwatch.models import Article


def _clean_fixture(fixtures_dir: Path, name: str) -> tuple[RawDocument, Article]:
    (doc,) = list(iter_documents([fixtures_dir / "ingest" / name]))
    assert isinstance(doc, RawDocument)
    return doc, clean(doc)


def _assert_nothing_lost(doc: RawDocument, article: Article) -> None:
    kept = " ".join([article.title or "", *article.captions, *article.removed_lines, article.text])
    for line in doc.content.splitlines():
        for word in line.split():
            assert word.rstrip("-") in kept, word


def test_ingest_clean_layout_scraped_page(fixtures_dir: Path) -> None:
    doc, article = _clean_fixture(fixtures_dir, "wire_byline_page.txt")

    assert article.title == "Militants attack army base near Lake Chad, killing nine soldiers"
    assert article.author == "Lena Example"
    assert article.original_source == "AFP"
    assert article.outlet == "The Harbour Ledger"  # from the publisher blurb
    assert article.captions == (
        "Soldiers patrol a road outside the garrison town in 2022 (Reuters/file photo)",
    )
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Militants stormed an army base")
    assert paragraphs[-1].startswith("Residents said hundreds")
    for removed in (
        "THE HARBOUR LEDGER",  # masthead
        "Home > World > Africa",
        "Breaking",
        "The assault is the third on the garrison since January, local officials say",
        "By Lena Example, Agence France-Presse",
        "Most read",
        "1. Ferry capsizes on the Niger river",
        "Share this article",
        "© 2024 Harbour Ledger. All rights reserved.",
    ):
        assert removed in article.removed_lines
        assert removed not in article.text
    _assert_nothing_lost(doc, article)


def test_ingest_clean_layout_source_and_published_overrides(fixtures_dir: Path) -> None:
    (doc,) = list(iter_documents([fixtures_dir / "ingest" / "wire_byline_page.txt"]))
    assert isinstance(doc, RawDocument)

    article = clean(doc, published=date(2024, 5, 7), source="Override Daily")
    assert article.published == date(2024, 5, 7)
    assert article.outlet == "Override Daily"


def test_ingest_clean_layout_wire_dateline(fixtures_dir: Path) -> None:
    doc, article = _clean_fixture(fixtures_dir, "dateline_report.txt")

    assert article.title == "Clan militia retakes town from insurgents in central Somalia"
    assert article.original_source == "Reuters"
    assert article.text.startswith("Clan militias backed by government troops retook")
    assert "BELEDWEYNE, Somalia, Sept 12 (Reuters) -" in article.removed_lines
    assert "Reporting by" not in article.text
    assert len(article.text.split("\n\n")) == 3
    _assert_nothing_lost(doc, article)


def test_ingest_clean_layout_hard_wrapped_text(fixtures_dir: Path) -> None:
    doc, article = _clean_fixture(fixtures_dir, "hard_wrapped.txt")

    paragraphs = article.text.split("\n\n")
    assert article.title == "Protesters block highway in southern city over fuel shortages"
    assert len(paragraphs) == 3
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert "main highway into the southern city of Aden" in paragraphs[0]
    assert "anti-government agitators" in paragraphs[1]
    _assert_nothing_lost(doc, article)


def test_ingest_clean_layout_short_lines_are_not_joined() -> None:
    text = "Headline about a raid\n\nShort one.\nShort two.\nA third short line.\n"
    assert split_paragraphs(text, lambda _line: False) == [
        "Headline about a raid",
        "Short one.",
        "Short two.",
        "A third short line.",
    ]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Troops entered\nthe town on Monday.", ["Troops entered the town on Monday."]),
        ("Troops shelled the\nTown Hall on Monday.", ["Troops shelled the Town Hall on Monday."]),
        ("Curfew lifted in Beni\nThe army said the town was calm.", None),
        ("By Jane Example\nthe army said the town was calm.", None),
    ],
)
def test_ingest_clean_layout_broken_lines_rejoined(text: str, paragraphs: list[str] | None) -> None:
    expected = paragraphs if paragraphs is not None else text.split("\n")
    rules = load_rules()

    def is_structural(line: str) -> bool:
        return parse_byline(line, rules) is not None

    assert split_paragraphs(text, is_structural) == expected


def test_ingest_clean_layout_one_short_paragraph_a_line_is_not_unwrapped() -> None:
    lines = [f"Paragraph {n} says troops advanced on the town, officials said." for n in range(6)]
    assert split_paragraphs("\n".join(lines), lambda _line: False) == lines


def test_ingest_clean_layout_known_title_line_dropped() -> None:
    rules = load_rules()
    body = (
        "Curfew imposed after clashes\n"
        "Authorities imposed a curfew on the town after two days of clashes, police said.\n"
        "Shops stayed closed on Friday.\n"
    )
    layout = lay_out(body, rules, known_title="Curfew imposed after clashes")
    assert layout.title == "Curfew imposed after clashes"
    assert layout.body[0].startswith("Authorities imposed a curfew")


def test_ingest_clean_layout_first_sentence_is_not_a_headline() -> None:
    layout = lay_out(
        "Police said two people were killed.\nThe town was calm on Friday.\n", load_rules()
    )
    assert layout.title is None
    assert len(layout.body) == 2


def test_ingest_clean_layout_only_boilerplate_is_an_error() -> None:
    doc = RawDocument(
        origin="x.txt", content="Skip to main content\nShare this article\n", raw_format="text"
    )
    with pytest.raises(InputError, match="no article text left"):
        clean(doc)


@pytest.mark.parametrize(
    ("line", "author", "sources"),
    [
        ("By Reuters", None, ("Reuters",)),
        ("By AFP", None, ("AFP",)),
        ("By Associated Press", None, ("AP",)),
        ("By The Associated Press", None, ("AP",)),
        ("By Jane Doe, Reuters", "Jane Doe", ("Reuters",)),
        ("By Jane Doe and Omar al-Example | AFP", "Jane Doe and Omar al-Example", ("AFP",)),
        ("By Jane Doe (AP)", "Jane Doe", ("AP",)),
        ("By AFP and Reuters", None, ("AFP", "Reuters")),
        ("By Jane Doe in Beirut", "Jane Doe", ()),
        ("By Jane Doe | 14 March 2024", "Jane Doe", ()),
        ("BY SAM EXAMPLE", "SAM EXAMPLE", ()),
        ("By Delta News Agency", None, ("Delta News Agency",)),
        ("Reuters", None, ("Reuters",)),
        ("— AFP", None, ("AFP",)),
        ("Source: Agence France-Presse", None, ("AFP",)),
    ],
)
def test_ingest_clean_layout_bylines(
    line: str, author: str | None, sources: tuple[str, ...]
) -> None:
    byline = parse_byline(line, load_rules())
    assert byline is not None
    assert (byline.author, byline.sources) == (author, sources)


@pytest.mark.parametrize(
    "line",
    [
        "By Saturday evening the rebels had withdrawn from two villages.",
        "By contrast, the north was calm.",
        "Reuters could not verify the report.",
        "Kyiv Evening Wire",  # a masthead, not an agency
        "The army said the attack was repelled.",
    ],
)
def test_ingest_clean_layout_not_bylines(line: str) -> None:
    assert parse_byline(line, load_rules()) is None


@pytest.mark.parametrize(
    ("paragraph", "rest", "sources"),
    [
        (
            "KABUL (Reuters) - Gunmen attacked a checkpoint.",
            "Gunmen attacked a checkpoint.",
            ("Reuters",),
        ),
        ("(AFP) — Gunmen attacked a checkpoint.", "Gunmen attacked a checkpoint.", ("AFP",)),
        ("GAZA CITY, Nov 3 (AP) - Strikes hit a camp.", "Strikes hit a camp.", ("AP",)),
        ("MOSUL, Iraq (AP) Strikes hit a camp.", "Strikes hit a camp.", ("AP",)),
    ],
)
def test_ingest_clean_layout_datelines(paragraph: str, rest: str, sources: tuple[str, ...]) -> None:
    dateline = split_dateline(paragraph, load_rules())
    assert dateline is not None
    assert (dateline.rest, dateline.sources) == (rest, sources)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The state news agency (SANA) - citing a military source - reported the strike.",
        "Fighters of the Syrian Democratic Forces (SDF) - a Kurdish-led alliance - advanced.",
        "Officials (AP) said the town fell.",
        "Mosul (AFP) remains tense.",
    ],
)
def test_ingest_clean_layout_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph, load_rules()) is None


@pytest.mark.parametrize(
    ("line", "is_caption"),
    [
        ("Soldiers rest beside a tank outside the town (AFP/file photo)", True),
        ("Families queue for bread in the camp (Reuters)", True),
        ("A burned car in the market square (Photo: Example Agency)", True),
        ("FILE PHOTO: Smoke rises over the port", True),
        ("Image caption, Residents inspect a damaged house", True),
        ("The monitor said (Reuters could not verify this).", False),
        ("Fighters of the Syrian Democratic Forces (SDF) entered the town.", False),
        ("The picture on the ground remains unclear, officials said.", False),
    ],
)
def test_ingest_clean_layout_captions(line: str, is_caption: bool) -> None:
    assert load_rules().is_caption(line) is is_caption


def test_ingest_clean_layout_publisher_blurb_only_at_the_foot() -> None:
    rules = load_rules()
    sentence = "Example Agency is a state news agency that often reports such raids."
    body = [f"Paragraph {n} says troops advanced on the town, officials said." for n in range(12)]
    early = lay_out("\n\n".join([body[0], sentence, *body[1:]]), rules)
    assert sentence in early.body
    assert early.outlet is None
    late = lay_out("\n\n".join([*body, sentence]), rules)
    assert sentence not in late.body
    assert late.outlet == "Example Agency"
