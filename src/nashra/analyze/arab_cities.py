"""Cities and regions of the Arab world and the Horn of Africa that the news names and
CLDR (the gazetteer's source) does not: provincial capitals and towns (and a few
capitals of Africa).

The tagger, trained on a few thousand sentences, leaves many of them untagged
(تارودانت، ورقلة، القضارف، ود مدني). :func:`known_cities` makes a place of every one
written where no mention stands. Names that are also common words are left out, to the
tagger: الجديدة (new), الزاوية (corner), الأبيض (white), صور (pictures), الخبر (the
news), العقبة (obstacle), الرمادي (grey), جنين (foetus), ينبع (it springs), الضالع
(implicated), الكفرة (infidels), كسلا (idly), دوما (always), فاس (axe), وجدة (found),
صيدا (prey), البليدة (dull), الحلة (attire), العمارة (building), سرت (spread), المرج
(meadow), إبراء (discharge), قبلي (tribal), أطار and أسني (إطار, أسنى in match form),
الباحة (courtyard), الجلفة (roughness), المدية (knife), الرطبة (humid), خيطان (threads),
أم قصر (طال الزمن أم قصر "long or short"); and أغادير and بشار, also given names.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from itertools import compress, count

from nashra.analyze.lexicon import cached_match_form, phrase_starts
from nashra.analyze.mention import Mention, add_mentions, named_mention
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts
from nashra.analyze.world_cities import WORLD_CITIES

__all__ = ["ARAB_CITIES", "known_cities"]


def _listed(names: str) -> list[str]:
    return names.split()


ARAB_CITIES: tuple[str, ...] = (
    # Morocco
    *_listed(
        "أمزميز الصويرة تارودانت ورزازات الناظور تطوان العرائش القنيطرة سطات خريبكة إفران "
        "ميدلت خنيفرة الحسيمة الرشيدية شفشاون آسفي مراكش مكناس طنجة"
    ),
    "بني ملال",
    # Algeria
    *_listed(
        "وهران قسنطينة عنابة سطيف تلمسان بجاية باتنة بسكرة غرداية تمنراست ورقلة "
        "الأغواط تيبازة بومرداس الشلف جيجل سكيكدة"
    ),
    "تيزي وزو",
    "حاسي مسعود",
    "حاسي الرمل",
    "عين أميناس",
    # Tunisia
    *_listed(
        "صفاقس سوسة القيروان بنزرت قابس نابل المنستير توزر مدنين تطاوين قفصة القصرين جندوبة المهدية "
        "باجة نفزة سليانة زغوان بنقردان"
    ),
    "سيدي بوزيد",
    # Libya
    *_listed("بنغازي مصراتة درنة طبرق غريان زليتن أجدابيا سبها تاجوراء غدامس ترهونة"),
    "بني وليد",
    "عين زارة",
    # Egypt
    *_listed(
        "الإسكندرية أسوان بورسعيد الإسماعيلية السويس المنصورة طنطا أسيوط المنيا سوهاج "
        "الفيوم دمياط الزقازيق الغردقة العريش رفح بنها القليوبية المنوفية الدقهلية الأقصر"
    ),
    "كوم أمبو",
    "نصر النوبة",
    "شرم الشيخ",
    "مرسى مطروح",
    # Sudan
    *_listed("عطبرة نيالا الفاشر القضارف بورتسودان كوستي سنار الدمازين كادقلي زالنجي شندي دنقلا"),
    "ود مدني",
    "أم درمان",
    # Jordan, Lebanon, Syria, Palestine
    *_listed(
        "إربد الكرك مادبا جرش عجلون الرمثا زحلة بعلبك جبيل النبطية عكار الهرمل "
        "طرطوس القامشلي الحسكة منبج عفرين كوباني بانياس السويداء طولكرم قلقيلية أريحا حيفا "
        "الطفيلة شتورة عنجر حرستا داريا سراقب الزبداني يبرود "
        "يافا عكا الناصرة"
    ),
    "بيت لحم",
    "قب الياس",
    "جسر الشغور",
    "خان شيخون",
    "معرة النعمان",
    "خان يونس",
    "دير البلح",
    "دير الزور",
    # Iraq
    *_listed(
        "الفلوجة كركوك أربيل السليمانية دهوك النجف كربلاء الكوت سامراء تكريت بعقوبة السماوة "
        "ديالى واسط ميسان الديوانية الناصرية بيجي المشخاب"
    ),
    # the Gulf and Yemen
    *_listed(
        "الشارقة عجمان الفجيرة حلبا مسقط صلالة صحار نزوى الدقم البريمي هيماء ثمريت مقشن الدمام الظهران الطائف أبها تبوك بريدة "
        "نجران جازان جيزان الأحساء القطيف الجبيل القصيم عرعر سكاكا تعز الحديدة مأرب المكلا "
        "حضرموت شبوة صعدة لحج باجل الوكرة الجهراء صحم السويق الخابورة بهلاء مزدلفة"
    ),
    # Kuwait, Bahrain, Qatar, the Emirates and Oman: districts and towns
    *_listed(
        "حولي الفروانية الشويخ السالمية المنقف الفحيحيل الجابرية الشعيبة المحرق "
        "الرفاع الجفير الصخير جدحفص لوسيل مسيعيد كلباء خورفكان الذيد ظفار المزيونة"
    ),
    "جليب الشيوخ",
    "مبارك الكبير",
    "مدينة عيسى",
    "مدينة حمد",
    "جبل علي",
    # Saudi towns and regions
    *_listed("رابغ أملج ضباء رفحاء طريف القريات الخرج الدوادمي الزلفي عنيزة الرس بيشة القنفذة"),
    "حفر الباطن",
    "محايل عسير",
    "رجال ألمع",
    "منطقة الحدود الشمالية",
    # Yemen, Iraq, Jordan, Lebanon, Syria
    *_listed("الغيضة سقطرى صرواح تلعفر سنجار الحويجة خانقين مرجعيون"),
    "ذي قار",
    "بيت الدين",
    "الغوطة الشرقية",
    # Egypt
    "بني سويف",
    "كفر الشيخ",
    "التجمع الخامس",
    "العين السخنة",
    "نزلة السمان",
    "رأس الحكمة",
    # the Maghreb and Mauritania
    *_listed(
        "تيزنيت كلميم المسيلة البويرة أدرار تبسة خنشلة مستغانم تيارت "
        "غليزان قالمة أريانة منوبة باسكنو لكصيبة غورغول قندولة"
    ),
    "سوق أهراس",
    "عين الدفلى",
    "برج بوعريريج",
    "أم البواقي",
    "عين تموشنت",
    "سيدي بلعباس",
    "بن عروس",
    "تفرغ زينة",
    "الحوض الشرقي",
    "الحوض الغربي",
    "رأس لانوف",
    "الجبل الأخضر",
    "رأس الخيمة",
    "المنطقة الشرقية",  # (Saudi Arabia's; any country's is a place too)
    "أم القيوين",
    "خميس مشيط",
    # the Horn of Africa and Mauritania
    *_listed("مقديشو هرجيسا كيسمايو بيدوا غلمدغ بونتلاند نواذيبو كيفة روصو كيهيدي تجكجة سيلبابي"),
    # capitals of Africa that CLDR's Arabic cities leave out
    *_listed("كمبالا نيروبي كيغالي داكار باماكو نيامي نجامينا أكرا جوبا"),
    # the Mediterranean's migrant crossings
    *_listed("لامبيدوسا لامبيدوزا فاليتا"),
)


@cache
def _by_first_word() -> dict[str, list[tuple[int, tuple[str, ...], None]]]:
    """Each city's first word in every written form with a proclitic → (the proclitic's
    length, the match forms of its other words), longest names first."""
    return phrase_starts((name, None) for name in ARAB_CITIES + WORLD_CITIES)


# cities that are words before these (مسقط رأسه "his birthplace")
_NOT_BEFORE = {cached_match_form("مسقط"): frozenset(("راس", "راسه", "راسها", "راسي", "راسهم"))}


def known_cities(text: str, mentions: list[Mention]) -> None:
    """Add a place mention for every city of :data:`ARAB_CITIES` (and of
    :data:`~nashra.analyze.world_cities.WORLD_CITIES`) written where no mention stands
    (with its proclitic outside the mention), make a place of a person the tagger made of
    one, and of the parts of a name of two words or more the tagger found alone (فيصل
    آباد → آباد); ``mentions`` in text order."""
    forms = token_forms(text)[0]
    table = _by_first_word()
    found = list(compress(count(), map(table.__contains__, forms)))
    if not found:
        return
    toks = tokens_and_starts(text)[0]
    starts = [m.start for m in mentions]
    added = []
    parts: set[int] = set()  # mentions of parts of a longer name, replaced by it
    for i in found:
        for cut, rest, _ in table[forms[i]]:
            j = i + len(rest)
            if j >= len(toks) or tuple(forms[i + 1 : j + 1]) != rest:
                continue
            if j + 1 < len(toks) and forms[j + 1] in _NOT_BEFORE.get(forms[i][cut:], ()):
                break  # مسقط رأسه: "his birthplace"
            s, e = toks[i][1] + cut, toks[j][2]
            k = bisect_right(starts, e) - 1
            if k >= 0 and mentions[k].end > s:
                m = mentions[k]
                if m.type == "PERS" and m.end == e and toks[i][1] <= m.start <= s:
                    # خان يونس، ود مدني (بحاسي مسعود: the tagger's span with its clitic):
                    # no person
                    mentions[k] = named_mention(text, s, e, "LOC")
                elif rest and (inside := _parts_inside(mentions, k, toks[i][1], e)):
                    parts.update(inside)
                    added.append(named_mention(text, s, e, "LOC"))
                break  # (most are: the tagger's own)
            added.append(named_mention(text, s, e, "LOC"))
            break
    if parts:
        mentions[:] = [m for n, m in enumerate(mentions) if n not in parts]
    add_mentions(mentions, added)


def _parts_inside(mentions: list[Mention], k: int, s: int, e: int) -> list[int]:
    """The mentions ``k``, ``k - 1`` … that overlap ``s``–``e``, when all lie within it
    and one is shorter than it (the tagger's parts of a city's name); else none."""
    inside = []
    while k >= 0 and mentions[k].end > s:
        m = mentions[k]
        if m.start < s or m.end > e or m.type not in ("LOC", "PERS"):
            return []
        inside.append(k)
        k -= 1
    return inside if any(mentions[n].end - mentions[n].start < e - s for n in inside) else []
