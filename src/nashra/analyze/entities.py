"""Canonical entities: mentions that name the same thing get one key.

Within an article:

* spelling variants meet in the match form (إردوغان = أردوغان → ``اردوغان``), and
  foreign names written with another letter for /g/, /v/ or /p/ in the spelling key
  (الكونجرس = الكونغرس, see :func:`spelling_key`);
* attached proclitics are dropped for the key and, where they are a single letter, from
  the mention's span too (وبوتين → بوتين, لإدلب → إدلب);
* a person mention that is the first or last word(s) of a longer person mention links to
  it (بيسكوف → ديمتري بيسكوف; the nearest preceding full name wins);
* a role written right before a person's name (الناطق باسم الرئاسة الروسية ديمتري بيسكوف)
  is remembered; the same role later without a name becomes a mention of that person;
* countries meet under one display name through the gazetteer's aliases (أميركا =
  الولايات المتحدة), and nisba adjectives become place mentions of their country
  (الروسية → روسيا).

Across articles the key is the match form of the canonical name; each entity also lists
the keys of all its mentions (``aliases``) so a store can merge partial names it has seen
elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import compress, count, repeat
from operator import itemgetter

from nashra.analyze import given_names
from nashra.analyze.arab_cities import known_cities
from nashra.analyze.bodies import (
    BODY_OF,
    BODY_TYPES,
    CLUB_SHORT_NAMES,
    find_agency_initials,
    find_bodies,
)
from nashra.analyze.clubs import club_names
from nashra.analyze.gazetteer import Gazetteer, gazetteer, is_title
from nashra.analyze.gender import title_gender
from nashra.analyze.kind_bodies import kind_bodies
from nashra.analyze.lexicon import (
    NEWS_AGENCIES,
    ORG_CUES,
    SPEECH_VERBS,
    TIME_ADJECTIVES,
    cached_match_form,
    core_candidates,
    mf_set,
    strip_clitics,
)
from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.analyze.mention import (
    AMMAN,
    AMMAN_KEY,
    Entity,
    Mention,
    add_mentions,
    display_name,
    mention_key,
    named_mention,
)
from nashra.analyze.national import (
    CO_PORTFOLIOS,
    field_bodies,
    field_goes_on,
    link_central_banks,
    national_bodies,
)
from nashra.analyze.ner.features import clusters, lexicon
from nashra.analyze.ner.tagger import EntitySpan, split_tokens, token_forms, tokens_and_starts
from nashra.analyze.nicknames import team_nicknames
from nashra.analyze.place_lists import listed_places
from nashra.analyze.state_bodies import state_bodies
from nashra.text import is_stopword
from nashra.text.memo import Memo

__all__ = [
    "known_person",
    "known_spelling",
    "link_entities",
    "name_rank",
    "name_word",
    "same_person",
    "short_names",
    "spelling_key",
    "surname",
    "vowel_marks",
]


_SINGLE_PROCLITICS = "وفبلك"
_TANWEEN_ALEF = ("\u064b\u0627", "\u0627\u064b")  # ًا / اً
_CURRENCIES = frozenset(("دولار", "ريال", "جنيه", "درهم", "دينار"))
_ARTICLE_STACKS = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال")
_MAX_ROLE_WORDS = 6


def _strip_display(text: str, g: Gazetteer, kind: str = "") -> int:
    """How many leading characters of a mention are an attached proclitic (0, 1 or 2)."""
    first = text.split(" ", 1)[0]
    form = cached_match_form(first)
    if len(form) < 4 or form.startswith("لل"):
        return 0  # للبنك is ل + البنك: no span of the text spells البنك (see _display)
    rest = form[1:]
    known = g.token_types.get(rest, ()) if len(rest) >= 3 else ()
    if (
        kind == "PERS"
        and form[0] in "وف"
        and (_listed_name(form) or _given_name(form) and not _given_name(rest))
    ):
        return 0  # فراس الخطيب, وليد, فدوى: a given name, not ف + رأس or و + ليد
    if kind == "PERS" and form[0] in "بلك" and not rest.startswith("ال"):
        return _person_preposition(first, form, rest, known)
    # ب/ل/ك before a bare personal name is rare, a name that starts with the letter is not:
    # بسام is not ب + سام (و/ف before a name is common: ومحمد).
    if form in g.country_of or form in g.cities:
        return 0  # كندا, not ك + ندا
    name_only = form[0] in "بلك" and known == ("PERS",)
    if form[0] in _SINGLE_PROCLITICS and (
        rest in g.country_of or rest in g.cities or (known and not name_only)
    ):
        return 1  # ولبنان، لإدلب
    if form in g.token_types:
        return 0  # a known word as written (وليد، بوتين)
    for stack in _ARTICLE_STACKS:
        if form.startswith(stack):
            n = len(stack) - 2  # keep the article: والقاهرة → القاهرة
            return n if first[:n] in ("و", "ف", "ب", "ك", "وب", "وك", "فب", "فك") else 0
    c0 = form[0]
    if c0 not in _SINGLE_PROCLITICS:
        return 0
    conjunction = c0 in "وف" and len(rest) >= 3 and first[1] not in "و"
    # لإدلب، لبنك; ك ("as") before a name is rare, names that start with كا are not
    # (شارع كابلان، كاراكاس)
    preposition = c0 in "بلك" and (rest[0] == "ا" and c0 != "ك" or rest in g.org_cues)
    if conjunction or preposition:
        # a frequent word whose rest is not one is a name of its own: فيفا, وارسو, كارتر
        frequent = clusters()
        if c0 == "ف" and rest not in frequent:
            return 0  # ف before an unknown name is rare, foreign names in ف are not: فيلادلفيا
        return 0 if form in frequent and rest not in frequent else 1
    return 0


@lru_cache(maxsize=1)
def _given_name_cluster() -> int | None:
    """The word cluster of given names in the cluster model (the one most common names
    fall in; about 320 words, nearly all given names, with و/ف-initial ones like وليد)."""
    ids = Counter(
        c[0]
        for w in ("محمد", "احمد", "خالد", "فهد", "سلمان", "عبدالله")
        if (c := clusters().get(w))
    )
    return ids.most_common(1)[0][0] if ids else None


def _listed_name(form: str) -> bool:
    return form in given_names.MEN or form in given_names.WOMEN


@lru_cache(maxsize=20_000)
def _given_name(form: str) -> bool:
    """Whether a match-form word is known as a given name: a person in the tagger's lexicon
    or the gazetteer, or a word of the cluster of given names."""
    if _listed_name(form):
        return True
    if lexicon().get(form, ("",))[0] == "PERS" or "PERS" in gazetteer().token_types.get(form, ()):
        return True
    c = clusters().get(form)
    return c is not None and c[0] == _given_name_cluster()


def _person_preposition(first: str, form: str, rest: str, known: tuple[str, ...]) -> int:
    """1 when a person's first word is ل or ب and a name: قال لبوتين، التقى بأوباما. Not
    when the word is a name of its own: one frequent where the rest is not (بسام، باسم،
    لبيد, بابا), or whose rest is a place's word (لبنى is no ل + بني) or nothing known;
    ك before a person is rare (كامل, كريم are names) but before a hamza."""
    if len(rest) < 3 or _listed_name(form):
        return 0  # (لحسن أوبلا, لمى: a given name as written)
    if first[1:2] in ("أ", "إ", "آ"):
        return 1  # a hamza starts a word: لأنطوان، بأوباما، كإبراهيم (لارسون is a name)
    if form[0] == "ك":
        return 0
    frequent = clusters()
    if rest in frequent and form not in frequent:
        return 1  # لترامب، بنتنياهو: the name is frequent, the word with the letter not
    # ل before a word known as a person's: frequent too (لهادي "to Hadi", لمحمد)
    return int(form[0] == "ل" and "PERS" in known)


# The name of God in the formulas of almost every article (رحمه الله، الحمد لله، إن شاء
# الله): ANERcorp tags it MISC, but as an entity to follow it names no news.
_FORMULA_WORDS = mf_set("الله لله والله ولله فالله فلله بالله تالله الحمد سبحانه تعالى وتعالى")


@lru_cache(maxsize=50_000)
def _formula(text: str) -> bool:
    return all(cached_match_form(w) in _FORMULA_WORDS for w in text.split())


# Words that make a formula with الله after them (رضي الله عنه، بتوفيق الله، رحمه الله):
# a span that ends so ends before them (أبو سعيد الخدري رضي الله), and one that is
# only that is none. (Names of this shape keep theirs: نصر الله، فتح الله، عبد الله.)
_BEFORE_GOD = mf_set(
    "رضي رحمه رحمها رحمهم يرحمه غفر شاء سبحان بحمد بعون بإذن بتوفيق توفيق حفظه حفظها "
    "حفظهم أطال جزاه جزاهم سامح حسبي أعان أعانه تقبل رحمكما رحمكم رعاه وفقه صلى"
)
_GOD = cached_match_form("الله")


def _without_formula(sp: EntitySpan) -> EntitySpan | None:
    """The span without a formula at its end (see _BEFORE_GOD); None if nothing is left."""
    if "الل" not in sp.text:  # (most spans) no الله in it, however marked
        return sp
    words = sp.text.split()
    if len(words) < 2 or cached_match_form(words[-1]) != _GOD:
        return sp
    before = cached_match_form(words[-2])  # as written (بحمد, not حمد) or without و/ف
    if before not in _BEFORE_GOD and strip_clitics(before) not in _BEFORE_GOD:
        return sp
    if len(words) == 2:
        return None
    cut = sp.text.rindex(words[-2])
    head = sp.text[:cut].rstrip()
    return EntitySpan(head, sp.type, sp.start, sp.start + len(head))


# Latin letters spelt out (البيفينول (إس)، «آر. بي. كا»): a lone one is a piece of a name
_LETTER_NAMES = mf_set(
    "إيه بي سي دي إي إف جي إتش آي جيه كيه إل إم إن أو كيو آر إس تي يو في إكس واي زد"
)


_PRONOUNS = ("هما", "هم", "ها", "كم", "نا", "ه", "ي", "ك")
# Names whose match form is a stopword's (علي = على once ى folds to ي): as written, a name.
_NAMES_LIKE_STOPWORDS = frozenset(("علي",))


# currencies are no entities (مليار دولار; not الريال: Real Madrid in sports copy)
_CURRENCY_WORDS = mf_set(
    "دولار الدولار دولارا يورو اليورو ريال جنيه الجنيه دينار الدينار درهم الدرهم ليرة الليرة"
)


@lru_cache(maxsize=50_000)
def _generic_word(word: str) -> bool:
    """A one-word span that names nothing: a stopword (قال لي: "told me"), one with a
    pronoun on it (بيني وبين: "between me and", فيه، لديه), a Latin letter spelt out, a
    currency, or
    an organisation noun without the article (منظمة، شركة: "an organisation"; الاتحاد
    may be a club's name)."""
    if word in _NAMES_LIKE_STOPWORDS:
        return False
    form = cached_match_form(word)
    if (
        is_stopword(form)
        or form in _LETTER_NAMES
        or strip_clitics(form, keep_article=True) in _CURRENCY_WORDS
    ):
        return True
    for suffix in _PRONOUNS:  # as written: منى is a name, not من + ي
        rest = word[: -len(suffix)]
        if word.endswith(suffix) and len(rest) >= 2 and is_stopword(cached_match_form(rest)):
            return True
    cands = core_candidates(form)
    cues = gazetteer().org_cues
    return not any(c.startswith("ال") for c in cands) and any(c in cues for c in cands)


# kinds of place that alone name none (بولاية ورقلة: the tagger's بولاية; حاكم الولاية)
_PLACE_KIND_WORDS = mf_set("ولاية الولاية ولايات الولايات محافظة المحافظة إقليم الإقليم")
# where "the city" is the one the story is about, not Medina (شمال المدينة، إلى المدينة)
_CITY = cached_match_form("المدينة")
_AROUND = mf_set("شمال جنوب شرق غرب وسط شرقي غربي أحياء أطراف مدخل سكان داخل خارج أنحاء شوارع")


def _generic_place(text: str, sp: EntitySpan) -> bool:
    """A one-word place span that is a kind of place (الولاية), or المدينة after a word
    of its parts (جنوب المدينة)."""
    form = strip_clitics(cached_match_form(sp.text))
    if form in _PLACE_KIND_WORDS:  # (not الولايات of الولايات المتحدة, split by the tagger)
        return sp.type == "LOC" and not text.startswith(" المتحدة", sp.end)
    if form != _CITY or sp.type != "LOC":
        return False
    before = text[max(0, sp.start - 12) : sp.start].split()
    return bool(before) and strip_clitics(cached_match_form(before[-1])) in _AROUND


# A place of worship is named by its head and an adjective (المسجد الحرام، المسجد الأقصى،
# الجامع الأموي); the tagger often takes the adjective alone, as an organisation.
_PLACE_HEADS = mf_set("المسجد مسجد الجامع جامع الكنيسة كنيسة الكاتدرائية كاتدرائية الدير دير")


@lru_cache(maxsize=50_000)
def _is_place_head(word: str) -> bool:
    head = cached_match_form(word)
    return head in _PLACE_HEADS or strip_clitics(head) in _PLACE_HEADS


def _with_place_head(text: str, sp: EntitySpan) -> EntitySpan:
    """A one-word span right after the head of a place's name, grown to take it in, as a
    place (الحرام after المسجد → المسجد الحرام)."""
    if " " in sp.text:
        return sp
    window = text[max(0, sp.start - 24) : sp.start]
    words = window.split()
    if not words or not window[-1].isspace() or not _is_place_head(words[-1]):
        return sp
    start = sp.start - len(window) + window.rindex(words[-1])
    return EntitySpan(text[start : sp.end], "LOC", start, sp.end)


_MAX_LEADING_NAMES = 2
_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u0640]+")  # letters, marks, tatweel


