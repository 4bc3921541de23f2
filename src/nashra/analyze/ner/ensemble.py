"""The neural tagger and its CRF partner under one word cache: a batch's tokens are looked
up once for both models (one dictionary pass, one variant key per new word), and a new
word's rows for both are written together.

Each model keeps its own cache for tagging alone (``neural.emissions``,
``linear.emissions``); this one serves the ensemble, the shipped configuration."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from nashra.analyze.ner import linear, neural
from nashra.analyze.ner.caches import ThreadCaches, WordRows
from nashra.analyze.ner.features import variant_key

__all__ = ["clear", "emissions"]


class _EnsembleCache(WordRows):
    """Word → the neural model's rows (arrays 0 and 1: input projection, word-vector
    row), the CRF's score table (array 2) and its match form (``forms``)."""

    def __init__(self, net: neural.NeuralModel, crf: linear.LinearModel) -> None:
        super().__init__(
            min(neural.CACHE_WORDS, linear.CACHE_WORDS),
            [*neural.cache_shapes(net), *linear.cache_shapes(crf)],
            variant_key,
        )
        self.net, self.crf = net, crf
        self.forms: list[str] = []

    def fill(self, words: list[str], start: int) -> None:
        table, vector_row, scores = self.arrays
        neural.project(self.net, words, table, vector_row, start)
        self.forms.extend(linear.score_words(self.crf, words, scores, start))

    def kept(self, rows: np.ndarray) -> None:
        self.forms = [self.forms[k] for k in rows.tolist()]


_caches: ThreadCaches[tuple[Path, Path], _EnsembleCache] = ThreadCaches(
    lambda paths: _EnsembleCache(neural.load_model(paths[0]), linear.load_model(paths[1]))
)


def clear() -> None:
    """Forget cached words (after the features or a model changed)."""
    _caches.clear()


def emissions(
    net: Path, crf: Path, sentences: Sequence[Sequence[str]], documents: Sequence[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the neural model's label scores, the CRF's, the sentence lengths) of non-empty
    ``sentences`` (``documents``: as for :func:`neural.emissions`)."""
    cache = _caches.get((net, crf))
    rows = cache.rows(sentences)
    table, vector_row, scores = cache.arrays
    emit, lengths = neural.emissions_at(
        neural.load_model(net), table, vector_row, rows, sentences, documents
    )
    crf_emit = linear.emissions_at(linear.load_model(crf), scores, cache.forms, rows, sentences)
    return emit, crf_emit, lengths
