"""Viterbi decoding of label scores, shared by the CRF and the neural tagger."""

from __future__ import annotations

import numpy as np

__all__ = ["viterbi"]


def viterbi(emit: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> list[list[int]]:
    """Best label ids of each sequence. ``emit``: the label scores of all tokens of all
    sequences, one after another (tokens × labels); ``lengths``: each sequence's token
    count; ``trans[a, b]``: score of label a followed by b.

    Nothing is padded: the sequences are ordered longest first, so that at position i
    only the first ``active[i]`` of them still have a token, and each step gathers those
    tokens' rows (a batch of many documents has a few long sentences and many short
    ones)."""
    n = len(lengths)
    if not n:
        return []
    width = int(lengths.max())
    order = np.argsort(-lengths, kind="stable")
    starts = (np.cumsum(lengths) - lengths)[order]
    active = (lengths[order][None, :] > np.arange(width)[:, None]).sum(axis=1).tolist() + [0]
    score = emit[starts].astype(np.float64)
    back = np.zeros((len(emit), emit.shape[1]), dtype=np.intp)  # by token row
    t = trans[None]
    for i in range(1, width):
        k = active[i]
        rows = starts[:k] + i
        cand = score[:k, :, None] + t  # sequences × from × to
        back[rows] = cand.argmax(axis=1)  # ties go to the lower label id, as in crfsuite
        score[:k] = cand.max(axis=1) + emit[rows]
    # A sequence's score stopped changing at its last position: it is its final score.
    best = score.argmax(axis=1)
    labels = np.empty(len(emit), dtype=np.intp)
    cur = np.zeros(n, dtype=np.intp)
    for i in range(width - 1, -1, -1):
        k = active[i]
        cur[active[i + 1] : k] = best[active[i + 1] : k]  # the sequences ending at i
        rows = starts[:k] + i
        labels[rows] = cur[:k]
        if i:
            cur[:k] = back[rows, cur[:k]]
    flat = labels.tolist()
    ends = np.cumsum(lengths).tolist()
    return [flat[e - m : e] for e, m in zip(ends, lengths.tolist(), strict=True)]
