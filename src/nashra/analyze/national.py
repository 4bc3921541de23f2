"""Bodies every state has, named without their country (وزارة الصحة، النيابة العامة،
مجلس النواب، البنك المركزي): which country's they are, from what the article names.

Across the corpus the bare words would make one entity of every country's ministry, so
a bare name becomes a mention of the body of the country the article names it with
(وزارة الصحة الأردنية … وزارة الصحة) or is about (its country, nisba and big-city
mentions), keyed as if its nisba were written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache, partial
from itertools import compress, count

from nashra.analyze.gazetteer import gazetteer, is_title
from nashra.analyze.lexicon import (
    NISBA_OVERRIDES,
    TIME_ADJECTIVES,
    cached_match_form,
    mf_set,
    strip_clitics,
)
from nashra.analyze.lexicon import cached_sentences as split_sentences
from nashra.analyze.mention import AMMAN_KEY, Mention, display_name, mention_key
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts
from nashra.text import is_stopword

__all__ = [
    "CO_PORTFOLIOS",
    "field_bodies",
    "field_goes_on",
    "link_central_banks",
    "national_bodies",
    "national_key",
]


_CENTRAL_BANK_KEYS = frozenset({"البنك المركزي", "المصرف المركزي"})
_BANK_HEADS = frozenset({"بنك", "مصرف", "البنك", "المصرف"})


def _central_bank_name(key: str) -> bool:
    """A bank named as a country's (بنك المغرب، مصرف لبنان) or as central (بنك إنجلترا
    المركزي، بنك الاحتياط الفيدرالي), not a commercial one (البنك الأهلي)."""
    g = gazetteer()
    words = key.split()[1:]
    return any(w in ("المركزي", "الاحتياط", "الاحتياطي") or w in g.country_of for w in words)


# A state's bodies named without their country (وزارة الصحة، النيابة العامة، مجلس النواب):
# every country has one, so they are an entity only with the country the article is
# about, as if its nisba were written (وزارة الصحة → وزارة الصحة الأردنية)
_NATIONAL_HEADS = mf_set("وزارة هيئة")  # + one or two definite complements
_NATIONAL_BODIES = {
    tuple(cached_match_form(w) for w in name.split()): gender
    for name, gender in (
        ("النيابة العامة", "f"),
        ("مجلس النواب", "m"),
        ("مجلس الشيوخ", "m"),
        ("مجلس العموم", "m"),
        ("مجلس اللوردات", "m"),
        ("مجلس الوزراء", "m"),
        ("مجلس الشورى", "m"),
        ("مجلس الأمة", "m"),
        ("مجلس الشعب", "m"),
        ("محكمة النقض", "f"),
        ("المحكمة العليا", "f"),
        ("المحكمة الدستورية", "f"),
        ("الديوان الملكي", "m"),
    )
}
# bodies few states have: only theirs, whatever country the article is about (a story
# from Tehran on the nuclear deal names the US Senate)
_FEW_STATES = {
    tuple(cached_match_form(w) for w in name.split()): frozenset(countries)
    for name, countries in (
        (
            "مجلس الشيوخ",
            (
                "الولايات المتحدة",
                "فرنسا",
                "إيطاليا",
                "إسبانيا",
                "بلجيكا",
                "هولندا",
                "بولندا",
                "رومانيا",
                "التشيك",
                "أيرلندا",
                "كندا",
                "أستراليا",
                "المكسيك",
                "البرازيل",
                "الأرجنتين",
                "تشيلي",
                "كولومبيا",
                "الفلبين",
                "باكستان",
                "نيجيريا",
                "كينيا",
                "مصر",
            ),
        ),
        ("مجلس العموم", ("المملكة المتحدة", "كندا")),
        ("مجلس اللوردات", ("المملكة المتحدة",)),
    )
}
_BODY_GENDER = {k[0]: gender for k, gender in _NATIONAL_BODIES.items()}  # by first word


def _national_first_forms() -> frozenset[str]:
    """The first words of those names with the proclitics they are written with: ل before
    the article makes لل (للنيابة), and بالنيابة / فالنيابة are left out (بالنيابة عن:
    "on behalf of")."""
    forms = {p + w for w in _NATIONAL_HEADS | _BODY_GENDER.keys() for p in ("", "و", "ل", "ب", "ف")}
    forms -= {"لالنيابه", "لالمحكمه", "لالديوان", "بالنيابه", "فالنيابه"}
    return frozenset(forms | {"للنيابه", "للمحكمه", "للديوان"})


_NATIONAL_FIRST = _national_first_forms()


# The Arab world's capitals and largest cities, for the country an article is about
# (not طرابلس: Libya's and Lebanon's; not القدس)
def _by_city(table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """(country, its cities) pairs → each city's match form → its country."""
    return {cached_match_form(city): country for country, cities in table for city in cities}


