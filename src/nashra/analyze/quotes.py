"""Rule-based quote extraction with speaker resolution.

Direct quotes are spans inside « », “ ” or ASCII " " (the outermost pair: nested marks
stay inside; a quote may span sentences but not paragraphs). Marks around a short name
(«نيويورك تايمز», an operation, a title) are not quotes: a quote needs a speech cue
(a verb, a participle, a colon, بحسب…) next to it, or at least five words.

Indirect quotes are clauses introduced by a speech verb and أن/إن/بأن (with the subject
in between: "وقال بيسكوف إن…"), a participle (مشدداً على أن…), or a source phrase
(بحسب X، وفقاً لـ X، نقلاً عن X, جاء في بيان لـ X).

Speaker: the named subject after the verb (Arabic verb–subject order), or the entity just
before it after أن/إن (subject–verb); a verb with only a pronoun subject (وأكد أن…) takes
the previous quote's speaker, else the nearest person before it. When a reporter's clause
contains another speaker's cue (ذكرت الرئاسة التركية أن إردوغان شدد على «…»), the quote
belongs to the inner speaker and the reporter becomes ``via``. "نقلت X عن Y" gives Y, via X.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import compress, count, takewhile
from operator import or_

from nashra.analyze import given_names
from nashra.analyze.bodies import BODY_OF
from nashra.analyze.entities import known_person
from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.gender import cue_gender, name_gender, title_gender
from nashra.analyze.interviews import interview_answers
from nashra.analyze.lexicon import (
    NEWS_AGENCIES,
    ORG_CUES,
    REPORT_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TIME_ADJECTIVES,
    cached_match_form,
    mf_set,
    strip_clitics,
)
from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.analyze.mention import Mention
from nashra.analyze.ner.features import clusters
from nashra.analyze.ner.tagger import (
    scan_tokens,
    token_forms,
    token_range,
    tokens_and_starts,
)
from nashra.text import is_stopword, match_form

__all__ = ["Quote", "find_quotes"]


@dataclass
class Quote:
    text: str
    speaker: str  # canonical display name (or the words naming the source); "" if unknown
    speaker_key: str
    speaker_type: str  # PERS | ORG | LOC | MISC | "" (not a recognised entity)
    via: str  # the reporter when the words are another's
    cue: str  # the cue word(s) as written
    kind: str  # direct | indirect
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_key": self.speaker_key,
            "speaker_type": self.speaker_type,
            "via": self.via,
            "cue": self.cue,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


# سأل صحافي: «…؟» (asked; whom after it: see _CALLING_VERBS), a cue only as written with
# its hamza (سال is "flowed" and a name: ماكي سال), never a verb that ends a name
_ASKED = mf_set("سأل سألت")
# past forms with a bare alif whose match form is also the first person's (أستبعد، أعتبر)
_FIRST_PERSON_ALIKE = mf_set("استبعد اعتبر استدرك استطرد")
_RELATIVES = mf_set("الذي التي الذين اللذين اللتين اللواتي")
_OPINION = mf_set("رأى رأت يرى ترى اعتبر اعتبرت يعتبر تعتبر")
_VERBS = mf_set(SPEECH_VERBS) | _ASKED
_PARTICIPLES = mf_set(SPEECH_PARTICIPLES)
_REPORT = mf_set(REPORT_NOUNS)
_COMP = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "انهم", "بانهم", "اننا"})
_SOURCE = frozenset(
    {"بحسب", "حسب", "وبحسب", "وحسب", "وفقا", "ووفقا", "طبقا", "نقلا", "ونقلا", "حسبما", "وحسبما"}
)
_ACCORDING = frozenset({"بحسب", "حسب", "وفق", "وفقا", "طبقا"})  # «، وفق البيان،» aside
_TRANSMIT_VERBS = mf_set("نقل نقلت")
# unnamed sources: "مصادر «الوطن»" speaks, not the paper named after it
_SOURCE_NOUNS = mf_set("مصادر المصادر مصدر المصدر تقارير التقارير")
_RELAYING = mf_set("نقلا ونقلا")  # inside a verb's subject: the words are another's
# words before «…» that make it a name, not a quote
_NAME_CUES = mf_set(
    "صحيفة صحيفتي جريدة مجلة وكالة قناة موقع إذاعة راديو تلفزيون محطة برنامج فيلم كتاب رواية عملية عمليات حملة مبادرة "
    "مسلسل أغنية مؤتمر منتدى مهرجان شركة حزب حركة جماعة تنظيم ألبوم مشروع خطة مبادرة نشرة "
    "مسرحية قصيدة شعار وسم هاشتاغ تطبيق منصة جائزة جوائز مسابقة لقب وسام معرض ملتقى بطولة كأس "
    "اسم عنوان بعنوان "
    # what is written on a banner or a sign: كُتب عليها «…»، لافتة «…»
    "عليها عليه لافتة لافتات يافطة "
    # so-called: ما يسمى «…»، ما يعرف «…»، ما أسماه «…»
    "يسمى تسمى سمي سميت المسمى المسماة يعرف تعرف المعروف المعروفة أسماه أسمته سماه سمته "
    # bodies: منظمة «لجنة العدالة»، نادي «…»
    "منظمة هيئة جمعية مؤسسة لجنة اتحاد نادي فرقة مجموعة جبهة ائتلاف تحالف تيار كتلة شبكة "
    "مركز معهد دار بنك مصرف "
    # laws and rules: مشروع قانون «…»، لائحة «…»
    "قانون لائحة نظام اتفاقية "
    "خدمة "  # the syndication credit line: خدمة «نيويورك تايمز»
    "مراسل مراسلة مراسلي"  # whom one told: لمراسل «السومرية نيوز»
)
# places and institutions named in marks after their noun, taken only without the
# article (بجامعة «…», not في الملعب «…», where a crowd's words follow)
_PLACE_CUES = mf_set(
    "جامعة كلية مدرسة أكاديمية مستشفى متحف فندق مجمع مكتبة مسجد ملعب قاعة مسرح مطعم مقهى "
    "سفينة مخيم منطقة حي شارع مدينة قرية ميدان ساحة برج"
)
_NOUN_PARTICIPLES = mf_set("متابعة")  # also "the follow-up"
# participles that are adjectives too (كان متوقعاً): cues only after a comma
_ADJECTIVE_PARTICIPLES = mf_set("متوقعا متوقعة مطالبا مطالبة")  # (الحكومة مطالبة بـ: "must")
# (with و: a verb of two letters keeps it when clitics are stripped: ورد "replied")
# ل + an imperfect: وعاد فلان ليؤكد أن … (the verb of purpose reports speech too)
_PURPOSE_VERBS = frozenset("ل" + w for w in _VERBS if w[:1] in ("ي", "ت"))
_RETURNED = mf_set("عاد عادت")  # (its subject before it: ممثل النيابة عاد ليؤكد)
_CUE_FORMS = (
    _VERBS
    | _PARTICIPLES
    | _SOURCE
    | {"و" + w for w in _VERBS}
    | {"ف" + w for w in _VERBS if len(w) == 2}  # فرد رئيس المحكمة: (رد keeps its ف)
    | _PURPOSE_VERBS
)
_WAS_MENTIONED = mf_set("في أن أنه عن إلى من على")  # after ورد (وَرَد), not ورد (رَدّ)
_CUE_STRIPPED = _CUE_FORMS | {"جاء"}  # a proclitic-free form that may be a cue (جاء في بيان)
# passive-looking imperfects that, followed at once by أن, are the writer's formula
# (يذكر أن / يُذكر أن "it is worth noting that"), not a speech verb with a pronoun subject
_IMPERSONAL = mf_set("يذكر يشار")
_PRONOUNS_BEFORE_NOUN = mf_set("هو هي وهو وهي")
_NOUN_LIKE_VERBS = mf_set("طالب طالبة")  # (طالب: a student, or "he demanded")
# روى "narrated", as written: its match form روي is the name Rui
_NARRATED = frozenset(("روى", "وروى", "فروى"))
_FORECASTS = mf_set("توقع")  # also the noun "expectation"
_BEFORE_NOUN = mf_set("مع في على عن من بعد قبل رغم وسط")
_NEGATING_NOUNS = mf_set("عدم دون")  # عدم ذكر، دون ذكر: the verb's noun, no speech
_OPEN = {"«": "»", "“": "”", '"': '"'}
# (an outlet after لـ may stand in brackets too: وقالت لـ(وات) إنها)
_OPEN_OR_BRACKET = {**_OPEN, "(": ")"}
_MIN_BARE_WORDS = 5
_QUOTE_MARKS = '«»“”"'


@dataclass
class _Cue:
    idx: int  # token index in the sentence
    form: str
    text: str
    kind: str  # verb | participle | source
    speaker: Mention | None = None
    speaker_text: str = ""
    comp: int = -1  # token index of أن/إن/: or the quote mark
    comp_kind: str = ""  # that | colon | mark
    via: str = ""
    reported_by: _Cue | None = None  # the cue whose quote this one's words are nested in
    outlet_from: int = -1  # where an outlet may be named (after a title's body in marks)


_OPENER = re.compile('[«“"]')
_AFTER_CLOSER = re.compile(r"[ \t]*[.،,:؛!؟]")
# What ends or nests a quote that opened with the key: its closer, the opener again (for
# « and “), or a paragraph break.
_INNER = {
    c: re.compile("|".join(map(re.escape, {closer, c, "\n\n"}))) for c, closer in _OPEN.items()
}


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) character indices of outermost quotation pairs within paragraphs."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    found = _OPENER.search(text)
    while found is not None:
        i = found.start()
        c = text[i]
        if c == '"' and (_AFTER_CLOSER.match(text, i + 1) or _closes(text, i)):
            # «…"، قال» / «…". وأضاف»: a mark followed by punctuation closes; left over
            # from a pair the text never opened, it would pair with the next opener
            found = _OPENER.search(text, i + 1)
            continue
        closer = _OPEN[c]
        inner = _INNER[c]
        depth, j = 1, i + 1
        while True:
            hit = inner.search(text, j)
            if hit is None:
                j = n
                break
            d = hit.group()
            if d == "\n\n":
                j = hit.start()
                break
            if c != '"' and d == c:
                depth += 1
            else:  # the closer
                depth -= 1
                if depth == 0:
                    j = hit.start()
                    break
            j = hit.end()
        if j < n and text[j] == closer and j > i + 1:
            spans.append((i, j))
            found = _OPENER.search(text, j + 1)
        else:
            found = _OPENER.search(text, i + 1)
    return spans


_SUBJECT_NAME_WORDS = 3  # at most, in marks
_CLAUSE_AFTER_NAME = 3  # at least, after them before a punctuation mark
_PUNCTUATION = re.compile(r"[.،,:؛;!؟\n]")


def _subject_in_marks(text: str, a: int, b: int, s_end: int) -> bool:
    """Whether the marks at ``a`` … ``b`` right after أن hold a name that the clause goes
    on from (أن «أسود الأطلس» جاهزون لمواجهة …), not the words quoted."""
    if _words(text[a + 1 : b]) > _SUBJECT_NAME_WORDS:
        return False
    stop = _PUNCTUATION.search(text, b + 1, s_end)
    return _words(text[b + 1 : stop.start() if stop else s_end]) >= _CLAUSE_AFTER_NAME


def _closes(text: str, i: int) -> bool:
    """Whether the ASCII mark at ``i`` sits as a closer does: on the end of a word
    (ناجح" وأضاف), not before one (قال "الأرباح)."""
    return (
        i > 0
        and not text[i - 1].isspace()
        and text[i - 1] not in '(:«“"'
        and (i + 1 == len(text) or text[i + 1].isspace())
    )


def _words(text: str) -> int:
    """Words between spaces that hold a letter or a digit (النورس-2 is one)."""
    return sum(1 for w in text.split() if any(map(str.isalnum, w)))


def find_quotes(text: str, mentions: list[Mention]) -> list[Quote]:
    """Quotes in ``text`` given its linked entity mentions (offsets index ``text``)."""
    quotes: list[Quote] = []
    direct = _direct_spans(text)
    sentences = split_sentences(text)
    ments = sorted(mentions, key=lambda m: m.start)
    last_speaker: list[Quote] = []

    m_starts = [m.start for m in ments]

    def mention_in(s: int, e: int) -> list[Mention]:
        i = bisect_left(m_starts, s)
        j = bisect_left(m_starts, e)
        return [m for m in ments[i:j] if m.end <= e]

    # sentences grouped with the direct quotes that start in them
    used_direct: set[tuple[int, int]] = set()
    narrated = "روى" in text
    all_toks = tokens_and_starts(text)[0]
    all_forms, all_stripped = token_forms(text)
    if "مام" in text:
        all_forms = _imams_apart(all_toks, all_forms)
    explained = _bayyana(all_toks, all_forms)
    last_span = (0, 0)
    for s_start, s_end in sentences:
        prev_span, last_span = last_span, (s_start, s_end)
        i, j = token_range(text, s_start, s_end)
        t0, t1 = i, j
        toks = all_toks[i:j]
        forms, stripped = all_forms[i:j], all_stripped[i:j]
        cues: list[_Cue] = []
        # the few words that can be cues, found in C
        maybe = map(
            or_, map(_CUE_STRIPPED.__contains__, stripped), map(_CUE_FORMS.__contains__, forms)
        )
        for i in compress(range(len(toks)), maybe):
            f = forms[i]
            sf = f[1:] if f in _PURPOSE_VERBS else _unjoined(f, stripped[i])
            if sf == f and f[:1] == "و" and f[1:] in _VERBS:
                if i + 1 < len(toks) and forms[i + 1] in _WAS_MENTIONED:
                    continue  # ورد في التقرير / ورد أنه: "was mentioned", no reply
                sf = f[1:]  # ورد "replied": stripping leaves no word of two letters
            elif sf == f and f[:1] == "ف" and f[1:] in _VERBS:
                if i and toks[i - 1][0] not in ".،,:؛\n":
                    continue  # كل فرد من الأسرة: "a person"
                sf = f[1:]  # فرد رئيس المحكمة: "and replied", at a clause's start
            if _inside(direct, toks[i][1]):
                continue
            if sf in _IMPERSONAL and i + 1 < len(toks) and forms[i + 1] in _COMP:
                continue  # ويذكر أن …: the writer's background note, nobody's words
            if i and forms[i - 1] in _NEGATING_NOUNS:
                continue  # فضل عدم ذكر اسمه: a verbal noun, not the verb
            if f in _FORECASTS and i and forms[i - 1] in _BEFORE_NOUN:
                continue  # مع توقع أن: "the expectation", a noun
            if i and forms[i - 1] in _PRONOUNS_BEFORE_NOUN and f in _NOUN_LIKE_VERBS:
                continue  # وهو طالب أدب عربي: a student, not "demanded"
            if f in _NOUN_LIKE_VERBS and i + 1 < len(forms) and forms[i + 1] in ("في", "من"):
                continue  # والدة طالب في القسم العلمي: a student (the verb takes بـ or its object)
            if sf == "بينت" == f and i and any(m.end == toks[i - 1][2] for m in ments):
                continue  # نفتالي بينت: a family name
            if sf in _ASKED and "أ" not in toks[i][0]:
                continue  # سأل only with its hamza: سال is "flowed" and a name (ماكي سال)
            if sf in _FIRST_PERSON_ALIKE and toks[i][0].lstrip("وف").startswith("أ"):
                continue  # لا أستبعد أن، أعتبر أن: the writer's own "I", not اِستبعد
            if f in _PURPOSE_VERBS and not (
                i
                and any(m.end == toks[i - 1][2] and m.type in _SPEAKING for m in ments)
                or i > 1
                and forms[i - 1] in _RETURNED  # ممثل النيابة عاد ليؤكد أن
            ):
                continue  # ستفعل أي شيء لتؤكد لحلفائها: only عاد فلان ليؤكد reports
            if sf in _VERBS or f in _VERBS:
                cues.append(_Cue(i, f, toks[i][0], "verb"))
            elif sf in _PARTICIPLES or f in _PARTICIPLES:
                if sf in _NOUN_PARTICIPLES and f == sf and i and toks[i - 1][0][0].isalnum():
                    continue  # لجنة متابعة الأسعار: a noun
                if sf in _ADJECTIVE_PARTICIPLES and not (i and toks[i - 1][0] in "،,"):
                    continue  # كان القرار متوقعاً: an adjective
                cues.append(_Cue(i, f, toks[i][0], "participle"))
            elif (
                f in _SOURCE
                or sf in _SOURCE
                or sf == "جاء"
                and i + 2 < len(toks)
                and forms[i + 1] == "في"
                and (stripped[i + 2] in _REPORT or forms[i + 2] in _REPORT)  # بيان, not ب+يان
            ):
                cues.append(_Cue(i, f, toks[i][0], "source"))
        if explained:
            cues.extend(
                _Cue(k - t0, forms[k - t0], toks[k - t0][0], "verb")
                for k in explained
                if t0 <= k < t1
            )
            cues.sort(key=lambda c: c.idx)
        if narrated:
            cues.extend(
                _Cue(i, forms[i], toks[i][0], "verb")
                for i in range(len(toks))
                if toks[i][0] in _NARRATED and not _inside(direct, toks[i][1])
            )
            cues.sort(key=lambda c: c.idx)
        for cue in cues:
            _complement(cue, toks, forms, direct, text)
            _subject(cue, toks, forms, mention_in, text)
            if cue.kind != "source" and not cue.via and cue.comp > cue.idx + 1:
                # قال لـ«الخليج اليوم» إن، مضيفاً في حوار مع «الشرق الأوسط» أنه: the outlet
                # reports the words, whoever the subject turned out to be
                cue.via = _outlet(toks, forms, max(cue.idx + 1, cue.outlet_from), cue.comp)
        # resolve in order
        prev_in_sentence: _Cue | None = None
        sentence_quotes: list[Quote] = []
        # participles with no cue before them in the sentence: «…»، قالت فلانة، مضيفة أن
        # goes on the words of the quote before it, found after the cues
        openers: list[tuple[Quote, int]] = []
        for k, cue in enumerate(cues):
            if cue.comp < 0 and cue.kind != "source":
                continue
            if cue.kind == "source":
                if any(c.kind == "verb" and c.idx < cue.idx < c.comp for c in cues):
                    continue  # نقلاً عن inside a verb's subject: the verb's quote (via)
                verb = next(
                    (
                        c
                        for c in cues
                        if c.kind == "verb" and c.comp >= 0 and cue.idx < c.idx <= cue.idx + 12
                    ),
                    None,
                )
                if (
                    verb is not None
                    and not verb.via
                    and cue.idx < 2
                    and (verb.idx <= cue.idx + 6 or toks[verb.idx - 1][0] in "،,")
                ):
                    # (a longer one only when it ends right before the verb: وبحسب ما
                    # أوردته مجلة «…»، قال مسؤول إن)
                    # ووفقاً لـ«رويترز»، قالت الرابطة إن …: the agency relays the verb's quote
                    verb.via = _source_name(text, toks[cue.idx + 1 : verb.idx])
                    continue
                if _relays_the_last(cue, toks, text, sentence_quotes):
                    continue
                q = _source_quote(
                    cue, toks, text, s_start, s_end, direct, sentence_quotes, ments, used_direct
                )
                if q:
                    sentence_quotes.append(q)
                continue
            # the speaker
            speaker, stext = cue.speaker, cue.speaker_text
            if speaker is None and not stext:
                if (
                    cue.kind == "participle"
                    and prev_in_sentence is not None
                    and (prev_in_sentence.speaker or prev_in_sentence.speaker_text)
                ):
                    speaker, stext = prev_in_sentence.speaker, prev_in_sentence.speaker_text
                    cue.via = cue.via or prev_in_sentence.via  # (to the same outlet)
                elif cue.kind == "participle" and (
                    opening := _opening_person(
                        cue, mention_in(s_start, toks[cue.idx][1]), text, ments
                    )
                ):
                    # أشاد مدرب الدحيل فلان بلاعبيه، مؤكداً أن …: the clause's subject,
                    # not the previous speaker — unless the name stood in the words
                    # reported before it (وأشار إلى أن اللاعب فلان سيغيب، لافتاً إلى أن)
                    quoted = next(
                        (
                            q
                            for q in reversed(sentence_quotes)
                            if q.start <= opening.start < q.end and q.speaker
                        ),
                        None,
                    )
                    speaker = _speaker_of(quoted) if quoted is not None else opening
                elif (
                    cue.kind == "verb"
                    and prev_in_sentence is None
                    and not sentence_quotes
                    and (earlier := _earlier_subject(cues[:k], cue, text, ments)) is not None
                ):
                    # وتساءل عضو المجلس فلان عن جدوى البرامج، وقال: «…»: the subject of
                    # the sentence's earlier verb, which quoted nothing
                    speaker = earlier
                elif (
                    cue.kind == "verb"
                    and prev_in_sentence is None
                    and not sentence_quotes
                    and (
                        opening := _opening_person(
                            cue, _opening_names(toks, cue.idx, mention_in), text, ments
                        )
                    )
                ):
                    # وأشادت المدربة فلانة بلاعباتها، وقالت إن …: the person the sentence
                    # opened with (within its first words: the subject of its first verb,
                    # not an object: كما شكر حكومة … الملك سلمان … وأكد), not the one
                    # quoted before
                    speaker = opening
                elif (
                    prev_in_sentence is None
                    and not sentence_quotes
                    and (body := _opening_body(cue, toks, forms, stripped, mention_in))
                ):
                    # بدورها، أعلنت مديرية الأمن العام رفع الجاهزية، وقالت في بيان إن …;
                    # دعت شرطة أبوظبي السائقين إلى …، مؤكدة أن …: the opening verb's
                    # subject, when the cue agrees with that verb
                    if isinstance(body, Mention):
                        speaker = body
                    elif cue.kind == "participle" and title_gender(
                        cached_match_form(body.split()[0])
                    ):
                        # (a title's words up to a preposition: وكشف وزير النقل الأردني فلان عن)
                        stext = _opening_subject(toks, forms, stripped, cue.idx) or body
                    else:
                        stext = body
                    if cue.kind == "participle" and not cue.via:
                        # وتحدث المدرب في حوار مع صحيفة «…» قائلاً: the outlet
                        cue.via = _outlet(toks, forms, 1, cue.idx)
                elif prev_in_sentence is None and (
                    topic := _amma_topic(toks, forms, cue.idx, mention_in)
                ):
                    # أما المتهم، فقد نفى التهم، وقال: «…»: the sentence's topic
                    if isinstance(topic, Mention):
                        speaker = topic
                    else:
                        stext = topic
                elif (
                    cue.idx == 0
                    and cue.kind == "verb"
                    and not sentence_quotes
                    and (
                        opener := _previous_opener(
                            prev_span, cue, text, ments, mention_in, quotes, last_speaker
                        )
                    )
                ):
                    # لكن فلان، وهو صياد …، بدا غير مقتنع. وقال: «…»: the one the sentence
                    # before opened with and quoted nothing, not the one quoted before it
                    speaker = opener
                elif sentence_quotes or last_speaker:
                    # the last speaker the verb agrees with (وأضاف: the minister, not
                    # the ministry quoted after him), else the last one
                    gender = cue_gender(cue.text)
                    prev = last_speaker + sentence_quotes
                    speaker = _antecedent(gender, prev, text, ments)
                    if speaker is None:  # nobody quoted before agrees: a named one who does
                        speaker = _agreeing_mention(gender, toks[cue.idx][1], text, ments)
                    if speaker is None:
                        sq = prev[-1]
                        speaker = _speaker_of(sq)
                    stext = speaker.entity
                    if not cue.via and prev[-1].speaker_key == speaker.key:
                        # وأضافت: the same interview goes on (قالت فلانة لـ«الشرق الأوسط»)
                        cue.via = prev[-1].via
                else:
                    # nobody quoted yet: the nearest person or body, but not one of the
                    # other gender (قالت after التقينا الروائية فلانة … جائزة فلان)
                    speaker = _nearest_agreeing(cue_gender(cue.text), toks[cue.idx][1], text, ments)
                if speaker is None and not stext and cue.kind == "participle":
                    # nobody named before it: the subject of the verb that opens the
                    # sentence (وكشف وزير النقل الأردني …، مضيفاً أن …), a role if no name
                    stext = _opening_subject(toks, forms, stripped, cue.idx)
            if (
                speaker is not None
                and speaker.type == "PERS"
                and " " not in speaker.entity
                and speaker.start >= 0
                and _role_word(cached_match_form(speaker.text))
            ):
                # وقال الخطيب: a role the tagger took for the family name it also is (no
                # one of that name in the article), when someone holds it
                speaker = _role_holder(speaker.text, toks[cue.idx][1], ments, text) or speaker
            if speaker is None and stext:
                pos = toks[cue.idx][1]
                speaker = _definite(stext, pos, ments, quotes + sentence_quotes, text)
                if speaker is None:
                    speaker = _role_holder(stext, pos, ments, text)
                if speaker is None and _unjoined(cue.form) in _GOING_ON:
                    # وأضاف الشاهد: one who goes on is the one quoted last, when the
                    # role alone names him and he agrees with the verb
                    speaker = _going_on(stext, cue, last_speaker + sentence_quotes, text, ments)
                if speaker is None:
                    # وشددت المسؤولة الأممية: a role that names nobody's title here
                    # describes someone quoted before (the UN's representative)
                    speaker = _role_antecedent(
                        stext, cue, last_speaker + sentence_quotes, text, ments
                    )
                if speaker is not None:
                    stext = ""
            # an inner cue with its own subject inside this cue's clause takes the quote
            inner = next(
                (
                    c
                    for c in cues[k + 1 :]
                    if c.kind == "verb"
                    and cue.comp < c.idx
                    and (
                        c.idx <= cue.comp + _INNER_REACH
                        # أن وزير الدولة للشؤون الخارجية السعودي فلان أكد … أن: a long title
                        or c.idx <= cue.comp + _INNER_REACH_NAMED
                        and c.speaker is not None
                        and toks[cue.comp][2] < c.speaker.start
                        and c.speaker.end <= toks[c.idx][1]
                        and c.form[:1] not in ("و", "ف")  # (وقال: a clause of its own)
                        and not any(
                            t[0] in _CLAUSE_BREAKS and not _apposing(t, c.speaker, text)
                            for t in toks[cue.comp : c.idx]
                        )
                    )
                    and c.comp >= 0
                    and (c.speaker or c.speaker_text)
                    # (… ، في حين أكدت الوزيرة أن: the writer's contrast, no reported speech)
                    and not any(
                        toks[j][0] in "،,"
                        and (_contrast_cue(toks, j + 1) or _writers_clause(toks, j + 1))
                        for j in range(cue.comp, c.idx)
                    )
                ),
                None,
            )
            if inner is not None and cue.comp_kind == "that":
                inner.via = _name(speaker, stext)
                inner.reported_by = cue
                prev_in_sentence = cue
                continue
            via = _named_reporter(cue.via, toks[cue.idx][1], ments, text, quotes + sentence_quotes)
            if (
                not via
                and cue.kind == "participle"
                and sentence_quotes
                and speaker is not None
                and sentence_quotes[-1].speaker_key == speaker.key
            ):
                via = sentence_quotes[-1].via  # وقال لـ«شفق نيوز» إن …، مضيفاً أن: the same outlet
            q = _make_quote(cue, toks, text, s_end, direct, speaker, stext, via, used_direct)
            if q:
                sentence_quotes.append(q)
                if q.kind == "direct" and cue.comp_kind == "that":
                    # إن X «…»، وإن Y: the verb's second clause, unmarked
                    later = [toks[c.idx][1] for c in cues[k + 1 :]]
                    second = _second_clause(q, text, min(later, default=s_end), direct)
                    if second is not None:
                        sentence_quotes.append(second)
                if cue.kind == "participle" and prev_in_sentence is None:
                    openers.append((q, toks[cue.idx][1]))
            # (أشار فلان إلى أن الكويت أعلنت أن …، مضيفاً: the reporter goes on)
            prev_in_sentence = cue.reported_by or cue
        # direct quotes starting in this sentence that no cue claimed
        for span in direct:
            if span in used_direct or not (s_start <= span[0] < s_end):
                continue
            q = _quoted_rest(span, text, sentence_quotes)
            if q is None:
                q = _bare_direct(
                    text, span, toks, forms, s_start, sentence_quotes, last_speaker, ments, cues
                )
                if q is not None:
                    _outlet_after_verb(q, span, toks, forms)
            if q:
                used_direct.add(span)
                sentence_quotes.append(q)
                _goes_on_from(q, openers, cues, toks)
        quotes.extend(sentence_quotes)
        last_speaker.extend(q for q in sentence_quotes if q.speaker)
    # an interview's answers are its guest's words, whatever was found inside them
    for answer in interview_answers(text, ments):
        quotes = [q for q in quotes if not (q.start < answer.end and answer.start < q.end)]
        quotes.append(_quote(text, answer.start, answer.end, answer.guest, "", "", "", "direct"))
    # de-duplicate (a direct quote may be reached from two sentences)
    seen: set[tuple[int, int]] = set()
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if (q.start, q.end) in seen or any(o.start <= q.start and q.end <= o.end for o in out):
            continue
        seen.add((q.start, q.end))
        out.append(q)
    _name_roles(out, text, ments)
    _interview_outlets(out, text, sentences, ments)
    _named_outlets(out, text)
    return [part for q in out for part in _split_clauses(q, text)]


def _speaker_of(q: Quote) -> Mention:
    """A quote's speaker as a mention (no offsets), to give another quote."""
    return Mention(q.speaker, q.speaker_type, -1, -1, q.speaker, q.speaker_key)


