"""RawDocument to Article: extract the body (trafilatura for HTML), split off
masthead, headline, standfirst, byline, captions and boilerplate, and check
that the text is English."""

from __future__ import annotations

from datetime import date

from frontwatch.errors import InputError
from frontwatch.ingest.boilerplate import CleaningRules, load_rules
from frontwatch.ingest.html import extract_html
from frontwatch.ingest.language import check_english
from frontwatch.ingest.layout import lay_out
from frontwatch.ingest.readers import RawDocument, content_hash
from frontwatch.models import Article


def clean(doc: RawDocument, *, published: date | None = None, source: str | None = None) -> Article:
    """The Article for ``doc``. ``published`` and ``source`` (the outlet)
    override what the document says. Raises InputError (no article text) or
    its subclass UnsupportedLanguageError (not English)."""
    rules = load_rules()
    captions: tuple[str, ...] = ()
    standfirsts: tuple[str, ...] = ()
    if doc.raw_format == "html":
        page = extract_html(
            doc.content,
            standfirst_classes=rules.html_standfirst_classes,
            url=doc.url,
            origin=doc.origin,
        )
        body, url = page.text, doc.url or page.url
        title, author = doc.title or page.title, doc.author or page.author
        stated_date, outlet = doc.published or page.published, doc.outlet or page.sitename
        captions, standfirsts = page.captions, page.standfirsts
    elif doc.raw_format == "text":
        body, url, title, author = doc.content, doc.url, doc.title, doc.author
        stated_date, outlet = doc.published, doc.outlet
    else:
        raise InputError(f"unknown raw_format {doc.raw_format!r}", origin=doc.origin)

    layout = lay_out(
        body,
        rules,
        known_title=title,
        known_outlets=[name for name in (source, outlet) if name],
        known_standfirsts=standfirsts,
    )
    if not layout.body:
        raise InputError(
            "no article text left after removing headline, captions and boilerplate",
            origin=doc.origin,
        )
    check_english(layout.text, origin=doc.origin)
    original_source, author = _sources(layout.original_source, author or layout.author, rules)
    return Article(
        article_id=content_hash(doc.content),
        raw=doc.content,
        raw_format=doc.raw_format,
        text=layout.text,
        title=layout.title,
        url=url,
        published=published or stated_date,
        outlet=source or outlet or layout.outlet,
        original_source=original_source,
        author=author,
        origin=doc.origin,
        captions=_unique(captions + layout.captions),
        removed_lines=tuple(removed.line for removed in layout.removed),
        language="en",
    )


def _sources(
    byline_sources: str | None, author: str | None, rules: CleaningRules
) -> tuple[str | None, str | None]:
    """(original_source, author): an "author" that is a wire service
    ("Reuters" in page metadata) is the original source instead."""
    if author is not None:
        wire = rules.wire_service(author)
        if wire is not None:
            return byline_sources or wire, None
    return byline_sources, author


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
