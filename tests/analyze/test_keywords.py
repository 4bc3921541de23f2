"""Keywords: distinctive terms weighed by how the news uses them, names as their entities."""

from __future__ import annotations

import pytest

from nashra.analyze.keywords import definite_rate, headline_rate, key_terms, keywords
from nashra.text import terms

# A report of ours: its headline leads with a verb (تعلن), and its body repeats the words
# of any report (شدد، ضرورة، مواصلة، أكد) as often as its topic (التضخم، الأسعار).
TITLE = "الحكومة تعلن خطة لكبح التضخم وتثبيت أسعار الخبز"
BODY = (
    "أعلنت الحكومة أمس خطة من عشرة بنود لكبح التضخم الذي بلغ أعلى مستوياته منذ سنوات. "
    "وشدد وزير المالية على ضرورة مواصلة دعم الخبز والوقود، وأكد أن التضخم سيتراجع. "
    "وشدد الوزير على ضرورة مواصلة الرقابة على الأسواق، وأكد أن أسعار الخبز لن ترتفع. "
    "وشدد رئيس الغرفة التجارية على ضرورة مواصلة الحوار مع التجار لضبط الأسعار."
)


def _has_tables() -> None:
    if not key_terms():
        pytest.skip("no key-term table shipped")


def test_the_key_term_table_was_built_with_the_document_frequencies() -> None:
    from nashra.analyze.keywords import document_frequencies

    _has_tables()
    df = document_frequencies()
    assert set(key_terms()) == set(df) - {""}  # one run of nashra.analyze.train.df
    for term, (in_headlines, occurrences, definite) in list(key_terms().items())[:2000]:
        assert in_headlines <= df[""] and definite <= occurrences and occurrences >= df[term]


def test_the_key_term_table_tells_verbs_and_set_phrases_from_topics() -> None:
    _has_tables()
    (announces,) = terms("يعلن")
    (inflation,) = terms("التضخم")
    (stressed,) = terms("شدد")
    (necessity,) = terms("ضرورة")
    (oil,) = terms("النفط")
    assert definite_rate(announces) < 0.05 < 0.5 < definite_rate(inflation)
    assert headline_rate(stressed) < 0.01 and headline_rate(necessity) < 0.02
    assert headline_rate(oil) > 0.2


def test_an_unknown_word_shaped_like_a_verb_or_with_a_pronoun_takes_no_article() -> None:
    _has_tables()
    for word in ("يتفاوضان", "تستعجلان", "يتحاورن", "ستُنجِز", "سنعيد", "مفاوضاتهما", "اتسامهم"):
        (term,) = terms(word)
        assert term not in key_terms(), word  # words of ours the corpus never had
        assert definite_rate(term) == 0.0, word
    (unknown_noun,) = terms("الزنبركات")
    assert unknown_noun not in key_terms()
    assert definite_rate(unknown_noun) > 0.1


def test_a_keyword_is_shown_without_tatweel() -> None:
    text = "ضرب الزلـــزال المدينة فجراً، وقال السكان إن الزلـــزال هدم البيوت القديمة."
    shown = {k.display for k in keywords(text, top=5)}
    assert "الزلزال" in shown and not any("\u0640" in d for d in shown)


def test_headline_verbs_and_the_words_of_any_report_are_no_keywords() -> None:
    _has_tables()
    found = [k.term for k in keywords(BODY, top=5, title=TITLE)]
    assert terms("التضخم")[0] in found[:2]
    assert terms("الخبز")[0] in found
    for word in ("تعلن", "شدد", "وشدد", "ضرورة", "مواصلة", "وأكد"):
        assert not set(terms(word)) & set(found), word


@pytest.mark.usefixtures("ner_model")
def test_a_name_is_one_keyword_shown_as_its_entity() -> None:
    from nashra.analyze import analyze_text

    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان في أنقرة أمس وفداً من رجال الأعمال. "
        "وقال أردوغان إن الاستثمارات الجديدة ستوفر آلاف الوظائف، وأضاف أردوغان أن "
        "الحكومة ستخفض الضرائب على المصانع."
    )
    a = analyze_text(text, title="أردوغان يستقبل وفداً من رجال الأعمال في أنقرة")
    shown = [k.display for k in a.keywords]
    assert shown.count("رجب طيب أردوغان") == 1
    assert not {"رجب", "طيب", "أردوغان"} & set(shown)
    assert "أنقرة" in shown
    assert not set(terms("يستقبل")) & {k.term for k in a.keywords[:5]}
