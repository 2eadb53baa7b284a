"""HTML pages: trafilatura text and metadata, standfirst and captions kept
out of the text, broken pages refused with a clear error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument, iter_documents

PARAGRAPHS = (
    "Gunmen on motorbikes attacked a village in the Tillaberi region on Sunday, killing "
    "at least seven civilians, the local mayor said.",
    "The attackers set fire to granaries and drove off livestock before soldiers arrived "
    "from a base about 40 km away, residents said.",
)


def _html_doc(
    content: str, *, outlet: str | None = None, published: date | None = None
) -> RawDocument:
    return RawDocument(
        origin="page.html", content=content, raw_format="html", outlet=outlet, published=published
    )


def test_ingest_clean_html_page(fixtures_dir: Path) -> None:
    (doc,) = list(iter_documents([fixtures_dir / "ingest" / "article_page.html"]))
    assert isinstance(doc, RawDocument)

    article = clean(doc)

    assert article.raw_format == "html"
    assert article.raw == doc.content
    assert article.title == "Drone strike hits fuel depot in Kherson region"
    assert article.outlet == "Dnipro Evening Courier"
    assert article.author == "Marta Example"
    assert article.published == date(2023, 8, 19)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("A drone struck a fuel depot")
    # The standfirst (class "article__dek"), the caption, the promo and the
    # page furniture stay out of the text.
    assert "took most of the night" not in article.text
    assert article.captions == (
        "Firefighters at a depot near the river port last year (Courier/file photo)",
    )
    for junk in ("Skip to main content", "Sign up", "All rights reserved", "Home", "Economy"):
        assert junk not in article.text


def test_ingest_clean_html_metadata_from_document_wins() -> None:
    page = (
        "<html><head><meta property='og:site_name' content='Page Site'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    article = clean(_html_doc(page, outlet="Feed Outlet", published=date(2021, 6, 1)))
    assert article.outlet == "Feed Outlet"
    assert article.published == date(2021, 6, 1)


def test_ingest_clean_html_fragment_is_wrapped() -> None:
    article = clean(_html_doc("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:1])))
    assert article.text == PARAGRAPHS[0]


def test_ingest_clean_html_wire_author_is_original_source() -> None:
    page = (
        "<html><head><meta name='author' content='Reuters'></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article></body></html>"
    )
    article = clean(_html_doc(page))
    assert article.original_source == "Reuters"
    assert article.author is None


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><div><p>unclosed",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_ingest_clean_html_broken_page_is_an_error(page: str) -> None:
    with pytest.raises(InputError, match="no article text could be extracted") as caught:
        clean(_html_doc(page))
    assert caught.value.origin == "page.html"
