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
        ("ارتفعت الأرباح مقارنة بآذار 2023", "آذار 2023", date(2023, 3, 1)),
        ("وحُدد الموعد لمارس الماضي", "مارس الماضي", date(2023, 3, 1)),
    ],
)
def test_a_month_by_its_name(text: str, written: str, value: date) -> None:
    assert _one(text) == (written, value, "month")


def test_a_month_name_without_a_date_word_is_left_alone() -> None:
    assert find_dates("مارس الرياضة منذ صغره، وأطلقت نيسان سيارة جديدة", PUB) == []
    assert find_dates("ومارس الوفد ضغطه، وبنيسان الجديدة طاف المدينة", PUB) == []
    assert _one("في 5 نيسان")[2] == "date"  # the day and month, not the month alone


def test_month_names_found_by_their_terms_are_those_a_scan_finds() -> None:
    from nashra.analyze.dates import MONTH_TERMS
    from nashra.text import analyze

    text = (
        "في 3 أيار 2023 وقّع الطرفان، ثم التقيا في نيسان (أبريل) الماضي ومنذ فبراير، "
        "ويتوقعان الحسم في ديسمبر المقبل أو في كانون الثاني 2025، ومارس الوفد ضغطه مقارنة بآب 2022."
    )
    at = [t.start for t in analyze(text) if t.term in MONTH_TERMS]
    scanned = find_dates(text, PUB)
    assert find_dates(text, PUB, month_at=at) == scanned
    assert [d.kind for d in scanned] == ["date", "month", "month", "month", "month", "month"]


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


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        ("تراجعت المبيعات خلال عام 2019، وفق التقرير.", "عام 2019", date(2019, 1, 1)),
        ("لم يفز الفريق باللقب منذ 2011 حين كان في القمة.", "2011", date(2011, 1, 1)),
        ("أقرت الحكومة ميزانية العام المالي 2025.", "العام المالي 2025", date(2025, 1, 1)),
        ("ارتفعت الصادرات في هذا العام بنسبة كبيرة.", "هذا العام", date(2024, 1, 1)),
        ("تعقد اللجنة ثلاثة اجتماعات هذا الأسبوع.", "هذا الأسبوع", PUB),
        ("وتنطلق القافلة بعد ظهر غد الجمعة من الميناء.", "بعد ظهر غد الجمعة", date(2024, 3, 15)),
        ("شهدت العاصمة الليلة الماضية أمطاراً غزيرة.", "الليلة الماضية", date(2024, 3, 13)),
        ("يفتتح المعرض اليوم الخميس 14 مارس في الرياض.", "اليوم الخميس 14 مارس", PUB),
        # a weekday before a date is that date's, whatever the weekday alone would say
        ("وصل الوفد يوم الأحد 24 مارس إلى المطار.", "يوم الأحد 24 مارس", date(2024, 3, 24)),
        ("يبدأ الدوام يوم الأحد الموافق 3 رمضان.", "يوم الأحد الموافق 3 رمضان", date(2024, 3, 13)),
        ("تتوقف الدراسة خلال شهر رمضان المبارك.", "شهر رمضان المبارك", date(2024, 3, 11)),
        (
            "رمى الحجاج الجمرات في العاشر من ذي الحجة 1445هـ.",
            "العاشر من ذي الحجة 1445هـ",
            date(2024, 6, 16),
        ),
        ("يصوت المجلس في الخامس عشر من نيسان.", "الخامس عشر من نيسان", date(2024, 4, 15)),
        ("تسري الأسعار الجديدة اعتباراً من فاتح أبريل.", "فاتح أبريل", date(2024, 4, 1)),
        ("أغلق المصنع في 12 يوليوز 2014 نهائياً.", "12 يوليوز 2014", date(2014, 7, 12)),
        ("صدر القرار بتاريخ 2023-11-05 عن الوزارة.", "2023-11-05", date(2023, 11, 5)),
        ("في ذكرى ثورة 25 يناير خرج المتظاهرون.", "25 يناير", date(2011, 1, 25)),
        ("يروي الفيلم قصة حرب أكتوبر 1973 من جديد.", "حرب أكتوبر 1973", date(1973, 10, 6)),
    ],
)
def test_years_periods_hijri_months_ordinals_and_events(text: str, found: str, value: date) -> None:
    text_, value_, _kind = _one(text)
    assert (text_, value_) == (found, value)


