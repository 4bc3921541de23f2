"""The Arabic language layer: normalisation, tokens, sentences, stems, stopwords.

Stdlib only. Every part of nashra that compares Arabic text (search, dedup, entity
keys, follows) goes through these functions, so a variant that matches in one place
matches everywhere.
"""

from nashra.text.analyzer import (
    TERMS_VERSION,
    Term,
    analyze,
    fingerprint_terms,
    query_terms,
    terms,
)
from nashra.text.normalize import clean_display, match_form
from nashra.text.sentences import split_sentences
from nashra.text.stem import stem
from nashra.text.stopwords import STOPWORDS, is_stopword
from nashra.text.tokenize import Token, tokenize

__all__ = [
    "STOPWORDS",
    "TERMS_VERSION",
    "Term",
    "Token",
    "analyze",
    "clean_display",
    "fingerprint_terms",
    "is_stopword",
    "match_form",
    "query_terms",
    "split_sentences",
    "stem",
    "terms",
    "tokenize",
]
