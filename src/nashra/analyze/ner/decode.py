"""Viterbi decoding of label scores, shared by the CRF and the neural tagger."""

from __future__ import annotations

import numpy as np

__all__ = ["viterbi"]


def viterbi(emit: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> list[list[int]]:
    """Best label ids of each padded sequence (``emit``: sequences × positions × labels;
    ``trans[a, b]``: score of label a followed by b).

    The sequences are ordered longest first, so that at position i only the first
    ``active[i]`` of them still have a token and the work is on those alone: a batch of
    many documents has a few long sentences and many short ones."""
    n, width, nlab = emit.shape
    order = np.argsort(-lengths, kind="stable")
    ordered = lengths[order]
    active = (ordered[None, :] > np.arange(width)[:, None]).sum(axis=1).tolist() + [0]
    e = emit[order]
    score = e[:, 0].copy()
    back = np.zeros((n, width, nlab), dtype=np.intp)
    t = trans[None]
    for i in range(1, width):
        k = active[i]
        cand = score[:k, :, None] + t  # sequences × from × to
        back[:k, i] = cand.argmax(axis=1)  # ties go to the lower label id, as in crfsuite
        score[:k] = cand.max(axis=1) + e[:k, i]
    # A sequence's score stopped changing at its last position: it is its final score.
    best = score.argmax(axis=1)
    path = np.zeros((n, width), dtype=np.intp)
    cur = np.zeros(n, dtype=np.intp)
    rows = np.arange(n)
    for i in range(width - 1, -1, -1):
        k = active[i]
        cur[active[i + 1] : k] = best[active[i + 1] : k]  # the sequences ending at i
        path[:k, i] = cur[:k]
        if i:
            cur[:k] = back[rows[:k], i, cur[:k]]
    rank = np.empty(n, dtype=np.intp)
    rank[order] = rows
    found = path.tolist()
    return [found[rank[j]][:m] for j, m in enumerate(lengths.tolist())]
