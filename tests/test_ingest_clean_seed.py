"""The seed article (a Reuters report scraped from Middle East Eye) cleans to
its headline, wire source, outlet and seven body paragraphs."""

from __future__ import annotations

from conftest import shared_path
from frontwatch.ingest.clean import clean
from frontwatch.ingest.readers import RawDocument, content_hash, iter_documents


def test_ingest_clean_seed_article() -> None:
    path = shared_path("seed", "000_a38c816c79cc4183.txt")
    (doc,) = list(iter_documents([path]))
    assert isinstance(doc, RawDocument)

    article = clean(doc)

    assert article.title == "Syrian army, allies advance against Islamic State in central Syria"
    assert article.original_source == "Reuters"
    assert article.author is None
    assert article.outlet == "Middle East Eye"
    assert article.language == "en"
    assert article.article_id == content_hash(doc.content)
    assert article.raw == doc.content

    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("The Syrian army and allied forces have captured ")
    assert paragraphs[-1].endswith("the monitoring group said.")

    (caption,) = article.captions
    assert caption.endswith("(AFP/file photo)")
    assert caption not in article.text
    for dropped in (
        "Skip to main content",
        "newsletter",
        "Sign up",
        "delivers independent",
        "republishing",
        "By Reuters",
        article.title,
        "IS has lost ground to various enemies",  # the standfirst
    ):
        assert dropped not in article.text
    assert "Skip to main content" in article.removed_lines
    assert "By Reuters" in article.removed_lines
    assert article.title in article.removed_lines

    # Nothing is lost: every line of the raw text is in the body, the title,
    # a caption or the removed lines.
    kept = {article.title, *article.captions, *article.removed_lines, *paragraphs}
    for line in doc.content.splitlines():
        if line.strip():
            assert line.strip() in kept
