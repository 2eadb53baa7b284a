"""Bytes to text: byte-order marks, UTF-8, then a confident guess or a clear error.

A wrong guess silently corrupts names and places, so a legacy encoding is only
accepted when ``charset_normalizer`` finds a decoding with (almost) no garbled
characters; otherwise the file is refused with a message saying how to fix it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from frontwatch.errors import InputError

# charset_normalizer's "chaos" is the share of the decoded text that looks
# garbled; above this the guess is not trusted.
CONFIDENT_CHAOS = 0.1
# Candidates this close to the best one are ties, broken by PREFERRED_LEGACY.
CHAOS_TIE = 0.01
# English news in a legacy encoding is nearly always Windows-1252 (or its
# subset Latin-1); charset_normalizer often reports a sibling code page that
# decodes the same bytes differently (ñ as ń), so these win a tie.
PREFERRED_LEGACY = ("cp1252", "latin_1")
# Text has few control characters; a share above this means a binary file.
MAX_CONTROL_SHARE = 0.02
# Unicode category Cc minus the whitespace controls (tab, newlines, form feed).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONVERT_HINT = "convert it to UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8 FILE)"


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # codec name used: "utf-8", "utf-8-sig", "utf-16", "cp1252", ...


def decode_bytes(data: bytes, *, origin: str = "") -> DecodedText:
    """Decode ``data`` or raise :class:`InputError` saying why it is not text."""
    decoded = _decode_with_bom(data, origin)
    if decoded is None:
        if b"\x00" in data:
            raise InputError(
                "looks like a binary file (it contains NUL bytes), not text; if it is "
                "UTF-16 text without a byte-order mark, convert it to UTF-8",
                origin=origin,
            )
        try:
            decoded = DecodedText(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            decoded = _detect_legacy(data, origin)
    _reject_control_characters(decoded.text, origin)
    return decoded


def _decode_with_bom(data: bytes, origin: str) -> DecodedText | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (byte {exc.start}); the file may be truncated or damaged",
                    origin=origin,
                ) from exc
            return DecodedText(text.lstrip("\ufeff"), codec)
    return None


def _detect_legacy(data: bytes, origin: str) -> DecodedText:
    matches = [m for m in charset_normalizer.from_bytes(data) if m.chaos <= CONFIDENT_CHAOS]
    if not matches:
        raise InputError(
            "is not UTF-8 and its encoding could not be detected with confidence "
            f"(it may be a binary file); {_CONVERT_HINT}",
            origin=origin,
        )
    best_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best_chaos + CHAOS_TIE]
    for codec in PREFERRED_LEGACY:
        if any(codec in m.could_be_from_charset for m in tied):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError:
                continue
    best = min(tied, key=lambda m: m.chaos)
    return DecodedText(str(best), best.encoding)


def _reject_control_characters(text: str, origin: str) -> None:
    if not text:
        return
    share = len(_CONTROL_CHARACTERS.findall(text)) / len(text)
    if share > MAX_CONTROL_SHARE:
        raise InputError(
            f"looks like a binary file ({share:.0%} control characters), not text",
            origin=origin,
        )