def _with_rare_countries(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """The tagger's spans and a place for each rare country's name none covers."""
    forms = token_forms(text)[0]
    found = list(compress(count(), map(_RARE_COUNTRIES.__contains__, forms)))
    if not found:
        return spans
    toks = tokens_and_starts(text)[0]
    added = [
        EntitySpan(toks[i][0], "LOC", toks[i][1], toks[i][2])
        for i in found
        if not any(sp.start < toks[i][2] and toks[i][1] < sp.end for sp in spans)
    ]
    return sorted(spans + added, key=lambda sp: sp.start)


# a word's letters and marks (what may not touch a name found by a pattern)
_WORD_CHAR = r"[\w\u064b-\u0652]"
# a body's short name in brackets or marks right after its full one: الهيئة السعودية
# للبيانات والذكاء الاصطناعي (سدايا), هيئة الرقابة ومكافحة الفساد «نزاهة»
_BRACKETED = re.compile(
    r"\s?(?:\((?P<p>[^()\n،,.:؛]{2,30}?)\)|[«\"](?P<q>[^«»\"\n،,.:؛]{2,24}?)[»\"])"
)
_ALIAS_WORD = re.compile(r"[\w.+-]+")


# a hospital named by one or two words and what kind of hospital it is (مستشفى رفيديا
# الحكومي، مستشفى ابن سينا العام، مستشفى المنيل الجامعي)
_HOSPITAL = re.compile(
    rf"(?<!{_WORD_CHAR})[وف]?[بل]?(?P<name>مستشف[ىي] (?!(?:في|من|إلى|على|عن)\s)"
    rf"{_WORD_CHAR}+(?: {_WORD_CHAR}+)? "
    r"(?:الحكومي|العام|الجامعي|التعليمي|التخصصي|المركزي|العسكري|الميداني|الافتراضي))"
    rf"(?!{_WORD_CHAR})"
)


def _hospitals(text: str, mentions: list[Mention]) -> None:
    """Hospitals by a name and their kind (``_HOSPITAL``), in place of the mentions
    inside them (a town the name holds: مستشفى تبنين الحكومي); not where a longer
    mention holds them."""
    if "مستشف" not in text:
        return
    added = []
    for found in _HOSPITAL.finditer(text):
        a, b = found.span("name")
        if any(o.start <= a and b <= o.end and o.end - o.start > b - a for o in mentions):
            continue
        mentions[:] = [o for o in mentions if not (o.start < b and a < o.end)]
        added.append(named_mention(text, a, b, "ORG"))
    add_mentions(mentions, added)


_DIRECTIONS = mf_set("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي")


def _org_head(form: str) -> bool:
    """Whether a word (match form, no proclitic) is a kind of body (هيئة، الشركة، مجلس)."""
    bare = form.removeprefix("ال")
    org_cues = gazetteer().org_cues
    return bare in _SURE_BODY_KINDS or bare in org_cues or form in org_cues


def _bracketed_aliases(text: str, mentions: list[Mention]) -> None:
    """The short name a body of two words or more is given in brackets (one to three
    words) or marks (one or two, a Latin name or an uncommon word: not a quote) right
    after its full name: a mention of that body, there and wherever else the article
    writes it alone; ``mentions`` in text order."""
    if "(" not in text and "«" not in text and '"' not in text:
        return
    aliases: dict[str, Mention] = {}
    rekey: dict[str, Mention] = {}
    added: list[Mention] = []
    for m in list(mentions):
        if m.type != "ORG" or " " not in m.text:
            continue
        found = _BRACKETED.match(text, m.end)
        if found is None:
            continue
        group = "p" if found.group("p") else "q"
        inner = found.group(group).strip()
        words = inner.split()
        if not 1 <= len(words) <= (3 if group == "p" else 2) or not all(
            _ALIAS_WORD.fullmatch(w) for w in words
        ):
            continue
        first = cached_match_form(words[0])
        if (
            is_stopword(first)
            or first[:1] in "وف"
            and first[1:]
            and is_stopword(first[1:])
            or first in _DIRECTIONS
        ):
            continue  # (جامعة غاريسا (شمال شرق): where it is)
        if group == "q" and not (
            inner.isascii() or len(words) == 1 and first not in clusters() or first in BODY_OF
        ):
            continue  # (الاتحاد الأوروبي "ملتزم بشراكة": a quote)
        a = found.start(group) + (len(found.group(group)) - len(found.group(group).lstrip()))
        b = a + len(inner)
        if any(o.start < b and a < o.end and o.type in ("PERS", "LOC") for o in mentions):
            continue  # (جامعة ستانفورد (ولاية كاليفورنيا): where it is)
        if _org_head(first) or not _org_head(strip_clitics(cached_match_form(m.text.split()[0]))):
            continue  # (الاتحاد التجاري (شركة تأمين): what it is; no body's name before)
        known = BODY_OF.get(cached_match_form(inner))
        if known is not None:
            # منظمة البلدان المصدرة للبترول (أوبك): another name of a known body
            m.key, m.entity = known
            continue
        for o in mentions:
            if o.start < b and a < o.end and o.type == "ORG" and o.key != m.key:
                rekey[o.key] = m  # (the tagger's أوتشا here and elsewhere: one body)
        mentions[:] = [o for o in mentions if not (o.start < b and a < o.end)]
        alias = Mention(inner, "ORG", a, b, m.entity, m.key, "alias")
        added.append(alias)
        aliases[inner] = alias
    if not aliases:
        return
    for o in mentions:
        if o.type == "ORG" and (body := rekey.get(o.key)) is not None:
            o.key, o.entity = body.key, body.entity
    taken = [(o.start, o.end) for o in mentions + added]
    for inner, alias in aliases.items():
        for hit in re.finditer(rf"(?<!{_WORD_CHAR}){re.escape(inner)}(?!{_WORD_CHAR})", text):
            a, b = hit.span()
            if any(s < b and a < e for s, e in taken):
                continue
            added.append(Mention(inner, "ORG", a, b, alias.entity, alias.key, "alias"))
            taken.append((a, b))
    add_mentions(mentions, added)


def _with_given_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Persons grown left over the given names right before them that the tagger left
    out (نسرين + خليل العمور, علي + عبدالله صالح; ومروة + محمد keeps its و for display to
    strip); at most two words, each one space from the name, none in another span.
    ``spans`` in text order."""
    out: list[EntitySpan] = []
    prev_end = 0
    for sp in spans:
        start = sp.start
        if sp.type == "PERS":
            for _ in range(_MAX_LEADING_NAMES):
                if start < 2 or text[start - 1] != " ":
                    break
                k = start - 1
                while k > prev_end and not text[k - 1].isspace():
                    k -= 1
                word = text[k : start - 1]
                if k == prev_end and k > 0 or not _leading_given_name(word):
                    break
                if cached_match_form(word) == "عمر" and text[max(0, k - 3) : k] == "في ":
                    break  # في عمر خالد: at Khalid's age
                start = k
        if start != sp.start:
            sp = EntitySpan(text[start : sp.end], "PERS", start, sp.end)
        out.append(sp)
        prev_end = sp.end
    return out


_AMMA = re.compile(r"(?:^|\s)و?أما\s+$")


_TO_AGENCY = frozenset("ل" + a for a in mf_set(NEWS_AGENCIES))


def _without_agency(sp: EntitySpan) -> EntitySpan:
    """A person without the agency the tagger ran on into: قال سيف لفرانس برس → سيف."""
    if sp.type != "PERS" or " " not in sp.text:
        return sp
    words = sp.text.split(" ")
    cut = next((k for k, w in enumerate(words) if k and cached_match_form(w) in _TO_AGENCY), 0)
    if not cut:
        return sp
    head = " ".join(words[:cut])
    return EntitySpan(head, "PERS", sp.start, sp.start + len(head))


def _without_amma_verb(text: str, sp: EntitySpan) -> EntitySpan:
    """A person after أما without the ف-verb the tagger ran on into: أما أبو خليل فيختم
    حديثه → أبو خليل (أما … فـ: the ف opens the predicate)."""
    if sp.type != "PERS" or " " not in sp.text:
        return sp
    head, last = sp.text.rsplit(" ", 1)
    if last[:1] != "ف" or not _AMMA.search(text, max(0, sp.start - 8), sp.start):
        return sp
    return EntitySpan(head, "PERS", sp.start, sp.start + len(head))


def _leading_given_name(word: str) -> bool:
    if not _ARABIC_WORD.fullmatch(word) or word.endswith("ى"):
        return False  # على before a name is "on", whatever match_form makes of it
    form = cached_match_form(word)
    return form in given_names.LEADING or (
        form[:1] == "و" and len(form) > 3 and form[1:] in given_names.LEADING
    )


# Heads of a body's name that the tagger often tags alone (حرس in حرس الحدود, حرس الثورة)
_BARE_BODY_HEADS = mf_set("حرس")
_NEXT_WORD = re.compile(r"\s+(ال\w+)")


def _with_body_tail(text: str, sp: EntitySpan) -> EntitySpan:
    """A body's bare head tagged alone, grown to take in the word after it (حرس الحدود)."""
    if (
        sp.type != "ORG"
        or " " in sp.text
        or strip_clitics(cached_match_form(sp.text)) not in _BARE_BODY_HEADS
    ):
        return sp
    nxt = _NEXT_WORD.match(text, sp.end)
    if nxt is None:
        return sp
    return EntitySpan(text[sp.start : nxt.end(1)], "ORG", sp.start, nxt.end(1))


@lru_cache(maxsize=100_000)  # called for every mention, and by the store for every entity
def name_rank(name: str, key: str) -> tuple[bool, int, int]:
    """How well ``name`` displays an entity keyed ``key``: a name whose match form is the
    key itself (no proclitic left on it: الكونغرس, not للكونغرس) first, then the one with
    fewer short-vowel marks (الأمم المتحدة, as news writes it, not المتّحدة), then the
    longer."""
    return cached_match_form(name) == key, -vowel_marks(name), len(name)


def vowel_marks(name: str) -> int:
    """How many short-vowel marks (harakat, shadda, sukun) a name is written with."""
    return len(name) - len(name.translate(_NO_HARAKAT))


_NO_HARAKAT = dict.fromkeys(range(0x064B, 0x0653))


# Foreign names are written with the letter each country uses for sounds Arabic lacks:
# /g/ as غ (the Levant, the Gulf), ج (Egypt) or Persian گ; /v/ as ڤ or ف; /p/ as پ or ب.
# Over the mention keys of 6,300 SaudiNewsNet articles, keys equal under this mapping
# were the same name in 87 of 87 groups (الكونجرس/الكونغرس، جوجل/غوغل، ريجان/ريغان);
# mapping ك too merged كينيا with غينيا. Only entity keys use it: in search جرب and غرب
# stay different words.
# Compound names are written joined or apart (عبدالعزيز، عبد العزيز).
_SPELLING = str.maketrans({"ج": "غ", "گ": "غ", "ڭ": "غ", "ڤ": "ف", "پ": "ب"})
_ABD_APART = re.compile(r"(?<!\S)عبد (?=\S)")


@lru_cache(maxsize=100_000)
def spelling_key(key: str) -> str:
    """The key with /g/, /v/ and /p/ spelled one way and عبد joined to the name after it:
    keys equal under it name one thing (of one type)."""
    return _ABD_APART.sub("عبد", key.translate(_SPELLING))


def _one_vowel_less(word: str) -> set[str]:
    """The word with one long vowel inside it left out (ترامب → ترمب)."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word) - 1) if word[i] in "اوي"}


@lru_cache(maxsize=1)
def _known_names() -> tuple[frozenset[str], dict[str, str]]:
    """Known person-name words (tagger lexicon, gazetteer) and, for each spelling of one
    with a long vowel left out, that word (when only one gives it)."""
    known = {w for w, (typ, _share, _n) in lexicon().items() if typ == "PERS" and " " not in w}
    known |= {w for w, types in gazetteer().token_types.items() if "PERS" in types and " " not in w}
    shorter: dict[str, set[str]] = {}
    for w in known:
        if len(w) >= 5:
            for v in _one_vowel_less(w):
                shorter.setdefault(v, set()).add(w)
    return frozenset(known), {v: next(iter(ws)) for v, ws in shorter.items() if len(ws) == 1}


@lru_cache(maxsize=100_000)
def known_spelling(key: str) -> str:
    """A person's key with each unknown word of four letters or more spelled as the one
    known name word that has one long vowel more: foreign names are written with and
    without them (ترمب = ترامب، بوتن = بوتين، ماردونا = مارادونا). Two known words are
    never joined (سلمان، سليمان), nor ones that differ otherwise (فورد، فريد)."""
    _known, shorter = _known_names()
    lex, words, frequent = lexicon(), gazetteer().token_types, clusters()
    out = []
    for w in key.split():
        # only a word the tagger's lexicon and the gazetteer do not know, and only by
        # adding the vowel: ساعد is no سعد, بادي no بدي (Arabic names differ so)
        if (
            len(w) >= 4
            and w in shorter
            and not w.startswith("ال")  # (النجفي is no النجيفي)
            and w not in lex
            and w not in words
            and w not in frequent  # (مسلم is a word)
        ):
            w = shorter[w]
        out.append(_NAME_VARIANTS.get(w, w))
    return " ".join(out)


# Spellings of leaders' names common enough to be words of their own to the rule above
# (Gulf and Saudi papers write ترمب and بوتن, most others ترامب and بوتين)
_NAME_VARIANTS = {"ترمب": "ترامب", "بوتن": "بوتين", "نتانياهو": "نتنياهو", "ماكرن": "ماكرون"}


# عمان without diacritics is Oman (عُمان) or Jordan's capital Amman (عمّان). Amman gets
# a key of its own, and the bare form is never registered as an alias of either (it
# would merge them corpus-wide).
_SHARED_FORMS = frozenset({"عمان"})
_JORDAN_NEAR = re.compile(r"(?:الأردني|الاردني|أمانة|امانة)\S*\s+(?:\S+\s+)?$")
_OMAN_NEAR = re.compile(r"(?:سلطنة|سلطنه)\s+$")
_JORDAN_CUES = ("الأردن", "الاردن", "أردني", "اردني")
_OMAN_CUES = ("سلطنة", "مسقط", "عماني", "العمانية", "السلطان")
_WORDS = re.compile(r"[\u0621-\u064a]+")


def _means_amman(text: str, start: int, end: int) -> bool:
    """Whether عمان at ``text[start:end]`` is the city: its own diacritics (a shadda:
    عمّان; a damma: عُمان), the words just before it (العاصمة الأردنية عمان، أمانة عمان;
    سلطنة عمان), a country next to it (a list of countries), else whether the article
    speaks of Jordan more than of Oman."""
    written = text[start:end]
    if "\u0651" in written:
        return True
    if "\u064f" in written:
        return False
    before = text[max(0, start - 40) : start]
    if _OMAN_NEAR.search(before):
        return False
    if _JORDAN_NEAR.search(before):
        return True
    # in a list of countries (والبحرين، وعمان، والأردن) it is one of them
    g = gazetteer()
    words_before = [w for w in _WORDS.findall(before) if len(w) > 1]  # not its own و
    around = words_before[-1:] + _WORDS.findall(text, end, end + 40)[:1]
    if any(g.country(w) for w in around):
        return False
    jordan = sum(text.count(c) for c in _JORDAN_CUES)
    oman = sum(text.count(c) for c in _OMAN_CUES)
    return jordan > oman


# Words a body's name is written after or without (تنظيم داعش = داعش, نادي الهلال = الهلال,
# وكالة رويترز = رويترز; not حزب: حزب الله is no الله), and words after it (داعش الإرهابي).
_BODY_HEADS = mf_set("تنظيم منظمة نادي حركة جماعة شركة صحيفة وكالة قناة فريق")
_BODY_TAILS = mf_set("الإرهابي الإرهابية المتطرف المتطرفة")


def _to_body_name(m: Mention) -> None:
    """An organisation's key without a tail adjective or a head word, and the name it is
    best known by (see bodies.BODY_NAMES): the first of these forms that is a known name."""
    words = m.key.split()
    if len(words) > 1 and words[-1] in _BODY_TAILS:
        words = words[:-1]
    key = " ".join(words)
    head = len(words) > 1 and words[0] in _BODY_HEADS
    if head and key not in BODY_OF and _names_a_body(words[1:]):
        key = " ".join(words[1:])
    known = BODY_OF.get(key)
    if known is not None:
        m.key, m.entity = known
    else:
        m.key = key


def _names_a_body(words: list[str]) -> bool:
    """Whether what follows a head word names something alone: two words or more, or one
    the tagger knows as an entity's (الهلال, not الدولة)."""
    if len(words) > 1:
        return True
    return (
        words[0] in BODY_OF or bool(lexicon().get(words[0])) or words[0] in gazetteer().token_types
    )


# Letters a nisba's last letter can be written as (ي ه ن, and ى ة that fold to them)
_NISBA_LAST = frozenset("يىهةن")


def _nisba_word(word: str) -> str | None:
    """The country a token names as a nisba adjective (الروسية، والتركي), or None."""
    if len(word) < 4 or not word[0].isalpha():
        return None
    last = word[-1]
    if "\u0621" <= last <= "\u064a" and last not in _NISBA_LAST:
        return None  # a base letter no nisba ending folds to (marks and others go on)
    # (the gazetteer's own cache is for single words: this one is remembered below)
    return gazetteer().nisba_uncached(word)


_NISBA_WORDS: Memo[str, str | None] = Memo(_nisba_word, 200_000)  # every token, each article


def link_entities(text: str, spans: list[EntitySpan]) -> tuple[list[Mention], list[Entity]]:
    """Mentions with canonical names and keys, and the entities they name."""
    g = gazetteer()
    mentions: list[Mention] = []
    person_words = {
        w for sp in spans if sp.type == "PERS" and " " in sp.text for w in sp.text.split()
    }
    spans = _with_rare_countries(text, spans)
    spans = [_without_agency(_without_amma_verb(text, sp)) for sp in _with_given_names(text, spans)]
    bare = _bare_names(spans)
    spans, split_off = _split_leading_names(spans, bare)
    person_words -= split_off
    grown = map(_with_place_head, repeat(text), spans)
    for found in map(_with_body_tail, repeat(text), grown):
        sp = _without_formula(found)
        if (
            sp is None
            or (" " not in sp.text and (_generic_word(sp.text) or _generic_place(text, sp)))
            or _formula(sp.text)
            or cached_match_form(sp.text) in _IDIOMS
        ):
            continue
        # (فيرهوفن alone keeps its ف when a full name of the article has the word, and
        # بنيس its ب: a word of a person's name is that person's, whatever its tag)
        whole = sp.text in person_words and (
            sp.type == "PERS" and sp.text[:1] in "وف" or sp.type == "ORG" and " " not in sp.text
        )
        cut = 0 if whole else _strip_display(sp.text, g, sp.type)
        kind = sp.type
        if not cut and not whole and sp.text[1:] in bare and sp.text[0] in _SINGLE_PROCLITICS:
            # لسوناطراك beside سوناطراك: the article's own name behind a proclitic
            cut, kind = 1, bare[sp.text[1:]]
        start = sp.start + cut
        # the accusative ending of an indefinite noun is no part of a name: دولارًا → دولار
        end = sp.end - 2 if sp.text.endswith(_TANWEEN_ALEF) and sp.end - start > 4 else sp.end
        if end == sp.end and sp.text[-1] == "ا" and sp.text[:-1] in _CURRENCIES:
            end -= 1  # the same ending unmarked, on the currencies it is common on: دولارا
        mtext = text[start:end]
        m = Mention(mtext, kind, start, end)
        single_nisba = g.nisba_country(mtext) if " " not in mtext else None
        country = g.country(mtext) if kind in ("LOC", "ORG", "MISC") else None
        if single_nisba:
            m.type, m.entity, m.key, m.via = (
                "LOC",
                single_nisba,
                cached_match_form(single_nisba),
                "nisba",
            )
        elif country == "عُمان" and _means_amman(text, start, sp.end):
            m.type, m.entity, m.key, m.via = "LOC", AMMAN, AMMAN_KEY, "name"
        elif country:
            m.type, m.entity, m.key, m.via = "LOC", country, cached_match_form(country), "country"
        else:
            m.key = mention_key(mtext)
            m.entity = display_name(mtext, m.key)
            m.via = "name"
            if kind == "ORG":
                _to_body_name(m)
        mentions.append(m)

    _known_bodies(text, mentions)
    _dateline_place(text, mentions, g)
    _honorific_names(text, mentions)
    _facility_names(text, mentions)
    _kind_first_types(mentions)
    _companies_named_as_persons(text, mentions)
    _companies_by_field(text, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    known_cities(text, mentions)  # (before the bodies named with them: لمجلس المنطقة الشرقية)
    _cape_names(text, mentions)
    _institution_names(text, mentions)
    listed_places(text, mentions)
    club_names(text, mentions)
    team_nicknames(text, mentions)
    _venues_and_competitions(text, mentions)
    _medal_prizes(text, mentions)
    _latin_names(text, mentions)
    _places_of_a_kind(text, mentions)
    _national_visions(text, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))

    state_bodies(text, mentions)
    _country_after_name(text, mentions, g)

    # nisba adjectives outside any entity span
    covered = sorted((m.start, m.end) for m in mentions)
    cov_starts = [a for a, _ in covered]
    toks = tokens_and_starts(text)[0]
    countries = _NISBA_WORDS.many(list(map(itemgetter(0), toks)))
    for (word, s, e), country in compress(zip(toks, countries, strict=True), countries):
        assert country is not None  # (compress kept the tokens that name one)
        k = bisect_right(cov_starts, s) - 1
        if k >= 0 and s < covered[k][1]:
            continue
        cut = _strip_display(word, g)
        mentions.append(
            Mention(
                text[s + cut : e], "LOC", s + cut, e, country, cached_match_form(country), "nisba"
            )
        )
    mentions.sort(key=lambda m: (m.start, -m.end))
    _nisba_family_names(text, mentions)
    field_bodies(text, mentions)
    national_bodies(text, mentions)
    kind_bodies(text, mentions)
    _hospitals(text, mentions)
    _titled_given_names(text, mentions)
    _apposed_names(text, mentions)
    _untagged_surnames(text, mentions)
    _facility_names(text, mentions)  # (a name found since: مطار الملكة علياء الدولي)

    _bracketed_aliases(text, mentions)
    _link_persons(text, mentions)
    _link_roles(text, mentions, g)
    _link_spellings(mentions)
    _link_club_short_names(mentions)
    link_central_banks(mentions)
    mentions = _without_wordlike_names(text, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))

    entities: dict[str, Entity] = {}
    for m in mentions:
        ent = entities.get(m.key)
        if ent is None:
            ent = entities[m.key] = Entity(m.key, m.entity, m.type)
        elif name_rank(m.entity, m.key) > name_rank(ent.name, ent.key):
            ent.name = m.entity  # الكونغرس rather than للكونغرس
        ent.count += 1
        alias = mention_key(m.text)
        # (a body's bare words are every country's: البنك المركزي، وزارة الصحة)
        shared = alias in _SHARED_FORMS or m.via == "partial" and m.type == "ORG"
        if alias not in ent.aliases and (not shared or alias == m.key):
            ent.aliases.append(alias)
    return mentions, sorted(entities.values(), key=lambda e: (-e.count, e.key))