_CITY_COUNTRY = _by_city(
    (
        ("مصر", ("القاهرة", "الإسكندرية", "الجيزة")),
        ("المملكة العربية السعودية", ("الرياض", "جدة", "الدمام", "مكة", "المدينة المنورة")),
        ("الأردن", ("عمّان", "الزرقاء", "إربد")),
        ("لبنان", ("بيروت", "صيدا")),
        ("سوريا", ("دمشق", "حلب", "حمص")),
        ("العراق", ("بغداد", "البصرة", "الموصل", "أربيل")),
        ("المغرب", ("الرباط", "الدار البيضاء", "مراكش", "فاس", "طنجة")),
        ("الجزائر", ("وهران", "قسنطينة")),
        ("تونس", ("صفاقس", "سوسة")),
        ("السودان", ("الخرطوم", "أم درمان")),
        ("اليمن", ("صنعاء", "عدن", "تعز")),
        ("قطر", ("الدوحة",)),
        ("الإمارات العربية المتحدة", ("أبوظبي", "دبي", "الشارقة")),
        ("البحرين", ("المنامة",)),
        ("عُمان", ("مسقط",)),
        ("موريتانيا", ("نواكشوط",)),
        ("ليبيا", ("بنغازي", "مصراتة")),
        ("فلسطين", ("رام الله", "غزة")),
    )
) | {AMMAN_KEY: "الأردن", cached_match_form("سلطنة عمان"): "عُمان"}


# The capitals of the countries most in the news: a vote only as the dateline (واشنطن
# (رويترز) – … مجلس الشيوخ); named in the text they are as often the other side's
# (a Lebanese story on talks in باريس)
_DATELINE_COUNTRY = _by_city(
    (
        ("الولايات المتحدة", ("واشنطن",)),
        ("المملكة المتحدة", ("لندن",)),
        ("فرنسا", ("باريس",)),
        ("ألمانيا", ("برلين",)),
        ("روسيا", ("موسكو",)),
        ("الصين", ("بكين",)),
        ("إيران", ("طهران",)),
        ("تركيا", ("أنقرة", "إسطنبول")),
        ("إسرائيل", ("تل أبيب",)),
        ("إيطاليا", ("روما",)),
        ("إسبانيا", ("مدريد",)),
        ("اليابان", ("طوكيو",)),
        ("الهند", ("نيودلهي",)),
        ("باكستان", ("إسلام آباد",)),
        ("أوكرانيا", ("كييف",)),
    )
)


_COUNTRY_VIAS = frozenset(("country", "nisba"))


# Saudi copy names its country by these more than by its name
_SAUDI = "المملكة العربية السعودية"
_SAUDI_WORDS = re.compile(
    r"(?<!\w)(?:[وبلف]?المملكة(?!\s+(?:المتحدة|الأردنية|المغربية|الهولندية|الإسبانية"
    r"|البلجيكية|العربية\s+السعودية))|خادم\s+الحرمين|بن\s+عبد\s?العزيز|آل\s+سعود)"
)


