from __future__ import annotations

from nashra.text.memo import Memo


def test_many_computes_each_missing_key_once_and_keeps_order() -> None:
    calls: list[str] = []

    def shout(word: str) -> str | None:
        calls.append(word)
        return None if word == "لا" else word.upper() + "!"

    memo = Memo(shout, limit=100)
    assert memo.many(["a", "لا", "b", "a", "لا"]) == ["A!", None, "B!", "A!", None]
    assert calls == ["a", "لا", "b"]  # a key that comes twice is computed once; None kept
    assert memo.many(["b", "c", "a"]) == ["B!", "C!", "A!"]
    assert calls == ["a", "لا", "b", "c"]
    assert memo.many([]) == []


def test_a_full_memo_starts_over_instead_of_growing() -> None:
    memo = Memo(len, limit=3)
    assert memo.many(["a", "bb", "ccc"]) == [1, 2, 3]
    assert len(memo.data) == 3
    # one more would pass the limit: emptied first (what was found still answers)
    assert memo.many(["dddd", "a"]) == [4, 1]
    assert set(memo.data) == {"dddd"}