_CLUB_HEADS = ("نادي ", "فريق ")
# phrases the tagger takes for a name (لحسن الحظ "fortunately": لحسن is also Lahcen)
_IDIOMS = frozenset(
    cached_match_form(p) for p in ("لحسن الحظ", "حسن الحظ", "لسوء الحظ", "سوء الحظ")
)


def _bare_names(spans: list[EntitySpan]) -> dict[str, str]:
    """The article's one-word names by their text, with the type the tagger gave each
    most often."""
    votes: dict[str, list[str]] = {}
    for sp in spans:
        name = sp.text
        if sp.type == "ORG" and name.startswith(_CLUB_HEADS) and name.count(" ") == 1:
            name = name.split(" ")[1]  # نادي السد: السد
        if " " not in name and len(name) >= 3:
            votes.setdefault(name, []).append(sp.type)
    # (most names have one type: the count only where they differ; first on a tie)
    out = {
        name: kinds[0] if len(set(kinds)) == 1 else max(kinds, key=kinds.count)
        for name, kinds in votes.items()
    }
    for name in out:  # a known body's one-word name whatever the tagger said (سوناطراك)
        known = BODY_OF.get(cached_match_form(name))
        if known is not None:
            out[name] = BODY_TYPES.get(known[1], "ORG")
    return out


def _split_leading_names(
    spans: list[EntitySpan], bare: dict[str, str]
) -> tuple[list[EntitySpan], set[str]]:
    """A name whose first word is the article's name of something else, maybe behind a
    proclitic, split in two: المدير العام لسوناطراك رشيد حشيشي → سوناطراك + رشيد حشيشي,
    هدفي السد أكرم عفيف → السد + أكرم عفيف (a person where the rest begins with a given
    name), a person's span that opens with a country's nisba (الإيفواري ياكوبا سانغاري);
    and the words split off."""
    out: list[EntitySpan] = []
    split_off: set[str] = set()
    nisba_country = gazetteer().nisba_country
    for sp in spans:
        words = sp.text.split(" ")
        at = next(
            (
                k
                for k in range(1, len(words) - 1)
                if cached_match_form(words[k]) in _SPLITTING_TITLES
            ),
            0,
        )
        if at and sp.type in ("ORG", "LOC"):
            # بجامعة أسيوط الدكتورة نهى القليوبي: a body, then a person after her title
            cut = sp.start + len(" ".join(words[:at]))
            out.append(EntitySpan(sp.text[: cut - sp.start], sp.type, sp.start, cut))
            rest_start = cut + 1 + len(words[at]) + 1
            out.append(EntitySpan(sp.text[rest_start - sp.start :], "PERS", rest_start, sp.end))
            continue
        first, _, rest = sp.text.partition(" ")
        if sp.type == "PERS" and rest and first.startswith("ال") and nisba_country(first):
            # الإيفواري ياكوبا سانغاري: the player's country, then his name
            out.append(EntitySpan(first, "LOC", sp.start, sp.start + len(first)))
            out.append(EntitySpan(rest, "PERS", sp.start + len(first) + 1, sp.end))
            split_off.add(first)
            continue
        name = first[1:] if first[:1] in _SINGLE_PROCLITICS and first[1:] in bare else first
        kind = bare.get(name, sp.type)
        if not rest or kind == sp.type or kind not in ("ORG", "LOC"):
            out.append(sp)
            continue
        word = cached_match_form(rest.split(" ", 1)[0])
        # (a listed given name after a place or a body; any after a proclitic: لسوناطراك)
        given = word in given_names.LEADING or sp.type == "PERS" and _given_name(word)
        if not given and (sp.type != "PERS" or name == first):
            out.append(sp)  # (واشنطن بوست, نيويورك ريد بولز: one name)
            continue
        cut = sp.start + len(first) + 1
        out.append(EntitySpan(first, kind, sp.start, sp.start + len(first)))
        out.append(EntitySpan(rest, "PERS" if given else sp.type, cut, sp.end))
        split_off.add(first)
    return out, split_off


# Ranks and honorifics after which a name always follows (الرئيس / الوزير are left to the
# model: "الرئيس يجتمع" has no name after it).
# titles that end a body's or a place's name the tagger ran on into a person's
_SPLITTING_TITLES = mf_set(
    "الدكتور الدكتورة المهندس المهندسة الأستاذ الأستاذة السيد السيدة العقيد اللواء العميد"
)
_HONORIFICS = mf_set(
    "العقيد اللواء العميد الفريق المشير الجنرال النقيب الرائد المقدم الدكتور د المهندس "
    "الشيخ السيد السيدة الأستاذ الأستاذة الحاج الدكتورة"
)
_NAME_JOINERS = mf_set("الدين الله الرحمن بن بنت أبو أبي عبد")
# Ranks that are also common words (الفريق: the team; المقدم: the presenter; الرائد: the
# pioneering): a name follows only if its first word is known as a person's.
_AMBIGUOUS_HONORIFICS = mf_set("الفريق الرائد المقدم النقيب")
# Words that continue a rank before the name (الفريق أول ركن، العميد طيار، اللواء متقاعد)
_RANK_WORDS = mf_set("أول ركن طيار بحري متقاعد")


# Given names that are first of all words (رضا "satisfaction", حسن النوايا "good
# intentions", جمال "beauty", سعيد "happy", الذكر الحكيم): alone, with no title before
# them and no full name in the article to join, the tagger's person is the word.
_WORDLIKE_NAMES = mf_set(
    "رضا حسن سعيد جمال الحكيم حكيم سليم فريد كريم جميل أمل نور عادل مبارك سعد منير وحيد "
    "شريف نبيل كامل فاضل أمين"
)