# a country's own news agency: its dateline (إفران - (و م ع):) tells where a story that
# names no country is
_AGENCY_COUNTRY = {
    "وكالة الأنباء السعودية": _SAUDI,
    "وكالة الأنباء الأردنية": "الأردن",
    "وكالة الأنباء الكويتية": "الكويت",
    "وكالة أنباء الإمارات": "الإمارات العربية المتحدة",
    "وكالة الأنباء القطرية": "قطر",
    "وكالة أنباء البحرين": "البحرين",
    "وكالة الأنباء العمانية": "عُمان",
    "الوكالة العربية السورية للأنباء": "سوريا",
    "وكالة الأنباء العراقية": "العراق",
    "وكالة الأنباء والمعلومات الفلسطينية": "فلسطين",
    "وكالة الأنباء الجزائرية": "الجزائر",
    "وكالة تونس أفريقيا للأنباء": "تونس",
    "وكالة المغرب العربي للأنباء": "المغرب",
    "وكالة السودان للأنباء": "السودان",
    "وكالة الأنباء اليمنية": "اليمن",
    "وكالة الأنباء الليبية": "ليبيا",
    "وكالة أنباء الشرق الأوسط": "مصر",
}


def _votes(text: str, mentions: list[Mention], a: int, b: int) -> Counter[str]:
    """The countries named between ``a`` and ``b`` (names, nisbas, big cities, and
    المملكة / خادم الحرمين for Saudi Arabia), each time."""
    votes = Counter(c for m in mentions if a <= m.start < b and (c := _country_of(m)))
    if mentions and a <= mentions[0].start <= 2 and mentions[0].key in _DATELINE_COUNTRY:
        # a foreign capital's dateline counts twice: the article is written from there
        # (واشنطن – … القاهرة، الرياض، غزة: the Senate is still Washington's)
        votes[_DATELINE_COUNTRY[mentions[0].key]] += 1
    if votes:
        # a country's own agency confirms a country named (الكويت - (كونا):), never
        # stands alone for it here (بغداد (كونا): the agency reports from abroad)
        for m in mentions:
            agency = _AGENCY_COUNTRY.get(m.entity) if m.type == "ORG" else None
            if agency is not None and agency in votes and a <= m.start < b:
                votes[agency] += 1
    if "الحرمين" in text or "المملكة" in text:
        saudi = len(_SAUDI_WORDS.findall(text, a, b))
        if saudi:
            votes[_SAUDI] += saudi
    return votes


def _country_of(m: Mention) -> str | None:
    if m.type == "ORG" and m.via == "name" and " " in m.key and m.entity not in _AGENCY_COUNTRY:
        # (a country's agency only confirms a vote: see _votes)
        # a body named with its city (محكمة جنايات القاهرة): the place the tagger's
        # mention of the city stood for before the body took it in
        # (بلدية الكويت: a body named with its country)
        # (نقابة المحامين الأردنيين: a body named with its nisba)
        last = m.key.rsplit(" ", 1)[1]
        g = gazetteer()
        return _CITY_COUNTRY.get(last) or g.country(last) or g.nisba_country(last)
    if m.type != "LOC":
        return None
    if m.via in _COUNTRY_VIAS:
        return m.entity
    return _CITY_COUNTRY.get(m.key) or (_DATELINE_COUNTRY.get(m.key) if m.start <= 2 else None)


def _home_country(text: str, mentions: list[Mention]) -> str | None:
    """The country an article is about: the one most of its country, nisba and big-city
    mentions name (two at least, and more than half or twice the next one's: بغداد،
    العراقي، العراق، البصرة against تركيا twice, قطر، الإمارات)."""
    votes = _votes(text, mentions, 0, len(text))
    if not votes:
        # no country named: a country's own agency's (إفران - (و م ع):); an agency that
        # reports on another country names it
        agencies = {_AGENCY_COUNTRY.get(m.entity) for m in mentions if m.type == "ORG"}
        agencies.discard(None)
        return agencies.pop() if len(agencies) == 1 else None
    (top, n), *rest = votes.most_common(2)
    if n == 1 and not rest and _only_cities(mentions):
        return top  # the one Arab city an article names (محكمة جنايات القاهرة) is its place
    if rest and rest[0][1] == n and n >= 2 and mentions[0].start <= 2:
        # a tie goes to the dateline's country (مسقط (العمانية) – … وزارة الداخلية الإماراتية)
        dateline = _country_of(mentions[0])
        if dateline in (top, rest[0][0]) and 2 * n + 2 > votes.total():
            return dateline
    return top if n >= 2 and (2 * n > votes.total() or not rest or n >= 2 * rest[0][1]) else None


def _only_cities(mentions: list[Mention]) -> bool:
    """Whether an article names no country nor nisba: its one city is where it happens."""
    return not any(m.type == "LOC" and m.via in _COUNTRY_VIAS for m in mentions)


