"""Known bodies: their full names found in a text, and put in place of what the tagger
made of them."""

from __future__ import annotations

from nashra.analyze.bodies import BODY_OF, find_bodies
from nashra.analyze.entities import link_entities
from nashra.analyze.ner import EntitySpan
from nashra.text import match_form


def _span(text: str, part: str, kind: str) -> EntitySpan:
    start = text.index(part)
    return EntitySpan(part, kind, start, start + len(part))


def _names(text: str) -> list[str]:
    return [text[b.start : b.end] for b in find_bodies(text)]


def test_full_names_are_found_after_a_proclitic() -> None:
    text = "رحّب وَالبنك الدولي بالخطة، ودعا للأمم المتحدة ولمجلس الأمن الدولي إلى التحرك."
    # a single-letter proclitic (and its mark) stays out of the span; لل merges with the
    # article, so it stays in
    assert _names(text) == ["البنك الدولي", "للأمم المتحدة", "مجلس الأمن الدولي"]
    assert [b.name for b in find_bodies(text)] == ["البنك الدولي", "الأمم المتحدة", "مجلس الأمن"]


def test_the_longest_name_wins_and_an_adjective_makes_another_body() -> None:
    assert _names("أصدر صندوق النقد الدولي تقريره") == ["صندوق النقد الدولي"]
    # the Arab Monetary Fund and a national security council are other bodies
    assert _names("أصدر صندوق النقد العربي تقريره") == []
    assert _names("اجتمع مجلس الأمن الوطني أمس") == []
    # a weekday or a preposition after the name does not extend it
    assert _names("اجتمع مجلس الأمن الاثنين") == ["مجلس الأمن"]
    assert _names("دعا مجلس الأمن إلى الهدوء") == ["مجلس الأمن"]


def test_every_alias_of_a_body_has_its_key() -> None:
    gcc = match_form("مجلس التعاون الخليجي")
    assert BODY_OF[match_form("مجلس التعاون لدول الخليج العربية")][0] == gcc
    assert BODY_OF[match_form("مجلس التعاون")][0] == gcc


def test_a_name_the_tagger_cut_is_made_whole() -> None:
    text = "أعلنت مؤسسة النقد العربي السعودي أن الاحتياطيات ارتفعت."
    mentions, entities = link_entities(text, [_span(text, "العربي السعودي", "ORG")])
    assert [(m.text, m.type, m.entity) for m in mentions] == [
        ("مؤسسة النقد العربي السعودي", "ORG", "البنك المركزي السعودي")  # (its name since 2020)
    ]
    assert [e.name for e in entities] == ["البنك المركزي السعودي"]


def test_a_missed_name_is_found_and_a_place_inside_it_is_dropped() -> None:
    text = "أكد مجلس التعاون لدول الخليج العربية دعمه، وقال صندوق النقد الدولي إن النمو تباطأ."
    spans = [_span(text, "الخليج العربية", "LOC")]
    mentions, _ = link_entities(text, spans)
    assert [(m.text, m.type, m.entity) for m in mentions] == [
        ("مجلس التعاون لدول الخليج العربية", "ORG", "مجلس التعاون الخليجي"),
        ("صندوق النقد الدولي", "ORG", "صندوق النقد الدولي"),
    ]


def test_a_longer_name_the_tagger_found_stays() -> None:
    text = "طالب مجلس الأمن الدولي التابع للأمم المتحدة بوقف القتال."
    spans = [_span(text, "مجلس الأمن الدولي التابع", "ORG")]
    mentions, _ = link_entities(text, spans)
    assert mentions[0].text == "مجلس الأمن الدولي التابع"


def test_forces_and_councils_of_the_wars_in_the_news() -> None:
    text = "اتهم مجلس السيادة الانتقالي قوات الدعم السريع بقصف المدينة، ونفت الدعم السريع ذلك."
    assert _names(text) == ["مجلس السيادة الانتقالي", "قوات الدعم السريع", "الدعم السريع"]
    assert [b.name for b in find_bodies(text)][-1] == "قوات الدعم السريع"


def test_a_one_word_name_that_also_starts_a_longer_one() -> None:
    # الأزهر alone and الأزهر الشريف are one body; رؤية المملكة 2030 is the Saudi vision
    text = "وقال إن الأزهر يرحب بالمبادرة، وإن الأزهر الشريف شريك في رؤية المملكة 2030."
    found = [(text[b.start : b.end], b.name) for b in find_bodies(text)]
    assert found == [
        ("الأزهر", "الأزهر"),
        ("الأزهر الشريف", "الأزهر"),
        ("رؤية المملكة 2030", "رؤية السعودية 2030"),
    ]


def test_anadolu_in_brackets_is_the_agency_and_elsewhere_anatolia() -> None:
    text = "لندن - (الأناضول): زار الوفد هضبة الأناضول في تركيا."
    mentions, _ = link_entities(text, [_span(text, "لندن", "LOC")])
    agencies = [(m.text, m.entity, m.type) for m in mentions if m.type == "ORG"]
    assert agencies == [("الأناضول", "وكالة الأناضول", "ORG")]


def test_the_houthis_by_their_plural() -> None:
    text = "وقال الحوثيون إنهم قبلوا المقترح الذي قدمته الأمم المتحدة للحوثيين."
    found = [(text[b.start : b.end], b.name) for b in find_bodies(text)]
    assert ("الحوثيون", "جماعة الحوثيين") in found
    assert ("للحوثيين", "جماعة الحوثيين") in found  # (لل: the article merged into ل)
