"""The taggers' word-row cache: rows always hold their word's values; when full, the
recently used words stay and only the others are computed again."""

from __future__ import annotations

import numpy as np

from nashra.analyze.ner.caches import WordRows


class Lengths(WordRows):
    """Each word's row: its length and its first character's code point."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit, [((2,), np.int64)])
        self.computed: list[str] = []

    def fill(self, words: list[str], start: int) -> None:
        self.computed.extend(words)
        for k, w in enumerate(words, start):
            self.arrays[0][k] = (len(w), ord(w[0]))


def _check(cache: Lengths, sentences: list[list[str]]) -> None:
    rows = cache.rows(sentences)
    words = [w for s in sentences for w in s]
    assert [tuple(r) for r in cache.arrays[0][rows].tolist()] == [
        (len(w), ord(w[0])) for w in words
    ]


def test_rows_hold_their_words_across_evictions() -> None:
    cache = Lengths(limit=6)
    rng = np.random.default_rng(0)
    vocab = [chr(0x0628 + k) * (1 + k % 5) for k in range(20)]
    largest = 0  # a batch with more new words than the limit is served whole
    for _ in range(200):
        sentences = [
            [vocab[i] for i in rng.integers(0, 20, size=rng.integers(0, 5))] for _ in range(2)
        ]
        _check(cache, sentences)
        largest = max(largest, len({w for s in sentences for w in s}))
        assert len(cache.words) == len(cache.slot) <= max(6, largest)


def test_the_recently_used_words_stay() -> None:
    cache = Lengths(limit=4)
    _check(cache, [["ا", "ب"]])
    _check(cache, [["ت", "ث"]])
    _check(cache, [["ا"]])  # used again: now the most recent with ث's batch
    cache.computed.clear()
    _check(cache, [["ج", "ح"]])  # full: keeps half (two rows): ا and one of ت/ث
    assert cache.computed == ["ج", "ح"]
    assert "ا" in cache.slot
    cache.computed.clear()
    _check(cache, [["ا", "ج", "ح"]])
    assert cache.computed == []


def test_a_batch_larger_than_the_limit_is_served_whole() -> None:
    cache = Lengths(limit=3)
    words = [chr(0x0628 + k) for k in range(10)]
    _check(cache, [words[:5], words[5:]])
    _check(cache, [words[:2]])


def _bare(word: str) -> str:
    """A toy variant key: the word without tatweel."""
    return word.replace("ـ", "")


class BareLengths(WordRows):
    """Rows keyed by the word without tatweel: variants share a row, computed once."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit, [((2,), np.int64)], _bare)
        self.computed: list[str] = []

    def fill(self, words: list[str], start: int) -> None:
        self.computed.extend(words)
        for k, w in enumerate(words, start):
            self.arrays[0][k] = (len(_bare(w)), ord(w[0]))


def test_variants_share_a_row_across_evictions() -> None:
    cache = BareLengths(limit=6)
    rng = np.random.default_rng(1)
    stems = [chr(0x0628 + k) * (2 + k % 3) for k in range(12)]
    vocab = [*stems, *(s[0] + "ـ" + s[1:] for s in stems)]  # each with a tatweel variant
    for _ in range(300):
        sentences = [[vocab[i] for i in rng.integers(0, 24, size=rng.integers(0, 6))]]
        rows = cache.rows(sentences)
        words = sentences[0]
        assert [tuple(r) for r in cache.arrays[0][rows].tolist()] == [
            (len(_bare(w)), ord(w[0])) for w in words
        ]
        # one row a key: two variants in the cache never hold two rows
        assert len(cache.words) == len({_bare(w) for w in cache.words})
    cache.computed.clear()
    first = stems[0] * 2  # a new word
    variant = first[0] + "ـ" + first[1:]
    cache.rows([[first, variant]])
    assert cache.computed == [first]  # the variant took the new row of its key


def test_group_sums_match_a_loop_and_allow_empty_groups() -> None:
    from nashra.analyze.ner.rowsums import group_sums

    rng = np.random.default_rng(2)
    table = rng.normal(size=(50, 7)).astype(np.float32)
    rows = rng.integers(0, 50, size=40).tolist()
    starts = [0, 5, 5, 17, 39]  # the second group is empty; the last runs to the end
    got = group_sums(table, rows, starts)
    ends = [*starts[1:], len(rows)]
    want = np.stack([table[rows[a:b]].sum(axis=0) for a, b in zip(starts, ends, strict=True)])
    assert got.shape == (5, 7)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    assert not got[1].any()