def _named_near(country: str, text: str, at: int, mentions: list[Mention]) -> bool:
    """Whether the sentence around ``at`` names no other country (name, nisba, big city)
    as often as ``country``: a sentence that names none is the article's."""
    a, b = next(((a, b) for a, b in split_sentences(text) if a <= at < b), (at, at))
    votes = _votes(text, mentions, a, b)
    return not votes or 2 * votes[country] > sum(votes.values())


@lru_cache(maxsize=1)
def _nisbas_by_country() -> dict[str, list[str]]:
    by_country: dict[str, list[str]] = {}
    for form, c in sorted(gazetteer().nisba.items()):
        by_country.setdefault(c, []).append(form)
    # the state's nisba before a nation's (الإنجليزي is England's clubs and leagues)
    by_country["المملكة المتحدة"].sort(key=lambda form: form != "بريطاني")
    return by_country


def _nisba_forms(country: str) -> list[str]:
    return _nisbas_by_country().get(country, [])


def national_bodies(text: str, mentions: list[Mention]) -> None:
    """وزارة الصحة، النيابة العامة … written without a nisba: the body of the article's
    country (:func:`_home_country`) or of the one named with a nisba in the article
    (وزارة الصحة الأردنية … وزارة الصحة). ``mentions`` in text order."""
    forms = token_forms(text)[0]
    heads = list(compress(count(), map(_NATIONAL_FIRST.__contains__, forms)))
    if not heads:
        return
    toks = tokens_and_starts(text)[0]
    g = gazetteer()
    home = cache(partial(_home_country, text, mentions))  # (worked out once, when needed)
    found: list[Mention] = []
    for i in heads:
        form = forms[i]
        cut = next(n for n in (0, 1, 2) if n == 2 or _bare_head(form[n:]))
        head = form[cut:] if not form.startswith("لل") else "ال" + form[2:]
        j = i + 1
        if head in _AUTHORITY and (i + 1 >= len(toks) or forms[i + 1] not in _AUTHORITY_FIELDS):
            continue  # هيئة is also a shape (هيئة الرسوم المتحركة): only known authorities
        if head in _NATIONAL_HEADS:
            while (
                j < len(toks)
                and j - i <= 3
                and (
                    forms[j].startswith("ال")
                    and sum(f.startswith("ال") for f in forms[i + 1 : j]) < 2
                    or j > i + 1
                    and forms[j] in CO_PORTFOLIOS
                )
                and forms[j] not in TIME_ADJECTIVES
                and forms[j] not in _OBJECTS
                and forms[j] not in _TODAY
                and not is_title(toks[j][0])  # هيئة الأركان العامة الفريق فلان
                and not (is_stopword(forms[j]) or g.nisba_country(toks[j][0]))
            ):
                j += 1
            if j == i + 1:
                continue  # وزارة alone
        elif i + 1 < len(toks) and (head, forms[i + 1]) in _NATIONAL_BODIES:
            j = i + 2
            if j < len(toks) and forms[j] in _HIGH:
                j += 1  # المحكمة الدستورية العليا
        else:
            continue
        goes_on = ("لل", "ال", "وال") if head in _NATIONAL_HEADS else ("لل",)
        if j < len(toks) and (g.nisba_country(toks[j][0]) or forms[j].startswith(goes_on)):
            # named with its country (وزارة الصحة الأردنية), a body's part, or a name
            # that goes on further than is safe to take (وزارة الفلاحة والصيد البحري …)
            continue
        place = j + (j < len(toks) and forms[j] == "في")
        where = next(
            (
                o
                for o in mentions
                if place < len(toks)
                and o.type == "LOC"
                and o.start < toks[place][2]
                and toks[place][1] < o.end
            ),
            None,
        )
        # (a town of no known country counts as the article's own)
        if where is not None and (
            home() is None
            or head in _AUTHORITY
            or (at := _country_of(where)) != home()
            and not (at is None and where.via == "name")
        ):
            # named with its place: هيئة الصحة بدبي، وزارة الصحة في غزة (a ministry in a
            # city of the article's country is its: وزارة الخارجية بالرياض; so in a town
            # of no known country: لوزارة التجهيز والماء بإفران in a Moroccan story)
            continue
        if i and strip_clitics(forms[i - 1]) in _ENCLOSING:
            continue  # رئاسة النيابة العامة، مكتب وزارة الصحة: part of another body's name
        a, b = toks[i][1] + (0 if form.startswith("لل") else cut), toks[j - 1][2]
        if any(o.start < b and a < o.end for o in mentions):
            continue
        bare = text[a:b]
        if form.startswith("لل"):
            bare = "ال" + bare[2:]  # للنيابة العامة → النيابة العامة
        bare_key = mention_key(bare)
        named = next(
            (m for m in mentions if m.type == "ORG" and m.key.startswith(bare_key + " ")), None
        )
        if named is not None and g.nisba_of_form(
            named.key[len(bare_key) + 1 :].removeprefix("ال").removesuffix("ه")
        ):
            key, display = named.key, named.entity
        else:
            country = home()
            if country is None or not (nisbas := _nisba_forms(country)):
                continue
            few = _FEW_STATES.get((head, forms[i + 1])) if i + 1 < len(toks) else None
            if few is not None and country not in few:
                continue
            if not _named_near(country, text, a, mentions):
                continue  # (a Saudi paper's وزير الدولة عضو مجلس الوزراء in a report on a US visit)
            key, display = _with_nisba(
                bare_key,
                display_name(bare, bare_key),
                _national_gender(head) == "f",
                _written_nisba(nisbas, toks, forms),
            )
        found.append(Mention(text[a:b], "ORG", a, b, display, key, "partial"))
    if found:
        mentions.extend(found)
        mentions.sort(key=lambda m: (m.start, -m.end))


