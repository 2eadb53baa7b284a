"""Reading .txt, .html and .jsonl files and directories into RawDocuments."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.readers import (
    RawDocument,
    content_hash,
    iter_documents,
    parse_published,
)

BODY = "Two soldiers were killed in an ambush near the border on Monday, officials said.\n"


def _documents(items: list[RawDocument | InputError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def _errors(items: list[RawDocument | InputError]) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


@pytest.mark.parametrize(
    ("name", "raw_format"),
    [("story.txt", "text"), ("page.html", "html"), ("page.htm", "html"), ("STORY.TXT", "text")],
)
def test_ingest_readers_format_from_suffix(tmp_path: Path, name: str, raw_format: str) -> None:
    path = tmp_path / name
    path.write_text(BODY, encoding="utf-8")
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert item.raw_format == raw_format
    assert item.content == BODY
    assert item.origin == str(path)
    assert item.encoding == "utf-8"


def test_ingest_readers_directory_walk_sorted_recursive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for relative in ["b/2.txt", "a/1.html", "z.txt", "a/0.txt", ".hidden/x.txt", ".dot.txt"]:
        (tmp_path / relative).write_text(BODY, encoding="utf-8")
    # Unknown types inside a directory are skipped without an error.
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / "README").write_text("not an article", encoding="utf-8")

    items = list(iter_documents([tmp_path]))

    assert _errors(items) == []
    origins = [Path(doc.origin).relative_to(tmp_path).as_posix() for doc in _documents(items)]
    assert origins == ["a/0.txt", "a/1.html", "b/2.txt", "z.txt"]


def test_ingest_readers_explicit_unknown_suffix_is_error(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 something")
    (error,) = list(iter_documents([path]))
    assert isinstance(error, InputError)
    assert error.origin == str(path)
    assert "unsupported file type '.pdf'" in str(error)


def test_ingest_readers_missing_path_is_error_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    items = list(iter_documents([tmp_path / "absent.txt", good]))
    assert [type(item) for item in items] == [InputError, RawDocument]
    assert "no such file" in str(items[0])


def test_ingest_readers_jsonl_fields(tmp_path: Path) -> None:
    records = [
        {
            "text": BODY,
            "title": "Ambush near the border",
            "url": "https://example.org/a",
            "published": "2025-03-14 20:30:26Z",
            "source": "Example Times",
            "author": "Sam Example",
        },
        {"html": "<p>" + BODY + "</p>", "published": "2024-01-02"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")

    first, second = list(iter_documents([path]))

    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.origin == f"{path}:1"
    assert (first.raw_format, first.content) == ("text", BODY)
    assert first.title == "Ambush near the border"
    assert first.url == "https://example.org/a"
    assert first.published == date(2025, 3, 14)
    assert first.outlet == "Example Times"
    assert first.author == "Sam Example"
    assert second.origin == f"{path}:2"
    assert second.raw_format == "html"
    assert second.published == date(2024, 1, 2)


def test_ingest_readers_jsonl_prefers_text_over_html(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "html": "<p>other</p>"}) + "\n")
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert (item.raw_format, item.content) == ("text", BODY)


def test_ingest_readers_jsonl_bad_published_kept_with_note(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "published": "last Tuesday"}) + "\n")
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert item.published is None
    assert any("published ignored" in note for note in item.notes)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14", date(2025, 3, 14)),
        ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
        ("2025-03-14T23:30:00+05:00", date(2025, 3, 14)),  # the outlet's own date, not UTC
        (" 2019-11-02T08:00:00 ", date(2019, 11, 2)),
    ],
)
def test_ingest_readers_parse_published(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["14/03/2025", "yesterday", "2025-13-01", ""])
def test_ingest_readers_parse_published_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_published(value)


def test_ingest_readers_content_hash_normalises_whitespace() -> None:
    digest = content_hash("Line one\nLine two")
    assert len(digest) == 16
    assert int(digest, 16) >= 0
    assert content_hash("  Line one\r\nLine two\n\n") == digest
    assert content_hash("Line one\rLine two") == digest
    assert content_hash("Line one\nLine three") != digest
