"""Football clubs named bare in sports copy (فاز الهلال على النصر، هدفا السد، مدرب
الترجي): their names are ordinary words (crescent, victory, dam, hope) that the tagger,
which learnt from little sports copy, mostly leaves untagged.

A club's name is taken as the club only in an article with at least three sentences
about a match (a word such as مباراة، الدوري، هدف، مدرب، الجولة in them), within six
words of such a word or of another club, and not where the words go on as an ordinary
phrase (الهلال الأحمر، الاتحاد الأوروبي) or, for the names that are common words, after
ب or a governing noun (بالتعاون مع، لرعاية الشباب). Clubs whose names are places (العين، الرياض، الكويت) are left
to the tagger, which knows those words as places; a club is found with نادي or فريق
before it there.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, count, repeat

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import cached_sentences, mf_set, strip_clitics
from nashra.analyze.mention import Mention, display_name, mention_key
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts

__all__ = ["SPORT", "club_names"]

# one-word names of clubs of the Arab leagues' first divisions that are not places
_CLUBS = mf_set(
    # Saudi Arabia
    "الهلال النصر الاتحاد الأهلي الشباب الاتفاق التعاون الفتح الرائد الفيصلي الطائي "
    "الفيحاء ضمك الأخدود الحزم القادسية العروبة الوحدة الخلود "
    # Qatar, the Emirates, Kuwait, Bahrain, Oman
    "السد الدحيل الريان الغرافة الوصل المحرق الرفاع السيب النهضة "
    # Egypt, Sudan, the Maghreb
    "الزمالك الإسماعيلي بيراميدز المريخ الترجي الإفريقي الصفاقسي الرجاء الوداد "
    "المولودية الشبيبة الحسنية "
    # Iraq, the Levant
    "الزوراء الطلبة الوحدات الفيصلي الجيش الكرامة الأنصار النجمة العهد"
)
# words of a match report (not نقاط، الفريق، الموسم، فوز، هدف "aim", بهدف "so as to":
# other copy has them too)
SPORT = mf_set(
    "مباراة المباراة مباراته مباراتها مباراتين مباريات المباريات الدوري دوري هدفين "
    "بهدفين هدفا مدرب المدرب مدربه لاعب لاعبي لاعبيه اللاعب اللاعبين "
    "ملعب الملعب الجولة ركلة الشوط المرمى ديربي الحارس المهاجم المدافع نادي النادي الأندية "
    "كأس تعادل التعادل تعادله ودية الودية ضيفه مضيفه تسديدة بتسديدة"
)
# clubs whose names are common words (agreement, cooperation, youth, victory, union, dam):
# one only beside a match's word, never after ب (بالتعاون مع: "together with")
_COMMON = mf_set("الاتفاق التعاون الشباب النصر الاتحاد السد الوحدة الجيش النهضة العهد الرائد")
# …and words common enough that a club found once does not make every one a club
# (الطلبة "the students", عاصفة الحزم)
_WORDLIKE = _COMMON | mf_set("الطلبة الأنصار الكرامة النجمة الحزم الفتح الخلود")
_GOVERNING = mf_set("رعاية لرعاية وزارة وزير رئاسة الرئاسة دعم ولي درجة تم")
# after الاتفاق and التعاون these make the nouns of them (تم الاتفاق على، التعاون مع)
_NOUN_AFTER = mf_set("على مع معه معها معهما معهم بين حول")
_NEAR = 6  # tokens either side in which a match's word must stand
_MIN_SENTENCES = 3  # of a match report in the article
# (الدحيل الذي اكتفى بالتعادل: a relative clause about the club, no phrase)
_RELATIVES = mf_set("الذي التي اللذان اللتان الذين")
_NOT_AFTER = mf_set("الأحمر الأوروبي الأفريقي الإفريقي الدولي العربي الخليجي الوطني العام")


def club_names(text: str, mentions: list[Mention]) -> None:
    """Add the clubs named bare (see the module's doc) that no mention covers; a one-word
    mention the tagger gave a club's name with another type becomes the club."""
    toks, starts = tokens_and_starts(text)
    if not toks:
        return
    forms, stripped = token_forms(text)
    g = gazetteer()
    clubs = [
        j
        for j in compress(count(), map(_CLUBS.__contains__, stripped))
        if (f := stripped[j]) not in g.cities
        and f not in g.country_of
        and g.nisba_country(toks[j][0]) is None  # (المصري, العربي: Egypt's, the Arabs')
    ]
    sentence_starts = [a for a, _ in cached_sentences(text)]
    sport = {  # the sentences with a match's word
        bisect_right(sentence_starts, toks[j][1])
        for j in compress(count(), map(SPORT.__contains__, stripped))
    }
    if sport:
        _city_clubs(text, mentions, toks, forms, stripped)
    if not clubs:
        return
    # a club named with its country (الهلال السعودي، الوداد المغربي) needs no match report
    # around it, only a match's word somewhere in the article (not الهلال الإيراني); never
    # a common word (الاتحاد الأوروبي)
    with_country = {
        j for j in clubs if sport and stripped[j] not in _COMMON and _country_after(toks, forms, j)
    }
    if len(sport) < _MIN_SENTENCES:
        clubs = [j for j in clubs if j in with_country]
        if not clubs:
            return
    at = {m.start: m for m in mentions}
    covered = sorted((m.start, m.end) for m in mentions)
    found: list[Mention] = []
    named = set()  # the clubs found beside a match's word
    far = []  # the bare names of clubs away from any
    for j in clubs:
        near = range(max(0, j - _NEAR), min(len(toks), j + _NEAR + 1))
        if j in with_country or any(
            stripped[t] in SPORT or t != j and stripped[t] in _CLUBS for t in near
        ):
            named.add(stripped[j])
        else:
            far.append(j)
    # a club found beside a match's word is the club wherever else the article names it
    # (عزز الهلال موقعه في الصدارة), but for the common words (النصر "victory")
    farther = {j for j in far if stripped[j] not in named or stripped[j] in _WORDLIKE}
    for j in clubs:
        word, s, e = toks[j]
        if j in farther or not _bare(toks, stripped, forms, j):
            continue  # (an article about a match, but not this sentence)
        if stripped[j] in _COMMON and (
            forms[j][: len(forms[j]) - len(stripped[j])].endswith("ب")
            or j > 0
            and stripped[j - 1] in _GOVERNING
            or stripped[j] in ("الاتفاق", "التعاون")
            and j + 1 < len(forms)
            and forms[j + 1] in _NOUN_AFTER
            or forms[j].startswith("و")
            and j > 0
            and _joined_to_noun(toks, stripped, j)
        ):
            # بالتعاون مع، الرئاسة العامة لرعاية الشباب، ولي العهد، الاتفاق على، وزارة
            # الرياضة والشباب
            continue
        a = s + _proclitic(word, forms[j], stripped[j])
        m = at.get(a) or at.get(s)
        if m is not None and m.end == e and " " not in m.text:
            m.type = "ORG"  # (the tagger's place or person: الهلال، لإيني)
            if j in with_country:
                _take_nisba(text, m, toks[j + 1], mentions)
            continue
        if any(cs < e and s < ce for cs, ce in covered):
            continue
        key = mention_key(text[a:e])
        club = Mention(text[a:e], "ORG", a, e, display_name(text[a:e], key), key, "name")
        if j in with_country:
            _take_nisba(text, club, toks[j + 1], mentions)
        found.append(club)
    mentions.extend(found)


def _take_nisba(
    text: str, club: Mention, nisba: tuple[str, int, int], mentions: list[Mention]
) -> None:
    """Grow a club's mention over its country's nisba (الهلال السعودي: the club's name as
    written, where a town's club keeps its nisba apart: العين الإماراتي, as the annotated
    sets mostly do), dropping the nisba's own mention; the key stays the club's."""
    _, s, e = nisba
    if any(m.type == "PERS" and e < m.start <= e + 2 for m in mentions):
        return  # مدرب النصر الإيطالي ستيفانو بيولي: the coach's nisba
    mentions[:] = [m for m in mentions if m is club or not (m.start < e and s < m.end)]
    club.end, club.text = e, text[club.start : e]


_REGION_NOUNS = mf_set("إقليم اقليم منطقة مدينة ولاية محافظة مقاطعة بلدة قرية")
# clubs named after their towns, some of them ordinary words (العين "the eye")
_TOWN_CLUBS = mf_set("العين الشارقة عجمان الوكرة الخور")


def _city_clubs(
    text: str,
    mentions: list[Mention],
    toks: list[tuple[str, int, int]],
    forms: list[str],
    stripped: list[str],
) -> None:
    """A town followed by its country's masculine nisba is its club (فاز العين الإماراتي،
    تعادل الشارقة الإماراتي: a town itself takes the feminine), in an article with a
    match's word: the town's mention becomes the club, or the club is added."""
    g = gazetteer()
    places = {m.start: m for m in mentions if m.type == "LOC" and m.via != "nisba"}
    added: list[Mention] = []
    # (the few tokens followed by a word in ي, found in C)
    for j in compress(count(), map(str.endswith, forms[1:], repeat("ي"))):
        word, s, e = toks[j]
        town = places.get(s)
        if town is None and stripped[j] not in _TOWN_CLUBS and stripped[j] not in g.cities:
            continue
        if not _country_after(toks, forms, j):
            continue
        if any(strip_clitics(f) in _REGION_NOUNS for f in forms[max(0, j - 2) : j]):
            continue  # إقليم بني شنقول الإثيوبي: a region's words
        if town is not None:
            if town.end == e:  # (the tagger's place: الشارقة; أميركا المكسيكي, a club)
                town.type, town.key = "ORG", mention_key(town.text)
                town.entity, town.via = display_name(town.text, town.key), "name"
            continue
        if any(m.start < e and s < m.end for m in mentions):
            continue
        a = s + _proclitic(word, forms[j], stripped[j])
        key = mention_key(text[a:e])
        added.append(Mention(text[a:e], "ORG", a, e, display_name(text[a:e], key), key, "name"))
    mentions.extend(added)


def _country_after(toks: list[tuple[str, int, int]], forms: list[str], j: int) -> bool:
    """Whether a country's masculine nisba follows token ``j`` (a club's: not النجمة
    الإماراتية أحلام, a singer, nor الطلبة السعوديين, students; not Europe's)."""
    return (
        j + 1 < len(toks)
        and forms[j + 1].endswith("ي")
        and gazetteer().nisba_country(toks[j + 1][0]) not in (None, "أوروبا")
    )


def _joined_to_noun(toks: list[tuple[str, int, int]], stripped: list[str], j: int) -> bool:
    """Whether the و-joined club's word at ``j`` follows a noun that is neither a club nor
    a nisba, with no nisba after it: الرياضة والشباب, not التركي والسد القطري."""
    nisba = gazetteer().nisba_country
    before = stripped[j - 1]
    return (
        before.startswith("ال")
        and before not in _CLUBS
        and not nisba(toks[j - 1][0])
        and not (j + 1 < len(toks) and nisba(toks[j + 1][0]))
    )


def _bare(toks: list[tuple[str, int, int]], stripped: list[str], forms: list[str], j: int) -> bool:
    """Whether the club's word at ``j`` stands alone, not inside an ordinary phrase."""
    if j + 1 < len(forms):
        nxt = forms[j + 1]
        if stripped[j] == "الاتحاد" and (nxt.startswith(("ال", "ل")) or nxt == "لكره"):
            return False  # الاتحاد السعودي لكرة القدم، الاتحاد الأوروبي: federations, unions
        if nxt in _NOT_AFTER or (
            nxt.startswith("ال")
            and nxt not in _RELATIVES
            and not gazetteer().nisba_country(toks[j + 1][0])
        ):
            return nxt in SPORT  # (الهلال الأحمر; but الأهلي الفريق …)
    return True


def _proclitic(word: str, form: str, core: str) -> int:
    """How many letters of ``word`` (``form`` its match form, ``core`` without clitics)
    come before its club's name: و، ب، وب (the span starts after them), none for لل
    (للهلال: the article's alef is gone) or a word with marks."""
    n = len(form) - len(core)
    return n if n > 0 and len(word) == len(form) and form.endswith(core) else 0
