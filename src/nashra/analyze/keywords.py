"""Distinctive terms of an article: TF × IDF over the shipped document-frequency table.

Terms are :func:`nashra.text.analyze` terms (match form, no stopwords, light stem); each
keyword shows the surface word it most often came from. The IDF table
(``models/df.json.gz``, built by :mod:`nashra.analyze.train.df` from SaudiNewsNet) is
optional: without it keywords are plain term frequencies.
"""

from __future__ import annotations

import gzip
import heapq
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

from nashra.text import Term, analyze, is_stopword
from nashra.text.analyzer import token_terms
from nashra.text.memo import Memo

__all__ = [
    "Keyword",
    "document_frequencies",
    "idf",
    "keywords",
    "lead_vector",
    "term_counts",
    "term_weights",
    "unit_vector",
]

DF_PATH = Path(__file__).resolve().parent / "models" / "df.json.gz"


@dataclass(frozen=True)
class Keyword:
    term: str  # the normalised term (as indexed)
    display: str  # the word as written most often in the article
    score: float

    def to_json(self) -> dict[str, object]:
        return {"term": self.term, "display": self.display, "score": round(self.score, 3)}


@cache
def document_frequencies() -> dict[str, int]:
    """Term → number of articles containing it; ``""`` → number of articles."""
    if not DF_PATH.exists():
        return {}
    with gzip.open(DF_PATH, "rt", encoding="utf-8") as f:
        data: dict[str, int] = json.load(f)
    return data


@lru_cache(maxsize=200_000)
def idf(term: str) -> float:
    df = document_frequencies()
    n = df.get("", 0)
    if not n:
        return 1.0
    return math.log((n + 1) / (df.get(term, 0) + 1)) + 1.0


def term_weights(
    text: str, analysed: list[Term] | None = None, counts: Counter[str] | None = None
) -> dict[str, float]:
    """TF × IDF of every content term in ``text`` (numbers and 1-letter terms skipped).
    ``counts``: its terms counted (:func:`term_counts`), when the caller has them."""
    if counts is None:
        counts = term_counts(analyze(text) if analysed is None else analysed)
    log = math.log
    # the IDFs looked up in one pass (in C), each term once
    return {
        t: (1 + log(c)) * w
        for t, c, w in zip(counts, counts.values(), _KEYWORD_IDFS.many(list(counts)), strict=True)
        if w
    }


def term_counts(analysed: list[Term]) -> Counter[str]:
    """How often each term occurs (counted in C), for :func:`keywords` and
    :func:`term_weights` of the same text."""
    return Counter(map(_TERM, analysed))


_TERM = itemgetter(0)  # Term.term


def _keyword_idf(term: str) -> float:
    """The IDF of a term that can be a keyword, 0.0 for one that cannot: one letter, a
    number, a stopword that a proclitic had hidden from the analyzer (بهذه → هذه); an IDF
    is ≥ 1. Remembered in _KEYWORD_IDFS."""
    if len(term) < 2 or term[0].isdigit() or is_stopword(term):
        return 0.0
    return idf(term)


_KEYWORD_IDFS: Memo[str, float] = Memo(_keyword_idf, 200_000)  # every term of every text


def keywords(
    text: str,
    top: int = 10,
    analysed: list[Term] | None = None,
    title: str = "",
    analysed_title: list[Term] | None = None,
    counts: Counter[str] | None = None,
) -> list[Keyword]:
    """The ``top`` most distinctive terms of ``text`` (title words count twice).
    ``counts``: the text's terms counted (:func:`term_counts`), when the caller has them."""
    if analysed_title is None:
        analysed_title = analyze(title) if title else []
    passes = (
        (text, analyze(text) if analysed is None else analysed),
        (title, analysed_title),
    )
    tf = Counter(counts) if counts is not None else term_counts(passes[0][1])
    for term in map(_TERM, passes[1][1]):  # title words count twice
        tf[term] += 2
    log = math.log
    # (−score, term): the best first, ties in term order, compared in C; the IDFs looked
    # up in one pass
    scored = [
        (-(1 + log(c)) * w, term)
        for term, c, w in zip(tf, tf.values(), _KEYWORD_IDFS.many(list(tf)), strict=True)
        if w and (c > 1 or len(term) >= 3)
    ]
    best = heapq.nsmallest(top, scored)
    # The surface forms only of the terms kept (most of the work when done for all), each
    # without an attached conjunction or preposition: وأنقرة and أنقرة count as أنقرة.
    wanted = {term for _, term in best}
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for source, found in passes:
        kept = list(compress(found, map(wanted.__contains__, map(_TERM, found))))
        for t, bare in zip(kept, _BARE.many([source[t.start : t.end] for t in kept]), strict=True):
            surfaces[t.term][bare] += 1
    return [Keyword(term, surfaces[term].most_common(1)[0][0], -w) for w, term in best]


def _bare(surface: str) -> str:
    """``surface`` without the conjunctions and prepositions attached to it that leave
    its term as it is (وأنقرة → أنقرة, وبالمدرسة → المدرسة; وزارة stays: زارة is
    another term)."""
    if len(surface) <= 3 or surface[0] not in "وفبلك":
        return surface  # (most words: no analysis needed)
    term = token_terms(surface)
    if len(term) != 1:
        return surface
    bare = surface
    while len(bare) > 3 and bare[0] in "وفبلك" and token_terms(bare[1:]) == term:
        bare = bare[1:]
    return bare


_BARE: Memo[str, str] = Memo(_bare, 100_000)


LEAD_WORDS = 60  # the body's opening that says which event an article reports
_LEAD_RE = re.compile(rf"\s*(?:\S+\s+){{{LEAD_WORDS - 1}}}\S+")


def lead_vector(text: str, analysed: list[Term], analysed_title: list[Term]) -> dict[str, float]:
    """TF × IDF of the headline's terms (counted twice) and those of the first
    ``LEAD_WORDS`` words of ``text``, scaled to unit length: what stories compare. An
    article's later paragraphs (background, reactions, boilerplate of official news)
    tell less about which event it reports, and its rarest words (the keywords' strength)
    are often its own idiom, not the event's."""
    m = _LEAD_RE.match(text)
    end = m.end() if m else len(text)
    tf: Counter[str] = Counter()
    for t in analysed_title:
        tf[t.term] += 2
    for t in analysed:
        if t.start >= end:
            break
        tf[t.term] += 1
    log = math.log
    weights = _KEYWORD_IDFS.many(list(tf))
    return unit_vector(
        {t: (1 + log(c)) * w for t, c, w in zip(tf, tf.values(), weights, strict=True) if w}
    )


def unit_vector(vector: dict[str, float]) -> dict[str, float]:
    """``vector`` scaled to length 1 (empty when it is all zeros)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}
