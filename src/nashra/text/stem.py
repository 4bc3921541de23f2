"""Light stemmer for match-form Arabic words.

``stem(word)`` takes a word already in match form (see :func:`nashra.text.match_form`:
ة→ه, أإآ→ا, ى→ي, ؤئ→ء, no marks) and strips proclitics and suffixes. It starts from
Larkey's light10 (Lucene's ArabicStemmer) and deviates where light10 is known to make
variants of one word land on different stems:

1. **Stacked proclitics.** light10 strips one prefix from ال وال بال كال فال لل و, so
   وبالمدرسة → بالمدرس. We strip, longest first, وبال وكال ولل فبال فكال فلل وال فال بال
   كال لل ال (at least 2 letters must remain, as in light10), so وبالمدرسة → مدرس and
   فللمسؤولين → مسءول.
2. **Single proclitics.** A conjunction و/ف, then a preposition ب/ك/ل, are each stripped
   when the stem left after suffix stripping would still be long enough: 3 letters after
   و/ب/ل (light10 strips و from words of 4+ letters), 4 letters after ف/ك (those letters
   begin many stems: فكرة, فترة, كبيرة, كثير). وقال → قال, بشكل → شكل, لدعم → دعم,
   وبمدرسة → مدرس, كبيرة → كبير. light10 never strips ف/ب/ك/ل without the article.
   The thresholds were chosen by counting, on a news corpus, words whose stem differed
   from their own definite form (mangled stems) against proclitic forms left unstripped.
3. **Stems that begin with a proclitic letter** (وزارة, وزير, واقع, والد, لبنان, بريطانيا,
   فرنسا, كورونا …) are protected by a list of surface words written below and by the
   words learnt from a news corpus (``proclitic_letter_words.txt``: the rest of the word
   is never written alone, mostly foreign names); their suffix-stripped forms are
   computed at import. A protected stem keeps its first letter
   whatever is attached: وزارة, الوزارة, والوزارة, ووزارة → وزار (light10: زار / وزار);
   after لل it keeps its ل (للجنة is ل + اللجنة, للبنان ل + لبنان → لجن, لبنان).
   A protected stem is also recognised under the endings light10 does not strip: the
   accusative alif (لاعبا, وفقا → لاعب, وفق), a plural or first-person pronoun (وضعهم,
   وطننا → وضع, وطن) and ة written ت before one (وظيفته → وظيف); the word stems to it. Of
   an unprotected word the accusative alif does not count towards the letters a
   proclitic must leave (كثيرا, بعضا, فريقا stay whole: light10 gives ثيرا-like stems).
4. **No ان suffix.** light10 strips ان (the nominative dual). It breaks far more singular
   nouns and names than it unifies duals: لبنان → لبن, ايران → اير, but ايراني → ايران;
   اردوغان → اردوغ; بيان, مكان, برلمان, سودان, رمضان. We keep ان; the oblique dual ين
   is still stripped (shared with the plural).
5. **Suffixes to a fixed point.** light10 tries each suffix once, in a fixed order, so a
   noun ending in a suffix-like string and its nisba adjective differ (قانون → قان but
   قانوني → قانون; فلسطين → فلسط but فلسطيني → فلسطين). We restart the list after every
   strip (still leaving at least 2 letters), so X and X+ي/يه/ين/ات land together.
6. **Protected stems** (``_NO_SUFFIX``: فلسطين, برلين, بحرين, حسين, قانون, مليون, …) are
   never suffix-stripped and stop the stripping when reached, so فلسطين, الفلسطيني,
   فلسطينيين → فلسطين. ``_EXCEPTIONS`` maps a few whole words (الله, لله, والله, بالله →
   الله).
7. **Match form input.** Suffixes are written in match form, so light10's ة/ية entries
   are the ه/يه entries (ة is already ه), and hamza seats are already ء.
8. **No س (future) stripping.** سيقوم stays سيقوم: stripping س would wreck سيارة, سياسة,
   سياحة; the imperfect-verb prefixes ي/ت/ن are not stripped either, as in light10.

Words that do not start with an Arabic letter (Latin, numbers) are returned unchanged.
The stemmer is cached (``functools.lru_cache``); call ``stem.cache_clear()`` if needed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from nashra.text.normalize import match_form

__all__ = ["ARTICLE_PREFIXES", "hand_stem", "stem", "strip_suffixes"]

# Article-bearing proclitic stacks, longest first.
ARTICLE_PREFIXES = (
    "وبال",
    "وكال",
    "فبال",
    "فكال",
    "ولل",
    "فلل",
    "وال",
    "فال",
    "بال",
    "كال",
    "لل",
    "ال",
)
# Suffixes in match form (light10 order, ة→ه, ية→يه, without ان).
_SUFFIXES = ("ها", "ات", "ون", "ين", "يه", "ه", "ي")

# Stems that are never suffix-stripped (names and nouns whose ending looks like a suffix).
_NO_SUFFIX_WORDS = """
فلسطين برلين بحرين البحرين حسين ياسين اثنين الاثنين قانون مليون تلفزيون زيتون ليمون كانون
صالون فرعون ميشيغين كوبنهاغن بوتين لينين الصين صين تشرين لاهاي ليون بليون
"""

# Surface words that begin with و ف ب ك ل as part of the stem. Their suffix-stripped forms
# are protected from proclitic stripping. Written in ordinary spelling, folded at import.
_PROTECTED_WORDS_TEXT = """
وزير وزيرة وزراء وزارة وزارات وطن وطني وطنية وقت وضع وضعية واقع واقعي واقعة وقائع ولد والد
والدة والده والي ولاة ولاية وكالة وكالات وكيل وصول وصل وصف وفد وفود وفاة وفيات وثيقة وثائق
وثائقي وحدة وحيد وجود وجه وجهة وسط وسائل وسيلة وعد وعود وقف وقوف وقود وارد واردات وراء وزن
ولي ولاء وادي واحد واحدة واسع واسعة واضح واضحة واجب واجبات واجهة واجهات وافق وافقت وقوع وظيفة
وظائف وعي وباء وبائي ورقة ورشة وسام وسيط وساطة وصية وطأة وعاء وفرة وفير وفق وقاية وهم وهمي
واشنطن وارسو ويلز وليد وائل وديع وفاء وجدي وجيه وضاح ودائع وديعة ولادة وقعت وصلت وضعت وجدت
وعدت وقفت ولدت وصلوا وقعوا وضعوا وجدوا وقائي وسيم وليمة
فلسطين فلسطيني فرنسا فرنسي فريق فيروس فيروسات فيسبوك فيديو فيديوهات فنزويلا فيتنام فنلندا
فنادق فصائل فيلم أفلام فكرة فترة فرصة فرص فضائية فضائيات فعالية فعاليات فيصل فهد فؤاد فاطمة
فراس فيفا فورمولا فيزياء فلاديمير فرانسوا فرانكفورت فلوريدا فيينا فلبين الفلبين
لبنان لبناني ليبيا ليبي لندن لوس لاعب لاعبين لجنة لجان لقاء لقاءات لحظة لغة لغات
برلمان برلماني برنامج برامج بريطانيا بريطاني بترول بترولي بيروت بغداد باريس بايدن باكستان
بلجيكا بولندا بلغاريا بوليفيا بورما بروكسل برشلونة بنغلاديش بلاستيك بروتوكول برميل براميل
بضائع بوتين بيانات بيان بطولة بطولات بنوك بنك بورصة بلدية بلديات بيئة بيئي بروفيسور بريد
بالغ بالغة بالون بحيرة بنزين بنية بيتكوين بكين بوابة بيونغ بيونج
كورونا كوريا كهرباء كاميرا كاميرات كمبيوتر كولومبيا كندا كرواتيا كينيا كازاخستان كوبا
كرة كبيرة كبير كلمة كلمات كتاب كتابة كاتب كأس كلية كليات كنيسة كيلو كيلومتر كمية كميات
بناء بعيد بعيدة بطاقة بطاقات بلاد بلادي بلدان بسيط بسيطة بساطة بارك بقاء بلوغ بيوت بلاغ
بلاغات بارز بارزة بارزين بنود بديل بديلة بدائل بخاري بابا بيضاء بوروندي باحث باحثون باحثين
بادرة بائع باردة بارد بقاع بركان بطارية بطاريات بدائية باطل باطلة بطيء بطيئة باهظة بشير بذور
بوينج بوصلة بديع بديعة بريء بريئة برمجة برمجيات براءة بحوث بياض بطالة بلجيكي بكتيريا
بكالوريوس بكاء بصيرة برونزي برونزية برودة بيرو بيتزا بهارات بندقية بضاعة برهان باطن بارعة
بروتين بيولوجي بيولوجية بيانو بنيان بلاط بازار براعة بسطاء بنطلون
لائحة لوائح لافتة لافت لافتات ليالي لسان لواء لياقة لائق لائقة لازم لازمة لاجئ لاجئين لجوء
لحوم لاسلكي لاسلكية لاحقة لاحق لقاح لقاحات لطيف لباس لزوم لصوص لذيذ لذيذة ليموزين ليزر
لوجستي لوجستية لورد ليبرالي ليبرالية
وتيرة وكلاء وضوح وجيزة ورود وداع وخيمة واقف واتساب واعد واعدة وفاق وجهاء وافد وسائط وسطاء
واثق وراثي وراثية ولائم وديان وجدان واسطة وازع وصايا وسائد واعظ وصافة وكيلة
فقدان فوائد فايننشال فيتامين فيتامينات فضائح فوتوغرافي فوتوغرافية فستان فلكلور فلكلورية
فولكلورية فاتورة فواتير فظائع فيروز فيلسوف فيضانات فيضان فطائر فقهاء فوارق فقراء فردوس
فانوس فيدرالية فرسان
كوميدي كوميدية كوميديا كورنيش كتائب كيماوية كيماوي كوادر كواكب كرنفال كومبيوتر كابتن كيمياء
كيميائية كيلوجرام كمائن كلاسيكي كلاسيكية كريستال كوابل كوارث كربوهيدرات كنيست كولونيل كواليس
وجد واصل بلغ بات باشر بذل باع برز بين لاحظ لعب لاقت كانون فبراير فيفري
باراك بشار بندر بنيامين بلير بلاتر بايرن ليفربول فابيوس بنغازي كردستان كابول كوالالمبور
كارلوس كريستيان كريستيانو بيتر لويس فرانس فرانك فرانسيسكو فرنسوا برنت بوينغ ويندوز
لادن كلثوم باولو بارتوميو فيورنتينا كوستا كوباني بوكو ليونيل لوزان فاينانشيال لافروف كارتر
كلينتون بحاح لوفتس بينيتيز فيدال كوينز كوينزلاند لودر لخويا بلوتو كابيتال ووتش بورسعيد بيرسون
فولفسبورغ فولفسبورج بوسطن فينغر فينجر لوران بورتو فاروق بولارد بارزاني بلومبيرغ باشا فيكتور
فيليب باستيان لاتسيو كولورادو ويمبلي لوبيز كراتشي بنجلاديش ويلسون كركوك كاسياس كارلو بليجريني
كاسترو كرايسلر ليبيريا كينياتا لويزيانا بنفيكا بيرسي كورتوا فيريرا فولكس بيكر كريتر ليستر لاهاي
لوكسمبورغ لشبونة ليتوانيا لاتفيا لاغوس ليون ليبرمان لاريجاني لاوس كاليفورنيا كشمير كوسوفو
كيغالي كاميرون كوشنر بوتفليقة بوروشنكو بيريز برلسكوني بينيت بولتون بومبيو بيلوسي بوخارست
بودابست بلغراد براغ بانكوك فيلادلفيا فرجينيا فيرجينيا فانكوفر فالنسيا فيراري فولغوغراد ولنغتون
ويكيليكس وولفويتز فيسك كيسنجر لينكولن كوفي كلينتن ليفني بليون فيكتوريا
بيسكوف بوريل بلينكن بولسونارو لابيد لوكاشينكو فيدان فوتشيتش فاغنر فاجنر بريغوجين بوريس
كينيدي بورتسودان بيلاروسيا بوركينا كمبوديا كراكاس كاتالونيا لوغانسك لفيف باخموت بيلغورود
كورسك فولوديمير بوتشا بيونس كولومبو كاراكاس بولندي فالس فلورنسا فولفو كوبنهاغن لوزاكا
بلغت بدء بحث واصف لاعبو لعبت فابيان بدأوا فضيلة لاحظت بوصة فرحة بداية بدايات بلجرشي وجوه
بقيق فيفاء لاريونيون بوجاشيف بؤرة بليغ بليغة بروميتش بشع بشعة وهبي كفاءة
واجهت فرحان بيدرو بنزيمة بوليوود كبسولة ويتشيتا فاروفاكيس بتروبراس بيتوركا بلاكبوش
ورقلة وهران بسكرة بجاية بومرداس باتنة بنزرت بعقوبة بعلبك كربلاء كسلا بيجي بلدروز
كوناكري كمبالا ليبرفيل بانجول بنوم بيشاور كويتا كوتشي ويلينغتون ولينغتون ويسكونسن
"""
_PROTECTED_WORDS = _PROTECTED_WORDS_TEXT.split()

_EXCEPTIONS: dict[str, str] = {
    match_form(w): "الله" for w in ("الله", "لله", "والله", "بالله", "فالله", "تالله", "ولله")
}


def _no_suffix_set() -> frozenset[str]:
    forms = {match_form(w) for w in _NO_SUFFIX_WORDS.split()}
    # Names written with the article are protected without it too (البحرين → بحرين).
    return frozenset(forms | {w[2:] for w in forms if w.startswith("ال") and len(w) > 4})


_NO_SUFFIX = _no_suffix_set()


def strip_suffixes(word: str) -> str:
    """Strip light10 suffixes (minus ان) to a fixed point, keeping at least 2 letters, and
    3 after a one-letter suffix: a three-letter word keeps its ه/ي (جدة, سنة, ذكي), so its
    form with an attached preposition (وجدة, بجدة) meets it (light10 gives جد but وجد)."""
    no_suffix = _NO_SUFFIX
    if word in no_suffix:
        return word
    while True:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= (3 if len(suffix) == 1 else 2):
                word = word[: -len(suffix)]
                break
        else:
            return word
        if word in no_suffix:
            return word


_HAND_PROTECTED = frozenset(strip_suffixes(match_form(w)) for w in _PROTECTED_WORDS)
# Words whose first letter is their own, learnt from the news corpus (the rest of the word
# is never written alone: mostly foreign names, بانوراما, فودافون), by
# nashra.analyze.train.proclitic_words; in match form, one a line.
LEARNT_PATH = Path(__file__).with_name("proclitic_letter_words.txt")


def _learnt() -> frozenset[str]:
    try:
        words = LEARNT_PATH.read_text("utf-8").split()
    except FileNotFoundError:
        return frozenset()
    return frozenset(map(strip_suffixes, words))


_PROTECTED: frozenset[str] = _HAND_PROTECTED | _learnt()


# Endings light10 leaves on a stem: plural and first-person pronouns, the plural verb's وا.
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "نا", "وا")
# Protected stems that لل + the rest of a commoner word spells too: للازمة is ل + الأزمة.
_AFTER_LL = frozenset({"لازم"})
# كلما (whenever), not كلم (كلمة) with an accusative alif.
_NOT_ACCUSATIVE = frozenset({"كلما"})


def _protected_base(word: str, core: str, protected: frozenset[str]) -> str | None:
    """The stem of ``protected`` that ``word`` (suffix-stripped: ``core``) is a form of, if
    any: the core itself; the core without an accusative alif (لاعبا); without a plural
    or first-person pronoun (وضعهم) or the plural verb's وا (بذلوا); or a ة written ت
    before a pronoun (وظيفته, لجنتهم)."""
    if core in protected:
        return core
    if (
        core.endswith("ا")
        and len(core) > 3
        and not core.endswith(("هما", "كما"))  # the dual pronoun's alif
        and core not in _NOT_ACCUSATIVE
    ):
        base = core[:-1]
        if base.endswith("ي"):  # a nisba: وطنيا → وطني → وطن
            base = strip_suffixes(base)
        if base in protected and base not in ARTICLE_PREFIXES:  # والا is و + الا
            return base
    bare = core
    for pronoun in _PRONOUNS if word == core else ():
        if core.endswith(pronoun) and len(core) - len(pronoun) >= 3:
            bare = core[: -len(pronoun)]
            if bare in protected and bare not in ARTICLE_PREFIXES:  # والهم is و + الهم
                return bare
            if bare.endswith("ات") and (plural := strip_suffixes(bare)) in protected:
                return plural  # بياناتهم
            break
    if bare.endswith("ت") and (bare != core or word.endswith(("ته", "تها", "تي"))):
        base = strip_suffixes(bare[:-1] + "ه")
        if base in protected and base not in ARTICLE_PREFIXES:  # والتي is و + التي
            return base
    return None


def _long_enough(rest: str, letters: int) -> bool:
    """Whether a stem left after a proclitic has ``letters`` letters, not counting the
    accusative alif of a longer one (كثيرا: ك + ثير, too short; دعا keeps its alif)."""
    return len(rest) - (len(rest) > 3 and rest.endswith("ا")) >= letters


def _is_arabic_start(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u06ff"


def _after_preposition(word: str, protected: frozenset[str]) -> str:
    """Strip one ب/ل (3-letter stem must remain) or ك (4 letters) from an article-less word."""
    core = strip_suffixes(word)
    kept = _protected_base(word, core, protected)
    if kept is not None:
        return kept
    first = word[0]
    if len(word) < 4 or first not in "بكل":
        return core
    rest = strip_suffixes(word[1:])
    return rest if _long_enough(rest, 4 if first == "ك" else 3) else core


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Light stem of a match-form word (see the module docstring for the rules)."""
    return _stem(word, _PROTECTED)


