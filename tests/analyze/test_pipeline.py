from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from nashra.analyze import ANALYSIS_VERSION, analyze_document
from nashra.analyze.keywords import keywords
from nashra.analyze.language import detect_language, reading_time_min
from nashra.analyze.summary import summarize
from nashra.extract.document import Document

BODY = [
    "أعلنت وزارة الصحة اللبنانية أمس ارتفاع عدد الإصابات بالكوليرا في البقاع إلى مئة حالة.",
    "وقال وزير الصحة فراس الأبيض إن الوزارة أرسلت فرقاً طبية إلى القرى المتضررة، مؤكداً أن "
    "المياه الملوثة هي السبب الرئيسي لانتشار الكوليرا.",
    "وأضاف الأبيض: «نعمل مع منظمة الصحة العالمية على حملة تلقيح واسعة تبدأ يوم الإثنين المقبل».",
]


@pytest.mark.usefixtures("ner_model")
def test_analyze_document_offsets_and_json() -> None:
    doc = Document(
        origin="test",
        format="text",
        original=b"",
        title="الكوليرا في البقاع",
        body=BODY,
        published_at=datetime(2024, 3, 14, 9, 0),
    )
    a = analyze_document(doc)
    text = doc.text
    assert a.version == ANALYSIS_VERSION and a.language == "ar" and a.reading_time_min == 1
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
    for d in a.dates:
        assert text[d.start : d.end] == d.text
    assert any(q.kind == "direct" and "الأبيض" in q.speaker for q in a.quotes)
    assert a.dates[0].value.isoformat() == "2024-03-13"
    assert any(k.term == "كوليرا" for k in a.keywords)
    assert a.summary.startswith("أعلنت وزارة الصحة")
    data = json.loads(json.dumps(a.to_json(), ensure_ascii=False))
    assert {"entities", "quotes", "dates", "keywords", "summary", "language", "version"} <= set(
        data
    )


def test_empty_document() -> None:
    a = analyze_document(Document(origin="x", format="text", original=b""))
    assert a.mentions == [] and a.quotes == [] and a.summary == ""


def test_language_and_reading_time() -> None:
    assert detect_language("هذا نص عربي قصير عن الأخبار اليومية") == "ar"
    assert detect_language("This is an English sentence about the news today.") == "en"
    assert detect_language("123 456") == "und"
    assert reading_time_min("كلمة " * 360) == 2
    assert reading_time_min("") == 0


def test_keywords_and_summary_without_model() -> None:
    text = " ".join(BODY)
    kws = keywords(text, top=5)
    assert len(kws) == 5 and all(k.display for k in kws)
    spans = summarize(text)
    assert spans and spans[0][0] == 0


def test_a_keyword_is_shown_without_its_attached_conjunction() -> None:
    text = (
        "زار الوفد موسكو وأنقرة مساء أمس. وأنقرة تستضيف المحادثات، ووزارة الخارجية في أنقرة "
        "أعدت القاعة. ووزارة المالية لم تعلق على المحادثات."
    )
    shown = {k.term: k.display for k in keywords(text, top=20)}
    assert shown["انقر"] == "أنقرة"  # وأنقرة twice and أنقرة once: one word, أنقرة
    assert shown["وزار"] == "وزارة"  # زارة is another term: the و is the word's own
    assert shown["محادث"] == "المحادثات"


def test_a_stopword_behind_a_proclitic_is_no_keyword() -> None:
    """بهذه analyses to the term هذه, a stopword the analyzer saw only with its ب."""
    text = "بهذه الخطوة تبدأ الوزارة بهذه المرحلة، وبهذه الطريقة تنتهي بهذه السرعة أزمة السكن."
    terms = [k.term for k in keywords(text, top=10)]
    assert "هذه" not in terms
    assert {"سكن", "ازم"} & set(terms)


