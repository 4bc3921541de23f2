"""The one Arabic analyzer: indexing, queries, dedup and matching all call these.

Pipeline, per token of :func:`nashra.text.tokenize.tokenize`:

* ``word``: match form → drop stopwords → light stem. NFKC can turn one token into
  several words (ﷺ); each is analysed.
* ``latin``: match form (lower-cased, NFKC), not stemmed, no stopwords.
* ``number``: ASCII digits; Arabic separators ٫ ٬ fold to ``.`` ``,``; thousands
  separators in well-formed groups are dropped (``1,000`` = ``١٬٠٠٠`` = ``1000``).
* ``hashtag``: the body is split at ``_`` and analysed as words
  (``#الانتخابات_الرئاسية`` → انتخاب, رءاس).
* ``mention``: ``@`` + match form of the handle, one term.
* ``url``, ``email``: lower-cased, one term.

:func:`terms` and :func:`analyze` run the same per-token function over the same
tokenizer, so ``[t.term for t in analyze(s)] == terms(s)`` always. The per-token
function is cached by the raw token string, which is what makes the hot path fast:
one ``re.findall`` over the text, then one cache lookup per token, all in C.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from nashra.text.memo import Memo
from nashra.text.normalize import match_form
from nashra.text.stem import stem
from nashra.text.stopwords import STOPWORDS
from nashra.text.tokenize import TOKEN_FINDALL_RE

__all__ = [
    "TERMS_VERSION",
    "Term",
    "analyze",
    "analyze_scanned",
    "fingerprint_terms",
    "query_terms",
    "terms",
    "token_terms",
]

# Raised whenever terms() gives another term for some word (normalisation, stopwords or
# the stemmer changed): `nashra migrate` rebuilds a search index of older terms.
# 2: the stemmer keeps names and protected stems whole (كلينتون, لاعبا, للجنة).
TERMS_VERSION = 2

_EMPTY: tuple[str, ...] = ()
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_findall = TOKEN_FINDALL_RE.findall


class Term(NamedTuple):
    """An index term with the span of the display-text token it came from."""

    term: str
    start: int
    end: int


def _word_terms(form: str) -> list[str]:
    """Terms for a match-form string that may hold several space-separated words."""
    out: list[str] = []
    stopwords = STOPWORDS
    for piece in form.split():
        first = piece[0]
        if "0" <= first <= "9":
            if _THOUSANDS.fullmatch(piece):
                piece = piece.replace(",", "")
            out.append(piece)
        elif "\u0600" <= first <= "\u06ff":
            if piece not in stopwords:
                out.append(stem(piece))
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=200_000)
def token_terms(token: str) -> tuple[str, ...]:
    """Terms for one raw token (as returned by the tokenizer); cached."""
    first = token[0]
    if first in "#＃":
        return tuple(_word_terms(match_form(token[1:]).replace("_", " ")))
    if first in "@＠":
        handle = match_form(token[1:])
        return ("@" + handle,) if handle else _EMPTY
    if "@" in token or "://" in token or token[:4].lower() == "www.":
        return (token.lower(),)
    return tuple(_word_terms(match_form(token))) or _EMPTY


@lru_cache(maxsize=200_000)
def _token_fingerprint(token: str) -> tuple[str, ...]:
    return tuple(match_form(token).split())


def terms(text: str) -> list[str]:
    """Index terms of ``text``: tokenize → match form → drop stopwords → stem."""
    return list(chain.from_iterable(map(token_terms, _findall(text))))


def query_terms(text: str) -> list[str]:
    """Terms of a search query; the same pipeline as :func:`terms`, on purpose."""
    return terms(text)


def analyze(text: str) -> list[Term]:
    """Like :func:`terms`, with each term's token span in ``text`` (for highlighting)."""
    out: list[Term] = []
    append = out.append
    new = tuple.__new__  # a Term without the Python-level __new__ of NamedTuple
    for m in TOKEN_FINDALL_RE.finditer(text):  # the same matches, no groups to record
        found = token_terms(m.group())
        if found:
            start, end = m.span()
            for term in found:
                append(new(Term, (term, start, end)))
    return out


@lru_cache(maxsize=4096)
def _is_mark(char: str) -> bool:
    return TOKEN_FINDALL_RE.fullmatch(char) is None


def _scanned_terms(token: str) -> tuple[str, ...]:
    """Terms of one piece of a scan (below): none for a mark."""
    return _EMPTY if len(token) == 1 and _is_mark(token) else token_terms(token)


_SCANNED_TERMS: Memo[str, tuple[str, ...]] = Memo(_scanned_terms, 200_000)


def analyze_scanned(scanned: Sequence[tuple[str, int, int]]) -> list[Term]:
    """:func:`analyze` of a text from a scan of it already made: ``(token, start, end)``
    for each of its tokens and, between them, each other visible character on its own
    (the entity tagger's scan, so a text is scanned once, not twice). A one-character
    piece is such a mark exactly when the tokenizer matches nothing there, that is when
    it is no token on its own."""
    out: list[Term] = []
    append = out.append
    new = tuple.__new__
    found = _SCANNED_TERMS.many(list(map(itemgetter(0), scanned)))
    for (_, start, end), terms_of in zip(scanned, found, strict=True):
        for term in terms_of:
            append(new(Term, (term, start, end)))
    return out


def fingerprint_terms(text: str) -> list[str]:
    """Match-form words, no stemming and no stopword removal (for dedup shingles)."""
    return list(chain.from_iterable(map(_token_fingerprint, _findall(text))))
