"""Recognising site boilerplate: subscription prompts, share bars, "read also" links, etc.

Everything here works on the *match form* (``nashra.text.normalize.match_form``), so
hamza, alef, ta marbuta and diacritic variants of a prompt all match the same rule:
"أنشئ حساباً" and "انشئ حسابا" are the same line to :func:`is_prompt`.

The rules are written to be safe on real news text. A bare word such as "شارك" or
"اشترك" also means "took part" and opens real sentences ("شارك الوزير في الاجتماع"), so
every rule is anchored to the start of the line, bounded in length, or requires that
*every* word of the line belong to a small vocabulary of interface words (share, print,
comments, social-network names...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nashra.text.normalize import match_form_cached as match_form

__all__ = ["is_prompt", "line_key", "prompt_form"]

# Characters trimmed from both ends of a line before matching (punctuation, bullets,
# arrows, quotes); "©" is kept because it is itself a signal.
_EDGE_PUNCT = " \t\r\n:：.。،,؛;!！?؟…«»\"'“”‘’()[]{}<>-–—_|/\\•·*#>→←↓↑▶◀►◄▸◂"
_TOKEN_STRIP = _EDGE_PUNCT
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def prompt_form(line: str) -> str:
    """The match form of ``line`` with surrounding punctuation trimmed."""
    return match_form(line).strip(_EDGE_PUNCT)


def line_key(line: str) -> str:
    """Key for learning lines that recur across a source's documents.

    The match form with every run of digits collapsed to ``0`` and whitespace collapsed,
    so "© 2025 جميع الحقوق محفوظة" and "© 2026 جميع الحقوق محفوظة" share one key.
    """
    return _SPACES.sub(" ", _DIGITS.sub("0", match_form(line))).strip()


# --- interface vocabulary -------------------------------------------------------------
# A short line made *only* of these words is a button row or widget label:
# "شارك على فيسبوك", "طباعة", "أرسل لصديق", "3 تعليقات", "حجم الخط A+ A-",
# "فيسبوك تويتر واتساب", "Share on Facebook", "Print".

_SOCIAL = {
    "فيسبوك",
    "فيس",
    "بوك",
    "الفيسبوك",
    "الفيس",
    "تويتر",
    "اكس",
    "واتساب",
    "واتس",
    "الواتساب",
    "تلغرام",
    "تليغرام",
    "تيليجرام",
    "تلجرام",
    "تيليغرام",
    "لينكد",
    "لينكدان",
    "انستغرام",
    "انستجرام",
    "انستقرام",
    "يوتيوب",
    "تيك",
    "توك",
    "تيكتوك",
    "سناب",
    "شات",
    "سنابشات",
    "ماسنجر",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "instagram",
    "youtube",
    "tiktok",
    "reddit",
    "pinterest",
    "messenger",
    "threads",
    "bluesky",
    "email",
    "e-mail",
    "mail",
}

# Words that carry the meaning of a widget (at least one must be present).
_UI_TRIGGERS = _SOCIAL | {
    # share
    "شارك",
    "شاركوا",
    "شاركها",
    "شاركه",
    "مشاركه",
    "المشاركه",
    "share",
    "shares",
    "tweet",
    # print / send / save / copy
    "طباعه",
    "اطبع",
    "print",
    "ارسل",
    "ارسال",
    "لصديق",
    "send",
    "حفظ",
    "احفظ",
    "المفضله",
    "save",
    "saved",
    "bookmark",
    "نسخ",
    "copy",
    # comments
    "تعليقات",
    "التعليقات",
    "تعليق",
    "تعليقا",
    "تعليقك",
    "comments",
    "comment",
    # font size
    "الخط",
    "a+",
    "a-",
    "font",
    # ads
    "اعلان",
    "اعلانات",
    "الاعلانات",
    "اعلانيه",
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "ممول",
    # navigation
    "الرئيسيه",
    "القائمه",
    "home",
    "menu",
    "بحث",
    "search",
    "close",
    "اغلاق",
    "التالي",
    "السابق",
    "next",
    "previous",
    "back",
    "عوده",
    "top",
}

# Words allowed *alongside* a trigger, but which alone say nothing.
_UI_FILLERS = {
    "المقال",
    "الخبر",
    "الموضوع",
    "القصه",
    "الصفحه",
    "الرابط",
    "رابط",
    "هذا",
    "هذه",
    "علي",
    "عبر",
    "في",
    "مع",
    "الي",
    "من",
    "او",
    "و",
    "اضف",
    "اكتب",
    "صديق",
    "اصدقاءك",
    "اصدقاء",
    "حجم",
    "تكبير",
    "تصغير",
    "مساحه",
    "محتوي",
    "مدفوع",
    "البريد",
    "الالكتروني",
    "بريد",
    "ان",
    "الاعلي",
    "a",
    "to",
    "on",
    "via",
    "by",
    "this",
    "the",
    "article",
    "story",
    "post",
    "page",
    "link",
    "friend",
    "size",
    "add",
    "leave",
    "view",
    "show",
    "all",
    "your",
    "content",
    "+",
    "-",
}

_MAX_UI_WORDS = 10


def _tokens(form: str) -> list[str]:
    out: list[str] = []
    for raw in form.split():
        tok = raw if raw in ("a+", "a-", "+", "-") else raw.strip(_TOKEN_STRIP)
        if tok:
            out.append(tok)
    return out


def _is_ui_row(tokens: list[str]) -> bool:
    if not tokens or len(tokens) > _MAX_UI_WORDS:
        return False
    has_trigger = False
    for tok in tokens:
        if tok in _UI_TRIGGERS:
            has_trigger = True
        elif tok not in _UI_FILLERS and not tok.isdigit():
            return False
    return has_trigger


# --- phrase rules ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    max_words: int
    search: bool = False  # anywhere in the line rather than anchored at its start

    def matches(self, form: str, words: int) -> bool:
        if words > self.max_words:
            return False
        found = self.pattern.search(form) if self.search else self.pattern.match(form)
        return found is not None


def _rule(pattern: str, max_words: int, *, search: bool = False) -> _Rule:
    return _Rule(re.compile(pattern), max_words, search)


_SOCIAL_ALT = "|".join(sorted((re.escape(s) for s in _SOCIAL), key=len, reverse=True))
_CHANNELS = (
    rf"(?:{_SOCIAL_ALT}|قناتنا|قناه|صفحتنا|صفحه|حساباتنا|حسابنا|موقعنا|تطبيق|"
    r"google news|جوجل نيوز|غوغل نيوز|نبض|الشبكات|مواقع التواصل|social)"
)

_RULES: tuple[_Rule, ...] = (
    # --- subscription and accounts
    _rule(r"(?:لم|الم) تشترك بعد\b", 8),
    _rule(r"(?:لم|الم) تشترك(?: في (?:خدمتنا|نشرتنا|نشراتنا|موقعنا|الموقع))?$", 6),
    _rule(r"هل انت مشترك\b", 8),
    _rule(r"اشترك(?:وا)?(?: الان| مجانا| هنا)*$", 3),
    _rule(
        r"(?:اشترك(?:وا)?|سجل|انضم|انضموا)(?: الان| مجانا)? (?:في|ب|الي|مع) ?"
        r"(?:النشره|نشرتنا|نشراتنا|النشرات|خدمه|خدمتنا|قناتنا|موقعنا|الموقع|تطبيق|"
        r"القائمه البريديه|حسابنا|عضويه|باقه)",
        40,
    ),
    _rule(r"(?:سجل|تسجيل) (?:الدخول|الخروج|دخول|خروج)\b", 12),
    _rule(r"(?:سجل|تسجيل) (?:الان|مجانا|حسابا?|حسابك)\b", 12),
    _rule(r"(?:تسجيل|دخول|خروج|الدخول|الخروج)$", 1),
    _rule(r"(?:ليس )?لديك حساب\b", 15),
    _rule(r"انشء(?:وا)? (?:حسابا?|حسابك)\b", 60),
    _rule(r"انشاء حساب(?: جديد)?$", 3),
    _rule(r"(?:هل نسيت )?كلمه (?:المرور|السر)\b", 6),
    _rule(r"(?:subscribe|sign in|sign up|log in|log out|login|logout|register)\b", 15),
    _rule(r"(?:create|open) (?:an |a |your |a free )?(?:free )?account\b", 40),
    _rule(r"already (?:a subscriber|have an account|registered)\b", 15),
    _rule(r"(?:forgot|forgotten) (?:your )?password\b", 8),
    # --- read also / related
    _rule(
        r"(?:اقرا|اقراوا|طالع|شاهد|انظر|تابع) (?:ايضا|كذلك|المزيد|اكثر|الخبر|التفاصيل)\b",
        40,
    ),
    _rule(r"(?:اقرا|اقراوا)$", 1),
    # "رابط الخبر بصحيفة الوئام: <headline>": the link line a site appends to its stories
    _rule(r"رابط (?:الخبر|المقال|المقاله|الموضوع)\b[^:]{0,40}:", 40),
    _rule(r"(?:read also|also read|read more|see also|more on this)\b", 40),
    _rule(r"related(?::|$| (?:articles|stories|news|posts|coverage|topics|content)\b)", 40),
    _rule(
        r"(?:مواضيع|موضوعات|اخبار|مقالات|قصص|تقارير|روابط|عناوين) (?:ذات صله|متعلقه|مشابهه|اخري)$",
        4,
    ),
    _rule(r"ذات صله$", 2),
    _rule(r"الاكثر (?:قراءه|مشاهده|تداولا|تعليقا|مشاركه|شعبيه)$", 3),
    _rule(r"(?:قد )?(?:يعجبك|يهمك|تهمك|تعجبك) (?:ايضا|كذلك)\b", 20),
    _rule(r"ننصحك (?:بقراءه|بمتابعه)\b", 20),
    _rule(r"(?:اخر|احدث|اهم) (?:الاخبار|الاخبار العاجله|الفيديوهات|المقالات)$", 3),
    _rule(r"(?:most read|most popular|you may also like|you might also like|more from)\b", 12),
    # --- follow us
    _rule(r"(?:تابعونا|تابعوننا)$", 1),
    _rule(rf"(?:تابعونا|تابعنا|تابعوننا|تابعوا|تابع)\b.*\b(?:علي|عبر|في) {_CHANNELS}", 20),
    _rule(rf"(?:لمتابعه|للمتابعه|لمتابعه اخر|ليصلك|لتصلك)\b.*{_CHANNELS}", 25),
    _rule(r"(?:follow us|follow on|join us on|like us on)\b", 20),
    _rule(r"(?:انضم|انضموا) (?:الينا|الي قناتنا|لقناتنا)\b", 20),
    # --- rights
    _rule(r"(?:جميع|كافه|كل) (?:الحقوق|حقوق النشر|حقوق الطبع)(?: والنشر)? محفوظه", 20, search=True),
    _rule(r"(?:الحقوق|حقوق النشر|حقوق الطبع)(?: والنشر)? محفوظه", 20),
    _rule(r"حقوق (?:النشر|الطبع|الملكيه)\b", 15),
    _rule(r"all rights reserved", 20, search=True),
    _rule(r"copyright\b", 20),
    _rule(r"(?:©|\(c\))", 20),
    _rule(r"©", 12, search=True),
    # --- advertisement
    _rule(r"(?:مساحه|ركن) اعلانيه$", 3),
    _rule(r"(?:اعلان|اعلانات)(?: ممول| مدفوع| تجاري)?$", 2),
    _rule(r"(?:محتوي) (?:ممول|مدفوع|برعايه)\b", 6),
    _rule(r"(?:advertisement|advertising|sponsored(?: content)?|paid content|ad)$", 3),
    # --- newsletters
    _rule(r"(?:نشراتنا|النشره|النشرات) (?:البريديه|الاخباريه)\b", 12),
    _rule(r"(?:الاشتراك|للاشتراك|اشتراك) (?:في|ب) ?(?:النشره|نشرتنا|نشراتنا|خدمه)", 30),
    _rule(r"(?:sign up for|subscribe to|get|join) (?:our|the) .*\bnewsletters?\b", 30),
    _rule(r"(?:our |the )?newsletters?\b", 8),
    _rule(r"(?:ادخل|اكتب) بريدك الالكتروني\b", 20),
    _rule(r"(?:enter )?your email(?: address)?\b", 15),
    # --- cookies
    _rule(
        r"(?:نحن )?(?:نستخدم|يستخدم (?:هذا )?الموقع|هذا الموقع يستخدم|يستخدم موقعنا|"
        r"باستخدامك|باستمرارك|بمواصلتك|بمواصله)\b.*(?:الارتباط|الكوكيز|كوكيز|cookies)",
        70,
    ),
    _rule(r"(?:ملفات تعريف الارتباط|الكوكيز|سياسه الخصوصيه|سياسه الاستخدام)\b", 12),
    _rule(r"(?:we use|this (?:web)?site uses|by (?:continuing|using))\b.*\bcookies?\b", 70),
    _rule(r"(?:cookie|cookies|privacy policy|terms of (?:use|service))\b", 12),
    _rule(r"(?:قبول|اوافق|موافق|رفض|accept|accept all|reject|agree|i agree|ok|got it)$", 2),
    # --- more news, apps, click here
    _rule(r"(?:للمزيد|لمزيد|المزيد) من (?:الاخبار|التفاصيل|المقالات)\b", 12),
    _rule(r"(?:حمل|حملوا|نزل|نزلوا|تحميل|تنزيل) (?:ال)?تطبيق", 12),
    _rule(r"(?:download|get) (?:our |the )?app\b", 20),
    _rule(r"(?:اضغط|انقر|اضغطوا|انقروا) (?:هنا|علي الرابط|الرابط)\b", 15, search=True),
    _rule(r"(?:click|tap) here\b", 15, search=True),
    # --- comments and widgets with extra words
    _rule(r"(?:اضف|اكتب|شاركنا|شاركونا) (?:تعليق|تعليقا|تعليقك|رايك)\b", 12),
    _rule(r"(?:leave|add|post) (?:a |your )?comment\b", 10),
    _rule(r"(?:ارسل|ارسال|ارسلوا) (?:الي|ل)? ?صديق\b", 6),
    _rule(r"(?:send|email) to a friend\b", 6),
    _rule(r"(?:حجم|تكبير|تصغير) الخط\b", 8),
    _rule(r"font size\b", 8),
    _rule(r"(?:نسخ|انسخ) الرابط\b", 5),
    _rule(r"copy link\b", 5),
)


_MAX_RULE_WORDS = max([_MAX_UI_WORDS, *(rule.max_words for rule in _RULES)])


def is_prompt(line: str) -> bool:
    """True when ``line`` is a site prompt or widget label rather than article text.

    Covers subscription and account prompts, share bars, "read also" / related links,
    follow-us lines, copyright lines, advertisement labels, newsletter and cookie
    notices, app-download and "click here" calls, comment, print, send-to-friend and
    font-size controls, in Arabic and English.
    """
    # Every rule has a word limit; a long paragraph cannot be a prompt, so skip the work.
    if line.count(" ") >= _MAX_RULE_WORDS + 5:
        return False
    form = prompt_form(line)
    if not form:
        return False
    tokens = _tokens(form)
    if _is_ui_row(tokens):
        return True
    words = len(tokens)
    return any(rule.matches(form, words) for rule in _RULES)
