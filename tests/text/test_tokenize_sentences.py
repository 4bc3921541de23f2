"""Tokenizer kinds and offsets; sentence splitting rules."""

from __future__ import annotations

from nashra.text import split_sentences, tokenize


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_diacritics_and_tatweel_stay_in_one_word() -> None:
    assert _pairs("أكَّدَ الكرمـــلين") == [("أكَّدَ", "word"), ("الكرمـــلين", "word")]


def test_arabic_punctuation_separates() -> None:
    text = "قال،«نعم»؛ هل؟(لا)"
    assert [t.text for t in tokenize(text)] == ["قال", "نعم", "هل", "لا"]


def test_kinds() -> None:
    text = "في ٢٠٢٤ نما 3.5% و١٬٢٠٠ #الاقتصاد_السعودي @spa_news https://spa.gov.sa/x. info@spa.gov.sa 5G Saudi"
    assert _pairs(text) == [
        ("في", "word"),
        ("٢٠٢٤", "number"),
        ("نما", "word"),
        ("3.5", "number"),
        ("و", "word"),
        ("١٬٢٠٠", "number"),
        ("#الاقتصاد_السعودي", "hashtag"),
        ("@spa_news", "mention"),
        ("https://spa.gov.sa/x", "url"),
        ("info@spa.gov.sa", "email"),
        ("5G", "latin"),
        ("Saudi", "latin"),
    ]


def test_offsets_point_into_original() -> None:
    text = "\u200fقالَ   الوزيرُ: «سنبدأ»."
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_basic_sentences() -> None:
    text = "وصل الوفد. وبدأ الاجتماع! هل انتهى؟ لا… ليس بعد"
    assert _sentences(text) == ["وصل الوفد.", "وبدأ الاجتماع!", "هل انتهى؟", "لا…", "ليس بعد"]


def test_no_split_in_numbers_and_abbreviations() -> None:
    text = "قال د. سامي إن النسبة 3.5 بالمئة. ثم غادر."
    assert _sentences(text) == ["قال د. سامي إن النسبة 3.5 بالمئة.", "ثم غادر."]


def test_year_marker_ends_sentence() -> None:
    assert _sentences("تأسست عام 1932م. ثم توسعت.") == ["تأسست عام 1932م.", "ثم توسعت."]


def test_quote_is_not_split() -> None:
    text = "وقال: «لن نتراجع. سنواصل العمل». وغادر القاعة."
    assert _sentences(text) == ["وقال: «لن نتراجع. سنواصل العمل».", "وغادر القاعة."]


def test_unclosed_quote_does_not_swallow_everything() -> None:
    text = "قال «" + "كلمة كلمة. " * 100
    assert len(split_sentences(text)) > 1


def test_newline_ends_sentence() -> None:
    assert _sentences("سطر أول\nسطر ثان\n\n") == ["سطر أول", "سطر ثان"]


def test_missing_space_after_stop() -> None:
    assert _sentences("انتهى الأمر.وقال آخر") == ["انتهى الأمر.", "وقال آخر"]