def _without_wordlike_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without a lone person that is one of ``_WORDLIKE_NAMES`` or one word
    after وهو / وهي (a partial name linked to a full one stays, and so does one after a
    title: الشيخ سعيد)."""
    lone = [
        m
        for m in mentions
        if m.type == "PERS"
        and m.via == "name"
        and (m.key in _WORDLIKE_NAMES or " " not in m.text and _after_a_pronoun(text, m.start))
    ]
    if not lone:
        return mentions
    toks, starts = tokens_and_starts(text)
    drop = set()
    for m in lone:
        k = bisect_left(starts, m.start) - 1
        if k < 0 or not (_is_honorific(toks[k][0]) or is_title(toks[k][0])):
            drop.add(id(m))
    return [m for m in mentions if id(m) not in drop]


_PRONOUN_BEFORE = re.compile(r"(?:^|[\s،,(])و?(?:هو|هي) $")


def _after_a_pronoun(text: str, start: int) -> bool:
    """Whether a word follows وهو / وهي: what one is (وهو نجار من ريف حمص), not a name."""
    return _PRONOUN_BEFORE.search(text, max(0, start - 6), start) is not None


@lru_cache(maxsize=50_000)
def _is_honorific(word: str) -> bool:
    return strip_clitics(cached_match_form(word)) in _HONORIFICS


# Places and bodies named after a king or a prince (مطار الملك عبدالعزيز، مركز الملك سلمان
# للإغاثة): the name in them is no mention of the person.
_FACILITY_TITLES = mf_set(
    "الملك الأمير الشيخ الإمام السلطان الرئيس الملكة الأميرة الشيخة مولاي السيدة سيدي"
)
_FACILITY_PLACES = mf_set(
    "مطار جسر طريق شارع حديقة متنزه منتزه مدينة ميدان ملعب استاد ستاد مسجد جامع قاعدة ميناء قصر "
    "واحة حي مركب ساحة جادة معبر محطة مسرح"
)
_STREETS = mf_set("شارع ميدان ساحة جادة")
_REGNAL = mf_set("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن")
_FACILITY_BODIES = mf_set(
    "مركز مستشفى جامعة جامعتي مؤسسة جائزة كلية معهد مكتبة دارة صندوق مدرسة برنامج مجمع كرسي "
    "مجموعة دار محكمة"
)


# a person the tagger found whose name begins with a kind of place or of body is that
# place or body (وشارع الملكة رانيا، المركب الرياضي محمد الخامس، جامعة الأميرة نورة)
_PLACE_KINDS = _FACILITY_PLACES | mf_set("حظيرة ساحة دوار معبر منفذ")
_BODY_KINDS = (_FACILITY_BODIES | mf_set(" ".join(ORG_CUES))) - _PLACE_KINDS
# kinds that type a name whatever the tagger said (a place's or a body's): معبر كرم أبو
# سالم, منفذ سلوى, المعهد الجزائري للبترول, قيادة عمليات بغداد
_SURE_PLACE_KINDS = mf_set("معبر منفذ ساحة ميدان شارع جسر")
_SURE_BODY_KINDS = mf_set(
    "معهد كلية جامعة مستشفى وزارة هيئة قيادة مؤسسة شركة مركز ديوان مكتب رابطة حكومة محكمة "
    "منظمة نقابة جمعية حرس مجلس اتحاد برلمان مصلحة طيران"
)
# (and the Red Crescent and Red Cross societies: الهلال الأحمر الليبي, not the colour)
_SURE_BODY_STARTS = tuple(cached_match_form(w) for w in ("الهلال الأحمر", "الصليب الأحمر"))


def _kind_first_types(mentions: list[Mention]) -> None:
    """Give a mention of several words that begins with a place's or a body's kind word
    (after a proclitic) the type of that kind: any kind for a person, the sure kinds for
    a place or a body."""
    for m in mentions:
        if m.type == "MISC" or " " not in m.text:
            continue
        first = strip_clitics(cached_match_form(m.text.split(" ", 1)[0]))
        if m.type != "PERS":
            if m.via == "name" and first in _SURE_PLACE_KINDS:
                m.type = "LOC"
            elif m.via == "name" and (
                first in _SURE_BODY_KINDS
                or first.removeprefix("ال") in _SURE_BODY_KINDS
                or strip_clitics(m.key).startswith(_SURE_BODY_STARTS)
            ):
                m.type = "ORG"  # (and definite: المكتب الجهوي …، الحرس المدني الإسباني)
        elif first in _PLACE_KINDS:
            m.type = "LOC"
        elif first in _BODY_KINDS:
            m.type = "ORG"


# a company's kind right before a name (with a proclitic): لشركة هيوماين، ومجموعة كوسكو
_COMPANY_BEFORE = re.compile(r"(?:^|\s)[وف]?[بل]?(?:شرك[ةه]|مجموع[ةه]|شركت[اي]|مجموعت[اي])\s+$")


def _companies_named_as_persons(text: str, mentions: list[Mention]) -> None:
    """A name the tagger took for a person's right after شركة or مجموعة is the company's
    (شركة رونو، مجموعة علي بابا, a third of the sets' persons that are bodies), and so
    is the same name elsewhere in the article (وقالت هيوماين)."""
    keys = {
        m.key
        for m in mentions
        if m.type == "PERS"
        and m.via == "name"
        and _COMPANY_BEFORE.search(text, max(0, m.start - 16), m.start)
    }
    for m in mentions:
        if m.key in keys and m.type == "PERS":
            m.type = "ORG"


# a company's field after its name (أدنوك للغاز، الصقر للخدمات اللوجستية) or its legal kind
# last (إعمار العقارية، طلعت مصطفى القابضة): the annotated passages type 135 such names as
# bodies and 9 as others, all of those led by an event's or a place's word
_COMPANY_FIELDS = mf_set(
    "للخدمات للأغذية للاستثمار للتطوير للطاقة للاتصالات للإنتاج للنشر للتأمين للصناعات "
    "للتجارة للغاز للنفط للبتروكيماويات للإسمنت للطيران للتقنية للمقاولات للتعدين للأدوية"
)
_COMPANY_LAST = mf_set("القابضة العقارية المحدودة")
_NOT_COMPANY_FIRST = mf_set(
    "معرض جائزة استراتيجية الاستراتيجية مدينة محطة مهرجان مؤتمر منتدى بطولة كأس ملتقى خطة "
    "برنامج مبادرة مشروع"
)


def _companies_by_field(text: str, mentions: list[Mention]) -> None:
    """A name the tagger typed otherwise that carries a company's field or legal kind
    (see :data:`_COMPANY_FIELDS`) is a company's, unless an event's or a place's word
    leads it or stands right before it (محطة براكة للطاقة النووية)."""
    for m in mentions:
        if m.type == "ORG" or m.via != "name" or " " not in m.text:
            continue
        words = [cached_match_form(w) for w in m.text.split()]
        before = text[max(0, m.start - 20) : m.start].split()
        if strip_clitics(words[0]) in _NOT_COMPANY_FIRST or (
            before and strip_clitics(cached_match_form(before[-1])) in _NOT_COMPANY_FIRST
        ):
            continue
        if words[-1] in _COMPANY_LAST or any(w in _COMPANY_FIELDS for w in words[1:]):
            m.type = "ORG"


_HEAD_OF = mf_set("على مسقط")
_CAPE = re.compile(r"(?<![\w\u064b-\u0652])(?:[وبل]|وب|ول)?(رأس|راس) ")


def _cape_names(text: str, mentions: list[Mention]) -> None:
    """A place named رأس + a word (رأس لفان، رأس عيسى، رأس تنورة) where the tagger found
    the word alone (a person, a place) or cut رأس off into another span (ميناء رأس | لفان):
    one place, but after على and مسقط (at his head, his birthplace); ``mentions`` in text
    order."""
    if "رأس" not in text and "راس" not in text:
        return
    at = {m.start: m for m in mentions}
    ending = {m.end: m for m in mentions}
    gone: set[int] = set()  # ids of the mentions merged away
    added = []
    for cape in _CAPE.finditer(text):
        a, b = cape.span(1)
        name = at.get(b + 1)
        if name is None or name.type not in ("LOC", "PERS") or " " in name.text:
            continue
        if name.type == "PERS" and " " in name.entity:
            continue  # (a person the article names in full: مسقط رأس هادي)
        before = text[max(0, cape.start() - 8) : cape.start()].split()
        if before and cached_match_form(before[-1]) in _HEAD_OF:
            continue  # على رأس فلان: at his head; مسقط رأس فلان: his birthplace
        head = ending.get(b)
        s = a
        kind = "LOC"
        if head is not None and head.start <= a:  # رأس | لفان, ميناء رأس | لفان: one name
            if head.start < a:
                s, kind = head.start, head.type
            gone.add(id(head))
        gone.add(id(name))
        added.append(named_mention(text, s, name.end, kind))
    if added:
        mentions[:] = [m for m in mentions if id(m) not in gone]
        add_mentions(mentions, added)


def _facility_names(text: str, mentions: list[Mention]) -> None:
    """A person's name after a title after a facility word (جسر الملك فهد) becomes the
    facility's mention (whatever type the tagger gave the name: مطار الملك خالد's خالد is
    sometimes a place; the tagger's span may hold the title too): a place (airport,
    bridge, road, park) or a body (centre,
    hospital, university, prize) named from the facility word to the end of the name;
    when the facility word is already in another mention, the person's is dropped."""
    if not mentions:
        return
    toks, starts = tokens_and_starts(text)
    covered = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for m in mentions:
        k = bisect_right(starts, m.start) - 1
        if k < 1 or starts[k] != m.start:
            out.append(m)
            continue
        # the title before the name, or first in the mention (مستشفى «الملك فيصل»)
        at = k if cached_match_form(toks[k][0]) in _FACILITY_TITLES else k - 1
        while (
            at >= 2
            and cached_match_form(toks[at][0]) in _FACILITY_TITLES
            and cached_match_form(toks[at - 1][0]) in _FACILITY_TITLES
        ):
            at -= 1  # ملعب الأمير مولاي عبد الله: titles one after another
        head = toks[at - 1] if at >= 1 else toks[k]
        titled = at >= 1 and cached_match_form(toks[at][0]) in _FACILITY_TITLES
        # (the untitled cases only after a facility's word)
        facility = not titled and _facility_word(toks[k - 1][0])
        street = strip_clitics(cached_match_form(toks[k - 1][0])) in _STREETS
        if (
            facility
            and (m.type == "PERS" or street and m.type == "ORG" and m.via == "name")
            and (
                " بن " in m.text
                or cached_match_form(m.text.rsplit(" ", 1)[-1]) in _REGNAL
                or street
            )
        ):
            # جامعة محمد بن زايد، مركب محمد الخامس: a founder's or a king's name, no
            # title; شارع أبي نؤاس: a street named after anyone
            head = toks[k - 1]
        words = m.text.count(" ")
        described = facility and m.type in ("PERS", "ORG") and words < 3
        if described:
            # مؤسسة حمد الطبية، مستشفى حمد العام: a name and its kind (the tagger's
            # person may hold the kind: «حمد العام»)
            nxt = bisect_left(starts, m.end)
            after = nxt - words
            # (or its field: مركز الحسين للسرطان)
            described = words < 2 and (_described_by(toks, after) or _field_word(toks, after))
            if not described and m.type == "PERS":
                # a founder's full name, then its kind or field (مجموعة طلعت مصطفى
                # القابضة، مؤسسة مجدي يعقوب لأمراض القلب، دار سعاد الصباح للنشر)
                after = nxt if _described_by(toks, nxt) else nxt - 1
                described = after == nxt or _field_after(toks, nxt)
            if described:
                head = toks[k - 1]
        core = strip_clitics(cached_match_form(head[0]))
        kind = "LOC" if core in _FACILITY_PLACES else "ORG" if core in _FACILITY_BODIES else ""
        if not kind or not titled and head is not toks[k - 1]:
            out.append(m)
            continue
        if any(a <= head[1] < b for a, b in covered):
            continue  # the facility word is another mention's: the name is its part
        a = head[1] + len(cached_match_form(head[0])) - len(core)  # without و/ب/ل
        b = toks[after][2] if described else m.end
        j = bisect_left(starts, b) - 1  # the name's last word
        last = cached_match_form(toks[j][0])
        if j > k and last[:1] in "بل" and _is_place(last[1:]):
            b = toks[j - 1][2]  # مستشفى الملك فهد بجدة: the city is not in the name
        elif kind == "ORG" and j + 1 < len(toks) and last[:1] != "ب":  # (not بالظهران)
            field = cached_match_form(toks[j + 1][0])
            if field.startswith("ل") and len(field) > 4 and not _is_place(field[1:]):
                # جامعة … للذكاء الاصطناعي، مركز الملكة علياء لأمراض وجراحة القلب
                b, b_form = toks[j + 1][2], field
                for p in range(j + 2, min(len(toks), j + 6)):
                    form = cached_match_form(toks[p][0])
                    before = field.startswith("لل") if p == j + 2 else b_form.startswith("ال")
                    if is_stopword(form) or not field_goes_on(form, before):
                        break
                    if before and form.startswith("ال") and not form.endswith(_ADJECTIVE_ENDS):
                        break  # (صندوق الآغا خان للثقافة المشروعَ: the object, no adjective)
                    b, b_form = toks[p][2], form
        mtext = text[a:b]
        key = mention_key(mtext)
        out.append(Mention(mtext, kind, a, b, display_name(mtext, key), key, "name"))
    mentions[:] = out


# First words that give a name its type whatever the tagger said: venues are places
# (ملعب حمادي العقربي، استاد القاهرة), competitions, fairs and plans other names (دوري
# أبطال آسيا، كأس العالم 2026، معرض الكتاب، رؤية 2030)
_VENUES = mf_set("ملعب استاد ستاد مطار ميناء")
# places named after what they are, before a name the tagger found (معبر كرم أبو سالم،
# مضيق باب المندب، مخيم الزعتري، حقل الشرارة)
_PLACE_WORDS = mf_set("معبر مضيق مخيم حقل")
_WHAT_A_FIELD_HOLDS = mf_set("غازي نفطي")
_COMPETITIONS = mf_set("دوري كأس بطولة ديربي")
# what a city names that is no place: talks, seasons of events (مفاوضات جدة، منبر جدة،
# موسم الرياض، خريف ظفار); never a country's (مفاوضات إيران: Iran's talks)
_EVENTS_OF_A_CITY = mf_set("مفاوضات منبر موسم خريف صيف شتاء")
_INDICES = mf_set("مؤشر")
_INDEX_ADJECTIVES = mf_set("الصناعي العام الرئيسي المركب الموحد")
# (the index of a named exchange leaves the exchange its name: مؤشر بورصة مصر)
_EXCHANGES = mf_set("بورصة البورصة سوق السوق")
_CLITICS_BEFORE_NOUN = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "")


