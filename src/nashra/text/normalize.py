"""Normalisation forms.

*Display* text is what the reader sees: only invisible controls and NULs are removed.
The *match* form is derived for search, dedup, entity keys and follows; it is never
shown and never stored instead of the display text.

Match form, in order:

* NFKC (presentation forms, ligatures such as ﷲ, full-width Latin and digits);
* fold آ أ إ ٱ ٲ ٳ → ا, ى ی → ي, ک → ك, ة ۃ → ه, ۀ ہ ە ھ → ه, and the hamza seats ؤ ئ → ء
  (so مسؤول = مسئول = مسءول);
* delete tatweel, harakat and Quranic marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED),
  bidi controls, zero-width characters and NUL;
* fold Arabic-Indic and Extended Arabic-Indic digits to 0-9, the Arabic decimal and
  thousands separators ٫ ٬ to ``.`` and ``,``;
* lower-case, collapse runs of whitespace to one space and strip the ends.

``match_form`` is idempotent: ``match_form(match_form(s)) == match_form(s)``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Bidi controls: LRM/RLM, embeddings/overrides, isolates; plus ALM and zero-width no-break
# space (BOM) which show up mid-text in scraped pages.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
ZERO_WIDTH = "\u200b\u200c\u200d"

TATWEEL = "\u0640"

# Combining marks deleted from the match form (harakat, Quranic annotation, superscript alef).
MARK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
)


def _build_match_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for c in "آأإٱٲٳ":
        table[ord(c)] = "ا"
    for c in "ىی":  # alef maksura, Farsi yeh
        table[ord(c)] = "ي"
    table[ord("ک")] = "ك"  # keheh
    for c in "ةۃۀہەھ":  # teh marbuta (and its goal form), heh variants
        table[ord(c)] = "ه"
    # Hamza seats fold to the bare hamza so مسؤول = مسئول = مسءول on both sides of a match.
    for c in "ؤئ":
        table[ord(c)] = "ء"
    table[ord(TATWEEL)] = None
    for lo, hi in MARK_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = None
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Extended Arabic-Indic (Persian/Urdu) digits
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    for c in BIDI_CONTROLS + ZERO_WIDTH + "\x00":
        table[ord(c)] = None
    return table


_MATCH_TABLE = _build_match_table()
# str.translate looks characters up twice as fast in a list indexed by code point as in a
# dict; code points past the list raise IndexError (a LookupError), which leaves them as is.
_MATCH_LIST: list[str | None] = [chr(i) for i in range(0x10000)]
for _cp, _to in _MATCH_TABLE.items():
    if _cp < 0x10000:
        _MATCH_LIST[_cp] = _to


_DISPLAY_DROP_RE = re.compile(f"[{BIDI_CONTROLS}\\x00]+")


def clean_display(text: str) -> str:
    """Remove bidi controls and NULs; everything else the reader sees stays as written."""
    # a search for the rare characters, not a translate (a dictionary lookup a character:
    # slow on a whole decoded file)
    return _DISPLAY_DROP_RE.sub("", text)


def match_form(text: str) -> str:
    """The form used to decide whether two strings mean the same word(s).

    NFKC first (presentation forms, ligatures), then fold letters, drop marks, fold digits,
    lower-case Latin and collapse whitespace.
    """
    # " ".join(split()) collapses and strips the same whitespace as re's \s (both use
    # str.isspace), three times faster than a substitution
    if text.isascii():
        if "\x00" in text:
            text = text.replace("\x00", "")
        return " ".join(text.lower().split())
    if not unicodedata.is_normalized("NFKC", text):  # a quick check; most text already is
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_MATCH_LIST).lower()
    # Deleting a mark or lower-casing can, rarely, leave a string that NFKC would change
    # again (e.g. two combining marks meeting); repeat until stable so the form is idempotent.
    for _ in range(3):
        if unicodedata.is_normalized("NFKC", text):
            break
        text = unicodedata.normalize("NFKC", text).translate(_MATCH_LIST).lower()
    return " ".join(text.split())


SHORT_LINE = 300  # characters; longer lines are not worth caching


_match_form_short = functools.lru_cache(maxsize=8192)(match_form)


def match_form_cached(text: str) -> str:
    """match_form for code that asks about the same short line several times (structure);
    long paragraphs are computed afresh, so the cache holds at most 8192 short lines."""
    return _match_form_short(text) if len(text) <= SHORT_LINE else match_form(text)
