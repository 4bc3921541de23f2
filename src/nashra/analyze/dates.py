"""Dates in Arabic news text, resolved against the publication date.

Recognised (``kind``):

``relative``  أمس، البارحة، أول من أمس، اليوم، غداً، بعد غد (with صباح/مساء/ظهر/ليلة/فجر)
``weekday``   يوم الثلاثاء / الثلاثاء (the most recent one on or before the publication
              date; ``المقبل``/``القادم`` after it → the next one, ``الماضي`` → strictly before)
``week`` ``month`` ``year``  الأسبوع/الشهر/العام الماضي، المقبل (value: the week's day seven
              days away, the first day of that month or year)
``date``      day + month name (Levantine كانون الثاني…, Egyptian/Gulf يناير…, Maghreb
              جانفي…; an alternative name in brackets or after a slash is absorbed) + optional
              year; ``dd/mm/yyyy``. Without a year, the year that puts the date nearest to
              the publication date.
``month``     also a month by its name with a year (نيسان 2015، يناير من عام 2014), with
              الماضي/المقبل/الجاري (أبريل الماضي: the last April before this month), or
              after في/منذ/خلال/حتى/مطلع/أواخر… (the nearest one: at most six months
              ahead); value: its first day. Without such a word a month name is left
              alone (مارس is also "he practised", نيسان a carmaker).
``hijri``     day + Hijri month + year + هـ, or ``dd/mm/yyyy`` with a year of 1300–1600
              (22/9/1436), converted with the Umm al-Qura calendar (hijridate; the
              tabular calendar outside 1343–1500 AH) — a month begun by sighting can
              differ by a day.

Digits may be ASCII or Arabic-Indic. Offsets index the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from itertools import repeat

from nashra.analyze.given_names import MEN, WOMEN
from nashra.analyze.lexicon import cached_match_form
from nashra.text import terms

__all__ = ["MONTH_TERMS", "DateMention", "find_dates", "hijri_to_gregorian"]


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: date
    kind: str  # relative | weekday | week | month | year | date | hijri

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value.isoformat(),
            "kind": self.kind,
        }


def _alt(*words: str) -> str:
    """Regex alternative tolerant of hamza/alef and teh marbuta spelling variants."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        p = re.escape(w)
        p = re.sub("[اأإآ]", "[اأإآ]", p)
        p = p.replace("ة", "[ةه]").replace("ى", "[ىي]")
        out.append(p)
    return "(?:" + "|".join(out) + ")"


_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("كانون الثاني", "يناير", "جانفي", "جانفييه"),
        ("شباط", "فبراير", "فيفري", "فبرير"),
        ("آذار", "مارس"),
        ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل"),
        ("أيار", "مايو", "ماي"),
        ("حزيران", "يونيو", "يونيه", "جوان"),
        ("تموز", "يوليو", "يوليه", "يوليوز", "جويلية", "جويلة"),
        ("آب", "أغسطس", "اغسطس", "أوت", "غشت"),
        ("أيلول", "سبتمبر", "شتنبر"),
        ("تشرين الأول", "أكتوبر", "اكتوبر"),
        ("تشرين الثاني", "نوفمبر", "نونبر"),
        ("كانون الأول", "ديسمبر", "دجنبر"),
    ],
    start=1,
):
    for _n in _names:
        _MONTHS[_n] = _i

_HIJRI_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("محرم", "المحرم"),
        ("صفر",),
        ("ربيع الأول",),
        ("ربيع الآخر", "ربيع الثاني"),
        ("جمادى الأولى", "جمادى الأول"),
        ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"),
        ("رجب",),
        ("شعبان",),
        ("رمضان",),
        ("شوال",),
        ("ذو القعدة", "ذي القعدة"),
        ("ذو الحجة", "ذي الحجة"),
    ],
    start=1,
):
    for _n in _names:
        _HIJRI_MONTHS[_n] = _i


def _fold(s: str) -> str:
    s = re.sub("[أإآ]", "ا", s)
    return s.replace("ة", "ه").replace("ى", "ي")


_MONTH_FOLD = {_fold(k): v for k, v in _MONTHS.items()}
_HIJRI_FOLD = {_fold(k): v for k, v in _HIJRI_MONTHS.items()}

_D = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_B = r"(?<!\w)"  # word start (\w covers Arabic letters and digits, not ، or ؛)
_E = r"(?!\w)"  # word end
_MONTH_RE = _alt(*_MONTHS)
_HIJRI_RE = _alt(*_HIJRI_MONTHS)

# A day starts a word, or follows a و/ب/ل (or لـ) that does: tested after its first
# digit, so that the pattern starts with a digit and re skips straight to digits.
_DAY = rf"(?P<day>{_D}(?:(?<!\w.)|(?<=[وبل].)(?<!\w..)|(?<=[وبل]ـ.)(?<!\w...)){_D}?)"
# After a month's name: its other name in brackets or after a slash, and a year.
_OTHER_NAME = rf"\s*(?:\(\s*{_MONTH_RE}\s*\)|/\s*{_MONTH_RE}{_E})"
_YEAR = rf"\s*(?:،|,)?\s*(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?(?P<year>{_D}{{4}})(?:\s*م{_E})?"
# …من العام الماضي / من العام نفسه: the year told by a word (see _year_of)
_OF_YEAR = (
    r"\s+من\s+(?:العام|السنة|عام|سنة)\s+(?P<ydir>نفسه|نفسها|ذاته|ذاتها|الماضي|الماضية|الفائت"
    rf"|المنصرم|المنصرمة|المقبل|المقبلة|القادم|القادمة|الجاري|الجارية|الحالي|الحالية){_E}"
)
_DATE = re.compile(
    rf"{_DAY}\s*(?:من\s+)?(?:شهر\s+)?"
    rf"(?P<month>{_MONTH_RE}){_E}"
    rf"(?:{_OTHER_NAME}|\s*-\s*{_MONTH_RE}{_E})?(?:{_YEAR}|{_OF_YEAR}"
    rf"|\s+(?P<ddir>الماضي|الفائت|المنصرم|المقبل|القادم){_E})?"
)
# A month named alone: found by its name at a word start (a lookahead on the names' first
# letters skips most words), then what is around it is matched in place; one pattern with
# the context words first cost twice as much, tried at every position.
_MONTH_WORD = re.compile(
    rf"(?<!\w)(?:[وف]?[بل]|[وف])?(?!ال)(?=[{''.join(sorted({n[0] for n in _MONTHS} | set('اأإآ')))}])"
    rf"(?P<month>{_MONTH_RE})(?!\w)"
)


# The analyzer's terms of the month names (nashra.text.terms): a caller that has the
# terms of a text passes where these are, and the text is not scanned for names. Behind a
# proclitic some names are not cut back to their term (بآب → باب): those forms count too
# (all but في, which names no month).
MONTH_TERMS = frozenset(
    t
    for name in _MONTHS
    for clitic in ("", "ب", "ل", "و", "ف", "وب", "ول", "فب", "فل")
    for t in terms(clitic + name.split()[0])
) - {"في"}


