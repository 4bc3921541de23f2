"""Courts, prosecutions, ministries and offices named by their kind and their field."""

from __future__ import annotations

from nashra.analyze.entities import link_entities
from nashra.analyze.ner import EntitySpan


def _orgs(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ORG mentions and their canonical names, with the tagger's spans given by hand."""
    spans = []
    for name, kind in names:
        start = text.index(name)
        spans.append(EntitySpan(name, kind, start, start + len(name)))
    mentions, _ = link_entities(text, sorted(spans, key=lambda s: s.start))
    return [(m.text, m.entity) for m in mentions if m.type == "ORG"]


def test_courts_and_prosecutions_of_the_articles_country() -> None:
    text = (
        "المنامة: قضت المحكمة الكبرى الجنائية الأولى بسجن موظف في البحرين، وأيدت محكمة "
        "الاستئناف العليا الجنائية الحكم بعد تحقيق أجرته نيابة الجرائم المالية وغسل الأموال "
        "مع هيئة الكهرباء والماء."
    )
    found = _orgs(text, [("المنامة", "LOC"), ("البحرين", "LOC")])
    assert [t for t, _ in found] == [
        "المحكمة الكبرى الجنائية الأولى",
        "محكمة الاستئناف العليا الجنائية",
        "نيابة الجرائم المالية وغسل الأموال",
        "هيئة الكهرباء والماء",
    ]
    # (a body every state has is the article's country's)
    assert all(name.endswith("البحرينية") for _, name in found)


def test_a_construct_chain_and_a_field_after_lam() -> None:
    text = (
        "عمّان - أصدرت محكمة أمن الدولة في الأردن حكمها، وضبطت إدارة مكافحة المخدرات "
        "الشحنة، فيما دعت جمعية الأمل للتنمية الريفية إلى حماية الأطفال."
    )
    found = [t for t, _ in _orgs(text, [("عمّان", "LOC"), ("الأردن", "LOC")])]
    assert found == ["محكمة أمن الدولة", "إدارة مكافحة المخدرات", "جمعية الأمل للتنمية الريفية"]


def test_words_of_a_kind_that_name_no_body() -> None:
    text = (
        "القاهرة - اجتمعت اللجنة برئاسة الوزير في مصر، وتحدث نيابة عنهم الطالب، وقال إن "
        "مصلحة الوطن فوق كل شيء، وإن هيئة التدريس راضية، وإن إدارة الأزمة نجحت، ثم رحبت "
        "الرئاسة المصرية بالنتائج."
    )
    assert _orgs(text, [("القاهرة", "LOC"), ("مصر", "LOC")]) == []


def test_a_state_body_of_no_known_country_is_left_alone() -> None:
    # every state has a ministry of energy: not one entity of them all
    text = "وقالت وزارة الطاقة والنفط إن الإنتاج سيرتفع."
    assert _orgs(text, []) == []
    text = "وقالت وزارة الطاقة والنفط الموريتانية إن الإنتاج سيرتفع."
    assert [t for t, _ in _orgs(text, [])] == ["وزارة الطاقة والنفط الموريتانية"]


def test_parties_by_their_kind_and_what_only_describes_one() -> None:
    text = (
        "لندن - هاجمت زعيمة حزب المحافظين الحكومة، وصوت نواب الحزب الاشتراكي الديمقراطي "
        "وحزب الحركة القومية ضد القرار، فيما انتقد حزب السلطة والحزب الحاكم والحزب اليساري "
        "وحزب أقصى اليمين المشروع."
    )
    found = [t for t, _ in _orgs(text, [("لندن", "LOC")])]
    assert found == ["حزب المحافظين", "الحزب الاشتراكي الديمقراطي", "حزب الحركة القومية"]
