"""Language by script ratio, and reading time."""

from __future__ import annotations

import math
import re

__all__ = ["detect_language", "reading_time_min"]

# runs of letters, whose lengths add up: one string a run, not one a letter
_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")

# Words per minute: Arabic readers are slower per word than English ones (long words,
# unvoweled script); these are common planning figures.
WPM = {"ar": 180, "en": 230}


def detect_language(text: str, sample: int = 5000) -> str:
    """``ar``, ``en`` or ``und`` from the share of Arabic vs Latin letters."""
    s = text[:sample]
    ar = sum(map(len, _ARABIC.findall(s)))
    la = sum(map(len, _LATIN.findall(s)))
    if ar + la < 20:
        return "und"
    if ar >= 0.5 * (ar + la):
        return "ar"
    return "en"


def reading_time_min(text: str, language: str = "ar") -> int:
    """Minutes to read ``text`` (at least 1 for non-empty text)."""
    words = len(text.split())  # the runs of non-space characters
    if not words:
        return 0
    return max(1, math.ceil(words / WPM.get(language, 200)))