_MARKS_BALANCE = (("«", "»"), ("“", "”"))


_IMAM = "امام"  # the match form of both إمام (imam) and أمام (before)
_PREACHER = cached_match_form("خطيب")


def _imams_apart(toks: list[tuple[str, int, int]], forms: list[str]) -> list[str]:
    """``forms`` with an imam read as a title, not as the preposition أمام that shares
    its match form (أكد إمام وخطيب المسجد النبوي، فلان، أن): written with its hamza
    below, or before وخطيب."""
    out = forms
    for k, f in enumerate(forms):
        if (
            f.endswith(_IMAM)
            and len(f) <= 6
            and ("إمام" in toks[k][0] or k + 1 < len(forms) and forms[k + 1] == "و" + _PREACHER)
        ):
            out = list(out) if out is forms else out
            out[k] = f.removesuffix(_IMAM) + _PREACHER
    return out


_BETWEEN = mf_set("بين وبين فبين")


def _bayyana(toks: list[tuple[str, int, int]], forms: list[str]) -> list[int]:
    """The tokens that are the verb بيّن "explained", not بين "between": written with its
    shadda, or before an honorific pronoun (وبين معاليه أن)."""
    return [
        k
        for k in compress(count(), map(_BETWEEN.__contains__, forms))
        if "ّ" in toks[k][0] or k + 1 < len(forms) and forms[k + 1] in _HONORIFIC_PRONOUNS
    ]


def _split_clauses(q: Quote, text: str) -> list[Quote]:
    """An indirect quote of several complement clauses (أن X، وأن Y; أن X وأن Y): one quote each, the
    same speaker's; not at a comma inside marks, nor where a part would be under three
    words."""
    if q.kind != "indirect":
        return [q]
    parts: list[Quote] = []
    start = q.start
    for m in CLAUSE_CUT.finditer(text, q.start, q.end):
        head = text[start : m.start()]
        if any(head.count(a) != head.count(b) for a, b in _MARKS_BALANCE) or head.count('"') % 2:
            continue  # (a comma inside the marks of a quoted phrase)
        if _words(head) < 3 or _words(text[m.end() : q.end]) < 3:
            continue
        parts.append(replace(q, text=head, start=start, end=m.start()))
        start = m.end()
    if not parts:
        return [q]
    parts.append(replace(q, text=text[start : q.end], start=start))
    return parts


# an outlet by its noun alone (ونقلت الصحيفة عن الوزير): the one named so before
_OUTLET_NOUNS = {"الصحيفة": "صحيفة", "الوكالة": "وكالة", "القناة": "قناة", "المجلة": "مجلة"}
_OUTLET_NAMED = {
    noun: re.compile(rf"(?<!\w)[وبل]?{noun}\s+(?:[\u0621-\u064a]+\s+)?«(?P<name>[^»\n]{{2,40}})»")
    for noun in _OUTLET_NOUNS.values()
}


def _named_outlets(quotes: list[Quote], text: str) -> None:
    """A via that is an outlet's bare noun (الصحيفة) takes the outlet's name written
    before it with that noun (صحيفة «إل باييس»)."""
    for q in quotes:
        noun = _OUTLET_NOUNS.get(q.via)
        if noun is None:
            continue
        names = [m.group("name") for m in _OUTLET_NAMED[noun].finditer(text, 0, q.start)]
        if names:
            q.via = names[-1]  # the last named before the quote


def _interview_outlets(
    quotes: list[Quote], text: str, sentences: list[tuple[int, int]], ments: list[Mention]
) -> None:
    """A sentence that opens an interview without quoting (في حوار مع مجلة «الدوحة»،
    تحدثت الروائية فلانة عن روايتها) gives its outlet to the quotes of that person after
    it that have none, in the next few sentences and up to the next such sentence."""
    frames: list[tuple[int, str, str]] = []  # (sentence, person's key, outlet)
    all_toks = tokens_and_starts(text)[0]
    all_forms = token_forms(text)[0]
    for k, (s_start, s_end) in enumerate(sentences):
        i, j = token_range(text, s_start, s_end)
        forms = all_forms[i:j]
        lead = 1 if forms[:1] and forms[0] in ("في", "وفي", "خلال", "وخلال") else 0
        if not lead or len(forms) < 5 or forms[1] not in _INTERVIEWS:
            continue
        outlet = _outlet(all_toks[i:j], forms, 1, min(len(forms), 10))
        if not outlet:
            continue
        after = all_toks[i + min(len(forms) - 1, 3)][1]
        person = next((m for m in ments if after <= m.start < s_end and m.type == "PERS"), None)
        if person is not None:
            frames.append((k, person.key, outlet))
    if not frames:
        return
    starts = [a for a, _ in sentences]
    for q in quotes:
        k = bisect_right(starts, q.start) - 1
        frame = next((f for f in reversed(frames) if f[0] < k), None)
        if (
            frame is not None
            and k - frame[0] <= _INTERVIEW_SENTENCES
            and not q.via
            and q.speaker_key == frame[1]
        ):
            q.via = frame[2]


_INTERVIEW_SENTENCES = 3  # after the one that opens the interview


def _name_roles(quotes: list[Quote], text: str, ments: list[Mention]) -> None:
    """A speaker called by a role (وقال وكيل الوزارة …) and named later with that role's
    title right before the name (وتحدث الوكيل، فلان، …; وأوضح الوزير، المهندس فلان) is
    that person, in every quote the role speaks."""
    named: dict[str, Mention | None] = {}
    for q in quotes:
        if q.speaker_type or not q.speaker:
            continue
        if q.speaker not in named:
            named[q.speaker] = _named_after(q.speaker, q.end, text, ments)
        m = named[q.speaker]
        if m is not None:
            q.speaker, q.speaker_key, q.speaker_type = m.entity, m.key, m.type


_ROLE_REACH = 600  # characters after the quote where the role may be named


def _indefinite(form: str) -> str:
    """A match form without its article (not clitic stripping: وزير is no و + زير)."""
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


def _named_after(role: str, pos: int, text: str, ments: list[Mention]) -> Mention | None:
    title = _indefinite(match_form(role.split()[0]))
    if not title_gender(title):
        return None
    for m in ments:
        if m.start <= pos or m.type != "PERS":
            continue
        if m.start > pos + _ROLE_REACH:
            break
        before = scan_tokens(text[max(0, m.start - 40) : m.start])
        words = [cached_match_form(t[0]) for t in before if t[0][0].isalnum()][-3:]
        # the title right before the name, or before the comma and a courtesy title
        for w in reversed(words):
            if _indefinite(w) == title:
                return m
            if not title_gender(w):
                break
    return None


_ORG_CUE_FORMS = mf_set(
    "وزارة هيئة منظمة شركة جامعة حزب مجلس جمعية اتحاد مؤسسة بنك مصرف صندوق وكالة صحيفة "
    "مجلة قناة حركة جبهة لجنة محكمة رئاسة حكومة سفارة بعثة مفوضية إدارة نادي شرطة بلدية "
    "أمانة بورصة مركز معهد مكتب مجموعة منتخب رابطة نقابة مستشفى ديوان"
)


def _definite(
    stext: str, pos: int, ments: list[Mention], prev: list[Quote], text: str = ""
) -> Mention | None:
    """A definite noun alone as the subject (الوزارة، الشركة، المصادر) → the earlier speaker
    whose name is headed by that noun (مصادر مطلعة … وأضافت المصادر); for organisation nouns
    also the nearest earlier organisation so named (وزارة الصحة، البنك المركزي), or a
    «name» after the bare noun (أطلقت جمعية «بسمة» … وذكرت الجمعية)."""
    form = strip_clitics(match_form(stext))
    words = form.split()
    if len(words) == 2 and words[1].startswith("ال") and words[0][2:] in _ORG_CUE_FORMS:
        # وأوضح البنك المركزي → بنك المغرب named before: a body by its noun and an adjective
        noun = words[0][2:]
        for m in reversed(ments):
            if m.start < pos and m.type == "ORG" and m.key.split(" ", 1)[0] in (noun, words[0]):
                return m
        return None
    if " " in form or not form.startswith("ال") or len(form) < 5:
        return None
    noun = form[2:]

    def headed(key: str) -> bool:
        head = key.split(" ", 1)[0]
        return head in (noun, form)

    for q in reversed(prev):
        if q.start < pos and q.speaker_key and headed(q.speaker_key):
            return _speaker_of(q)
    if noun in _ISSUED:
        return _issuer(noun, pos, ments, prev, text)
    if noun not in _ORG_CUE_FORMS:
        return None
    for m in reversed(ments):
        # (by its key, or by its words: منظمة الأمم المتحدة للطفولة, keyed اليونيسف)
        if (
            m.start < pos
            and m.type in ("ORG", "")
            and (headed(m.key) or headed(strip_clitics(cached_match_form(m.text.split(" ", 1)[0]))))
        ):
            return m
    for m in reversed(ments):
        if m.start < pos and m.key.startswith(noun):
            return m
    for m in reversed(ments):  # لشركة «نخيل الخليج»، نادي الاتفاق: the name after the noun
        if m.start < pos and m.type == "ORG":
            before = scan_tokens(text[max(0, m.start - 20) : m.start])
            if before and strip_clitics(cached_match_form(before[-1][0])) in (noun, form):
                return m
    return _marked_name(text[:pos], noun) or _described(text[:pos], noun)


def _nisba(form: str) -> str:
    """A nisba's match form without its article, one spelling for أميركي/أمريكي."""
    return form.removeprefix("ال").replace("اميرك", "امريك")


_HOLDER_REACH = 10  # words from a role to its holder's name (مدرب الوداد، الإسباني فلان)


# nouns for anyone, which after a quote's verb go back to the one just quoted
_ANYONE = mf_set(
    "الرجل المرأة السيدة الشاب الشابة الفتاة الفتى العجوز المسن المسنة الأب الأم المواطن المواطنة"
)


def _role_holder(stext: str, pos: int, ments: list[Mention], text: str) -> Mention | None:
    """A title alone as the subject, maybe with nisbas or its body (وقال المدرب الإسباني،
    وأكدت الوزيرة، وقالت رئيسة البلدية) → the person named with that title before ``pos``:
    right after it (مدرب نادي الوداد، الإسباني خوان كارلوس مورينو; وزيرة التربية، الدكتورة
    هند العنزي) or right before it (حسام الدين منصور، وزير التربية); failing that, the
    person right after the same nisba (البرتغالي روي مانويل فيلوزو)."""
    words = match_form(stext).split()
    while len(words) > 1 and words[0] in _COURTESY:
        words = words[1:]  # بيّن معالي أمين المنطقة: the title, his excellency's
    if not 1 <= len(words) <= 3 or not _role_word(words[0]):
        return None
    body = ""
    if not words[0].startswith("ال"):  # رئيسة البلدية: the title and its body
        if (
            len(words) != 2
            or not words[1].startswith("ال")
            or _nisba_form(words[1])
            and words[1] not in _BODIES_IN_IYA
        ):
            return None
        body, words = words[1][2:], words[:1]
    elif any(not _nisba_form(w) for w in words[1:]):
        return None  # المدرب الإسباني, not المدير العام للشركة
    noun = words[0].removeprefix("ال")
    nisbas = {_nisba(w) for w in words[1:]}
    gender = title_gender(words[0])
    toks = scan_tokens(text[:pos])
    forms = [cached_match_form(t[0]) for t in toks]
    persons = [m for m in ments if m.type == "PERS" and m.end <= pos]

    def fits(m: Mention, i: int, a: int, b: int, loose: bool) -> bool:
        # مستشارة الرئيس باراك أوباما، ليزا موناكو: the holder agrees with the title;
        # الوزير اللبناني: the role was written with the same nisba (and body), or, on a
        # second look, with none (مدرب الاتحاد فلان … المدرب الروماني: new news of him)
        written = [f for f, t in zip(forms[i:], toks[i:], strict=False) if t[1] < b]
        near = {_nisba(f) for f in written} | set(written)  # (رئيس بلدية صيدا: its body)
        near |= {f.removeprefix("ال") for f in near}
        return (
            not _contradicts(m, gender, text, ments)
            and (nisbas <= near or loose and not any(map(_country_nisba, written[1:])))
            and (not body or body in near)
            and a < b
        )

    nouns = {noun} | _SAME_ROLE.get(noun, set())
    titled = [
        i
        for i in range(len(toks) - 1, -1, -1)
        if any(
            n in (forms[i], forms[i][1:], forms[i][2:])
            or strip_clitics(forms[i], keep_article=False) == n
            for n in nouns
        )
        and (noun in forms[i] or "أ" not in toks[i][0])  # (إمام, not أمام "before")
    ]  # (the word as written too: وزيرة is no و + زيرة)
    if body and noun.startswith(_HEAD):
        # بعثة من صندوق النقد برئاسة فلانة … وأضافت رئيسة البعثة: the one it was headed by
        for i in range(len(forms) - 1, -1, -1):
            if forms[i] == _HEADED_BY and any(
                f.endswith(body) for f in forms[max(0, i - _HOLDER_REACH) : i]
            ):
                headed = next((m for m in persons if toks[i][2] < m.start <= toks[i][2] + 2), None)
                if headed is not None and not _contradicts(headed, gender, text, ments):
                    return headed
    for loose in (False, True) if nisbas else (False,):
        holders = []
        for i in titled:
            reach = toks[min(len(toks) - 1, i + _HOLDER_REACH)][2]
            stop = next((t[1] for t in toks[i + 1 :] if t[0] in ".؟!:«"), pos)
            for m in persons:
                if toks[i][2] <= m.start < min(reach, stop) and fits(
                    m, i, toks[i][2], m.start, loose
                ):
                    holders.append(m)
                # حسام الدين منصور، وزير التربية: the name, a comma, the title
                gap = text[m.end : toks[i][1]].strip()
                if m.end <= toks[i][1] and gap in ("،", ",") and fits(m, i, 0, reach, loose):
                    holders.append(m)
        if holders and (not loose or len({m.key for m in holders}) == 1):
            return holders[0]  # (loosely, only the one holder of the title there is)
    for m in reversed(persons):  # البرتغالي روي مانويل فيلوزو
        before = scan_tokens(text[max(0, m.start - 80) : m.start])
        nisba = _nisba(cached_match_form(before[-1][0])) if before else ""
        if nisba in nisbas and not _contradicts(m, gender, text, ments):
            # (not another title's holder: وزير الري المصري فلان is no الرئيس المصري)
            titles = [cached_match_form(t[0]) for t in before[-_TITLE_BACK:-1]]
            titles = [f if title_gender(f) else strip_clitics(f) for f in titles]  # (وزير)
            if not any(title_gender(f) and f.removeprefix("ال") != noun for f in titles):
                return m
    return None