@pytest.mark.parametrize(
    "text",
    [
        "ينتج الحقل مليون برميل في اليوم الواحد.",
        "نشرت صحيفة «اليوم» تحقيقاً موسعاً.",
        "نظمت الجمعية ندوة بمناسبة اليوم العالمي للمياه.",
        "اعتقل الناشط في اليوم التالي للمظاهرة.",
        "بلغ عدد المشاركين 2014 مشاركاً في السباق.",
        "وقال رمضان عبد الحميد إن الموسم جيد.",  # رمضان alone: often a name
    ],
)
def test_what_looks_like_a_date_and_is_none(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_a_clause_that_opens_with_a_present_verb_tells_of_the_next_weekday() -> None:
    # PUB is a Thursday: "يلاقي … يوم الأحد" is the coming Sunday, "التقى … يوم الأحد"
    # the last one; منذ يوم الأحد is before
    (d,) = find_dates("بينما يلاقي المنتخب نظيره الأردني يوم الأحد.", PUB)
    assert d.value == date(2024, 3, 17)
    (d,) = find_dates("والتقى المنتخب نظيره الأردني يوم الأحد.", PUB)
    assert d.value == date(2024, 3, 10)
    (d,) = find_dates("ويعتصم العمال منذ يوم الأحد أمام المصنع.", PUB)
    assert d.value == date(2024, 3, 10)
    (d,) = find_dates("ويأتي ذلك بعد اجتماع يوم الأحد.", PUB)
    assert d.value == date(2024, 3, 10)


def test_a_day_of_the_month_named_before_and_the_new_year() -> None:
    (a, b) = find_dates("تبدأ الدورة في 20 يناير وتنتهي في 24 منه.", date(2013, 1, 10))
    assert (b.text, b.value) == ("24 منه", date(2013, 1, 24))
    (d,) = find_dates("تعهدت الحكومة بخفض الأسعار في العام الجديد.", date(2016, 12, 30))
    assert d.value == date(2017, 1, 1)
    assert find_dates("تعهدت الحكومة بخفض الأسعار في العام الجديد.", date(2016, 6, 30)) == []
    (d,) = find_dates("في ذكرى ثورة 17 فبراير خرج الليبيون إلى الساحات.", date(2019, 2, 10))
    assert d.value == date(2011, 2, 17)


def test_a_range_of_years_and_a_price_that_is_no_year() -> None:
    found = find_dates("استضافت المدينة البطولة في 2018 و2022 بنجاح.", PUB)
    assert [(d.text, d.value) for d in found] == [
        ("2018", date(2018, 1, 1)),
        ("2022", date(2022, 1, 1)),
    ]
    assert find_dates("تبدأ أسعار الغرف البعيدة ب1922 ريالاً.", PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # من العام الماضي / نفسه gives the year of a day or a month named without one
        (
            "زار الوفد المدينة في 14 شباط من العام الماضي.",
            [("14 شباط من العام الماضي", date(2023, 2, 14))],
        ),
        (
            "أقرت في مايو 2005 وطبقت في 6 أكتوبر من العام نفسه.",
            [("مايو 2005", date(2005, 5, 1)), ("6 أكتوبر من العام نفسه", date(2005, 10, 6))],
        ),
        (
            "بدأ المشروع في تشرين الأول من العام الماضي.",
            [("تشرين الأول من العام الماضي", date(2023, 10, 1))],
        ),
        # the first day of a range whose month comes after it
        (
            "تضرب العاصفة البلاد في الفترة من 12 إلى 14 مارس.",
            [("12", date(2024, 3, 12)), ("14 مارس", date(2024, 3, 14))],
        ),
        (
            "غرقت الأحياء بين 24 و26 أبريل 2018.",
            [("24", date(2018, 4, 24)), ("26 أبريل 2018", date(2018, 4, 26))],
        ),
        # ليل الخميس; a weekday in brackets after اليوم/أمس is theirs
        ("ألقى خطاباً ليل الثلاثاء أعلن فيه استقالته.", [("ليل الثلاثاء", date(2024, 3, 12))]),
        ("أعلنت الوزارة أمس (الأربعاء) النتائج.", [("أمس (الأربعاء)", date(2024, 3, 13))]),
        # bare الثلاثاء/الأربعاء/الخميس in wire copy
        ("وأعلنت وزارة الدفاع الثلاثاء أن الغارة أصابت هدفها.", [("الثلاثاء", date(2024, 3, 12))]),
        ("تأسست الشركة عام 1890 في المدينة.", [("عام 1890", date(1890, 1, 1))]),
        (
            "بلغ المنتخب ربع النهائي في نسختي ٢٠٠٤ و٢٠١١.",
            [("٢٠٠٤", date(2004, 1, 1)), ("٢٠١١", date(2011, 1, 1))],
        ),
    ],
)
def test_years_of_months_ranges_and_bare_weekdays(
    text: str, expected: list[tuple[str, date]]
) -> None:
    assert [(d.text, d.value) for d in find_dates(text, PUB)] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # PUB is a Thursday: what is awaited, planned or given a deadline is to come
        ("فيما يُنتظر أن يعلن المجلس قراراته يوم الأحد.", date(2024, 3, 17)),
        ("ومنح الوزير الشركات مهلة تنتهي يوم الأحد.", date(2024, 3, 17)),
        ("وقالت المفوضية إن المشاركة مرتفعة، متوقعة إعلان النتائج يوم الأحد.", date(2024, 3, 17)),
        ("وتفتتح الدورة، على أن تقام الندوة يوم السبت.", date(2024, 3, 16)),
        ("ودعا ناشطون إلى مواصلة المسيرات يوم الجمعة.", date(2024, 3, 15)),
        # سيطرة is no future verb; الأربعاء قبل الماضي is a week before the last
        ("بعد سيطرة المسلحين على المدينة فجر الثلاثاء.", date(2024, 3, 12)),
        ("فاز الفريق الأربعاء قبل الماضي.", date(2024, 3, 6)),
    ],
)
def test_what_tells_of_a_coming_or_an_earlier_weekday(text: str, value: date) -> None:
    (d,) = find_dates(text, PUB)
    assert d.value == value


