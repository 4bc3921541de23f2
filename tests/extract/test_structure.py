from __future__ import annotations

from pathlib import Path

from nashra.extract.boilerplate import line_key
from nashra.extract.structure import Structure, structure_lines

# Fixtures written for these tests (not taken from any site).
TITLE = "الحكومة تعلن خطة جديدة لترشيد استهلاك المياه في المحافظات الجنوبية"
SUBTITLE = "الخطة تشمل تحديث شبكات الري ودعم المزارعين خلال ثلاث سنوات"
BODY = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لترشيد استهلاك المياه في المحافظات "
    "الجنوبية، تمتد ثلاث سنوات وتشمل تحديث شبكات الري القديمة.",
    "وقال وزير الزراعة في مؤتمر صحافي إن الخطة «تهدف إلى خفض الهدر بنسبة الثلث»، "
    "مشيراً إلى أن التمويل سيأتي من الموازنة العامة ومن قروض ميسرة.",
    "وأضاف أن المزارعين سيحصلون على دعم مباشر لشراء أنظمة الري بالتنقيط، على أن "
    "تبدأ المرحلة الأولى في الربيع المقبل.",
    "ويأتي الإعلان بعد صيف شهد انخفاضاً حاداً في منسوب الأنهار وشكاوى متكررة من "
    "انقطاع المياه في القرى.",
]


def _check(
    result: Structure,
    *,
    title: str = "",
    subtitle: str = "",
    body: list[str],
    boilerplate: list[str] | None = None,
) -> None:
    assert result.title == title
    assert result.subtitle == subtitle
    assert result.body == body
    assert result.boilerplate == (boilerplate or [])


# --- the seed page -------------------------------------------------------------------


