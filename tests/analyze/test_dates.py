from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nashra.analyze import dates
from nashra.analyze.dates import find_dates, hijri_to_gregorian

PUB = date(2024, 3, 14)  # a Thursday


def _one(text: str, pub: date | datetime = PUB) -> tuple[str, date, str]:
    (d,) = find_dates(text, pub)
    assert text[d.start : d.end] == d.text
    return d.text, d.value, d.kind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقع الحادث أمس في المدينة", date(2024, 3, 13)),
        ("وقع الحادث مساء أمس في المدينة", date(2024, 3, 13)),
        ("جرت الانتخابات أول من أمس", date(2024, 3, 12)),
        ("يصل الوفد غداً إلى العاصمة", date(2024, 3, 15)),
        ("تعقد الجلسة اليوم", date(2024, 3, 14)),
    ],
)
def test_relative_days(text: str, value: date) -> None:
    assert _one(text)[1] == value


def test_publication_datetime_accepted() -> None:
    assert _one("وصل أمس", datetime(2024, 3, 14, 22, 5))[1] == date(2024, 3, 13)


def test_weekday_is_most_recent_before_publication() -> None:
    text, value, kind = _one("اجتمع المجلس يوم الثلاثاء لبحث الميزانية")
    assert (text, value, kind) == ("يوم الثلاثاء", date(2024, 3, 12), "weekday")
    assert _one("اجتمع المجلس يوم الخميس")[1] == PUB
    assert _one("يعقد المجلس اجتماعه الأحد المقبل")[1] == date(2024, 3, 17)
    assert _one("سيجتمع المجلس يوم الثلاثاء")[1] == date(2024, 3, 19)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في 5 آذار 2023", date(2023, 3, 5)),
        ("في ١٢ تشرين الأول ٢٠٢٢", date(2022, 10, 12)),
        ("في 3 كانون الثاني 2021", date(2021, 1, 3)),
        ("يوم 7 أفريل 2019", date(2019, 4, 7)),
        ("منذ 14 جويلية 2020", date(2020, 7, 14)),
        ("في 20 يناير 2025", date(2025, 1, 20)),
        ("في 9 آب (أغسطس) 2018", date(2018, 8, 9)),
        ("بتاريخ 01/02/2024", date(2024, 2, 1)),
    ],
)
def test_absolute_dates_with_regional_months(text: str, value: date) -> None:
    assert _one(text)[1:] == (value, "date")


def test_date_without_year_takes_nearest_year() -> None:
    assert _one("في 28 ديسمبر", date(2024, 1, 3))[1] == date(2023, 12, 28)
    assert _one("في 2 فيفري", PUB)[1] == date(2024, 2, 2)


def test_periods() -> None:
    assert _one("ارتفعت الأسعار الشهر الماضي") == ("الشهر الماضي", date(2024, 2, 1), "month")
    assert _one("خلال الأسبوع الماضي")[2] == "week"
    assert _one("في العام المقبل")[1] == date(2025, 1, 1)


def test_hijri() -> None:
    text, value, kind = _one("الموافق 15 رمضان 1447 هـ")
    assert kind == "hijri" and text == "15 رمضان 1447 هـ"
    assert value == date(2026, 3, 4)
    assert hijri_to_gregorian(1447, 9, 1) == date(2026, 2, 18)
    # a Hijri date in digits, as Saudi notices write it: not the Gregorian year 1447
    text, value, kind = _one("يبدأ التسجيل في 15/9/1447هـ")
    assert kind == "hijri" and text == "15/9/1447"
    assert value == hijri_to_gregorian(1447, 9, 15)


def test_hijri_dates_follow_umm_al_qura() -> None:
    # Eid al-Fitr 1436 fell on Friday 17 July 2015 in Saudi Arabia; the tabular calendar
    # puts 1 Shawwal a day later
    (d,) = find_dates("تبدأ إجازة العيد في 1 شوال 1436هـ", date(2015, 7, 10))
    assert d.value == date(2015, 7, 17)
    # 30 Ramadan 1436 in a 29-day month: the day after the 29th; outside Umm al-Qura's
    # years the tabular calendar answers
    assert hijri_to_gregorian(1436, 9, 30) == date(2015, 7, 17)
    assert hijri_to_gregorian(1300, 1, 1) == date(1882, 11, 12)


