"""Sentence splitter for Arabic (and mixed) news text.

``split_sentences(text)`` returns ``(start, end)`` spans into ``text``, in order, not
overlapping, each trimmed of surrounding whitespace and never empty.

Rules:

* A sentence ends after a run of ``. ! ? ؟ …`` (plus any closing quotes or brackets
  right after it) that is followed by whitespace, the end of the text, or an Arabic
  letter (Arabic text often omits the space: ``انتهى.وقال``). A dot between digits
  (3.5, ٣.٥) or inside a Latin word (example.com) is therefore never a boundary.
* A newline always ends a sentence (news paragraphs); it also closes any open quote.
* Inside an open quotation (« », “ ”, or ASCII ``"`` toggling) we do not split, so a
  quoted statement of several sentences stays with its ``قال``; but once the current
  sentence is longer than ``MAX_QUOTED`` characters we split anyway (an unbalanced quote
  must not swallow a paragraph).
* A dot after a single letter is an abbreviation, not an end: ``د.`` (doctor), ``م.``
  (engineer), ``أ.د.``, ``U.S.``, ``e.g.``; except after a number (``عام 1990 م.`` and
  ``1990م.`` end the sentence, م being the year marker). Also ``Mr. Mrs. Dr. Prof. St.
  Jr. Sr. vs. No.`` and a list number at the start of a sentence (``1. …``).

The scan is one regular expression over the text, visiting only quote characters,
newlines and terminators.
"""

from __future__ import annotations

import re

__all__ = ["MAX_QUOTED", "split_sentences"]

MAX_QUOTED = 500

_AR_LETTER = "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_EVENTS = re.compile(
    r"(?P<nl>\n)"
    r"|(?P<open>[«“])"
    r"|(?P<close>[»”])"
    r'|(?P<dq>")'
    rf"|(?P<term>[.!?؟…]+)(?P<closers>[»”’')\]]*)(?P<dq_after>\"?)(?=\s|$|[{_AR_LETTER}])"
)
# The word just before a dot: captures a single letter preceded by a non-letter.
_SINGLE_LETTER = re.compile(
    rf"(?:^|[^A-Za-z{_AR_LETTER}\u064b-\u0652\u0640])([A-Za-z{_AR_LETTER}])$"
)
_NUMBER_BEFORE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]\s?$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no"})
_LAST_WORD = re.compile(r"([A-Za-z]+)$")
_LIST_NUMBER = re.compile(r"\s*[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}")


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    """Whether the single ``.`` at ``dot`` closes an abbreviation rather than a sentence."""
    before = text[max(sent_start, dot - 12) : dot]
    m = _SINGLE_LETTER.search(before)
    if m is not None:
        # م/ه after a number is the year marker that often ends a sentence.
        return _NUMBER_BEFORE.search(before[: m.start(1)]) is None
    m = _LAST_WORD.search(before)
    if m is not None and m.group(1).lower() in _ABBREVIATIONS:
        return True
    return _LIST_NUMBER.fullmatch(text, sent_start, dot) is not None


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text`` (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    sent_start = 0
    depth = 0  # open « “ quotes
    dq_open = False  # inside ASCII "…"
    for m in _EVENTS.finditer(text):
        kind = m.lastgroup
        if kind == "nl":
            _add(spans, text, sent_start, m.start())
            sent_start = m.end()
            depth = 0
            dq_open = False
        elif kind == "open":
            depth += 1
        elif kind == "close":
            if depth:
                depth -= 1
        elif kind == "dq":
            dq_open = not dq_open
        else:  # a terminator run (the last group matched is one of its sub-groups)
            term_start, term_end = m.span("term")
            closers = m.group("closers")
            end = m.end("closers")
            for c in closers:
                if c in "»”" and depth:
                    depth -= 1
            if m.group("dq_after"):
                if dq_open:
                    dq_open = False
                    end = m.end()
                else:
                    dq_open = True  # an opening quote glued to the dot
            quoted = depth > 0 or dq_open
            if quoted and term_start - sent_start < MAX_QUOTED:
                continue
            if (
                term_end - term_start == 1
                and text[term_start] == "."
                and _is_abbreviation(text, sent_start, term_start)
            ):
                continue
            _add(spans, text, sent_start, end)
            sent_start = end
    _add(spans, text, sent_start, len(text))
    return spans
