"""Tagging with the shipped CRF model (``models/ner.crfsuite``)."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.analyze.ner import linear
from nashra.analyze.ner.conll import bio_spans
from nashra.analyze.ner.document import consistent
from nashra.analyze.ner.features import crf_items, sentence_features
from nashra.text.tokenize import TOKEN_FINDALL_RE

__all__ = [
    "ENTITY_TYPES",
    "MODEL_PATH",
    "EntitySpan",
    "find_entities",
    "split_tokens",
    "tag_sentences",
    "tag_tokens",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
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


def tag_tokens(tokens: Sequence[str]) -> list[str]:
    """BIO tags (over PERS/LOC/ORG/MISC) for one sentence of token strings."""
    if not tokens:
        return []
    return tag_sentences([tokens])[0]


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """:func:`tag_tokens` for many sentences at once (one batched decoding)."""
    path = _model_path()
    if not path.exists():
        raise ModelMissing(f"NER model not found at {path}")
    pieces: list[Sequence[str]] = []
    owner: list[int] = []
    for k, tokens in enumerate(sentences):
        for i in range(0, len(tokens), _MAX_TOKENS):
            pieces.append(tokens[i : i + _MAX_TOKENS])
            owner.append(k)
    out: list[list[str]] = [[] for _ in sentences]
    for k, tags in zip(owner, linear.tag_many(path, pieces), strict=True):
        out[k].extend(tags)
    return out


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


@lru_cache(maxsize=8)
def _all_tokens(text: str) -> tuple[list[tuple[str, int, int]], list[int]]:
    """Tokens of a whole text and their start offsets (cached: the pipeline asks for
    pieces of the same text many times)."""
    out = [(m.group(), m.start(), m.end()) for m in _TOKEN_OR_MARK.finditer(text)]
    return out, [t[1] for t in out]


def split_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of ``text[start:end]`` as the model saw them in training: words and numbers
    from :func:`nashra.text.tokenize`, plus each punctuation character as its own token.
    Offsets index ``text``; a token must lie wholly inside the range."""
    toks, starts = _all_tokens(text)
    end = len(text) if end is None else end
    if start == 0 and end >= len(text):
        return list(toks)
    i = bisect_left(starts, start)
    j = bisect_left(starts, end)
    while j > i and toks[j - 1][2] > end:
        j -= 1
    return toks[i:j]


def find_entities(text: str) -> list[EntitySpan]:
    """Entity mentions in ``text`` with character offsets into it."""
    spans: list[EntitySpan] = []
    sentences = [split_tokens(text, s_start, s_end) for s_start, s_end in split_sentences(text)]
    sentences = [toks for toks in sentences if toks]
    words = [[t[0] for t in toks] for toks in sentences]
    tagged = consistent(words, tag_sentences(words))
    for toks, tags in zip(sentences, tagged, strict=True):
        for a, b, typ in bio_spans(tags):
            # never start or end an entity on punctuation
            while a < b and not toks[a][0][0].isalnum():
                a += 1
            while b > a and not toks[b - 1][0][-1].isalnum():
                b -= 1
            if a < b:
                cs, ce = toks[a][1], toks[b - 1][2]
                spans.append(EntitySpan(text[cs:ce], typ, cs, ce))
    return spans