def national_key(
    text: str, mentions: list[Mention]
) -> Callable[[str, str, bool], tuple[str, str] | None]:
    """For a state's body named without its country: its key and display name as the
    body of the article's country (:func:`_home_country`), with that country's nisba as
    the article writes it; None where the article has no country of its own."""
    country = _home_country(text, mentions)
    nisbas = _nisba_forms(country) if country is not None else []
    if not nisbas:
        return lambda key, display, feminine: None
    toks = tokens_and_starts(text)[0]
    nisba = _written_nisba(nisbas, toks, token_forms(text)[0])
    return lambda key, display, feminine: _with_nisba(key, display, feminine, nisba)


# the nisbas' match forms → as written, hamza and all (الأمريكي, not الامريكي)
_WRITTEN_NISBAS = {cached_match_form(w): w for w in reversed(NISBA_OVERRIDES)}


def _written_nisba(
    nisbas: list[str], toks: list[tuple[str, int, int]], forms: list[str]
) -> tuple[str, str]:
    """The country's nisba (match form, no article or ending) as the article writes it
    (الأميركي or الأمريكي; its surface, article and all, without a proclitic), else the
    first one the gazetteer lists, written as its match form."""
    wanted = {"ال" + n + e: n for n in nisbas for e in ("", "ه")}
    plural = {"ال" + n + e: n for n in nisbas for e in ("ين", "ون")}  # (المحامين الأردنيين)
    for (word, _s, _e), f in zip(toks, forms, strict=True):
        for cut in (0, 1):
            if f[cut:] in wanted:
                return wanted[f[cut:]], word[cut:]
            if f[cut:] in plural:
                return plural[f[cut:]], word[cut:-2]
    return nisbas[0], "ال" + _WRITTEN_NISBAS.get(nisbas[0], nisbas[0])


def _with_nisba(key: str, display: str, feminine: bool, nisba: tuple[str, str]) -> tuple[str, str]:
    """A body's key and display name with its country's nisba (``_written_nisba``) after
    them, in the body's gender: وزارة الصحة → وزارة الصحة الأردنية."""
    base, written = nisba
    written = written.removesuffix("ة") + ("ة" if feminine else "")
    return f"{key} ال{base}{'ه' if feminine else ''}", f"{display} {written}"