def _written_with_clitics(words: frozenset[str]) -> dict[str, int]:
    """Each word as it may be written after a proclitic → the proclitic's length: looked up
    whole, where strip_clitics would cut a word's own first letter (وادي, بحيرة)."""
    return {p + w: len(p) for p in _CLITICS_BEFORE_NOUN for w in words}


# countries the tagger, trained on older copy, seldom saw (the gazetteer knows them)
_RARE_COUNTRIES = _written_with_clitics(mf_set("المجر"))
# natural places named by their kind before a name (وادي رم، جبل طارق)
_NATURAL_FORMS = _written_with_clitics(mf_set("وادي جبل جبال بحيرة جزيرة"))
# …and a town's quarter, where the tagger's span holds its word: not بحي الشيخ جراح's ب
# (the sets differ on whether حي is part of the name: left as the tagger put it)
_KIND_AND_NAME_FORMS = _NATURAL_FORMS | _written_with_clitics(mf_set("حي"))
_CHAMPIONS = mf_set("أبطال الأبطال نجوم")  # (دوري نجوم قطر)
# bodies named by their kind and a place or a person, with their adjectives (مستشفى
# بورتسودان التعليمي، متحف قطر الوطني)
_NAMED_HOUSES = mf_set("مستشفى متحف")
_TYPE_BY_FIRST_WORD = {
    **dict.fromkeys(_VENUES | _PLACE_WORDS, "LOC"),
    **dict.fromkeys(
        _COMPETITIONS
        | _INDICES
        | _EVENTS_OF_A_CITY
        | mf_set("معرض مهرجان منتدى مؤتمر ملتقى رؤية استراتيجية إعلان جائزة"),
        "MISC",
    ),
    **dict.fromkeys(_NAMED_HOUSES, "ORG"),
}


# events named by their place, with their adjectives and field (مهرجان البحر الأحمر
# السينمائي، مؤتمر عمان الدولي للمياه)
_FESTIVALS = mf_set("مهرجان معرض مؤتمر ملتقى منتدى")
_DURING = mf_set("في خلال منذ طوال وفي وخلال ومنذ")
# a prize named by a name (جائزة نوبل للسلام، جائزة البحرين الكبرى), or by a word and its
# medal (جائزة التانيت الذهبي) that the tagger does not know
_PRIZES = mf_set("جائزة")
_MEDALS = mf_set("الذهبي الذهبية الفضي الفضية البرونزي البرونزية الكبرى")


def _festival_end(
    toks: list[tuple[str, int, int]], forms: list[str], j: int, end: int, nisba: bool = True
) -> int:
    """Where a festival's or a fair's name ends after its place (token ``j`` on): over its
    adjectives and one field (مهرجان البحر الأحمر السينمائي الدولي، معرض القاهرة الدولي
    للكتاب، مهرجان جرش للثقافة والفنون); without ``nisba``, not over a country's (ميناء ضبا
    السعودي: the port, then Saudi Arabia)."""
    while (
        j < len(toks)
        and forms[j].startswith("ال")
        and forms[j].endswith(("ي", "يه"))
        and not is_stopword(forms[j])
        and (nisba or gazetteer().nisba_country(toks[j][0]) is None)
    ):
        end, j = toks[j][2], j + 1
    if j < len(toks) and forms[j].startswith("لل") and len(forms[j]) > 4:
        end, j = toks[j][2], j + 1
        if j < len(toks) and forms[j].startswith("وال") and len(forms[j]) > 5:
            end = toks[j][2]
    return end


# heads whose names go on over adjectives and a field (see _festival_end), and those whose
# names stop at a country's nisba
_NAMES_GO_ON = _FESTIVALS | _PRIZES | _NAMED_HOUSES | _VENUES
_PLACES_BEFORE_NISBA = _NAMED_HOUSES | _VENUES


def _country_after_name(text: str, mentions: list[Mention], g: Gazetteer) -> None:
    """An organisation named by a kind, a proper name and then its country's nisba (شركة
    بوينغ الأمريكية، جامعة وارسو البولندية، مجموعة تاتا الهندية; or a name in Latin
    letters alone: Microsoft الأمريكية): the body, and the nisba
    as a mention of the country. A common noun before the nisba keeps it in the name
    (وزارة الخارجية الفلسطينية، الخطوط الجوية القطرية), and so does a known body's name
    (أرامكو السعودية)."""
    out: list[Mention] = []
    for m in mentions:
        if m.type != "ORG" or m.via != "name":
            out.append(m)
            continue
        words = m.text.split(" ")
        latin = len(words) > 1 and all(
            _ANY_LATIN.match(w) for w in words[:-1]
        )  # Microsoft الأمريكية
        if (
            len(words) < 3  # (زين السعودية، ماكدونالدز السعودية: a branch's own name)
            and not latin
            or cached_match_form(words[-2]).startswith(("ال", "وال", "لل"))
            or not cached_match_form(words[-1]).startswith("ال")
            or m.key in BODY_OF
        ):
            out.append(m)
            continue
        country = g.nisba_country(words[-1])
        if country is None:
            out.append(m)
            continue
        a = m.end - len(words[-1])
        out.append(named_mention(text, m.start, a - 1, "ORG"))
        out.append(
            Mention(words[-1], "LOC", a, m.end, country, cached_match_form(country), "nisba")
        )
    mentions[:] = out


_ANY_LATIN = re.compile(r"[A-Za-z]{2}")
_ARABIC_AFTER = re.compile(r" ([\u0621-\u064a]+)")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&'.-]*(?: [A-Za-z][A-Za-z0-9&'.-]*)*")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# Latin words written in Arabic copy that name no body
_LATIN_TERMS = frozenset(
    re.findall(
        r"\S+",
        "TV FM AM AI GDP CEO CFO PDF USB SUV VIP OK PM GMT UTC ID DNA HIV COVID PCR SMS GPS "
        "LED MRI CT IQ IT PR HR VAR MW KW GB MB KM KG CM MM USD EUR",
    )
)
_LATIN_HEADS = frozenset(
    strip_clitics(w, keep_article=False)
    for w in mf_set("بنك مصرف شركة مجموعة منصة صندوق مؤسسة وكالة قناة محطة موقع إذاعة صحيفة")
)


def _latin_names(text: str, mentions: list[Mention]) -> None:
    """Bodies written in Latin letters in Arabic copy: Latin words right after a body's
    kind word (بنك HSBC، منصة Netflix، بنك الاستثمار EFG Hermes), initials up to three
    words after one (الصندوق السيادي الإماراتي ADQ), as organisations; initials in
    brackets right after a body are that body's (بنك قطر الوطني (QNB)). Other Latin
    words (IELTS، CPR، SIM) are left alone."""
    if _ANY_LATIN.search(text) is None:
        return
    covered = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    runs = list(_LATIN_RUN.finditer(text))
    for run in runs:
        a, b = run.span()
        name = run.group().rstrip(".'-&")
        b = a + len(name)
        words = name.split(" ")
        if any(s < b and a < e for s, e in covered) or "." in name:
            continue  # (a web address, or inside a name found)
        if text[a - 1 : a] == "/" or text[b : b + 1] == "/":
            continue  # (in a web address)
        # a body's kind right before, or (for initials) up to three words before, with
        # its article or not (منصة Netflix، الصندوق السيادي الإماراتي ADQ، محطة الـ CNN)
        written = text[max(0, a - 40) : a].split()[-3:]
        before = [strip_clitics(cached_match_form(w), keep_article=False) for w in written]
        acronym = len(words) == 1 and _ACRONYM.fullmatch(words[0]) is not None
        head = bool(before) and (
            before[-1] in _LATIN_HEADS
            or acronym
            and any(w in _LATIN_HEADS for w in before)
            # a kind and its country's nisba: الشركة الإيطالية Eni
            or len(before) > 1
            and before[-2] in _LATIN_HEADS
            and gazetteer().nisba_country(written[-1]) is not None
        )
        # the body's initials in brackets after its name, or the Latin end of its name
        # (بنك HSBC … HSBC)
        owner = next(
            (
                m
                for m in mentions
                if m.type == "ORG"
                and (
                    text[m.end : a].strip() == "("
                    and text.startswith(")", b)
                    or m.text.endswith(" " + name)
                )
            ),
            None,
        )
        # (or its country's nisba right after it: Eni الإيطالية)
        after = _ARABIC_AFTER.match(text, b)
        head = head or after is not None and gazetteer().nisba_country(after.group(1)) is not None
        if name in _LATIN_TERMS or not (head or owner is not None and acronym):
            continue
        if owner is not None:
            entity, key = owner.entity, owner.key
        else:
            key = mention_key(name)
            entity = display_name(name, key)
        added.append(Mention(name, "ORG", a, b, entity, key, "name"))
    # the same name elsewhere in the article, with no cue there (أن Eni تعتزم)
    found = {m.text: m for m in added}
    starts = {m.start for m in added}
    for run in runs if found else ():
        a = run.start()
        name = run.group().rstrip(".'-&")
        first = found.get(name)
        b = a + len(name)
        if first is None or a in starts or any(s < b and a < e for s, e in covered):
            continue
        added.append(Mention(name, "ORG", a, b, first.entity, first.key, "name"))
    add_mentions(mentions, added)


# a country's plan by its year: رؤية السعودية 2030، رؤية قطر الوطنية 2030، رؤية عُمان 2040
_VISION = re.compile(
    r"(?<![\w\u0600-\u06ff])[وب]?(?:ل)?(?P<name>(?:رؤية|رؤيه|روية) (?P<country>\S+)"
    r"(?: \S+)?? (?:19|20)\d\d)(?!\d)"
)


def _national_visions(text: str, mentions: list[Mention]) -> None:
    """A country's vision named with its year is a plan (MISC), not the country."""
    if "2" not in text or "رؤي" not in text and "روية" not in text:
        return
    added = []
    for m in _VISION.finditer(text):
        if gazetteer().country(m.group("country")) is None:
            continue
        a, b = m.span("name")
        mentions[:] = [x for x in mentions if not (x.start < b and a < x.end)]
        added.append(named_mention(text, a, b, "MISC"))
    add_mentions(mentions, added)


# words for a place of a kind, before its own name (حقل الجافورة، سوق السقطية، جبال الشراه)
_KIND_OF_PLACE = mf_set("ميناء مطار مخيم حقل معبر جبل جبال وادي بحيرة جزيرة سوق مشعر")
_MARKETS = mf_set("سوق")
# kinds that name only places, whatever word follows (مشعر عرفات، مشعر منى: not Arafat, Muna)
_SURE_KINDS = mf_set("مشعر")
_KIND_OF_PLACE_FORMS = _written_with_clitics(_KIND_OF_PLACE)


def _places_of_a_kind(text: str, mentions: list[Mention]) -> None:
    """A place named by its kind and a word the tagger left, when that word is too rare
    to be an ordinary one (no word cluster) or one the tagger's lexicon knows as a place:
    حقل الجافورة، سوق السقطية (not حقل النفط، سوق العمل); ``mentions`` in text order."""
    forms = token_forms(text)[0]
    found = list(compress(count(), map(_KIND_OF_PLACE_FORMS.__contains__, forms)))
    if not found:
        return
    toks = tokens_and_starts(text)[0]
    frequent, lex = clusters(), lexicon()
    starts = [m.start for m in mentions]
    added = []
    drop: set[int] = set()
    for i in found:
        if i + 1 >= len(toks) or not _ARABIC_WORD.fullmatch(toks[i + 1][0]):
            continue
        s, e = toks[i][1], toks[i + 1][2]
        sure = forms[i][_KIND_OF_PLACE_FORMS[forms[i]] :] in _SURE_KINDS
        k = bisect_right(starts, e) - 1
        if sure and k >= 0 and mentions[k].start == toks[i + 1][1] and mentions[k].end == e:
            drop.add(id(mentions[k]))  # (the tagger's person: عرفات)
        elif k >= 0 and mentions[k].end > s:
            continue  # (named by the tagger or another pass)
        word = forms[i + 1]
        known = lex.get(strip_clitics(word))
        if (
            is_stopword(word)
            or not sure
            and (
                strip_clitics(word) != word
                and strip_clitics(word) in frequent  # (وموانئ)
                or word in frequent
                and (known is None or known[0] != "LOC")
                or forms[i][_KIND_OF_PLACE_FORMS[forms[i]] :] in _MARKETS
                and not word.startswith("ال")
            )
        ):
            continue  # (سوق موازي: "a parallel market")
        s += _KIND_OF_PLACE_FORMS[forms[i]]  # (its proclitic outside)
        added.append(named_mention(text, s, e, "LOC"))
    if drop:
        mentions[:] = [m for m in mentions if id(m) not in drop]
    add_mentions(mentions, added)


def _medal_prizes(text: str, mentions: list[Mention]) -> None:
    """Prizes named by a word the tagger left and their medal (جائزة التانيت الذهبي،
    بجائزة اليسر الذهبية): new MISC mentions."""
    if "جائز" not in text:
        return
    toks, starts = tokens_and_starts(text)
    forms = token_forms(text)[0]
    spans = [(m.start, m.end) for m in mentions]
    for k in range(len(toks) - 2):
        if (
            strip_clitics(forms[k]) not in _PRIZES
            or forms[k + 2] not in _MEDALS
            or not forms[k + 1].startswith("ال")
            or is_stopword(forms[k + 1])
        ):
            continue
        a = toks[k][1] + len(forms[k]) - len(strip_clitics(forms[k]))
        b = toks[k + 2][2]
        if any(s < b and a < e for s, e in spans):
            continue
        mentions.append(named_mention(text, a, b, "MISC"))


