"""Fingerprints for duplicates: an exact key and a MinHash signature with LSH bands.

Both are computed on the *match* form of the body, so copies that differ only in
diacritics, hamza forms, digits or tatweel are still the same text. The LSH bands are
plain integers so they can live in an indexed database column: near-duplicate lookup
scales with the database, not with memory.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch.lsh import _optimal_param

from nashra.text.normalize import match_form

NUM_PERM = 128
SHINGLE = 5  # words per shingle, as FineWeb
THRESHOLD = 0.5  # REFERENCE §2: 0.5 catches truncations and boilerplate-padded copies
BANDS, ROWS = _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
# MinHash with multiply-shift hashing (a·h + b mod 2^64, top 32 bits): a universal family
# that needs no modulo, so numpy computes all 128 permutations of a document at once.
# The seed fixes a and b: stored signatures stay comparable only while it stays.
_RNG = np.random.default_rng(20261129)
_PERM_A = _RNG.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_PERM_B = _RNG.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_SHIFT = np.uint64(32)
_MAX32 = np.uint64(0xFFFFFFFF)
# Shingle hash = a polynomial over its words' crc32 values; odd 32-bit multipliers.
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1], dtype=np.uint64)[
    :SHINGLE
]


@dataclass
class Fingerprint:
    body_hash: str  # sha1 of the match-form body: equal ⇒ exact duplicate
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values
    bands: list[int]  # BANDS signed 63-bit keys for LSH lookup


def words_of(body: Sequence[str]) -> list[str]:
    return match_form(" ".join(body)).split()


def shingle_hashes(words: Sequence[str]) -> np.ndarray:
    """32-bit hashes of the word 5-grams, each word hashed once (numpy, no per-shingle Python)."""
    if not words:
        return np.zeros(1, dtype=np.uint64)
    w = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    if len(w) < SHINGLE:
        return np.array([int((w * _MIX[: len(w)]).sum() & _MAX32)], dtype=np.uint64)
    n = len(w) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        acc += w[i : i + n] * _MIX[i]
    return acc & _MAX32


def fingerprint(body: Sequence[str]) -> Fingerprint:
    words = words_of(body)
    body_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    hashes = shingle_hashes(words)
    values = (
        ((np.outer(_PERM_A, hashes) + _PERM_B[:, None]) >> _SHIFT).min(axis=1).astype(np.uint32)
    )
    bands = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(struct.pack("<H", band) + chunk, digest_size=8).digest()
        bands.append(int.from_bytes(digest, "little", signed=True) >> 1)
    return Fingerprint(body_hash=body_hash, signature=values.tobytes(), bands=bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    va = np.frombuffer(a, dtype=np.uint32)
    vb = np.frombuffer(b, dtype=np.uint32)
    if len(va) != len(vb) or not len(va):
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)