_HIGH = mf_set("العليا الأعلى")
_ENCLOSING = mf_set("رئاسة إدارة لجنة دائرة مكتب فرع قسم أمانة مديرية")
_AUTHORITY = mf_set("هيئة")
_AUTHORITY_FIELDS = mf_set(
    "الرقابة الأركان الخبراء الطيران النزاهة التحقيق الاتصالات الإذاعة الإحصاء السياحة الزكاة "
    "الغذاء المواصفات الطاقة الأوراق الاستثمار الانتخابات الإعلام التأمين الطرق الموانئ "
    "المساحة البيئة الدواء الصحة الشباب الرياضة الترفيه الثقافة التراث تنظيم مكافحة"
)
# أصدرت وزارة الداخلية اليوم بياناً، أعلنت وزارة الصحة الأحد
_TODAY = mf_set("اليوم أمس الليلة الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد")
# nouns that follow a body's name as the object of its verb, never in it (هنأت وزارة
# الرياضة والشباب النادي)
_OBJECTS = mf_set("النادي الفريق المنتخب اللاعب اللاعبين الجماهير الجمهور الأندية")
# a second portfolio of one ministry (وزارة التربية والتعليم), not a second body after و
# (وزارة الخارجية والمخابرات)
CO_PORTFOLIOS = frozenset(
    "وال" + w[2:]
    for w in mf_set(
        "التعليم السكان الإعلام القروية العمرة الإسكان التنمية التخطيط الصناعة المعادن "
        "الثروة المياه الزراعة الرياضة الشباب الاستثمار الاقتصاد التجارة الطاقة الأوقاف "
        "الإرشاد المواصلات النقل الاتصالات البيئة الإصلاح الآثار الثقافة العمل الشؤون "
        "الماء الريادة الصيد الفنون السياحة التراث الحرف"
    )
)


def _bare_head(form: str) -> bool:
    return form in _NATIONAL_HEADS or form in _BODY_GENDER


def _national_gender(head: str) -> str:
    return "f" if head in _NATIONAL_HEADS else _BODY_GENDER[head]  # (وزارة، هيئة: f)


def link_central_banks(mentions: list[Mention]) -> None:
    """البنك المركزي after one bank named in the article (بنك المغرب، مصرف لبنان، البنك
    المركزي المصري) is that bank: across the corpus the bare words would make one entity
    of every country's central bank."""
    banks = {
        m.key: m
        for m in mentions
        if m.type == "ORG"
        and m.key not in _CENTRAL_BANK_KEYS
        and m.key.split(" ", 1)[0] in _BANK_HEADS
        and _central_bank_name(m.key)
    }
    if len(banks) != 1:
        return  # none, or two banks: which one is meant is not said
    (bank,) = banks.values()
    for m in mentions:
        if m.type == "ORG" and m.key in _CENTRAL_BANK_KEYS and m.start > bank.start:
            m.key, m.entity, m.via = bank.key, bank.entity, "partial"


# Bodies named by a field after a general adjective (المديرية العامة للأرصاد الجوية،
# المركز الوطني للأرصاد، الإدارة العامة لمباحث الآداب، الهيئة العامة للمنافذ البرية
# والبحرية): the ل of the field after العامة/الوطني makes a name of ordinary words
_FIELD_HEADS = mf_set(
    "المديرية الإدارة المركز الوكالة الهيئة المؤسسة المجلس الصندوق الجهاز المصلحة "
    "المكتب المعهد الأمانة الرئاسة الشركة الاتحاد الجمعية المفوضية القيادة البرنامج "
    "الغرفة المنتدى المرصد"
)
# (after ل the article's ا goes: للهيئة العامة للمنشآت)
_FIELD_FIRST = (
    _FIELD_HEADS
    | {p + h for h in _FIELD_HEADS for p in "وفب"}
    | {"ل" + h[1:] for h in _FIELD_HEADS}
)
_GENERAL = mf_set(
    "العام العامة الوطني الوطنية العليا الأعلى المركزي المركزية الاتحادي الاتحادية "
    "المستقلة المستقل الملكي الملكية"
)
_FIELD_WORDS = 4  # words of the field at most (للمنافذ البرية والبحرية)


def field_goes_on(form: str, after_definite: bool) -> bool:
    """Whether a word goes on a body's field: a definite word (لزراعة الأعضاء، لشؤون
    المسجد الحرام), one joined by و (للتجارة والصناعة), or an indefinite word joined to an
    indefinite one (لتنمية وإعمار اليمن)."""
    if form.startswith(("ال", "وال")):
        return True
    return form.startswith("و") and not after_definite and len(form) > 3