_MONTH_AFTER = re.compile(
    rf"(?:{_OTHER_NAME})?"
    rf"(?:{_YEAR}|{_OF_YEAR}|\s+(?P<dir>الماضي|الفائت|المنصرم|المقبل|القادم|الجاري|الحالي"
    rf"|الماضيين|المقبلين){_E})?"
)
# the second month of a pair, with the direction of both (شتنبر ودجنبر الماضيين)
_PAIR_AFTER = re.compile(rf"\s+و\s*(?:{_MONTH_RE})\s+(?P<dir>الماضيين|المقبلين|الماضي|المقبل){_E}")
# the days of a range or list before the day that has the month: من 12 إلى 14 مارس، بين
# 24 و26 أبريل، يومي 11 و12 مارس، أيام 26 و27 و28 مارس
_RANGE_START = re.compile(
    r"(?<!\w)(?:من|بين|يومي|أيام)\s+(?P<days>\d{1,2}(?:\s*و\s*\d{1,2})*)"
    r"\s*(?:و|-|–|(?:إلى|الى|حتى)\s+)\s*$"
)
_RANGE_DAY = re.compile(r"\d{1,2}")
_TEEN = re.compile(r"\s+عشر(?!\w)")
_ANY_YEAR = re.compile(rf"(?<![\w/.\-])(?:1[6-9]|20){_D}{{2}}(?![\w/\-])")
# A number and a month that name a place or a movement (ملعب 5 جويلية، مدينة 6 أكتوبر، قوى 14
# آذار)
_PLACE_BEFORE = re.compile(
    r"(?<!\w)[وفبل]?(?:ال)?(?:ملعب|استاد|مدينة|مدينه|حي|جسر|كوبري|شارع|ميدان|ساحة|جامعة|مستشفى"
    r"|محطة|مطار|ثكنة|مدرسة|ثانوية|نهج|قوى|تيار|تحالف|محور)\s+$"
)
# this year said just before a day and month (بدأ هذا العام في 26 أبريل): the year's own
_THIS_YEAR_BEFORE = re.compile(
    r"(?:هذا\s+العام|هذه\s+السنة|العام\s+(?:الجاري|الحالي)|السنة\s+(?:الجارية|الحالية))"
    r"\s+(?:في\s+|يوم\s+|منذ\s+)*$"
)
# … and the month of such a name left with its year (ملعب 20 أوت 1955)
_PLACE_DAY_BEFORE = re.compile(_PLACE_BEFORE.pattern[:-4] + rf"\s+{_D}{{1,2}}\s+$")


def _year_of(word: str, text: str, at: int, pub: date | None) -> int | None:
    """The year of من العام ``word`` said at ``at``: the publication's, the one before or
    after it, or (نفسه، ذاته) the last year written before ``at``."""
    w = _fold(word)
    if w.startswith(("نفس", "ذات")):
        years = _ANY_YEAR.findall(text, max(0, at - 400), at)
        return _int(years[-1]) if years else None
    if pub is None:
        return None
    if w.startswith(("الماضي", "الفاءت", "المنصرم")):
        return pub.year - 1
    if w.startswith(("المقبل", "القادم")):
        return pub.year + 1
    return pub.year


