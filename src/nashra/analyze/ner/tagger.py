"""Tagging with the shipped models: the neural tagger (``models/ner_neural.npz``, with the
CRF ``models/ner.crfsuite`` as its ensemble partner when the model asks for it), or the
CRF alone when no neural model ships."""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from nashra.analyze.lexicon import cached_match_form, strip_clitics
from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.analyze.ner import ensemble, linear, neural
from nashra.analyze.ner.conll import bio_spans
from nashra.analyze.ner.decode import viterbi
from nashra.analyze.ner.document import consistent
from nashra.analyze.ner.features import crf_items, sentence_features
from nashra.text.memo import Memo
from nashra.text.tokenize import TOKEN_FINDALL_RE

__all__ = [
    "ENTITY_TYPES",
    "MODEL_PATH",
    "EntitySpan",
    "find_entities",
    "find_entities_many",
    "scan_tokens",
    "tag_documents",
    "split_tokens",
    "tag_sentences",
    "tag_tokens",
    "token_forms",
    "token_range",
    "tokens_and_starts",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
NEURAL_PATH = neural.MODEL_PATH
ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")

# A sentence longer than this many tokens is tagged in pieces (a run-on "sentence" from a
# page without punctuation should not cost quadratic memory or time).
_MAX_TOKENS = 200


class EntitySpan(NamedTuple):
    """One entity mention; ``text == source[start:end]``."""

    text: str
    type: str  # PERS | LOC | ORG | MISC
    start: int
    end: int


class ModelMissing(RuntimeError):
    """The NER model file is absent (run ``python -m nashra.analyze.train.ner``)."""


_local = threading.local()


@cache
def _model_path() -> Path:
    return MODEL_PATH


@cache
def _neural_path() -> Path | None:
    """The neural model, when one ships and ``NASHRA_NER`` is not ``crf`` (the CRF alone
    is about twice as fast and 2 F1 points weaker: for a bulk backfill, say)."""
    if os.environ.get("NASHRA_NER", "").strip().lower() == "crf":
        return None
    return NEURAL_PATH if NEURAL_PATH.exists() else None


def _tagger() -> Any:
    """One crfsuite Tagger per thread (they are not thread-safe)."""
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        import pycrfsuite

        path = _model_path()
        if not path.exists():
            raise ModelMissing(f"NER model not found at {path}")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        _local.tagger = tagger
    return tagger


def tag_tokens(tokens: Sequence[str], news: bool = False) -> list[str]:
    """BIO tags (over PERS/LOC/ORG/MISC) for one sentence of token strings.

    ``news``: tag as today's news, as the models learnt it from our own annotated sets
    (``train/own_news.py``: ministries, agencies, clubs and companies are names); without
    it, as ANERcorp annotates (what a CoNLL file is scored against)."""
    if not tokens:
        return []
    return tag_sentences([tokens], news)[0]


def tag_sentences(sentences: Sequence[Sequence[str]], news: bool = False) -> list[list[str]]:
    """:func:`tag_tokens` for the sentences of one document (one batched decoding)."""
    return tag_documents([sentences], news)[0]


# Documents are tagged together, a chunk of about this many tokens at a time (the work
# arrays grow with the chunk; numpy's per-call cost shrinks with it).
CHUNK_TOKENS = 16_384


def tag_documents(
    documents: Sequence[Sequence[Sequence[str]]], news: bool = False
) -> list[list[list[str]]]:
    """BIO tags of every sentence of every document. The neural model reads each
    document's sentences with its document vector; all documents of a chunk are decoded
    together. ``news``: see :func:`tag_tokens`."""
    crf = _model_path()
    if not crf.exists() and _neural_path() is None:
        raise ModelMissing(f"NER model not found at {crf}")
    out: list[list[list[str]]] = [[[] for _ in doc] for doc in documents]
    pieces: list[Sequence[str]] = []
    owner: list[tuple[int, int]] = []  # (document, sentence) of each piece
    size = 0
    for d, doc in enumerate(documents):
        for k, tokens in enumerate(doc):
            for i in range(0, len(tokens), _MAX_TOKENS):
                pieces.append(tokens[i : i + _MAX_TOKENS])
                owner.append((d, k))
            size += len(tokens)
        # a document is never split between chunks (its vector needs all of it)
        if size >= CHUNK_TOKENS or d == len(documents) - 1:
            for (dd, kk), tags in zip(owner, _tag_pieces(pieces, owner, news), strict=True):
                out[dd][kk].extend(tags)
            pieces, owner, size = [], [], 0
    return out


def _tag_pieces(
    pieces: list[Sequence[str]], owner: list[tuple[int, int]], news: bool
) -> list[list[str]]:
    path = _neural_path()
    if path is None:
        return linear.tag_many(_model_path(), pieces, news)
    live = [k for k, p in enumerate(pieces) if p]
    if not live:
        return [[] for _ in pieces]
    model = neural.load_model(path)
    sentences = [pieces[k] for k in live]
    documents = [owner[k][0] for k in live]
    trans = model.transitions
    crf = _model_path()
    if model.crf_weight and crf.exists():
        emit, crf_emit, lengths = ensemble.emissions(path, crf, sentences, documents)
        if news:
            crf_emit = linear.as_news(linear.load_model(crf), crf_emit)
        emit, trans = add_crf(emit, trans, model.labels, crf, model.crf_weight, crf_emit)
    else:
        emit, lengths = neural.emissions(path, sentences, documents)
    if news and model.news_bias is not None:
        emit = emit + model.news_bias
    emit = with_o_bias(emit, model.labels, model.o_bias)
    paths = iter(viterbi(emit, lengths, trans))
    tags: list[list[str]] = [[] for _ in pieces]
    for k in live:
        tags[k] = [model.labels[j] for j in next(paths)]
    return tags


def with_crf(
    emit: np.ndarray,
    trans: np.ndarray,
    labels: tuple[str, ...],
    crf: Path,
    weight: float,
    sentences: Sequence[Sequence[str]],
) -> tuple[np.ndarray, np.ndarray]:
    """The ensemble: label scores (tokens × labels, in ``labels`` order) and transitions
    with the CRF's own, weighed by ``weight``, added."""
    return add_crf(emit, trans, labels, crf, weight, linear.emissions(crf, sentences))


def add_crf(
    emit: np.ndarray,
    trans: np.ndarray,
    labels: tuple[str, ...],
    crf: Path,
    weight: float,
    crf_emit: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`with_crf` from the CRF's label scores of the same tokens (in its own label
    order)."""
    order = _crf_order(crf, labels)
    crf_trans = linear.load_model(crf).transitions[np.ix_(order, order)]
    return emit + weight * crf_emit[:, order], trans + weight * crf_trans


def with_o_bias(emit: np.ndarray, labels: tuple[str, ...], bias: float) -> np.ndarray:
    """Label scores with ``bias`` taken from every token's O score (a copy): the
    ensemble's precision ran well above its recall."""
    if not bias:
        return emit
    out = emit.copy()
    out[:, labels.index("O")] -= bias
    return out


@lru_cache(maxsize=4)
def _crf_order(crf: Path, labels: tuple[str, ...]) -> list[int]:
    crf_labels = linear.load_model(crf).labels
    return [crf_labels.index(label) for label in labels]


def tag_tokens_crfsuite(tokens: Sequence[str]) -> list[str]:
    """:func:`tag_tokens` through crfsuite itself (the reference the fast path must match)."""
    if not tokens:
        return []
    tagger = _tagger()
    tags: list[str] = []
    for i in range(0, len(tokens), _MAX_TOKENS):
        chunk = list(tokens[i : i + _MAX_TOKENS])
        tags.extend(tagger.tag(crf_items(sentence_features(chunk))))
    return tags


# A token of nashra.text.tokenize, or else any other visible character on its own.
_TOKEN_OR_MARK = re.compile(f"(?:{TOKEN_FINDALL_RE.pattern})|\\S")


def scan_tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokens of :func:`split_tokens`, not cached: for pieces of text looked at once
    (caching them would push the articles out of the cache)."""
    # findall and str.find beat finditer's match objects by a third: every visible
    # character belongs to a token, so only whitespace lies between two of them, and a
    # token (never starting with a space) is found where its match began.
    out: list[tuple[str, int, int]] = []
    append, find, end = out.append, text.find, 0
    for tok in _TOKEN_OR_MARK.findall(text):
        start = find(tok, end)
        end = start + len(tok)
        append((tok, start, end))
    return out


@lru_cache(maxsize=64)  # ≥ pipeline.BATCH, as lexicon.cached_sentences
def _all_tokens(text: str) -> tuple[list[tuple[str, int, int]], list[int]]:
    """Tokens of a whole text and their start offsets (cached: the pipeline asks for
    pieces of the same text many times)."""
    out = scan_tokens(text)
    return out, [t[1] for t in out]


def tokens_and_starts(text: str) -> tuple[list[tuple[str, int, int]], list[int]]:
    """All tokens of ``text`` and their start offsets, as cached for :func:`split_tokens`
    (shared: callers must not change them)."""
    return _all_tokens(text)


@lru_cache(maxsize=64)  # as _all_tokens
def token_forms(text: str) -> tuple[list[str], list[str]]:
    """The match form and the proclitic-free form (``strip_clitics``) of every token of
    :func:`tokens_and_starts`, computed once for all the passes over an article that
    look words up by them (shared: callers must not change them)."""
    forms = _MATCH_FORMS.many(list(map(itemgetter(0), _all_tokens(text)[0])))
    return forms, _STRIPPED.many(forms)


_MATCH_FORMS: Memo[str, str] = Memo(cached_match_form, 200_000)
_STRIPPED: Memo[str, str] = Memo(strip_clitics, 262_144)


def token_range(text: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """Indices ``i, j`` such that ``tokens_and_starts(text)[0][i:j]`` are the tokens of
    :func:`split_tokens` ``(text, start, end)``."""
    toks, starts = _all_tokens(text)
    end = len(text) if end is None else end
    i = bisect_left(starts, start)
    j = bisect_left(starts, end)
    while j > i and toks[j - 1][2] > end:
        j -= 1
    return i, j


def split_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of ``text[start:end]`` as the model saw them in training: words and numbers
    from :func:`nashra.text.tokenize`, plus each punctuation character as its own token.
    Offsets index ``text``; a token must lie wholly inside the range."""
    toks = _all_tokens(text)[0]
    if start == 0 and (end is None or end >= len(text)):
        return list(toks)
    i, j = token_range(text, start, end)
    return toks[i:j]


def find_entities(text: str) -> list[EntitySpan]:
    """Entity mentions in ``text`` with character offsets into it."""
    return find_entities_many([text])[0]


def find_entities_many(texts: Sequence[str]) -> list[list[EntitySpan]]:
    """:func:`find_entities` for many texts, tagged together (faster than one by one)."""
    docs: list[list[list[tuple[str, int, int]]]] = []
    forms: list[list[list[str]]] = []  # the tokens' match forms, for the document pass
    for text in texts:
        all_toks = _all_tokens(text)[0]
        all_forms = token_forms(text)[0]  # computed once here, read again by later passes
        ranges = [token_range(text, a, b) for a, b in split_sentences(text)]
        ranges = [(i, j) for i, j in ranges if j > i]
        docs.append([all_toks[i:j] for i, j in ranges])
        forms.append([all_forms[i:j] for i, j in ranges])
    words = [[[t[0] for t in toks] for toks in doc] for doc in docs]
    out: list[list[EntitySpan]] = []
    for text, doc, doc_words, doc_forms, doc_tags in zip(
        texts, docs, words, forms, tag_documents(words, news=True), strict=True
    ):
        spans: list[EntitySpan] = []
        for toks, tags in zip(doc, consistent(doc_words, doc_tags, doc_forms), strict=True):
            for a, b, typ in bio_spans(tags):
                # never start or end an entity on punctuation
                while a < b and not toks[a][0][0].isalnum():
                    a += 1
                while b > a and not toks[b - 1][0][-1].isalnum():
                    b -= 1
                if a < b:
                    cs, ce = toks[a][1], toks[b - 1][2]
                    spans.append(EntitySpan(text[cs:ce], typ, cs, ce))
        out.append(spans)
    return out