@lru_cache(maxsize=100_000)
def hand_stem(word: str) -> str:
    """:func:`stem` with the hand-written protected words alone, not the learnt ones: what
    the words are learnt from, and the entity tagger's stem feature (its development
    score fell with the learnt words, 74.6 → 73.4)."""
    return _stem(word, _HAND_PROTECTED)


def _stem(word: str, protected: frozenset[str]) -> str:
    if len(word) < 3 or not _is_arabic_start(word):
        return word
    exception = _EXCEPTIONS.get(word)
    if exception is not None:
        return exception
    core = strip_suffixes(word)
    kept = _protected_base(word, core, protected)
    if kept is not None:
        return kept
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            if prefix.endswith("لل"):
                # ل + ال before a stem that begins with ل writes one ل less (للجنة is
                # ل + اللجنة), as does ل before a name (للبنان): a protected stem is whole
                rest = word[len(prefix) - 1 :]
                kept = _protected_base(rest, strip_suffixes(rest), protected)
                if kept is not None and kept not in _AFTER_LL:
                    return kept
            return strip_suffixes(word[len(prefix) :])
    first = word[0]
    if first in "وف":
        rest = word[1:]
        exception = _EXCEPTIONS.get(rest)
        if exception is not None:
            return exception
        rest_stem = _after_preposition(rest, protected)
        if _long_enough(rest_stem, 3 if first == "و" else 4):
            return rest_stem
        return core
    if first in "بكل":
        return _after_preposition(word, protected)
    return core