# Everyday words of the news, as written: their index terms must all be in the shipped
# document-frequency table. A term missing from it gets the highest IDF there is, so a
# table built before a change of the stemmer makes common words (جدة، ولي، قوة، هذه)
# every article's "most distinctive" keywords, and stories compare articles on them.
COMMON_WORDS = [
    "جدة",
    "مكة",
    "ولي",
    "العهد",
    "قوة",
    "مدة",
    "عدة",
    "سنة",
    "جهة",
    "صحة",
    "خطة",
    "ثقة",
    "فئة",
    "وزير",
    "الدفاع",
    "الملك",
    "الحكومة",
    "الرئيس",
    "مجلس",
    "الأمن",
    "المملكة",
    "اليوم",
    "الماضي",
    "مدينة",
    "منطقة",
    "الشرطة",
    "الرياض",
    "المرة",
    "الدولة",
    "رأي",
    "الطبي",
    "الفني",
    "الأمير",
]


def test_the_document_frequencies_know_the_analyzers_terms() -> None:
    from nashra.analyze.keywords import document_frequencies
    from nashra.text import analyze

    df = document_frequencies()
    if not df:
        pytest.skip("no document-frequency table shipped")
    missing = {
        word: term.term
        for word in COMMON_WORDS
        for term in analyze(word)
        if df.get(term.term, 0) < 100
    }
    assert not missing, f"rebuild models/df.json.gz (python -m nashra.analyze.train.df): {missing}"


def test_the_lead_vector_reads_the_headline_and_the_opening() -> None:
    from nashra.analyze.keywords import LEAD_WORDS, lead_vector
    from nashra.text import analyze

    opening = "أعلنت وزارة الصحة في عمان اكتشاف إصابات جديدة بالكوليرا في مخيم للاجئين"
    filler = " ".join(["وتحدث المسؤولون عن الطقس والرياضة والاقتصاد"] * 20)
    late = "واختتم الاجتماع بحديث عن البطاطس"
    text = f"{opening}. {filler}. {late}."
    title = "الكوليرا تعود إلى المخيمات"
    vector = lead_vector(text, analyze(text), analyze(title))
    assert abs(sum(w * w for w in vector.values()) - 1.0) < 1e-9  # unit length
    terms = set(vector)
    assert {t.term for t in analyze("الكوليرا مخيم")} <= terms
    assert not {t.term for t in analyze("البطاطس")} & terms  # after the first words
    assert len(text.split()) > LEAD_WORDS
    # the headline's words count twice: the title term outweighs an opening-only term
    (cholera,) = analyze("الكوليرا")
    (refugees,) = analyze("للاجئين")
    assert vector[cholera.term] > vector[refugees.term]
    assert lead_vector("", [], []) == {}


@pytest.mark.usefixtures("ner_model")
def test_seed_page(seed_path: Path) -> None:
    from nashra.analyze import analyze_text

    text = seed_path.read_text("utf-8", errors="replace")
    a = analyze_text(text)
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
    keys = {e.key for e in a.entities}
    assert {"ادلب", "تركيا", "روسيا"} <= keys
    speakers = {q.speaker_key for q in a.quotes}
    assert any("بيسكوف" in s for s in speakers)
    assert any("اردوغان" in s for s in speakers)
    assert any(q.via for q in a.quotes)


def test_a_month_the_tagger_took_for_a_name_is_a_date() -> None:
    from nashra.analyze.ner import EntitySpan
    from nashra.analyze.pipeline import analyze_text

    text = "وقعت الهجمات في نيسان (أبريل) الماضي، وأطلقت نيسان سيارتها الجديدة في دبي."
    month, maker = text.index("نيسان"), text.rindex("نيسان")
    spans = [
        EntitySpan("نيسان", "ORG", month, month + 5),
        EntitySpan("نيسان", "ORG", maker, maker + 5),
        EntitySpan("دبي", "LOC", text.index("دبي"), text.index("دبي") + 3),
    ]
    a = analyze_text(text, datetime(2015, 7, 20), entities=spans)
    assert [(d.text, d.kind) for d in a.dates] == [("نيسان (أبريل) الماضي", "month")]
    assert [(m.text, m.start) for m in a.mentions] == [("نيسان", maker), ("دبي", text.index("دبي"))]
