"""Highlighted snippets cut from the display text at the matched places.

The display text is never rewritten: :func:`nashra.text.analyze` gives each term the
span of the display token it came from, so a query term found in the analysed form maps
straight back to the characters the reader sees. The snippet is safe HTML: every piece
of article text is escaped, and the only markup is ``<mark>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from nashra.text import analyze, match_form

__all__ = ["SNIPPET_CHARS", "highlight", "snippet"]

SNIPPET_CHARS = 240
_LEAD = 50  # characters of context before the first match in the window
_MAX_PARAGRAPHS = 300
_MAX_SCAN_CHARS = 30_000  # stop looking for matches after this much body text


def _found(text: str, wanted: set[str]) -> tuple[list[tuple[int, int]], set[str]]:
    """The merged display spans of the tokens whose terms are wanted, and those terms."""
    hits = [t for t in analyze(text) if t.term in wanted]
    spans = sorted({(t.start, t.end) for t in hits})
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged, {t.term for t in hits}


def _found_near(
    para: str, form: str, first: int, terms: set[str], size: int
) -> tuple[list[tuple[int, int]], set[str]]:
    """Like :func:`_found`, analysing only the stretch of a long paragraph around the first
    likely match (the match form only drops or folds characters, so the display offset is
    close to, and usually after, the match-form offset)."""
    if len(para) <= 4 * size:
        return _found(para, terms)
    lo = max(0, first - 2 * _LEAD)
    hi = min(len(para), first + max(0, len(para) - len(form)) + 3 * size)
    lo = para.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    end = para.find(" ", hi)
    hi = len(para) if end < 0 else end
    spans, found = _found(para[lo:hi], terms)
    if not spans:
        return _found(para, terms)
    return [(s + lo, e + lo) for s, e in spans], found


def _render(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    if len(text) <= size:
        return 0, len(text)
    start = 0
    if spans:
        # The window (anchored a little before a match) that holds the most matches.
        best = (-1, 0)
        for i, (s, _) in enumerate(spans):
            anchor = max(0, s - _LEAD)
            count = sum(1 for s2, e2 in spans[i:] if e2 <= anchor + size)
            if count > best[0]:
                best = (count, anchor)
        start = best[1]
    if start > 0:
        # Start at a word boundary (after a space), unless none is near.
        space = text.rfind(" ", max(0, start - 20), start + 1)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", end - 30, end)
        if space > start:
            end = space
    return start, end


def highlight(text: str, terms: set[str]) -> str:
    """All of ``text``, escaped, with the words that analyse to ``terms`` in ``<mark>``."""
    return _render(text, 0, len(text), _found(text, terms)[0] if terms else [])


def snippet(paragraphs: Sequence[str], terms: set[str], *, size: int = SNIPPET_CHARS) -> str:
    """Safe HTML: the passage of ``paragraphs`` with the most query terms, marked.

    Falls back to the start of the first non-empty paragraph when nothing matches (the
    match was in the headline, or the query was empty).
    """
    best: tuple[int, int, int, list[tuple[int, int]]] | None = None  # distinct, count, index, spans
    if terms:
        scanned = 0
        for i, para in enumerate(paragraphs[:_MAX_PARAGRAPHS]):
            scanned += len(para)
            if scanned > _MAX_SCAN_CHARS and best is not None:
                break
            # A stem is (nearly always) a substring of its word's match form: a cheap test
            # that skips paragraphs that cannot match, and says where to look in one that can.
            form = match_form(para).lower()
            first = min((i for i in (form.find(t) for t in terms) if i >= 0), default=-1)
            if first < 0:
                continue
            spans, found = _found_near(para, form, first, terms, size)
            if not spans:
                continue
            distinct = len(found)
            key = (distinct, len(spans))
            if best is None or key > best[:2]:
                best = (distinct, len(spans), i, spans)
            if distinct >= len(terms):
                break  # every query term is in this paragraph: no need to read on
    if best is None:
        text = next((p for p in paragraphs if p.strip()), "")
        start, end = _window(text, [], size)
        return _render(text, start, end, [])
    text, spans = paragraphs[best[2]], best[3]
    start, end = _window(text, spans, size)
    return _render(text, start, end, spans)
