"""The vectorised MinHash gives exactly the values of the textbook formula
(h_i(x) = (a_i * x + b_i) mod 2^61 - 1 over Python integers), so band keys
stored by earlier versions stay valid."""

from __future__ import annotations

import random

import pytest

from frontwatch.merge import dedup


def _reference(grams: frozenset[int]) -> tuple[int, ...]:
    return tuple(
        min((a * x + b) % dedup._MERSENNE for x in grams)
        for a, b in zip(dedup._A, dedup._B, strict=True)
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merge_dedup_minhash_matches_big_integer_formula(seed: int) -> None:
    rng = random.Random(seed)
    grams = frozenset(rng.getrandbits(64) for _ in range(500))
    assert dedup.minhash(grams) == _reference(grams)


def test_merge_dedup_minhash_extreme_values() -> None:
    grams = frozenset({0, 1, dedup._MERSENNE - 1, dedup._MERSENNE, (1 << 64) - 1, 1 << 63})
    assert dedup.minhash(grams) == _reference(grams)


def test_merge_dedup_minhash_long_text_in_blocks() -> None:
    rng = random.Random(7)
    grams = frozenset(rng.getrandbits(64) for _ in range(dedup._BLOCK * 2 + 11))
    assert dedup.minhash(grams) == _reference(grams)


def test_merge_dedup_fingerprint_bands_match_signature() -> None:
    fp = dedup.fingerprint("a", "one two three four five six seven eight nine ten " * 3)
    assert fp.bands == dedup.band_keys(fp.signature)
    assert len(fp.bands) == dedup.NUM_HASHES // dedup.BAND_ROWS
