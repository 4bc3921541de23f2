"""Extractive, lead-aware summary: the best 2–3 sentences, in article order.

A sentence's score is the mean TF × IDF weight of its terms (see
:func:`nashra.analyze.keywords.term_weights`) times a position prior that favours the
lead (news puts the essentials first). Very short and very long sentences are skipped.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from operator import itemgetter

from nashra.analyze.keywords import term_weights
from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.text import Term, analyze

__all__ = ["summarize"]

_MIN_WORDS = 6
_MAX_WORDS = 90


def summarize(
    text: str,
    max_sentences: int = 3,
    analysed: list[Term] | None = None,
    counts: Counter[str] | None = None,
) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` into ``text`` of the chosen sentences, in order
    (``analysed``, ``counts``: its terms and their counts, when the caller has them)."""
    spans = split_sentences(text)
    if not spans:
        return []
    found = analyze(text) if analysed is None else analysed
    weights = term_weights(text, found, counts)
    starts = list(map(itemgetter(1), found))  # Term.start
    terms = list(map(itemgetter(0), found))  # Term.term
    scored: list[tuple[float, int]] = []
    for i, (s, e) in enumerate(spans):
        sent = text[s:e]
        nwords = sent.count(" ") + 1
        if nwords < _MIN_WORDS or nwords > _MAX_WORDS:
            continue
        ts = terms[bisect_left(starts, s) : bisect_left(starts, e)]
        if not ts:
            continue
        content = sum(weights.get(t, 0.0) for t in set(ts)) / math.sqrt(len(ts))
        prior = 2.0 if i == 0 else 1.0 + 1.0 / (1 + i)
        scored.append((content * prior, i))
    if not scored:
        return [spans[0]]
    n = max_sentences if len(spans) > 6 else min(2, max_sentences)
    chosen = sorted(i for _, i in sorted(scored, reverse=True)[:n])
    return [spans[i] for i in chosen]
