"""Per-thread word caches of the taggers, one per model file, that can all be dropped.

A cache grows while a batch is tagged, so threads do not share one. Clearing bumps a
generation number: every thread's cache starts over the next time it is asked for."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

C = TypeVar("C")

__all__ = ["ThreadCaches"]


class ThreadCaches(Generic[C]):
    def __init__(self, make: Callable[[Path], C]) -> None:
        self._make = make
        self._generation = 0
        self._local = threading.local()

    def get(self, path: Path) -> C:
        """This thread's cache for the model at ``path`` (a new one after :meth:`clear`)."""
        caches: dict[Path, tuple[int, C]] | None = getattr(self._local, "by_path", None)
        if caches is None:
            caches = self._local.by_path = {}
        found = caches.get(path)
        if found is None or found[0] != self._generation:
            found = caches[path] = (self._generation, self._make(path))
        return found[1]

    def clear(self) -> None:
        self._generation += 1