_MONTH_BEFORE = re.compile(
    r"(?<!\w)[وف]?(?:في|منذ|خلال|حتى|[بل]?(?:مطلع|أوائل|اوائل|أواخر|اواخر|منتصف|نهاية|بداية))"
    r"\s+(?:شهري?\s+)?$|(?<!\w)[وف]?[لب]?شهري?\s+$"
)
_EVERY_WEEK = re.compile(r"\s+(?:من\s+)?كل\s+(?:أسبوع|اسبوع)(?!\w)")
_EVERY_BEFORE = re.compile(r"(?<!\w)(?:كل|أيام|ايام)\s+(?:يوم\s+)?$")
_SINCE_BEFORE = re.compile(r"(?<!\w)[وف]?منذ\s+(?:شهر\s+)?$")
_HIJRI = re.compile(
    rf"{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_HIJRI_RE}){_E}"
    rf"\s*(?:(?:عام|سنة)\s+)?(?P<year>{_D}{{4}})\s*(?:هـ|ه|للهجرة|هجري[ةه]?)(?!\w)"
)
_NUMERIC = re.compile(
    rf"(?P<day>{_D}(?<![\w/.\-].){_D}?)[/.\-](?P<month>{_D}{{1,2}})[/.\-](?P<year>{_D}{{4}})(?![\d/])"
)
_TOD = r"(?:(?:صباح|مساء|بعد\s+ظهر|ظهر|عصر|ليل[ةه]?|فجر|منتصف\s+ليل[ةه]?)\s+)?"
_RELATIVE = re.compile(
    rf"{_B}[وف]?(?P<tod>{_TOD})(?P<word>أول\s+من\s+أمس|أول\s+أمس|قبل\s+أمس|أمس\s+الأول"
    rf"|بعد\s+غد|أمس|البارحة|الغد|اليوم|غدا|غداً|غدًا|غد|الليلة\s+الماضية|الليلة){_E}"
)
# The words each phrase pattern cannot match without (its core), found first: see _phrases.
_RELATIVE_CORE = re.compile(rf"(?:أمس|البارحة|اليوم|غدا|غد|الغد|الليلة){_E}")
# اليوم that is no date: a name («اليوم»، اليوم السابع، أخبار اليوم) or "the day" in
# general (في اليوم الواحد، اليوم العالمي للمسرح، اليوم التالي)
_NOT_TODAY_AFTER = re.compile(
    r"[»”\"]|\s+(?:الواحد|العالمي|الوطني|الدولي|التالي|السابع|الأول|الثاني|الأخير|نفسه|ذاته"
    r"|الذي|المحدد|الموعود)(?!\w)"
)
_NOT_TODAY_BEFORE = re.compile(r"(?:[«“\"]|أخبار\s+|(?<!\w)في\s+)$")
_WEEKDAYS = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
# a week's days from one to another in a timetable (تعمل القطارات من السبت إلى
# الأربعاء): every week, no date (not عطلة امتدت من الجمعة إلى الأحد)
_TIMETABLE = re.compile(
    r"(?<!\w)[وف]?(?:تعمل|يعمل|تفتح|يفتح|تبدأ|يبدأ|الدوام|دوام|مواعيد|أسبوع\s+العمل)(?!\w)"
)
_SCHEDULE_AFTER = re.compile(rf"\s+(?:إلى|الى|حتى)\s+(?:يوم\s+)?{_alt(*_WEEKDAYS)}(?!\w)")
_SCHEDULE_BEFORE = re.compile(
    rf"(?<!\w)من\s+(?:يوم\s+)?{_alt(*_WEEKDAYS)}\s+(?:إلى|الى|حتى)\s+(?:يوم\s+)?$"
)
_WEEKDAY = re.compile(
    rf"{_B}[وف]?(?P<tod>{_TOD})(?P<yawm>(?:يوم|ليلة|ليله|نهار)\s+)?"
    rf"(?P<day>{_alt(*_WEEKDAYS)}){_E}"
    rf"(?:\s+(?P<dir>قبل\s+الماضي|الماضية|الماضي|الفائتة|الفائت|المنصرمة|المنصرم|المقبلة|المقبل"
    rf"|القادمة|القادم){_E})?"
)
_WEEKDAY_CORE = re.compile(rf"{_alt(*_WEEKDAYS)}{_E}")
_PERIOD_UNIT = r"(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة)\s+"
_PERIOD_DIR = (
    r"(?P<dir>الماضي|الماضية|الفائت|المنصرم|المنصرمة|المقبل|المقبلة|القادم|القادمة|الحالي"
    rf"|الحالية|الجاري|الجارية){_E}"
)
_PERIOD = re.compile(rf"{_B}(?:[وف]?[بل]|[وف])?(?:في\s+)?(?:ب|ل)?{_PERIOD_UNIT}{_PERIOD_DIR}")
_PERIOD_CORE = re.compile(_PERIOD_UNIT + _PERIOD_DIR)
# a future verb (سيلتقي، ستعقد) or سوف before a bare weekday: the next one, not the last
_FUTURE = re.compile(
    r"(?<!\w)(?:[وف]?س[يتنأ]\u064f?[\u0621-\u064a][\u0621-\u064a\u064b-\u0652]+|سوف|غدا|غداً|غد|اعتبارا|اعتباراً|ابتداء|ابتداءً"
    r"|بدءا|بدءاً|بدءًا|بداية\s+من"
    r"|[وف]?(?:توقع|توقعت|يتوقع|تتوقع|المتوقع|المقرر|المنتظر|متوقع|متوقعة|متوقعا|متوقعاً)"
    r"|[وف]?[يت]\u064f?نتظر|على\s+أن"
    # a decision to hold or put off what is dated (تقرر إجراء الانتخابات يوم 6 أكتوبر)
    r"|[وف]?(?:تقرر|قرر|قررت|تقررت)\s+(?:إجراء|اجراء|تنظيم|عقد|إقامة|اقامة|تأجيل|تاجيل|إرجاء|ارجاء)"
    r"|[وف]?دع(?:ا|ت|وا)(?!\w)[^.،]{0,60}?(?<!\w)(?:إلى|الى))(?!\w)"
)
# nouns that look like a future verb (س + يطرة): سيطرة، سيارة، سنة، ستة …
_FUTURE_LOOKALIKES = re.compile(
    r"[وف]?(?:سيطر|سيار|سياس|سياد|سياح|سياق|سيد|سيناء|سيناريو|سيول|سيرة|سنة|سنو|سند|ستة|ستين"
    r"|ستون|سأل)"
)
# the first word of a clause: an imperfect verb there (ويصدر الجهاز … يوم الثلاثاء، بينما
# يلاقي المنتخب … يوم الأربعاء) tells of what is to come; not ويأتي ذلك بعد …، يذكر أن
_CLAUSE_START = re.compile(r"[،,؛:]|(?<!\w)(?:بينما|فيما|حين|كما)(?!\w)")
# (ي only: تراجعت، تجمع are as often past verbs as تنطلق is a present one)
_CLAUSE_VERB = re.compile(r"\s*[وف]?(?P<verb>ي[\u0621-\u0652]{3,})(?!\w)")
# (ت + …ي: تنتهي، تجري — not تراجعت, a past verb)
_VERB_BEFORE = re.compile(
    r"(?<!\w)(?!(?:يوسف|يونس|يحيى|يحيي|يعقوب|يزيد|ياسر|ياسين|يسرى|يمنى|يناير|يونيو|يوليو|يونيه"
    r"|يوليه|يومي|يوما|يوميا|يومين)(?!\w))(?:ي[\u0621-\u064a]{3,}|ت[\u0621-\u064a]{2,}[يى])\s+(?:يوم\s+)?$"
)
# a relative clause whose past verb the weekday closes (التي جرت، الذي أقيم، التي كانت
# مقررة): whatever the sentence's main verb, that day is past
_PAST_RELATIVE = re.compile(
    r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين)\s+(?:[\u0621-\u064a]+ت|كان|جرى|أقيم|اقيم|عقد|تم"
    r"|انعقد|وقع|حدث|نظم|شهد|انطلق|بدأ|بدا|انتهى)(?:\s+[\u0621-\u064a]+){0,3}\s+(?:يوم\s+)?"
    rf"(?:{_TOD})?$"
)
# a state that lasts until the weekday (وتستمر العطلة حتى الخميس): the coming one
_UNTIL = re.compile(
    r"(?<!\w)[وف]?(?:يستمر|تستمر|يتواصل|تتواصل|يمتد|تمتد|يظل|تظل|يبقى|تبقى|تبقي|يسري|تسري)(?!\w)"
    r"[^.،]{0,60}(?<!\w)حتى\s+(?:يوم\s+)?$"
    # إلى غاية الجمعة، لغاية الأحد (the Maghreb's "until"): the coming one
    r"|(?<!\w)(?:إلى|الى)\s+غاية\s+(?:يوم\s+)?$|(?<!\w)لغاية\s+(?:يوم\s+)?$"
)
_NOT_FUTURE_VERBS = frozenset(
    {"يأتي", "تأتي", "ياتي", "تاتي", "يذكر", "يشار", "تجدر", "يعد", "تعد", "يعتبر", "تعتبر"}
)


def _after_name(text: str, m: re.Match[str]) -> bool:
    """Whether a given name stands right before ``m`` (يوسف الخميس: a family name)."""
    before = _GIVEN_BEFORE.search(text, max(0, m.start() - 16), m.start())
    return before is not None and cached_match_form(before.group("name")) in _GIVEN


# after a bare الجمعة/السبت/الأحد/الاثنين: what an adverb of time stands before
_ADVERB_AFTER = re.compile(r"\s*(?:[،,.:]|(?:إلى|الى|في|على|عن|أن|إن|بأن|لدى|خلال|مع)\s)")
# before one: the nouns it completes (صلاة الجمعة، مستوى الاثنين، بين الاثنين، عطلة السبت)
_NOUN_BEFORE = re.compile(
    r"(?:صلاة|صلاتي|صلوات|خطبة|خطبتي|خطب|خطيب|خطباء|منبر|منابر|مسجد|جامع|سوق|مستوى|بين|كلا|كلتا|الواحد|عطلة|عطلتي|"
    r"نهاية|أيام|ليالي|يوم|ليلة|إلا|سوى|من|مثل|أحد)\s+$"
)


# قد + a verb right before it (وكانت الوزارة قد أطلقت الأحد حملة): the verb's time
_QAD_VERB_BEFORE = re.compile(r"(?<!\w)قد\s+[\u0621-\u064a]{3,}\s+$")
# a place named by a weekday (سوق الأربعاء، سوق الخميس): no date
_MARKET_BEFORE = re.compile(r"(?<!\w)[وفبل]?سوق\s+$")


def _adverbial(text: str, m: re.Match[str]) -> bool:
    """Whether a bare weekday that is also a noun stands as an adverb of time: after a
    word that is not a noun it completes, before a stop or a preposition (زار بغداد
    الاثنين، وأعلنت الوزارة الأحد أن), not as a percentage (الاثنين في المائة)."""
    if _after_name(text, m):
        return False
    if not _ADVERB_AFTER.match(text, m.end()) and not _QAD_VERB_BEFORE.search(
        text, max(0, m.start() - 24), m.start()
    ):
        return False
    if text.startswith((" في المائة", " في المئة"), m.end()):
        return False
    lo = max(0, m.start() - 12)
    return m.start() > 0 and not _NOUN_BEFORE.search(text, lo, m.start())


_LONG_PAST_DAYS = 90
_WAS = re.compile(r"(?<!\w)[وف]?(?:كان|كانت)(?!\w)")


