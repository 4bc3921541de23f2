"""Viterbi decoding of label scores, shared by the CRF and the neural tagger."""

from __future__ import annotations

import numpy as np

__all__ = ["viterbi"]


def viterbi(emit: np.ndarray, lengths: np.ndarray, trans: np.ndarray) -> list[list[int]]:
    """Best label ids of each padded sequence (``emit``: sequences × positions × labels;
    ``trans[a, b]``: score of label a followed by b)."""
    n, width, nlab = emit.shape
    back = np.zeros((n, width, nlab), dtype=np.intp)
    ending: dict[int, list[int]] = {}
    for k, m in enumerate(lengths.tolist()):
        ending.setdefault(m - 1, []).append(k)
    final = np.empty((n, nlab))
    score = emit[:, 0]
    if 0 in ending:
        final[ending[0]] = score[ending[0]]
    t = trans[None]
    for i in range(1, width):
        cand = score[:, :, None] + t
        back[:, i] = cand.argmax(axis=1)  # ties go to the lower label id, as in crfsuite
        score = cand.max(axis=1) + emit[:, i]
        if i in ending:
            final[ending[i]] = score[ending[i]]
    best = final.argmax(axis=1)
    rows = np.arange(n)
    cur = np.zeros(n, dtype=np.intp)
    path = np.empty((n, width), dtype=np.intp)
    for i in range(width - 1, -1, -1):
        if i in ending:
            cur[ending[i]] = best[ending[i]]
        path[:, i] = cur
        if i:
            cur = back[rows, i, cur]
    return [p[:m] for p, m in zip(path.tolist(), lengths.tolist(), strict=True)]
