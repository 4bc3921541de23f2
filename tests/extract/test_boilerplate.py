from __future__ import annotations

import pytest

from nashra.extract.boilerplate import is_prompt, line_key


@pytest.mark.parametrize(
    "line",
    [
        # subscription and accounts
        "لم تشترك بعد",
        "لم تشترك بعد؟",
        "اشترك",
        "اشترك الآن",
        "اشترك في النشرة",
        "اشترك في نشرتنا البريدية اليومية",
        "أنشئ حساباً",
        "انشئ حسابا",
        "أنشئ حساباً مجانياً لتحصل على الأخبار التي تهمك وتحفظ مقالاتك المفضلة",
        "سجل الدخول",
        "تسجيل الدخول",
        "Sign in",
        "Subscribe",
        "Create an account",
        "Create a free account to keep reading",
        # share
        "شارك",
        "شارك المقال",
        "شارِك على فيسبوك",
        "شارك عبر واتساب",
        "فيسبوك تويتر واتساب تلغرام",
        "Share",
        "Share on Facebook",
        "Share this article",
        # read also / related
        "اقرأ أيضاً",
        "اقرأ أيضا: الحكومة تعلن موازنة العام المقبل",
        "رابط الخبر بصحيفة المرصد: الأمطار تغلق طرق المنطقة الشرقية",
        "اقرأ المزيد",
        "مواضيع ذات صلة",
        "أخبار ذات صلة",
        "الأكثر قراءة",
        "Read also: Markets rally after the decision",
        "Related articles",
        # follow us
        "تابعونا على تويتر",
        "تابعنا على فيسبوك",
        "تابعوا آخر الأخبار عبر قناتنا على تلغرام",
        "Follow us on Twitter",
        # rights
        "جميع الحقوق محفوظة",
        "جميع الحقوق محفوظة © 2026",
        "© 2026 صحيفة المدينة. جميع الحقوق محفوظة.",
        "All rights reserved",
        "© 2026 Example News",
        # ads
        "إعلان",
        "اعلان",
        "مساحة إعلانية",
        "Advertisement",
        # newsletters
        "نشراتنا البريدية",
        "النشرة البريدية",
        "Sign up for our newsletter",
        # cookies
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا",
        "We use cookies to improve your experience.",
        # misc controls
        "للمزيد من الأخبار",
        "للمزيد من الأخبار تابعونا على تلغرام",
        "حمّل التطبيق",
        "اضغط هنا",
        "للاطلاع على التفاصيل اضغط هنا",
        "تعليقات",
        "3 تعليقات",
        "أضف تعليقاً",
        "طباعة",
        "أرسل لصديق",
        "حجم الخط",
        "A+ A-",
        "Print",
    ],
)
def test_prompts(line: str) -> None:
    assert is_prompt(line)


@pytest.mark.parametrize(
    "line",
    [
        "شارك الوزير في الاجتماع الذي عقد أمس في العاصمة لبحث أزمة المياه.",
        "شارك في المؤتمر أكثر من مئتي خبير من عشرين دولة.",
        "شارك آلاف المتظاهرين في المسيرة",
        "اشترك في الهجوم مسلحون ينتمون إلى فصيل محلي، بحسب الشرطة.",
        "لم تشترك مصر في القمة الأخيرة بسبب خلافات على جدول الأعمال.",
        "تابعنا خلال الأسبوع الماضي تطورات الأزمة في الشمال عن قرب.",
        "وزير الخارجية يزور عمّان لبحث الأوضاع الإقليمية",
        "أعلنت الحكومة حزمة إعلانات عن مشروعات جديدة في قطاع الطاقة.",
        "وقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل.",
        "وأكد أن رابط الخبر الذي نشرته الصحيفة كان خاطئا.",
        "الحكومة تدرس قانوناً جديداً لحقوق النشر والملكية الفكرية",
        "Share prices fell sharply on Tuesday after the announcement.",
        "The copyright dispute between the two publishers reached court.",
        "Related talks will resume next week in Geneva, officials said.",
        "",
        "   ",
    ],
)
def test_not_prompts(line: str) -> None:
    assert not is_prompt(line)


def test_prompt_matching_ignores_hamza_and_diacritics() -> None:
    assert is_prompt("أنشِئ حساباً خاصاً بك")
    assert is_prompt("إقرأ أيضاً")
    assert is_prompt("جَميع الحُقوق مَحفوظة")


def test_line_key_collapses_digits_and_spaces() -> None:
    assert line_key("© 2025 جميع الحقوق محفوظة") == line_key("©  2026   جميع الحقوق محفوظة")
    assert line_key("٢٠٢٥ جميع الحقوق") == line_key("2026 جميع الحقوق")


def test_line_key_uses_match_form() -> None:
    assert line_key("أنشئ حساباً") == line_key("انشئ حسابا")
    assert line_key("  Subscribe NOW ") == "subscribe now"
    assert line_key("اقرأ أيضاً") != line_key("اقرأ المزيد")
