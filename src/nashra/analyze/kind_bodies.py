"""Courts, prosecutions, ministries and offices named by their kind and their field
(محكمة أمن الدولة، المحكمة الكبرى الجنائية الأولى، نيابة الجرائم المالية وغسل الأموال،
وزارة الطاقة والنفط، إدارة مكافحة المخدرات، مرصد الأزهر لمكافحة التطرف): ordinary words
the tagger mostly leaves untagged.

A name is the kind word and what the grammar of a name lets follow it: nouns in a
construct chain up to a definite one (أمن الدولة، مكافحة المخدرات), then adjectives
(الجنائية، العليا، الأولى) and more definite nouns joined by و (الكهرباء والماء، الطاقة
والنفط); after a definite kind word, adjectives only (المحكمة الاتحادية العليا). It
stops at a preposition, a verb, a number, a stop, a time word or another mention, and
takes only what no mention covers but a nisba of its country at its end (وزارة الطاقة
والنفط الموريتانية). A state's body named without its country is keyed as the body of
the article's country, as :mod:`nashra.analyze.national` does for the common ones.
"""

from __future__ import annotations

from functools import cache, partial
from itertools import compress, count

from nashra.analyze.bodies import proclitic_length
from nashra.analyze.lexicon import TIME_ADJECTIVES, mf_set
from nashra.analyze.mention import Mention, display_name, mention_key
from nashra.analyze.national import CO_PORTFOLIOS, national_key
from nashra.analyze.ner.features import clusters
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts
from nashra.text import is_stopword

__all__ = ["kind_bodies"]