@pytest.mark.parametrize(
    "text",
    [
        "أقيمت المباراة على ملعب 5 جويلية في العاصمة.",
        "افتتح الفرع الجديد في مدينة 6 أكتوبر.",
        "ارتفع التضخم فوق مستوى الاثنين في المائة.",
        "وقال مدير النادي يوسف الخميس إن البرنامج ناجح.",
        "أحرق الجنود المدينة منذ 1700 عام.",
    ],
)
def test_places_named_by_a_date_and_words_like_weekdays_are_no_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تلعب المباريات يومي 11 و12 مارس.",
            [("11", date(2024, 3, 11)), ("12 مارس", date(2024, 3, 12))],
        ),
        (
            "تجرى الانتخابات أيام 26 و27 و28 مارس.",
            [("26", date(2024, 3, 26)), ("27", date(2024, 3, 27)), ("28 مارس", date(2024, 3, 28))],
        ),
        ("يسري القرار اعتباراً من الأحد.", [("الأحد", date(2024, 3, 17))]),
        ("عقد المجلس جلسته الأخيرة لهذا العام.", [("لهذا العام", date(2024, 1, 1))]),
        ("تأهل واحد من الأحد عشر لاعباً.", []),
        ("ارتفعت المبيعات منذ مطلع العام 12 في المئة.", [("مطلع العام", date(2024, 1, 1))]),
        ("تستأنف الدراسة بعد إجازة منتصف العام.", []),
        ("يبدأ التطبيق مطلع العام المقبل.", [("العام المقبل", date(2025, 1, 1))]),
        # PUB (14 March 2024) is in Ramadan 1445: the last Ramadan is 1444's
        ("ارتفعت الأسعار مقارنة برمضان الماضي.", [("برمضان الماضي", date(2023, 3, 23))]),
        ("اعتقل الجيش فجر الثلاثاء عشرة أشخاص.", [("فجر الثلاثاء", date(2024, 3, 12))]),
    ],
)
def test_lists_of_days_from_a_weekday_and_this_year(
    text: str, expected: list[tuple[str, date]]
) -> None:
    assert [(d.text, d.value) for d in find_dates(text, PUB)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare السبت/الأحد/الجمعة/الاثنين between a clause and a preposition or a stop
        ("وصل الوفد السبت إلى الرياض.", [("السبت", date(2024, 3, 9))]),
        ("وكان الوزير قد زار بغداد الاثنين.", [("الاثنين", date(2024, 3, 11))]),
        ("وأعلنت الوزارة الأحد أن العدد زاد.", [("الأحد", date(2024, 3, 10))]),
        # the nouns they complete, a percentage, a family name: no days
        ("أدى المصلون صلاة الجمعة في المسجد.", []),
        ("دعت الوزارة إلى تخصيص خطب الجمعة للحديث عن الصيام.", []),
        ("بلغ الفارق الاثنين في المائة.", []),
        ("وقال الأمير سعود السبت إن الزيارة ناجحة.", []),
    ],
)
def test_bare_weekdays_that_are_also_nouns(text: str, expected: list[tuple[str, date]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, PUB)] == expected


