"""HTML pages: main text and metadata with trafilatura, plus what trafilatura
drops but the cleaner needs (the standfirst to keep out of the text, photo
captions to keep beside it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml.etree import LxmlError
from lxml.html import HtmlElement

from frontwatch.errors import InputError

# A page giving fewer words than this is broken or not an article.
MIN_WORDS = 5
# Only a date the page states for itself: htmldate's extensive search guesses
# from any date in the page, and a wrong publication date shifts every
# relative date ("on Saturday") in the story.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura refuses a bare fragment ("<p>...</p>"), as a JSON record's
# "html" field often is; such input is wrapped in a document first.
_DOCUMENT_START = re.compile(r"<(html|body|!doctype)\b", re.IGNORECASE)
_CLASS_PARTS = re.compile(r"[-_]+")
_MAX_STANDFIRSTS = 4


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str  # trafilatura's main text, one paragraph a line
    title: str | None
    author: str | None
    published: date | None
    sitename: str | None
    url: str | None
    standfirsts: tuple[str, ...]  # the page's summary under the headline
    captions: tuple[str, ...]  # <figcaption> texts


def extract_html(
    html: str, *, standfirst_classes: frozenset[str], url: str | None = None, origin: str = ""
) -> HtmlExtract:
    """Main text and metadata of a page; InputError if it has no article text."""
    # Imported here: trafilatura takes a tenth of a second to import, and
    # most inputs are not HTML (start-up to the first stored event counts).
    import trafilatura
    from trafilatura.utils import load_html

    if not _DOCUMENT_START.search(html[:4096]):
        html = f"<html><body><div>{html}</div></body></html>"
    try:
        tree = load_html(html)
    except (LxmlError, ValueError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}", origin=origin) from exc
    if tree is None:
        raise InputError("HTML could not be parsed (not a document)", origin=origin)
    # Read before trafilatura runs: it prunes the tree in place.
    standfirsts = _standfirsts(tree, standfirst_classes)
    captions = _texts(tree.xpath("//figcaption"))
    # trafilatura drops a one-word author such as "Reuters", which names the
    # wire service; the meta tag is read here to keep it.
    meta_author = _meta_author(tree)
    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (LxmlError, ValueError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}", origin=origin) from exc
    document = result if result is not None and not isinstance(result, dict) else None
    text = (document.text or "") if document is not None else ""
    words = len(text.split())
    if document is None or words < MIN_WORDS:
        raise InputError(
            f"no article text could be extracted from the HTML ({words} words found); "
            "the page may be broken, truncated or not an article",
            origin=origin,
        )
    description = _str_or_none(document.description)
    return HtmlExtract(
        text=text,
        title=_str_or_none(document.title),
        author=_str_or_none(document.author) or meta_author,
        published=_iso_date(document.date),
        sitename=_str_or_none(document.sitename),
        url=_str_or_none(document.url),
        standfirsts=standfirsts + ((description,) if description else ()),
        captions=captions,
    )


def _standfirsts(tree: HtmlElement, classes: frozenset[str]) -> tuple[str, ...]:
    """Elements with a standfirst class, and an <h2> right after the <h1>."""
    found: list[HtmlElement] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if _has_class(element, classes):
            found.append(element)
        elif element.tag == "h1":
            following = element.getnext()
            if following is not None and following.tag == "h2":
                found.append(following)
        if len(found) >= _MAX_STANDFIRSTS:
            break
    return _texts(found)


def _meta_author(tree: HtmlElement) -> str | None:
    for name in ("author", "byl", "dc.creator", "article:author"):
        for value in tree.xpath(f"//meta[@name='{name}' or @property='{name}']/@content"):
            text = " ".join(str(value).split())
            text = re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
            if text and "/" not in text:  # article:author is often a profile URL
                return text
    return None


def _has_class(element: HtmlElement, classes: frozenset[str]) -> bool:
    for token in (element.get("class") or "").lower().split():
        if token in classes or any(part in classes for part in _CLASS_PARTS.split(token)):
            return True
    return False


def _texts(elements: list[HtmlElement]) -> tuple[str, ...]:
    texts = (" ".join(element.text_content().split()) for element in elements)
    return tuple(text for text in texts if text)


def _str_or_none(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
