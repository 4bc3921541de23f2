from __future__ import annotations

import json
from pathlib import Path

import pytest

from nashra.analyze.entities import Mention, link_entities
from nashra.analyze.ner import EntitySpan
from nashra.analyze.quotes import Quote, find_quotes

DATA = Path(__file__).parent / "data"


def _quotes(text: str, names: list[tuple[str, str]]) -> list[Quote]:
    """Quotes with entity mentions given by hand (independent of the NER model)."""
    spans = []
    for name, typ in names:
        start = 0
        while (i := text.find(name, start)) >= 0:
            spans.append(EntitySpan(name, typ, i, i + len(name)))
            start = i + len(name)
    mentions, _ = link_entities(text, sorted(spans, key=lambda s: s.start))
    return find_quotes(text, mentions)


def test_direct_quote_with_named_subject() -> None:
    text = "وقال وزير الداخلية سالم الهاشمي: «سنلاحق المتورطين أينما كانوا»."
    (q,) = _quotes(text, [("سالم الهاشمي", "PERS")])
    assert q.kind == "direct"
    assert q.text == "سنلاحق المتورطين أينما كانوا"
    assert q.speaker == "سالم الهاشمي" and q.speaker_type == "PERS"
    assert text[q.start : q.end] == q.text


def test_indirect_quote_verb_subject_order() -> None:
    text = "وقال بيسكوف إن موسكو لا ترى أي خلافات مع أنقرة."
    (q,) = _quotes(text, [("بيسكوف", "PERS"), ("موسكو", "LOC"), ("أنقرة", "LOC")])
    assert q.kind == "indirect"
    assert q.text == "موسكو لا ترى أي خلافات مع أنقرة"
    assert q.speaker == "بيسكوف"
    assert q.cue == "وقال"


def test_pronoun_subject_takes_previous_speaker() -> None:
    text = "قالت الوزيرة هالة زايد إن المستشفيات جاهزة. وأكدت أن الأدوية متوفرة بكميات كافية."
    qs = _quotes(text, [("هالة زايد", "PERS")])
    assert [q.speaker for q in qs] == ["هالة زايد", "هالة زايد"]
    assert qs[1].text == "الأدوية متوفرة بكميات كافية"


def test_reporter_becomes_via() -> None:
    text = "ذكرت الرئاسة التركية أن إردوغان شدد على «ضرورة وقف إطلاق النار فوراً»."
    (q,) = _quotes(text, [("إردوغان", "PERS")])
    assert q.speaker == "إردوغان"
    assert q.via == "الرئاسة التركية"
    assert q.text == "ضرورة وقف إطلاق النار فوراً"


def test_media_name_in_marks_is_not_a_quote() -> None:
    text = "ونشرت صحيفة «نيويورك تايمز» تقريراً عن الانتخابات، فيما أطلق الجيش عملية «فجر الحرية»."
    assert _quotes(text, [("نيويورك تايمز", "ORG")]) == []


def test_nested_marks_stay_inside_and_quote_spans_sentences() -> None:
    text = (
        'وقال المتحدث كمال ناصر: «لقد قرأنا مقال "الحقيقة الغائبة" بعناية. '
        "ونرفض كل ما ورد فيه. سنرد في الوقت المناسب»."
    )
    (q,) = _quotes(text, [("كمال ناصر", "PERS")])
    assert q.kind == "direct"
    assert q.text.startswith('لقد قرأنا مقال "الحقيقة الغائبة"')
    assert q.text.endswith("سنرد في الوقت المناسب")
    assert q.speaker == "كمال ناصر"


def test_participle_cue_keeps_speaker() -> None:
    text = "أكد رئيس الوزراء نبيل فهمي أن الإصلاحات مستمرة، مشدداً على أن الفساد لن يمر دون عقاب."
    qs = _quotes(text, [("نبيل فهمي", "PERS")])
    assert [q.text for q in qs] == ["الإصلاحات مستمرة", "الفساد لن يمر دون عقاب"]
    assert {q.speaker for q in qs} == {"نبيل فهمي"}


def test_quote_before_its_cue() -> None:
    text = "«لن نتراجع عن مطالبنا مهما طال الوقت»، قال النقيب ماهر عوض."
    (q,) = _quotes(text, [("ماهر عوض", "PERS")])
    assert q.speaker == "ماهر عوض" and q.kind == "direct"


def test_source_phrase() -> None:
    text = "وبحسب مصادر أمنية، فإن المهاجمين فروا باتجاه الجبال."
    (q,) = _quotes(text, [])
    assert q.text == "المهاجمين فروا باتجاه الجبال"
    assert q.speaker == "مصادر أمنية"


def test_mention_type_is_reused() -> None:
    m = Mention("x", "PERS", 0, 1, "x", "x")
    assert m.to_json()["type"] == "PERS"


@pytest.mark.usefixtures("ner_model")
@pytest.mark.parametrize("name", ["quotes_gold.json", "quotes_heldout.json", "quotes_blind.json"])
def test_gold_sets_meet_the_goal(name: str) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from quotes import evaluate  # type: ignore[import-not-found]

    res = evaluate(DATA / name)
    assert res["precision"] >= 0.9
    assert res["recall"] >= 0.85
    assert res["speaker_accuracy"] >= 0.85


def test_gold_file_is_well_formed() -> None:
    for name in ("quotes_gold.json", "quotes_heldout.json", "quotes_blind.json"):
        for p in json.loads((DATA / name).read_text("utf-8")):
            for g in p["quotes"]:
                assert g["text"] in p["text"]
                assert g["kind"] in ("direct", "indirect")
