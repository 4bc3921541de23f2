"""Normalisation forms.

*Display* text is what the reader sees: only invisible controls and NULs are removed.
The *match* form is derived for search, dedup, entity keys and follows; it is never
shown and never stored instead of the display text.
"""

from __future__ import annotations

import re
import unicodedata

# Bidi controls: LRM/RLM, embeddings/overrides, isolates; plus ALM and zero-width no-break
# space (BOM) which show up mid-text in scraped pages.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
_DISPLAY_DROP = {ord(c): None for c in BIDI_CONTROLS + "\x00"}

TATWEEL = "\u0640"

_MATCH_TABLE: dict[int, str | None] = {}
for _c in "آأإٱ":
    _MATCH_TABLE[ord(_c)] = "ا"
_MATCH_TABLE[ord("ى")] = "ي"
_MATCH_TABLE[ord("ة")] = "ه"
# Hamza seats fold to the bare hamza so مسؤول = مسئول = مسءول on both sides of a match.
for _c in "ؤئ":
    _MATCH_TABLE[ord(_c)] = "ء"
_MATCH_TABLE[ord("ی")] = "ي"  # Farsi yeh
_MATCH_TABLE[ord("ک")] = "ك"  # keheh
_MATCH_TABLE[ord(TATWEEL)] = None
for _cp in list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660)) + [0x0670] + list(
    range(0x06D6, 0x06EE)
):
    _MATCH_TABLE[_cp] = None
for _i in range(10):
    _MATCH_TABLE[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _MATCH_TABLE[0x06F0 + _i] = str(_i)  # Extended Arabic-Indic (Persian/Urdu) digits
for _c in BIDI_CONTROLS + "\x00\u200b\u200c\u200d":
    _MATCH_TABLE[ord(_c)] = None

_SPACES = re.compile(r"\s+")


def clean_display(text: str) -> str:
    """Remove bidi controls and NULs; everything else the reader sees stays as written."""
    return text.translate(_DISPLAY_DROP)


def match_form(text: str) -> str:
    """The form used to decide whether two strings mean the same word(s).

    NFKC first (presentation forms, ligatures), then fold letters, drop marks, fold digits,
    lower-case Latin and collapse whitespace.
    """
    if text.isascii():
        return _SPACES.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text.translate(_MATCH_TABLE).lower()).strip()
