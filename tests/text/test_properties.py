"""Property tests: the text layer never raises and keeps its invariants on any Unicode."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nashra.analyze.ner.tagger import scan_tokens
from nashra.text import (
    analyze,
    clean_display,
    fingerprint_terms,
    match_form,
    query_terms,
    split_sentences,
    stem,
    terms,
    tokenize,
)
from nashra.text.analyzer import analyze_scanned
from nashra.text.tokenize import KINDS

# Arbitrary text, biased towards Arabic letters, marks, digits, punctuation and quotes.
_ARABIC_BITS = st.sampled_from(
    list("اأإآٱبتثجحخدذرزسشصضطظعغفقكلمنهوىيةءؤئـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۰۱۲۳٫٬،؛؟…«»“”\"'.!?#@_/:\n \t")
    + ["\u200f", "\u200c", "ﷲ", "ﷺ", "ﻻ", "https://x.y/z", "www.", "a@b.co", "Ａ", "é", "e\u0301"]
)
ARABICISH = st.lists(_ARABIC_BITS, max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), ARABICISH)


@given(ANY_TEXT)
def test_match_form_idempotent(text: str) -> None:
    once = match_form(text)
    assert match_form(once) == once


@given(ANY_TEXT)
def test_token_offsets_slice_the_text(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert token.text
        assert token.kind in KINDS
        assert token.start >= previous_end
        previous_end = token.end


@given(ANY_TEXT)
def test_terms_agree_with_analyze(text: str) -> None:
    found = terms(text)
    assert found == [t.term for t in analyze(text)]
    assert found == query_terms(text)
    assert all(found)
    for term in analyze(text):
        assert 0 <= term.start < term.end <= len(text)


@given(ANY_TEXT)
def test_analysis_of_the_taggers_scan_is_the_analysis_of_the_text(text: str) -> None:
    # the tagger's scan holds every token and, between them, every other visible
    # character alone: the analysis skips exactly those
    assert analyze_scanned(scan_tokens(text)) == analyze(text)


@given(ANY_TEXT)
def test_fingerprint_terms_are_match_forms(text: str) -> None:
    for word in fingerprint_terms(text):
        assert word
        assert match_form(word) == word


@given(ANY_TEXT)
def test_sentence_spans_in_order_and_bounds(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("اأبتجدرزسعفقكلمنهويةءؤئى")), max_size=12))
def test_stem_is_a_function_of_match_form(word: str) -> None:
    form = match_form(word)
    if form:
        result = stem(form)
        assert result
        assert len(result) <= len(form) or result == "الله"


@given(ANY_TEXT)
def test_clean_display_only_removes(text: str) -> None:
    cleaned = clean_display(text)
    assert len(cleaned) <= len(text)
    assert clean_display(cleaned) == cleaned
