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


def test_a_stopword_behind_a_proclitic_is_no_keyword() -> None:
    """بهذه analyses to the term هذه, a stopword the analyzer saw only with its ب."""
    text = "بهذه الخطوة تبدأ الوزارة بهذه المرحلة، وبهذه الطريقة تنتهي بهذه السرعة أزمة السكن."
    terms = [k.term for k in keywords(text, top=10)]
    assert "هذه" not in terms
    assert {"سكن", "ازم"} & set(terms)


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