def _venues_and_competitions(text: str, mentions: list[Mention]) -> None:
    """Type names by their first word (``_TYPE_BY_FIRST_WORD``), and take into a name
    the venue or competition word the tagger left before it: ملعب «المملكة أرينا» is a
    place, دوري أبطال «آسيا» للنخبة a competition, not the continent."""
    toks, starts = tokens_and_starts(text)
    forms = token_forms(text)[0]
    ends = {m.end for m in mentions}
    for m in mentions:
        if m.via not in ("name", "country"):
            continue
        k = bisect_left(starts, m.start)
        at_token = k < len(starts) and starts[k] == m.start
        cut = _KIND_AND_NAME_FORMS.get(forms[k], 0) if at_token else 0
        if cut > 0 and " " in m.text and m.type == "LOC":  # (a man: المهندس وحي أمان)
            # the tagger's span with the kind's proclitic (بحي الشيخ جراح): the place
            m.text, m.start = m.text[cut:], m.start + cut
            m.key = mention_key(m.text)
            m.entity = display_name(m.text, m.key)
        if (
            k >= len(starts)
            or starts[k] != m.start - cut
            or k == 0
            or toks[k - 1][2] in ends
            # a country only after a competition's words (دوري أبطال أوروبا; not ملعب قطر)
            or m.via == "country"
            and not (k >= 2 and forms[k - 1] in _CHAMPIONS)
            and strip_clitics(forms[k - 1])
            not in _PRIZES | _FESTIVALS | _NAMED_HOUSES | _INDICES | _COMPETITIONS
        ):
            head = -1
        elif strip_clitics(forms[k - 1]) in _VENUES or (
            m.type in ("LOC", "PERS")
            and (strip_clitics(forms[k - 1]) in _PLACE_WORDS or forms[k - 1] in _NATURAL_FORMS)
            and forms[k] not in _WHAT_A_FIELD_HOLDS  # (حقل غازي جديد: a gas field)
        ):
            head = k - 1  # (وادي رم، جبل طارق، جبال الألب، بحيرة طبريا)
        elif m.type == "LOC" and strip_clitics(forms[k - 1]) in _COMPETITIONS | _FESTIVALS:
            head = k - 1  # كأس آسيا، مهرجان البحر الأحمر
        elif (
            m.type == "LOC"
            and m.via == "name"
            and strip_clitics(forms[k - 1]) in _EVENTS_OF_A_CITY
            and not (k >= 2 and forms[k - 2] in _DURING)  # (في صيف عسير: a time)
        ):
            head = k - 1  # مفاوضات جدة، موسم الرياض
        elif (
            strip_clitics(forms[k - 1]) in _INDICES
            and m.type != "MISC"
            and forms[k] not in _EXCHANGES
        ):
            head = k - 1  # مؤشر داو جونز الصناعي، مؤشر البحرين العام: a market's index
        elif m.type in ("LOC", "PERS") and strip_clitics(forms[k - 1]) in _NAMED_HOUSES:
            head = k - 1  # مستشفى بورتسودان التعليمي، متحف تدمر الوطني
        elif strip_clitics(forms[k - 1]) in _PRIZES and (
            m.type != "PERS" or _festival_end(toks, forms, bisect_left(starts, m.end), 0)
        ):
            # جائزة نوبل، جائزة البحرين الكبرى; a person's with its field or adjective
            # (جائزة نجيب محفوظ للأدب; منح جائزة فلان is no prize's name)
            head = k - 1
        elif (
            m.type == "LOC"
            and k >= 2
            and forms[k - 1] in _CHAMPIONS
            and strip_clitics(forms[k - 2]) in _COMPETITIONS
            and toks[k - 2][2] not in ends
        ):
            head = k - 2  # دوري أبطال أفريقيا
        else:
            head = -1
        if head >= 0:
            natural = _NATURAL_FORMS.get(forms[head], -1)
            a = toks[head][1] + (
                natural if natural >= 0 else len(forms[head]) - len(strip_clitics(forms[head]))
            )
            b = m.end
            j = bisect_left(starts, m.end)
            word = strip_clitics(forms[head])
            if word in _NAMES_GO_ON:
                b = _festival_end(toks, forms, j, b, word not in _PLACES_BEFORE_NISBA)
            elif (
                word in _COMPETITIONS
                and j < len(toks)
                and forms[j].startswith("لل")
                and len(forms[j]) > 4
            ):
                b = toks[j][2]  # للنخبة، للأندية
            elif word in _INDICES and j < len(toks) and forms[j] in _INDEX_ADJECTIVES:
                b = toks[j][2]  # الصناعي، العام
            m.text, m.start, m.end = text[a:b], a, b
            m.key = mention_key(m.text)
            m.entity = display_name(m.text, m.key)
            m.via = "name"
            if natural >= 0:
                m.type = "LOC"  # جبل طارق: the mountain, not the man
        if " " in m.text:
            first = strip_clitics(cached_match_form(m.text.split(" ", 1)[0]))
            m.type = _TYPE_BY_FIRST_WORD.get(first, m.type)


# Words that head the names of bodies made of ordinary words (قناة is also a canal)
_INSTITUTION_HEADS = mf_set(
    "وزارة مفوضية محكمة هيئة وكالة مؤسسة جامعة منظمة اتحاد مجلس حزب حركة جمعية بنك مصرف "
    "صندوق نقابة شركة صحيفة جريدة مجلة إذاعة مجموعة دار رابطة سلطة شرطة بلدية أمانة "
    "بورصة مكتبة برلمان متحف مستشفى مركز لجنة مكتب قيادة دائرة معهد"
)
_MAX_INSTITUTION_WORDS = 6
# each head with the proclitics and article it may be written with (ووزارة، لهيئة، والاتحاد)
# (heads whose definite form is an adjective or another word: الانتخابات البلدية)
_INDEFINITE_HEADS = mf_set("بلدية أمانة")
_HEAD_FORMS = frozenset(
    p + a + h
    for h in _INSTITUTION_HEADS
    for p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
    for a in ("", "ال")
    if not (a and h in _INDEFINITE_HEADS)
) | frozenset(
    p + "ل" + h for h in _INSTITUTION_HEADS - _INDEFINITE_HEADS for p in ("ل", "ول", "فل")
)


# Heads that with a nisba alone describe rather than name (الشركة الألمانية)
_DESCRIBED_HEADS = mf_set(
    "الشركة الصحيفة الجريدة المجلة المجموعة الدار الإذاعة المؤسسة الجمعية المستشفى المركز "
    "المكتب المعهد"
)
_SUFFIXES = ("ها", "هم", "هما", "نا")  # (مجموعة تصنفها الولايات المتحدة: a verb)


def _definite_nisba(g: Gazetteer, word: str, form: str) -> bool:
    return form.startswith("ال") and g.nisba_country(word) is not None


def _institution_head(form: str) -> bool:
    """Whether a match-form word is an institution's head (with و/ب/ل/ال before it)."""
    return any(_institution_head_only(form[n:]) for n in (0, 1, 2, 3))


def _institution_head_only(form: str) -> bool:
    return form in _INSTITUTION_HEADS or form.startswith("ال") and form[2:] in _INSTITUTION_HEADS


def _nisba_form(form: str) -> bool:
    return (
        form.startswith("ال")
        and form.endswith(("ي", "يه"))
        and len(form) > 5
        and form not in TIME_ADJECTIVES
    )


def _institution_names(text: str, mentions: list[Mention]) -> None:
    """Bodies named with ordinary words that the tagger cut to the place in them or
    typed as one: a head (وزارة، محكمة، المفوضية، الاتحاد …), its definite complements,
    and a nisba or a named place right after (المفوضية الأوروبية، وزارة الخارجية
    الفلسطينية، الاتحاد العام التونسي للشغل، محكمة جنايات القاهرة، وكالة الأناضول)
    become one organisation in place of the place mentions inside; a place or other
    mention that starts with such a head is an organisation (دار الشروق)."""
    if not mentions:
        return
    for m in mentions:
        first = cached_match_form(m.text.split(" ", 1)[0])
        if (
            m.type in ("LOC", "MISC")
            and m.via == "name"
            and " " in m.text
            and _institution_head(first)
            and m.key not in gazetteer().cities  # (الدار البيضاء: a city)
        ):
            m.type = "ORG"
    forms = token_forms(text)[0]
    heads = list(compress(count(), map(_HEAD_FORMS.__contains__, forms)))
    if not heads:
        return
    g = gazetteer()
    toks, starts = tokens_and_starts(text)
    at = {m.start: m for m in mentions}
    found: list[Mention] = []
    done = 0  # tokens before this one are in a name found
    for i in heads:
        if i < done or i >= len(toks) - 1:
            continue
        j = i + 1
        # (a definite head has adjectives, no noun in construct: أغلقت الشرطة حي النسيم)
        definite = forms[i].startswith(_DEFINITE_STARTS)
        while (  # its complements: وزارة الخارجية، الهيئة الخيرية، محكمة جنايات
            j < len(toks)
            and (j - i <= 2 or j - i == 3 and forms[j - 1] in CO_PORTFOLIOS)
            and toks[j][1] not in at
            and not is_stopword(forms[j])
            and forms[j] not in TIME_ADJECTIVES
            and g.nisba_country(toks[j][0]) is None
            and (
                forms[j].startswith("ال")
                or j == i + 1
                and not definite
                and forms[j].isalpha()
                and not forms[j].endswith(_SUFFIXES)
                and not forms[j].startswith(("بم", "لم"))  # (مستشفى بمحافظة الأحساء: where)
                # a ministry's second portfolio (وزارة الصحة والسكان، التربية والتعليم)
                or j > i + 1
                and forms[j] in CO_PORTFOLIOS
            )
        ):
            j += 1
        place = at.get(toks[j][1]) if j < len(toks) else None
        named = False
        if (
            place is not None
            and place.type == "LOC"
            and place.via in ("name", "country")
            and not (definite and j == i + 1)
        ):
            j = bisect_left(starts, place.end)  # a named place: محكمة جنايات القاهرة
            named = True
        # after an indefinite word a nisba is the country of a company named so (مجموعة
        # تاتا الهندية) or of a common noun (مجلس إدارة المركز السعودي): no name made;
        # after a named place, the place's country (جامعة وارسو البولندية)
        bare = j > i + 1 and not forms[i + 1].startswith("ال") or named
        nisbas = j
        while not bare and j < len(toks) and _definite_nisba(g, toks[j][0], forms[j]):
            j += 1  # a country's nisba: وزارة الخارجية الفلسطينية، المفوضية الأوروبية
            named = True
        if named and j - nisbas == j - i - 1 and strip_clitics(forms[i]) in _DESCRIBED_HEADS:
            named = False  # الشركة الألمانية: a description, no name
        if named:
            while j < len(toks) and _nisba_form(forms[j]) and toks[j][1] not in at:
                j += 1  # الهيئة الخيرية الأردنية الهاشمية
            if (
                j < len(toks)
                and forms[j].startswith("لل")
                and len(forms[j]) > 3
                and forms[j] not in _FOR_TIMES
                and "\n" not in text[toks[j - 1][2] : toks[j][1]]
            ):
                j += 1  # الاتحاد العام التونسي للشغل (not بورصة مصر للعام الثاني)
                while j < len(toks) and _nisba_form(forms[j]) and toks[j][1] not in at:
                    j += 1  # مركز أبوظبي للغة العربية
        a, b = toks[i][1], toks[j - 1][2]
        if not named or any(
            o.type != "LOC" and o.start < b and a < o.end for o in mentions
        ):  # (a person's, or a body the tagger or the list found: مجلس الأمن الدولي)
            continue
        if not _head_fits(strip_clitics(forms[i]).removeprefix("ال"), forms, i, j):
            continue
        a += next(  # the proclitic before the head (لوزارة، ووكالة): not وزارة's و
            n for n in (0, 1, 2, 3) if _institution_head_only(forms[i][n:]) or n == 3
        )
        mtext = text[a:b]
        key = mention_key(mtext)
        found.append(Mention(mtext, "ORG", a, b, display_name(mtext, key), key, "name"))
        done = j
    if not found:
        return
    spans = [(m.start, m.end) for m in found]
    mentions[:] = [
        m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)
    ] + [m for m in found if not any(o.start < m.start and m.end <= o.end for o in mentions)]


# heads that are also a place or a doing: a centre is a body only with its field (مركز
# أسوان للقلب, not مركز أوسيم, a district, or مركز مصر للمعارض, a venue); a command only
# of forces (قيادة عمليات بغداد, not تحت قيادة المدرب الأسترالي)
_CENTRE, _COMMAND = cached_match_form("مركز"), cached_match_form("قيادة")
_VENUE_FIELDS = mf_set("للمعارض للمؤتمرات")
_COMMANDED = mf_set("شرطة عمليات العمليات قوات القوات الجيش المنطقة الشرطة")


def _head_fits(head: str, forms: list[str], i: int, j: int) -> bool:
    """Whether the name from the head at ``i`` to token ``j`` suits its head."""
    if head == _CENTRE:  # (المركز السينمائي المغربي: the definite one by its adjectives)
        fields = [f for f in forms[i + 1 : j] if f.startswith("لل")]
        return not _VENUE_FIELDS & set(fields) and (bool(fields) or "ال" in forms[i][:3])
    if head == _COMMAND:
        return forms[i + 1] in _COMMANDED
    return True


_CLUB_FULL = frozenset(CLUB_SHORT_NAMES.values())
# a definite word behind its proclitics (not strip_clitics, nor ك: وكالة is no و + ك + اله)
_DEFINITE_STARTS = tuple(p + "ال" for p in ("", "و", "ف", "ب", "وب", "فب")) + (
    "لل",
    "ولل",
    "فلل",
)


@lru_cache(maxsize=20_000)
def _facility_word(word: str) -> bool:
    core = strip_clitics(cached_match_form(word))
    return core in _FACILITY_PLACES or core in _FACILITY_BODIES


