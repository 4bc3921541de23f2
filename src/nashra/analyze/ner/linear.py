"""Viterbi decoding of the shipped crfsuite model in numpy, with per-word scores cached.

crfsuite tags a sentence from scratch: every token's ~50 feature strings are converted to
attribute ids and summed, on every call. But our features decompose by token: a token's
own features, the features it lends its neighbours at offsets −2…+2, and two bigrams. So
the score a word contributes at each of those five positions is a fixed vector over the
labels, computed once per word and cached; tagging a sentence is then a few array
additions and a 9-label Viterbi. The result is crfsuite's, to its dump's six decimals
(``tests/analyze/test_ner.py`` checks that both tag alike).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

from nashra.analyze.ner.caches import ThreadCaches, WordRows
from nashra.analyze.ner.decode import viterbi
from nashra.analyze.ner.features import (
    NEWS_ATTRIBUTE,
    OFFSETS,
    TAG_BIAS,
    variant_key,
    word_parts,
)
from nashra.analyze.ner.rowsums import group_sums

__all__ = ["LinearModel", "as_news", "clear_word_scores", "load_model", "emissions", "tag_many"]

# Rows of a word's score table: its own features, then what it lends the token that sits
# 2 before, 1 before, 1 after and 2 after it (the ±2 window of sentence_features).
_OWN, _AS_M2, _AS_M1, _AS_P1, _AS_P2 = range(5)


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]  # by crfsuite's label id
    index: dict[str, int]  # attribute → row of ``weights``
    weights: np.ndarray  # attributes × labels
    transitions: np.ndarray  # [from, to]
    # The features a word lends its neighbours, by offset (-2, -1, +1, +2): feature
    # (without the offset) → row, so that those strings are never built.
    at_offset: tuple[dict[str, int], ...]
    # The bigram attributes "bg-=a|b" and "bg+=a|b" by their pair of forms (a, b) → row.
    bigrams: dict[str, dict[tuple[str, str], int]]

    @property
    def zero_row(self) -> int:
        """A row of zeros after the attributes' rows (what unknown features read)."""
        return len(self.weights) - 1

    def weight(self, attribute: str) -> np.ndarray | None:
        row = self.index.get(attribute)
        return None if row is None else self.weights[row]


_lock = threading.Lock()
_models: dict[Path, LinearModel] = {}


def load_model(path: Path) -> LinearModel:
    """The weights of the crfsuite model at ``path`` (read once per process)."""
    model = _models.get(path)
    if model is not None:
        return model
    with _lock:
        model = _models.get(path)
        if model is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            info = tagger.info()
            tagger.close()
            ids = {label: int(i) for label, i in info.labels.items()}
            labels = tuple(sorted(ids, key=ids.__getitem__))
            index: dict[str, int] = {}
            for attr, _ in info.state_features:
                index.setdefault(attr, len(index))
            weights = np.zeros((len(index) + 1, len(labels)))  # + a zero row, see zero_row
            for (attr, label), w in info.state_features.items():
                weights[index[attr], ids[label]] = w
            trans = np.zeros((len(labels), len(labels)))
            for (a, b), w in info.transitions.items():
                trans[ids[a], ids[b]] = w
            at_offset: tuple[dict[str, int], ...] = tuple({} for _ in OFFSETS)
            bigrams: dict[str, dict[tuple[str, str], int]] = {"bg-=": {}, "bg+=": {}}
            for attr, row in index.items():
                head = attr[:2]
                if head in OFFSETS:
                    at_offset[OFFSETS.index(head)][attr[2:]] = row
                elif attr[:4] in bigrams:
                    pair = attr[4:]
                    # every split at a "|" (a form may itself be "|")
                    for k, c in enumerate(pair):
                        if c == "|":
                            bigrams[attr[:4]][pair[:k], pair[k + 1 :]] = row
            model = _models[path] = LinearModel(labels, index, weights, trans, at_offset, bigrams)
        return model


