"""Viterbi decoding of label scores, shared by the CRF and the neural tagger, and the
packed order both step through a batch of sequences in."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

__all__ = ["Packing", "pack", "viterbi"]


class Packing(NamedTuple):
    """A batch of sequences stepped through position by position, without padding.

    The sequences are ordered longest first, so that at position ``t`` only the first
    ``offsets[t + 1] - offsets[t]`` of them still have a token. Row ``r`` of a packed
    array holds, for step ``t`` with ``offsets[t] <= r < offsets[t + 1]``, the token at
    position ``t`` of the ``(r - offsets[t])``-th longest sequence: every step reads and
    writes one contiguous slice (no gathers inside the loop). ``forward[r]`` is that
    token's row in the flat token order (sequences one after another); ``backward[r]``
    the row of the token at position ``t`` from the sequence's end."""

    offsets: list[int]
    forward: np.ndarray
    backward: np.ndarray


def pack(lengths: np.ndarray) -> Packing:
    """The packed order of sequences of these lengths (all at least 1)."""
    width = int(lengths.max())
    order = np.argsort(-lengths, kind="stable")
    ordered = lengths[order]
    starts = (np.cumsum(lengths) - lengths)[order]
    # active[t]: how many sequences are longer than t
    active = len(ordered) - np.searchsorted(ordered[::-1], np.arange(width), side="right")
    offsets = np.zeros(width + 1, dtype=np.intp)
    np.cumsum(active, out=offsets[1:])
    step = np.repeat(np.arange(width), active)
    nth = np.arange(int(offsets[-1])) - offsets[step]
    forward = starts[nth] + step
    backward = starts[nth] + ordered[nth] - 1 - step
    return Packing(offsets.tolist(), forward, backward)


def viterbi(emit: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> list[list[int]]:
    """Best label ids of each sequence. ``emit``: the label scores of all tokens of all
    sequences, one after another (tokens × labels); ``lengths``: each sequence's token
    count; ``trans[a, b]``: score of label a followed by b. The steps go through the
    tokens in :func:`pack` order (a batch of many documents has a few long sentences and
    many short ones: nothing is padded)."""
    n = len(lengths)
    if not n:
        return []
    offsets, forward, _ = pack(lengths)
    width = len(offsets) - 1
    packed = emit[forward].astype(np.float64)
    back = np.zeros(packed.shape, dtype=np.intp)  # by packed row
    score = packed[:n].copy()
    t = np.ascontiguousarray(trans.T)[None]  # [to, from]: reductions run along rows
    for i in range(1, width):
        a, b = offsets[i], offsets[i + 1]
        k = b - a
        cand = score[:k, None, :] + t  # sequences × to × from
        best = cand.argmax(axis=2)  # ties go to the lower label id, as in crfsuite
        back[a:b] = best
        score[:k] = np.take_along_axis(cand, best[:, :, None], axis=2)[:, :, 0] + packed[a:b]
    # A sequence's score stopped changing at its last position: it is its final score.
    last = score.argmax(axis=1)
    labels = np.empty(len(emit), dtype=np.intp)
    cur = np.zeros(n, dtype=np.intp)
    ks = [offsets[i + 1] - offsets[i] for i in range(width)] + [0]
    for i in range(width - 1, -1, -1):
        a, k = offsets[i], ks[i]
        cur[ks[i + 1] : k] = last[ks[i + 1] : k]  # the sequences ending at i
        labels[a : a + k] = cur[:k]
        if i:
            cur[:k] = back[a : a + k][np.arange(k), cur[:k]]
    flat = np.empty(len(emit), dtype=np.intp)
    flat[forward] = labels
    out = flat.tolist()
    ends = np.cumsum(lengths).tolist()
    return [out[e - m : e] for e, m in zip(ends, lengths.tolist(), strict=True)]
