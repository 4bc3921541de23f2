"""Learning the words whose first letter و ف ب ك ل is their own (the stemmer's learnt list)."""

from __future__ import annotations

from collections import Counter

from nashra.analyze.train.proclitic_words import learn
from nashra.text import match_form, stem
from nashra.text.stem import LEARNT_PATH, hand_stem


def _counts(text: str) -> Counter[str]:
    return Counter(match_form(w) for w in text.split())


def test_a_word_whose_rest_is_never_written_alone_is_learnt() -> None:
    words = _counts(
        "بانوراما " * 12  # نوراما never written alone: the ب is the word's own
        + "بشكل " * 30
        + "الشكل " * 3  # شكل is written elsewhere: ب + شكل
        + "ونصرتهم " * 11
        + "نصرة " * 2  # the rest without its pronoun is written: و + …
        + "بقاموس " * 4  # too rare to tell
        + "وبانوراما " * 2
    )
    assert learn(words, min_count=10) == ["بانوراما"]


def test_a_rest_that_would_meet_another_word_is_not_learnt() -> None:
    # the proclitic reading of كمساعد gives مساعد, the stem of مساعدين too
    words = _counts("كمساعد " * 15 + "مساعدين " * 5)
    assert learn(words, min_count=10) == []


def test_the_learnt_words_keep_their_first_letter() -> None:
    learnt = LEARNT_PATH.read_text("utf-8").split()
    assert len(learnt) > 100 and learnt == sorted(set(learnt))
    assert all(stem(w).startswith(w[0]) for w in learnt)
    # the hand rules alone (what they were learnt from, the tagger's stem feature) do not
    assert not any(hand_stem(w).startswith(w[0]) for w in learnt)
    assert all(stem("و" + w) == stem(w) for w in learnt[::10])  # a conjunction before it