def _score_tables(model: LinearModel, words: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """(match forms, words × 5 × labels score tables) of token strings.

    All rows of all words summed at once (:func:`group_sums`): for each word, its own
    features (row _OWN), then its features as a neighbour at offsets -2, -1, +1 and +2
    (rows _AS_M2 … _AS_P2: "-2w=…" is read by the token 2 after this word, and so on).
    Unknown features map to the zero row (in C, no Python loop over a word's ~60
    features).
    Own features skip the bias attribute "b", which is weighed at TAG_BIAS below."""
    get = model.index.get
    as_m2, as_m1, as_p1, as_p2 = (d.get for d in model.at_offset)  # rows _AS_M2 … _AS_P2
    zero = repeat(model.zero_row)
    rows: list[int] = []
    starts: list[int] = []
    forms: list[str] = []
    # unrolled, each group's features made unique once (a fifth faster than a loop over
    # the five (lookup, features) pairs of every word)
    extend, mark, once = rows.extend, starts.append, dict.fromkeys
    for tok in words:
        p = word_parts(tok)
        forms.append(p.form)
        far, near = once(p.far), once(p.near)  # each feature once
        mark(len(rows))
        extend(map(get, once(p.own[1:]), zero))
        mark(len(rows))
        extend(map(as_m2, far, zero))
        mark(len(rows))
        extend(map(as_m1, near, zero))
        mark(len(rows))
        extend(map(as_p1, near, zero))
        mark(len(rows))
        extend(map(as_p2, far, zero))
    tables = group_sums(model.weights, rows, starts).reshape(len(words), 5, -1)
    w = model.weight("b")
    if w is not None:
        tables[:, _OWN] += w * TAG_BIAS
    return forms, tables


CACHE_WORDS = 150_000  # ~0.5 kB a word; a miss costs ~20 µs
_FILL_WORDS = 2048  # new words scored at a time (the gathered rows: ~40 MB)


def cache_shapes(model: LinearModel) -> list[tuple[tuple[int, ...], type]]:
    """A cached word's array: its 5 × labels score table."""
    return [((5, len(model.labels)), np.float64)]


def score_words(model: LinearModel, words: list[str], tables: np.ndarray, start: int) -> list[str]:
    """Write the new words' score tables from row ``start`` on; their match forms."""
    forms: list[str] = []
    for at in range(0, len(words), _FILL_WORDS):
        part = words[at : at + _FILL_WORDS]
        part_forms, part_tables = _score_tables(model, part)
        tables[start + at : start + at + len(part)] = part_tables
        forms.extend(part_forms)
    return forms


class _ScoreCache(WordRows):
    """Word → its 5 × labels score table (so a sentence's tables come out in one gather:
    stacking hundreds of small arrays cost more than the tagging) and its match form."""

    def __init__(self, model: LinearModel) -> None:
        super().__init__(CACHE_WORDS, cache_shapes(model), variant_key)
        self.model = model
        self.forms: list[str] = []

    def fill(self, words: list[str], start: int) -> None:
        self.forms.extend(score_words(self.model, words, self.arrays[0], start))

    def kept(self, rows: np.ndarray) -> None:
        self.forms = [self.forms[k] for k in rows.tolist()]


_caches: ThreadCaches[Path, _ScoreCache] = ThreadCaches(lambda path: _ScoreCache(load_model(path)))


def _cache(path: Path) -> _ScoreCache:
    return _caches.get(path)


def clear_word_scores() -> None:
    """Forget cached word scores (after the features or the model changed)."""
    _caches.clear()


def _emissions(model: LinearModel, path: Path, sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """Per-token label scores of all tokens of ``sentences``, concatenated (tokens × labels)."""
    cache = _cache(path)
    rows = cache.rows(sentences)
    return emissions_at(model, cache.arrays[0], cache.forms, rows, sentences)


def emissions_at(
    model: LinearModel,
    tables: np.ndarray,
    all_forms: list[str],
    rows: np.ndarray,
    sentences: Sequence[Sequence[str]],
) -> np.ndarray:
    """:func:`emissions` from the tokens' cached rows (``rows``: each token's row of
    ``tables`` and ``all_forms``, see :func:`score_words`)."""
    sentence_of: list[int] = []
    for k, tokens in enumerate(sentences):
        sentence_of.extend([k] * len(tokens))
    forms = list(map(all_forms.__getitem__, rows.tolist()))
    s = tables[rows]  # tokens × 5 × labels
    emit = s[:, _OWN].copy()
    sid = np.array(sentence_of)
    # Token i sees token i−2's "−2" features, i−1's "−1", i+1's "+1", i+2's "+2"
    # (sentence_features: wf[i-2][1][0], wf[i-1][1][1], wf[i+1][1][2], wf[i+2][1][3]),
    # never across a sentence boundary.
    near1 = (sid[1:] == sid[:-1])[:, None]
    near2 = (sid[2:] == sid[:-2])[:, None]
    emit[2:] += s[:-2, _AS_M2] * near2
    emit[1:] += s[:-1, _AS_M1] * near1
    emit[:-1] += s[1:, _AS_P1] * near1
    emit[:-2] += s[2:, _AS_P2] * near2
    ends = np.cumsum([len(t) for t in sentences])
    get = model.weight
    w = get("BOS")
    if w is not None:
        emit[ends - np.array([len(t) for t in sentences])] += w
    w = get("EOS")
    if w is not None:
        emit[ends - 1] += w
    # The bigrams, rarely known to the model: every pair of neighbours looked up in C.
    # "bg-=a|b" counts for a token of form a after one of form b; "bg+=b|a" for that
    # predecessor. hit[i - 1]: the row of the pair (token i - 1, token i), or -1.
    inside = np.flatnonzero(sid[1:] == sid[:-1]) + 1  # tokens after one of their sentence
    for found, pairs, gets in (
        (model.bigrams["bg-="], zip(forms[1:], forms, strict=False), inside),
        (model.bigrams["bg+="], zip(forms, forms[1:], strict=False), inside - 1),
    ):
        hit = np.fromiter(map(found.get, pairs, repeat(-1)), dtype=np.intp, count=len(forms) - 1)
        hit = hit[inside - 1]
        known = hit >= 0
        np.add.at(emit, gets[known], model.weights[hit[known]])
    return emit


def emissions(path: Path, sentences: Sequence[Sequence[str]]) -> np.ndarray:
    """Label scores of all tokens of non-empty sentences, one after another."""
    return _emissions(load_model(path), path, sentences)


def as_news(model: LinearModel, emit: np.ndarray) -> np.ndarray:
    """Label scores of tokens of today's news: with the weights of the news attribute
    (NEWS_ATTRIBUTE, on every token of our own sets in training) added, when the model
    has one."""
    w = model.weight(NEWS_ATTRIBUTE)
    return emit if w is None else emit + w


def tag_many(path: Path, sentences: Sequence[Sequence[str]], news: bool = False) -> list[list[str]]:
    """BIO labels for each sentence, as crfsuite tags it with sentence_features
    (``news``: and the news attribute on every token, see :func:`as_news`).

    All sentences go through one Viterbi: numpy's per-call cost is paid once per
    position, not once per position and sentence."""
    model = load_model(path)
    live = [toks for toks in sentences if toks]
    if not live:
        return [[] for _ in sentences]
    lengths = np.array([len(t) for t in live])
    flat = _emissions(model, path, live)
    if news:
        flat = as_news(model, flat)
    decoded: Iterator[list[int]] = iter(viterbi(flat, lengths, model.transitions))
    labels = model.labels
    return [[labels[j] for j in next(decoded)] if toks else [] for toks in sentences]