def test_a_weekday_closing_a_past_relative_clause_is_past() -> None:
    """The sentence speaks of tomorrow, the clause of the weekday of what was."""
    pub = date(2025, 11, 3)  # a Monday
    text = "يفتح المتحف أبوابه غداً، بعد حفل الافتتاح الذي أقيم مساء السبت بحضور القادة."
    found = {d.text: d.value for d in find_dates(text, pub)}
    assert found["مساء السبت"] == date(2025, 11, 1)
    text = "ويناقش المجلس الموازنة غداً، بعد إرجاء الجلسة التي كانت مقررة السبت."
    assert {d.text: d.value for d in find_dates(text, pub)}["السبت"] == date(2025, 11, 1)
    # lasting until a weekday: the coming one
    assert _one("وتستمر العطلة الرسمية حتى الخميس", pub)[1] == date(2025, 11, 6)


def test_feminine_directions_and_a_weekday_after_qad_and_its_verb() -> None:
    assert _one("ألغيت المباراة التي كانت مقررة الجمعة الماضية")[1] == date(2024, 3, 8)
    assert _one("وكانت الوزارة قد أطلقت الأحد حملة توعوية")[1] == date(2024, 3, 10)
    # a bare الأحد after a noun is still no date
    assert find_dates("وكان الأحد منهم غائباً", PUB) == []


def test_places_and_movements_named_by_a_date_are_no_dates() -> None:
    for text in (
        "أجريت امتحانات في ثانويات سوق الأربعاء والقنيطرة",
        "تجمع المحتجون في شارع 14 رمضان وسط المدينة",
        "أقيمت المباراة على ملعب 20 أوت 1955 في سكيكدة",
        "انتقدت قوى 14 آذار الحكومة",
        "سار الموكب في نهج 18 جانفي",
    ):
        assert find_dates(text, PUB) == [], text


def test_this_year_before_a_day_and_month_is_the_publication_years() -> None:
    pub = date(2024, 10, 31)
    text = "وكان التوقيت الصيفي قد بدأ هذا العام في 26 أبريل"
    assert {d.text: d.value for d in find_dates(text, pub)}["26 أبريل"] == date(2024, 4, 26)
    # without it, the nearest: half a year ahead is nearer than half a year back
    assert _one("يبدأ التوقيت الصيفي في 26 أبريل", pub)[1] == date(2025, 4, 26)


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        # أمس الأول is the day before yesterday (Iraq, the Gulf), also with a time of day
        ("وصلت الطائرة أمس الأول إلى عدن", "أمس الأول", date(2024, 3, 12)),
        ("احتفلوا ليلة أمس الأول بالعيد", "ليلة أمس الأول", date(2024, 3, 12)),
        ("تهطل الأمطار من مساء الغد", "مساء الغد", date(2024, 3, 15)),
        # a day and month with its direction, and a month since which: past ones
        ("المواجهات المستمرة منذ 8 تشرين الأول الماضي", "8 تشرين الأول الماضي", date(2023, 10, 8)),
        ("تجرى الانتخابات في 26 فبراير المقبل", "26 فبراير المقبل", date(2025, 2, 26)),
        ("بعد توقف كامل منذ نوفمبر", "نوفمبر", date(2023, 11, 1)),
        # a day after لـ
        ("يوم عرفة الموافق لـ26 ماي", "26 ماي", date(2024, 5, 26)),
        # Hijri: الفاتح من, a 14th-century year without هـ, the Hijri year as a whole
        ("منذ الفاتح من رمضان 1445", "الفاتح من رمضان 1445", date(2024, 3, 11)),
        ("صدر القرار في 17 رجب 1434", "17 رجب 1434", date(2013, 5, 27)),
        ("تزامن ذلك مع حلول السنة الهجرية 1444", "السنة الهجرية 1444", date(2022, 7, 30)),
    ],
)
def test_day_before_yesterday_directions_and_hijri_years(
    text: str, found: str, value: date
) -> None:
    assert _one(text)[:2] == (found, value)


