"""Hand-written word lists shared by the analysis components.

Everything here is written in display form; users compare through
:func:`nashra.text.match_form` (see :func:`mf_set`). The country and city gazetteer
built from CLDR (babel) lives in ``models/gazetteer.json`` (see :mod:`.gazetteer`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TypeVar

from nashra.text import match_form, split_sentences
from nashra.text.stem import ARTICLE_PREFIXES

__all__ = [
    "phrase_starts",
    "CLITIC_PREFIXES",
    "NEWS_AGENCIES",
    "NISBA_OVERRIDES",
    "ORG_CUES",
    "REPORT_NOUNS",
    "SPEECH_PARTICIPLES",
    "SPEECH_VERBS",
    "TITLES",
    "cached_match_form",
    "cached_sentences",
    "core_candidates",
    "mf_set",
    "strip_clitics",
]


# as many words as the taggers' caches: a corpus's distinct words outnumber 50k quickly
cached_match_form = lru_cache(maxsize=200_000)(match_form)


@lru_cache(maxsize=64)  # ≥ pipeline.BATCH: a batch is tagged before the rest runs
def cached_sentences(text: str) -> list[tuple[int, int]]:
    """:func:`nashra.text.split_sentences`, remembered for the last few texts (the
    components of one analysis all split the same text)."""
    return split_sentences(text)


def mf_set(words: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    """Match forms of whitespace-separated words (or of each item of a list)."""
    items = words.split() if isinstance(words, str) else list(words)
    return frozenset(match_form(w) for w in items)


# Titles and roles that precede a person's name.
TITLES: tuple[str, ...] = (
    "الرئيس",
    "رئيس",
    "نائب",
    "وزير",
    "وزيرة",
    "الوزير",
    "الوزيرة",
    "الملك",
    "الأمير",
    "الأميرة",
    "ولي",
    "الشيخ",
    "السلطان",
    "الأمين",
    "أمين",
    "المتحدث",
    "الناطق",
    "المتحدثة",
    "الناطقة",
    "السفير",
    "سفير",
    "السفيرة",
    "المستشار",
    "المستشارة",
    "مستشار",
    "الجنرال",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "القائد",
    "قائد",
    "الدكتور",
    "د",
    "المهندس",
    "الأستاذ",
    "السيد",
    "السيدة",
    "النائب",
    "المدير",
    "مدير",
    "المديرة",
    "رئيسة",
    "الرئيسة",
    "المبعوث",
    "مبعوث",
    "المندوب",
    "مندوب",
    "البابا",
    "الإمام",
    "المرشد",
    "الحاكم",
    "حاكم",
    "المحافظ",
    "محافظ",
    "عمدة",
    "المفوض",
    "مفوض",
    "المنسق",
    "النجم",
    "المدرب",
    "اللاعب",
    "الكاتب",
    "الكاتبة",
    "الصحافي",
    "الصحفي",
    "الخبير",
    "الباحث",
    "القاضي",
    "المحامي",
    "الفنان",
    "الفنانة",
    "المطرب",
    "المطربة",
    "الممثل",
    "الممثلة",
    "المخرج",
    "العاهل",
    "خادم",
    "الزعيم",
    "زعيم",
    "المرشح",
    "المرشحة",
    "الأمينة",
    "المبعوثة",
    "نظيره",
    "نظيرته",
    "نظيرها",
    "المسؤول",
    "مسؤول",
    "العضو",
    "عضو",
    "الجنرال",
)

# Nouns that introduce an organisation's name.
ORG_CUES: tuple[str, ...] = (
    "وزارة",
    "هيئة",
    "منظمة",
    "شركة",
    "جامعة",
    "حزب",
    "مجلس",
    "جمعية",
    "اتحاد",
    "مؤسسة",
    "بنك",
    "مصرف",
    "صندوق",
    "وكالة",
    "صحيفة",
    "مجلة",
    "قناة",
    "إذاعة",
    "تلفزيون",
    "جيش",
    "حركة",
    "جبهة",
    "تنظيم",
    "لجنة",
    "محكمة",
    "برلمان",
    "الكونغرس",
    "الكونجرس",
    "مكتب",
    "مركز",
    "معهد",
    "أكاديمية",
    "نادي",
    "فريق",
    "منتخب",
    "مجموعة",
    "رابطة",
    "نقابة",
    "الأمم",
    "جامعة",
    "الاتحاد",
    "مجمع",
    "بورصة",
    "سوق",
    "مستشفى",
    "ديوان",
    "رئاسة",
    "الرئاسة",
    "الحكومة",
    "حكومة",
    "الخارجية",
    "الداخلية",
    "الدفاع",
    "البنتاغون",
    "الكرملين",
    "البيت",
    "الإليزيه",
    "قوات",
    "القوات",
    "الشرطة",
    "شرطة",
    "الأمن",
    "المخابرات",
    "الاستخبارات",
    "الأمانة",
    "المفوضية",
    "مفوضية",
    "سلطة",
    "السلطة",
    "دائرة",
    "إدارة",
)

# Speech verbs (past and present, both genders; the match form folds hamza seats).
SPEECH_VERBS: tuple[str, ...] = (
    "قال",
    "قالت",
    "يقول",
    "تقول",
    # روت إحدى الناجيات للوكالة: «…» (not روى, whose match form is the name روي, Rui: the
    # quotes' cue finder takes it as written; nor يروى أن: "it is told")
    "روت",
    "أكد",
    "أكدت",
    "يؤكد",
    "تؤكد",
    "أضاف",
    "أضافت",
    "يضيف",
    "تضيف",
    "شدد",
    "أورد",  # وأورد موقع «…»، نقلاً عن فلان، أن: an outlet carrying another's words
    "أوردت",
    "أصر",  # أصر على أن (see quotes._ON_VERBS)
    "أصرت",
    "شددت",
    "يشدد",
    "تشدد",
    "أوضح",
    "أوضحت",
    "يوضح",
    "توضح",
    "أشار",
    "أشارت",
    "يشير",
    "تشير",
    "اعتبر",
    "اعتبرت",
    "يعتبر",
    "تعتبر",
    "رأى",
    "رأت",
    "يرى",
    "ترى",
    "أفاد",
    "أفادت",
    "يفيد",
    "تفيد",
    "ذكر",
    "ذكرت",
    "يذكر",
    "تذكر",
    "صرح",
    "صرحت",
    "يصرح",
    "تصرح",
    "أعلن",
    "أعلنت",
    "يعلن",
    "تعلن",
    "تابع",
    "تابعت",
    # أجاب مدرب الشبيبة: «…» (answered)
    "أجاب",
    "أجابت",
    "يجيب",
    "تجيب",
    "لفت",
    "لفتت",
    "أردف",
    "أردفت",
    "نقل",
    "نقلت",
    "كشف",
    "كشفت",
    "اعترف",
    "اعترفت",
    "نفى",
    "نفت",
    "حذر",
    "حذرت",
    "دعا",
    "دعت",
    "طالب",
    "طالبت",
    "أعرب",
    "أعربت",
    "زعم",
    "زعمت",
    "أوضحت",
    "قالا",
    "قالوا",
    "أكدوا",
    "أضافوا",
    "كتب",
    "كتبت",
    "غرد",
    "غردت",
    "ختم",
    "ختمت",
    "استطرد",
    "استطردت",
    "جدد",
    "جددت",
    "رد",
    "ردت",
    "علق",
    "علقت",
    "وصف",
    "وصفت",
    "تساءل",
    "تساءلت",
    "يتساءل",
    "تتساءل",
    "أبلغ",
    "أبلغت",
    "اتهم",
    "اتهمت",
    "أقر",
    "أقرت",
    "نوه",
    "نوهت",
    # نبه إلى أن "pointed out, warned" (not تنبه "noticed": the subject's own reading)
    "نبه",
    "نبهت",
    "ينبه",
    # توقعت الأرصاد أن …: a forecast reported (past forms only: يتوقع أن، من المتوقع أن
    # are the writer's)
    "توقع",
    "توقعت",
    "رجح",
    "رجحت",
    "ينوه",
    "تنوه",
    "بينت",  # (بيّن, masculine, is بين "between" without its shadda)
    "أفصح",
    "أفصحت",
    "استدرك",
    "استدركت",
    # (لم) يستبعد أن "(did not) rule out that": a judgement reported, as رجح
    "استبعد",
    "استبعدت",
    "يستبعد",
    "تستبعد",
    # اكتفى بالقول: «…» "said only" (اكتفى بالتعادل has no complement: no quote)
    "اكتفى",
    "اكتفت",
)

# Participles used as circumstantial speech cues ("…، مشدداً على أن").
SPEECH_PARTICIPLES: tuple[str, ...] = (
    "مشددا",
    "مشددة",
    "مؤكدا",
    "مؤكدة",
    "مضيفا",
    "مضيفة",
    "موضحا",
    "موضحة",
    "مشيرا",
    "مشيرة",
    "معتبرا",
    "معتبرة",
    "لافتا",
    "لافتة",
    "قائلا",
    "قائلة",
    "محذرا",
    "محذرة",
    "مردفا",
    "داعيا",
    "داعية",
    "مطالبا",  # مطالباً بأن تُعرض الأرقام: a demand reported (مطالباً الحكومة بـ: none)
    "مطالبة",
    "مكتفيا",  # مكتفياً بالقول: «…»
    "مكتفية",
    "متابعا",
    "متابعة",
    "منوها",
    "منوهة",
    "منبها",
    "منبهة",
    "مبينا",
    "مبينة",
    "معربا",
    "معربة",
    "مستدركا",
    "خاتما",
    "متسائلا",
    "متسائلة",
    "واصفا",
    "واصفة",
    # denying, revealing, admitting, judging likely (نافياً أن، كاشفاً أن; not مستبعداً,
    # as often "leaving out" a thing as "ruling out that")
    "نافيا",
    "نافية",
    "كاشفا",
    "كاشفة",
    "معترفا",
    "معترفة",
    "مرجحا",
    "مرجحة",
    "معلنا",
    "معلنة",
    "متوقعا",  # متوقعةً أن تستمر موجة الجفاف: a forecast, as توقعت
    "متوقعة",
)

# Nouns that introduce a reported source: "بحسب بيان…", "في بيان".
REPORT_NOUNS: tuple[str, ...] = ("بيان", "تصريح", "تصريحات", "مؤتمر", "تغريدة", "حديث", "مقابلة")

# News agencies named without their noun, as words (قال لرويترز، لفرانس برس، لمراسل الأناضول)
NEWS_AGENCIES: tuple[str, ...] = (
    "رويترز",
    "فرانس",
    "أسوشيتد",
    "الأناضول",
    "سبوتنيك",
    "شينخوا",
    "إنترفاكس",
)

# Nisba adjectives whose country is not derivable by rule (match forms computed by users).
NISBA_OVERRIDES: dict[str, str] = {
    "مجري": "المجر",
    "هنغاري": "المجر",
    "أمريكي": "الولايات المتحدة",
    "أميركي": "الولايات المتحدة",
    "امريكي": "الولايات المتحدة",
    "بريطاني": "المملكة المتحدة",
    "إنجليزي": "المملكة المتحدة",
    "إماراتي": "الإمارات العربية المتحدة",
    "سعودي": "المملكة العربية السعودية",
    "فلسطيني": "فلسطين",
    "إسرائيلي": "إسرائيل",
    "هندي": "الهند",
    "صيني": "الصين",
    "ياباني": "اليابان",
    "يمني": "اليمن",
    "سوري": "سوريا",
    "مغربي": "المغرب",
    "تونسي": "تونس",
    "جزائري": "الجزائر",
    "ليبي": "ليبيا",
    "سوداني": "السودان",
    "عراقي": "العراق",
    "أردني": "الأردن",
    "كويتي": "الكويت",
    "بحريني": "البحرين",
    "عماني": "عُمان",
    "قطري": "قطر",
    "لبناني": "لبنان",
    "مصري": "مصر",
    "إيراني": "إيران",
    "تركي": "تركيا",
    "روسي": "روسيا",
    "أوكراني": "أوكرانيا",
    "ألماني": "ألمانيا",
    "فرنسي": "فرنسا",
    "إيطالي": "إيطاليا",
    "إسباني": "إسبانيا",
    "يوناني": "اليونان",
    "باكستاني": "باكستان",
    "أفغاني": "أفغانستان",
    "كوري": "كوريا الجنوبية",
    "كندي": "كندا",
    "برازيلي": "البرازيل",
    "أوروبي": "أوروبا",
    "بوسني": "البوسنة والهرسك",
    "إيفواري": "ساحل العاج",
}

# The stemmer's article stacks, then the article-less ones, longest first.
CLITIC_PREFIXES: tuple[str, ...] = (
    *ARTICLE_PREFIXES,
    *("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"),
)


_PROCLITIC_FIRST = frozenset(p[0] for p in CLITIC_PREFIXES)


@lru_cache(maxsize=262_144)  # every distinct word of a large batch run, both ways
def strip_clitics(form: str, *, keep_article: bool = True) -> str:
    """Strip attached conjunction/preposition proclitics from a match-form word.

    ``وبوتين → بوتين``, ``لادلب → ادلب``, ``والرئاسه → الرئاسه`` (the article is kept
    unless ``keep_article`` is false). At least 3 letters must remain.
    """
    if form[:1] not in _PROCLITIC_FIRST:  # most words: no prefix to try
        return form
    for p in ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال"):
        if form.startswith(p) and len(form) - len(p) >= 2:
            return ("ال" if keep_article else "") + form[len(p) :]
    for p in ("ولل", "فلل", "لل"):
        if form.startswith(p) and len(form) - len(p) >= 2:
            return ("ال" if keep_article else "") + form[len(p) :]
    if form.startswith("ال") and not keep_article and len(form) > 4:
        return form[2:]
    for p in ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if form.startswith(p) and len(form) - len(p) >= 3:
            return form[len(p) :]
    return form


@lru_cache(maxsize=100_000)
def core_candidates(form: str) -> tuple[str, ...]:
    """The word and its forms with proclitics removed, most specific first."""
    if form[:1] not in _PROCLITIC_FIRST:
        return (form,)
    out = [form]
    for p in CLITIC_PREFIXES:
        if form.startswith(p) and len(form) - len(p) >= 2:
            rest = form[len(p) :]
            if p.endswith("ال") or p.endswith("لل"):
                out.append("ال" + rest)
                out.append(rest)
            else:
                out.append(rest)
    seen: dict[str, None] = {}
    for o in out:
        seen.setdefault(o, None)
    return tuple(seen)


# (المحكمة العام الماضي: a time, no name)
TIME_ADJECTIVES = mf_set(
    "الماضي الماضية المقبل المقبلة الحالي الحالية الجاري الجارية القادم القادمة"
)


_T = TypeVar("_T")
# (a phrase with its article is not looked for after ل, written لل with the alif dropped)
_PHRASE_PROCLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول", "فب")
_BEFORE_ARTICLE = ("", "و", "ب", "ف", "وب", "فب")


def phrase_starts(
    phrases: Iterable[tuple[str, _T]],
) -> dict[str, list[tuple[int, tuple[str, ...], _T]]]:
    """Each phrase's first word in every written form behind a proclitic → (the
    proclitic's length, the match forms of its other words, the phrase's value), longest
    phrases first: the table a scan of an article's match forms looks names up in."""
    out: dict[str, list[tuple[int, tuple[str, ...], _T]]] = {}
    for phrase, value in sorted(phrases, key=lambda pv: -pv[0].count(" ")):
        first, *rest = cached_match_form(phrase).split()
        for p in _BEFORE_ARTICLE if first.startswith("ال") else _PHRASE_PROCLITICS:
            out.setdefault(p + first, []).append((len(p), tuple(rest), value))
    return out