def _field_word(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether token ``j`` names a body's field with لل (للسرطان، للبحوث), not a time."""
    if j >= len(toks):
        return False
    form = cached_match_form(toks[j][0])
    return form.startswith("لل") and len(form) > 4 and form not in _FOR_TIMES


def _field_after(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether token ``j`` opens a body's field: لل… (للنشر) or ل and a noun before a
    definite word (لأمراض القلب)."""
    if _field_word(toks, j):
        return True
    if j + 1 >= len(toks):
        return False
    form = cached_match_form(toks[j][0])
    return (
        form.startswith("ل")
        and len(form) > 4
        and not _is_place(form[1:])
        and cached_match_form(toks[j + 1][0]).startswith("ال")
    )


def _described_by(toks: list[tuple[str, int, int]], j: int) -> bool:
    """Whether token ``j`` is an adjective of kind after a facility's one-word name (الطبية،
    العام، الثقافي): definite, in ي/ية, and no country's nisba."""
    if j >= len(toks):
        return False
    form = cached_match_form(toks[j][0])
    if form in _COMPANY_KINDS:
        return True
    return (
        form.startswith("ال")
        and form.endswith(_ADJECTIVE_ENDS)
        and len(form) > 4
        and gazetteer().nisba_country(toks[j][0]) is None
        and not is_stopword(form)
    )


_COMPANY_KINDS = mf_set("القابضة المحدودة")
_ADJECTIVE_ENDS = ("ي", "يه")  # (match forms: الخيرية, not المشاركين "taking part")
_FOR_TIMES = mf_set("للعام للسنة للشهر لليوم للمرة للأسبوع للاسبوع للفترة للموسم")


def _is_place(form: str) -> bool:
    g = gazetteer()
    return form in g.cities or form in g.country_of


def known_person(word: str) -> bool:
    """Whether a word is known as (part of) a person's name: by the entity lexicon (the
    type news text gives it most often) or the gazetteer."""
    form = cached_match_form(word)
    known = lexicon().get(strip_clitics(form, keep_article=True))
    return (known is not None and known[0] == "PERS") or "PERS" in gazetteer().token_types.get(
        form, ()
    )


_NAME_PARTS = _NAME_JOINERS | mf_set("آل ابن")


def name_word(word: str) -> bool:
    """Whether a word can be part of a person's name: known as one (:func:`known_person`)
    or a word that joins names (بن، آل، عبد)."""
    return cached_match_form(word) in _NAME_PARTS or known_person(word)


# The words of a lineage (محمد بن سلمان بن عبدالعزيز): what follows them is a father's
# name, which thousands share, not a family name.
_NASAB = mf_set("بن ابن بنت")


_GIVEN_NAMES = given_names.MEN  # common given names: none alone is one person


def surname(key: str) -> str | None:
    """The family name of a person's key that may name them alone across the corpus:
    the last word of a name without a lineage, of 4 letters or more, not a joiner and
    not a common given name (ديمتري بيسكوف → بيسكوف; none for فيصل بن بندر, where بندر is
    his father, for عبد الله, where الله is half of the first name, or for جلال محمد)."""
    words = key.split()
    if len(words) < 2 or len(words[-1]) < 4 or words[-1] in _NAME_JOINERS:
        return None
    if words[-1] in _GIVEN_NAMES:
        return None
    if any(w in _NASAB for w in words):
        return None
    return words[-1]


def short_names(key: str) -> list[str]:
    """The shorter names a lineage goes by: the name and the father's (محمد بن نايف for
    محمد بن نايف بن عبدالعزيز), and the name and the family's (عادل الجبير for عادل بن
    أحمد الجبير)."""
    words = key.split()
    if len(words) < 4 or words[1] not in _NASAB:
        return []
    out = [" ".join(words[:3])]
    if _family_name(words[-1]):
        out.append(f"{words[0]} {words[-1]}")
    return out


def _family_name(word: str) -> bool:
    return word.startswith("ال") and word not in _NAME_JOINERS and len(word) >= 5


@lru_cache(maxsize=100_000)
def same_person(a: str, b: str) -> bool:
    """Whether two person keys can name one person: the shorter one's words begin the
    longer one's (فيصل بن بندر … فيصل بن بندر بن عبدالعزيز), or end it where the longer is
    no lineage (بيسكوف … ديمتري بيسكوف), or are the first and the family name of a
    lineage (عادل الجبير … عادل بن أحمد الجبير); spelled either way (:func:`spelling_key`,
    :func:`known_spelling`)."""
    wa, wb = spelling_key(known_spelling(a)).split(), spelling_key(known_spelling(b)).split()
    if len(wa) > len(wb):
        wa, wb = wb, wa
    n = len(wa)
    if not n or wb[:n] == wa:
        return bool(n)
    lineage = any(w in _NASAB for w in wb)
    if lineage:
        return n == 2 and wa == [wb[0], wb[-1]] and _family_name(wb[-1])
    return wb[-n:] == wa


# a dateline: one to three words before a dash or a bracket at the text's start
_DATELINE = re.compile(r"\s*(?P<place>[\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2})\s*[–—\-(]")


def _dateline_place(text: str, mentions: list[Mention], g: Gazetteer) -> None:
    """The city or country of a dateline (مسقط –، واشنطن – (أ ف ب) –), which the tagger,
    with no words before it, sometimes leaves untagged."""
    m = _DATELINE.match(text)
    if m is None or any(o.start < m.end("place") and m.start("place") < o.end for o in mentions):
        return
    a, b = m.span("place")
    form = cached_match_form(text[a:b])
    country = g.country(text[a:b])
    if form not in g.cities and country is None:
        return
    key = cached_match_form(country) if country else mention_key(text[a:b])
    entity = country or display_name(text[a:b], key)
    mentions.append(Mention(text[a:b], "LOC", a, b, entity, key, "country" if country else "name"))


def _known_bodies(text: str, mentions: list[Mention]) -> None:
    """The full name of a known body (bodies.BODY_NAMES) where the tagger missed it, cut
    it or gave it another type: it replaces the mentions it overlaps, unless one of them
    holds all of it and more (مجلس الأمن الدولي holds مجلس الأمن)."""
    for body in find_bodies(text) + find_agency_initials(text):
        overlap = [m.start < body.end and body.start < m.end for m in mentions]
        holder = next(
            (
                m
                for m in compress(mentions, overlap)
                if m.start <= body.start
                and m.end >= body.end
                and m.end - m.start > body.end - body.start
                # (not the tagger's span of the name with its proclitic: لسوناطراك)
                and not (m.end == body.end and body.start - m.start <= 2)
            ),
            None,
        )
        rest = None
        if holder is not None:
            rest = _joined_after(text, body.end, holder)
            if holder.start != body.start or rest is None:
                continue
            # قطر للطاقة وتوتال إنرجيز as one span: the body, and the name joined to it
        kind = BODY_TYPES.get(body.name, "ORG")
        end = body.end
        if kind == "MISC" and (year := _EDITION.match(text, end)):
            end = year.end()  # كأس العالم 2026: the edition
            overlap = [m.start < end and body.start < m.end for m in mentions]
        mentions[:] = [m for m, over in zip(mentions, overlap, strict=True) if not over]
        if rest is not None:
            mentions.append(rest)
        name = text[body.start : end] if end > body.end else body.name
        key = mention_key(name) if end > body.end else body.key
        mentions.append(Mention(text[body.start : end], kind, body.start, end, name, key, "name"))


_EDITION = re.compile(r" (?:19|20)\d\d(?!\d)")


def _joined_after(text: str, end: int, holder: Mention) -> Mention | None:
    """The name joined by و after a known body inside a longer mention (``holder``), as a
    mention of the holder's type, or None when the body is not so followed."""
    a = end + 2
    if not text.startswith(" و", end) or holder.end - a < 4:
        return None  # (أبل ووتش: no و of a joined name)
    mtext = text[a : holder.end]
    key = mention_key(mtext)
    return Mention(mtext, holder.type, a, holder.end, display_name(mtext, key), key, "name")


def _honorific_names(text: str, mentions: list[Mention]) -> None:
    """A name right after a rank or honorific (العقيد جمال الدين حسن) that the model missed:
    up to four words, none with the article except الدين/الله, no stopword, no punctuation;
    after the rank's own words (الفريق أول ركن), and after a rank that is also a common
    word (الفريق) only when the first word is known as a person's."""
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in covered]

    def is_covered(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < covered[k][1]

    toks = tokens_and_starts(text)[0]
    cores = token_forms(text)[1]
    # the few honorifics, found in C
    for i in compress(range(len(toks) - 1), map(_HONORIFICS.__contains__, cores)):
        j = i + 1
        while j < len(toks) and cached_match_form(toks[j][0]) in _RANK_WORDS:
            j += 1
        if j == len(toks) or (cores[i] in _AMBIGUOUS_HONORIFICS and not known_person(toks[j][0])):
            continue
        name: list[tuple[str, int, int]] = []
        for t in toks[j : j + 4]:
            f = cached_match_form(t[0])
            if not t[0][0].isalpha() or is_covered(t[1]) or is_stopword(f):
                break
            if (f.startswith("ال") and f not in _NAME_JOINERS) or f.startswith("لل"):
                break
            name.append(t)
        while name and cached_match_form(name[-1][0]) in _NAME_JOINERS:
            name.pop()
        if not name or (len(name) == 1 and cached_match_form(name[0][0]) in _NAME_JOINERS):
            continue
        a, b = name[0][1], name[-1][2]
        mentions.append(Mention(text[a:b], "PERS", a, b, text[a:b], mention_key(text[a:b]), "name"))
        covered.append((a, b))
        covered.sort()
        starts = [x for x, _ in covered]


def _name_ends(words: list[str]) -> set[tuple[str, ...]]:
    """The first and last words of a name, 1 to all of them (what a partial name can be)."""
    n = len(words)
    return {tuple(words[:k]) for k in range(1, n + 1)} | {
        tuple(words[-k:]) for k in range(1, n + 1)
    }


def _trim_to_known(
    m: Mention, mine: set[tuple[str, ...]], owners: Counter[tuple[str, ...]]
) -> None:
    """Narrow a person mention whose span ran past a name (بوتين وإردوغان تطرقا → إردوغان,
    فإن بيسكوف → بيسكوف) to the words that begin or end a full name of the article, when
    the words dropped are neither known as names' nor written with the article.
    ``owners`` counts the full names each run of first or last words ends; ``mine`` are
    this mention's own."""

    def elsewhere(words: tuple[str, ...]) -> bool:
        return owners[words] > (words in mine)

    keys = tuple(m.key.split())
    # most full names are no other name's part and share no first or last word with one
    if len(keys) < 2 or elsewhere(keys) or not any(elsewhere((k,)) for k in keys):
        return
    parts = [(w.group(), w.start(), w.end()) for w in _NONSPACE.finditer(m.text)]
    if len(parts) != len(keys):
        return
    for a in range(len(parts)):
        for b in range(len(parts), a, -1):
            if b - a == len(parts) or not elsewhere(keys[a:b]):
                continue
            dropped = [w for w, _, _ in parts[:a] + parts[b:]]
            # a family name with the article (سلمان العودة) may be missing from every list
            if any(
                known_person(w)
                or cached_match_form(w).startswith("ال")
                or _listed_name(cached_match_form(w))  # (نادية beside ياسمين الطرابلسي)
                for w in dropped
            ):
                continue
            m.start, m.end = m.start + parts[a][1], m.start + parts[b - 1][2]
            m.text = " ".join(w for w, _, _ in parts[a:b])
            m.key = mention_key(m.text)
            m.entity = display_name(m.text, m.key)
            return


_NONSPACE = re.compile(r"\S+")


_NISBA_NAMED = mf_set("أبو أبي")  # أبو قتادة التونسي
_DEFINITE_BEFORE = re.compile(r"(?<!\w)ال\w+\s+$")  # الفرع السوري: an adjective
_ORIGIN_AFTER = re.compile(r"\s+(?:الأصل|الاصل|المولد|الجنسية|الجنسيه)(?!\w)")  # الكويتي الأصل


def _nisba_family_names(text: str, mentions: list[Mention]) -> None:
    """A nisba that is a family name: right after a person's name (محمد شياع + السوداني →
    محمد شياع السوداني), or alone as the last word of a person named in the article
    (السوداني after محمد شياع السوداني: him, not Sudan). ``mentions`` in text order."""
    k = 0
    while k + 1 < len(mentions):
        m, n = mentions[k], mentions[k + 1]
        if (
            m.type == "PERS"
            and " " in m.text
            and n.via == "nisba"
            and n.text.startswith("ال")
            and n.text[-1] not in "ةه"  # (جائزة أبو القاسم الشابي التونسية: the prize's)
            and text[m.end : n.start] == " "
            and (m.key.split()[0] in _NISBA_NAMED or _listed_name(m.key.split()[0]))
            and not _ORIGIN_AFTER.match(text, n.end)
        ):
            m.text, m.end = text[m.start : n.end], n.end
            m.key = mention_key(m.text)
            m.entity = display_name(m.text, m.key)
            del mentions[k + 1]
        k += 1
    last_words = {m.key.rsplit(" ", 1)[-1] for m in mentions if m.type == "PERS" and " " in m.key}
    for m in mentions:
        if (
            m.via == "nisba"
            and " " not in m.text
            and (key := mention_key(m.text)) in last_words
            and not _DEFINITE_BEFORE.search(text, max(0, m.start - 24), m.start)
        ):
            m.type, m.key, m.entity, m.via = "PERS", key, display_name(m.text, key), "name"


_GIVEN = given_names.MEN | given_names.WOMEN | given_names.LEADING
# a speech verb, maybe after و/ف: its subject right after it (وقالت بشرى الإدريسي إن)
_SPEAKING = frozenset(p + v for v in mf_set(" ".join(SPEECH_VERBS)) for p in ("", "و", "ف"))
_APPOSITION_MARKS = frozenset("،,")
_NAME_LINKS = mf_set("بن بنت ابن أبو أم عبد")
_JOINED_FAMILY = mf_set("أبو أبي آل")


def _titled_given_names(text: str, mentions: list[Mention]) -> None:
    """Persons the tagger left whole: a common given name and a family name right after
    a title (المحامية سعاد الحلوي) or a speech verb (وقالت بشرى الإدريسي) or set off by commas (عضو المجلس عن قائمة «…»، نادية
    الشعري، اعتبرت). The family word is one the tagger takes for a name, or a rare or
    definite word that is no stopword, title, time or nisba; ``mentions`` in text order."""
    toks = tokens_and_starts(text)[0]
    forms = token_forms(text)[0]
    n = len(toks)
    starts = [m.start for m in mentions]
    places = {m.end for m in mentions if m.type in ("LOC", "ORG")}
    persons = {m.end for m in mentions if m.type == "PERS"}
    added = []
    for i in compress(range(n), map(_GIVEN.__contains__, forms)):
        if i == 0 or i + 1 >= n:
            continue
        before, family = forms[i - 1], forms[i + 1]
        # (after a title and its complement any family word: كمال حجاج, حجاج "pilgrims")
        complement = _title_in_a_place(forms, toks, i, places, persons)
        titled = (
            bool(title_gender(before))
            or before in _SPEAKING
            or before in _KIN  # والدتها نادية الطرابلسي
            or _title_complement(forms, i)
            or complement
        )
        if not titled and not (
            toks[i - 1][0] in _APPOSITION_MARKS
            and i + 2 < n
            and toks[i + 2][0] in _APPOSITION_MARKS
        ):
            continue
        s, e = toks[i][1], toks[i + 1][2]
        if family in _JOINED_FAMILY and i + 2 < n and _ARABIC_WORD.fullmatch(toks[i + 2][0]):
            e = toks[i + 2][2]  # جورج أبي خليل، حمد آل ثاني: the family name is two words
            family = forms[i + 2]
        k = bisect_right(starts, e) - 1
        if k >= 0 and mentions[k].end > s:
            continue  # (most are: the tagger's own)
        if (
            forms[i] == "علي"
            and toks[i][0].endswith("ى")
            or before in _SPEAKING
            and toks[i][0].endswith("ه")  # (وقال أمينه العام: "its secretary")
            or not _family_word(family, toks[i + 1][0])
            and not (
                complement
                and _ARABIC_WORD.fullmatch(toks[i + 1][0])
                and not is_stopword(family)
                and not title_gender(family)
                and family not in _NAME_LINKS
            )
        ):
            # (على is "on", whatever its match form; بن goes on to a father's name)
            continue
        added.append(named_mention(text, s, e, "PERS"))
    add_mentions(mentions, added)


def _apposed_names(text: str, mentions: list[Mention]) -> None:
    """Two words set off by commas between a title and a speech verb are the title
    holder's name, whatever the given name (أن الوزير الأول، نذير بلقاسمي، قال إن):
    the tagger, seeing neither word in training, leaves many; ``mentions`` in text
    order."""
    toks = tokens_and_starts(text)[0]
    forms = token_forms(text)[0]
    starts = [m.start for m in mentions]
    added = []
    commas = compress(count(), (t[0] in _APPOSITION_MARKS for t in toks))
    for c in commas:
        if not 0 < c < len(toks) - 4 or toks[c + 3][0] not in _APPOSITION_MARKS:
            continue
        if forms[c + 4] not in _SPEAKING or not (
            title_gender(forms[c - 1]) or _title_complement(forms, c)
        ):
            continue
        first, family = forms[c + 1], forms[c + 2]
        if (
            not _ARABIC_WORD.fullmatch(toks[c + 1][0])
            or is_stopword(first)
            or title_gender(first)
            or first.startswith("ال")
            or not _family_word(family, toks[c + 2][0])
        ):
            continue
        s, e = toks[c + 1][1], toks[c + 2][2]
        k = bisect_right(starts, e) - 1
        if k >= 0 and mentions[k].end > s:
            continue
        added.append(named_mention(text, s, e, "PERS"))
    add_mentions(mentions, added)


def _title_in_a_place(
    forms: list[str],
    toks: list[tuple[str, int, int]],
    i: int,
    places: set[int],
    persons: set[int],
) -> bool:
    """Whether a title stands up to eight tokens before token ``i`` with only its
    complement between: definite words, ل-words, nouns in construct, في or باسم, and names
    of places or bodies (الخبير في قطاع الاتصالات علي الساعدي، المتحدثة باسم المفوضية في
    دمشق رشا الجندي، الأمين العام للنقابة المستقلة لعمال التربية كمال حجاج)."""
    for k in range(i - 1, max(-1, i - 9), -1):
        f = forms[k]
        if toks[k][2] in persons:
            return False  # (كلية الأمير سلطان الصناعية …: the title's holder is named)
        if title_gender(f):
            return k < i - 1
        if toks[k][2] in places or f in _COMPLEMENT_LINKS:
            continue
        if not _ARABIC_WORD.fullmatch(toks[k][0]) or is_stopword(f):
            return False
        if not (
            f.startswith("ال")
            or f.startswith("ل")
            and len(f) > 3
            or k + 1 < i
            and forms[k + 1].startswith("ال")  # a noun in construct: في قطاع الاتصالات
        ):
            return False
    return False


_COMPLEMENT_LINKS = mf_set("في باسم لدى")


def _title_complement(forms: list[str], i: int) -> bool:
    """Whether a title and one or two definite words of its complement stand right
    before token ``i`` (استشاري الغدد الصماء علي المرباطي)."""
    for k in (i - 2, i - 3):
        if k >= 0 and title_gender(forms[k]) and not title_gender(forms[k + 1]):
            return all(f.startswith("ال") and not is_stopword(f) for f in forms[k + 1 : i])
    return False


def _family_word(form: str, word: str) -> bool:
    if (
        not _ARABIC_WORD.fullmatch(word)
        or is_stopword(form)
        or title_gender(form)
        or form in _NAME_LINKS
    ):
        return False
    if _surname_word(form):
        return True
    return (
        form.startswith("ال")
        and form not in TIME_ADJECTIVES
        and gazetteer().nisba_country(word) is None
        and not is_title(word)
    )


def _untagged_surnames(text: str, mentions: list[Mention]) -> None:
    """Family names of persons named in full in the article where the tagger left them
    untagged (ترمب after دونالد ترمب; also after و/ب/ل/ف); ``mentions`` in text order."""
    names = {sn for m in mentions if m.type == "PERS" and (sn := surname(m.key))}
    if not names:
        return
    families = {_family_key(sn) for sn in names}
    # the forms a token may have to be one (found in C; the few found are then checked)
    forms_of: set[str] = set()
    for sn in names:
        forms_of |= _family_forms(sn)
    toks = tokens_and_starts(text)[0]
    forms = token_forms(text)[0]
    maybe = map(forms_of.__contains__, forms)
    starts = [m.start for m in mentions]
    added = []
    for i in compress(range(len(toks)), maybe):
        (_word, s, e), form = toks[i], forms[i]
        k = bisect_right(starts, s) - 1
        if k >= 0 and s < mentions[k].end or k + 1 < len(mentions) and mentions[k + 1].start < e:
            continue  # (most are: the tagger's own mentions of the name)
        cut = 0
        if _family_key(form) not in families:
            cut = 1
            if form[:1] not in ("و", "ف", "ب", "ل") or _family_key(form[1:]) not in families:
                continue
            if form in clusters():
                continue  # لصالح: a word of its own, not ل + صالح
        if not (
            _surname_word(form[cut:])
            or _surname_word(known_spelling(form[cut:]))
            or i > 0
            and not cut
            and forms[i - 1] in _SPOKEN_BY
            and not is_title(toks[i][0])  # (وقال الشيخ فلان: a title)
        ):
            # (ترمب: as ترامب; a name that is a word after a speech verb: وقال سلامة)
            continue
        mtext = text[s + cut : e]
        key = mention_key(mtext)
        added.append(Mention(mtext, "PERS", s + cut, e, display_name(mtext, key), key, "name"))
    add_mentions(mentions, added)


# a speech verb as written, with و/ف before it, as the word before a name that is a word
_SPOKEN_BY = frozenset(
    p + cached_match_form(v) for v in SPEECH_VERBS for p in ("", "و", "ف") if " " not in v
)


@lru_cache(maxsize=20_000)
def _family_key(word: str) -> str:
    return spelling_key(known_spelling(word))


@lru_cache(maxsize=20_000)
def _family_forms(surname_: str) -> frozenset[str]:
    """The forms a word naming this family may take (ترامب: ترمب too; وترمب، لترمب)."""
    bare = {surname_, known_spelling(surname_), *_one_vowel_less(surname_)}
    return frozenset(bare | {p + f for f in bare for p in ("و", "ف", "ب", "ل")})


@lru_cache(maxsize=20_000)
def _surname_word(form: str) -> bool:
    """Whether a word alone may be a family name the tagger missed: one it mostly tags
    as a person, or a rare word (not المران، الكبير، أمام, the last words of names the
    tagger ran on into)."""
    if is_stopword(form):
        return False
    known = lexicon().get(strip_clitics(form, keep_article=True))
    if known is not None:
        return known[0] == "PERS"
    return form not in clusters()


# kin of someone just named (والدها المهندس عادل السيد after مريم عادل السيد): the
# father's name is the last words of his child's, but he is another person
_KIN = mf_set(
    "والده والدها والدته والدتها ابنه ابنها ابنته ابنتها نجله نجلها شقيقه شقيقها شقيقته "
    "شقيقتها جده جدها زوجها زوجته أخوه أخوها أخيه أخيها أخته أختها عمه عمها خاله خالها"
)


def _after_kin(text: str, start: int) -> bool:
    """Whether a kin word (``_KIN``) comes right before ``start``, or before the definite
    titles there (والدها المهندس)."""
    for word in reversed(text[max(0, start - 60) : start].split()[-3:]):
        form = cached_match_form(word)
        if form in _KIN:
            return True
        if not form.startswith("ال") or word[-1:] in "،,.:":
            return False
    return False


def _link_persons(text: str, mentions: list[Mention]) -> None:
    persons = [m for m in mentions if m.type == "PERS" and m.via == "name"]
    ends = [(m, _name_ends(m.key.split())) for m in persons if " " in m.key]
    owners = Counter(end for _, mine in ends for end in mine)
    for m, mine in ends:
        _trim_to_known(m, mine, owners)
    full = [(m, m.key.split()) for m in persons if " " in m.key]
    # the full names that begin or end with a word, in order (a name can only be part of
    # one whose first or last word is its own)
    by_word: dict[str, list[int]] = {}
    for k, (_, owords) in enumerate(full):
        by_word.setdefault(owords[0], []).append(k)
        if owords[-1] != owords[0]:
            by_word.setdefault(owords[-1], []).append(k)
    for m in mentions:
        if m.via != "name":
            continue
        words = m.key.split()
        if words:
            candidates = sorted({*by_word.get(words[0], ()), *by_word.get(words[-1], ())})
        else:
            candidates = list(range(len(full)))
        best: Mention | None = None
        best_rank: tuple[int, int, int] | None = None
        for k in candidates:
            other, owords = full[k]
            if other is m or len(owords) <= len(words):
                continue
            is_last = owords[-len(words) :] == words
            if not is_last and owords[: len(words)] != words:
                continue
            if is_last and len(words) > 1 and _after_kin(text, m.start):
                continue
            # a family name (last words) before a first name; then the nearest full name
            # before this mention; then the first one after it
            before = other.start <= m.start
            rank = (0 if is_last else 1, 0 if before else 1, abs(m.start - other.start))
            if best_rank is None or rank < best_rank:
                best, best_rank = other, rank
        if best is not None and (m.type == "PERS" or len(words) == 1 and _surname_of(m, best)):
            m.type = "PERS"
            m.entity, m.key, m.via = best.entity, best.key, "partial"


def _surname_of(m: Mention, person: Mention) -> bool:
    """Whether a one-word place, body or other mention is the person's family name that
    the tagger typed wrongly (كوبولا, تاتشر): the last word of the full name, and no known
    place (the الأحساء of a span أمين الأحساء, the الشيشان of الشيشان حسن حكيموف)."""
    if person.key.rsplit(" ", 1)[-1] != m.key:
        return False
    # (a name of three words or more ends in a family name, whatever WikiFANE calls the
    # word: جان نويل بارو … بارو)
    wiki_place = gazetteer().token_types.get(m.key) == ("LOC",) and person.key.count(" ") < 2
    return not (m.type == "LOC" and (_is_place(m.key) or wiki_place))


def _link_club_short_names(mentions: list[Mention]) -> None:
    """A club's short name (الرجاء، بلوزداد) in an article that names it in full (الرجاء
    الرياضي) is that club."""
    full = {m.key: m for m in mentions if m.type == "ORG" and m.key in _CLUB_FULL}
    if not full:
        return
    for m in mentions:
        club = full.get(CLUB_SHORT_NAMES.get(m.key, ""))
        if club is not None and m.type in ("ORG", "LOC", "PERS") and " " not in m.key:
            m.type, m.entity, m.key, m.via = "ORG", club.entity, club.key, "partial"


def _link_spellings(mentions: list[Mention]) -> None:
    """Mentions of one type whose keys differ only in the spelling of a foreign sound
    (الكونغرس … الكونجرس) take the key and name of the spelling used most (first on a tie)."""
    if all(spelling_key(m.key) == m.key for m in mentions):
        return  # (most articles) no key has a letter to respell: nothing can meet
    groups: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions:
        groups.setdefault((m.type, spelling_key(m.key)), Counter())[m.key] += 1
    chosen: dict[tuple[str, str], Mention] = {}
    for (typ, variant), keys in groups.items():
        if len(keys) > 1:
            best = keys.most_common(1)[0][0]
            chosen[(typ, variant)] = next(m for m in mentions if m.key == best and m.type == typ)
    if not chosen:
        return
    for m in mentions:
        owner = chosen.get((m.type, spelling_key(m.key)))
        if owner is not None and m.key != owner.key:
            m.key, m.entity = owner.key, owner.entity


def _link_roles(text: str, mentions: list[Mention], g: Gazetteer) -> None:
    """Remember 'role + name' and turn later bare occurrences of the role into mentions."""
    roles: dict[str, Mention] = {}
    sentences = split_sentences(text)
    starts = [a for a, _ in sentences]  # in order, none overlapping
    for m in [m for m in mentions if m.type == "PERS"]:
        k = bisect_right(starts, m.start) - 1
        if k < 0 or m.start >= sentences[k][1]:
            continue  # in no sentence
        toks = split_tokens(text, sentences[k][0], m.start)
        toks = toks[-_MAX_ROLE_WORDS - 1 :]
        # the nearest title word with only words (no punctuation) after it
        for i in range(len(toks) - 1, -1, -1):
            w = toks[i][0]
            if not w[0].isalpha():
                break
            form = cached_match_form(w)
            if form in g.titles or strip_clitics(form) in g.titles:
                phrase = " ".join(
                    strip_clitics(cached_match_form(t[0])) for t in toks[i:] if t[0][0].isalnum()
                )
                if len(phrase.split()) >= 2:
                    roles.setdefault(phrase, m)
                break
    if not roles:
        return
    taken = [(m.start, m.end) for m in mentions if m.type == "PERS"]
    toks = tokens_and_starts(text)[0]
    forms = token_forms(text)[1]
    for phrase, person in roles.items():
        pw = phrase.split()
        n = len(pw)
        # the positions of the phrase's first word, found in C
        for i in compress(range(len(toks) - n + 1), map(pw[0].__eq__, forms)):
            if forms[i : i + n] != pw:
                continue
            s, e = toks[i][1], toks[i + n - 1][2]
            if any(a < e and s < b for a, b in taken):
                continue
            # followed directly by a person's name: that is the name's own role
            if any(0 <= mm.start - e <= 2 and mm.type == "PERS" for mm in mentions):
                continue
            cut = _strip_display(toks[i][0], g)
            mentions.append(
                Mention(text[s + cut : e], "PERS", s + cut, e, person.entity, person.key, "role")
            )
            taken.append((s, e))
