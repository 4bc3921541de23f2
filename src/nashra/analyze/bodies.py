"""Organisations the news names often, under the name they are best known by, and a
matcher that finds their full names in a text.

The tagger, trained on a few thousand sentences, misses or cuts well-known bodies whose
names are ordinary words (صندوق النقد الدولي is "fund", "money", "international"; of
مؤسسة النقد العربي السعودي it tagged only العربي السعودي). Their names are few and fixed:
:func:`find_bodies` finds every name of two words or more here, also after an attached
proclitic (والبنك الدولي، للأمم المتحدة), so that the linker can put the whole name in
place of what the tagger made of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import or_
from typing import NamedTuple

from nashra.analyze.lexicon import cached_match_form, mf_set
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts
from nashra.text import is_stopword

__all__ = [
    "BODY_NAMES",
    "BODY_OF",
    "BODY_TYPES",
    "CLUB_SHORT_NAMES",
    "KnownBody",
    "find_agency_initials",
    "find_bodies",
    "proclitic_length",
]

# Bodies known by several names: the name shown, then the others (as news writes them).
BODY_NAMES: dict[str, tuple[str, ...]] = {
    "داعش": (
        "تنظيم الدولة الإسلامية",
        "الدولة الإسلامية",
        "تنظيم الدولة",
        "الدولة الإسلامية في العراق والشام",
    ),
    "فيفا": ("الفيفا", "الاتحاد الدولي لكرة القدم"),
    "الأمم المتحدة": ("هيئة الأمم المتحدة", "منظمة الأمم المتحدة"),
    "الناتو": ("حلف الناتو", "حلف شمال الأطلسي", "حلف الأطلسي", "حلف الأطلنطي"),
    "أوبك": ("الأوبك", "منظمة الدول المصدرة للنفط", "منظمة أوبك"),
    "مجلس الأمن": ("مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة"),
    "جامعة الدول العربية": ("الجامعة العربية",),
    "البيت الأبيض": (),  # (as the Kremlin: the presidency speaking)
    "الكنيست": (),  # (the tagger takes it for a place, or leaves it)
    # stock exchanges, named by their city or country (not "the market" alone)
    "السوق المالية السعودية": ("سوق الأسهم السعودية",),
    "سوق دبي المالي": (),
    "سوق أبوظبي للأوراق المالية": ("سوق أبو ظبي للأوراق المالية",),
    "بورصة الكويت": (),
    "بورصة قطر": (),
    "البورصة المصرية": ("بورصة مصر",),
    "بورصة البحرين": (),
    "بورصة مسقط": ("بورصة مسقط للأوراق المالية",),
    "بورصة عمّان": ("بورصة عمان",),
    "بورصة الدار البيضاء": (),
    "بورصة تونس": (),
    "مجلس التعاون الخليجي": ("مجلس التعاون لدول الخليج العربية", "مجلس التعاون"),
    "حزب الله": ("حزب الله اللبناني",),
    # armed forces and governing councils of the wars in the news, named alike in every
    # outlet (their short forms only where they name nothing else)
    "قوات الدعم السريع": ("الدعم السريع",),
    "جماعة الحوثيين": ("جماعة الحوثي", "جماعة أنصار الله", "الحوثيون", "الحوثيين"),
    "مجلس القيادة الرئاسي": ("مجلس القيادة الرئاسي اليمني",),
    "مجلس السيادة الانتقالي": ("مجلس السيادة السوداني", "مجلس السيادة"),
    "قوات سوريا الديمقراطية": ("قسد",),
    "هيئة تحرير الشام": (),
    "الحشد الشعبي": ("هيئة الحشد الشعبي", "قوات الحشد الشعبي"),
    "الإخوان المسلمون": ("الإخوان المسلمين", "جماعة الإخوان", "الإخوان"),
    "جبهة النصرة": ("النصرة",),
    # parliaments, coalitions and parties of Iraq, Libya and the Maghreb, named alike in
    # every outlet and made of ordinary words the tagger leaves
    "الإطار التنسيقي": (),
    "التيار الصدري": (),
    "التحالف الدولي": ("التحالف الدولي ضد داعش",),
    "قيادة العمليات المشتركة": (),
    "حكومة الوحدة الوطنية": (),
    "مجلس نواب الشعب": (),
    "المجلس الشعبي الوطني": (),
    "الحزب الدستوري الحر": (),
    "حركة النهضة": (),
    "حركة مجتمع السلم": ("حمس",),
    "جبهة التحرير الوطني": ("حزب جبهة التحرير الوطني",),
    "التجمع الوطني للأحرار": (),
    "حزب الاستقلال": (),
    "حزب العدالة والتنمية": (),
    # Europe's parties whose names hold a country or ordinary words
    "فرنسا الأبية": ("حزب فرنسا الأبية",),
    "البديل من أجل ألمانيا": ("حزب البديل من أجل ألمانيا",),
    "الاتحاد الديمقراطي المسيحي": ("حزب الاتحاد الديمقراطي المسيحي",),
    # news agencies, and the initials datelines give them (الرياض (واس) –, عمّان - بترا -)
    "وكالة الأنباء السعودية": ("واس",),
    "وكالة الأنباء الأردنية": ("بترا",),
    "وكالة الأنباء الكويتية": ("كونا",),
    "وكالة أنباء الإمارات": ("وام",),
    "وكالة الأنباء القطرية": ("قنا",),
    "وكالة أنباء البحرين": ("بنا",),
    "وكالة الأنباء العمانية": ("العمانية",),
    "الوكالة العربية السورية للأنباء": ("سانا",),
    "وكالة الأنباء العراقية": ("واع",),
    "وكالة الأنباء والمعلومات الفلسطينية": ("وفا",),
    "وكالة الأنباء الجزائرية": ("واج",),
    "وكالة تونس أفريقيا للأنباء": ("وات",),
    "وكالة المغرب العربي للأنباء": ("ومع", "و.م.ع", "و م ع"),
    "وكالة السودان للأنباء": ("سونا",),
    "وكالة الأنباء اليمنية": ("سبأ",),
    "وكالة الأنباء الليبية": ("وال",),
    "وكالة أنباء الشرق الأوسط": ("أ ش أ", "أ.ش.أ"),
    # the world's agencies, their Arabic initials in datelines (واشنطن – (أ ف ب) –)
    "وكالة فرانس برس": ("أ ف ب", "أ.ف.ب", "فرانس برس"),
    "وكالة أسوشيتد برس": ("أ ب", "أ.ب", "أسوشيتد برس"),
    "وكالة الأنباء الألمانية": ("د ب أ", "د.ب.أ"),
    "وكالة الأناضول": ("الأناضول",),  # (in brackets: elsewhere the word is Anatolia)
    # money and trade
    # (renamed in 2020; news still writes the old name and its initials)
    "البنك المركزي السعودي": ("مؤسسة النقد العربي السعودي", "ساما"),
    "صندوق الاستثمارات العامة": ("صندوق الاستثمارات العامة السعودي",),
    "جهاز قطر للاستثمار": (),
    "مبادلة للاستثمار": ("شركة مبادلة للاستثمار", "شركة مبادلة"),
    "سومو": ("شركة تسويق النفط", "شركة تسويق النفط العراقية"),
    "صندوق النقد الدولي": ("صندوق النقد",),
    "البنك الدولي": (),
    "البنك المركزي الأوروبي": (),
    "الاحتياطي الفيدرالي": (
        "مجلس الاحتياطي الفيدرالي",
        "البنك الاحتياطي الفيدرالي",
        "الاحتياطي الفيدرالي الأمريكي",
        "الاحتياطي الفيدرالي الأميركي",
    ),
    "منظمة التجارة العالمية": (),
    "هيئة السوق المالية": (),
    "أرامكو السعودية": ("شركة أرامكو السعودية", "أرامكو"),
    "سابك": ("الشركة السعودية للصناعات الأساسية",),
    "الخطوط الجوية العربية السعودية": ("الخطوط السعودية", "الخطوط الجوية السعودية"),
    # international and regional bodies
    "الاتحاد الأوروبي": (),
    "الاتحاد الأفريقي": (),
    "منظمة التعاون الإسلامي": ("منظمة المؤتمر الإسلامي",),
    "منظمة الصحة العالمية": (),
    "الوكالة الدولية للطاقة الذرية": (),
    "وكالة الطاقة الدولية": (),
    "اللجنة الدولية للصليب الأحمر": ("الصليب الأحمر الدولي",),
    "منظمة العفو الدولية": (),
    "المحكمة الجنائية الدولية": (),
    "محكمة العدل الدولية": (),
    "برنامج الأغذية العالمي": (),
    "منظمة الأغذية والزراعة": ("منظمة الأغذية والزراعة للأمم المتحدة", "الفاو", "فاو"),
    "مفوضية الأمم المتحدة لشؤون اللاجئين": (
        "المفوضية السامية للأمم المتحدة لشؤون اللاجئين",
        "المفوضية السامية لشؤون اللاجئين",
    ),
    "اليونيسف": ("يونيسف", "منظمة الأمم المتحدة للطفولة"),
    "اليونسكو": ("يونسكو", "منظمة الأمم المتحدة للتربية والعلم والثقافة"),
    # Saudi institutions the news of the kingdom names daily
    "مجلس الشورى": (),
    "هيئة كبار العلماء": (),
    # Islamic bodies
    "الأزهر": ("الأزهر الشريف",),
    "رابطة العالم الإسلامي": (),
    "مجلس حكماء المسلمين": (),
    "الاتحاد العالمي لعلماء المسلمين": (),
    "هيئة الأمر بالمعروف والنهي عن المنكر": ("هيئة الأمر بالمعروف",),
    "هيئة الهلال الأحمر السعودي": ("الهلال الأحمر السعودي",),
    "مركز الملك سلمان للإغاثة والأعمال الإنسانية": ("مركز الملك سلمان للإغاثة",),
    # UN agencies and missions, regional blocs the news names by acronym
    "الأونروا": (
        "أونروا",
        "وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين",
        "وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى",
        "وكالة غوث وتشغيل اللاجئين الفلسطينيين",
    ),
    "اليونيفيل": ("يونيفيل", "قوة الأمم المتحدة المؤقتة في لبنان"),
    "إيكواس": (
        "الإيكواس",
        "المجموعة الاقتصادية لدول غرب أفريقيا",
        "المجموعة الاقتصادية لدول غرب إفريقيا",
    ),
    "آسيان": ("الآسيان", "رابطة دول جنوب شرق آسيا", "رابطة آسيان"),
    "أطباء بلا حدود": ("منظمة أطباء بلا حدود",),
    # the European Union's institutions (a nisba of Europe, which is no state)
    "البرلمان الأوروبي": (),
    "المجلس الأوروبي": (),
    "الإنتربول": ("إنتربول", "المنظمة الدولية للشرطة الجنائية"),
    "مجموعة العمل المالي": ("فاتف",),
    # clubs whose full names the news writes beside their short ones (الرجاء، الترجي),
    # which clubs.py finds; see CLUB_SHORT_NAMES
    "الرجاء الرياضي": ("الرجاء البيضاوي",),
    "الوداد الرياضي": ("الوداد البيضاوي",),
    "الترجي الرياضي التونسي": ("الترجي التونسي", "الترجي الرياضي"),
    "النجم الرياضي الساحلي": ("النجم الساحلي",),
    "النادي الرياضي الصفاقسي": ("النادي الصفاقسي",),
    "شبيبة القبائل": (),
    "مولودية الجزائر": (),
    "شباب بلوزداد": (),
    "أتلتيكو مدريد": (),
    # companies the tagger, trained on older copy, does not know
    "إنفيديا": (),
    "مايكروسوفت": (),
    "غوغل": ("جوجل",),
    "آبل": (),
    "إنتل": (),
    "تسلا": (),
    "سامسونغ": ("سامسونج",),
    "هواوي": (),
    "أوراكل": (),
    "سيسكو": (),
    "بوينغ": ("بوينج",),
    "إيرباص": (),
    "نتفليكس": (),
    "أوبن إيه آي": (),
    "سوفت بنك": (),
    "توتال إنرجيز": ("توتال",),
    "إكسون موبيل": (),
    "شيفرون": (),
    "غازبروم": (),
    "أدنوك": (),
    "قطر للطاقة": (),
    "إيني": (),
    # telecom operators named by their group and their country (زين alone is a name)
    **{f"زين {country}": () for country in ("السعودية", "الكويت", "العراق", "البحرين", "الأردن")},
    # the Maghreb's state energy companies
    "سوناطراك": ("الشركة الوطنية للمحروقات",),
    "سونلغاز": ("سونلغاز الجزائرية",),
    "المؤسسة الوطنية للنفط": ("المؤسسة الوطنية للنفط الليبية",),
    "مصر للطيران": (),
    "طيران الإمارات": (),
    "مورغان ستانلي": (),
    "غولدمان ساكس": (),
    # UN missions, regional bodies and movements known by their initials
    "يونامي": ("بعثة الأمم المتحدة لمساعدة العراق",),
    "إيغاد": ("الهيئة الحكومية للتنمية",),
    "غرينبيس": ("منظمة السلام الأخضر", "السلام الأخضر"),
    # shrines' administrations, and Morocco's forces
    "العتبة الحسينية": ("العتبة الحسينية المقدسة",),
    "العتبة العباسية": ("العتبة العباسية المقدسة",),
    "حكومة إقليم كردستان": ("حكومة إقليم كردستان العراق",),
    "موانئ دبي العالمية": (),
    "القوات المسلحة الملكية": (),
    "الدرك الملكي": (),
    # armed groups
    "حركة الشباب": ("حركة الشباب المجاهدين", "حركة الشباب الصومالية"),
    "الحرس الثوري": ("الحرس الثوري الإيراني",),
    "الجيش السوري الحر": ("الجيش الحر",),
    # national teams by the nicknames the news gives them (of two words or more: الفراعنة
    # and الأخضر are left to the tagger, being also "the pharaohs" and "the green")
    "المنتخب المغربي": ("أسود الأطلس",),
    "المنتخب التونسي": ("نسور قرطاج",),
    "المنتخب الجزائري": ("محاربو الصحراء", "محاربي الصحراء"),
    "المنتخب العراقي": ("أسود الرافدين",),
    "المنتخب السوداني": ("صقور الجديان",),
    "المنتخب الكاميروني": ("الأسود غير المروضة",),
    "المنتخب السنغالي": ("أسود التيرانغا",),
    # prizes known by a name that is no place's or person's (typed in BODY_TYPES)
    "الجائزة العالمية للرواية العربية": (
        "جائزة البوكر العربية",
        "البوكر العربية",
        "جائزة البوكر للرواية العربية",
    ),
}
# the Red Crescent societies, each its country's (the tagger takes them for the country)
_RED_CRESCENT_COUNTRIES = (
    "السوداني المصري الليبي الفلسطيني القطري الإماراتي الكويتي التركي اليمني الجزائري "
    "الأردني العراقي البحريني العماني المغربي التونسي الموريتاني اللبناني الإيراني الصومالي"
)
BODY_NAMES.update(
    {f"الهلال الأحمر {nisba}": () for nisba in _RED_CRESCENT_COUNTRIES.split()}
    | {"الهلال الأحمر العربي السوري": ("الهلال الأحمر السوري",)}
)
# Competitions named with common words (كأس العالم: "cup", "world"), shown with their year
# when one follows (كأس العالم 2026)
COMPETITIONS: dict[str, tuple[str, ...]] = {
    "كأس العالم": ("مونديال", "المونديال", "نهائيات كأس العالم"),
    "كأس العالم للأندية": (),
    "كأس الأمم الأفريقية": (
        "كأس الأمم الإفريقية",
        "كأس أمم أفريقيا",
        "كأس أمم إفريقيا",
        "بطولة أمم أفريقيا",
        "بطولة أمم إفريقيا",
    ),
    "كأس العرب": (),
    "كأس الخليج": ("كأس الخليج العربي", "بطولة كأس الخليج"),
    "الألعاب الأولمبية": ("دورة الألعاب الأولمبية", "الأولمبياد", "الألعاب الأولمبية الصيفية"),
    "الألعاب الآسيوية": ("دورة الألعاب الآسيوية",),
}
BODY_NAMES.update(COMPETITIONS)
# Plans and lists named with common words (رؤية: "vision"; المملكة: "the kingdom")
PLANS: dict[str, tuple[str, ...]] = {
    "رؤية السعودية 2030": (
        "رؤية المملكة 2030",
        "رؤية المملكة العربية السعودية 2030",
        "رؤية 2030",
    ),
    "قائمة التراث العالمي": (),
    "قائمة التراث العالمي المعرض للخطر": (),
}
BODY_NAMES.update(PLANS)
# Places named with words the tagger reads as a body (قناة: a TV channel; ستريت)
PLACE_NAMES: dict[str, tuple[str, ...]] = {
    "قناة السويس": (),
    "قناة بنما": (),
    "وول ستريت": ("وال ستريت",),
    # presidential palaces and the like, places in the news (the Kremlin speaks: a body)
    "قصر الإليزيه": ("الإليزيه",),
    "قصر بعبدا": (),
    "قصر المرادية": (),
    "داونينغ ستريت": (),
    "منطقة اليورو": (),
}
BODY_NAMES.update(PLACE_NAMES)
# The names above that are no organisation (the rest are ORG).
BODY_TYPES: dict[str, str] = {
    "الجائزة العالمية للرواية العربية": "MISC",
    **dict.fromkeys(COMPETITIONS, "MISC"),
    **dict.fromkeys(PLANS, "MISC"),
    **dict.fromkeys(PLACE_NAMES, "LOC"),
}
# A club's short name (its first word, or its place: بلوزداد) → the match form of its
# full name, for a short one in an article that names the club in full.
CLUB_SHORT_NAMES: dict[str, str] = {
    cached_match_form(short): cached_match_form(full)
    for full, short in (
        ("الرجاء الرياضي", "الرجاء"),
        ("الوداد الرياضي", "الوداد"),
        ("الترجي الرياضي التونسي", "الترجي"),
        ("النجم الرياضي الساحلي", "النجم"),
        ("النادي الرياضي الصفاقسي", "الصفاقسي"),
        ("شبيبة القبائل", "الشبيبة"),
        ("مولودية الجزائر", "المولودية"),
        ("شباب بلوزداد", "بلوزداد"),
        ("أتلتيكو مدريد", "أتلتيكو"),
    )
}
# match form of every name → (match form of the name shown, the name shown)
BODY_OF: dict[str, tuple[str, str]] = {
    cached_match_form(name): (cached_match_form(shown), shown)
    for shown, others in BODY_NAMES.items()
    for name in (shown, *others)
}


# One-word names that are no ordinary word and no other name, found wherever they stand
# (the others are left to the tagger: النصرة is also "support", فاو a town in Iraq, شل
# "paralysed", أمازون the river).
_ACRONYMS = mf_set(
    "الأونروا أونروا اليونيفيل يونيفيل إيكواس الإيكواس آسيان الآسيان اليونيسف يونيسف "
    "اليونسكو يونسكو الناتو أوبك الأوبك داعش قسد الفيفا فيفا الإنتربول إنتربول فاتف "
    "إنفيديا مايكروسوفت غوغل جوجل آبل إنتل تسلا سامسونغ سامسونج هواوي أوراكل سيسكو بوينغ "
    "بوينج إيرباص نتفليكس توتال شيفرون غازبروم أدنوك يونامي إيغاد غرينبيس سومو سوناطراك "
    "سونلغاز الكنيست الإليزيه الأزهر إيني الحوثيون الحوثيين"
)


class KnownBody(NamedTuple):
    """A known body's full name in a text: ``text[start:end]`` (without a proclitic
    that can be cut off), its key and the name shown."""

    start: int
    end: int
    key: str
    name: str


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """The names of two words or more by their first word, longest first (a single word
    is left to the tagger: النصرة is also "support")."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(BODY_OF, key=lambda f: -len(f.split())):
        words = tuple(form.split())
        if len(words) > 1:
            out.setdefault(words[0], []).append(words)
    return out


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """Every way a name's first word is written, bare or after a proclitic (والبنك،
    للأمم, in match form) → the word."""
    out: dict[str, str] = {}
    for first in _by_first_word():
        out[first] = first
        if first.startswith("ال"):
            stacked = [p + first for p in ("و", "ف", "ب", "ك", "وب", "وك", "فب", "فك")]
            stacked += [p + first[2:] for p in ("لل", "ولل", "فلل")]
        else:
            stacked = [p + first for p in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")]
        for form in stacked:
            out.setdefault(form, first)
    return out


def _continues_name(form: str) -> bool:
    """A word that makes the name before it another one: an adjective of origin or kind
    (صندوق النقد العربي is not صندوق النقد الدولي; مجلس الأمن الوطني is not the UN's)."""
    return (
        len(form) >= 5  # not إلى (match form الي)
        and form.startswith("ال")
        and (form.endswith("ي") or form.endswith("يه"))
        and not is_stopword(form)
        and form not in _NOUNS_IN_I
    )


# nouns in ي that follow a name as the verb's object (وتصدر شباب بلوزداد الدوري)
_NOUNS_IN_I = frozenset(cached_match_form(w) for w in ("الدوري", "الكرسي", "المبنى"))


# An agency's initials where a dateline or a bracket puts them: (واس)، - بترا -، (أ ش أ).
# Alone they are words or places too (قنا، بنا، سبأ، بترا), so only there.
_INITIALS = "|".join(
    sorted(
        (
            re.escape(name).replace(r"\ ", r"\s?").replace(r"\.", r"\.?")
            for shown, others in BODY_NAMES.items()
            if shown.startswith(("وكالة", "الوكالة"))
            for name in others
        ),
        key=len,
        reverse=True,
    )
)
_AGENCY_INITIALS = re.compile(
    rf"\(\s*(?P<a>{_INITIALS})\s*\)|(?:^|\n)[^\n–\-(]{{2,30}}[–\-]\s*(?P<b>{_INITIALS})\s*[–\-:]"
)


def find_agency_initials(text: str) -> list[KnownBody]:
    """A news agency named by its initials in a dateline or in brackets."""
    found = []
    for m in _AGENCY_INITIALS.finditer(text):
        group = "a" if m.group("a") else "b"
        initials = re.sub(r"\s", " ", m.group(group))
        known = BODY_OF.get(cached_match_form(initials)) or BODY_OF.get(
            cached_match_form(initials.replace(" ", "").replace(".", ""))
        )
        if known is not None:
            found.append(KnownBody(m.start(group), m.end(group), *known))
    return found


def find_bodies(text: str) -> list[KnownBody]:
    """Every full name of a known body in ``text``, left to right, not overlapping, and
    every one-word name of ``_ACRONYMS`` (maybe after a proclitic) outside them."""
    firsts, heads = _by_first_word(), _heads()
    toks, _ = tokens_and_starts(text)
    forms, stripped = token_forms(text)
    found: list[KnownBody] = []
    free = 0
    # the few tokens that can start a name, found in C
    starts = map(or_, map(heads.__contains__, forms), map(_ACRONYMS.__contains__, stripped))
    for i in compress(range(len(toks)), starts):
        if i < free:
            continue
        if forms[i] in heads:
            head = heads[forms[i]]
            for name in firsts[head]:
                n = len(name)
                if tuple(forms[i + 1 : i + n]) != name[1:]:
                    continue
                if i + n < len(toks) and _continues_name(forms[i + n]):
                    continue
                cut = 0 if head == forms[i] else proclitic_length(toks[i][0], forms[i], head)
                key, shown = BODY_OF[" ".join(name)]
                found.append(KnownBody(toks[i][1] + cut, toks[i + n - 1][2], key, shown))
                free = i + n
                break
            if free > i:
                continue
        # an acronym alone (or a one-word name that also starts longer ones: الأزهر)
        word = forms[i] if forms[i] in _ACRONYMS else stripped[i]
        if word in _ACRONYMS and word in BODY_OF:
            cut = proclitic_length(toks[i][0], forms[i], word)
            if not cut and forms[i].startswith(("ولل", "فلل")) and len(toks[i][0]) == len(forms[i]):
                cut = 1  # وللأونروا: its و, not its لل (no span spells الأونروا)
            found.append(KnownBody(toks[i][1] + cut, toks[i][2], *BODY_OF[word]))
    return found


def proclitic_length(token: str, form: str, head: str) -> int:
    """Characters of ``token`` (match form ``form``) before the name's first word
    ``head``: the proclitic letters and any marks on them; 0 where the article merged
    into the proclitic (للأمم: no span of the text spells الأمم)."""
    if not form.endswith(head):
        return 0
    letters, k = len(form) - len(head), 0
    while letters and k < len(token):
        if cached_match_form(token[k]):  # a letter: a mark or tatweel folds to nothing
            letters -= 1
        k += 1
    while k < len(token) and not cached_match_form(token[k]):
        k += 1
    return k