def test_until_in_the_maghreb_a_future_verb_with_its_vowel_and_every_week() -> None:
    # إلى غاية الجمعة: the coming Friday; ستُعقد (with its damma) is a future verb
    assert _one("دعت الحماية المدنية إلى تجنب الخروج إلى غاية الجمعة.")[1] == date(2024, 3, 15)
    assert _one("أعلن أن الجلسة المقبلة ستُعقد يوم الثلاثاء.")[1] == date(2024, 3, 19)
    # a weekday of every week is no date; a road named by a date is none either
    assert find_dates("فرض حظر شامل يوم الجمعة من كل أسبوع، وأغلق محور 26 يوليو.", PUB) == []


def test_national_days_named_and_not_the_islamic_feasts() -> None:
    assert _one("أحيا الفلسطينيون يوم الأرض بمسيرات حاشدة") == (
        "يوم الأرض",
        date(2024, 3, 30),
        "event",
    )
    # (the annotated passages count no feast as a date: a season, and a day by country)
    assert find_dates("تستعد الأسواق لعيد الفطر", PUB) == []


def test_a_timetable_of_weekdays_is_no_date_but_a_span_of_days_is() -> None:
    text = "وتعمل القطارات من السبت إلى الأربعاء حتى منتصف الليل."
    assert find_dates(text, PUB) == []
    text = "وتراجعت الحوادث خلال العطلة التي امتدت من الجمعة إلى الأحد الماضيين."
    assert [d.value for d in find_dates(text, PUB)][:1] == [date(2024, 3, 8)]


def test_from_a_weekday_on_is_the_coming_one() -> None:
    text = "قررت الشركة وقف الرحلات بدءاً من فجر الجمعة."
    assert _one(text)[1] == date(2024, 3, 15)


def test_two_months_with_one_direction_and_this_months_parts() -> None:
    text = "ارتفعت الصادرات خلال شهري نونبر ودجنبر الماضيين."
    assert [(d.text, d.value) for d in find_dates(text, PUB)] == [
        ("نونبر", date(2023, 11, 1)),
        ("دجنبر الماضيين", date(2023, 12, 1)),
    ]
    assert _one("زار الوزير المدينة مطلع الشهر") == ("مطلع الشهر", date(2024, 3, 1), "month")
    assert _one("ارتفعت الودائع بنهاية مايو") == ("مايو", date(2024, 5, 1), "month")


def test_a_day_of_a_month_named_by_its_place_and_a_quarter_of_a_year() -> None:
    assert _one("وافق المجلس على الخطة في العاشر من الشهر الجاري.") == (
        "العاشر من الشهر الجاري",
        date(2024, 3, 10),
        "date",
    )
    assert _one("صدر القرار في 25 من الشهر الماضي.")[:2] == (
        "25 من الشهر الماضي",
        date(2024, 2, 25),
    )
    # (a day the month lacks: the month)
    assert _one("يبدأ في الثلاثين من الشهر المقبل.")[1:] == (date(2024, 4, 1), "month")
    assert _one("تراجعت المبيعات في الربع الأخير من العام الماضي.") == (
        "الربع الأخير من العام الماضي",
        date(2023, 10, 1),
        "month",
    )
    assert _one("ونما الاقتصاد في النصف الثاني من عام 2019.")[1] == date(2019, 7, 1)
    assert find_dates("ارتفعت الأرباح في الربع الثالث.", PUB) == []  # which year's: untold


def test_a_yearly_event_s_year_a_gulf_national_day_and_a_decided_day_long_past() -> None:
    assert _one("بلغت المشاركة 36 في المائة في انتخابات 2007.") == (
        "2007",
        date(2007, 1, 1),
        "year",
    )
    assert _one("وستحتفل الرياض باليوم الوطني السعودي") == (
        "اليوم الوطني السعودي",
        date(2024, 9, 23),
        "event",
    )
    # in March, a decided election "on 6 October" is the coming one; a day a few weeks
    # past in the same words is still that day, and so is one a past plan named
    assert _one("وتقرر إجراء الانتخابات يوم 6 أكتوبر.")[1] == date(2024, 10, 6)
    assert _one("وتقرر إجراء الانتخابات يوم 1 مارس.")[1] == date(2024, 3, 1)
    assert _one("وكانت ستجري الانتخابات في 6 أكتوبر.")[1] == date(2023, 10, 6)
    assert _one("قال إن القرار يسري حتى 5 نوفمبر.")[1] == date(2024, 11, 5)