def _lead(text: str, at: int) -> str:
    """The words of the sentence before ``at`` (at most 80 characters of them)."""
    lead = text[max(0, at - 80) : at]
    return lead[max(lead.rfind("."), lead.rfind("\n")) + 1 :]


def _future(lead: str) -> bool:
    """Whether the words of a weekday's sentence before it speak of what is to come."""
    if lead.rstrip().endswith("منذ"):
        return False  # منذ يوم الجمعة: since, so before
    if _PAST_RELATIVE.search(lead):
        return False  # … بعد فشل الجولة التي جرت الثلاثاء: its own clause is past
    if _UNTIL.search(lead):
        return True  # وتستمر العطلة حتى الخميس
    if any(not _FUTURE_LOOKALIKES.match(m.group()) for m in _FUTURE.finditer(lead)):
        return True
    if _VERB_BEFORE.search(lead):
        return True  # مهلة تنتهي يوم الجمعة: a present verb right before it
    start = 0
    for boundary in _CLAUSE_START.finditer(lead):
        start = boundary.end()  # the weekday's own clause begins after the last one
    verb = _CLAUSE_VERB.match(lead, start)
    return verb is not None and verb.group("verb") not in _NOT_FUTURE_VERBS


_WEEKDAY_FOLD = {_fold(k): v for k, v in _WEEKDAYS.items()}
_GIVEN = MEN | WOMEN
# الثلاثاء، الأربعاء، الخميس name only their day (الاثنين is also "the two": مستوى الاثنين
# في المائة), but for a family name after a given name (يوسف الخميس)
_UNAMBIGUOUS_WEEKDAYS = frozenset({1, 2, 3})
_GIVEN_BEFORE = re.compile(r"(?P<name>[\u0621-\u064a]+)\s+$")
# the words after which a bare الجمعة/السبت is a day (اليوم الاثنين، غداً الجمعة)
_WEEKDAY_CONTEXT = re.compile(r"(?:في|منذ|حتى|من|مساء|صباح|فجر|اليوم|غدا|غداً|غدًا|غد|أمس)[\s،,]*$")


# هذا الأسبوع، هذا العام، هذه السنة: the publication's week, month or year
_THIS = re.compile(rf"{_B}[وف]?[لب]?(?:هذا|هذه)\s+(?P<unit>الأسبوع|الاسبوع|الشهر|العام|السنة){_E}")
_THIS_CORE = re.compile(rf"(?:هذا|هذه){_E}")
# مطلع العام، منتصف السنة: of this year (not العام الماضي/الدراسي/المالي, nor with a year)
_PART_OF_YEAR = re.compile(r"(?:مطلع|بداية|منتصف|أواخر|أوائل|نهاية)\s+(?:العام|السنة)(?!\w)")
# مطلع الشهر، نهاية الشهر: of this month (not الشهر الماضي، الشهر المقبل: see _PERIOD)
_PART_OF_MONTH = re.compile(r"(?:مطلع|بداية|منتصف|أواخر|أوائل|نهاية)\s+الشهر(?!\w)")
# (any word of the month's own after it: الشهر الماضي، الشهر الثاني عشر، الشهر نفسه)
_NOT_THIS_MONTH = re.compile(r"\s*(?:ال|نفس|ذات|\d)")
_SCHOOL_BREAK = re.compile(r"(?:إجازة|اجازة|عطلة|امتحانات|اختبارات|إجازات)\s+$")  # the school's
_NOT_THIS_YEAR = re.compile(
    r"\s*(?:الماضي|الماضية|المقبل|المقبلة|القادم|القادمة|الدراسي|الدراسية|المالي|المالية"
    rf"|الجديد|الجديدة|الهجري|الهجرية|الميلادي|الميلادية|الحالي|الجاري|{_D}{{4}}|نفسه|ذاته)"
)
# العام الجديد around the new year (late December or January): the year begun or beginning
_NEW_YEAR = re.compile(rf"{_B}[وفبل]?(?:ال)?(?P<unit>العام|السنة)\s+(?:ال)?جديد[ةه]?{_E}")
# 24 منه: a day of the month named just before
_DAY_OF_IT = re.compile(rf"{_DAY}\s+منه{_E}")
# A year: after عام/سنة (العام المالي 2023، بين عامي 2014 و2021), or after منذ or a
# yearly event (انتخابات 2007، موازنة 2024, the year alone the date), or after
# في/خلال/حتى/قبل/بعد when nothing follows it in its clause (في 2010، …), or as the second
# of a range (2014 و2021، من 2013 إلى 2021).
# (1600–1899 only after عام/سنة: عام 1890)
_Y4 = (
    rf"(?P<year>(?:1[6-9]|20){_D}{{2}}|(?:\u0661[\u0666-\u0669]|\u0662\u0660){_D}{{2}})"
    rf"(?![\w/\-]|\.\d|\s*ه)"
)
_YEAR_NAMED = re.compile(
    rf"{_B}[وف]?(?:(?P<ctx>منذ|مطلع|أواخر|أوائل|نسخة|نسختي|دورة|دورتي|موسم|موسمي|انتخابات"
    r"|احتفالات|مونديال|أولمبياد|اولمبياد|تعداد|موازنة|ميزانية)\s+)?"
    rf"(?P<core>[بل]?(?:(?:ال)?(?:عام|سنة)(?:ي|\s+المالي|\s+المالية)?\s+)?){_Y4}"
)
_YEAR_WORD = re.compile("عام|سنة|سنه")
_YEAR_AFTER = re.compile(
    rf"{_B}[وف]?(?:في|خلال|حتى|قبل|بعد|نهاية|بداية)\s+{_Y4}(?=\s*(?:[،,.؛:)\n]|$|و\w))"
)
_YEAR_CORE = re.compile(
    r"(?=[12\u0661\u0662])(?:(?:1[6-9]|20)\d\d|(?:\u0661[\u0666-\u0669]|\u0662\u0660)[\u0660-\u0669]{2})"
)
_YEAR_RANGE = re.compile(rf"\s*(?:و|-|–|(?:إلى|الى|حتى)\s+)\s*(?:(?:عام|سنة)\s+)?{_Y4}")
_ISO = re.compile(
    rf"(?P<year>{_D}(?<!\w.){_D}{{3}})-(?P<month>{_D}{{2}})-(?P<day>{_D}{{2}})(?![\w\-])"
)
_ORDINAL_UNITS = {
    "الأول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
}
# A Hijri month without a day: شهر رمضان، مطلع ذي القعدة (the one nearest the publication)
_HIJRI_MONTH = re.compile(
    rf"{_B}[وف]?(?:(?P<ctx>في|خلال|منذ|حتى|بداية|منتصف|نهاية|أواخر|أوائل)\s+)?"
    rf"(?P<core>[بل]?(?:(?P<first>مطلع|غرة|(?:ال)?فاتح\s+من)\s+)?)(?:(?P<day>{_D}{{1,2}})\s+"
    rf"|(?P<unit>{_alt(*_ORDINAL_UNITS)})(?:\s+(?P<teen>عشر)|\s+و\s*"
    rf"(?P<tens>العشرين))?\s+من\s+)?"
    rf"(?:(?P<shahr>شهر)\s+)?(?P<month>{_HIJRI_RE}){_E}"
    rf"(?:\s+(?:المبارك|الفضيل|الكريم|الحرام))?"
    rf"(?:\s+(?P<dir>الماضي|المنصرم|الفائت|المقبل|القادم)(?!\w))?"
    rf"(?:\s*(?:(?:من\s+)?(?:عام|سنة)\s+)?(?:(?P<year>{_D}{{4}})\s*(?:هـ|ه|للهجرة)(?!\w)"
    # (a Hijri month's year of the 14th century needs no هـ: رمضان 1446)
    r"|(?P<hyear>1[34]\d\d)(?![\d\w])))?"
)
# the Hijri year named as a whole (السنة الهجرية 1444، حلول العام الهجري الجديد): its first day
_HIJRI_YEAR = re.compile(
    r"(?<!\w)(?:[وفبل]|ول|وب)?(?:ال)?(?:سنة|عام)\s+(?:ال)?هجري[ةه]?\s+"
    r"(?:(?P<year>1[34]\d\d)(?!\d)|(?P<new>الجديدة|الجديد|الجديده))(?!\w)"
)
# (found from a word of the month's name: see _phrases)
_HIJRI_WORDS = ("محرم", "صفر", "ربيع", "جماد", "رجب", "شعبان", "رمضان", "شوال", "القعد", "الحج")
_HIJRI_CORE = re.compile("|".join(_HIJRI_WORDS))
# Ordinal days: الخامس عشر من نيسان، غرة جانفي، فاتح يناير
_ORDINAL = re.compile(
    rf"{_B}[وف]?(?:(?P<first>غرة|فاتح)|(?P<unit>{_alt(*_ORDINAL_UNITS)})"
    rf"(?:\s+(?P<teen>عشر)|\s+و\s*(?P<tens>العشرين|الثلاثين))?\s+من)"
    rf"\s+(?:شهر\s+)?(?P<month>{_MONTH_RE}){_E}(?:{_OTHER_NAME})?(?:{_YEAR})?"
)
_ORDINAL_FOLD = {_fold(k): v for k, v in _ORDINAL_UNITS.items()}
_ORDINAL_CORE = re.compile(rf"(?=[الغف])(?:{_alt(*_ORDINAL_UNITS)}|غرة|فاتح){_E}")
# A quarter or a half of a year named by its year (الربع الأخير من العام الماضي، النصف
# الأول من 2019): its first month
_PART_OF_A_YEAR = re.compile(
    r"(?<!\w)(?:[وفبل]|وب|ول)?(?P<core>(?:ال)?(?P<part>ربع|نصف)\s+(?P<which>الأول|الاول|الثاني"
    r"|الثالث|الرابع|الأخير|الاخير)\s+من\s+(?:(?:ال)?(?:عام|سنة)\s+(?P<dir>الماضي|المنصرم|الفائت"
    rf"|الجاري|الحالي|المقبل|القادم)|(?:(?:عام|سنة)\s+)?{_Y4}))(?!\w)"
)
_PART_NUMBER = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3}
# A day of a month named by its place (العاشر من الشهر الجاري، 15 من الشهر الماضي):
# before the month's words
_DAY_OF_MONTH_BEFORE = re.compile(
    rf"(?<!\w)[وف]?(?:في\s+)?(?:(?P<day>{_D}{{1,2}})|(?P<unit>{_alt(*_ORDINAL_UNITS)})"
    r"(?:\s+(?P<teen>عشر)|\s+و\s*(?P<tens>العشرين|الثلاثين))?)\s+من\s+$"
)
# Events named by their date: the year is theirs, not the one nearest the publication
_EVENTS: dict[tuple[int, int], tuple[re.Pattern[str], int]] = {
    (9, 11): (re.compile(r"(?:احداث|أحداث|هجمات|اعتداءات|هجوم)\s*(?:الـ\s*)?$"), 2001),
    (1, 25): (re.compile(r"ثور[ةه]\s*$"), 2011),
    (1, 14): (re.compile(r"ثور[ةه]\s*$"), 2011),
    (6, 30): (re.compile(r"ثور[ةه]\s*$"), 2013),
    (7, 23): (re.compile(r"ثور[ةه]\s*$"), 1952),
    (2, 17): (re.compile(r"ثور[ةه]\s*$"), 2011),  # Libya
    (8, 4): (re.compile(r"(?:انفجار|تفجير)\s+(?:مرفأ\s+بيروت\s+(?:في\s+)?)?$"), 2020),
}
_OCTOBER_WAR = re.compile(
    rf"{_B}[وف]?(?:ل|ب)?حرب\s+(?:أكتوبر|اكتوبر|تشرين(?:\s+الأول)?)(?:\s*(?:/|\()\s*"
    rf"(?:أكتوبر|اكتوبر|تشرين(?:\s+الأول)?)\s*\)?)?(?:\s+(?:عام\s+)?1973)?{_E}"
)
_WAR_CORE = re.compile(r"حرب\s")


