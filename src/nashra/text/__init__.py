"""The Arabic language layer: normalisation, tokens, sentences, stems, stopwords.

Stdlib only. Every part of nashra that compares Arabic text (search, dedup, entity
keys, follows) goes through these functions, so a variant that matches in one place
matches everywhere.
"""

from nashra.text.normalize import clean_display, match_form

__all__ = ["clean_display", "match_form"]
