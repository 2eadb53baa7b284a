"""Bad input is yielded as a clear InputError and the batch goes on."""

from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest.readers import RawDocument, iter_documents

BODY = "Rebels shelled the outskirts of the city overnight, residents said.\n"


def _read_with_good_neighbour(
    tmp_path: Path, bad: Path, **kwargs: int
) -> tuple[InputError, RawDocument]:
    """Read ``bad`` between two good files; the good ones must come through."""
    before, after = tmp_path / "0_before.txt", tmp_path / "9_after.txt"
    before.write_text(BODY, encoding="utf-8")
    after.write_text(BODY, encoding="utf-8")
    items = list(iter_documents([before, bad, after], **kwargs))
    assert len(items) == 3
    assert isinstance(items[0], RawDocument) and isinstance(items[2], RawDocument)
    error = items[1]
    assert isinstance(error, InputError), error
    assert error.origin == str(bad)
    return error, items[2]


def test_ingest_readers_empty_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "is empty" in str(error)


def test_ingest_readers_whitespace_only_file(tmp_path: Path) -> None:
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b"  \n\n\t \n")
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "is empty" in str(error)


def test_ingest_readers_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "binary" in str(error)


def test_ingest_readers_binary_file_of_control_characters(tmp_path: Path) -> None:
    bad = tmp_path / "controls.txt"
    bad.write_bytes(bytes(range(1, 32)) * 40)  # valid ASCII, but not text
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "binary" in str(error)
    assert "control characters" in str(error)


def test_ingest_readers_random_bytes_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "noise.txt"
    bad.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(1, 4000) if (i * 7919 + 13) % 256))
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "binary" in str(error) or "encoding could not be detected" in str(error)


def test_ingest_readers_file_over_limit(tmp_path: Path) -> None:
    bad = tmp_path / "long.txt"
    bad.write_text(BODY * 50, encoding="utf-8")
    size = bad.stat().st_size
    error, _ = _read_with_good_neighbour(tmp_path, bad, max_bytes=1000)
    message = str(error)
    assert f"{size:,} bytes" in message
    assert "limit of 1,000 bytes" in message
    assert "raise the limit" in message


def test_ingest_readers_50_mb_file_rejected_without_reading(tmp_path: Path) -> None:
    bad = tmp_path / "huge.txt"
    with bad.open("wb") as handle:
        chunk = BODY.encode("utf-8") * 16_384
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    started = time.perf_counter()
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    elapsed = time.perf_counter() - started
    assert "larger than the limit of 5,000,000 bytes" in str(error)
    # Reading and decoding 50 MB takes far longer than a stat().
    assert elapsed < 0.5


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_ingest_readers_legacy_encoding_decoded(tmp_path: Path, codec: str) -> None:
    text = (
        "Señor Martínez, the mayor of the town, said the café near the préfecture was "
        "damaged when the rebels fired on the naïve crowd gathered on the quay. " * 3
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(codec))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert item.content == text
    assert item.encoding in ("cp1252", "latin_1")


def test_ingest_readers_cp1252_punctuation_decoded(tmp_path: Path) -> None:
    text = "The army’s “operation” began at dawn — officials said it would last days.\n"
    path = tmp_path / "quotes.txt"
    path.write_bytes(text.encode("cp1252"))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert item.content == text
    assert item.encoding == "cp1252"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (b"", "utf-16")],
)
def test_ingest_readers_byte_order_marks(tmp_path: Path, bom: bytes, codec: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + "Troops entered the town.\n".encode(codec))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, RawDocument)
    assert item.content == "Troops entered the town.\n"


def test_ingest_readers_utf16_without_bom_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "utf16.txt"
    bad.write_bytes(BODY.encode("utf-16-le"))
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "UTF-16" in str(error)


def test_ingest_readers_jsonl_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "title": "first"}),
        '{"text": "unterminated',
        "",  # blank lines are skipped
        json.dumps({"title": "no body"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   ", "html": ""}),
        json.dumps({"text": BODY, "title": "last"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = list(iter_documents([path]))

    by_origin = {item.origin: item for item in items}
    assert sorted(by_origin) == sorted(f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7))
    assert isinstance(by_origin[f"{path}:1"], RawDocument)
    assert isinstance(by_origin[f"{path}:7"], RawDocument)
    assert "bad JSON" in str(by_origin[f"{path}:2"])
    assert "neither a 'text' nor an 'html'" in str(by_origin[f"{path}:4"])
    assert "expected an object" in str(by_origin[f"{path}:5"])
    assert "empty" in str(by_origin[f"{path}:6"])


def test_ingest_readers_jsonl_oversized_record(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"text": BODY * 100})
    path.write_text(json.dumps({"text": BODY}) + "\n" + big + "\n" + json.dumps({"text": BODY}))
    items = list(iter_documents([path], max_bytes=1000))
    assert [type(item) for item in items] == [RawDocument, InputError, RawDocument]
    assert "record is over 1,000 bytes" in str(items[1])
    assert items[2].origin == f"{path}:3"


def test_ingest_readers_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 attacked"}\n' + json.dumps({"text": BODY}).encode())
    first, second = list(iter_documents([path]))
    assert isinstance(first, InputError) and "not valid UTF-8" in str(first)
    assert isinstance(second, RawDocument)


def test_ingest_readers_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n\n")
    (error,) = list(iter_documents([path]))
    assert isinstance(error, InputError) and "no JSON records" in str(error)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_ingest_readers_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "locked.txt"
    bad.write_text(BODY)
    bad.chmod(0)
    error, _ = _read_with_good_neighbour(tmp_path, bad)
    assert "cannot read" in str(error)
