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
from collections.abc import Mapping
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
    "definite_rate",
    "headline_rate",
    "key_terms",
    "idf",
    "keywords",
    "lead_vector",
    "term_counts",
    "term_weights",
    "unit_vector",
]

DF_PATH = Path(__file__).resolve().parent / "models" / "df.json.gz"
KEYTERMS_PATH = Path(__file__).resolve().parent / "models" / "keyterms.json.gz"

# How a term's use in the news weighs on it as a keyword (rates from the key-term table,
# each smoothed towards its prior with the weight of a few observations, so that a term
# seen seldom is judged mostly by the prior):
# - its share of headlines (articles holding it that have it in their headline), which
#   multiplies the score by rate / (rate + HEADLINE_HALF): ½ at that rate;
# - its share of occurrences with the article ال (none for a verb), which multiplies it
#   by share / (share + DEFINITE_HALF).
# A term the tables do not know (seen in fewer than 3 articles) gets the priors; a term of
# a name the tagger found in the article gets at least NAME_RATE and no article test.
HEADLINE_PRIOR, HEADLINE_SMOOTHING, HEADLINE_HALF = 0.1, 10.0, 0.02
DEFINITE_PRIOR, DEFINITE_SMOOTHING, DEFINITE_HALF = 0.2, 5.0, 0.3
NAME_RATE = 0.1


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


@cache
def key_terms() -> dict[str, tuple[int, int, int]]:
    """Term → (articles whose headline holds it, occurrences in bodies, of them with
    the article ال), for the terms of :func:`document_frequencies`."""
    if not KEYTERMS_PATH.exists():
        return {}
    with gzip.open(KEYTERMS_PATH, "rt", encoding="utf-8") as f:
        return {t: tuple(c) for t, c in json.load(f).items()}  # type: ignore[misc]


def headline_rate(term: str) -> float:
    """How often articles holding ``term`` have it in their headline, smoothed: names and
    topics are high (تركيا 0.27, النفط 0.29), speech verbs and the words of any report
    low (شدد 0.002, ضرورة 0.008)."""
    in_headlines = key_terms().get(term, (0, 0, 0))[0]
    df = document_frequencies().get(term, 0)
    return (in_headlines + HEADLINE_SMOOTHING * HEADLINE_PRIOR) / (df + HEADLINE_SMOOTHING)


def definite_rate(term: str) -> float:
    """How often ``term`` is written with the article ال, smoothed: never for a verb
    (يعلن، تطلق: 0.00), mostly for the nouns of a topic (التضخم 0.76); a name may go
    either way (تركيا 0.00, الكويت). A word the table does not know that looks like a
    verb (يتحايلن، تبحثان) or has a pronoun attached (اتسامهم، مباحثاتهما) counts as
    never taking it."""
    _, occurrences, definite = key_terms().get(term, (0, 0, 0))
    if not occurrences and _VERB_OR_SUFFIXED.search(term) and key_terms():
        return 0.0
    return (definite + DEFINITE_SMOOTHING * DEFINITE_PRIOR) / (occurrences + DEFINITE_SMOOTHING)


# the shapes, as terms, of an imperfect verb with a dual or feminine plural ending (the
# stemmer takes ون off) or the future's س (ستنجز، سنعيد), and of an attached pronoun — of
# a word seen too seldom to have figures of its own
_VERB_OR_SUFFIXED = re.compile(r"^[يت]\w{2,}(?:وا|ن)$|^س[يتنأ]\w{2,}$|\w{3,}(?:هما|هم|هن|كما|كم)$")


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


def _keyword_weight(term: str) -> float:
    """What a keyword's term frequency is multiplied by: its IDF (0.0 for a term that
    cannot be one) times how headline-worthy and how noun-like it is. Remembered in
    _KEYWORD_WEIGHTS."""
    w = _keyword_idf(term)
    if not w:
        return 0.0
    rate, definite = headline_rate(term), definite_rate(term)
    return w * rate / (rate + HEADLINE_HALF) * definite / (definite + DEFINITE_HALF)


def _name_weight(term: str) -> float:
    """:func:`_keyword_weight` of a term of a name: its headline rate at least
    NAME_RATE, whether it takes ال or not. Remembered in _NAME_WEIGHTS."""
    w = _keyword_idf(term)
    rate = max(headline_rate(term), NAME_RATE)
    return w * rate / (rate + HEADLINE_HALF)


_NAME_WEIGHTS: Memo[str, float] = Memo(_name_weight, 100_000)


_KEYWORD_WEIGHTS: Memo[str, float] = Memo(_keyword_weight, 200_000)


def keywords(
    text: str,
    top: int = 10,
    analysed: list[Term] | None = None,
    title: str = "",
    analysed_title: list[Term] | None = None,
    counts: Counter[str] | None = None,
    names: Mapping[str, str] | None = None,
) -> list[Keyword]:
    """The ``top`` most distinctive terms of ``text`` (title words count twice), each
    weighed by how often news puts it in a headline (:func:`headline_rate`) and writes
    it with ال (:func:`definite_rate`).
    ``counts``: the text's terms counted (:func:`term_counts`), when the caller has them;
    ``names``: the terms of the names the tagger found in it, each with the name of its
    entity: such a term is weighed as a name (a person's name need not make headlines to
    be what an article is about), and shows that name; an entity's terms make one
    keyword (رجب طيب أردوغان, not رجب and أردوغان)."""
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
    candidates = list(tf)
    weights = _KEYWORD_WEIGHTS.many(candidates)
    if names:
        for k in compress(range(len(candidates)), map(names.__contains__, candidates)):
            if weights[k]:
                weights[k] = _NAME_WEIGHTS.many([candidates[k]])[0]
    # (−score, term): the best first, ties in term order, compared in C
    scored = [
        (-(1 + log(c)) * w, term)
        for term, c, w in zip(tf, tf.values(), weights, strict=True)
        if w and (c > 1 or len(term) >= 3)
    ]
    if names:
        # the best term of each entity; the others give way to the next terms
        best: list[tuple[float, str]] = []
        shown: set[str] = set()
        for w, term in sorted(scored):
            name = names.get(term)
            if name is not None:
                if name in shown:
                    continue
                shown.add(name)
            best.append((w, term))
            if len(best) == top:
                break
    else:
        best = heapq.nsmallest(top, scored)
    # The surface forms only of the terms kept (most of the work when done for all), each
    # without an attached conjunction or preposition: وأنقرة and أنقرة count as أنقرة.
    wanted = {term for _, term in best}
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for source, found in passes:
        kept = list(compress(found, map(wanted.__contains__, map(_TERM, found))))
        for t, bare in zip(kept, _BARE.many([source[t.start : t.end] for t in kept]), strict=True):
            surfaces[t.term][bare] += 1
    named = names or {}
    return [
        Keyword(term, named.get(term) or _shown(surfaces[term].most_common(1)[0][0]), -w)
        for w, term in best
    ]


def _shown(surface: str) -> str:
    """A keyword as shown: as written, without the tatweel that stretches a word
    (الزلـــزال → الزلزال), which is typography, not spelling."""
    return surface.replace("\u0640", "") if "\u0640" in surface else surface


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
