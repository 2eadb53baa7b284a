"""Reading one article or JSON lines from a stream, sniffing the format."""

from __future__ import annotations

import io
import json

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.readers import STDIN_ORIGIN, RawDocument, read_stdin

TEXT = "Gunmen attacked a police post in the north on Sunday, killing three officers.\n"
HTML = "<!doctype html><html><body><article><p>" + TEXT + "</p></article></body></html>"
FEED = "\n".join(json.dumps({"text": TEXT, "title": f"story {n}"}) for n in (1, 2)) + "\n"


@pytest.mark.parametrize(
    ("content", "raw_format"),
    [
        (TEXT, "text"),
        (HTML, "html"),
        ("\n  <div><p>" + TEXT + "</p></div>", "html"),
        ("<Reuters> is not a tag opening an article.\n" + TEXT, "text"),
    ],
)
def test_ingest_stdin_sniffs_single_document(content: str, raw_format: str) -> None:
    (item,) = list(read_stdin(io.BytesIO(content.encode("utf-8"))))
    assert isinstance(item, RawDocument)
    assert item.raw_format == raw_format
    assert item.origin == STDIN_ORIGIN
    assert item.content == content


def test_ingest_stdin_sniffs_jsonl() -> None:
    items = list(read_stdin(io.BytesIO(FEED.encode("utf-8"))))
    assert [item.origin for item in items] == [f"{STDIN_ORIGIN}:1", f"{STDIN_ORIGIN}:2"]
    assert all(isinstance(item, RawDocument) and item.content == TEXT for item in items)


def test_ingest_stdin_accepts_text_streams() -> None:
    (item,) = list(read_stdin(io.StringIO(TEXT)))
    assert isinstance(item, RawDocument) and item.content == TEXT


def test_ingest_stdin_format_override() -> None:
    (item,) = list(read_stdin(io.BytesIO(HTML.encode()), raw_format="text"))
    assert isinstance(item, RawDocument) and item.raw_format == "text"
    with pytest.raises(ValueError, match="raw_format"):
        list(read_stdin(io.BytesIO(b"x"), raw_format="pdf"))


def test_ingest_stdin_jsonl_streams_past_the_sniffed_head() -> None:
    # Far more than the bytes read to sniff the format, with a record
    # straddling that boundary.
    records = [json.dumps({"text": TEXT + "x" * (n % 977)}) for n in range(400)]
    items = list(read_stdin(io.BytesIO(("\n".join(records) + "\n").encode())))
    assert len(items) == 400
    assert all(isinstance(item, RawDocument) for item in items)


def test_ingest_stdin_errors() -> None:
    (empty,) = list(read_stdin(io.BytesIO(b"")))
    assert isinstance(empty, InputError) and "empty" in str(empty)
    (large,) = list(read_stdin(io.BytesIO(TEXT.encode() * 100), max_bytes=500))
    assert isinstance(large, InputError) and "limit of 500 bytes" in str(large)
