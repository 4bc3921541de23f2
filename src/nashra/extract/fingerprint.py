"""Fingerprints for duplicates: an exact key and a MinHash signature with LSH bands.

Both are computed on the *match* form of the body, so copies that differ only in
diacritics, hamza forms, digits or tatweel are still the same text. The LSH bands are
plain integers so they can live in an indexed database column: near-duplicate lookup
scales with the database, not with memory.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from nashra.text.normalize import match_form

NUM_PERM = 128
SHINGLE = 5  # words per shingle, as FineWeb
THRESHOLD = 0.5  # REFERENCE §2: 0.5 catches truncations and boilerplate-padded copies
BANDS, ROWS = _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


@dataclass
class Fingerprint:
    body_hash: str  # sha1 of the match-form body: equal ⇒ exact duplicate
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values
    bands: list[int]  # BANDS signed 63-bit keys for LSH lookup



def words_of(body: Sequence[str]) -> list[str]:
    return match_form(" ".join(body)).split()


def fingerprint(body: Sequence[str]) -> Fingerprint:
    words = words_of(body)
    body_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    if len(words) < SHINGLE:
        shingles = [" ".join(words)]
    else:
        shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    mh = _TEMPLATE.copy()
    mh.update_batch([s.encode("utf-8") for s in shingles])
    values = mh.hashvalues.astype(np.uint32)
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