def field_bodies(text: str, mentions: list[Mention]) -> None:
    """Add the bodies named by a field (see ``_FIELD_HEADS``) that no mention covers,
    as the article's country's when it names none (like :func:`national_bodies`)."""
    forms = token_forms(text)[0]
    heads = list(compress(count(), map(_FIELD_FIRST.__contains__, forms)))
    if not heads:
        return
    toks = tokens_and_starts(text)[0]
    g = gazetteer()
    home = cache(partial(_home_country, text, mentions))
    n = len(toks)
    found: list[Mention] = []
    for i in heads:
        j = i + 1
        with_nisba = False
        while j < n and j - i <= 3:
            if forms[j] in _GENERAL and j - i <= 2:
                j += 1  # الهيئة العليا المستقلة
            elif not with_nisba and forms[j].startswith("ال") and g.nisba_country(toks[j][0]):
                with_nisba = True  # المركز السعودي لزراعة الأعضاء: its country's
                j += 1
            else:
                break
        if j == i + 1 or j >= n or not forms[j].startswith("ل") or len(forms[j]) < 5:
            continue
        if forms[j].startswith("لل") and g.nisba_country(toks[j][0]) is not None:
            continue
        definite = forms[j].startswith("لل")
        j += 1
        start = j
        while (
            j < n
            and j - start < _FIELD_WORDS
            and field_goes_on(forms[j], definite if j == start else forms[j - 1].startswith("ال"))
            and forms[j] not in TIME_ADJECTIVES
            and forms[j] not in _TODAY
            and not is_stopword(forms[j])
            and not is_title(toks[j][0])  # (… والتراث الوطني المهندس فلان)
            and g.nisba_country(toks[j][0]) is None
            # (a country ends the name: لتنمية وإعمار اليمن المشروع)
            and (j == start or g.country(toks[j - 1][0]) is None)
        ):
            j += 1
        if j == start and not definite:
            continue  # (an indefinite field needs its genitive: الإدارة الأمريكية لصحيفة «…»)
        # named with its country's nisba, or a regional office with its place
        named = with_nisba or (
            j < n and forms[j].startswith("ال") and g.nisba_country(toks[j][0]) is not None
        )
        # (والمديرية without its و; للمديرية whole: ل took the article's ا)
        a = toks[i][1] + (forms[i] not in _FIELD_HEADS and not forms[i].startswith("لل"))
        b = toks[j][2] if named and not with_nisba else toks[j - 1][2]
        if not named and (office := _office_place(toks, forms, j, mentions)):
            b, named = office, True  # الإدارة العامة للتعليم بمنطقة مكة المكرمة: one office
        if any(o.start < b and a < o.end and o.type != "LOC" for o in mentions):
            continue  # (a body the tagger or the rules before found)
        mtext = text[a:b]
        key = mention_key(mtext)
        display = display_name(mtext, key)
        country = None if named else home()
        if country is not None and (nisbas := _nisba_forms(country)):
            key, display = _with_nisba(
                key, display, forms[i].endswith("ه"), _written_nisba(nisbas, toks, forms)
            )
        found.append(Mention(mtext, "ORG", a, b, display, key, "name"))
    if found:
        spans = [(m.start, m.end) for m in found]
        mentions[:] = [
            m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)
        ] + found
        mentions.sort(key=lambda m: (m.start, -m.end))


_REGIONS = mf_set("بمنطقة بمحافظة بمدينة بولاية")


def _office_place(
    toks: list[tuple[str, int, int]], forms: list[str], j: int, mentions: list[Mention]
) -> int:
    """The end of the place a body's regional office is named with right after its name
    (بمنطقة مكة المكرمة، بجدة), else 0."""
    if j >= len(toks) or not forms[j].startswith("ب"):
        return 0
    at = toks[j + 1][1] if forms[j] in _REGIONS and j + 1 < len(toks) else toks[j][1] + 1
    place = next((m for m in mentions if m.start == at and m.type == "LOC"), None)
    return place.end if place is not None and place.via == "name" else 0