# kinds of a body of the state, with their gender (for the nisba of the country)
_STATE_KINDS = {
    "محكمه": "f",
    "نيابه": "f",
    "مديريه": "f",
    "مصلحه": "f",
    "رءاسه": "f",
    "وزاره": "f",
    "اداره": "f",
    "دايره": "f",
    "هيءه": "f",
    "جهاز": "m",
}
# kinds of a body of its own (no country's): councils of scholars, observatories,
# associations, colleges, parties (حزب المحافظين، الحزب الاشتراكي الديمقراطي)
_OWN_KINDS = mf_set("مجمع مرصد جمعية كلية نقابة غرفة لجنة حزب")
# kinds whose field may go on with ل (جمعية الأمل للتنمية الريفية، مرصد الأزهر لمكافحة التطرف)
_FIELD_KINDS = mf_set("مرصد جمعية نقابة لجنة")
# kinds that are also a doing (إدارة الأزمة "the running of", برئاسة فلان "chaired by"):
# a body only before these words
_ONLY_BEFORE = {
    "اداره": mf_set("مكافحة شؤون"),
    "رءاسه": mf_set("الجمهورية الوزراء الحكومة الأركان"),
    # مصلحة is also "the interest of" (مصلحة الوطن)
    "مصلحه": mf_set("الجمارك الضرائب الزكاة الأرصاد الطب السجون الأحوال الضمان الهجرة"),
    # a Yemeni مديرية is also a district (مديرية التواهي)
    # جهاز is also a device (جهاز الكمبيوتر), غرفة a room
    "جهاز": mf_set(
        "المخابرات الاستخبارات الأمن أمن حماية الرقابة المحاسبات الإحصاء تنظيم مكافحة "
        "الشرطة التعبئة قطر أبوظبي الكويت الإسعاف الردع"
    ),
    "غرفه": mf_set("تجارة التجارة صناعة"),
    # a committee is named by its field, not its task (لجنة التحقيق، لجنة الخبراء)
    "لجنه": mf_set(
        "السياسة الرقابة الخدمات الانضباط الخطة المال الشؤون الإسكان حماية التراث الأخلاقيات "
        "الاستثمار الطاقة الصحة التعليم الدفاع الأمن الخارجية العلاقات الإعلام الثقافة "
        "الاقتصاد الزراعة البيئة الحقوق الحريات الموازنة النزاهة الانتخابات"
    ),
    "مديريه": mf_set(
        "الأمن أمن الدفاع الشؤون التربية الصحة الزراعة الأوقاف الحكم الآثار الثقافة "
        "المياه الأحوال الجوازات المرور الشرطة الإعلام الأشغال"
    ),
}
# هيئة is also a panel or a staff (هيئة التدريس، هيئة المحكمة، هيئة الدفاع)
_NOT_AFTER_AUTHORITY = mf_set(
    "التدريس المحكمة الدفاع أعضاء الأفراد الرسوم المستشارين المحلفين التحكيم"
)
# adjectives that describe, not name (الوزارة الرئيسية، المحكمة الجديدة)
_DESCRIBING = mf_set(
    "الرئيسية الجديدة الحالية السابقة المعنية المختلفة المحلية الأخرى السياسي الرئيسي الحالي "
    "السابق المعارض الحاكم"
)
# bodies of their own, not a second field (رئاسة الجمهورية والحكومة)
_OTHER_BODIES = mf_set(
    "والحكومة والوزارة والهيئة والمحكمة والنيابة والجهاز والمجلس والبرلمان والمخابرات "
    "والاستخبارات والجيش والشرطة"
)
# after a definite kind word, the adjectives that make it a name (المحكمة الجنائية الدولية)
_RANKS = mf_set(
    "العليا الأعلى الكبرى الأولى الثانية الثالثة العامة الابتدائية الاستئنافية الخاصة "
    "المتخصصة المختصة المستقلة الموحدة المشتركة"
)
# …and after a noun in construct, whose adjectives they may be (مديرية الأمن العام)
_NOUN_RANKS = _RANKS | mf_set("العام الأعلى الأول الثاني")
_MASCULINE_KINDS = mf_set("مجمع مرصد جهاز حزب")
# second fields of one body, after an adjective (وزارة الموارد البشرية والتوطين)
_SECOND_FIELDS = CO_PORTFOLIOS | mf_set("والتوطين والري والجيوفيزياء والمساحة والتعدين")
_TODAY = mf_set("اليوم أمس الليلة غدا")
_PARTY = "حزب"
# a party's name takes these adjectives (الحزب الاشتراكي الديمقراطي), not those that only
# describe it (الحزب اليساري، الحزب الكردي، حزب الأغلبية الفعلي)
_PARTY_ADJECTIVES = mf_set(
    "الجمهوري الديمقراطي الديموقراطي الاشتراكي الشيوعي الليبرالي الوطني القومي التقدمي "
    "الدستوري الاتحادي الشعبي المسيحي الإسلامي العمالي الديمقراطية الجمهورية"
)
# what a party is said to be, not named (حزب السلطة، حزب الأغلبية)
_NOT_PARTY_NAMES = mf_set("السلطة الأغلبية الأكثرية الطبقات الحكومة الرئيس المعارضة الدولة أقصى")
_MAX_WORDS = 8  # of a name after its kind word


def kind_bodies(text: str, mentions: list[Mention]) -> None:
    """Add the bodies named by their kind (see the module's doc) that no mention covers;
    ``mentions`` in text order."""
    toks, _ = tokens_and_starts(text)
    forms, stripped = token_forms(text)
    written = _written_kinds()
    # (the few tokens that are kind words, found in C)
    heads = {i: written[forms[i]] for i in compress(count(), map(written.__contains__, forms))}
    if not heads:
        return
    kinds = list(heads)
    stripped = [heads.get(i, s) for i, s in enumerate(stripped)]  # (وزارة is no و + زارة)
    covered = sorted(((m.start, m.end, m) for m in mentions), key=lambda c: c[:2])
    home = cache(partial(national_key, text, mentions))
    found: list[Mention] = []
    for i in kinds:
        end = _name_end(i, toks, forms, stripped, covered)
        if end <= i + 1 or stripped[i].startswith("ال") and _only_nisba(i, end, covered, toks):
            continue  # (الرئاسة التركية: Turkey acting, as the annotated passages have it)
        word, s, _e = toks[i]
        head = stripped[i]
        a = s + proclitic_length(word, forms[i], head)
        b = toks[end - 1][2]
        if any(
            cs < b and a < ce and m.via != "nisba" and not (m.type == "LOC" and a < cs and ce == b)
            for cs, ce, m in covered
        ):
            continue  # (but a place that ends the name is the name's: غرفة تجارة حلب)
        bare = text[a:b]
        key = mention_key(bare)
        display = display_name(bare, key)
        kind = head.removeprefix("ال")
        # (its country's nisba, or a place of its own: هيئة تطوير منطقة عسير)
        nisba = any(
            (m.via == "nisba" or m.type == "LOC") and a <= cs and ce <= b for cs, ce, m in covered
        )
        if kind in _STATE_KINDS and not nisba and not _placed(end, toks, forms, covered):
            keyed = home()(key, display, _STATE_KINDS[kind] == "f")
            if keyed is None:
                continue  # (every state has one: not without the country it is of)
            key, display = keyed
        found.append(Mention(bare, "ORG", a, b, display, key, "name"))
    if found:
        spans = [(m.start, m.end) for m in found]
        # (a nisba the name takes in is the name's now)
        mentions[:] = [
            m
            for m in mentions
            if not (
                (m.via == "nisba" or m.type == "LOC")
                and any(
                    a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in spans
                )
            )
        ]
        mentions.extend(found)
        mentions.sort(key=lambda m: (m.start, -m.end))


