"""Interviews set out as questions and answers: each answer is the interviewee's words.

A press interview (حوار) prints the journalist's questions and the guest's answers as
paragraphs of their own, each opened by a dash or a bullet (- …، ■ …) or by س: / ج:, with
no speech verb anywhere. An answer is a paragraph so opened right after a question (a
paragraph so opened that ends with ؟), or an unmarked line right under the question. Two such pairs, or one in a text that calls itself
an interview, make an interview; its guest is the person the text names most often
outside the questions and answers (the one the introduction presents).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from nashra.analyze.mention import Mention

__all__ = ["Answer", "interview_answers"]

_QUESTION_MARK = re.compile(r"[ \t]*(?:(?:[-–—■●•▪*][ \t]*)+|س[ \t]*[:/]|سؤال[ \t]*:)[ \t]*")
_ANSWER_MARK = re.compile(r"[ \t]*(?:(?:[-–—■●•▪*][ \t]*)+|ج[ \t]*[:/]|جواب[ \t]*:)[ \t]*")
_INTERVIEW_WORDS = re.compile(r"حوار|مقابلة|التقته|التقتها|التقيناه|التقيناها")
_TRAILING = " \t.،,"


class Answer(NamedTuple):
    """An answer's words (``text[start:end]``, without its mark and closing stop) and the
    guest who gave it (None when the text names nobody)."""

    start: int
    end: int
    guest: Mention | None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def interview_answers(text: str, mentions: list[Mention]) -> list[Answer]:
    """The answers of an interview printed as questions and answers (see the module's
    doc); [] for any other text."""
    if "؟" not in text or "\n" not in text:
        return []
    paragraphs = _paragraphs(text)
    pairs: list[tuple[int, int, int, int]] = []  # question's span, answer's span
    for (qa, qb), (aa, ab) in zip(paragraphs, paragraphs[1:], strict=False):
        question = text[qa:qb].rstrip()
        if not question.endswith("؟") or not _QUESTION_MARK.match(question):
            continue
        mark = _ANSWER_MARK.match(text, aa, ab)
        if text[aa:ab].rstrip().endswith("؟"):
            continue
        if mark is None and aa != qb + 1:
            continue  # (unmarked, an answer only on the line right under its question)
        start, end = mark.end() if mark else aa, ab
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end - start >= 2:
            pairs.append((qa, qb, start, end))
    if not pairs or len(pairs) < 2 and not _INTERVIEW_WORDS.search(text, 0, pairs[0][0]):
        return []
    inside = [(qa, end) for qa, _qb, _s, end in pairs]
    people = [
        m for m in mentions if m.type == "PERS" and not any(a <= m.start < b for a, b in inside)
    ]
    counts = Counter(m.key for m in people)
    guest = max(people, key=lambda m: counts[m.key], default=None)  # (the first of the most)
    return [Answer(s, e, guest) for _qa, _qb, s, e in pairs]