# National and world days named, not dated (يوم الأرض، عيد العرش): the one nearest the
# publication. Days of one date every year that name no other (not عيد الجلاء, Syria's
# and Tunisia's); not the Islamic feasts, which the annotated passages do not count as
# dates (عيد الفطر: a season as much as a day, and a day that differs by country)
_HOLIDAYS = {
    "يوم الأرض": (3, 30),
    "يوم الارض": (3, 30),
    "يوم التأسيس": (2, 22),
    "يوم التاسيس": (2, 22),
    "عيد العرش": (7, 30),
    "اليوم الوطني للمجاهد": (8, 20),
    "عيد العمال": (5, 1),
    "يوم المرأة العالمي": (3, 8),
    "اليوم العالمي للمرأة": (3, 8),
    # a Gulf state's national day, named with its nisba (اليوم الوطني alone: any country's)
    "اليوم الوطني السعودي": (9, 23),
    "اليوم الوطني الكويتي": (2, 25),
    "اليوم الوطني القطري": (12, 18),
    "اليوم الوطني العماني": (11, 18),
    "اليوم الوطني البحريني": (12, 16),
    "اليوم الوطني الإماراتي": (12, 2),
    "اليوم الوطني الاماراتي": (12, 2),
}
_HOLIDAY = re.compile(rf"{_B}[وف]?(?:ب|ل)?(?P<name>{_alt(*_HOLIDAYS)}){_E}")
_HOLIDAY_CORE = re.compile("عيد|يوم")


_WORD_START = re.compile(r"(?<!\w)\w")


