"""The taggers' per-word caches: rows of arrays by token string (:class:`WordRows`), one
per model file and thread, that can all be dropped (:class:`ThreadCaches`).

A cache grows while a batch is tagged, so threads do not share one. Clearing bumps a
generation number: every thread's cache starts over the next time it is asked for."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from itertools import chain, filterfalse
from typing import Generic, TypeVar

import numpy as np

C = TypeVar("C")
K = TypeVar("K", bound=Hashable)

__all__ = ["ThreadCaches", "WordRows"]


class ThreadCaches(Generic[K, C]):
    def __init__(self, make: Callable[[K], C]) -> None:
        self._make = make
        self._generation = 0
        self._local = threading.local()

    def get(self, key: K) -> C:
        """This thread's cache for the model(s) at ``key``, a path or paths (a new one
        after :meth:`clear`)."""
        caches: dict[K, tuple[int, C]] | None = getattr(self._local, "by_key", None)
        if caches is None:
            caches = self._local.by_key = {}
        found = caches.get(key)
        if found is None or found[0] != self._generation:
            found = caches[key] = (self._generation, self._make(key))
        return found[1]

    def clear(self) -> None:
        self._generation += 1


class WordRows:
    """Token string → row of growing arrays (one row a word in each), so the rows of a
    batch's tokens come out in one gather. When full it keeps the most recently used
    half: a news stream's frequent words stay; only the rare ones are computed again.

    Subclasses give the arrays' row shapes and fill in the rows of new words."""

    def __init__(
        self,
        limit: int,
        shapes: Sequence[tuple[tuple[int, ...], type]],
        variant_key: Callable[[str], str] | None = None,
    ) -> None:
        self.limit = limit
        self.slot: dict[str, int] = {}
        self.words: list[str] = []
        # Token strings with the same variant key have the same rows (a word with and
        # without diacritics or tatweel): a new token whose key is known shares its row.
        self.variant_key = variant_key
        self.keys: list[str] = []  # by row: the key of the word that filled it
        self.by_key: dict[str, int] = {}
        # Allocated at full size once: the operating system hands out memory only as rows
        # are written, where growing by doubling copied up to 300 MB and faulted it in twice.
        self.arrays: list[np.ndarray] = [
            np.empty((limit, *shape), dtype=dtype) for shape, dtype in shapes
        ]
        self.last = np.zeros(limit, dtype=np.int64)  # the batch that last used each row
        self.clock = 0

    def rows(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """Rows of all tokens of ``sentences``, one after another; computed for new words.
        They stay valid until the next call."""
        self.clock += 1
        tokens = list(chain.from_iterable(sentences))
        types = dict.fromkeys(tokens)  # in C; the loops below see each word once
        slot = self.slot
        new = list(filterfalse(slot.__contains__, types))
        if new and len(self.words) + len(new) > self.limit:
            self.last[[slot[t] for t in types if t in slot]] = self.clock
            self._keep_recent(max(0, min(self.limit // 2, self.limit - len(new))))
            slot = self.slot
            new = list(filterfalse(slot.__contains__, types))
        if new and self.variant_key is not None:
            new = self._known_variants(new)
        if new:
            start = len(self.words)
            self._grow(start + len(new))  # one batch may hold more new words than the limit
            slot.update(zip(new, range(start, start + len(new)), strict=True))
            self.words.extend(new)
            self.fill(new, start)
        out = np.fromiter(map(slot.__getitem__, tokens), dtype=np.intp, count=len(tokens))
        self.last[out] = self.clock
        return out

    def _known_variants(self, new: list[str]) -> list[str]:
        """Give the new words whose variant key has a row that row; the rest, each key
        once, still need rows (their keys are recorded for the rows they will get)."""
        assert self.variant_key is not None
        slot, by_key, keys = self.slot, self.by_key, self.keys
        start = len(self.words)
        still: list[str] = []
        for word in new:
            key = self.variant_key(word)
            row = by_key.get(key)
            if row is None:  # its row will be the next one after those of ``still``
                by_key[key] = start + len(still)
                keys.append(key)
                still.append(word)
            else:  # a known row, or one this batch is about to fill
                slot[word] = row
        return still

    def fill(self, words: list[str], start: int) -> None:
        """Write the rows of ``words``, from row ``start`` on, in every array."""
        raise NotImplementedError

    def kept(self, rows: np.ndarray) -> None:
        """Hook: only ``rows`` stay, renumbered from 0 in this order."""

    def _grow(self, size: int) -> None:
        if size <= len(self.last):
            return
        for k, a in enumerate(self.arrays):
            grown = np.empty((size, *a.shape[1:]), dtype=a.dtype)
            grown[: len(a)] = a
            self.arrays[k] = grown
        self.last = np.concatenate([self.last, np.zeros(size - len(self.last), dtype=np.int64)])

    def _keep_recent(self, n: int) -> None:
        size = len(self.words)
        keep = np.sort(np.argsort(-self.last[:size], kind="stable")[:n])
        for a in self.arrays:
            a[:n] = a[keep]
        self.last[:n] = self.last[keep]
        self.words = [self.words[k] for k in keep.tolist()]
        self.slot = {w: k for k, w in enumerate(self.words)}
        if self.variant_key is not None:
            self.keys = [self.keys[k] for k in keep.tolist()]
            self.by_key = {key: k for k, key in enumerate(self.keys)}
        self.kept(keep)
