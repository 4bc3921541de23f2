"""Grammatical gender of speech verbs and of the speakers they may refer to.

A verb with only a pronoun subject (وأضافت أن…) agrees with its antecedent, so the
gender of the verb tells which earlier speaker it continues: after a minister and his
ministry, وأضاف is the minister and وأضافت the ministry. Every function answers
``"m"``, ``"f"`` or ``""`` (unknown); unknown never rules a candidate out.

All words are match forms (:func:`nashra.text.match_form`: ة is written ه, ى is ي).
"""

from __future__ import annotations

from nashra.analyze.given_names import FOREIGN_MEN, FOREIGN_WOMEN, WOMEN
from nashra.analyze.lexicon import (
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TITLES,
    cached_match_form,
    mf_set,
    strip_clitics,
)

__all__ = ["cue_gender", "name_gender", "title_gender"]

_VERBS = mf_set(SPEECH_VERBS)


def _feminine_verbs() -> frozenset[str]:
    """Past forms ending in ت (قالت، نفت) and imperfects in ت- (تقول) of the lexicon."""
    return frozenset(
        f
        for f in _VERBS
        # (لفت, he drew attention, ends in its root's ت)
        if f.endswith("ت") and f != "لفت" or f.startswith("ت") and "ي" + f[1:] in _VERBS
    )


_FEMININE_VERBS = _feminine_verbs()
_PLURAL_VERBS = frozenset(
    f
    for f in _VERBS
    if f.endswith("وا") and f[:-2] in _VERBS or f.endswith("ا") and f[:-1] in _VERBS
)
_PARTICIPLES = mf_set(SPEECH_PARTICIPLES)

# Titles before a name: the feminine ones end in ة (الوزيرة، المتحدثة); عمدة is a man.
_TITLE_FORMS = (mf_set(TITLES) - mf_set("د نظيره نظيرته نظيرها ولي")) | mf_set(
    # roles for gender and quotes only (the tagger's list stays as trained)
    "الوكيل المكلف الاستشاري الاستشارية الطبيب الطبيبة المهندسة الأستاذة البروفيسور "
    # people in the news by what they do (التلميذة أمينة الطرابلسي، المزارع فلان)
    "الطالب التلميذ المواطن الروائي الشاعر المزارع الفلاح الحاج المعلم الموظف الناشط المحلل "
    "الإعلامي المذيع المغرد المدون العداء البطل الملاكم الرباع الحارس المهاجم المدافع الرامي "
    "الشاهد"
)
_MASCULINE_IN_H = mf_set("عمدة خليفة")
_MEN_ONLY = mf_set(
    "خادم البابا الجنرال الفريق اللواء العقيد العميد المشير الملك السلطان "
    # (whose feminine is another word: الفلاحة agriculture, الحاجة need, المواطنة citizenship)
    "الفلاح الحاج المواطن"
)
_FEMININE_TITLES = frozenset(
    {t for t in _TITLE_FORMS if t.endswith("ه") and t not in _MASCULINE_IN_H}
    | {t + "ه" for t in _TITLE_FORMS - _MEN_ONLY if not t.endswith("ه")}
    | mf_set("الدكتورة الشيخة الملكة النائبة القاضية المحامية الصحافية الباحثة الناشطة")
)
_MASCULINE_TITLES = frozenset(
    t for t in _TITLE_FORMS if not t.endswith("ه") or t in _MASCULINE_IN_H
)

# Men's names that end in ة, women's names that do not
_MEN_IN_H = mf_set(
    "أسامة حمزة طلحة عبيدة معاوية عكرمة قتيبة عطية خليفة جبلة عروة عبده طه وجيه نبيه"
) | {n for n in FOREIGN_MEN if n.endswith("ه")}  # (خوسيه، أندريه، جوزيه)
_WOMEN = WOMEN | FOREIGN_WOMEN
# Plurals of things take a feminine singular verb (وأضافت المصادر)
_FEMININE_PLURALS = mf_set("مصادر المصادر أوساط الأوساط دوائر الدوائر جهات أجهزة الأجهزة")


def cue_gender(cue: str) -> str:
    """The gender of a speech verb or participle as written (وأضافت → f, قال → m)."""
    form = cached_match_form(cue)
    for f in (form, strip_clitics(form)):
        if f in _FEMININE_VERBS:
            return "f"
        if f in _PLURAL_VERBS:
            return ""
        if f in _VERBS:
            return "m"
        if f in _PARTICIPLES:
            return "f" if f.endswith("ه") else "m"
    return ""


def title_gender(word: str) -> str:
    """The gender of a title or role word (match form, clitics allowed): الوزيرة → f."""
    for w in (word, strip_clitics(word)):
        for t in (w, "ال" + w):  # مدرب المنتخب: the list has المدرب
            if t in _FEMININE_TITLES:
                return "f"
            if t in _MASCULINE_TITLES:
                return "m"
    return ""


def name_gender(name: str, kind: str) -> str:
    """The gender a name or a naming phrase (match form) takes in a verb: the first word
    decides. ``kind``: the entity type ("PERS", "ORG", …; "" for an unlinked phrase)."""
    words = name.split()
    if not words:
        return ""
    if kind == "PERS":
        first = words[0]  # a linked name has no clitic left (ليلى is not ل + يلى)
        if first in _WOMEN or first.endswith("ه") and first not in _MEN_IN_H:
            return "f"
        return title_gender(first)
    if kind == "LOC":
        return ""
    first = strip_clitics(words[0])
    if first in _FEMININE_PLURALS or first.endswith("ات"):
        return "f"
    if first.endswith("ه"):
        return "f" if first not in _MASCULINE_IN_H else "m"
    g = title_gender(words[0])
    if g:
        return g
    if first.startswith("ال") and not first.endswith(("ون", "ين")):
        return "m"  # الجيش، البيان، المرصد: a definite noun without ة
    return ""
