"""Near-duplicate articles: wire copies republished by many outlets.

A wire story reaches the store many times, each copy with its own headline,
trims and site furniture. Copies are found in two steps: MinHash signatures
of word 4-gram shingles, split into LSH bands, give candidates cheaply (the
store indexes the band keys, so a new article is compared with a handful of
stored ones, not all of them); the exact shingle containment of the cleaned
texts then confirms a candidate. Containment (shared shingles over the
shorter text's) rather than resemblance, because a trimmed copy is mostly
contained in the full story.

A story is a set of copies linked by confirmed pairs; its root is the copy
published first (then the smallest article id), so the same articles give the
same story whatever order they arrive in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy

SHINGLE_WORDS = 4
NUM_HASHES = 64
BAND_ROWS = 2  # 32 bands of 2 rows: pairs with 20% resemblance are found 3 times in 4
MIN_SHINGLES = 12  # shorter texts are never called copies: too little to tell
COPY_CONTAINMENT = 0.6  # share of the shorter copy's shingles found in the other

_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"[^\W_]+")


def _seeded(index: int, salt: str) -> int:
    digest = hashlib.blake2b(f"{salt}:{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % _MERSENNE


# Fixed hash family h_i(x) = (a_i * x + b_i) mod p: signatures are comparable
# across runs and machines.
_A = tuple(_seeded(i, "a") | 1 for i in range(NUM_HASHES))
_B = tuple(_seeded(i, "b") for i in range(NUM_HASHES))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    article_id: str
    published: dt.date | None
    shingles: frozenset[int]  # 64-bit hashes of the word 4-grams
    signature: tuple[int, ...]  # MinHash, NUM_HASHES values
    # LSH band keys: two copies share at least one with high probability.
    # Computed once (the merge compares every batch article with every
    # candidate, and hashing the bands each time cost more than the MinHash).
    bands: tuple[str, ...] = ()


def band_keys(signature: Sequence[int]) -> tuple[str, ...]:
    keys = []
    for band, start in enumerate(range(0, NUM_HASHES, BAND_ROWS)):
        rows = ",".join(str(v) for v in signature[start : start + BAND_ROWS])
        keys.append(hashlib.blake2b(f"{band}:{rows}".encode(), digest_size=8).hexdigest())
    return tuple(keys)


def shingles(text: str) -> frozenset[int]:
    tokens = [t.lower() for t in _WORD.findall(text)]
    grams = (
        " ".join(tokens[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(tokens) - SHINGLE_WORDS + 1))
    )
    return frozenset(
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
        for g in grams
        if g
    )


def fingerprint(article_id: str, text: str, published: dt.date | None = None) -> Fingerprint:
    grams = shingles(text)
    signature = minhash(grams) if grams else (0,) * NUM_HASHES
    return Fingerprint(article_id, published, grams, signature, band_keys(signature))


def minhash(grams: Iterable[int]) -> tuple[int, ...]:
    """min over the shingles of (a_i * x + b_i) mod p, for each i, computed
    exactly in 64-bit numpy arithmetic (the same values as Python's big
    integers give, so stored band keys stay valid)."""
    values = _mod_p(numpy.fromiter(grams, dtype=numpy.uint64))
    lowest = numpy.full(NUM_HASHES, _P, dtype=numpy.uint64)
    # In blocks, so a very long text never needs a huge NUM_HASHES x n array.
    for start in range(0, len(values), _BLOCK):
        x = values[start : start + _BLOCK]
        hashed = _mod_p(_mulmod(_A_ARRAY[:, None], x[None, :]) + _B_ARRAY[:, None])
        lowest = numpy.minimum(lowest, hashed.min(axis=1))
    return tuple(int(v) for v in lowest)


_P = numpy.uint64(_MERSENNE)
_A_ARRAY = numpy.array(_A, dtype=numpy.uint64)
_B_ARRAY = numpy.array(_B, dtype=numpy.uint64)
_LOW31 = numpy.uint64((1 << 31) - 1)
_LOW30 = numpy.uint64((1 << 30) - 1)
_BLOCK = 8192


def _mod_p(values: numpy.ndarray) -> numpy.ndarray:
    """values mod 2^61 - 1, for any uint64 values."""
    folded = (values & _P) + (values >> numpy.uint64(61))  # < 2^61 + 8
    return numpy.where(folded >= _P, folded - _P, folded)


def _mulmod(a: numpy.ndarray, x: numpy.ndarray) -> numpy.ndarray:
    """a * x mod 2^61 - 1 for a, x < 2^61, without overflowing 64 bits: split
    each factor at bit 31 and use 2^61 = 1 (mod p)."""
    a1, a0 = a >> numpy.uint64(31), a & _LOW31
    x1, x0 = x >> numpy.uint64(31), x & _LOW31
    high = (a1 * x1) << numpy.uint64(1)  # a1*x1*2^62 = 2*a1*x1; < 2^61
    middle = a1 * x0 + a0 * x1  # < 2^62, times 2^31:
    middle = (middle >> numpy.uint64(30)) + ((middle & _LOW30) << numpy.uint64(31))
    return _mod_p(_mod_p(high + middle) + _mod_p(a0 * x0))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set found in the other (0 for tiny texts)."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    return a.article_id != b.article_id and containment(a.shingles, b.shingles) >= COPY_CONTAINMENT


def story_key(published: dt.date | None, article_id: str) -> tuple[dt.date, str]:
    """Sort key of a story's copies: the first published is the root."""
    return (published or dt.date.max, article_id)


def stories(
    published: Mapping[str, dt.date | None], links: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """article_id -> root article_id of its story (itself when it has no copy).

    ``published`` holds every article concerned (article id -> date)."""
    parent = {article_id: article_id for article_id in published}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for article_id in parent:
        groups.setdefault(find(article_id), []).append(article_id)
    roots: dict[str, str] = {}
    for members in groups.values():
        root = min(members, key=lambda m: story_key(published[m], m))
        for member in members:
            roots[member] = root
    return roots


def copy_links(fingerprints: Sequence[Fingerprint]) -> list[tuple[str, str]]:
    """Confirmed copy pairs among these fingerprints (LSH candidates, then
    exact containment). For a batch held in memory; the store does the same
    with its band index."""
    by_band: dict[str, list[Fingerprint]] = {}
    for item in fingerprints:
        for key in item.bands:
            by_band.setdefault(key, []).append(item)
    seen: set[tuple[str, str]] = set()
    links: list[tuple[str, str]] = []
    for bucket in by_band.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                pair = (min(a.article_id, b.article_id), max(a.article_id, b.article_id))
                if pair in seen:
                    continue
                seen.add(pair)
                if is_copy(a, b):
                    links.append(pair)
    return sorted(links)
