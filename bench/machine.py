"""How fast this machine runs Python right now, so figures from different hours compare.

The same code on the same machine has measured anywhere from 31 to 75 articles/s from
one hour to another (a shared host). :func:`python_speed` times a fixed pure-Python
workload — integer arithmetic, dictionary and string operations, the kind of work the
pipeline does — in CPU seconds; a benchmark records it before and after its run. A
figure divided by another hour's is only meaningful next to the two calibrations.
"""

from __future__ import annotations

import time

__all__ = ["python_speed"]


def _workload() -> int:
    counts: dict[str, int] = {}
    total = 0
    for i in range(400_000):
        word = "كلمة" + str(i % 997)
        counts[word] = counts.get(word, 0) + 1
        total += len(word) * (i & 7)
    return total + len(counts)


def python_speed(repeats: int = 5) -> float:
    """CPU seconds of the reference workload (the best of ``repeats`` runs): lower is a
    faster machine (0.19–0.25 s on the development machine on 2026-11-29, an hour when
    the pipeline ran at about 31 articles/s)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        _workload()
        best = min(best, time.process_time() - t0)
    return round(best, 3)


if __name__ == "__main__":
    print(python_speed())
