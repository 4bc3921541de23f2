"""Search, on whichever database is active (the suite runs once on SQLite, once on PostgreSQL).

Every assertion is on result *sets* or on properties both backends share, so the same
tests prove the FTS5 and the PostgreSQL backends agree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from nashra.news.models import Article, Source
from nashra.news.search import SearchBackend, get_backend
from nashra.news.search.query import parse_query

pytestmark = pytest.mark.django_db


def _make(source: Source, title: str, body: list[str], day: int, **extra: object) -> Article:
    original = ("\n".join([title, *body]) + str(extra)).encode()
    return Article.objects.create(
        source=source,
        title=title,
        body=body,
        published_at=datetime(2024, 3, day, 9, 0, tzinfo=UTC),
        original=original,
        origin=f"test:{title}",
        format="txt",
        input_hash=hashlib.sha256(original).hexdigest(),
        body_hash=hashlib.sha1(original).hexdigest(),
        minhash=b"",
        **extra,
    )


class Corpus:
    def __init__(self) -> None:
        self.wadi = Source.objects.create(name="الوادي", slug="wadi")
        self.shorouq = Source.objects.create(name="الشروق", slug="shorouq")
        self.visit = _make(
            self.wadi,
            "الرئيس التركي يزور إدلب",
            [
                "قال الرئيس التركي في مؤتمر صحفي إن المسؤولين سيناقشون الوضع في إدلب.",
                "وأكدت وزارة الخارجية أن الزيارة تستمر يومين، وهي الأولى منذ عام ٢٠١٥.",
            ],
            1,
            subtitle="زيارة تستمر يومين",
        )
        self.delegation = _make(
            self.shorouq,
            "وفد من دمشق يصل إلى إدلب",
            [
                "وصل وفد رسمي من دمشق إلى إدلب لبحث ملف المعابر.",
                "وقال مسؤول تركي رفيع إن الرئيس لم يعلق بعد على الزيارة.",
            ],
            2,
        )
        self.election = _make(
            self.wadi,
            "إيران تعلن نتائج الانتخابات",
            [
                "أعلنت السلطات في ايران نتائج الانتخابات الرئاسية مساء الأربعاء.",
                "وقالت الحكومة إن نسبة المشاركة بلغت ٤٥ بالمئة من آلاف الناخبين.",
            ],
            5,
            author="سارة المحمد",
        )
        self.conference = _make(
            self.shorouq,
            "طهران تستضيف مؤتمرا اقتصاديا",
            [
                "تستضيف طهران الأسبوع المقبل مؤتمرا للاستثمار بمشاركة المسئولين من عدة دول.",
            ],
            3,
            author="خالد يوسف",
        )
        self.school = _make(
            self.wadi,
            "افتتاح مدرسة جديدة قرب المستشفى",
            [
                "أكَّدَ الوزيـــر أنّ المدرسه الجديدة تستقبل الطلاب في الخريف، بجوار المستشفي العام.",
                "وأضاف أن الاف الأسر طالبت بالمدرسة منذ سنوات.",
            ],
            4,
        )
        self.script = _make(
            self.shorouq,
            "ثغرة في المتصفح",
            [
                'حذر باحثون من ثغرة تسمح بحقن <script>alert("x")</script> في صفحات الأخبار & المواقع.',
            ],
            6,
        )
        self.copy = _make(
            self.shorouq,
            "الرئيس التركي يزور إدلب",
            [
                "قال الرئيس التركي في مؤتمر صحفي إن المسؤولين سيناقشون الوضع في إدلب.",
            ],
            2,
            duplicate_of=self.visit,
            duplicate_kind="exact",
        )
        self.all = [
            self.visit,
            self.delegation,
            self.election,
            self.conference,
            self.school,
            self.script,
            self.copy,
        ]
        self.backend = get_backend()
        self.backend.index(self.all)

    def ids(self, query: str, **kw: object) -> set[int]:
        result = self.backend.search(query, limit=100, **kw)  # type: ignore[arg-type]
        assert result.total == len(result.hits)
        return {h.id for h in result.hits}


@pytest.fixture
def corpus() -> Corpus:
    return Corpus()


def test_backend_matches_database_vendor() -> None:
    from django.db import connection

    backend = get_backend()
    assert isinstance(backend, SearchBackend)
    assert backend.name == {"sqlite": "sqlite-fts5", "postgresql": "postgresql"}[connection.vendor]


VARIANT_GROUPS = [
    # hamza seats, attached proclitics (و ف ب ك ل ال and stacks)
    ["المسؤولين", "المسئولين", "مسؤولين", "والمسؤولين", "للمسؤولين", "فللمسؤولين"],
    # alef forms, tatweel, attached و/ب
    ["إيران", "ايران", "إيـــران", "وإيران", "بإيران"],
    # diacritics
    ["الرئيس", "الرَّئِيسُ", "الرئيـس", "والرئيس", "فالرئيس"],
    # ى / ي
    ["المستشفى", "المستشفي", "مستشفى", "بالمستشفى"],
    # ة / ه and proclitics
    ["المدرسة", "المدرسه", "مدرسة", "والمدرسة", "بالمدرسة", "كالمدرسة"],
    # digit scripts
    ["2015", "٢٠١٥", "۲۰۱۵"],
    # آ / ا
    ["آلاف", "الاف", "ألاف"],
    # أ / ا with diacritics
    ["أعلنت", "اعلنت", "أَعْلَنَتْ"],
]


@pytest.mark.parametrize("group", VARIANT_GROUPS, ids=lambda g: g[0])
def test_spelling_variants_return_the_same_set(corpus: Corpus, group: list[str]) -> None:
    sets = {word: corpus.ids(word) for word in group}
    first = sets[group[0]]
    assert first, f"{group[0]} should match something"
    assert all(s == first for s in sets.values()), sets


def test_variants_find_the_expected_articles(corpus: Corpus) -> None:
    assert corpus.ids("المسئولين") == {corpus.visit.id, corpus.delegation.id, corpus.conference.id}
    assert corpus.ids("مستشفى") == {corpus.school.id}
    assert corpus.ids("٢٠١٥") == {corpus.visit.id}


def test_words_are_anded_and_phrase_needs_adjacent_terms(corpus: Corpus) -> None:
    assert corpus.ids("الرئيس التركي") == {corpus.visit.id, corpus.delegation.id}
    assert corpus.ids('"الرئيس التركي"') == {corpus.visit.id}
    assert corpus.ids('"التركي الرئيس"') == set()
    # The phrase goes through the analyzer too: variants and stopwords inside are fine.
    assert corpus.ids('"والرَّئيس التركى"') == {corpus.visit.id}
    assert corpus.ids('"وصل وفد رسمي"') == {corpus.delegation.id}


def test_phrase_does_not_span_fields(corpus: Corpus) -> None:
    # Headline ends with إدلب, subheadline starts with زيارة.
    assert corpus.ids('"إدلب زيارة"') == set()
    assert corpus.ids("إدلب زيارة") == {corpus.visit.id, corpus.delegation.id}


def test_required_and_excluded_words(corpus: Corpus) -> None:
    assert corpus.ids("إدلب") == {corpus.visit.id, corpus.delegation.id}
    assert corpus.ids("+إدلب -دمشق") == {corpus.visit.id}
    assert corpus.ids('إدلب -"وفد رسمي"') == {corpus.visit.id}
    assert corpus.ids("إدلب -المعابر -مؤتمر") == set()


def test_or(corpus: Corpus) -> None:
    assert corpus.ids("إيران طهران") == set()
    assert corpus.ids("إيران OR طهران") == {corpus.election.id, corpus.conference.id}
    assert corpus.ids("إيران | طهران") == {corpus.election.id, corpus.conference.id}
    assert corpus.ids("إيران OR طهران الانتخابات") == {corpus.election.id}
    assert corpus.ids("إيران OR طهران -الانتخابات") == {corpus.conference.id}


def test_filters_by_source_dates_and_author(corpus: Corpus) -> None:
    assert corpus.ids("إدلب", source="الوادي") == {corpus.visit.id}
    assert corpus.ids("إدلب", source="shorouq") == {corpus.delegation.id}
    assert corpus.ids("إدلب", source="nowhere") == set()
    since = datetime(2024, 3, 2, tzinfo=UTC)
    until = datetime(2024, 3, 3, 23, 59, tzinfo=UTC)
    assert corpus.ids("إدلب", since=since) == {corpus.delegation.id}
    assert corpus.ids("", since=since, until=until) == {corpus.delegation.id, corpus.conference.id}
    assert corpus.ids("", author="سارة") == {corpus.election.id}
    assert corpus.ids("مؤتمر", author="سارة") == set()


def test_facets_count_by_source_and_day(corpus: Corpus) -> None:
    result = corpus.backend.search("إدلب OR طهران")
    assert result.facets["source"] == {"الشروق": 2, "الوادي": 1}
    assert result.facets["day"] == {"2024-03-03": 1, "2024-03-02": 1, "2024-03-01": 1}
    assert list(result.facets["day"]) == sorted(result.facets["day"], reverse=True)


def test_snippet_is_cut_from_display_text_and_marked(corpus: Corpus) -> None:
    # The query is typed without diacritics or tatweel; the snippet shows the text as written.
    hits = corpus.backend.search("الوزير اكد").hits
    assert [h.id for h in hits] == [corpus.school.id]
    assert "<mark>أكَّدَ</mark>" in hits[0].snippet
    assert "<mark>الوزيـــر</mark>" in hits[0].snippet
    assert "<mark>" not in hits[0].snippet.replace("<mark>أكَّدَ</mark>", "").replace(
        "<mark>الوزيـــر</mark>", ""
    )


def test_snippet_escapes_html(corpus: Corpus) -> None:
    hit = corpus.backend.search("ثغرة").hits[0]
    assert "<script>" not in hit.snippet
    assert (
        "&lt;script&gt;" in hit.snippet
        and "&amp;" in hit.snippet
        and "&quot;x&quot;" in hit.snippet
    )
    assert "<mark>ثغرة</mark>" in hit.snippet
    hit = corpus.backend.search("script").hits[0]
    assert "&lt;<mark>script</mark>&gt;" in hit.snippet


def test_snippet_picks_the_matching_paragraph(corpus: Corpus) -> None:
    hits = corpus.backend.search("نسبة").hits
    assert [h.id for h in hits] == [corpus.election.id]
    assert "<mark>نسبة</mark>" in hits[0].snippet and "ايران" not in hits[0].snippet


def test_hit_fields_and_ranking_prefers_headline(corpus: Corpus) -> None:
    result = corpus.backend.search("إيران OR طهران OR المسؤولين")
    hit = result.hits[0]
    assert hit.title and hit.source and hit.published_at and hit.score > 0
    # طهران/إيران are headline words of two articles; المسؤولين is only in bodies.
    assert {h.id for h in result.hits[:2]} == {corpus.election.id, corpus.conference.id}
    assert all(a.score >= b.score for a, b in zip(result.hits, result.hits[1:], strict=False))


def test_recency_prior_breaks_ties(corpus: Corpus, settings: object) -> None:
    twin = _make(corpus.wadi, "مهرجان الربيع", ["يقام مهرجان الربيع في الحديقة."], 20)
    older = _make(corpus.wadi, "مهرجان الربيع", ["يقام مهرجان الربيع في الساحة."], 10)
    corpus.backend.index([twin, older])
    assert [h.id for h in corpus.backend.search("مهرجان").hits] == [twin.id, older.id]


def test_duplicates_are_excluded_by_default(corpus: Corpus) -> None:
    assert corpus.copy.id not in corpus.ids('"الرئيس التركي"')
    assert corpus.copy.id in corpus.ids('"الرئيس التركي"', include_duplicates=True)
    assert corpus.copy.id not in corpus.ids("")


def test_empty_query_returns_recent_articles(corpus: Corpus) -> None:
    result = corpus.backend.search("", limit=3)
    assert result.total == 6  # the duplicate is left out
    assert [h.id for h in result.hits] == [corpus.script.id, corpus.election.id, corpus.school.id]
    assert all(h.snippet for h in result.hits)
    # Stopwords only: nothing to match, so the same as empty.
    assert [h.id for h in corpus.backend.search("في من على", limit=3).hits] == [
        h.id for h in result.hits
    ]


def test_only_excluded_words_filter_recent_articles(corpus: Corpus) -> None:
    ids = corpus.ids("-إدلب")
    assert ids == {corpus.election.id, corpus.conference.id, corpus.school.id, corpus.script.id}


@pytest.mark.parametrize(
    "query",
    [
        '"unclosed ((( -',
        "(((",
        ")))",
        '"',
        '""',
        "-",
        "+",
        "OR",
        "OR OR",
        "| |",
        "- + OR",
        "AND NOT NEAR(",
        "إدلب NOT",
        "*",
        "إدل*",
        "^إدلب",
        "title:إدلب",
        "{title}: إدلب",
        "'",
        "\\",
        "إدلب)",
        '"إدلب',
        "NEAR(إدلب دمشق)",
        "\x00",
        "‏إدلب‎",
        "%",
        "%%s",
        "?",
        ";--",
    ],
)
def test_any_query_is_answered_without_error(corpus: Corpus, query: str) -> None:
    result = corpus.backend.search(query)
    assert result.total >= 0


def test_unparseable_query_is_read_as_plain_words(corpus: Corpus) -> None:
    assert corpus.ids("(إدلب") == corpus.ids("إدلب")
    assert corpus.ids('"وفد رسمي') == {corpus.delegation.id}  # an unclosed phrase runs to the end
    assert corpus.ids("إدلب AND (دمشق)") == {corpus.delegation.id}  # AND is the default
    assert corpus.ids("إدلب NEAR(دمشق)") == set()  # NEAR is just a word, found nowhere


def test_limit_offset_and_total(corpus: Corpus) -> None:
    everything = corpus.backend.search("", limit=100)
    page = corpus.backend.search("", limit=2, offset=2)
    assert page.total == everything.total
    assert [h.id for h in page.hits] == [h.id for h in everything.hits[2:4]]


def test_index_replaces_and_remove_deletes(corpus: Corpus) -> None:
    corpus.backend.index([corpus.visit, corpus.visit])
    assert corpus.ids('"الرئيس التركي"') == {corpus.visit.id}
    corpus.visit.title = "عنوان آخر"
    corpus.visit.subtitle = ""
    corpus.visit.body = ["نص مختلف تماما"]
    corpus.visit.save()
    corpus.backend.index([corpus.visit])
    assert corpus.ids('"الرئيس التركي"') == set()
    assert corpus.ids("مختلف") == {corpus.visit.id}
    corpus.backend.remove([corpus.visit.id])
    assert corpus.ids("مختلف") == set()


def test_index_lives_in_the_articles_transaction(corpus: Corpus) -> None:
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        article = _make(corpus.wadi, "خبر لم يكتمل", ["قصة عن الزلازل في الجبال."], 7)
        corpus.backend.index([article])
        assert corpus.ids("الزلازل") == {article.id}
        raise Abort
    assert corpus.ids("الزلازل") == set()


def test_reindex_rebuilds_from_stored_articles(corpus: Corpus) -> None:
    corpus.backend.remove([a.id for a in corpus.all])
    assert corpus.ids("إدلب") == set()
    out = StringIO()
    call_command("reindex", json=True, stdout=out)
    assert json.loads(out.getvalue())["articles"] == len(corpus.all)
    assert corpus.ids("إدلب") == {corpus.visit.id, corpus.delegation.id}
    assert corpus.backend.rebuild(batch=2) == len(corpus.all)
    assert corpus.ids("المسؤولين") == {corpus.visit.id, corpus.delegation.id, corpus.conference.id}


def test_search_command_json(corpus: Corpus) -> None:
    out = StringIO()
    call_command("search", "إدلب", source="wadi", json=True, stdout=out)
    data = json.loads(out.getvalue())
    assert data["total"] == 1
    assert set(data["hits"][0]) == {"id", "title", "source", "published_at", "score", "snippet"}
    assert data["hits"][0]["id"] == corpus.visit.id
    out = StringIO()
    call_command("search", "", since="2024-03-02", until="2024-03-03", json=True, stdout=out)
    assert {h["id"] for h in json.loads(out.getvalue())["hits"]} == {
        corpus.delegation.id,
        corpus.conference.id,
    }
    out = StringIO()
    call_command("search", "-إدلب", "OR", limit=1, stdout=out)
    assert "articles" in out.getvalue()


def test_query_parser_units() -> None:
    q = parse_query('"الرئيس التركي" +إدلب -دمشق إيران OR طهران في')
    assert q.groups == [[("رءيس", "ترك")], [("ادلب",)], [("ايران",), ("طهران",)]]
    assert q.excluded == [("دمشق",)]
    assert parse_query("+إدلب OR دمشق").groups == [[("ادلب",)], [("دمشق",)]]
    assert parse_query("").is_empty and parse_query('"((( -').is_empty


def test_ids_lists_every_match_without_ranking(corpus: Corpus) -> None:
    assert set(corpus.backend.ids("المسؤولين")) == corpus.ids("المسؤولين")
    assert corpus.copy.id in corpus.backend.ids("إدلب", include_duplicates=True)
    assert set(corpus.backend.ids("", source="wadi")) == {
        corpus.visit.id,
        corpus.election.id,
        corpus.school.id,
    }


def test_candidate_caps_bound_the_work(corpus: Corpus, settings: object) -> None:
    settings.NASHRA_SEARCH_MAX_CANDIDATES = 2  # type: ignore[attr-defined]
    settings.NASHRA_SEARCH_RANK_CANDIDATES = 1  # type: ignore[attr-defined]
    result = corpus.backend.search("المسؤولين")
    assert result.total == 2 and not result.total_exact
    assert sum(result.facets["source"].values()) == 2
    assert len(result.hits) == 3  # ranking always reaches limit+offset deep: all 3 matches


def test_snippet_in_a_long_paragraph_marks_the_match(corpus: Corpus) -> None:
    filler = "كلام عام عن الطقس والرياح في المدن الساحلية والجبلية. " * 40
    article = _make(
        corpus.wadi, "تقرير طويل", [filler + "وأعلن المحافظ افتتاحَ الجسـر الجديد أمس. " + filler], 8
    )
    corpus.backend.index([article])
    hit = corpus.backend.search("الجسر").hits[0]
    assert hit.id == article.id
    assert "<mark>الجسـر</mark>" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 400


def test_undated_articles_come_last_in_recent(corpus: Corpus) -> None:
    undated = _make(corpus.wadi, "خبر بلا تاريخ", ["نص قصير عن السوق."], 9)
    Article.objects.filter(id=undated.id).update(published_at=None)
    undated.refresh_from_db()
    corpus.backend.index([undated])
    hits = corpus.backend.search("", limit=100).hits
    assert hits[-1].id == undated.id and hits[-1].published_at is None
    assert corpus.ids("السوق") == {undated.id}
    assert undated.id not in corpus.ids("السوق", since=datetime(2000, 1, 1, tzinfo=UTC))


def test_migrate_rebuilds_an_index_of_older_terms(corpus: Corpus) -> None:
    from nashra.news.models import SearchIndexState
    from nashra.text import TERMS_VERSION

    corpus.backend.remove([a.id for a in corpus.all])  # stands for terms no query spells
    assert corpus.ids("إدلب") == set()
    call_command("migrate", verbosity=0)  # the index is of today's terms: left alone
    assert corpus.ids("إدلب") == set()

    SearchIndexState.objects.update(terms_version=TERMS_VERSION - 1)
    call_command("migrate", verbosity=0)
    assert corpus.ids("إدلب") == {corpus.visit.id, corpus.delegation.id}
    assert corpus.backend.terms_version() == TERMS_VERSION

    SearchIndexState.objects.all().delete()  # a database from before the version was kept
    assert corpus.backend.terms_version() == 1
    corpus.backend.remove([corpus.visit.id])
    call_command("migrate", verbosity=0)
    assert corpus.ids("إدلب") == {corpus.visit.id, corpus.delegation.id}
    assert list(SearchIndexState.objects.values_list("terms_version", flat=True)) == [TERMS_VERSION]