def test_seed_page(seed_path: Path) -> None:
    lines = [line.strip() for line in seed_path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    assert len(lines) == 18
    result = structure_lines(lines)
    _check(
        result,
        title=lines[13],
        subtitle=lines[14],
        body=lines[:13],
        boilerplate=[lines[15], lines[16], lines[17]],
    )
    assert lines[15] == lines[13]  # the page repeats its headline


# --- layouts -------------------------------------------------------------------------


def test_headline_first_with_subheadline() -> None:
    result = structure_lines([TITLE, SUBTITLE, *BODY])
    _check(result, title=TITLE, subtitle=SUBTITLE, body=BODY)


def test_headline_first_without_subheadline() -> None:
    result = structure_lines([TITLE, *BODY])
    _check(result, title=TITLE, body=BODY)


def test_headline_last_with_subheadline() -> None:
    result = structure_lines([*BODY, TITLE, SUBTITLE])
    _check(result, title=TITLE, subtitle=SUBTITLE, body=BODY)


def test_headline_last_followed_by_prompts() -> None:
    prompts = ["شارك المقال", "هل أنت مشترك؟", "سجّل الدخول"]
    result = structure_lines([*BODY, TITLE, *prompts])
    _check(result, title=TITLE, body=BODY, boilerplate=prompts)


def test_repeated_headline_first_copy_wins() -> None:
    result = structure_lines([TITLE, SUBTITLE, *BODY, TITLE])
    _check(result, title=TITLE, subtitle=SUBTITLE, body=BODY, boilerplate=[TITLE])


def test_prompts_before_body() -> None:
    lines = ["تابعونا على تويتر", "اشترك في النشرة", TITLE, SUBTITLE, *BODY]
    result = structure_lines(lines)
    _check(
        result,
        title=TITLE,
        subtitle=SUBTITLE,
        body=BODY,
        boilerplate=["تابعونا على تويتر", "اشترك في النشرة"],
    )


def test_prompts_after_body() -> None:
    tail = [
        "اقرأ أيضاً: ارتفاع أسعار الخضار في الأسواق المحلية",
        "جميع الحقوق محفوظة © 2026",
    ]
    result = structure_lines([TITLE, *BODY, *tail])
    _check(result, title=TITLE, body=BODY, boilerplate=tail)


def test_short_line_enclosed_by_prompts_is_boilerplate() -> None:
    lines = [TITLE, *BODY, "شارك المقال", "صحيفة المساء", "جميع الحقوق محفوظة"]
    result = structure_lines(lines)
    _check(
        result,
        title=TITLE,
        body=BODY,
        boilerplate=["شارك المقال", "صحيفة المساء", "جميع الحقوق محفوظة"],
    )


def test_crumbs_before_leading_headline() -> None:
    lines = ["الرئيسية", "اقتصاد", TITLE, *BODY]
    result = structure_lines(lines)
    _check(result, title=TITLE, body=BODY, boilerplate=["الرئيسية", "اقتصاد"])


def test_known_boilerplate_from_source() -> None:
    site_lines = ["صحيفة المساء اليومية — منذ 1990", "عن الصحيفة واتصل بنا وسياسة النشر لعام 2025"]
    # Learned from other documents of the same source, where years differed.
    known = {line_key("صحيفة المساء اليومية — منذ 1985"), line_key(site_lines[1])}
    # And a line of the body that is not boilerplate, though short and last.
    result = structure_lines(
        [site_lines[0], TITLE, *BODY, site_lines[1].replace("2025", "2026")],
        known_boilerplate=known,
    )
    _check(
        result,
        title=TITLE,
        body=BODY,
        boilerplate=[site_lines[0], site_lines[1].replace("2025", "2026")],
    )


def test_title_hint_with_site_suffix() -> None:
    for hint in (f"{TITLE} | صحيفة المساء", f"{TITLE} - صحيفة المساء", f"صحيفة المساء | {TITLE}"):
        result = structure_lines(["تابعنا على فيسبوك", TITLE, *BODY], title_hint=hint)
        _check(result, title=TITLE, body=BODY, boilerplate=["تابعنا على فيسبوك"])


def test_title_hint_matches_despite_hamza_and_diacritics() -> None:
    hint = "الحكومة تُعلن خطة جديدة لترشيد إستهلاك المياه في المحافظات الجنوبية | المساء"
    result = structure_lines([*BODY, TITLE], title_hint=hint)
    _check(result, title=TITLE, body=BODY)


def test_title_hint_absent_from_lines_becomes_title() -> None:
    # HTML: the paragraphs are the body only; the headline comes from metadata.
    result = structure_lines(BODY, title_hint=f"{TITLE} | صحيفة المساء", subtitle_hint=SUBTITLE)
    _check(result, title=TITLE, subtitle=SUBTITLE, body=BODY)


def test_subtitle_hint_that_is_the_lead_paragraph_stays_body() -> None:
    description = BODY[0][:60] + "..."
    result = structure_lines(BODY, title_hint=TITLE, subtitle_hint=description)
    _check(result, title=TITLE, body=BODY)
    result = structure_lines(BODY, title_hint=TITLE, subtitle_hint=BODY[0])
    _check(result, title=TITLE, body=BODY)


def test_subtitle_hint_in_lines() -> None:
    result = structure_lines([SUBTITLE, *BODY], title_hint=TITLE, subtitle_hint=SUBTITLE)
    _check(result, title=TITLE, subtitle=SUBTITLE, body=BODY)


def test_body_only_without_headline() -> None:
    result = structure_lines(BODY)
    _check(result, body=BODY)


def test_one_paragraph_document() -> None:
    result = structure_lines([BODY[0]])
    _check(result, body=[BODY[0]])
    short = "زلزال بقوة خمس درجات يضرب جنوب البلاد"
    _check(structure_lines([short]), body=[short])


def test_body_paragraph_beginning_with_share_verb_stays_body() -> None:
    share = "شارك الوزير في الاجتماع الذي عقد أمس لبحث أزمة المياه مع ممثلي المزارعين."
    short = "شارك آلاف المزارعين في الوقفة"
    lines = [TITLE, BODY[0], share, short, *BODY[1:], "شارك على فيسبوك"]
    result = structure_lines(lines)
    _check(
        result,
        title=TITLE,
        body=[BODY[0], share, short, *BODY[1:]],
        boilerplate=["شارك على فيسبوك"],
    )


def test_short_quoted_body_line_ending_with_guillemet() -> None:
    quote = "وقال الوزير في ختام المؤتمر: «لن نتراجع عن هذه الخطة»"
    bare = "«لن نتراجع عن هذه الخطة»"
    # Last line of a document with no headline.
    _check(structure_lines([*BODY, quote]), body=[*BODY, quote])
    _check(structure_lines([*BODY, bare]), body=[*BODY, bare])
    # Last line before the site's footer.
    footer = "جميع الحقوق محفوظة © 2026"
    result = structure_lines([*BODY, quote, footer])
    _check(result, body=[*BODY, quote], boilerplate=[footer])
    # Between paragraphs, with a headline first.
    result = structure_lines([TITLE, BODY[0], bare, *BODY[1:]])
    _check(result, title=TITLE, body=[BODY[0], bare, *BODY[1:]])


def test_credit_line_after_body_stays_body() -> None:
    credit = "المصدر: وكالات"
    result = structure_lines([TITLE, *BODY, credit, "جميع الحقوق محفوظة"])
    _check(result, title=TITLE, body=[*BODY, credit], boilerplate=["جميع الحقوق محفوظة"])


def test_english_layout() -> None:
    title = "Central bank holds rates as inflation cools"
    standfirst = "Policymakers signal cuts could come later in the year"
    body = [
        "The central bank kept its main interest rate unchanged on Tuesday, citing a "
        "steady fall in consumer prices over the past three months.",
        "Officials said they would watch wage growth closely before easing policy.",
    ]
    lines = [
        "Sign in",
        "Subscribe",
        title,
        standfirst,
        *body,
        "Share on Facebook",
        "Read more: Markets rally after the decision",
        "© 2026 Example News. All rights reserved.",
    ]
    result = structure_lines(lines)
    _check(
        result,
        title=title,
        subtitle=standfirst,
        body=body,
        boilerplate=[lines[0], lines[1], *lines[-3:]],
    )


def test_display_text_is_kept_and_blank_lines_ignored() -> None:
    shaped = "  " + TITLE.replace("الحكومة", "الحكومـــة") + "  "
    result = structure_lines(["", shaped, "   ", *BODY])
    _check(result, title=shaped.strip(), body=BODY)


def test_repeated_body_paragraph_keeps_first_copy() -> None:
    result = structure_lines([TITLE, *BODY, BODY[1]])
    _check(result, title=TITLE, body=BODY, boilerplate=[BODY[1]])


def test_all_prompts_leaves_empty_body() -> None:
    result = structure_lines(["اشترك الآن", "سجل الدخول"])
    _check(result, body=[], boilerplate=["اشترك الآن", "سجل الدخول"])


def test_lone_short_line_among_prompts_is_kept_as_body() -> None:
    line = "زلزال يضرب جنوب البلاد"
    result = structure_lines(["اشترك الآن", line])
    _check(result, body=[line], boilerplate=["اشترك الآن"])