_HEAD, _HEADED_BY = cached_match_form("رئيس"), cached_match_form("برئاسة")
# bodies whose names end as a nisba does (رئيس البلدية: not an adjective)
# a role named again by another word for it: وقال الخطيب → إمام الجامع، الشيخ فلان (no
# title of its own: الخطيب is as often a family name)
_SAME_ROLE = {cached_match_form("خطيب"): {cached_match_form("إمام")}}


def _role_word(form: str) -> bool:
    return bool(title_gender(form)) or form.removeprefix("ال") in _SAME_ROLE


_BODIES_IN_IYA = mf_set("البلدية الجمعية المديرية الكلية المفوضية الأكاديمية")
_COURTESY = mf_set("معالي سعادة فضيلة سمو فخامة سماحة")
_TITLE_BACK = 7  # words before a holder's nisba in which another title may stand


def _nisba_form(form: str) -> bool:
    return form.startswith("ال") and form.endswith(("ي", "يه")) and len(form) > 4


def _country_nisba(form: str) -> bool:
    """A country's nisba (الأردني), not any adjective of its shape (الخارجية)."""
    return _nisba_form(form) and gazetteer().nisba_of_form(form) is not None


# What an institution issues: "وأضاف البيان" speaks for whoever issued the statement
_ISSUED = mf_set("بيان تقرير رسالة وثيقة مذكرة")
_ISSUED_BY = mf_set("صادر صادرة الصادر الصادرة صدر")
_ISSUING_VERBS = mf_set("نشرته أصدرته وزعته بثته أصدره نشره وزعه بثه أرسلته أرسله")
_ISSUING = _ISSUED_BY | _ISSUING_VERBS


def _issuer(
    noun: str, pos: int, ments: list[Mention], prev: list[Quote], text: str
) -> Mention | None:
    """Who issued the last ``noun`` (بيان…) named before ``pos``: بيان صادر عن X، بيان لـX،
    بيان نشرته X, or the speaker of the quote after «في بيان» (وأفاد الكرملين في بيان أن…)."""
    toks = scan_tokens(text[:pos])
    forms = [cached_match_form(t[0]) for t in toks]
    written = (noun, noun + "ا", "ال" + noun)  # بيان، بيانا، البيان (وفي بيان، ببيان)
    own = (noun + "ها", noun + "ه")  # ونقلت الوزارة في بيانها عن الوزير: its own
    for i in range(len(toks) - 2, -1, -1):
        form = forms[i]
        if form in own and i and forms[i - 1] == "في":
            # the quote it carried: its relayer (the ministry) issued it, else its speaker
            after = toks[i][2]
            q = next((q for q in prev if after <= q.start < pos and q.speaker_key), None)
            if q is not None and q.via:
                return Mention(q.via, "ORG", -1, -1, q.via, match_form(q.via))
            if q is not None:
                return _speaker_of(q)
            continue
        if form not in written and strip_clitics(form) not in written:
            continue
        j = i + 1
        nxt = forms[j]
        if j + 1 < len(toks) and forms[j + 1] in _ISSUING:
            j += 1  # تقرير مشترك أصدرته …: an adjective first
            nxt = forms[j]
        if nxt in _ISSUING_VERBS and j + 1 < len(toks) and forms[j + 1] in _VIA_PREPOSITIONS:
            # في بيان نشره عبر حساباته: the pronoun is the issuer, the speaker before
            after = toks[i][2]
            q = next((q for q in prev if after <= q.start < pos and q.speaker_key), None)
            if q is None:
                q = next((q for q in reversed(prev) if q.start < after and q.speaker_key), None)
            if q is not None:
                return _speaker_of(q)
            continue
        if (
            nxt in _ISSUING
            and j + 1 < len(toks)
            and forms[j + 1] in _TIMES
            and forms[i - 1] == "في"
        ):
            # أعلن الديوان، في بيان صدر مساء الثلاثاء، أن: when, not who; the speaker
            after = toks[i][2]
            q = next((q for q in prev if after <= q.start < pos and q.speaker_key), None)
            if q is not None:
                return _speaker_of(q)
            continue
        if nxt in _ISSUING:
            j += 1
            if nxt in _ISSUED_BY and j < len(toks) and forms[j] == "عن":
                j += 1
        elif nxt == "عن":
            j += 1
        elif not (nxt.startswith("ل") and len(nxt) > 3):  # بيان لوزارة / للوزارة
            if i and forms[i - 1] == "في" and form == noun:
                # قال X في بيان: X issued it (في البيان refers back to one named before)
                after = toks[i][2]
                q = next((q for q in prev if after <= q.start < pos and q.speaker_key), None)
                if q is not None:
                    return _speaker_of(q)
                # أعلن نادي الزمالك، في بيان رسمي، فسخ …: the body named right before
                lo = toks[max(0, i - 4)][1]
                named = [
                    m
                    for m in ments
                    if m.type in _SPEAKING
                    and lo <= m.start
                    and m.end <= toks[i - 1][1]
                    and text[m.end : toks[i - 1][1]].strip() in ("", "،", ",")
                ]
                if named:
                    return named[-1]
            issued = _issued_before(toks, forms, i, ments)
            if issued is not None:
                return issued  # أصدرت وزارة الداخلية، مساء الأحد، بياناً
            continue  # البيان alone (وصفها البيان): an earlier mention may say whose
        if j >= len(toks):
            continue
        phrase = _phrase(toks, forms, j, len(toks))
        if not phrase:
            continue
        a = toks[j][1]
        named = [m for m in ments if a <= m.start < a + len(phrase) + 2 and m.type in _SPEAKING]
        if named:
            return _best(named)
        if forms[j].startswith("ل") and not forms[j].startswith("ال"):
            phrase = ("ال" + phrase[2:]) if forms[j].startswith("لل") else phrase[1:]
        found = _definite(phrase, a, ments, [], text) if " " not in phrase else None
        return found or Mention(phrase, "ORG", -1, -1, phrase, match_form(phrase))
    return None


_SPEAKING = ("PERS", "ORG")
_VIA_PREPOSITIONS = mf_set("عبر على في من خلال")
_ISSUING_BEFORE = mf_set("أصدر أصدرت نشر نشرت وزع وزعت أذاع أذاعت بث بثت")