@cache
def _written_kinds() -> dict[str, str]:
    """Every written form of a kind word (match forms, with or without the article, behind
    any proclitic) → the word with its article if it has one, without the proclitic."""
    out: dict[str, str] = {}
    for kind in (*_STATE_KINDS, *_OWN_KINDS):
        for head in (kind, "ال" + kind):
            for p in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
                if not (p.endswith("ل") and head.startswith("ال")):
                    out[p + head] = head
        for p in ("لل", "ولل", "فلل"):  # للمحكمة: the article merged into ل
            out[p + kind] = "ال" + kind
    return out


def _kind(form: str, core: str) -> str:
    """The kind word a token is, with its article and without a proclitic, or ""."""
    written = _written_kinds()
    return written.get(form) or written.get(core, "")


def _name_end(
    i: int,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    stripped: list[str],
    covered: list[tuple[int, int, Mention]],
) -> int:
    """The token after the last word of the name whose kind word is at ``i`` (``i + 1``
    when none follows that makes it one)."""
    head = stripped[i]
    definite = head.startswith("ال")
    kind = head.removeprefix("ال")
    if kind in _ONLY_BEFORE and (
        definite or i + 1 >= len(forms) or forms[i + 1] not in _ONLY_BEFORE[kind]
    ):
        return i + 1
    if kind == "هيءه" and i + 1 < len(forms) and forms[i + 1] in _NOT_AFTER_AUTHORITY:
        return i + 1
    closed = definite  # a definite word ends the construct chain
    feminine = kind not in _MASCULINE_KINDS
    described = False  # an adjective came after the definite noun
    adjectives_only = definite
    end = i + 1
    for j in range(i + 1, min(len(toks), i + 1 + _MAX_WORDS)):
        word, s, e = toks[j]
        f = forms[j]
        if (
            not word[0].isalpha()
            or is_stopword(f)
            or f in _TODAY
            or f in TIME_ADJECTIVES
            or f in _DESCRIBING
        ):
            break
        if f in _OTHER_BODIES:
            break  # وزارة الداخلية والهيئة العامة للبيئة: another body begins
        if _kind(f, stripped[j]):
            break  # وزارة النفط ووزارة الثروات الطبيعية: another body begins
        inside = next((m for cs, ce, m in covered if cs < e and s < ce), None)
        if inside is not None:
            if inside.via == "nisba" and closed:
                end = j + 1  # وزارة الطاقة والنفط الموريتانية: its country, and the end
            elif not closed and j > i + 1 and inside.type == "LOC" and inside.start == s:
                # غرفة تجارة حلب، محكمة جنايات القاهرة: a place ends the construct chain
                end = next((k + 1 for k in range(j, len(toks)) if toks[k][2] >= inside.end), j)
            break
        if adjectives_only:
            if f.startswith("لل") and kind in _FIELD_KINDS and j > i + 1:
                adjectives_only = False  # النقابة الوطنية للتعليم: its field after all
                end = j + 1
                continue
            if (
                kind == _PARTY
                and f not in _PARTY_ADJECTIVES
                or not (f in _RANKS or _adjective(f, feminine))
            ):
                break
            end = j + 1
            continue
        if f.startswith("ال"):
            if kind == _PARTY and (
                f in _NOT_PARTY_NAMES
                or closed
                and f not in _PARTY_ADJECTIVES
                and not (forms[j - 1].endswith("ه") and _adjective(f, True))
            ):
                # حزب الشعب الجمهوري، حزب الحركة القومية (the noun's adjective); not
                # حزب السلطة, nor حزب المحافظين البريطاني (the party's country)
                break
            if closed and not _adjective(f) and f not in _NOUN_RANKS:
                # (أيدت المحكمة العليا الحكم: the object; وزارة الداخلية المسدسات
                # اللعبة: a name that may go on, which is not guessed)
                nxt = forms[j + 1] if j + 1 < len(forms) else ""
                if nxt.startswith("ال") and not _adjective(nxt):
                    return i + 1
                break
            described = closed and j > i + 1 and forms[j - 1].startswith("ال")
            closed = True
            end = j + 1
        elif f.startswith("وال") and closed and (not described or f in _SECOND_FIELDS):
            end = j + 1  # الكهرباء والماء (not الرقابة الإدارية والجهاز: another body)
        elif f.startswith("وال") and closed and _adjective(f[1:]):
            end = j + 1  # الشؤون الدستورية والتشريعية: a second adjective
        elif f.startswith("و") and closed and len(f) > 3:
            closed = False  # وغسل الأموال: another noun in construct
        elif f.startswith("لل") and closed and kind in _FIELD_KINDS:
            end = j + 1  # للتنمية الريفية
        elif f.startswith("ل") and closed and kind in _FIELD_KINDS and len(f) > 4:
            closed = False  # لمكافحة التطرف
        elif (
            not closed
            and (
                j == i + 1
                # هيئة تطوير منطقة عسير: a second noun in construct before a place
                or j == i + 2
                and j + 1 < len(toks)
                and any(m.type == "LOC" and cs == toks[j + 1][1] for cs, _ce, m in covered)
            )
            and not _behind_preposition(f)
            and not _preposition(f)
            and not (kind == _PARTY and f in _NOT_PARTY_NAMES)  # حزب أقصى اليمين
        ):
            continue  # محكمة أمن الدولة: a noun in construct (not نيابة عنهم: "for them")
        else:
            break
    return end