def test_the_attacks_of_11_september_are_2001() -> None:
    pub = date(2015, 7, 21)
    (d,) = find_dates("وتغيرت السياسة منذ هجمات 11 سبتمبر.", pub)
    assert d.value == date(2001, 9, 11)
    (d,) = find_dates("يعقد الاجتماع في 11 سبتمبر.", pub)
    assert d.value == date(2015, 9, 11)  # a plain date: the nearest 11 September


def test_relative_needs_publication_date() -> None:
    assert find_dates("وصل أمس", None) == []
    assert [d.kind for d in find_dates("في 5 آذار 2023 وصل أمس", None)] == ["date"]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("وقع الانفجار في نيسان (أبريل) الماضي", "نيسان (أبريل) الماضي", date(2023, 4, 1)),
        ("منذ يناير الماضي", "يناير الماضي", date(2024, 1, 1)),
        ("تنتهي الأعمال في ديسمبر المقبل", "ديسمبر المقبل", date(2024, 12, 1)),
        ("بدأ المشروع في جانفي 2019", "جانفي 2019", date(2019, 1, 1)),
        ("تعقد القمة في أيار", "أيار", date(2024, 5, 1)),
        ("صدر التقرير في أكتوبر", "أكتوبر", date(2023, 10, 1)),
        ("في آذار الجاري", "آذار الجاري", date(2024, 3, 1)),
        ("وقّع في نيسان/أبريل 2015", "نيسان/أبريل 2015", date(2015, 4, 1)),
    ],
)
def test_a_month_by_its_name(text: str, written: str, value: date) -> None:
    assert _one(text) == (written, value, "month")


def test_a_month_name_without_a_date_word_is_left_alone() -> None:
    assert find_dates("مارس الرياضة منذ صغره، وأطلقت نيسان سيارة جديدة", PUB) == []
    assert _one("في 5 نيسان")[2] == "date"  # the day and month, not the month alone


def test_month_names_found_by_their_terms_are_those_a_scan_finds() -> None:
    from nashra.analyze.dates import MONTH_TERMS
    from nashra.text import analyze

    text = (
        "في 3 أيار 2023 وقّع الطرفان، ثم التقيا في نيسان (أبريل) الماضي ومنذ فبراير، "
        "ويتوقعان الحسم في ديسمبر المقبل أو في كانون الثاني 2025، ومارس الوفد ضغطه."
    )
    at = [t.start for t in analyze(text) if t.term in MONTH_TERMS]
    scanned = find_dates(text, PUB)
    assert find_dates(text, PUB, month_at=at) == scanned
    assert [d.kind for d in scanned] == ["date", "month", "month", "month", "month"]


# Words of the relative, weekday and period phrases, words that look like them, marks,
# punctuation and runs of spaces (every way a phrase can start, end or be cut short), and
# the longest phrases whole (the most words before a core).
_PHRASE_BITS = st.sampled_from(
    [
        "أمس",
        "امس",
        "البارحة",
        "اليوم",
        "غدا",
        "غداً",
        "غدًا",
        "غد",
        "بغداد",
        "أول",
        "من",
        "قبل",
        "بعد",
        "مساء",
        "صباح",
        "منتصف",
        "ليلة",
        "ليل",
        "فجر",
        "يوم",
        "نهار",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الجمعة",
        "الجمعه",
        "السبت",
        "ألأحد",
        "الخميسي",
        "الماضي",
        "الماضية",
        "المقبل",
        "القادمة",
        "الجاري",
        "الأسبوع",
        "الشهر",
        "العام",
        "السنة",
        "في",
        "و",
        "ف",
        "ب",
        "،",
        ".",
        "(",
        ")",
        "ً",
        "ـ",
        "\n",
        " ",
        "  ",
        "\t",
        "x",
        "1",
        "٢",
        "ومنتصف ليلة أول من أمس",
        "فمنتصف ليل يوم الخميس الماضي",
        "وفي الشهر الجاري",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PHRASE_BITS, max_size=40).map("".join))
def test_phrases_found_from_their_cores_are_finditers(text: str) -> None:
    for pattern, core, words_before in (
        (dates._RELATIVE, dates._RELATIVE_CORE, 4),
        (dates._WEEKDAY, dates._WEEKDAY_CORE, 3),
        (dates._PERIOD, dates._PERIOD_CORE, 1),
    ):
        fast = [
            (m.span(), m.groupdict()) for m in dates._phrases(pattern, core, words_before, text)
        ]
        assert fast == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