def _issued_before(
    toks: list[tuple[str, int, int]], forms: list[str], i: int, ments: list[Mention]
) -> Mention | None:
    """The body or person between an issuing verb and the noun at token ``i``, at most
    eight tokens before it: أصدرت وزارة الداخلية، مساء الأحد، بياناً."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if strip_clitics(forms[k]) in _ISSUING_BEFORE or forms[k] in _ISSUING_BEFORE:
            a, b = toks[k][2], toks[i][1]
            named = [m for m in ments if a <= m.start and m.end <= b and m.type in _SPEAKING]
            if named:
                return _best(named)
            phrase = _phrase(toks, forms, k + 1, i)  # a body the tagger did not find
            head = match_form(phrase.split()[0]) if phrase else ""
            if head in _ORG_CUE_FORMS or strip_clitics(head) in _ORG_CUE_FORMS:
                return Mention(phrase, "ORG", -1, -1, phrase, match_form(phrase))
            return None
    return None


_MAX_APPOSITION = 9  # words of a title set off by commas after a name


def _apposing(tok: tuple[str, int, int], name: Mention, text: str = "") -> bool:
    """Whether ``tok`` is a comma that opens or closes ``name`` as an apposition (أن
    الوزير، فلان، أكد; أن وزير النفط، الدكتور فلان، أكد: honorifics between)."""
    if tok[0] not in "،,":
        return False
    if 0 <= name.start - tok[2] <= 1 or 0 <= tok[1] - name.end <= 1:
        return True
    if text and tok[1] > name.end:  # فلان، المدير الفني للنادي، قال: the apposition's end
        seg = text[name.end : tok[1]]
        opened = seg.lstrip()[:1] in ("،", ",")
        if opened and seg.count("،") + seg.count(",") == 1 and len(seg.split()) <= _MAX_APPOSITION:
            return True
    between = text[tok[2] : name.start].split() if text and tok[2] < name.start else []
    return bool(between) and _honorifics_only(between)


def _after_honorifics(text: str, stop: int, m: Mention) -> bool:
    """Whether ``m`` follows ``stop`` (a comma) with at most honorifics between
    (، المحامية دلال الرشيد)."""
    if not 0 <= m.start - stop <= 30:
        return False
    between = text[stop : m.start].replace("،", " ").replace(",", " ").split()
    if between and cached_match_form(between[-1]) not in _APPOSED_HONORIFICS:
        last = cached_match_form(between.pop())  # المحامية دلال عبدالله الرشيد: the
        if is_stopword(last) or not last.isalpha():  # tagger's name lost its first word
            return False
    return _honorifics_only(between)


def _honorifics_only(words: list[str]) -> bool:
    """At most two words, each an honorific (الدكتورة، المحامي …)."""
    return len(words) <= 2 and all(cached_match_form(w) in _APPOSED_HONORIFICS for w in words)


_APPOSED_HONORIFICS = mf_set(
    "الدكتور الدكتورة د. المهندس المهندسة الشيخ الشيخة السيد السيدة الأستاذ الأستاذة "
    "العميد اللواء العقيد المستشار المستشارة الفريق القاضي القاضية المحامي المحامية "
    "الكاتب الكاتبة الإعلامي الإعلامية الباحث الباحثة الخبير الخبيرة السفير السفيرة "
    "الأمير الأميرة الوزير الوزيرة النائب النائبة"
)


def _named_reporter(
    via: str, pos: int, ments: list[Mention], text: str = "", prev: Sequence[Quote] = ()
) -> str:
    """A reporter called by its noun (ونقلت الوكالة) → the body so called named before
    ``pos``, found by its name's first word as written (the key of وكالة أنباء البحرين is
    أنباء البحرين) or as a noun with its complement (وكالة الأنباء التونسية الرسمية, which
    the tagger may not find); a statement (وفق البيان) → the reporter of the quote before
    it, else whoever issued it; not other documents (التقرير: whose is it?)."""
    words = via.split()
    lead = next((k for k, w in enumerate(words) if match_form(w) not in _DOCUMENT_NOUNS), 0)
    if lead or words and match_form(words[0]) in _DOCUMENT_NOUNS:
        # ونقل بيان الوزارة عن الوزير: the ministry; بيان صادر (عن …): the statement's issuer
        rest = " ".join(words[lead:]) if lead else ""
        return _named_reporter(rest or "البيان", pos, ments, text, prev)
    known = BODY_OF.get(match_form(via.translate(_NO_MARKS)))
    if known is not None:
        return known[1]  # ونقلت «بترا»: the agency by its name
    noun = strip_clitics(match_form(via))[2:] if via.startswith("ال") and " " not in via else ""
    if noun in _ISSUED and noun == "بيان":
        earlier = next((q.via for q in reversed(prev) if q.via and q.start < pos), "")
        if earlier:
            return earlier
        issuer = _issuer(noun, pos, ments, list(prev), text) if text else None
        return issuer.entity if issuer is not None else via
    if noun not in _ORG_CUE_FORMS:
        return via
    named = next(
        (m for m in reversed(ments) if m.start < pos and m.type == "ORG" and _written(m) == noun),
        None,
    )
    if named is None and text:
        named = _described(text[:pos], noun)
    return named.entity if named is not None else via


_NO_MARKS = str.maketrans("", "", '«»“”"')


def _written(m: Mention) -> str:
    """A mention's first word as written, in match form (not clitic-stripped: وكالة is
    no و + ك + الة)."""
    return cached_match_form(m.text.split(" ", 1)[0])


def _described(text: str, noun: str) -> Mention | None:
    """The last "the noun + nisba adjectives" in ``text`` (السفارة الروسية …), or "the noun
    + its definite complement (+ nisbas)" (وزارة الصحة البحرينية): the full name of an
    institution later called by its noun alone (وأضافت السفارة، وقالت الوزارة)."""
    toks = scan_tokens(text)
    for i in range(len(toks) - 2, -1, -1):
        w, a, _b = toks[i]
        form = cached_match_form(w)
        definite = "ال" + noun in form
        if strip_clitics(form, keep_article=False) != noun and noun not in (
            form,
            form[1:],
            form[2:],
        ):  # (وزارة is no و + زارة to strip_clitics: the word as written, ولوزارة)
            continue
        end = i
        if not definite:  # وزارة الصحة البحرينية: the noun, its definite complement
            nxt = cached_match_form(toks[i + 1][0])
            if not (nxt.startswith("ال") and len(nxt) > 3):
                continue
            end = i + 1
        while end + 1 < len(toks) and end - i < 2 + (not definite):
            adj = cached_match_form(toks[end + 1][0])
            nisba = adj.endswith(("ي", "يه")) and not toks[end + 1][0].endswith("ى")
            if not (adj.startswith("ال") and nisba and len(adj) > 4):  # (المبنى is none)
                break
            end += 1
        if end == i:
            continue
        head = "ال" + noun if definite else noun
        name = text[_unattached(text, a, toks[i][2], head) : toks[end][2]]
        return Mention(name, "ORG", -1, -1, name, match_form(name))
    return None


_MAX_ANTECEDENTS = 4  # distinct earlier speakers a pronoun verb may go back to


def _antecedent(gender: str, prev: list[Quote], text: str, ments: list[Mention]) -> Mention | None:
    """The latest speaker of ``prev`` (or reporter: وذكرت الرئاسة أن الرئيس شدد … وأضافت)
    among the last ``_MAX_ANTECEDENTS`` whose gender does not contradict ``gender``; None
    when each one does."""
    seen: set[str] = set()
    for k in range(len(prev) - 1, -1, -1):
        q = prev[k]
        if len(seen) >= _MAX_ANTECEDENTS:
            break
        if seen and q.speaker_type == "LOC":
            continue  # (سكان في صنعاء: a place stands for unnamed speakers)
        seen.add(q.speaker_key)
        if not gender or _speaker_gender(q, prev[:k], text, ments) != _OTHER[gender]:
            return _speaker_of(q)
        via = match_form(q.via)
        if via and name_gender(via, "") != _OTHER[gender]:
            return Mention(q.via, "", -1, -1, q.via, via)
    return None


_OTHER = {"m": "f", "f": "m"}


def _speaker_gender(q: Quote, prev: list[Quote], text: str, ments: list[Mention]) -> str:
    """The gender of a quote's speaker: an institution's by its name (السفارة: f, even
    after وأضاف البيان), else by the verbs it spoke with (قالت), a title before one of
    its mentions (الوزيرة) or its name (:func:`name_gender`); words that are no mention
    (وقالت الغربي: a name the tagger missed) or a name the tagger typed as another name
    (MISC) by their verbs first."""
    if q.speaker_type in ("ORG", "LOC"):
        g = name_gender(q.speaker_key, q.speaker_type)
        if g:
            return g
    for o in (q, *reversed(prev)):
        if o.speaker_key == q.speaker_key and o.cue:
            g = cue_gender(o.cue)
            if g:
                return g
    return _mention_gender(q.speaker_key, q.speaker_type, text, ments)


def _nearest_agreeing(gender: str, pos: int, text: str, ments: list[Mention]) -> Mention | None:
    """The nearest person or body named before ``pos`` whose gender does not contradict
    ``gender`` (unknown genders do not); for a feminine verb, a woman named before first
    (most men's names tell no gender: محمود درويش)."""
    if gender == "f":
        woman = _agreeing_mention(gender, pos, text, ments)
        if woman is not None:
            return woman
    for m in reversed(ments):
        if m.end > pos or m.type not in ("PERS", "ORG"):
            continue
        if m.type == "PERS" and _contradicts(m, gender, text, ments):
            continue
        return m
    return None


def _contradicts(m: Mention, gender: str, text: str, ments: list[Mention]) -> bool:
    """Whether a mention's known gender is not ``gender`` (unknown ones never are)."""
    if not gender:
        return False
    found = _mention_gender(m.key, m.type, text, ments)
    return bool(found) and found != gender


def _agreeing_mention(gender: str, pos: int, text: str, ments: list[Mention]) -> Mention | None:
    """The nearest person named before ``pos`` known to be of ``gender``, else the nearest
    whose gender is not known."""
    known: dict[str, str] = {}  # key → gender: a person is named many times
    unknown: Mention | None = None  # the nearest whose gender is not known
    for m in reversed(ments):  # a person (المنتخب is masculine, but it rarely speaks)
        if m.end > pos or m.type != "PERS":
            continue
        if m.key not in known:
            known[m.key] = _mention_gender(m.key, m.type, text, ments)
        if known[m.key] == gender:
            return m
        if not known[m.key] and unknown is None:
            unknown = m
    # (وقال after ويشتري عادل المسماري … when the last speaker was a woman: عادل is
    # no known name, but he does not contradict the verb)
    return unknown


def _mention_gender(key: str, kind: str, text: str, ments: list[Mention]) -> str:
    """The gender of the entity ``key``: a title before one of its mentions (الوزيرة
    فلانة), else its name."""
    for m in ments:
        if m.key == key:
            before = scan_tokens(text[max(0, m.start - 50) : m.start])[-4:]
            forms = [cached_match_form(w) for w, _a, _b in before]
            for k in range(len(before) - 1, -1, -1):
                if not before[k][0][0].isalnum():
                    break
                g = title_gender(forms[k])
                if not g:
                    continue
                # نائبة وزير الخارجية فلانة: a title in construct is the head's complement
                if k and not forms[k].startswith("ال") and title_gender(forms[k - 1]):
                    g = title_gender(forms[k - 1])
                return g
    return name_gender(key, kind)


def _unattached(text: str, a: int, b: int, head: str) -> int:
    """Where the word ``text[a:b]`` starts without an attached و/ف/ب/ل: the first offset
    from which its match form begins with ``head``."""
    while a < b - 1 and not cached_match_form(text[a:b]).startswith(head):
        a += 1
    return a


def _marked_name(text: str, noun: str) -> Mention | None:
    """The last "noun «name» [adjective]" in ``text`` (جمعية «بسمة» الخيرية)."""
    found: Mention | None = None
    toks = scan_tokens(text)
    for i, (w, a, _b) in enumerate(toks[:-1]):
        if strip_clitics(cached_match_form(w)) != noun or toks[i + 1][0] not in _OPEN:
            continue
        close = text.find(_OPEN[toks[i + 1][0]], toks[i + 1][2])
        if close < 0 or _words(text[toks[i + 1][2] : close]) > 4:
            continue
        end = close + 1
        nxt = next((t for t in toks if t[1] >= end), None)
        if nxt is not None and cached_match_form(nxt[0]).startswith("ال") and nxt[1] - end <= 1:
            end = nxt[2]
        name = text[_unattached(text, a, a + len(w), noun) : end]
        found = Mention(name, "ORG", -1, -1, name, match_form(name))
    return found


def _is_name(text: str, mark: int) -> bool:
    """Whether the quotation mark at ``mark`` opens a name: after صحيفة، عملية، ما يسمى…"""
    before = scan_tokens(text[max(0, mark - 30) : mark])
    if not before:
        return False
    last = cached_match_form(before[-1][0])
    if strip_clitics(last) in _NAME_CUES or last in _NAME_CUES or last in ("ل", "ب"):
        return True
    if last in _PLACE_CUES or last[1:] in _PLACE_CUES:
        return True  # بجامعة «نورث ويسترن» (indefinite: in الملعب «…» the crowd chants)
    if last == "مع" and len(before) >= 2:
        # في حوار مع «الشرق الأوسط»: the outlet, not a quote
        return strip_clitics(cached_match_form(before[-2][0])) in _INTERVIEWS
    # بنك الاستثمار «إتش سي»، شركة الاتصالات «زين»، حملة الترويج المقبلة «…»: a body's
    # or a campaign's noun and its complement (one or two definite words)
    if last.startswith("ال") and before[-1][0][0].isalpha():
        for k in (2, 3):
            if len(before) < k:
                break
            head = cached_match_form(before[-k][0])
            if strip_clitics(head) in _NAME_CUES or head in _NAME_CUES:
                return True
            if not head.startswith("ال"):
                break
    return False


def _joined(words: frozenset[str]) -> frozenset[str]:
    """``words`` and each with و or ف before it: the only proclitics a verb or a
    participle takes (كيري is not ك + يرى)."""
    return words | {c + w for w in words for c in ("و", "ف")}


_CUE_WORDS = _VERBS | _PARTICIPLES
_PARTICIPLE_FORMS = _joined(_PARTICIPLES)
# participles of demanding: their words in marks follow them or إلى (داعياً إلى «…»)
_DEMANDING = _joined(mf_set("مطالبا مطالبة داعيا داعية"))
_VERB_FORMS = _joined(_VERBS - _ASKED)


def _is_participle(form: str) -> bool:
    return form in _PARTICIPLE_FORMS


def _unjoined(form: str, stripped: str | None = None) -> str:
    """A verb's or participle's form without و/ف (see :func:`_joined`); ``stripped``:
    the form without its proclitics, when known."""
    if form[:1] not in ("و", "ف"):
        return form
    bare = strip_clitics(form) if stripped is None else stripped
    if bare != form and form[1:] in _CUE_WORDS:
        return form[1:]  # وبينت: و alone, not و + ب (strip_clitics gives ينت)
    return bare


def _inside(direct: list[tuple[int, int]], pos: int) -> bool:
    return any(a < pos < b for a, b in direct)


def _name(m: Mention | None, stext: str) -> str:
    return m.entity if m is not None else stext


# before أن they make a clause of time or concession, not the verb's complement (إلا أن)
_SUBORDINATING = mf_set("إلا بعد قبل منذ رغم برغم بالرغم لولا حتى")
# how far into a reporter's clause its reported speaker's verb may come (أن الرئيس التركي
# رجب طيب إردوغان شدد)
_INNER_REACH = 8
_INNER_REACH_NAMED = 14  # … when the inner verb's subject is named right before it
_CLAUSE_BREAKS = frozenset("،,.:;؛")
_THAT_PREPOSITIONS = mf_set("من إلى على")  # حذر من أن، أشار إلى أن، شدد على أن
_ON_VERBS = mf_set("شدد شددت أكد أكدت نص نصت حرص حرصت أصر أصرت")  # those that take على أن
_PARTICLES = mf_set("قد كان لم لن لا سوف ما")  # (أن اللاعب قد أعلن: no title's complement)
# time words that may follow a verb before its subject or instead of it (حذر الأسبوع الماضي)
_TIMES = mf_set(
    "الأسبوع الشهر العام اليوم أمس مساء صباح يوم ليلة الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
)
_PREPOSITIONS = mf_set("في خلال أمام على عبر عقب بعد قبل أثناء")
# the writer's asides: what follows them is not the verb's complement (علماً بأن…)
_ASIDES = mf_set("علما وعلما")
_THESE_WORDS = mf_set("بهذه الكلمات العبارة العبارات الجملة")
_EXPRESSING = mf_set(  # after بهذه الكلمات
    "عبر عبرت لخص لخصت اختصر اختصرت وصف وصفت بدأ بدأت استهل استهلت ختم ختمت اختتم اختتمت "
    "افتتح افتتحت"
)
_AUXILIARIES = mf_set("كان كانت قد وقد وكان وكانت هكذا")  # «…»، كان يوضح / هكذا علقت
_STOPS = frozenset(':«“".؟!')  # the marks that end the search for the complement
_MAX_MARK_DISTANCE = 14  # words from the verb to أن/إن or its quote's opening mark
_MAX_COLON_DISTANCE = 22
_NAMING = mf_set("ذكر نشر الكشف كشف")  # (عدم) ذكر اسمه: an anonymous source's aside
_ANONYMITY_WORDS = 8


def _complement(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    direct: list[tuple[int, int]],
    text: str,
) -> None:
    """Find أن/إن, a colon or an opening quote mark after the cue (after at most 14 words;
    a colon and a mark after 22: صرح الرئيس التنفيذي لشركة … فلان لصحيفة «…»: «…»)."""
    words = 0  # words, not marks and commas, between the cue and token j
    reach = _MAX_MARK_DISTANCE
    for j in range(cue.idx + 1, len(toks)):
        w = toks[j][0]
        if words >= _MAX_COLON_DISTANCE:
            return
        if forms[j] in _NEGATING_NOUNS and j + 1 < len(toks) and forms[j + 1] in _NAMING:
            # قال مصدر طلب عدم نشر اسمه لأنه غير مخول بالحديث إلى وسائل الإعلام إن: the
            # source's reason for keeping its name back is no distance from the verb
            reach = _MAX_MARK_DISTANCE + _ANONYMITY_WORDS
        near = words < reach  # far from the verb only ": «" is its quote
        # (a name in marks is one word: لتلفزيون «إل بي سي آي» إن)
        words += w[0].isalnum() and not (
            toks[j - 1][0] not in _QUOTE_MARKS and _inside(direct, toks[j][1])
        )
        f = forms[j]
        if not (
            f in _COMP or w in _STOPS or f in _VERB_FORMS or f in _PARTICIPLE_FORMS or f in _ASIDES
        ) or _inside(direct, toks[j][1]):
            continue  # (what a name in marks holds is neither: «سي إن إن»، «بي.في.إم»)
        if j >= 2 and forms[j - 1] == "ما" and forms[j - 2] in _ACCORDING:
            continue  # وأضاف، بحسب ما نقلت عنه الوكالة، أن: an aside's verb
        # far from the verb only after a comma: the end of an apposition or an aside
        # (وقالت ممثلة المنظمة، الدكتورة فلانة، في مؤتمر صحفي عقدته في عدن، إن …)
        after_aside = f in ("ان", "بان", "انه", "انها") and (
            toks[j - 1][0] in "،,"
            or forms[j - 1] in _THAT_PREPOSITIONS
            and toks[j - 2][0] in "،,"  # حذر فلان، في مؤتمر صحافي، من أن
            and (forms[j - 1] != "علي" or _unjoined(cue.form) in _ON_VERBS)  # (، على أن: provided)
            or forms[j - 1] in _STOP_SOURCE  # نقلت … عن فلان قوله إن
            # (، المخرج فلان، يوم الاثنين إن: the day after the apposition)
            or forms[j - 1] in _TIMES
            and (toks[j - 2][0] in "،," or forms[j - 2] in _TIMES and toks[j - 3][0] in "،,")
        )
        if (
            f in _COMP
            and forms[j - 1] == "علي"
            and toks[j - 2][0] in "،,"
            and _unjoined(cue.form) not in _ON_VERBS
        ):
            return  # أعلنت الوزارة إطلاق الحملة، على أن تستمر: "provided that", no speech
        if (near or after_aside) and f in _COMP and forms[j - 1] not in _SUBORDINATING:
            cue.comp, cue.comp_kind = j, "that"
            return
        if w == ":" and _is_time(toks, j):
            continue  # 16:00
        if w == ":" and near and j + 1 < len(toks) and forms[j + 1] in _COMP:
            cue.comp, cue.comp_kind = j + 1, "that"  # وقال معاليه: إن …: reported, no marks
            return
        if w == ":" and (near or j + 1 < len(toks) and toks[j + 1][0] in _OPEN):
            cue.comp, cue.comp_kind = j, "colon"
            return
        if near and w in '«“"' and any(a == toks[j][1] for a, _ in direct):
            if forms[j - 1] in ("في", "مع") or _is_name(text, toks[j][1]):
                # «نيويورك تايمز»: part of the subject, not the quote (في اتصال هاتفي
                # مع “عين اليوم” أنه: whom he spoke to)
                continue
            close = next((b for a, b in direct if a == toks[j][1]), -1)
            if _words(text[toks[j][2] : close]) < 2:
                continue  # وأوضح "المطرودي" أن…: one word in marks is a name or a term
            if cue.form in _DEMANDING and j > cue.idx + 1 and forms[j - 1] != "الي":
                # داعية الوزارة إلى «…» are words; مطالبة بتشديد الرقابة وتعميم منظومة
                # «الكارت الذكي» is what she asked for, named
                continue
            cue.comp, cue.comp_kind = j, "mark"
            return
        if (
            forms[j] in _VERB_FORMS
            and forms[j - 1] not in _NEGATING_NOUNS  # (فضل عدم ذكر اسمه: no verb)
            and not (forms[j] in _NOUN_LIKE_VERBS and forms[j - 1] in _PRONOUNS_BEFORE_NOUN)
            or forms[j] in _PARTICIPLE_FORMS
            and not (forms[j] in _NOUN_PARTICIPLES and toks[j - 1][0][0].isalnum())
            or forms[j] in _ASIDES
        ):
            return
        if w in ".؟!":
            return


def _is_time(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether the colon at token ``j`` sits between digits (16:00, 3:1)."""
    return (
        0 < j < len(toks) - 1
        and toks[j - 1][2] == toks[j][1]
        and toks[j][2] == toks[j + 1][1]
        and toks[j - 1][0][-1].isdigit()
        and toks[j + 1][0][0].isdigit()
    )


def _addressee(form: str) -> int:
    """ل + noun after a speech verb names whom it was said to: 2 (surely: لنظيره، لصحيفة،
    لـ«…»), 1 (maybe: للصحفيين, but also genitive للمنظمة), 0 (no)."""
    if form in _ADDRESSEE_WORDS or form.startswith(_ADDRESSEE):
        return 2
    return 1 if form.startswith("لل") else 0


# a relative clause's pronoun right after its verb (في وقت تقول فيه السلطات إن)
_RESUMPTIVE = mf_set("فيه فيها")
# how one speaks, right after the verb (فأجابت ضاحكة، قال مبتسماً): no subject
_MANNER = mf_set(
    "ضاحكا ضاحكاً ضاحكة مبتسما مبتسماً مبتسمة غاضبا غاضباً غاضبة مازحا مازحاً مازحة "
    "باكيا باكياً باكية ساخرا ساخراً ساخرة متأثرا متأثراً متأثرة بحزم بهدوء بحماس "
    "ممازحا ممازحاً ممازحة متوجها متوجهة مخاطبا مخاطبة"  # (to whom: وأضاف متوجهاً إلى …)
)


def _subject(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    mention_in: Callable[[int, int], list[Mention]],
    text: str,
) -> None:
    """The named subject: after the verb up to the complement, else just before the verb."""
    if cue.kind == "participle":
        return
    if (antecedent := _relative_antecedent(cue, toks, forms, mention_in)) is not None:
        cue.speaker = antecedent  # «…»، يقول فلان، الذي أكد أن: the one the clause is about
        return
    if (appositive := _apposed_before(cue, toks, mention_in, text)) is not None:
        cue.speaker = appositive  # أن فلان، المدير الفني للنادي، قال للاعبيه إن
        return
    end_tok = cue.comp if cue.comp >= 0 else min(len(toks), cue.idx + 14) - 1
    if end_tok <= cue.idx:
        return
    # an addressee right after the verb comes before the subject (وقال لـ«الاقتصادية» فلان)
    first = _after_addressee(toks, forms, cue.idx + 1, end_tok)
    if first > cue.idx + 1 and forms[first] in _STOP_SUBJECT and forms[first] != "عن":
        return  # وقال للصحافيين عقب اجتماع مجلس الإدارة: the one named before, as for وقال
    if (forms[first] in _MANNER or forms[first] in _RESUMPTIVE) and first < end_tok:
        first += 1  # فأجابت ضاحكة: how, not who; في وقت تقول فيه السلطات إن
    while (
        first + 1 < end_tok
        and forms[first] in _TIMES
        and forms[first + 1] in TIME_ADJECTIVES
        and not forms[first].startswith(("يوم", "مساء", "صباح", "ليله"))
    ):
        first += 2  # قد ذكرت الأسبوع الماضي أن: when, not who
    if forms[first] in _HONORIFIC_PRONOUNS:
        return  # وقال معاليه: the one named before, as for وقال
    if _unjoined(cue.form) in _CALLING_VERBS and (
        _object_word(forms[first])
        and _subject_before(cue, toks, forms, mention_in, text)
        or cue.idx >= 2
        and forms[cue.idx - 2] in _COMP
        and _title_after_that(cue, toks, forms, text)
    ):
        # أن فلاناً أبلغ المشاركين أن، أن الوزير أبلغ مسؤولي الحقل بأن: whom he told;
        # the subject stood before
        return
    # the subject region stops at an addressee (قال لنظيره / لصحيفة «النهار»)
    a0 = toks[cue.idx][2]
    for j in range(first, end_tok):
        if j > first and strip_clitics(forms[j]).startswith(_COUNTERPART):
            # قال خلال لقائه نظيره الإيراني: the counterpart is not the speaker (but in
            # "وقال نظيره الفرنسي إن" it is the subject)
            end_tok = j
            break
        if j > first and forms[j] in _BEFORE_AUDIENCE:
            end_tok = j  # وقال المبعوث في إحاطة أمام مجلس الأمن: whom, not who
            break
        if (
            j == first
            and forms[j] in _IN_DURING
            and forms[j + 1] in _INTERVIEWS
            and "مع" in forms[j + 2 : min(j + 4, end_tok)]
        ):
            end_tok = j  # وقال في مقابلة (خاصة) مع قناة «…»: the outlet is whom, not who
            break
        strength = _addressee(forms[j])
        if not strength:
            continue
        if forms[j][1:] not in _AGENCIES and any(
            m.start < toks[j][2] and toks[j][1] < m.end for m in mention_in(a0, toks[j][2])
        ):
            continue  # part of a name (للأمم المتحدة), not an agency (لرويترز)
        # لصحيفة / لنظيره / لـ«…» always; للمنظمة only after a name (else it is genitive:
        # الأمينة العامة للمنظمة ليلى منصور)
        if strength == 2 and (
            holder_at := _title_of_a_body(toks, forms, first, j, end_tok, mention_in)
        ):
            cue.outlet_from = holder_at  # الرئيس التنفيذي لـ«رافدين» فلان: whose chief, not to whom
            continue
        if strength == 2 or any(
            m.type == "PERS" for m in mention_in(toks[cue.idx][2], toks[j][1])
        ):  # (after an organisation it is more often its name's: الهيئة الوطنية للانتخابات)
            end_tok = j
            break
    # ونوه الوزير، وفق البيان، إلى أن: the aside names the reporter, not the speaker
    aside = next(
        (
            j
            for j in range(max(first, cue.idx + 1), end_tok - 1)
            if toks[j][0] in "،," and forms[j + 1] in _ACCORDING
        ),
        -1,
    )
    if aside >= 0:
        # (وأضاف، بحسب ما نقلت عنه وكالة الأناضول، أن: the agency after its verb)
        at = aside + 2
        while at < end_tok and forms[at] in _RELAYED_BY:
            at += 1
        cue.via = _phrase(toks, forms, at, end_tok)
        end_tok = aside
    an_idx = -1
    via_end = -1
    relayer = ""
    if strip_clitics(cue.form) in _TRANSMIT_VERBS:
        an_idx = next((j for j in range(cue.idx + 1, end_tok) if forms[j] == "عن"), -1)
        via_end = an_idx
        if an_idx > cue.idx + 1 and all(f in _DOCUMENT_NOUNS for f in forms[cue.idx + 1 : an_idx]):
            # ونقل بيان صادر عن الجامعة عن الباحثة: the university relays her words
            second = next((j for j in range(an_idx + 1, end_tok) if forms[j] == "عن"), -1)
            if second > an_idx + 1:
                relayer = _name_in(toks, forms, an_idx + 1, second, mention_in)
                an_idx = via_end = second
    else:  # أفادت قناة «…»، نقلاً عن Y، بأن …
        an_idx = next(
            (
                j + 1
                for j in range(cue.idx + 2, end_tok - 1)
                if forms[j] in _RELAYING and forms[j + 1] == "عن"
            ),
            -1,
        )
        via_end = an_idx - 1
    if an_idx >= 0:
        # نقلت X عن Y: Y is the speaker, X the reporter
        start = cue.idx + 1
        while start < via_end and (forms[start] in _TIMES or forms[start] in TIME_ADJECTIVES):
            start += 1  # (قد نقلت الشهر الماضي عن: when, not who)
        cue.via = relayer or _name_in(toks, forms, start, via_end, mention_in)
        if not cue.via and start == via_end and _subject_before(cue, toks, forms, mention_in, text):
            # وكانت وكالة «بلومبرغ» قد نقلت الشهر الماضي عن: the reporter stood before
            cue.via = _name(cue.speaker, cue.speaker_text)
            cue.speaker, cue.speaker_text = None, ""
        sub_from = an_idx + 1
        if sub_from < end_tok and forms[sub_from] in _HONORIFIC_PRONOUNS:
            return  # ونقلت الوكالة عن معاليه قوله: the one named before, as for وقال معاليه
    else:
        sub_from = first
    if not cue.via:  # قال لصحيفة «الأهرام»، في حوار مع مجلة «الدوحة»: the outlet reports it
        cue.via = _outlet(
            toks, forms, max(cue.idx + 1, cue.outlet_from), cue.comp if cue.comp >= 0 else end_tok
        )
    if not cue.via and cue.idx > 2 and forms[0] in ("في", "وفي") and forms[1] in _INTERVIEWS:
        # وفي تصريح لاحق لوكالة أنباء البحرين، لفتت فلانة إلى أن: the opening aside's outlet
        cue.via = _outlet(toks, forms, 1, cue.idx)
    # وأضاف في تصريح نشرته وكالة الأنباء اليمنية أن: the outlet that carried the words
    # reports them; the speaker is the verb's (named before it, or the one before)
    k = next(
        (
            j
            for j in range(sub_from, end_tok)
            if forms[j] in _CARRYING
            and j
            and (
                j < sub_from + 6
                and forms[j - 1] in _INTERVIEWS
                or _carried_aside(toks, forms, j, sub_from, end_tok)
            )
        ),
        -1,
    )
    if k >= 0 and an_idx < 0:
        reporter = _name_in(toks, forms, k + 1, end_tok, mention_in)
        cue.via = cue.via or reporter
        if k - 1 == sub_from or forms[sub_from] == "في" and k - 2 == sub_from:
            _subject_before(cue, toks, forms, mention_in, text)
            return
        end_tok = k - 1 if forms[k - 2] != "في" else k - 2
    if sub_from == cue.idx + 1 < end_tok and toks[sub_from][0] in "،,":
        # وأضافت، في مقابلة مع صحيفة «الخليج»: «…»: a pronoun subject, and an aside
        # (or one named before the verb: غير أن مهندساً … قال، طالباً عدم ذكر اسمه، إن)
        if not _subject_before(cue, toks, forms, mention_in, text):
            _title_after_that(cue, toks, forms, text)
        return
    if sub_from < end_tok:
        a = toks[sub_from][1]
        b = toks[end_tok][1] if cue.comp >= 0 or end_tok < len(toks) else toks[-1][2]
        ms = [m for m in mention_in(a, b)]
        phrase = _phrase(toks, forms, sub_from, end_tok)
        if _unjoined(cue.form) in _CALLING_VERBS:
            phrase = _before_object(phrase)  # ودعا الرئيس المواطنين إلى: the president
        if phrase and (aside_at := _aside_start(toks, forms, sub_from, end_tok)) is not None:
            # وقالت الوزارة في بيان نشرته على صفحتها بموقع «فيسبوك»، قالت نورهان، وهي
            # طالبة في كلية …: names after a preposition or a comma are not the subject
            ms = [m for m in ms if m.start < aside_at]
        # قد قال في كلمة أمام مجلس الشورى: a name after a preposition is seldom the
        # subject when one stands right before the verb (وكان فلان قد قال)
        if (
            (ms and forms[sub_from] in _PREPOSITIONS or strip_clitics(forms[sub_from]) in _TIMES)
            and an_idx < 0
            and (
                _subject_before(cue, toks, forms, mention_in, text)
                or _title_after_that(cue, toks, forms, text)
            )
        ):
            return
        if (
            an_idx < 0
            and ms
            and _titled_subject(cue, toks, forms, sub_from, end_tok, mention_in, text)
        ):
            return  # وقال المدرب البرتغالي في ندوة بمركز سيدي موسى: the coach, not the place
        if an_idx < 0 and not any(m.start <= toks[sub_from][1] < m.end for m in ms):
            # وأضافت الطراونة، خلال لقائها أعضاء مجلس المدينة: the family name first
            surname = _surname_person(forms[sub_from], mention_in(0, toks[cue.idx][1]))
            if surname is not None:
                cue.speaker = surname
                return
        if not ms and an_idx < 0:  # وقال المناعي: a family name the tagger missed
            surname = _surname_person(forms[sub_from], mention_in(0, toks[cue.idx][1]))
            if surname is not None:
                cue.speaker = surname
                return
        called = _called(toks, forms, sub_from, end_tok, ms)
        if called is not None:
            # وروى أحد السكان، ويدعى عبد السلام، للوكالة: the name given to him
            if isinstance(called, Mention):
                cue.speaker = called
            else:
                cue.speaker_text = called
            return
        if not any(m.type == "PERS" for m in ms):
            # وقالت رئيسة الجمعية في البلدة، منى عودة، إن: a name the tagger missed
            apposed = _apposed_name(toks, forms, sub_from, end_tok)
            if apposed:
                cue.speaker_text = apposed
                return
        comma = next((j for j in range(sub_from, end_tok) if toks[j][0] in "،,"), end_tok)
        if (
            ms
            and phrase
            and (forms[sub_from].startswith("ال") or title_gender(strip_clitics(forms[sub_from])))
            and all((m.start > toks[comma][1] or m.via == "nisba") and m.type != "PERS" for m in ms)
            and any(m.start > toks[comma][1] for m in ms)
        ):
            # وذكرت النيابة العامة، في بيان نشرته على صفحتها بموقع «فيسبوك»، أن: the
            # subject before the aside, not a name in it (an apposed person is the subject;
            # so for a title: كشف محامي النجم، ولاعب منتخب الأرجنتين السابق، أن)
            cue.speaker_text = phrase
            return
        if ms:
            best = _best(ms)
            head = strip_clitics(forms[sub_from])
            if (
                best.via == "nisba"
                or best.type == "LOC"
                or head in _SOURCE_NOUNS
                or (
                    head in _UNNAMED_ROLES
                    or head in _REPRESENTATIVES
                    or forms[sub_from] in _PART_OF_BODY  # (بعثة is no ب + عثة)
                    or head in _PART_OF_BODY
                )
                and best.type != "PERS"
            ) and (phrase and best.start > a):
                # الرئاسة التركية, not تركيا; مصادر في مأرب; مصادر «الوطن»; بعثة مراقبي
                # الاتحاد الإفريقي, not the union
                cue.speaker_text = phrase
                return
            if (
                best.type == "ORG"
                and title_gender(strip_clitics(forms[sub_from]))
                and (held := _holder_after(toks, forms, ms, end_tok))
            ):
                cue.speaker_text = held  # رئيس النقابة في عدن فلان فلان: the untagged holder
                return
            if best.type != "LOC" or phrase:  # (وأضاف في تصريح لوكالة الأنباء اليمنية)
                cue.speaker = (
                    _titled_person(forms[sub_from], best, mention_in(0, toks[cue.idx][1]), text)
                    if best.type == "ORG" and best.start <= toks[sub_from][2] + 2
                    else None
                ) or best
                return
        if phrase and cue.comp >= 0:
            cue.speaker_text = phrase
            return
    if _subject_before(cue, toks, forms, mention_in, text):
        return
    _title_after_that(cue, toks, forms, text)


def _aside_start(toks: list[tuple[str, int, int]], forms: list[str], a: int, b: int) -> int | None:
    """Where the words after a subject's first word turn to an aside: the first
    preposition (في، عبر، على …) or comma followed by وهو/وهي, as an offset; None when
    none comes before ``b`` (a holder named after a place, as in مدير المستشفى في غزة
    فلان, is left to the mentions)."""
    for j in range(a + 1, b):
        f = forms[j]
        if f in ("في", "عبر", "علي", "خلال") and j + 1 < b and forms[j + 1] in _ASIDE_NOUNS:
            return toks[j][1]
        if toks[j][0] in "،," and j + 1 < b and forms[j + 1] in ("وهو", "وهي"):
            return toks[j][1]
    return None


# what a preposition after the subject opens that is no part of it (في بيان، عبر حسابها)
_ASIDE_NOUNS = mf_set(
    "بيان بيانها بيانه تصريح تصريحات حديث حوار مقابلة لقاء مؤتمر كلمة حسابه حسابها صفحته "
    "صفحتها منشور تغريدة رسالة اتصال إفصاح افصاح موقع موقعها موقعه"
)


def _holder_after(
    toks: list[tuple[str, int, int]], forms: list[str], ms: list[Mention], end: int
) -> str:
    """The two or three words of a name right after the last mention of a title's subject
    (رئيس نقابة المعلمين في عدن فضل باعباد لـ…): none definite, a stopword, a title or
    a nisba, up to an addressee, a comma or the complement at ``end``."""
    last = max(m.end for m in ms)
    k = next((j for j in range(end) if toks[j][1] >= last), end)
    words: list[str] = []
    for j in range(k, end):
        f = forms[j]
        if not _WORD.fullmatch(toks[j][0]) or _addressee(f) or f in _STOP_SUBJECT:
            break
        if f.startswith("ال") or is_stopword(f) or title_gender(f) or len(words) == 3:
            return ""
        words.append(toks[j][0])
    return " ".join(words) if len(words) >= 2 else ""


def _relative_antecedent(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    mention_in: Callable[[int, int], list[Mention]],
) -> Mention | None:
    """The person a relative clause that opens with the cue's verb is about: the one named
    right before الذي/التي, maybe with a comma between (…، فلان، الذي أكد في تصريح أن;
    رئيسة النادي فلانة التي قالت)."""
    i = cue.idx
    if i < 3 or forms[i - 1] not in _RELATIVE_PRONOUNS:
        return None
    k = i - 2 if toks[i - 2][0] in "،," else i - 1  # (the comma, if any)
    before = [m for m in mention_in(toks[max(0, i - 8)][1], toks[k][1]) if m.type == "PERS"]
    if before and before[-1].end >= toks[k - 1][2]:
        return before[-1]
    return None


def _title_after_that(
    cue: _Cue, toks: list[tuple[str, int, int]], forms: list[str], text: str
) -> bool:
    """A title and its complement alone between أن and the verb: "أن رئيس الجمهورية شدد
    خلال اجتماع مجلس الوزراء على أن" (the council after خلال is no subject)."""
    # (up to a title, its nisba and a name of two words: غير أن الخبيرة الاقتصادية فلانة
    # فلان رأت أن)
    verb = cue.idx - (cue.form in _PURPOSE_VERBS and forms[cue.idx - 1] in _RETURNED)
    # (or an indefinite noun: غير أن مهندساً يعمل في أحد مشاريع الإعمار قال)
    k = next((i for i in range(verb - 1, max(-1, verb - 8), -1) if forms[i] in _COMP), -1)
    # (a definite title alone too: ذكرت الرئاسة أن الرئيس شدد على «…»)
    alone = (
        k == verb - 2
        and forms[k + 1].startswith("ال")
        and bool(title_gender(forms[k + 1]))
        and forms[k + 1] not in _ANYONE
        and _unjoined(cue.form) not in _OPINION  # (أن المواطن يرى أن: a view, not words)
    )
    if 0 <= k < verb - 2 and (title_gender(forms[k + 1]) or toks[k + 1][0].endswith("اً")) or alone:
        words = toks[k + 1 : verb]
        if all(w[0][0].isalnum() for w in words) and not _PARTICLES & set(forms[k + 1 : cue.idx]):
            cue.speaker_text = text[words[0][1] : words[-1][2]]
            return True
    return _unnamed_before_aside(cue, toks, forms, text, verb)


_WITHHELD = mf_set("اسمه اسمها هويته هويتها")  # رفض الكشف عن اسمه: an anonymous source


def _unnamed_before_aside(
    cue: _Cue, toks: list[tuple[str, int, int]], forms: list[str], text: str, verb: int
) -> bool:
    """An unnamed source between أن and an aside that withholds its name, right before
    the verb (غير أن مسؤولاً في المفوضية، رفض الكشف عن اسمه، قال إن)."""
    if verb < 4 or toks[verb - 1][0] not in "،,":
        return False
    c = next((i for i in range(verb - 2, max(-1, verb - 9), -1) if toks[i][0] in "،,"), -1)
    if c < 2 or not _WITHHELD & set(forms[c + 1 : verb - 1]):
        return False
    k = next((i for i in range(c - 1, max(-1, c - 6), -1) if forms[i] in _COMP), -1)
    if k < 0 or k >= c - 1 or not (title_gender(forms[k + 1]) or toks[k + 1][0].endswith("اً")):
        return False
    words = toks[k + 1 : c]
    if not all(w[0][0].isalnum() for w in words):
        return False
    cue.speaker_text = text[words[0][1] : words[-1][2]]
    return True


def _titled_subject(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    a: int,
    b: int,
    mention_in: Callable[[int, int], list[Mention]],
    text: str,
) -> bool:
    """A definite title (and nisbas) that opens the subject before a preposition: the
    person named with that title before, not a name after the preposition."""
    if not (forms[a].startswith("ال") and title_gender(forms[a])):
        return False
    end = a + 1
    while end < b and _nisba_form(forms[end]):
        end += 1
    if end >= b or forms[end] not in _PREPOSITIONS:
        return False
    if any(m.via != "nisba" for m in mention_in(toks[a][1], toks[end][1])):
        return False  # a name in the title phrase itself
    holder = _role_holder(
        text[toks[a][1] : toks[end - 1][2]], toks[cue.idx][1], mention_in(0, len(text)), text
    )
    if holder is None:
        return False
    cue.speaker = holder
    return True


def _surname_person(form: str, before: list[Mention]) -> Mention | None:
    """The latest person in ``before`` whose full name has the word ``form`` (match form)
    after its first: a family name alone that the tagger did not find."""
    if is_stopword(form):
        return None  # يرى على حد قوله: على is no سالم ربيع علي
    for m in reversed(before):
        words = m.key.split()
        # the last word, or a later one with the article (the span may run on: فلان طالب)
        if m.type == "PERS" and form in words[1:] and (form == words[-1] or form[:2] == "ال"):
            return m
    return None


def _titled_person(title: str, org: Mention, before: list[Mention], text: str) -> Mention | None:
    """The person named (in ``before``, the mentions before the verb, in order) with the
    same title of the same body, for a role written without the name (قال مدرب الوداد ←
    مدرب الوداد الرياضي فلان، مدرب النادي الأهلي البحريني فلان): the body's name may have
    been written longer then."""
    if not title_gender(title):
        return None
    for body, m in zip(before, before[1:], strict=False):
        if (
            m.type == "PERS"
            and body.type == "ORG"
            and 0 <= m.start - body.end <= 1
            and f" {org.key} " in f" {body.key} "
        ):
            words = scan_tokens(text[max(0, body.start - 20) : body.start])
            if words and strip_clitics(cached_match_form(words[-1][0])) == strip_clitics(title):
                return m
    return None


_UNNAMED_ROLES = mf_set("مسؤول مسؤولة مصدر")
_UNNAMED_SOURCES = _UNNAMED_ROLES | _SOURCE_NOUNS
# a body's representative unnamed (شدد ممثل النيابة العامة على أن): the role speaks
_REPRESENTATIVES = mf_set("ممثل ممثلة مندوب مندوبة")
# a body's mission, delegation or unit named by the body (بعثة مراقبي الاتحاد الإفريقي)
_PART_OF_BODY = mf_set("بعثة وفد لجنة فريق مكتب")
_DIRECTIONS = mf_set("جنوب شمال شرق غرب وسط جنوبي شمالي شرقي غربي")


_CALLED = mf_set("يدعى ويدعى تدعى وتدعى واسمه واسمها")  # (not عن اسمه: his name withheld)
_MAX_CALLED_WORDS = 4


def _called(
    toks: list[tuple[str, int, int]], forms: list[str], a: int, b: int, ms: list[Mention]
) -> Mention | str | None:
    """The name after يدعى/واسمه in a subject (أحد السكان، ويدعى عبد السلام،): the
    person's mention there, else its words."""
    k = next((k for k in range(a, b) if forms[k] in _CALLED), -1)
    if k < 0 or k + 1 >= b:
        return None
    at = toks[k + 1][1]
    named = next((m for m in ms if m.start == at and m.type == "PERS"), None)
    if named is not None:
        return named
    end = k + 1
    while end < b and toks[end][0][0].isalnum() and end - k <= _MAX_CALLED_WORDS:
        end += 1
    if end < b and toks[end][0] not in "،,:":
        return None
    return " ".join(t[0] for t in toks[k + 1 : end]) or None


def _apposed_name(toks: list[tuple[str, int, int]], forms: list[str], a: int, b: int) -> str:
    """The two or three words set off by commas after a role that opens the subject
    (رئيسة قسم البحوث في أحد البنوك، هبة الشريف: …): the name of the role's holder. The
    first word has no article; none is a stopword, a time or a speech word."""
    if strip_clitics(forms[a]) in _UNNAMED_ROLES:
        return ""  # (مسؤول يمني بمحافظة عدن، جنوب البلاد: an unnamed official, a place)
    comma = next((k for k in range(a + 1, b) if toks[k][0] in "،,"), -1)
    if comma < 0:
        return ""
    # (دفاع المطالبين بالحق المدني، المحامية فلانة: the title is in the apposition)
    titled = comma + 2 < b and bool(title_gender(forms[comma + 1]))
    if not (title_gender(forms[a]) or titled):
        return ""
    if titled:
        comma += 1
    elif (
        comma + 3 < b
        and toks[comma + 1][0].startswith("ال")
        and toks[comma + 1][0].isalpha()
        and not is_stopword(forms[comma + 1])  # (، الذي تولى منصبه،)
    ):
        comma += 1  # مديرة الدورة، المنتجة سلوى الجلاصي: an occupation before the name
    end = comma + 1
    while end < b and toks[end][0][0].isalnum() and end - comma <= 4:
        end += 1
    words = forms[comma + 1 : end]
    closed = end == b or toks[end][0] in "،,:"
    # (as written: ألفة is a name, its match form الفه looks definite)
    if not (2 <= len(words) <= 3 and closed) or toks[comma + 1][0].startswith("ال"):
        return ""
    if words[0] in _ACCORDING or any(
        is_stopword(w) or w in _TIMES or w in _VERB_FORMS or w in _DIRECTIONS for w in words
    ):
        return ""
    return " ".join(t[0] for t in toks[comma + 1 : end])


def _subject_before(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    mention_in: Callable[[int, int], list[Mention]],
    text: str,
) -> bool:
    """The subject named right before the verb ("أن إردوغان شدد", "وكان فلان قد قال"):
    set it on ``cue`` and say whether there was one."""
    if cue.form[:1] == "و" and _unjoined(cue.form) != cue.form:
        return False  # بعد الخسارة أمام تشيلسي واكتفى بالقول: a clause of its own
    lo = toks[max(0, cue.idx - 7)][1]  # (a name of three words, a comma, قد)
    for m in reversed(mention_in(lo, toks[cue.idx][1])):
        gap = text[m.end : toks[cue.idx][1]].strip()
        if gap.lstrip("،,").strip() in ("قد", "") and m.type == "PERS":
            gap = gap.lstrip("،,").strip()  # وكان الوزير، فلان، قد حذر: the apposition
        if len(gap.split()) <= 1 and not any(ch in gap for ch in "،,.:«»"):
            k = next((i for i in range(cue.idx - 1, -1, -1) if toks[i][1] <= m.start), -1)
            # الوزير اللبناني يرى أن، وزير الطاقة السعودي أكد أن: the title and its nisba
            title = next(
                (
                    x
                    for x in range(k - 1, max(-1, k - 4), -1)
                    if title_gender(forms[x])
                    and all(f.startswith("ال") and not is_stopword(f) for f in forms[x + 1 : k])
                ),
                -1,
            )
            if m.via == "nisba" and title >= 0:
                cue.speaker_text = text[toks[title][1] : m.end]
            else:
                cue.speaker = m
            return True
    if (
        cue.idx >= 2
        and forms[cue.idx - 2] in _BUT
        and forms[cue.idx - 1].startswith("ال")
        and toks[cue.idx - 1][0][0].isalpha()
        and not is_stopword(forms[cue.idx - 1])
    ):
        cue.speaker_text = toks[cue.idx - 1][0]  # لكن المفوضية حذرت: the body named before
        return True
    # وكانت النيابة العامة قد ذكرت: a subject the tagger did not find, between كان and قد
    if cue.idx >= 3 and forms[cue.idx - 1] == "قد":
        k = next((i for i in range(cue.idx - 2, max(-1, cue.idx - 9), -1) if forms[i] in _WAS), -1)
        words = toks[k + 1 : cue.idx - 1]
        if (
            k >= 0
            and words
            and words[0][0][0].isalnum()
            and not is_stopword(forms[k + 1])
            and not is_stopword(forms[cue.idx - 2])
            and all(
                w[0][0].isalnum()
                and (not is_stopword(f) or f in _NAME_LINKS)
                or w[0] in _QUOTE_MARKS
                for w, f in zip(words, forms[k + 1 :], strict=False)
            )
        ):  # (وكانت صحيفة «اللواء» قد ذكرت: a name in marks too; المندوبية الوطنية للأمن
            # في الطرق: a preposition inside a body's name)
            cue.speaker_text = text[words[0][1] : words[-1][2]]
            return True
    return False


_WAS = mf_set("كان كانت وكان وكانت")
_BUT = mf_set("لكن ولكن")
_NAME_LINKS = mf_set("في من")  # inside a body's name (المندوبية الوطنية للأمن في الطرق)


def _apposed_before(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    mention_in: Callable[[int, int], list[Mention]],
    text: str,
) -> Mention | None:
    """The person whose apposition closes with the comma right before the verb (فلان،
    المدير الفني للنادي، قال): the verb's subject."""
    if cue.idx < 2 or toks[cue.idx - 1][0] not in "،,":
        return None
    comma = toks[cue.idx - 1]
    lo = toks[max(0, cue.idx - _MAX_APPOSITION - 4)][1]
    m = next((m for m in reversed(mention_in(lo, comma[1])) if m.type == "PERS"), None)
    if m is None:
        return None
    seg = text[m.end : comma[1]]
    return m if len(seg.split()) >= 2 and _apposing(comma, m, text) else None


def _title_of_a_body(
    toks: list[tuple[str, int, int]],
    forms: list[str],
    first: int,
    j: int,
    end: int,
    mention_in: Callable[[int, int], list[Mention]],
) -> int:
    """Where the holder's name starts when the لـ«…» or لوكالة … at ``j`` is a title's
    complement, not an addressee: a title between the verb and it, and a person named
    right after it (الرئيس التنفيذي لـ«رافدين للاتصالات» مهند الجبوري، المدير العام
    لوكالة تحسين السكن، رضا مقراني،); else 0."""
    if not any(title_gender(f) for f in forms[first:j]):
        return 0
    if toks[j][0] in ("ل", "لـ"):
        k = _after_addressee(toks, forms, j, end)
    else:  # المدير العام لوكالة تحسين السكن، رضا مقراني،: the body's name runs to a comma
        k = next((i + 1 for i in range(j + 1, min(end, j + 8)) if toks[i][0] in "،,"), j)
        k = k if k < end else j
    named = k > j and any(
        m.type == "PERS" and m.start == toks[k][1] for m in mention_in(toks[k][1], toks[end - 1][2])
    )
    return k if named else 0


def _after_addressee(toks: list[tuple[str, int, int]], forms: list[str], j: int, end: int) -> int:
    """The token after an addressee that starts at ``j`` (لـ«الشرق الأوسط»، لصحيفة «…»،
    لنظيره), else ``j``."""
    if (
        j >= end
        or _addressee(forms[j]) != 2
        or forms[j] in _ADDRESSEE_WORDS - {"ل"}
        or forms[j].startswith("لنظير")  # the counterpart: the subject came before
    ):
        return j
    k = j + 1
    if k < end and forms[k] in _PRESS and forms[j][1:] in _AGENCIES:
        k += 1  # لفرانس برس
    if k < end and toks[k][0] in _OPEN_OR_BRACKET:  # its name in marks
        close = _OPEN_OR_BRACKET[toks[k][0]]
        k = next((i + 1 for i in range(k + 1, end) if toks[i][0] == close), j)
        if k == j:
            return j
        while k < end and forms[k].startswith("ال") and gazetteer().nisba_country(toks[k][0]):
            k += 1  # لقناة «الرياضية» المغربية: the outlet's country, not the subject
    while k < end and toks[k][0] in "،,":
        k += 1
    return k if k < end else j


_CARRYING = mf_set(
    "نشرته بثته نقلته أوردته أذاعته نشرها بثها نقلها أوردتها نقلتها نشرتها بثتها أذاعتها"
)
_OUTLETS = mf_set("صحيفة جريدة مجلة وكالة قناة إذاعة راديو تلفزيون موقع شبكة محطة برنامج")
_IN_DURING = mf_set("في خلال")
# "his excellency", "his highness" …: a pronoun subject, not a name
_HONORIFIC_PRONOUNS = mf_set(
    "معاليه معاليها سموه سموها فخامته فخامتها سيادته سيادتها سماحته سماحتها دولته دولتها "
    "جلالته جلالتها فضيلته فضيلتها سعادته سعادتها"
)
_BROADCASTING_BODY, _BROADCASTING = mf_set("هيئة"), mf_set("الإذاعة")  # (the BBC)
_BEFORE_AUDIENCE = mf_set("أمام")
_INTERVIEWS = mf_set("تصريح تصريحات حديث حوار مقابلة لقاء مداخلة اتصال تعليق")


def _carried_aside(
    toks: list[tuple[str, int, int]], forms: list[str], j: int, a: int, b: int
) -> bool:
    """An aside after the named subject at ``j``: …، في تصريح نقلته الوكالة / في بيان
    أوردته وكالة الأنباء العمانية، أن (a statement carried by an outlet, not issued by it)."""
    if j < a + 3 or forms[j - 2] != "في" or toks[j - 3][0] not in "،,":
        return False
    if forms[j - 1] in _INTERVIEWS:
        return True
    nxt = forms[j + 1] if j + 1 < b else ""
    return forms[j - 1] == "بيان" and (nxt in _OUTLETS or nxt[2:] in _OUTLETS)


def _relays_the_last(
    cue: _Cue, toks: list[tuple[str, int, int]], text: str, sentence_quotes: list[Quote]
) -> bool:
    """A source after a comma inside the reported clause before it (أعلن فلان أن الجلسة
    ستستكمل، بحسب ما أفادت الوكالة الوطنية للإعلام): the clause ends at the comma and the
    source relays it (its ``via``). Whether it was so."""
    if not cue.idx or toks[cue.idx - 1][0] not in "،,":
        return False
    comma = toks[cue.idx - 1][1]
    last = next(
        (q for q in reversed(sentence_quotes) if q.kind == "indirect" and q.start < comma < q.end),
        None,
    )
    if last is None:
        return False
    end = next((k for k in range(cue.idx + 1, len(toks)) if toks[k][0] in "،,.؛"), len(toks))
    name = _source_name(text, toks[cue.idx + 1 : end])
    if not name:
        return False
    last.end = len(text[:comma].rstrip())
    last.text = text[last.start : last.end]
    last.via = last.via or name
    return True


def _source_name(text: str, toks: list[tuple[str, int, int]]) -> str:
    """The words of a source after بحسب/وفقاً (لـ «رويترز»، → «رويترز»)."""
    words = [t for t in toks if t[0] not in ("ل", "لـ", "،", ",")]
    while words and cached_match_form(words[0][0]) in _RELAYED_BY:
        words = words[1:]  # بحسب ما أوردته مجلة «…»: the magazine
    if not words:
        return ""
    start = words[0][1]
    if words[0][0][:1] == "ل" and len(words[0][0]) >= 3:  # لرويترز، لبي بي سي
        start += 2 if words[0][0].startswith("لـ") else 1
    return text[start : words[-1][2]]


def _text_of(toks: list[tuple[str, int, int]]) -> str:
    """Tokens joined by single spaces."""
    return " ".join(t[0] for t in toks)


# News agencies named without their noun (لرويترز، لفرانس برس، لمراسل الأناضول)
_AGENCIES = mf_set(NEWS_AGENCIES)
_PRESS = mf_set("برس")
_PROGRAMMES = mf_set("برنامج")  # an outlet only with its name in marks
_CORRESPONDENT = mf_set("لمراسل لمراسلة لمراسلي")


def _agency(toks: list[tuple[str, int, int]], forms: list[str], j: int, word: str, b: int) -> str:
    """An agency's name from token ``j`` (``word``: its text there, without ل)."""
    return f"{word} {toks[j + 1][0]}" if j + 1 < b and forms[j + 1] in _PRESS else word


def _outlet(toks: list[tuple[str, int, int]], forms: list[str], a: int, b: int) -> str:
    """The media outlet a speaker talked to between the verb and its complement (قال
    لصحيفة «الأهرام»، في تصريح لوكالة الأنباء الفرنسية، في حوار مع مجلة «الدوحة»): the
    outlet's noun and its name."""
    for j in range(a, min(b, len(toks))):
        f = forms[j]
        if f.startswith("ل") and f[1:] in _AGENCIES:  # قالت فلانة لرويترز، لفرانس برس
            return _agency(toks, forms, j, toks[j][0][1:], b)
        if f in _CORRESPONDENT and j + 1 < b and forms[j + 1] in _AGENCIES:  # لمراسل الأناضول
            return _agency(toks, forms, j + 1, toks[j + 1][0], b)
        if f.startswith("لل") and f[2:] in _OUTLETS and f[2:] not in _PROGRAMMES:
            # وأضاف للوكالة: the agency named before (see _named_reporter); للإذاعة
            # الجزائرية: named by its adjectives
            named = ["ال" + toks[j][0][2:]]
            for t, tf in zip(toks[j + 1 : b], forms[j + 1 : b], strict=False):
                if not tf.startswith("ال") or tf in _STOP_SUBJECT or len(named) > 3:
                    break
                named.append(t[0])
            return " ".join(named)
        if f in ("ل", "لـ") and j + 1 < b and (named_in := _marked(toks, j + 1, b)):
            return named_in  # لـ«القبس»
        if f.startswith("ل") and f[1:] in _OUTLETS:
            noun, k = toks[j][0][1:], j + 1
            if f[1:] in _PROGRAMMES and not (k < b and toks[k][0] in _OPEN):
                continue  # لبرنامج «ملعب الأسبوع», not لبرنامج التحول الوطني
        elif (
            f == "مع"
            and j > a
            and (forms[j - 1] in _INTERVIEWS or j - 1 > a and forms[j - 2] in _INTERVIEWS)
            and j + 1 < b
        ):
            if toks[j + 1][0] in _OPEN:  # في حوار مع «الشرق الأوسط»: the name alone
                if named_in := _marked(toks, j + 1, b):
                    return named_in
                continue
            if not (
                forms[j + 1] in _OUTLETS
                or forms[j + 1] in _BROADCASTING_BODY
                and j + 2 < b
                and forms[j + 2] in _BROADCASTING
            ):
                continue
            noun, k = toks[j + 1][0], j + 2  # في حوار مع مجلة …
        else:
            continue
        if k < b and toks[k][0] in _OPEN:  # its name in marks: up to the closing one
            close = next((i for i in range(k + 1, b) if toks[i][0] == _OPEN[toks[k][0]]), -1)
            if close > k + 1:
                return f"{noun} {toks[k][0]}{_text_of(toks[k + 1 : close])}{toks[close][0]}"
            return ""
        words: list[str] = []
        for t, tf in zip(toks[k:b], forms[k:b], strict=False):
            if not t[0][0].isalnum() or tf in _STOP_SUBJECT or tf in _COMP or len(words) > 4:
                break
            words.append(t[0])
        return f"{noun} {' '.join(words)}" if words else ""
    return ""


def _marked(toks: list[tuple[str, int, int]], j: int, b: int) -> str:
    """The words in the marks (or brackets) opened at token ``j`` and closed before ``b``,
    else ""."""
    if toks[j][0] not in _OPEN_OR_BRACKET:
        return ""
    close = next((i for i in range(j + 1, b) if toks[i][0] == _OPEN_OR_BRACKET[toks[j][0]]), -1)
    return _text_of(toks[j + 1 : close]) if close > j + 1 else ""


def _name_in(
    toks: list[tuple[str, int, int]],
    forms: list[str],
    a: int,
    b: int,
    mention_in: Callable[[int, int], list[Mention]],
) -> str:
    if a >= b:
        return ""
    ms = mention_in(toks[a][1], toks[b - 1][2])
    phrase = _phrase(toks, forms, a, b)
    if a + 2 < b and strip_clitics(forms[a]) in _OUTLETS and toks[a + 1][0] in _OPEN:
        close = next((i for i in range(a + 2, b) if toks[i][0] == _OPEN[toks[a + 1][0]]), -1)
        if close > a + 2:  # نقل راديو «دبنقا» عن: the outlet and its name
            return f"{toks[a][0]} {_text_of(toks[a + 2 : close])}"
    if ms:
        best = _best(ms)
        return phrase if best.via == "nisba" and phrase else best.entity
    return phrase


_ADDRESSEE = (
    "لنظير",
    "لصحيف",
    "لوكال",
    "لقناه",
    "لمراسل",
    "لموقع",
    "لاذاعه",
    "لمجله",
    "لتلفزيون",
    "لوساءل",
    "لشبكه",
    "لمحطه",
    "للصحفيين",
    "للصحافيين",
    "للصحافه",
    "للتلفزيون",
    "للاذاعه",
    "للوكاله",
    "للقناه",
    "للمراسلين",
    "للصحيف",  # وقال المصدر للصحيفة: the paper he spoke to
    "للجريد",
    "لجريد",
    "للمجله",
    "للموقع",
    "للحاضرين",
    "للحضور",
    *("ل" + a for a in mf_set(NEWS_AGENCIES)),  # لرويترز، لفرانس برس
)
_COUNTERPART = ("نظير", "نظراء")
_ADDRESSEE_WORDS = frozenset({"ل", "له", "لها", "لهم", "لهما", "لنا", "لي"})
# the words reported, as a noun with its owner's pronoun (عن العاهل تأكيده أن، عن المركز
# تنبيهه بأن): the source or the subject ends before them
_SAYING_NOUNS = frozenset({"قوله", "قولها", "قولهم", "قولهما"}) | mf_set(
    "تأكيده تأكيدها تأكيدهم تشديده تشديدها إشارته إشارتها توضيحه توضيحها تنبيهه تنبيهها "
    "تحذيره تحذيرها نفيه نفيها"
)
_STOP_SUBJECT = (
    _SAYING_NOUNS
    | frozenset(
        {
            "في",
            "علي",
            "الي",
            "ل",
            "امام",
            "خلال",
            "عبر",  # وكتبت عبر حسابها: the means, not who
            "قد",  # وكان الوزير قد حسم: the subject ends
            "لدي",  # قالت فلانة لدى سؤالها: when, not who
            "ضمنا",  # تحب أن تقول ضمناً إن: how, not who
            "عن",
            "بعد",
            "قبل",
            "عقب",  # وقالت لصحيفة «الأيام» عقب الجلسة: when, not who
            "اثر",
            "قبيل",
            "امس",
            "اليوم",
            "مع",
            # a preposition with a pronoun, "saying", "also": the speaker is the one before
            # (وقال فيها، وأضاف بالقول، وقال أيضا)
            "فيها",
            "فيه",
            "فيهم",
            "عنه",
            "عنها",
            "عنهم",
            "له",
            "لها",
            "لهم",
            "منه",
            "منها",
            "عليه",
            "عليها",
            "وهو",  # وأضاف وهو يحمل صورة ابنه: how, not who
            "وهي",
            "بالقول",
            "بالرد",  # اكتفى بالرد / بالإشارة إلى أن: how, not who
            "بالاشاره",
            "بالتاكيد",
            "بالتعليق",
            "قائلا",
            "ايضا",
            # لفت (التقرير) النظر إلى: "drew attention"
            "النظر",
            "الانتباه",
        }
    )
    | mf_set(
        # how it was said (وقال بكل صراحة إن، وأضاف بحزم): the speaker is the one before
        "بكل بصراحة بوضوح بحزم بثقة بأسف بمرارة بفخر بحسرة بلهجة بنبرة بصوت بهدوء بغضب"
    )
)

_TYPE_ORDER = {"PERS": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def _phrase(toks: list[tuple[str, int, int]], forms: list[str], a: int, b: int) -> str:
    """Up to 7 words from token ``a`` to before ``b``, stopping at a preposition/punctuation."""
    words: list[str] = []
    for j in range(a, min(b, len(toks))):
        w = toks[j][0]
        if not w[0].isalnum() and w not in _QUOTE_MARKS:
            break
        if (
            (forms[j] == "عن" or forms[j] in _ISSUING_VERBS)
            and words
            and _DOCUMENT_NOUNS & {cached_match_form(x) for x in words}
        ):
            words = []  # تقرير صادر عن البنك الدولي، بيان نشرته السفارة → the issuer
            continue
        if (
            forms[j] in _STOP_SUBJECT
            and not (words and cached_match_form(words[-1]) in _KIN_NAMES)  # أم علي: Ali
            or forms[j] in _COMP
            or _is_participle(forms[j])
            or forms[j] in _MANNER
        ):
            break  # (قال نائب مخضرم مازحاً: how he said it, not who)
        if words and forms[j] in _VERB_FORMS:
            break  # وكان الوزير أعلن: the verb ends its subject
        if forms[j][:1] == "ل" and forms[j][1:] in _AGENCIES:
            break  # قال سيف لفرانس برس: the agency he spoke to
        if forms[j] == "من" and j == b - 1:
            break  # حذر صندوق النقد الدولي من أن …: the preposition belongs to the verb
        if w in _QUOTE_MARKS:
            continue
        words.append(w)
    return " ".join(words[:7])


_KIN_NAMES = mf_set("أم أبو أبي ابن بن بنت")  # before a given name (أم علي، أبو علي)


# verbs whose object (whom one calls on, warns, tells) comes between the subject and
# the quote: ودعا الرئيس المواطنين إلى «…»
_CALLING_VERBS = mf_set(
    "دعا دعت طالب طالبت حث حثت ناشد ناشدت حذر حذرت نصح نصحت طمأن طمأنت أبلغ أبلغت "
    "أخبر أخبرت وعد وعدت سأل سألت"
)
# the people one calls on, in the definite (plurals in ين besides)
_OBJECT_NOUNS = mf_set(
    "الحكومة الحكومات السلطات الجميع الشعب الناس المجتمع الدول الأطراف الأهالي الشباب "
    "الجهات الأسر الطلاب الشركات العالم الإدارة الأمة الجمهور الشارع الحضور"
)


def _object_word(form: str) -> bool:
    """A definite noun of the people one calls on or tells (الحكومة، المواطنين)."""
    return form in _OBJECT_NOUNS or form.startswith("ال") and form.endswith("ين") and len(form) > 5


def _before_object(phrase: str) -> str:
    """A subject's words up to a definite object right after a definite word
    (الرئيس المواطنين → الرئيس; وزير الخارجية المجتمع الدولي → وزير الخارجية), or up to
    a noun in construct that opens another phrase (الهيئة أصحاب الشركات → الهيئة)."""
    words = phrase.split(" ")
    forms = [cached_match_form(w) for w in words]
    for i in range(1, len(words)):
        f = forms[i]
        if not forms[i - 1].startswith("ال"):
            continue
        if _object_word(f) or (
            not f.startswith(("ال", "ل"))
            and i + 1 < len(forms)
            and forms[i + 1].startswith("ال")
            and not is_stopword(f)
        ):
            return " ".join(words[:i])
    return phrase


_MAX_SOURCE_WORDS = 12
_STOP_SOURCE = _SAYING_NOUNS
# a report named with its issuer (تقرير صادر عن منظمة الأغذية والزراعة، دراسة أعدتها الجامعة)
_ISSUED_REPORT = re.compile(
    r"(?:تقرير|التقرير|دراسة|الدراسة)[^.\n]{0,30}?(?:صادرة?\s+عن|الصادرة?\s+عن|أعدته|أعدتها"
    r"|أصدرته|أصدرتها|نشرته|نشرتها)\s+"
)
_REPORTS = mf_set("التقرير الدراسة")
_TO = ("إلى", "الى")  # a report's addressee, not its issuer
_DATA_NOUNS = mf_set("بيانات إحصاءات إحصائيات أرقام تقديرات")  # ووفقاً لبيانات المنظمة


def _issuer_before(src: str, pos: int, text: str, ments: list[Mention]) -> Mention | None:
    """The body or person that issued the report a source names by its noun alone
    (وبحسب التقرير، فإن … after تقرير صادر عن منظمة …), named earlier in the text."""
    if match_form(src) not in _REPORTS:
        return None
    issuer = None
    for m in _ISSUED_REPORT.finditer(text, 0, pos):
        issuer = next(
            (o for o in ments if m.end() <= o.start <= m.end() + 2 and o.type in _SPEAKING),
            issuer,
        )
    return issuer


_DOCUMENT_NOUNS = mf_set("تقرير دراسة بيان وثيقة رسالة تقريرا بيانا صادر صادرة الصادر الصادرة")


# Verbs that open a news sentence with its subject after them, besides the speech verbs
_OPENING_VERBS = mf_set(
    "كان كانت كشف كشفت أعلن أعلنت دعا دعت طالب طالبت حذر حذرت أشاد أشادت انتقد انتقدت نفى نفت "
    "رحب رحبت استقبل استقبلت التقى التقت بحث بحثت افتتح افتتحت وجه وجهت أبدى أبدت "
    "اتهم اتهمت أدان أدانت ندد نددت جدد جددت تحدث تحدثت علق علقت أعرب أعربت عبر عبرت "
    "تطرق تطرقت هنأ هنأت شكر شكرت أثنى أثنت"
)


def _opening_subject(
    toks: list[tuple[str, int, int]], forms: list[str], stripped: list[str], before: int
) -> str:
    """The words after the verb that opens a sentence, up to a preposition, a mark, an
    addressee (لوكالة) or the complement (أن، إن; :func:`_phrase`), when that verb is a
    speech verb or one of ``_OPENING_VERBS``."""
    if before < 2 or not (
        stripped[0] in _OPENING_VERBS or stripped[0] in _VERBS or forms[0] in _VERBS
    ):
        return ""
    end = next(
        (
            j
            for j in range(1, before)
            if forms[j] in _COMP or toks[j][0] in _QUOTE_MARKS or _addressee(forms[j]) == 2
        ),
        before,
    )
    return _phrase(toks, forms, 1, end)


def _opening_body(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    stripped: list[str],
    mention_in: Callable[[int, int], list[Mention]],
) -> Mention | str | None:
    """The subject of the verb that opens the cue's sentence (maybe after an opener and a
    comma: بدورها، أعلنت …), when that verb is one of ``_OPENING_VERBS`` and agrees in
    gender with the cue (أعلنت … وقالت، دعت … مؤكدة): the person or body named right
    after it, else a body's noun with its complements (مديرية الأمن العام، شرطة أبوظبي،
    الجناح العسكري لحزب …)."""
    gender = cue_gender(cue.text)
    if not gender:
        return None
    starts = [0] + [j + 1 for j in range(1, min(_OPENER_WORDS, cue.idx)) if toks[j][0] in "،,"]
    # (وكانت: strip_clitics reads its ك as "like")
    verbs = [
        next((f for f in (forms[j], forms[j][1:]) if f in _OPENING_VERBS), stripped[j])
        for j in starts
    ]
    v = next((j for j, f in zip(starts, verbs, strict=True) if f in _OPENING_VERBS), -1)
    if v < 0 or v + 1 >= cue.idx or ("f" if forms[v].endswith("ت") else "m") != gender:
        return None
    first = v + 1
    ms = mention_in(toks[first][1], toks[cue.idx][1])
    named = next((m for m in ms if m.start <= toks[first][1] + 1), None)
    if named is not None:
        return named if named.type in ("PERS", "ORG") else None
    head = forms[first]
    if head not in _BODY_NOUNS and head[2:] not in _BODY_NOUNS and title_gender(head) != gender:
        # (ودعت المتقدمين إلى: an object; the subject is a pronoun; but رحب وزير الخارجية
        # بالإحاطة، وقال: a role; a participle's is its sentence's opening subject)
        return None
    if head not in _BODY_NOUNS and head[2:] not in _BODY_NOUNS:
        near = toks[min(cue.idx, first + _BODY_WORDS) - 1][2]
        holder = next((m for m in ms if m.type == "PERS" and m.start < near), None)
        if holder is not None:
            return holder  # كشف وزير النقل الأردني وسام التهتموني …، مضيفاً: its holder
    words = [toks[first][0]]
    closed = head.startswith("ال")  # a definite word ends a construct chain
    for j in range(first + 1, min(cue.idx, first + _BODY_WORDS)):
        f = forms[j]
        inside = next((m for m in ms if m.start <= toks[j][1] + 2 < m.end), None)
        if inside is not None and (not f.startswith("ل") or inside.type == "ORG"):
            # شرطة أبوظبي، لحزب العمال الكردستاني: a name ends the body's
            return " ".join(words + [t[0] for t in toks[j : cue.idx] if t[2] <= inside.end])
        if not _WORD.fullmatch(toks[j][0]) or is_stopword(f):
            break
        if closed and not (
            f.startswith("ال") and (f in _BODY_ADJECTIVES or f.endswith(("ي", "يه")))
        ):
            break  # الجوازات الأشقاء: the object
        words.append(toks[j][0])
        closed = closed or f.startswith("ال")
    return " ".join(words)


_OPENER_WORDS = 4  # من جهتها، / بدوره، / في المقابل، before a sentence's first verb
_BODY_WORDS = 6
_BODY_NOUNS = mf_set(" ".join(ORG_CUES)) | mf_set(
    "مديرية شرطة دائرة سلاح قوات قيادة بلدية أمانة نيابة سلطة مصلحة إدارة مقاومة جناح "
    "محافظة إمارة سفارة قنصلية بعثة مفوضية غرفة أجهزة جهاز"
)
_BODY_ADJECTIVES = mf_set("العام العامة العليا الأعلى الكبرى الوطني الوطنية")
_WORD = re.compile(r"[\u0621-\u065f\u0640]+")


# the words between بحسب and the one who relayed what was said (بحسب ما نقلت عنه)
_RELAYED_BY = mf_set(
    "ما لما نقلت نقلته نقل نقله أوردت أوردته أورد ذكرت ذكره ذكرته أفادت أفاد أفادته نشرت نشرته "
    "عنه عنها عنهم"
)
_AMMA = mf_set("أما وأما")
_RELATIVE_PRONOUNS = mf_set("الذي التي الذين اللذين اللتين اللواتي")
_MAX_TOPIC_WORDS = 6


def _amma_topic(
    toks: list[tuple[str, int, int]],
    forms: list[str],
    idx: int,
    mention_in: Callable[[int, int], list[Mention]],
) -> Mention | str | None:
    """The topic a sentence opens with (أما المتهم، فقد …): its person or body, else its
    words, for a verb after the ف with no subject of its own."""
    if not forms or forms[0] not in _AMMA:
        return None
    comma = next((j for j in range(2, min(idx, _MAX_TOPIC_WORDS + 2)) if toks[j][0] in "،,"), -1)
    if comma < 0:
        # أما شقيق المتهم فاكتفى بالقول، أما صاحب المطعم فنشر … قال فيه: no comma, the
        # answer's ف right after the topic's words
        answer = next(
            (
                j
                for j in range(2, min(idx + 1, _MAX_TOPIC_WORDS + 2))
                if forms[j].startswith("ف") and len(forms[j]) > 3 and toks[j][0][0].isalpha()
            ),
            -1,
        )
        words = toks[1:answer]
        if answer < 0 or not all(w[0][0].isalnum() for w in words):
            return None
        named = [m for m in mention_in(words[0][1], words[-1][2]) if m.type in _SPEAKING]
        return named[0] if named else " ".join(w[0] for w in words)
    if comma + 1 > idx:
        return None  # (the cue may be the answer's verb itself: أما البنك، فأكد)
    # the ف of the answer right after the topic, or after a relative clause or an
    # apposition set off by commas (أما فلانة، التي تبيع السمك منذ ثلاثين عاماً، فقالت;
    # أما صاحب هدف الفوز، المهاجم الغاني فلان، فأهدى)
    second = next(
        (
            j
            for j in range(
                comma + 2,
                idx if forms[comma + 1] in _RELATIVE_PRONOUNS else min(idx, comma + 8),
            )
            if toks[j][0] in "،," and forms[j + 1].startswith("ف")
        ),
        -1,
    )
    if not forms[comma + 1].startswith("ف") and second < 0:
        return None
    words = toks[1:comma]
    if not all(w[0][0].isalnum() for w in words):
        return None
    named = [m for m in mention_in(words[0][1], words[-1][2]) if m.type in _SPEAKING]
    if not named and second >= 0 and forms[comma + 1] not in _RELATIVE_PRONOUNS:
        # (the apposition names whom the topic describes)
        named = [m for m in mention_in(toks[comma][2], toks[second][1]) if m.type == "PERS"]
    return named[0] if named else " ".join(w[0] for w in words)


_GOING_ON = mf_set("أضاف أضافت تابع تابعت استطرد استطردت")


def _going_on(
    stext: str, cue: _Cue, prev: list[Quote], text: str, ments: list[Mention]
) -> Mention | None:
    """The last speaker, a person, for a verb of going on whose subject is a role word
    alone (وأضاف الشاهد، وتابعت المديرة)."""
    form = match_form(stext)
    if " " in form or not form.startswith("ال") or not prev or prev[-1].speaker_type != "PERS":
        return None
    last = prev[-1]
    m = Mention(last.speaker, "PERS", -1, -1, last.speaker, last.speaker_key)
    return None if _contradicts(m, cue_gender(cue.text), text, ments) else m


# what a person quoted before is called again, besides titles (وأشار الطبيب، وأوضحت
# المسؤولة المحلية، وقالت العالمة)
_DESCRIBING_ROLES = mf_set(
    "المسؤول المسؤولة الطبيب الطبيبة الخبير الخبيرة الباحث الباحثة العالم العالمة الجراح "
    "الجراحة الأب الأم النائب النائبة"
)


def _role_antecedent(
    stext: str, cue: _Cue, prev: list[Quote], text: str, ments: list[Mention]
) -> Mention | None:
    """The last person quoted who agrees with the verb, for a subject that is a definite
    word describing a person and its adjectives alone (وشددت المسؤولة الأممية، وأشار
    الطبيب), when no title of the article names its holder: someone already quoted."""
    words = match_form(stext).split()
    if not 1 <= len(words) <= 3 or not all(w.startswith("ال") for w in words):
        return None
    if words[0] not in _DESCRIBING_ROLES:
        return None  # (a title names its holder, quoted or not: الرئيس المصري)
    gender = cue_gender(cue.text) or title_gender(words[0])
    recent: dict[str, Mention] = {}  # the last few people quoted, latest first
    for q in reversed(prev):
        if q.speaker_type == "PERS" and q.speaker_key not in recent:
            recent[q.speaker_key] = _speaker_of(q)
            if len(recent) >= _MAX_ANTECEDENTS:
                break
    # one known to agree first (وشددت المسؤولة: the woman quoted, not a man of unknown
    # gender quoted since), else one who does not disagree
    agreeing = [m for m in recent.values() if _mention_gender(m.key, "PERS", text, ments) == gender]
    fitting = [m for m in recent.values() if not _contradicts(m, gender, text, ments)]
    found = agreeing or fitting
    return found[0] if found else None


_OPENING_WORDS = 5  # tokens of a sentence's opening clause where its subject starts


_OPENERS = mf_set("لكن ولكن أما وأما وكان وكانت")  # (وكانت فلانة قد توجت …: its subject)


def _previous_opener(
    span: tuple[int, int],
    cue: _Cue,
    text: str,
    ments: list[Mention],
    mention_in: Callable[[int, int], list[Mention]],
    quotes: list[Quote],
    last_speaker: list[Quote],
) -> Mention | None:
    """The person the sentence ``span`` (the one before a sentence-opening pronoun verb)
    opens with, after لكن/أما at most, when that sentence quoted nobody and the person
    is not the one quoted last and agrees with the verb."""
    a, b = span
    if b <= a or any(a <= q.start < b for q in quotes):
        return None
    words = scan_tokens(text[a : min(b, a + 40)])[:2]  # (its first words only)
    skip = words[0][2] if words and cached_match_form(words[0][0]) in _OPENERS else 0
    first = next((m for m in mention_in(a, b) if m.type == "PERS"), None)
    if (
        first is None
        or text[a + skip : first.start].strip()
        and not _verb_and_title(text[a : first.start])
    ):
        return None
    if last_speaker and last_speaker[-1].speaker_key == first.key:
        return None
    if _contradicts(first, cue_gender(cue.text), text, ments):
        return None
    return first


def _verb_and_title(words: str) -> bool:
    """A verb and maybe a title with its adjectives, all that stands before a sentence's
    first name, after an opening aside at most (وأشادت الممثلة رنا الزين بـ…، من جانبه،
    أعرب فلان عن …): the name is the verb's subject."""
    head, comma, rest = words.partition("،")
    if comma and len(head.split()) <= 2:
        words = rest  # (من جانبه، بدوره، في المقابل،)
    forms = [cached_match_form(w) for w in words.split()]
    if not forms or is_stopword(forms[0]) or not words.split()[0][0].isalpha():
        return False
    if len(forms) == 1:
        return bool(comma) or forms[0][:1] in ("و", "ف")
    return (
        len(forms) <= 4
        and forms[0][:1] in ("و", "ف")
        and bool(title_gender(forms[1]))
        and all(f.startswith("ال") and not is_stopword(f) for f in forms[2:])
    )


def _earlier_subject(
    before: list[_Cue], cue: _Cue, text: str, ments: list[Mention]
) -> Mention | None:
    """The person named as the subject of the last speech verb before ``cue`` in its
    sentence (one with no quote of its own: تساءل فلان عن …), if the cue agrees."""
    verb = next((c for c in reversed(before) if c.kind == "verb" and c.comp < 0), None)
    if verb is None or verb.speaker is None or verb.speaker.type != "PERS":
        return None
    if _contradicts(verb.speaker, cue_gender(cue.text), text, ments):
        return None
    return verb.speaker


def _opening_names(
    toks: list[tuple[str, int, int]], idx: int, mention_in: Callable[[int, int], list[Mention]]
) -> list[Mention]:
    """The names that start in a sentence's first words, after an opener set off by a
    comma (في المقابل، دفع المحامي فلان …), before the cue at ``idx``."""
    opener = next((j + 1 for j in range(1, min(3, idx)) if toks[j][0] in "،,"), 0)
    if not opener:  # غير أن الخبير … فلان شكك …، وقال: the contrast is no subject
        opener = _contrast_length([cached_match_form(t[0]) for t in toks[: min(2, idx)]])
    last = toks[min(opener + _OPENING_WORDS, idx)][2]
    return [m for m in mention_in(toks[0][1], toks[idx][1]) if m.start < last]


_OPENING_CONTRASTS = {
    ("غير", "ان"): 2,
    ("الا", "ان"): 2,
    ("بيد", "ان"): 2,
    ("لكن",): 1,
    ("ولكن",): 1,
}


def _contrast_length(forms: list[str]) -> int:
    """How many of a sentence's first words (match forms) are a contrast that opens it."""
    return _OPENING_CONTRASTS.get(tuple(forms[:2]), 0) or _OPENING_CONTRASTS.get(
        tuple(forms[:1]), 0
    )


def _opening_person(
    cue: _Cue, before: list[Mention], text: str, ments: list[Mention]
) -> Mention | None:
    """The first person named in a participle's sentence before it, when no cue came
    before it there and that person's gender does not contradict the participle's
    (وعلقت رئيسة الجمعية نورة العنزي على الخطوة قائلة: نورة)."""
    person = next((m for m in before if m.type == "PERS" and not _in_marks(text, m)), None)
    if person is None or _contradicts(person, cue_gender(cue.text), text, ments):
        return None
    return person


def _in_marks(text: str, m: Mention) -> bool:
    """Whether a mention stands alone in quotation marks (ثانوية «ابن خلدون»: a name
    given to a place or a body, not the person)."""
    return text[m.start - 1 : m.start] in _OPEN and text[m.end : m.end + 1] in _OPEN.values()


def _best(ms: list[Mention]) -> Mention:
    return min(ms, key=lambda m: (_TYPE_ORDER.get(m.type, 9), m.start))


# after a closing mark, words of the same clause (not a stop or a comma)
_GOES_ON = re.compile(r"[ \t]+[\u0621-\u064a]")


_WORDS_BEFORE_MARKS = 6  # of a reported clause before the marks that quote its rest


def _make_quote(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    text: str,
    s_end: int,
    direct: list[tuple[int, int]],
    speaker: Mention | None,
    stext: str,
    via: str,
    used_direct: set[tuple[int, int]],
) -> Quote | None:
    after = toks[cue.comp][2]
    # a direct quote right after the complement (إن «…» / : «…» / «…»), or after a few
    # words of the clause without punctuation (قوله إن بلاده «لن…»)
    limit = after + 3
    for n, t in enumerate(toks[cue.comp + 1 : cue.comp + _WORDS_BEFORE_MARKS + 1]):
        if t[0] in '«“"' and not _is_name(text, t[1]):  # (إن برنامج «…» أسهم: a name)
            close = next((b for a, b in direct if a == t[1]), -1)
            if close > 0 and _words(text[t[2] : close]) < (2 if n < 5 else 3):
                # رئاسة "فيفا": one word in marks is a name or a term; after many words,
                # two are too (اكتمال 43 في المائة من «سد النهضة»)
                continue
            limit = t[1]
            break
        if not t[0][0].isalnum():
            break
    mixed = None
    for a, b in direct:
        if after - 1 <= a <= limit or (cue.comp_kind == "mark" and a == toks[cue.comp][1]):
            if cue.comp_kind == "that" and a <= after + 1 and _subject_in_marks(text, a, b, s_end):
                break  # أكد أن «أسود الأطلس» جاهزون: a name in marks begins the clause
            if _words(text[a + 1 : b]) < (2 if cue.comp_kind == "mark" else 1):
                return None  # حذر من النتائج «المروعة»: a word in marks is a term
            if cue.comp_kind == "that" and a > after + 1 and _GOES_ON.match(text, b + 1):
                # أكد أن اللجنة «منفتحة على المقترح» وستدرسه: the clause quotes some words
                # of its own and goes on; the whole clause is the quote
                mixed = (a, b)
                used_direct.add(mixed)
                break
            used_direct.add((a, b))
            return _quote(text, a + 1, b, speaker, stext, via, cue.text, "direct")
    if cue.comp_kind != "that":
        return None
    start = after
    end = s_end
    for a, b in direct:
        if (
            (a, b) != mixed
            and start < a < end
            and not _is_name(text, a)
            and _words(text[a + 1 : b]) > 1
            and not (a <= start + 1 and _subject_in_marks(text, a, b, s_end))
        ):
            if mixed is None and _GOES_ON.match(text, b + 1):
                mixed = (a, b)  # (its own words quoted further on, and the clause goes on)
                used_direct.add(mixed)
                continue
            end = a  # a quote in the clause ends it; a name («الفجر الصامت», «التوجيهي») does not
    # stop at a following participle cue, or at a contrast that opens another speaker's
    # clause (، في حين أكدت الوزيرة أن …: the writer's words again)
    for j in range(cue.comp + 1, len(toks)):
        t = toks[j]
        if t[1] >= end:
            break
        if (
            t[1] > start
            and (f := cached_match_form(t[0])) in _PARTICIPLE_FORMS
            and (f not in _ADJECTIVE_PARTICIPLES or toks[j - 1][0] in "،,")
            # (جاءت بعد متابعة استمرت: a noun after a word, not "continuing")
            and not (f in _NOUN_PARTICIPLES and toks[j - 1][0][0].isalnum())
        ):
            end = t[1]
            break
        if t[0] in "،," and (_contrast_cue(toks, j + 1) or _writers_clause(toks, j + 1)):
            end = t[1]
            break
        if (  # … كما قال إنه: the writer goes on to another report (not كما ورد من)
            cached_match_form(t[0]) in _AS_WELL
            and j + 1 < len(toks)
            and cached_match_form(toks[j + 1][0]) in _VERB_FORMS
            and any(cached_match_form(u[0]) in _COMP for u in toks[j + 2 : j + 8])
        ):
            end = t[1]
            break
    while end > start and (
        text[end - 1] in " .،,؛:\n"
        or text[end - 1] in _QUOTE_MARKS
        and not _closes_a_name(text, start, end)
    ):
        end -= 1
    while start < end and text[start] in " ،,":
        start += 1
    if end - start < 3:
        return None
    return _quote(text, start, end, speaker, stext, via, cue.text, "indirect")


_CONTRASTS = (
    ("في", "حين"),
    ("بينما",),
    ("فيما",),
    ("غير", "انه"),
    ("غير", "انها"),
    ("الا", "انه"),
    ("الا", "انها"),
    ("لكن",),
    ("ولكن",),
)
_SUBJECT_FIRST = {("لكن",), ("ولكن",)}  # contrasts whose clause may name its subject first
_SUBJECT_WORDS = 3
_CONTRAST_REACH = 20  # tokens from its verb to أن/إن (بينما تؤكد فلانة، وهي …، إن)


# Verbs by which the writer goes on about the speaker after a comma (…، وعزت الازدحام
# إلى …، لكنه شكا من …): the reported clause ended before them
_WRITERS_VERBS = mf_set("عزا عزت أرجع أرجعت شكا شكت اشتكى اشتكت")
_BUT_HE = mf_set("لكنه لكنها ولكنه ولكنها")
_OCCASION_WORDS = mf_set("خلال عقب أثناء لدى")
_AS_WELL = mf_set("كما")
_IN_REPLY = mf_set("رداً ردا ردًا تعليقاً تعليقا")
# participles of doing after a reported clause (…، متهمة الجيش بـ، داعياً المواطنين إلى)
_DOING_PARTICIPLES = mf_set("متهما متهمة متهمين متهمتين داعيا داعية مطالبا مطالبة مناشدا مناشدة")
_OCCASIONS = mf_set("ختام هامش مؤتمر ندوة كلمة تصريح تصريحات لقاء اجتماع حفل افتتاح مقابلة")


def _writers_clause(toks: list[tuple[str, int, int]], j: int) -> bool:
    """A clause of the writer's at ``j``, after a comma: a speech verb with و/ف (…،
    وأضاف أن), a verb of attributing or complaining (وعزت، وشكا), or لكنه before one."""
    if j >= len(toks):
        return False
    f = cached_match_form(toks[j][0])
    if f[:1] in ("و", "ف") and f in _VERB_FORMS and f[1:] in _VERBS:
        return True
    if (  # …، أكد خبير الطاقة فلان في حديثه إلى "الوطن" أن: a new subject (not …، قال
        # للاعبيه إن: the verb of the subject named before the comma, a nested report)
        f in _VERBS
        and j + 1 < len(toks)
        and toks[j + 1][0][0].isalpha()
        and not cached_match_form(toks[j + 1][0]).startswith("ل")
        and cached_match_form(toks[j + 1][0]) not in _PREPOSITIONS
        and any(cached_match_form(t[0]) in _COMP for t in toks[j + 2 : j + _CONTRAST_REACH])
    ):
        return True
    if f in _IN_REPLY:
        return True  # …، رداً على منشورات متداولة: why it was said
    if (f == "فيما" or f == "بينما") and j + 2 < len(toks):
        # …، فيما دعا مندوبون آخرون إلى …: others' words, whatever follows the verb
        verb, subject = cached_match_form(toks[j + 1][0]), cached_match_form(toks[j + 2][0])
        if (
            verb in _VERBS
            and verb not in _TRANSMIT_VERBS  # (بينما نقل والده إلى المستشفى: "was taken")
            and toks[j + 2][0][0].isalpha()
            and subject not in _PREPOSITIONS
        ):
            return True
    if f in _DOING_PARTICIPLES and not any(
        cached_match_form(t[0]) in _COMP for t in toks[j + 1 : j + _CONTRAST_REACH]
    ):
        return True  # …، متهمة الجيش بقصف أحياء: what the speaker did, not said
    if (
        f in ("وهو", "وهي")
        and j + 2 < len(toks)
        and cached_match_form(toks[j + 1][0]) == "ما"
        and any(cached_match_form(toks[j + 2][0]).startswith(v) for v in _VERBS if len(v) > 2)
    ):
        return True  # …، وهو ما أكدته فلانة: the writer ties it to another's words
    if f == "وذلك" and j + 2 < len(toks):
        # …، وذلك خلال ندوة صحافية / في ختام الاجتماع: where it was said
        w1, w2 = cached_match_form(toks[j + 1][0]), cached_match_form(toks[j + 2][0])
        return w1 in _OCCASION_WORDS or w1 in ("في", "علي") and w2 in _OCCASIONS
    if _unjoined(f) in _WRITERS_VERBS and f[:1] in ("و", "ف"):
        return True
    if f in _BUT_HE and j + 1 < len(toks):
        nxt = cached_match_form(toks[j + 1][0])
        return nxt in _VERB_FORMS or nxt in _WRITERS_VERBS
    return False


def _closes_a_name(text: str, start: int, end: int) -> bool:
    """Whether the mark at ``end - 1`` closes one opened inside the quote (رئاسة "فيفا")."""
    mark, inner = text[end - 1], text[start : end - 1]
    if mark == '"':
        return inner.count('"') % 2 == 1
    opener = {"»": "«", "”": "“"}.get(mark)
    return opener is not None and inner.count(opener) > inner.count(mark)


def _contrast_cue(toks: list[tuple[str, int, int]], j: int) -> bool:
    """A contrast (في حين، بينما، فيما) at ``j`` with a speech verb right after it."""
    forms = [cached_match_form(t[0]) for t in toks[j : j + 3]]
    for words in _CONTRASTS:
        if tuple(forms[: len(words)]) == words:
            k = j + len(words)
            if words in _SUBJECT_FIRST:  # لكن الصفراء شدد على أنه: its subject first
                k = next(
                    (
                        n
                        for n in range(k, min(len(toks), k + _SUBJECT_WORDS + 1))
                        if cached_match_form(toks[n][0]) in _VERB_FORMS
                        or not toks[n][0][0].isalnum()
                    ),
                    k,
                )
            # … with its own أن/إن (بينما نقل ابنه إلى المستشفى: no words of another)
            return (
                k < len(toks)
                and cached_match_form(toks[k][0]) in _VERB_FORMS
                and any(cached_match_form(t[0]) in _COMP for t in toks[k + 1 : k + _CONTRAST_REACH])
            )
    return False


_AND_THAT = re.compile(r"[ \t]*[،,][ \t]*و(?:إن|أن|ان|بأن)[ \t]+")
# where an indirect quote's complement clauses meet (أن X، وأن Y; أن X وأن Y)
CLAUSE_CUT = re.compile(r"[ \t]*(?:[،,][ \t]*)?و(?:إن|أن|ان|بأن)[ \t]+")


def _second_clause(q: Quote, text: str, end: int, direct: list[tuple[int, int]]) -> Quote | None:
    """The unmarked clause a verb's marked one is joined to (إن الفيديو «شاهده مليون
    شخص»، وإن عيادته خسرت زبائنها), up to ``end`` or the next marks."""
    m = _AND_THAT.match(text, q.end + 1)
    if m is None:
        return None
    start = m.end()
    end = min([end] + [a for a, _ in direct if start <= a < end])
    while end > start and text[end - 1] in " .،,؛:\n":
        end -= 1
    if _words(text[start:end]) < 3:
        return None
    return Quote(
        text[start:end],
        q.speaker,
        q.speaker_key,
        q.speaker_type,
        q.via,
        q.cue,
        "indirect",
        start,
        end,
    )


_CLAUSE_END = re.compile(r"[ \t]*(?:[.،,؛:!؟\n]|$)")


def _quoted_rest(span: tuple[int, int], text: str, sentence_quotes: list[Quote]) -> Quote | None:
    """A reported clause that runs up to marks quoting its rest, which end it (موضحاً أن
    الفارق بين السعرين «يجعل التهريب مغرياً»): the marked words alone are the quote, the
    clause's speaker's (the clause's words before them are dropped); None for others."""
    clause = next(
        (
            x
            for x in sentence_quotes
            if x.kind == "indirect" and x.end <= span[0] and not text[x.end : span[0]].strip()
        ),
        None,
    )
    if (
        clause is None
        or _is_name(text, span[0])  # (عمليات «إرادة النصر»، منطقة «سيتي ووك»)
        or not _CLAUSE_END.match(text, span[1] + 1)
        or _words(text[span[0] + 1 : span[1]]) < 2
    ):
        return None
    sentence_quotes.remove(clause)
    return Quote(
        text[span[0] + 1 : span[1]],
        clause.speaker,
        clause.speaker_key,
        clause.speaker_type,
        clause.via,
        clause.cue,
        "direct",
        span[0] + 1,
        span[1],
    )


def _goes_on_from(
    q: Quote, openers: list[tuple[Quote, int]], cues: list[_Cue], toks: list[tuple[str, int, int]]
) -> None:
    """A participle's quote right after a quote with its verb (: «…»، قالت فلانة، مضيفة
    أن …), no other cue between them, is the same speaker's."""
    if not q.cue or not (q.speaker or q.speaker_key):
        return
    for pq, pos in openers:
        between = [c for c in cues if q.end < toks[c.idx][1] < pos]
        if q.end < pos and all(c.text == q.cue for c in between):
            pq.speaker, pq.speaker_key, pq.speaker_type = q.speaker, q.speaker_key, q.speaker_type
            pq.via = pq.via or q.via


def _quote(
    text: str,
    start: int,
    end: int,
    speaker: Mention | None,
    stext: str,
    via: str,
    cue: str,
    kind: str,
) -> Quote:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if speaker is not None:
        return Quote(
            text[start:end], speaker.entity, speaker.key, speaker.type, via, cue, kind, start, end
        )
    stext = _nominative(stext)
    return Quote(
        text[start:end], stext, match_form(stext) if stext else "", "", via, cue, kind, start, end
    )


# اً / ًا at a word's end: an indefinite noun's accusative (the scorer drops it too)
ACCUSATIVE_ENDING = re.compile(r"(?:\u064b\u0627|\u0627\u064b)(?=\s|$)")


def _nominative(stext: str) -> str:
    """An unnamed subject as a reader names it, without the accusative of أن before it
    (أن مسؤولاً إسرائيلياً قال → مسؤول إسرائيلي): only when its first word is marked so."""
    first = stext.split(" ", 1)[0]
    return ACCUSATIVE_ENDING.sub("", stext) if ACCUSATIVE_ENDING.search(first + " ") else stext


_SOURCE_APPOSITION = re.compile(r"([^\W\d][^،,.:«»\d]{2,40}?)\s*[،,]\s*(فإن|فان|فإنه|فإنها) ")


def _source_quote(
    cue: _Cue,
    toks: list[tuple[str, int, int]],
    text: str,
    s_start: int,
    s_end: int,
    direct: list[tuple[int, int]],
    sentence_quotes: list[Quote],
    ments: list[Mention],
    used_direct: set[tuple[int, int]],
) -> Quote | None:
    """بحسب X / وفقاً لـ X / نقلاً عن X / جاء في بيان لـ X: the rest of the sentence is X's."""
    # the source: the words after the cue up to a comma / end
    j = cue.idx + 1
    if cue.form.endswith("جاء"):
        j = cue.idx + 3
    if j + 1 < len(toks) and match_form(toks[j][0]) == "ما" or cue.form.endswith("حسبما"):
        # بحسب ما قاله / ما ذكرته X; حسبما أفادت به X (ما joined)
        j += 1 if cue.form.endswith("حسبما") else 2
        while j < len(toks) and match_form(toks[j][0]) in ("به", "عنه"):
            j += 1
    # حسب ما نقلت صحيفة «المنتخب» عن مصدر في الرجاء: the paper relays the source's words
    relaying = j > cue.idx + 1 and strip_clitics(match_form(toks[j - 1][0])).startswith("نقل")
    # up to the comma (or فإن / أن): وفقاً للمتحدث باسم الدفاع المدني جورج أبي خليل، فإن …
    src_toks: list[tuple[str, int, int]] = []
    while j < len(toks) and len(src_toks) < _MAX_SOURCE_WORDS:
        if toks[j][0] in _OPEN and src_toks and _is_name(text, toks[j][1]):
            # وفقاً لصحيفة «ماركا» الإسبانية: the name in marks is the source's
            close = next(
                (i for i in range(j + 1, len(toks)) if toks[i][0] == _OPEN[toks[j][0]]), -1
            )
            if close < 0:
                break
            src_toks.extend(toks[j : close + 1])
            j = close + 1
            while j < len(toks) and _nisba_form(match_form(toks[j][0])):
                src_toks.append(toks[j])  # «ماركا» الإسبانية
                j += 1
            break
        if not toks[j][0][0].isalnum():
            break
        f = match_form(toks[j][0])
        if f in _COMP or f in _STOP_SOURCE or f[:1] == "ف" and len(f) > 2 and is_stopword(f[1:]):
            break  # (وبحسب التقرير فقد …، فإن …: the answer begins)
        if relaying and f == "عن" and src_toks:
            break  # (… عن مسؤول: the one whose words they are, below)
        src_toks.append(toks[j])
        j += 1
    if not src_toks:
        return None
    via = ""
    if relaying and j + 1 < len(toks) and match_form(toks[j][0]) == "عن":
        relayed = list(
            takewhile(
                lambda t: t[0][0].isalnum() and match_form(t[0]) not in _COMP,
                toks[j + 1 : j + 1 + _MAX_SOURCE_WORDS],
            )
        )
        if relayed:
            via = text[src_toks[0][1] : src_toks[-1][2]]
            src_toks = relayed
    if len(src_toks) == _MAX_SOURCE_WORDS:
        # بحسب البوابة العربية للأخبار التقنية خياراً ثالثاً: no stop; the source is the
        # name it opens with
        opening = next((m for m in ments if src_toks[0][1] <= m.start <= src_toks[0][1] + 2), None)
        if opening is None or opening.type not in _SPEAKING:
            return None
        src_toks = [t for t in src_toks if t[2] <= opening.end]
    if not _speaks(src_toks, ments):
        return None  # حسب النوع والموديل: "depending on", no source
    src_s, src_e = src_toks[0][1], src_toks[-1][2]
    # the naming words: بيان صادر عن X / بيان لـX → X; لـ X / للمتحدث → X / المتحدث
    k = 0
    f0 = match_form(src_toks[0][0])
    if (f0 in _DOCUMENT_NOUNS or strip_clitics(f0) in _DOCUMENT_NOUNS) and len(src_toks) > 1:
        k = 1
        while k < len(src_toks) - 1 and match_form(src_toks[k][0]) in _DOCUMENT_NOUNS | {"عن"}:
            k += 1
        if k == 1 and not match_form(src_toks[1][0]).startswith("ل"):
            k = 0  # بيان الوزارة: keep as written
    name_s = src_toks[k][1]
    first = match_form(src_toks[k][0])
    if first in ("ل", "عن") and k + 1 < len(src_toks):
        src_text = text[src_toks[k + 1][1] : src_e]
    elif first.startswith("لل") and len(first) > 4:
        src_text = "ال" + text[name_s + 2 : src_e]
    elif first.startswith("ل") and len(first) > 3:
        src_text = text[name_s + 1 : src_e]
    else:
        src_text = text[name_s:src_e]
    speaker = Mention(src_text, "", -1, -1, src_text, match_form(src_text))
    named = [
        m
        for m in ments
        if src_s <= m.start
        and m.end <= src_e
        and m.type in ("PERS", "ORG")
        and not text[src_s : m.start].rstrip().endswith(_TO)  # (رفعته الغرفة إلى مجلس الوزراء)
    ]
    if named and not (  # بحسب مصدر في وزارة الداخلية: the source, not the ministry
        first in _UNNAMED_SOURCES and not any(m.type == "PERS" for m in named)
    ):
        speaker = _best(named)
    if not named:
        # بحسب بيان الجامعة، ووفقاً للوزارة: the body named before by that noun
        words = src_text.split()
        noun = (
            words[-1]
            if len(words) == 2 and match_form(words[0]) in _DOCUMENT_NOUNS | _DATA_NOUNS
            else src_text
        )
        if match_form(noun)[2:] in _ORG_CUE_FORMS:  # (بحسب التقرير: see below)
            body = _definite(noun, toks[cue.idx][1], ments, sentence_quotes, text)
            if body is not None:
                speaker = body
        elif (issuer := _issuer_before(src_text, toks[cue.idx][1], text, ments)) is not None:
            speaker = issuer  # بحسب التقرير after تقرير صادر عن منظمة …: the organisation
    if sentence_quotes and not sentence_quotes[-1].speaker:
        q = sentence_quotes[-1]
        q.speaker, q.speaker_key = speaker.entity, speaker.key
        return None
    if toks[cue.idx][1] - s_start < 8:
        # source first: "وبحسب الوزارة، فإن …" / "جاء في بيان للوزارة أن …"
        start = src_e
        while start < s_end and text[start] in " ،,:":
            start += 1
        rest = text[start:s_end]
        appos = _SOURCE_APPOSITION.match(rest)
        # وبحسب رئيس جمعية الفنادق، إلياس قمصية، فإن …: the role's holder speaks
        if (
            appos
            and 2 <= len(words := appos.group(1).split()) <= 4
            and not any(is_stopword(cached_match_form(w)) for w in words)
        ):
            named_in = [
                m for m in ments if start <= m.start < start + appos.end(1) and m.type == "PERS"
            ]
            if not any(m.type == "PERS" for m in named):
                name = appos.group(1)
                speaker = (
                    named_in[0]
                    if named_in
                    else Mention(name, "PERS", -1, -1, name, match_form(name))
                )
            start += appos.start(2)
            rest = text[start:s_end]
        for lead in ("فإن ", "فان ", "فقد ", "أن ", "ان ", "إن "):
            if rest.startswith(lead):
                start += len(lead)
                break
        end = s_end
    else:
        start, end = s_start, toks[cue.idx][1]
    while end > start and text[end - 1] in " .،,؛:\n":
        end -= 1
    for a, b in direct:
        if a == start and b == end - 1:
            # «…»، بحسب ما قال X: the quote is the marked words
            used_direct.add((a, b))
            return _quote(text, a + 1, b, speaker, "", via, cue.text, "direct")
    if _words(text[start:end]) < 3:
        return None
    return _quote(text, start, end, speaker, "", via, cue.text, "indirect")


# what بحسب/وفق also measure by ("depending on", "under"): criteria, plans and rules,
# not sources (حسب النوع والموديل، وفق الخطة المرسومة، وفقاً للقانون)
_CRITERIA = mf_set(
    "نوع مساحة خطة مدة درجة مكان حجم عدد حاجة ظروف طلب أولوية أولويات حالة فئة عمر سن جنس "
    "ترتيب أسعار سعر مقررات اتفاقيات اتفاقية اتفاق قانون قوانين نظام أنظمة لوائح لائحة شروط "
    "معايير ضوابط إجراءات آلية جدول موعد مواعيد توقيت أصول أعراف عادة عادات رغبة كمية قدرة "
    "إمكانات إمكانيات مستوى استمارة تصنيف توصيف نسبة مسار رؤية توجيهات تعليمات قرار قرارات "
    "مرسوم دستور مبدأ مبادئ منهج منهجية أسس قواعد طبيعة حجم"
)


def _speaks(src_toks: list[tuple[str, int, int]], ments: list[Mention]) -> bool:
    """Whether a source after بحسب/وفق may be one who speaks or writes: not a criterion,
    a plan or a rule (حسب النوع والموديل، وفق الخطة المرسومة) unless a name opens it."""
    a = src_toks[0][1]
    if any(a <= m.start <= a + 2 and m.type in _SPEAKING for m in ments):
        return True
    first = cached_match_form(src_toks[0][0])
    if first in ("ل", "عن", "ما") and len(src_toks) > 1:
        first = cached_match_form(src_toks[1][0])
    core = strip_clitics(first)
    words = {first, core, first[1:], first[2:], core[2:] if core.startswith("ال") else core}
    return not words & _CRITERIA


def _after_title(text: str, stop: int, m: Mention) -> bool:
    """Whether ``m`` follows ``stop`` (a comma) with a title or a trade and its nisbas
    between (، الناقد الجزائري رشيد بلقاسم)."""
    if not 0 <= m.start - stop <= 40:
        return False
    between = [cached_match_form(w) for w in text[stop + 1 : m.start].split()]
    return (
        1 <= len(between) <= 3
        and (bool(title_gender(between[0])) or between[0].startswith("ال"))
        and not is_stopword(between[0])
        and all(_nisba_form(w) for w in between[1:])
    )


# the first words of a speaker that is nobody named (كتب أحد المشجعين، قالت إحدى الأمهات)
_SOMEONE = (
    mf_set(  # (and the unnamed by what they are: «…»، قال دبلوماسي عربي)
        "أحد إحدى احد احدى دبلوماسي دبلوماسية محلل محللة خبير خبيرة شاهد شاهدة مراقب مراقبة"
    )
    | _UNNAMED_SOURCES
)


def _unnamed_after(toks: list[tuple[str, int, int]], cue: tuple[str, int, int]) -> str:
    """The unnamed speaker right after a verb that follows a quote (أحد المشجعين، مصدر
    أمني), up to a preposition or a stop, in at most four words."""
    k = next((i for i, t in enumerate(toks) if t[1] > cue[2]), len(toks))
    if k == len(toks):
        return ""
    first = cached_match_form(toks[k][0])
    # (or an indefinite title: «…»، قال نائب مخضرم، قال وزير سابق)
    if strip_clitics(first) not in _SOMEONE and (first.startswith("ال") or not title_gender(first)):
        return ""
    words = [toks[k][0]]
    for j in range(k + 1, min(k + 4, len(toks))):
        w = toks[j][0]
        f = cached_match_form(w)
        if (
            not w[0].isalpha()
            or f in _STOP_SUBJECT
            or f in _PREPOSITIONS
            or f in _MANNER
            or _addressee(f) == 2  # قال مسؤول للصحافيين: to whom
        ):
            break
        if (
            j + 1 < len(toks)
            and cached_match_form(toks[j + 1][0]) in _PREPOSITIONS
            and not (f.startswith("ال") or f.endswith(_ADJECTIVE_ENDINGS) or f in _DESCRIBING)
        ):
            break  # (دبلوماسي عربي شارك في …: the verb of a clause about him)
        words.append(w)
    return " ".join(words)


# what follows an unnamed source's noun: a definite noun or an adjective (مصدر أمني رفيع)
_ADJECTIVE_ENDINGS = ("ي", "يه", "ين", "ون", "يون")
_DESCRIBING = mf_set("رفيع رفيعة كبير كبيرة سابق سابقة مطلع مطلعة بارز بارزة مسؤول مسؤولة")


def _apposed_after(
    toks: list[tuple[str, int, int]], forms: list[str], cue: tuple[str, int, int]
) -> str:
    """:func:`_apposed_name` of the words after a verb that follows a quote, up to the
    sentence's stop."""
    k = next((i for i, t in enumerate(toks) if t[1] > cue[2]), len(toks))
    end = next((i for i in range(k, len(toks)) if toks[i][0] in ".:؛!؟"), len(toks))
    if end - k < 4:
        return ""
    return _apposed_name(toks, forms, k, end)


def _role_after(toks: list[tuple[str, int, int]], cue: tuple[str, int, int]) -> str:
    """A definite noun right after a verb that follows a quote, with up to three more
    words before a preposition or a stop (قالت المتهمة في إفادتها → المتهمة)."""
    k = next((i for i, t in enumerate(toks) if t[1] > cue[2]), len(toks))
    words: list[str] = []
    for t in toks[k : k + 4]:
        f = cached_match_form(t[0])
        if (
            not t[0][0].isalpha()
            or f in _STOP_SUBJECT
            or f in _PREPOSITIONS
            or is_stopword(f)
            or f in _MANNER
            or _addressee(f) == 2  # قال الوزير للصحافيين: to whom
        ):
            break
        if not words and (not f.startswith("ال") or f in _VERB_FORMS):
            return ""
        words.append(t[0])
    return " ".join(words)


_KUNYA = mf_set("أم أبو")
_GIVEN = given_names.MEN | given_names.WOMEN


def _bare_name(toks: list[tuple[str, int, int]], cue: tuple[str, int, int]) -> str:
    """One or two words right after a speech verb that follows a quote, up to a comma, a
    full stop or the end (تقول آمنة.، يقول الطيب، تقول حليمة عيد، وهي …): a name, when
    none is a stopword, a title or has the article."""
    k = next((i for i, t in enumerate(toks) if t[1] > cue[2]), len(toks))
    words = []
    for t in toks[k : k + 3]:
        if not t[0][0].isalpha():
            break
        words.append(t)
    end = k + len(words)
    closed = end == len(toks) or toks[end][0] in "،,.؛"
    forms = [cached_match_form(w[0]) for w in words]
    if not (1 <= len(words) <= 2 and closed):
        return ""
    # (أم علي، أبو سامر: a kunya, whatever أم is elsewhere)
    kunya = len(forms) == 2 and forms[0] in _KUNYA and not forms[1].startswith("ال")
    if not kunya and any(
        f.startswith("ال") or is_stopword(f) or title_gender(f) or f in _VERB_FORMS for f in forms
    ):
        return ""
    if (
        not kunya
        and forms[0] in clusters()
        and not known_person(words[0][0])
        and forms[0] not in _GIVEN
    ):
        return ""  # يقول بصوت خافت: a common word, no name (تقول نادية: a given name)
    return " ".join(w[0] for w in words)


def _outlet_after_verb(
    q: Quote, span: tuple[int, int], toks: list[tuple[str, int, int]], forms: list[str]
) -> None:
    """A bare quote's outlet, named after its verb's subject («…»، قالت فلانة، وهي مصابة
    بالربو، لـ«القبس»), up to a clause of its own (، الذي أكد لقناة «…»، مضيفاً)."""
    if q.via or not q.cue:
        return
    k = next((i for i, t in enumerate(toks) if t[1] > span[1] and t[0] == q.cue), -1)
    if k < 0:
        return
    end = next(
        (
            i
            for i in range(k + 1, len(toks))
            if _is_participle(forms[i]) or forms[i] in _VERB_FORMS or forms[i] in _RELATIVES
        ),
        len(toks),
    )
    q.via = _outlet(toks, forms, k + 1, end)


def _bare_direct(
    text: str,
    span: tuple[int, int],
    toks: list[tuple[str, int, int]],
    forms: list[str],
    s_start: int,
    sentence_quotes: list[Quote],
    last_speaker: list[Quote],
    ments: list[Mention],
    cues: list[_Cue],
) -> Quote | None:
    a, b = span
    inner = text[a + 1 : b]
    nwords = _words(inner)
    if not nwords:
        return None
    before = [t for t in toks if t[2] <= a]
    if before:
        last = match_form(before[-1][0])
        if strip_clitics(last) in _NAME_CUES or last in _NAME_CUES or last in ("ل", "ب"):
            return None
    # «…»، قال X / «…» بحسب X
    after = [t for t in toks if t[1] > b][:5]
    cue_after = None
    framed = False  # «…»، بهذه الكلمات عبّرت فلانة عن فرحتها
    for t in after:
        f = _unjoined(match_form(t[0]))
        if f in _VERBS or f in _SOURCE or framed and f in _EXPRESSING:
            cue_after = t
            break
        if f in _THESE_WORDS:
            framed = True
            continue
        if t[0][0].isalnum() and f not in _AUXILIARIES:
            break  # «…» بنسبة كبيرة، وصرح: the verb is the next clause's, not the quote's
    colon_before = bool(before) and before[-1][0] == ":"
    if nwords < _MIN_BARE_WORDS and not colon_before and cue_after is None:
        return None
    if inner.count(" ") < 1 and not colon_before:
        return None
    speaker: Mention | None = None
    cue = ""
    if cue_after is not None:
        cue = cue_after[0]
        stop = next(
            (t[1] for t in toks if t[1] > cue_after[2] and not t[0][0].isalnum()), toks[-1][2]
        )
        near = [
            m
            for m in ments
            if cue_after[2] < m.start
            and m.end <= stop
            and m.start - cue_after[2] < 60
            and m.via != "nisba"  # (قال الوزير الإيطالي: the minister, not Italy)
        ]
        if not any(m.type == "PERS" for m in near):
            # «…»، يقول رئيس غرفة التجارة، فلان: the name in apposition after the comma
            # (maybe after a title and a nisba: ، الناقد الجزائري فلان)
            apposed = [
                m
                for m in ments
                if m.type == "PERS"
                and (_after_honorifics(text, stop, m) or _after_title(text, stop, m))
            ]
            word = next((t[0] for t in toks if t[1] > cue_after[2]), "")
            earlier = [m for m in ments if m.end <= cue_after[1]]
            # «…»، قال المناعي: a family name the tagger missed, of a person named before
            surname = _surname_person(cached_match_form(word), earlier) if word else None
            near = apposed or ([surname] if surname is not None else near)
            if not near:
                # «…»، تقول آمنة / تقول حليمة عيد، وهي مزارعة: a name the tagger missed
                # «…»، قالت المديرة العامة للسدود، ألفة الزواري: the holder the tagger missed
                bare = _bare_name(toks, cue_after) or _apposed_after(toks, forms, cue_after)
                if bare:
                    speaker = Mention(bare, "PERS", -1, -1, bare, match_form(bare))
        if near:
            speaker = _best(near)
            title = next((t for t in toks if t[1] > cue_after[2]), None)
            if speaker.type == "ORG" and title is not None and speaker.start <= title[2] + 2:
                # «…»، قال مدرب الوداد: the coach named before, not the club
                earlier = [m for m in ments if m.end <= cue_after[1]]
                form = cached_match_form(title[0])
                speaker = _titled_person(form, speaker, earlier, text) or speaker
    if speaker is None and cue_after is not None:
        unnamed = _unnamed_after(toks, cue_after)
        if unnamed:  # «…»، كتب أحد المشجعين على منصة «إكس»
            return _quote(text, a + 1, b, None, unnamed, "", cue, "direct")
        # «…»، يقول بصوت هادئ / يقول الرجل الخمسيني: the one the story has just brought
        # in (since the last quote), else the one a role after the verb names, else the
        # last speaker who agrees
        since = last_speaker[-1].end if last_speaker else 0
        gender = cue_gender(cue)
        speaker = next(
            (
                m
                for m in reversed(ments)
                if since <= m.start
                and m.end <= a
                and m.type == "PERS"
                and not _contradicts(m, gender, text, ments)
            ),
            None,
        )
        role = _role_after(toks, cue_after) if speaker is None else ""
        if role:
            # قالت المتهمة في إفادتها / قالت الممرضة فلانة: the one the role names, else
            # its words; a known title alone goes to whom the story named with it
            holder = _role_holder(role, cue_after[1], ments, text)
            if holder is not None:
                return _quote(text, a + 1, b, holder, "", "", cue, "direct")
            quoted = [q for q in last_speaker + sentence_quotes if q.end <= a]
            just_quoted = (
                next((m for m in reversed(ments) if m.key == quoted[-1].speaker_key), None)
                if quoted and quoted[-1].speaker_type == "PERS"
                else None
            )
            if (
                just_quoted is not None
                and cached_match_form(role.split(" ", 1)[0]) in _ANYONE
                and not _contradicts(just_quoted, gender, text, ments)
            ):
                # «…»، أضاف الرجل: the man just quoted, not "the man"
                return _quote(text, a + 1, b, just_quoted, "", "", cue, "direct")
            if " " in role or not title_gender(cached_match_form(role)) or not last_speaker:
                return _quote(text, a + 1, b, None, role, "", cue, "direct")
        if speaker is None and not last_speaker:
            speaker = _nearest_agreeing(gender, a, text, ments)
    if speaker is None:
        # وقال بنيتز في مؤتمر صحفي … "…": a verb earlier in the sentence, with its
        # subject but too far for its complement, and no other verb in between
        opener = next(
            (c for c in reversed(cues) if toks[c.idx][2] <= a and c.kind == "verb" and c.comp < 0),
            None,
        )
        if (
            opener is not None
            and (opener.speaker or opener.speaker_text)
            and not any(c.idx > opener.idx and toks[c.idx][2] <= a for c in cues)
        ):
            cue = opener.text
            speaker = opener.speaker or Mention(
                opener.speaker_text,
                "",
                -1,
                -1,
                opener.speaker_text,
                match_form(opener.speaker_text),
            )
    if speaker is None and last_speaker:
        # the last speaker who agrees with the cue's verb; nobody when none does («…»،
        # يقول after a woman's words and a man the tagger did not find)
        speaker = _antecedent(cue_gender(cue), last_speaker, text, ments)
    return _quote(text, a + 1, b, speaker, "", "", cue, "direct")