_PREPOSITIONS = ("عن", "علي", "من", "في")
_PRONOUN_ENDS = frozenset(("", "ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك"))


def _behind_preposition(form: str) -> bool:
    """ل or ب before a word (لمكافحة، بمحافظة), not a word that begins with the letter
    (بوابة): the rest is a word the corpus knows."""
    return form[:1] in ("ل", "ب") and (form[1:] in clusters() or form[1:].startswith(("ال", "ل")))


def _preposition(form: str) -> bool:
    """A preposition, alone or with a pronoun (عنهم، فيها; not منطقة، منظمة)."""
    return any(form.startswith(p) and form[len(p) :] in _PRONOUN_ENDS for p in _PREPOSITIONS)


def _adjective(form: str, feminine: bool = False) -> bool:
    """A definite adjective of relation (الجنائية، الاتحادية، الإسلامية), feminine after
    a feminine kind word (not الأهالي after الوزارة)."""
    return (
        form.startswith("ال") and form.endswith("يه" if feminine else ("ي", "يه")) and len(form) > 4
    )


def _only_nisba(
    i: int, end: int, covered: list[tuple[int, int, Mention]], toks: list[tuple[str, int, int]]
) -> bool:
    """Whether the words after the kind word at ``i`` are a country's nisba alone."""
    return all(
        any(cs < toks[j][2] and toks[j][1] < ce and m.via == "nisba" for cs, ce, m in covered)
        for j in range(i + 1, end)
    )


def _placed(
    end: int,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    covered: list[tuple[int, int, Mention]],
) -> bool:
    """Whether a place follows the name (هيئة الصحة بدبي، وزارة الصحة في غزة): the body is
    that place's, not the article's country's."""
    j = end + (end < len(forms) and forms[end] == "في")
    return j < len(toks) and any(
        cs < toks[j][2] and toks[j][1] < ce and m.type == "LOC" for cs, ce, m in covered
    )