def _phrases(
    pattern: re.Pattern[str],
    core: re.Pattern[str] | list[re.Match[str]],
    words_before: int,
    text: str,
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, found from its core's: ``pattern`` starts
    at a word start and cannot match without a match of ``core`` (whose first word lies at
    most ``words_before`` whitespace-separated words after the phrase's start). So it is
    tried only at the word starts that far before each core match, in order, the way
    ``finditer`` would meet them; ``finditer`` itself tried it at every character (the
    lookbehind first), most of the time of finding dates."""
    pos = 0  # where finditer looks for the next match
    tried = 0  # the word starts before this one were tried (and failed)
    for hit in core if isinstance(core, list) else core.finditer(text):
        at = hit.start()
        if at < pos:
            continue  # inside the last match
        lo = at
        while lo > 0 and not text[lo - 1].isspace():  # the start of the core's word
            lo -= 1
        for _ in range(words_before):  # and of the words before it
            while lo > 0 and text[lo - 1].isspace():
                lo -= 1
            while lo > 0 and not text[lo - 1].isspace():
                lo -= 1
        for start in _WORD_START.finditer(text, max(lo, pos, tried), at + 1):
            m = pattern.match(text, start.start())
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            tried = at + 1


def _int(s: str) -> int:
    return int(s)  # int() reads Arabic-Indic digits too


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Hijri date → Gregorian: the Umm al-Qura calendar (Saudi Arabia's official one, the
    calendar Gulf papers print) through hijridate for 1343–1500 AH, the tabular (civil)
    calendar outside it. Day 30 of a 29-day month is read as the day after the 29th."""
    return _hijri_month_start(year, month) + timedelta(days=day - 1)


@cache
def _hijri_month_start(year: int, month: int) -> date:
    if 1343 <= year <= 1500:
        from hijridate import Hijri  # imported on first use: most texts have no Hijri date

        g = Hijri(year, month, 1).to_gregorian()
        return date(g.year, g.month, g.day)  # a plain date: hijridate's compares unequal
    return _tabular_hijri(year, month, 1)


def _tabular_hijri(year: int, month: int, day: int) -> date:
    """Tabular (civil, epoch 16 July 622) Islamic calendar → Gregorian date."""
    jd = (
        day
        + -(-(295 * (month - 1)) // 10)  # ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + 1948439
        - 1
    )
    return date.fromordinal(jd - 1721425 + 1)


def _nearest_year(pub: date, month: int, day: int, text: str = "", at: int = 0) -> date | None:
    """The day and month nearest ``pub``; with the ``text`` said before ``at``: the next
    one where the nearest is long past and the sentence speaks of what is to come
    (تقرر إجراء الانتخابات يوم 6 أكتوبر, in February), but not one a few weeks past, which a
    schedule told before it still names, nor one a past plan named (كانت ستجري في …)."""
    best: date | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    if best is not None and text and (pub - best).days > _LONG_PAST_DAYS:
        lead = _lead(text, at)
        if _future(lead) and not _WAS.search(lead):
            with suppress(ValueError):
                return best.replace(year=best.year + 1)
    return best


def _year_told(pub: date, month: int, day: int, direction: str) -> date | None:
    """The day and month last past (الماضي) or next to come (المقبل) from ``pub``."""
    ahead = _fold(direction) in ("المقبل", "القادم")
    for y in (pub.year, pub.year - 1) if not ahead else (pub.year, pub.year + 1):
        with suppress(ValueError):
            d = date(y, month, day)
            if (d > pub) if ahead else (d <= pub):
                return d
    return None


def _month_start(d: date, delta: int) -> date:
    m = d.month - 1 + delta
    return date(d.year + m // 12, m % 12 + 1, 1)


def _month_value(
    month: int, year: str | None, direction: str | None, context: bool, pub: date | None
) -> date | None:
    """The first day of a month named alone (see the module docstring), or None."""
    if year:
        y = _int(year)
        return date(y, month, 1) if 1900 <= y <= 2100 else None
    if pub is None or not (direction or context):
        return None
    direction = _fold(direction or "").removesuffix("ين")  # (الماضيين: of two months)
    if direction in ("الماضي", "الفاءت", "المنصرم"):
        return date(pub.year if month < pub.month else pub.year - 1, month, 1)
    if direction in ("المقبل", "القادم"):
        return date(pub.year if month > pub.month else pub.year + 1, month, 1)
    ahead = month - pub.month
    if direction or -6 <= ahead <= 6:  # الجاري، الحالي; or the nearest
        return date(pub.year, month, 1)
    return date(pub.year - 1 if ahead > 6 else pub.year + 1, month, 1)


def _named_months(
    text: str, pub: date | None, month_at: Iterable[int] | None, taken: list[tuple[int, int]]
) -> list[DateMention]:
    """Months named alone (not inside a ``taken`` span): see the module docstring."""
    if month_at is None:
        found: Iterable[re.Match[str] | None] = _MONTH_WORD.finditer(text)
    else:
        found = map(_MONTH_WORD.match, repeat(text), month_at)
    out: list[DateMention] = []
    end = 0  # of the last month found: its alternative name (نيسان/أبريل 2015) is in it
    for m in found:
        if m is None or m.group("month") in ("اب", "أب", "إب"):
            continue  # (a father: August is آب, with its madda, when named alone)
        month = _MONTH_FOLD.get(_fold(re.sub(r"\s+", " ", m.group("month"))))
        at = m.start("month")  # (after its proclitic: مقارنة بآذار 2023)
        if not month or at < end or any(a <= at < b for a, b in taken):
            continue  # the month of a day + month date, or of the last month found
        if _PLACE_DAY_BEFORE.search(text, max(0, at - 16), at):
            continue  # ملعب 20 أوت 1955: a place's name
        after = _MONTH_AFTER.match(text, m.end())
        assert after is not None  # all of it is optional
        context = _MONTH_BEFORE.search(text, max(0, at - 20), at) is not None
        direction = after.group("dir")
        if not direction and (pair := _PAIR_AFTER.match(text, after.end())):
            direction = pair.group("dir")  # شتنبر ودجنبر الماضيين: both
        if not direction and _SINCE_BEFORE.search(text, max(0, at - 12), at):
            direction = "الماضي"  # منذ مارس: the last March before
        year = after.group("year")
        if after.group("ydir"):
            y = _year_of(after.group("ydir"), text, at, pub)
            year = str(y) if y else None
        value = _month_value(month, year, direction, context, pub)
        if value is not None:
            s, end = at, after.end()
            out.append(DateMention(text[s:end], s, end, value, "month"))
    return out


def find_dates(
    text: str, published: date | datetime | None, *, month_at: Iterable[int] | None = None
) -> list[DateMention]:
    """Date mentions in ``text``; relative ones need ``published`` (else they are skipped).
    ``month_at``: the offsets of the words that may be month names (the starts of the
    text's :data:`MONTH_TERMS`); by default the text is scanned for them."""
    pub: date | None = published.date() if isinstance(published, datetime) else published
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(
        m: re.Match[str], value: date | None, kind: str, start: int | None = None, end: int = -1
    ) -> None:
        if value is None:
            return
        s = m.start() if start is None else start
        e = m.end() if end < 0 else end
        while s < e and text[s].isspace():
            s += 1
        if any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        found.append(DateMention(text[s:e], s, e, value, kind))

    for m in _HIJRI.finditer(text):
        month = _HIJRI_FOLD.get(_fold(re.sub(r"\s+", " ", m.group("month"))))
        day, year = _int(m.group("day")), _int(m.group("year"))
        if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # شارع 14 رمضان: a street
        if month and 1 <= day <= 30 and 1300 <= year <= 1600:
            add(m, hijri_to_gregorian(year, month, day), "hijri", m.start("day"))
    for m in _phrases(_OCTOBER_WAR, _WAR_CORE, 0, text) if "حرب" in text else ():
        add(m, date(1973, 10, 6), "date")  # حرب أكتوبر، حرب تشرين: 6 October 1973
    for m in _phrases(_HOLIDAY, _HOLIDAY_CORE, 0, text) if pub is not None else ():
        assert pub is not None
        add(
            m,
            _nearest_year(pub, *_HOLIDAYS[m.group("name")], text, m.start()),
            "event",
            m.start("name"),
        )
    for m in _PART_OF_A_YEAR.finditer(text) if "من" in text else ():
        if m.group("year"):
            part_year: int | None = _int(m.group("year"))
        elif pub is not None:
            part_year = _year_of(m.group("dir"), text, m.start(), pub)
        else:
            continue
        which = _PART_NUMBER.get(_fold(m.group("which")), -1)  # الأخير: the last
        if m.group("part") == "نصف":
            month = 7 if which else 1  # (الأول: 0)
        else:
            month = 10 if which < 0 else 1 + 3 * which
        if part_year:
            add(m, date(part_year, month, 1), "month", m.start("core"))
    for m in _DATE.finditer(text):
        month = _MONTH_FOLD.get(_fold(re.sub(r"\s+", " ", m.group("month"))))
        day = _int(m.group("day"))
        if not month or not 1 <= day <= 31:
            continue
        if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # مدينة 6 أكتوبر: a place
        value: date | None
        told = _int(m.group("year")) if m.group("year") else None
        if m.group("ydir"):
            told = _year_of(m.group("ydir"), text, m.start(), pub)
        if told:
            try:
                value = date(told, month, day)
            except ValueError:
                value = None
        elif (event := _EVENTS.get((month, day))) and event[0].search(
            text, max(0, m.start("day") - 40), m.start("day")
        ):
            value = date(event[1], month, day)  # هجمات 11 سبتمبر، ثورة 25 يناير: theirs
        elif pub is not None and _THIS_YEAR_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            value = None
            with suppress(ValueError):
                value = date(pub.year, month, day)  # بدأ هذا العام في 26 أبريل
        elif pub is not None and m.group("ddir"):
            value = _year_told(pub, month, day, m.group("ddir"))  # 8 تشرين الأول الماضي
        elif pub is not None:
            value = _nearest_year(pub, month, day, text, m.start())
        else:
            value = None
        add(m, value, "date", m.start("day"))
        first = _RANGE_START.search(text, max(0, m.start("day") - 24), m.start("day"))
        if value is not None and first is not None:
            # the days before it are of the same month
            for listed in _RANGE_DAY.finditer(text, first.start("days"), first.end("days")):
                if int(listed.group()) < day:
                    with suppress(ValueError):
                        add(listed, value.replace(day=int(listed.group())), "date")
    if month_at is not None:
        month_at = list(month_at)  # (read twice: ordinal days need a month name too)
    ordinals = month_at is None or month_at or "غرة" in text or "فاتح" in text
    for m in _phrases(_ORDINAL, _ORDINAL_CORE, 0, text) if ordinals else ():
        month = _MONTH_FOLD.get(_fold(re.sub(r"\s+", " ", m.group("month"))))
        day = 1 if m.group("first") else _ordinal_day(m)
        if not month or not 1 <= day <= 31:
            continue
        try:
            value = (
                date(_int(m.group("year")), month, day)
                if m.group("year")
                else (_nearest_year(pub, month, day) if pub else None)
            )
        except ValueError:
            continue
        add(m, value, "date")
    for m in _ISO.finditer(text):
        try:
            add(
                m, date(_int(m.group("year")), _int(m.group("month")), _int(m.group("day"))), "date"
            )
        except ValueError:
            continue
    for m in _NUMERIC.finditer(text):
        year, month, day = _int(m.group("year")), _int(m.group("month")), _int(m.group("day"))
        if 1300 <= year <= 1600:  # a Hijri year written in digits: 22/9/1436 (هـ)
            if 1 <= month <= 12 and 1 <= day <= 30:
                add(m, hijri_to_gregorian(year, month, day), "hijri")
            continue
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        add(m, value, "date")
    for mention in _named_months(text, pub, month_at, taken):
        taken.append((mention.start, mention.end))
        found.append(mention)
    for m in _HIJRI_YEAR.finditer(text) if "هجري" in text else ():
        if m.group("year"):
            add(m, _hijri_month_value(1, _int(m.group("year")), pub), "hijri")
        elif pub is not None:
            add(m, _hijri_month_value(1, None, pub), "hijri")  # the one starting nearest
    hijri_months = any(w in text for w in _HIJRI_WORDS)
    for m in _phrases(_HIJRI_MONTH, _HIJRI_CORE, 6, text) if hijri_months else ():
        day = _ordinal_day(m) if m.group("unit") else _int(m.group("day") or "1")
        hijri_year = m.group("year") or m.group("hyear")
        named = hijri_year or m.group("shahr") or m.group("day") or m.group("unit")
        if not (named or m.group("ctx") or m.group("first") or m.group("dir")):
            continue  # رمضان alone is as often a name
        if _PLACE_BEFORE.search(text, max(0, m.start("core") - 12), m.start("core")):
            continue  # شارع 14 رمضان: a street
        month = _HIJRI_FOLD.get(_fold(re.sub(r"\s+", " ", m.group("month"))))
        if month and 1 <= day <= 30:
            hyear = _int(hijri_year) if hijri_year else None
            if hyear is None and m.group("dir") and pub is not None:
                hyear = _hijri_year_of(month, m.group("dir"), pub)  # رمضان الماضي
            start = _hijri_month_value(month, hyear, pub)
            value = start + timedelta(days=day - 1) if start else None
            add(m, value, "hijri", m.start("core"))
    if pub is not None:
        for m in _phrases(_RELATIVE, _RELATIVE_CORE, 4, text):
            w = _fold(re.sub(r"\s+", " ", m.group("word")))
            if w in ("امس", "البارحه"):
                delta = -1
            elif w in ("اول من امس", "اول امس", "قبل امس", "امس الاول"):
                delta = -2  # (أمس الأول: Iraq's and the Gulf's)
            elif w == "الغد" and not m.group("tod"):
                continue  # الغد alone is "the future" or a name (حزب الغد، «الغد»)
            elif w == "اليوم":
                lo = max(0, m.start("word") - 7)
                if _NOT_TODAY_AFTER.match(text, m.end()) or (
                    not m.group("tod") and _NOT_TODAY_BEFORE.search(text, lo, m.start("word"))
                ):
                    continue
                delta = 0
            elif w == "الليله":
                delta = 0
            elif w == "الليله الماضيه":
                delta = -1
            elif w == "بعد غد":
                delta = 2
            else:
                delta = 1
            add(m, pub + timedelta(days=delta), "relative", m.start("tod"))
        for m in _phrases(_WEEKDAY, _WEEKDAY_CORE, 3, text):
            wd = _WEEKDAY_FOLD[_fold(m.group("day"))]
            direction = m.group("dir") or ""
            bare = not m.group("yawm") and not m.group("tod") and not direction
            if _TEEN.match(text, m.end()):
                continue  # الأحد عشر: eleven (not الثلاثاء عشرة فلسطينيين)
            if _MARKET_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # سوق الأربعاء: a town
            if (
                _EVERY_WEEK.match(text, m.end())
                or _EVERY_BEFORE.search(text, max(0, m.start() - 10), m.start())
                or (
                    _SCHEDULE_AFTER.match(text, m.end())
                    or _SCHEDULE_BEFORE.search(text, max(0, m.start() - 24), m.start())
                )
                and _TIMETABLE.search(text, max(0, m.start() - 120), m.start())
            ):
                # يوم الجمعة من كل أسبوع، كل يوم الجمعة، أيام الجمعة، من الاثنين إلى
                # الخميس: every week
                continue
            context = bare and _WEEKDAY_CONTEXT.search(text, max(0, m.start() - 8), m.start())
            if (
                bare
                and not context
                and (wd not in _UNAMBIGUOUS_WEEKDAYS or _after_name(text, m))
                and not (wd not in _UNAMBIGUOUS_WEEKDAYS and _adverbial(text, m))
            ):
                # a bare الجمعة/السبت/الأحد is often a noun (Friday prayers, الأحد عشر):
                # only after a preposition-like context word, or between a clause and a
                # preposition or a stop (وصل الوفد السبت إلى الرياض)
                continue
            back = (pub.weekday() - wd) % 7
            if not direction and _future(_lead(text, m.start())):
                direction = "المقبل"
            if direction.startswith(("المقبل", "القادم")):
                value = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            elif direction.startswith("قبل"):  # الأربعاء قبل الماضي: a week earlier
                value = pub - timedelta(days=(back or 7) + 7)
            elif direction:
                value = pub - timedelta(days=back or 7)
            else:
                value = pub - timedelta(days=back)
            add(m, value, "weekday", m.start("tod"))
        for m in _phrases(_PERIOD, _PERIOD_CORE, 1, text):
            unit = _fold(m.group("unit"))
            d = _fold(m.group("dir"))
            sign = (
                -1
                if d.startswith(("الماضي", "الفاءت", "المنصرم"))
                else (0 if d.startswith(("الحالي", "الجاري")) else 1)
            )
            if unit == "الاسبوع":
                add(m, pub + timedelta(days=7 * sign), "week", m.start("unit"))
            elif unit == "الشهر":
                month_start = _month_start(pub, sign)
                day_of = _DAY_OF_MONTH_BEFORE.search(text, max(0, m.start() - 40), m.start())
                if day_of is not None:  # العاشر من الشهر الجاري: that day of it
                    day = _int(day_of.group("day")) if day_of.group("day") else _ordinal_day(day_of)
                    with suppress(ValueError):
                        at = day_of.start("day" if day_of.group("day") else "unit")
                        add(m, month_start.replace(day=day), "date", at)
                        continue
                add(m, month_start, "month", m.start("unit"))
            else:
                add(m, date(pub.year + sign, 1, 1), "year", m.start("unit"))
        if "جديد" in text and pub.month in (1, 12):
            for m in _NEW_YEAR.finditer(text):
                add(m, date(pub.year + (pub.month == 12), 1, 1), "year", m.start("unit"))
        for m in _phrases(_THIS, _THIS_CORE, 0, text):
            unit = _fold(m.group("unit"))
            if unit == "الاسبوع":
                add(m, pub, "week")
            elif unit == "الشهر":
                add(m, _month_start(pub, 0), "month")
            else:
                add(m, date(pub.year, 1, 1), "year")
        for m in _PART_OF_YEAR.finditer(text) if "العام" in text or "السنة" in text else ():
            if not _NOT_THIS_YEAR.match(text, m.end()) and not _SCHOOL_BREAK.search(
                text, max(0, m.start() - 12), m.start()
            ):
                add(m, date(pub.year, 1, 1), "year")  # منذ مطلع العام: this year
        for m in _PART_OF_MONTH.finditer(text) if "الشهر" in text else ():
            if not _NOT_THIS_MONTH.match(text, m.end()):
                add(m, pub.replace(day=1), "month")  # مطلع الشهر: this month
    years = list(_YEAR_CORE.finditer(text))
    for pattern, words in ((_YEAR_NAMED, 4), (_YEAR_AFTER, 1)) if years else ():
        for m in _phrases(pattern, years, words, text):
            named = pattern is _YEAR_NAMED and _YEAR_WORD.search(m.group("core"))
            if pattern is _YEAR_NAMED and not (named or m.group("ctx")):
                continue  # a number alone (ب1922 ريالاً)
            if _int(m.group("year")) < 1900 and not named:
                continue  # منذ 1700 عام: years before 1900 only after عام/سنة
            at = m.start("core") if named else m.start("year")
            before = len(found)
            add(m, date(_int(m.group("year")), 1, 1), "year", at)
            if len(found) > before and (r := _YEAR_RANGE.match(text, m.end())):
                add(r, date(_int(r.group("year")), 1, 1), "year", r.start("year"))
    if "منه" in text:
        for m in _DAY_OF_IT.finditer(text):
            named = [d for d in found if d.end <= m.start() and d.kind in ("date", "month")]
            if named and "\n" not in text[named[-1].end : m.start()]:
                month = named[-1].value
                with suppress(ValueError):  # (31 منه in a month of 30 days)
                    add(m, date(month.year, month.month, _int(m.group("day"))), "date")
    found.sort(key=lambda d: d.start)
    return _joined_dates(text, found)


# a weekday or a relative day right before a date is that date's (اليوم الاثنين 16 مارس)
# (غداً الجمعة: the tanween too; يوم الأحد الموافق 8 ذي القعدة)
_JOINING = re.compile(r"[\s،,\u064b-\u0652(\"«]{0,5}(?:الموافق\s+(?:لـ?\s*)?)?")
_CLOSING = {"(": ")", '"': '"', "«": "»"}


def _joined_dates(text: str, found: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for d in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("relative", "weekday")
            and d.kind in ("weekday", "date", "hijri")
            and _JOINING.fullmatch(text, prev.end, d.start)
        ):
            # غداً الجمعة: the relative day says which Friday; يوم الأحد 14 جانفي: the date
            value = prev.value if d.kind == "weekday" else d.value
            kind = prev.kind if d.kind == "weekday" else d.kind
            end = d.end  # اليوم (الخميس): up to the closing bracket
            opener = next((c for c in text[prev.end : d.start] if c in _CLOSING), "")
            if opener and text[end : end + 1] == _CLOSING[opener]:
                end += 1
            out[-1] = DateMention(text[prev.start : end], prev.start, end, value, kind)
        else:
            out.append(d)
    return out


def _ordinal_day(m: re.Match[str]) -> int:
    """The day an ordinal names: الخامس عشر → 15, الحادي والعشرين → 21."""
    day = _ORDINAL_FOLD.get(_fold(m.group("unit")), 0)
    tens = m.group("tens") or ""
    return day + (10 if m.group("teen") else 20 if tens == "العشرين" else 30 if tens else 0)


def _hijri_year_of(month: int, direction: str, pub: date) -> int | None:
    """The Hijri year of a month named with الماضي/المقبل: the last one before the
    publication's month, or the next one after it."""
    from hijridate import Gregorian

    try:
        now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    if _fold(direction) in ("الماضي", "المنصرم", "الفاءت"):
        return now.year if month < now.month else now.year - 1
    return now.year if month > now.month else now.year + 1


def _hijri_month_value(month: int, year: int | None, pub: date | None) -> date | None:
    """The first day of a Hijri month: of ``year``, else the one starting nearest ``pub``."""
    if year is not None:
        return hijri_to_gregorian(year, month, 1) if 1300 <= year <= 1600 else None
    if pub is None or not date(1925, 1, 1) <= pub <= date(2076, 1, 1):
        return None
    from hijridate import Gregorian

    this = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
    starts = [hijri_to_gregorian(y, month, 1) for y in (this - 1, this, this + 1)]
    return min(starts, key=lambda d: abs((d - pub).days))
