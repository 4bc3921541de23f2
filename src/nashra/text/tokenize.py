"""Tokenizer with offsets into the original display text.

``tokenize(text)`` returns :class:`Token` tuples ``(text, start, end, kind)`` such that
``text[t.start:t.end] == t.text`` always. One compiled regular expression does the work
(``finditer``), so there is no per-character Python loop.

Why not ``\\w``: Python's ``\\w`` (like SQLite's ``unicode61``) stops at harakat, so
أكَّدَ would split into pieces. Arabic words here are a run that starts with an Arabic
letter and continues with Arabic letters, harakat/Quranic marks, tatweel, ZWNJ/ZWJ and
stray bidi controls (all of which the match form deletes).

Kinds:

``word``     Arabic word (letters U+0620–064A, U+066E–06D3, U+06D5, U+06EE–06EF,
             U+06FA–06FF, Arabic Supplement/Extended-A, presentation forms)
``latin``    a word in any other script (Latin, Cyrillic, …), letters and digits, or a number
             glued to letters such as ``5G``
``number``   digits in any of ASCII, Arabic-Indic, Extended Arabic-Indic or full-width
             form, with inner decimal/thousands separators ``. , ٫ ٬`` (``3.5``, ``١٬٠٠٠``)
``url``      ``http(s)://``, ``ftp://`` or ``www.`` up to whitespace or quotes; trailing
             punctuation is left out
``email``    ``local@domain.tld``
``hashtag``  ``#`` followed by word characters (Arabic marks and ``_`` included)
``mention``  ``@`` followed by word characters

Everything else (Arabic punctuation ، ؛ ؟, quotes « » “ ” " ', brackets, hyphens, ``_``
outside hashtags, symbols) separates tokens and is not returned. A word and a number
directly adjacent (عام2024) are two tokens, as are an Arabic and a Latin run (الـCNN).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["KINDS", "Token", "tokenize", "TOKEN_RE", "TOKEN_FINDALL_RE"]

KINDS = frozenset({"word", "number", "latin", "url", "hashtag", "mention", "email"})

# Arabic letters (including presentation forms, which NFKC folds in the match form).
_AR_LETTER = (
    "\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd50-\ufdfb\ufe70-\ufefc"
)
# Marks that live inside a word: harakat, Quranic marks, superscript alef, tatweel,
# Extended-A marks, ZWNJ/ZWJ and bidi controls (deleted by the match form).
_AR_INNER = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u08ca-\u08ff"
    "\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
)
# Every Arabic-block code point, to exclude from the "other script" class.
_AR_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19"
_COMBINING = "\u0300-\u036f"

_WORD = rf"[{_AR_LETTER}][{_AR_LETTER}{_AR_INNER}]*"
_URL = (
    r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ff][Tt][Pp]://|[Ww][Ww][Ww]\.)"
    r"(?:[^\s<>\"«»“”،؛]*[^\s<>\"«»“”،؛.,:;!?'’)\]}؟…])?"
)
_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_TAG_BODY = rf"(?:[\w{_AR_INNER}]|[{_COMBINING}])+"
_HASHTAG = rf"[#＃]{_TAG_BODY}"
_MENTION = rf"[@＠]{_TAG_BODY}"
# Letters of any non-Arabic script, then letters/digits/combining marks; or digits glued to
# Latin letters (5G, 3D).
_OTHER_START = rf"[^\W\d_{_AR_BLOCKS}]"
_OTHER_CONT = rf"(?:[^\W_{_AR_BLOCKS}]|[{_COMBINING}])*"
_LATIN = rf"(?:{_OTHER_START}{_OTHER_CONT}|[0-9]+[A-Za-z]{_OTHER_CONT})"
_NUMBER = rf"[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*"

# Order matters only where two alternatives can start on the same character:
# url and email before latin, latin (5G) before number.
_ALTERNATIVES = (
    ("word", _WORD),
    ("url", _URL),
    ("email", _EMAIL),
    ("hashtag", _HASHTAG),
    ("mention", _MENTION),
    ("latin", _LATIN),
    ("number", _NUMBER),
)

#: With one named group per kind (``m.lastgroup`` is the kind).
TOKEN_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _ALTERNATIVES))
#: The same language without groups, for ``findall`` returning plain strings.
TOKEN_FINDALL_RE = re.compile("|".join(f"(?:{p})" for _, p in _ALTERNATIVES))


class Token(NamedTuple):
    """One token; ``start``/``end`` index the text given to :func:`tokenize`."""

    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str) -> list[Token]:
    """Split display text into tokens with exact offsets (see module docstring)."""
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "word") for m in TOKEN_RE.finditer(text)
    ]
