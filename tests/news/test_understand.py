"""Analysis at ingest: corpus-wide entities, quotes, stories; the analyze/reanalyze commands."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nashra.analyze.pipeline import ANALYSIS_VERSION
from nashra.news.models import Article, ArticleAnalysis, Entity, Mention, Quote, Story
from nashra.text import match_form

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FOLDERS = [str(EXAMPLES / f) for f in ("text", "html", "feeds", "dumps", "archives")]


@pytest.fixture
def corpus() -> None:
    call_command("ingest", *FOLDERS, quiet=True, json=True, stdout=StringIO())


def _story_titles() -> list[set[str]]:
    return [
        {a.title for a in s.articles.filter(duplicate_of__isnull=True)}
        for s in Story.objects.filter(size__gt=1)
    ]


def _story_of(title_start: str) -> int | None:
    return (
        Article.objects.filter(title__startswith=title_start, duplicate_of__isnull=True)
        .values_list("story_id", flat=True)
        .first()
    )


def test_spelling_variants_and_full_names_are_one_entity(corpus: None) -> None:
    people = Entity.objects.filter(kind="PERS", key__contains="اردوغان")
    assert people.count() == 1, list(people.values_list("name", flat=True))
    erdogan = people.get()
    texts = set(Mention.objects.filter(entity=erdogan).values_list("text", flat=True))
    assert {"إردوغان", "أردوغان"} <= {t.split()[-1].lstrip("و") for t in texts}
    assert erdogan.article_count >= 4


def test_nisba_adjectives_count_for_their_country(corpus: None) -> None:
    egypt = Entity.objects.get(kind="LOC", key="مصر")
    assert Mention.objects.filter(entity=egypt, text__contains="المصري").exists()


def test_stories_group_the_same_event_across_sources(corpus: None) -> None:
    rate_cut = _story_of("المركزي المصري يخفض أسعار")
    assert rate_cut is not None
    assert Article.objects.filter(story_id=rate_cut, duplicate_of__isnull=True).count() >= 3
    # (the president's visit to the quake zone two days later shares too few words of
    # its headline and opening with the reports to join them: a follow-up is missed
    # before two events are chained, see docs/analyze.md, Stories)
    quake = {_story_of("وان تحصي"), _story_of("زلزال بقوة")}
    assert len(quake) == 1
    water = {_story_of("أنقرة وبغداد"), _story_of("اتفاق مائي"), _story_of("تركيا والعراق يوقعان")}
    assert len(water) == 1
    # Same people and country, different events: never one story.
    assert quake != water
    story = Story.objects.get(pk=rate_cut)
    assert story.size >= 3 and story.source_count == story.size and story.representative_id


def test_stories_only_join_articles_within_the_time_window(corpus: None) -> None:
    from datetime import timedelta

    from nashra.news import stories

    rate_cut = _story_of("المركزي المصري يخفض أسعار")
    members = list(Article.objects.filter(story_id=rate_cut, duplicate_of__isnull=True))
    first, others = members[0], members[1:]
    assert first.published_at is not None
    assert stories._best_story(first) == rate_cut
    # the others moved three windows later: nothing left to join
    for other in others:
        other.published_at = first.published_at + 3 * stories.WINDOW
        other.save(update_fields=["published_at"])
    assert stories._best_story(first) is None
    # back within the window (a day later), they are found again
    for other in others:
        other.published_at = first.published_at + timedelta(days=1)
        other.save(update_fields=["published_at"])
    assert stories._best_story(first) == rate_cut


# Two visits to the same court on the same day, reported by three and two outlets, and
# a roundup of both: the protocol words (the king, the deputy crown prince, Jeddah,
# "received", "discussed") are shared by all five, the guests by their own reports only.
_VISITS = [
    (
        "خادم الحرمين يستقبل رئيس حزب الأحرار اللبناني كميل نصار في جدة",
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة مساء "
        "أمس رئيس حزب الأحرار اللبناني كميل نصار، وجرى خلال الاستقبال بحث أوضاع لبنان "
        "وتعثر انتخاب رئيس للجمهورية اللبنانية. وقال نصار إن لبنان يحتاج إلى دعم أشقائه.",
    ),
    (
        "الملك سلمان يبحث مع كميل نصار مستجدات الساحة اللبنانية",
        "بحث الملك سلمان بن عبدالعزيز مع رئيس حزب الأحرار اللبناني كميل نصار في جدة "
        "مستجدات الساحة اللبنانية والفراغ في رئاسة الجمهورية اللبنانية، وأكد نصار أن "
        "حزب الأحرار متمسك باتفاق الطائف.",
    ),
    (
        "نصار من جدة: حزب الأحرار يريد رئيسا للبنان قبل نهاية العام",
        "قال رئيس حزب الأحرار اللبناني كميل نصار بعد لقائه الملك سلمان بن عبدالعزيز في "
        "جدة إن حزبه يريد انتخاب رئيس للجمهورية اللبنانية قبل نهاية العام، وإن أوضاع "
        "لبنان لا تحتمل الفراغ.",
    ),
    (
        "خادم الحرمين يستقبل وزير الدفاع البريطاني جيمس هولت",
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة وزير الدفاع "
        "البريطاني جيمس هولت، وجرى بحث التعاون العسكري بين المملكة وبريطانيا وصفقة "
        "طائرات التدريب الجديدة. وأشاد هولت بالشراكة الدفاعية بين البلدين.",
    ),
    (
        "وزير الدفاع البريطاني هولت: صفقة طائرات التدريب مع الرياض تمضي كما خطط لها",
        "قال وزير الدفاع البريطاني جيمس هولت بعد لقائه الملك سلمان بن عبدالعزيز في جدة "
        "إن صفقة طائرات التدريب مع المملكة تمضي كما خطط لها، وإن التعاون العسكري بين "
        "بريطانيا والمملكة يتسع.",
    ),
    (
        "ولي ولي العهد يلتقي كميل نصار وجيمس هولت",
        "التقى ولي ولي العهد الأمير محمد بن سلمان في جدة أمس كلا على حدة رئيس حزب "
        "الأحرار اللبناني كميل نصار ووزير الدفاع البريطاني جيمس هولت، وبحث مع نصار أوضاع "
        "لبنان ومع هولت التعاون العسكري وصفقة طائرات التدريب.",
    ),
]


def test_a_roundup_of_two_visits_does_not_chain_them(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "title": title,
                "content": body,
                "url": f"https://outlet{k}.example/court/{k}",
                # the roundup first: the story it starts is where both visits would go
                "date": f"2026-11-21T1{(k + 1) % 6}:00:00+03:00",
            },
            ensure_ascii=False,
        )
        for k, (title, body) in enumerate(_VISITS)
    ]
    (tmp_path / "court.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("ingest", str(tmp_path / "court.jsonl"), quiet=True, stdout=StringIO())
    story = {title: _story_of(title[:25]) for title, _ in _VISITS}
    nassar = {story[title] for title, _ in _VISITS[:3]}
    holt = {story[title] for title, _ in _VISITS[3:5]}
    assert len(nassar) == 1 and len(holt) == 1  # each visit is one story
    assert nassar != holt  # and the roundup did not make them one


def test_duplicates_join_the_story_of_their_first_copy(corpus: None) -> None:
    for copy in Article.objects.filter(duplicate_of__isnull=False).select_related("duplicate_of"):
        assert copy.story_id == copy.duplicate_of.story_id


def _grouping() -> set[frozenset[int]]:
    members: dict[int, set[int]] = {}
    for art, story in Article.objects.values_list("id", "story_id"):
        assert story is not None, f"article {art} has no story"
        members.setdefault(story, set()).add(art)
    return {frozenset(m) for m in members.values()}


def test_regroup_stories_groups_again_under_the_current_rules(
    corpus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nashra.news import stories

    before = _grouping()
    assert any(len(g) > 2 for g in before)
    out = StringIO()
    call_command("regroup-stories".replace("-", "_"), quiet=True, stdout=out)
    assert f"regrouped {Article.objects.count()} articles" in out.getvalue()
    assert _grouping() == before  # the same rules: the same stories
    assert not Story.objects.filter(size=0).exists()

    # rules that join nothing: every original alone, its copies with it
    monkeypatch.setattr(stories, "THRESHOLD", 2.0)
    stories.regroup_stories()
    originals = Article.objects.filter(duplicate_of__isnull=True)
    assert Story.objects.count() == originals.count()
    assert set(Story.objects.values_list("size", flat=True)) == {1}
    test_duplicates_join_the_story_of_their_first_copy(corpus)
    rate_cut = Article.objects.get(title__startswith="المركزي المصري يخفض أسعار")
    assert rate_cut.story is not None and rate_cut.story.representative_id == rate_cut.pk

    # only the articles since a date: the older ones keep their stories
    monkeypatch.setattr(stories, "THRESHOLD", 0.35)
    dates = sorted(d for d in originals.values_list("published_at", flat=True) if d)
    since = dates[len(dates) // 2].date()
    older = dict(originals.filter(published_at__date__lt=since).values_list("id", "story_id"))
    assert older
    call_command("regroup_stories", since=since.isoformat(), quiet=True, stdout=StringIO())
    assert dict(originals.filter(id__in=older).values_list("id", "story_id")) == older


def test_regroup_stories_rejects_a_bad_date(corpus: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a date: 'yesterday'"):
        call_command("regroup_stories", since="yesterday", quiet=True, stdout=StringIO())


def test_quotes_have_speakers(corpus: None) -> None:
    quotes = Quote.objects.all()
    assert quotes.count() >= 10
    assert quotes.filter(kind="direct").exists() and quotes.filter(kind="indirect").exists()
    # Anonymous sources ("مسؤول عراقي رفيع") have speaker text but no entity.
    assert quotes.exclude(speaker_text="").count() >= 0.8 * quotes.count()
    with_speaker = quotes.exclude(speaker__isnull=True)
    assert with_speaker.count() >= 0.3 * quotes.count()
    article = Article.objects.get(pk=with_speaker.first().article_id)
    q = with_speaker.first()
    assert article.text[q.start : q.end]  # offsets index the article's text


def test_reanalyze_is_repeatable(corpus: None) -> None:
    before = (Mention.objects.count(), Quote.objects.count(), Entity.objects.count())
    call_command("reanalyze", "--all", quiet=True, stdout=StringIO())
    after = (Mention.objects.count(), Quote.objects.count(), Entity.objects.count())
    assert before == after
    assert set(ArticleAnalysis.objects.values_list("version", flat=True)) == {ANALYSIS_VERSION}
    out = StringIO()
    call_command("reanalyze", quiet=True, stdout=out)  # nothing stale left
    assert "reanalysed 0 articles" in out.getvalue()


def test_migrate_tells_of_analyses_of_an_older_version(
    corpus: None, caplog: pytest.LogCaptureFixture
) -> None:
    call_command("migrate", verbosity=0)
    assert "nashra reanalyze" not in caplog.text
    stale = ArticleAnalysis.objects.order_by("pk")[:3]
    ArticleAnalysis.objects.filter(pk__in=[a.pk for a in stale]).update(version="1.0")
    call_command("migrate", verbosity=0)
    assert "3 articles were analysed by an older version" in caplog.text
    assert "run `nashra reanalyze`" in caplog.text


def test_reanalyze_since_a_date(corpus: None) -> None:
    from datetime import UTC, datetime, time

    from django.core.management.base import CommandError

    dates = sorted(d for d in Article.objects.values_list("published_at", flat=True) if d)
    day = dates[len(dates) // 2].astimezone(UTC).date()
    since = datetime.combine(day, time(), UTC)  # the command reads a date as midnight UTC
    expected = Article.objects.filter(published_at__gte=since).count()
    assert 0 < expected < Article.objects.count()
    out = StringIO()
    call_command("reanalyze", "--all", "--since", day.isoformat(), quiet=True, stdout=out)
    assert f"reanalysed {expected} articles" in out.getvalue()
    with pytest.raises(CommandError, match="not a date"):
        call_command("reanalyze", "--since", "yesterday", quiet=True, stdout=StringIO())


def test_ingest_without_analysis_then_reanalyze(tmp_path: Path) -> None:
    call_command(
        "ingest", str(EXAMPLES / "html"), no_analyze=True, quiet=True, json=True, stdout=StringIO()
    )
    assert not ArticleAnalysis.objects.exists() and not Mention.objects.exists()
    call_command("reanalyze", quiet=True, stdout=StringIO())
    assert ArticleAnalysis.objects.count() == Article.objects.count()
    assert Mention.objects.exists() and Story.objects.exists()


def test_analyze_command_json() -> None:
    out = StringIO()
    call_command(
        "analyze", str(EXAMPLES / "text" / "c_social_lines_quake.txt"), json=True, stdout=out
    )
    data = json.loads(out.getvalue())
    for key in (
        "title",
        "subtitle",
        "body",
        "text",
        "entities",
        "quotes",
        "dates",
        "keywords",
        "summary",
        "story",
    ):
        assert key in data
    assert data["text"] == "\n\n".join(data["body"])
    for ent in data["entities"]:
        assert data["text"][ent["start"] : ent["end"]] == ent["text"]
        assert {"text", "type", "start", "end", "entity"} <= set(ent)
    for quote in data["quotes"]:
        assert {"text", "speaker", "speaker_type", "via", "cue", "kind", "start", "end"} <= set(
            quote
        )
    assert not Article.objects.exists()  # analyze stores nothing


def test_analyze_command_published_date_for_undated_text() -> None:
    path = str(EXAMPLES / "text" / "c_social_lines_quake.txt")
    out = StringIO()
    call_command("analyze", path, json=True, stdout=out)
    undated = json.loads(out.getvalue())
    assert undated["published_at"] is None
    assert [d for d in undated["dates"] if d["kind"] == "relative"] == []  # أمس of when?
    out = StringIO()
    call_command("analyze", path, json=True, published="2024-03-12", stdout=out)
    dated = json.loads(out.getvalue())
    assert dated["published_at"].startswith("2024-03-12")
    found = {d["text"]: d["value"] for d in dated["dates"]}
    assert found["مساء أمس"] == "2024-03-11" and found["فجر الاثنين"] == "2024-03-11"
    with pytest.raises(CommandError, match="'next week': not a date"):
        call_command("analyze", path, published="next week", stdout=StringIO())


def test_search_filters_by_entity(corpus: None) -> None:
    from nashra.news.search import get_backend

    erdogan = Entity.objects.get(kind="PERS", key__contains="اردوغان")
    everything = get_backend().search("", entity=erdogan.slug, limit=100)
    expected = set(
        Mention.objects.filter(entity=erdogan, article__duplicate_of__isnull=True).values_list(
            "article_id", flat=True
        )
    )
    assert {h.id for h in everything.hits} == expected and everything.total == len(expected)
    quake = get_backend().search("زلزال", entity=[erdogan.pk], limit=100)
    assert quake.hits and {h.id for h in quake.hits} < expected


def test_ingest_indexes_the_terms_a_fresh_analysis_gives() -> None:
    # Ingest hands the analysis' body terms to the search index instead of analysing the
    # text again: what it indexed must be what indexing the stored article gives.
    from nashra.extract.inputs import read_path
    from nashra.extract.limits import DEFAULT_LIMITS
    from nashra.news.ingest import Ingester
    from nashra.news.search import document_terms, index_row

    indexed: dict[int, tuple[list[str], list[str], list[str]]] = {}

    def capture(articles: object) -> None:
        for a in articles:  # type: ignore[attr-defined]
            assert getattr(a, "body_terms", None) is not None
            row = index_row(a)
            indexed[a.pk] = (row.title, row.subtitle, row.body)

    docs = read_path(EXAMPLES / "text", mapping={}, limits=DEFAULT_LIMITS)
    Ingester(indexer=capture, analyze=True).ingest(docs)
    assert len(indexed) >= 3
    for pk, terms in indexed.items():
        assert terms == document_terms(Article.objects.get(pk=pk))
        assert terms[2]  # a body


def test_a_mention_counts_as_in_the_title_by_its_written_form(tmp_path: Path) -> None:
    """Amman's key (عمان (الاردن)) is no title's form: the mention's own words are."""
    from nashra.analyze.mention import Entity as Found
    from nashra.analyze.mention import Mention as FoundMention
    from nashra.analyze.pipeline import Analysis
    from nashra.news.models import Source
    from nashra.news.understand import Analysed, store_analyses

    text = "وصل الوزير إلى عمّان أمس في زيارة رسمية."
    article = Article.objects.create(
        source=Source.objects.create(name="الرصيف"),
        title="وزير الخارجية يصل إلى عمان",
        body=[text],
        origin="test",
        format="text",
        input_hash="in-title",
        body_hash="in-title",
    )
    start = text.index("عمّان")
    mention = FoundMention("عمّان", "LOC", start, start + 5, "عمّان", "عمان (الاردن)", "name")
    analysis = Analysis(
        mentions=[mention], entities=[Found("عمان (الاردن)", "عمّان", "LOC", 1, ["عمّان"])]
    )
    store_analyses([Analysed(article, analysis)])
    stored = Mention.objects.get(article=article)
    assert stored.in_title and stored.entity.key == "عمان (الاردن)"


def _store_found(n: int, found: list[Any]) -> None:
    """Store an article whose analysis found these entities (and nothing else)."""
    from nashra.analyze.pipeline import Analysis
    from nashra.news.models import Source
    from nashra.news.understand import Analysed, store_analyses

    article = Article.objects.create(
        source=Source.objects.get_or_create(name="الرصيف")[0],
        title=f"خبر {n}",
        body=["نص الخبر."],
        origin="test",
        format="text",
        input_hash=f"found-{n}",
        body_hash=f"found-{n}",
    )
    store_analyses([Analysed(article, Analysis(entities=found))])


def test_a_stored_name_loses_its_proclitic_when_a_clean_form_arrives() -> None:
    """An organisation first seen as للكونغرس is named الكونغرس once an article writes it
    so; a person's name still grows to its fullest form."""
    from nashra.analyze.mention import Entity as Found

    store = _store_found
    store(1, [Found("الكونغرس", "للكونغرس", "ORG", 1, ["الكونغرس"])])
    assert Entity.objects.get(kind="ORG").name == "للكونغرس"
    store(2, [Found("الكونغرس", "الكونغرس", "ORG", 1, ["الكونغرس"])])
    assert Entity.objects.get(kind="ORG").name == "الكونغرس"
    store(3, [Found("الكونغرس", "للكونغرس", "ORG", 1, ["الكونغرس"])])
    assert Entity.objects.get(kind="ORG").name == "الكونغرس"
    # and one written without short vowels over one with them
    store(9, [Found("الامم المتحده", "الأمم المتّحدة", "LOC", 1, ["الامم المتحده"])])
    store(10, [Found("الامم المتحده", "الأمم المتحدة", "LOC", 1, ["الامم المتحده"])])
    assert Entity.objects.get(kind="LOC").name == "الأمم المتحدة"
    store(4, [Found("بيسكوف", "بيسكوف", "PERS", 1, ["بيسكوف"])])
    store(5, [Found("ديمتري بيسكوف", "ديمتري بيسكوف", "PERS", 1, ["بيسكوف"])])
    assert Entity.objects.get(kind="PERS").name == "ديمتري بيسكوف"
    # a tagger's span that ran on past the name does not become the name
    store(6, [Found("ديمتري بيسكوف", "ديمتري بيسكوف غفر الله", "PERS", 1, ["بيسكوف"])])
    store(7, [Found("ديمتري بيسكوف", "فإن ديمتري بيسكوف", "PERS", 1, ["بيسكوف"])])
    assert Entity.objects.get(kind="PERS").name == "ديمتري بيسكوف"
    store(8, [Found("ديمتري بيسكوف", "ديمتري بيسكوف بن محمد", "PERS", 1, ["بيسكوف"])])
    assert Entity.objects.get(kind="PERS").name == "ديمتري بيسكوف بن محمد"


def test_a_word_with_and_without_its_article_is_one_entity() -> None:
    from nashra.analyze.mention import Entity as Found
    from nashra.news.models import EntityAlias

    for n, name in enumerate(["الدولار", "دولار", "فيفا"]):
        _store_found(n, [Found(name, name, "MISC", 1, [name])])
    assert sorted(Entity.objects.filter(kind="MISC").values_list("key", flat=True)) == [
        "الدولار",
        "فيفا",
    ]
    dollar = Entity.objects.get(kind="MISC", key="الدولار")
    assert EntityAlias.objects.get(kind="MISC", key="دولار").entity == dollar


def test_a_foreign_name_spelled_with_another_letter_finds_its_entity() -> None:
    """Egypt's جوجل and the Levant's غوغل are one company across articles, whichever
    came first; a person's surname meets through its spelling too."""
    from nashra.analyze.mention import Entity as Found

    _store_found(1, [Found("جوجل", "جوجل", "ORG", 1, ["جوجل"])])
    _store_found(2, [Found("غوغل", "غوغل", "ORG", 1, ["غوغل"])])
    _store_found(3, [Found("رونالد ريغان", "رونالد ريغان", "PERS", 1, ["رونالد ريغان"])])
    _store_found(4, [Found("ريجان", "ريجان", "PERS", 1, ["ريجان"])])
    assert Entity.objects.count() == 2  # get() below: one of each kind
    google = Entity.objects.get(kind="ORG")
    assert google.key == "جوجل" and "غوغل" in google.aliases
    reagan = Entity.objects.get(kind="PERS")
    assert reagan.name == "رونالد ريغان" and "ريجان" in reagan.aliases


def test_a_foreign_name_written_without_a_long_vowel_finds_its_entity() -> None:
    """ترمب (Gulf papers) and ترامب (most others) are one person across articles, in
    either order; two known Arabic names one vowel apart stay two (سلمان، سليمان)."""
    from nashra.analyze.mention import Entity as Found

    _store_found(1, [Found("دونالد ترامب", "دونالد ترامب", "PERS", 1, ["ترامب"])])
    _store_found(2, [Found("دونالد ترمب", "دونالد ترمب", "PERS", 1, ["ترمب"])])
    _store_found(3, [Found("بوتن", "بوتن", "PERS", 1, ["بوتن"])])
    _store_found(4, [Found("فلاديمير بوتين", "فلاديمير بوتين", "PERS", 1, ["بوتين"])])
    _store_found(5, [Found("خالد سلمان", "خالد سلمان", "PERS", 1, ["سلمان"])])
    _store_found(6, [Found("خالد سليمان", "خالد سليمان", "PERS", 1, ["سليمان"])])
    names = sorted(Entity.objects.values_list("name", flat=True))
    assert names == ["خالد سلمان", "خالد سليمان", "دونالد ترامب", "فلاديمير بوتين"]


def test_princes_sharing_a_father_stay_apart_across_articles() -> None:
    """A lineage ends in a father's name, not a family name: سلمان بن عبدالعزيز and
    فيصل بن بندر بن عبدالعزيز are two people, and the later one does not rename the
    first; a longer form of the same lineage and a lone surname still join theirs."""
    from nashra.analyze.mention import Entity as Found

    king = "سلمان بن عبدالعزيز"
    prince = "فيصل بن بندر بن عبدالعزيز"
    _store_found(1, [Found(king, king, "PERS", 2, [king, "بن عبدالعزيز", "سلمان"])])
    _store_found(2, [Found(prince, prince, "PERS", 1, [prince])])
    _store_found(3, [Found("عبدالعزيز", "عبدالعزيز", "PERS", 1, ["عبدالعزيز"])])
    _store_found(4, [Found(king + " آل سعود", king + " آل سعود", "PERS", 1, [king])])
    _store_found(5, [Found("ديمتري بيسكوف", "ديمتري بيسكوف", "PERS", 1, ["ديمتري بيسكوف"])])
    _store_found(6, [Found("بيسكوف", "بيسكوف", "PERS", 1, ["بيسكوف"])])
    # a lineage's short forms: the name and the father's, the name and the family's
    nayef, jubeir = "محمد بن نايف بن عبدالعزيز", "عادل بن أحمد الجبير"
    _store_found(7, [Found(nayef, nayef, "PERS", 1, [nayef])])
    _store_found(8, [Found("محمد بن نايف", "محمد بن نايف", "PERS", 1, ["محمد بن نايف"])])
    _store_found(9, [Found(jubeir, jubeir, "PERS", 1, [jubeir])])
    _store_found(10, [Found("عادل الجبير", "عادل الجبير", "PERS", 1, ["عادل الجبير"])])
    _store_found(11, [Found("عادل الطريفي", "عادل الطريفي", "PERS", 1, ["عادل الطريفي"])])
    names = sorted(Entity.objects.filter(kind="PERS").values_list("name", flat=True))
    assert names == sorted(
        [king + " آل سعود", prince, "عبدالعزيز", "ديمتري بيسكوف", nayef, jubeir, "عادل الطريفي"]
    )


def test_a_person_is_shown_by_the_full_name_most_articles_wrote() -> None:
    """Not by the longest span a tagger ever gave (with a role in it): by the full name
    most articles wrote, the longer on a tie, and the counts are kept on the entity."""
    from nashra.analyze.mention import Entity as Found

    def store(n: int, name: str) -> str:
        _store_found(n, [Found(match_form(name), name, "PERS", 1, ["محمد بن سلمان"])])
        return Entity.objects.get(kind="PERS").name

    short, full = "محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز"
    assert store(1, short) == short
    assert store(2, full + " ولي ولي العهد") == short  # a role is no part of the name
    assert store(3, full) == full  # one article each: the longer
    assert store(4, short) == short
    assert Entity.objects.get(kind="PERS").names == {
        short: 2,
        full: 1,
        full + " ولي ولي العهد": 1,
    }


def test_a_common_given_name_last_is_no_surname_across_the_corpus() -> None:
    """بيسكوف alone finds ديمتري بيسكوف in another article; محمد alone (or جمال, also a
    word) does not find جلال محمد: last in a two-word name it is mostly a father's name."""
    from nashra.analyze.mention import Entity as Found

    for n, name in enumerate(["ديمتري بيسكوف", "جلال محمد", "عمرو جمال"]):
        _store_found(n, [Found(match_form(name), name, "PERS", 1, [])])
    for n, word in enumerate(["بيسكوف", "محمد", "جمال"], start=10):
        _store_found(n, [Found(word, word, "PERS", 1, [])])
    people = sorted(Entity.objects.filter(kind="PERS").values_list("name", flat=True))
    assert people == sorted(["ديمتري بيسكوف", "جلال محمد", "عمرو جمال", "محمد", "جمال"])


def test_a_reanalysed_article_counts_its_names_once() -> None:
    """Replacing an article's analysis takes back the full names the old one counted."""
    from nashra.analyze.mention import Entity as Found
    from nashra.analyze.pipeline import Analysis
    from nashra.news.understand import Analysed, store_analyses

    short, full = "محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز"
    _store_found(1, [Found(match_form(short), short, "PERS", 1, [])])
    _store_found(2, [Found(match_form(short), full, "PERS", 1, [])])
    article = Article.objects.get(input_hash="found-2")
    for _ in range(3):  # reanalysed three times: still one article wrote the full name
        again = Analysis(entities=[Found(match_form(short), full, "PERS", 1, [])])
        store_analyses([Analysed(article, again)], replace=True)
    person = Entity.objects.get(kind="PERS")
    assert person.names == {short: 1, full: 1}
    assert person.name == full  # a tie: the longer
    # the reanalysis writes the short form now: the full name is no longer counted
    again = Analysis(entities=[Found(match_form(short), short, "PERS", 1, [])])
    store_analyses([Analysed(article, again)], replace=True)
    person.refresh_from_db()
    assert person.names == {short: 2}
    assert person.name == short


def test_reanalyze_relink_undoes_a_merge_made_under_older_rules(corpus: None) -> None:
    """An alias key registered under older rules (a lineage's father's name as a surname)
    had joined one person to another; --relink forgets alias keys and links again."""
    from django.core.management.base import CommandError

    from nashra.news.models import EntityAlias

    erdogan = Entity.objects.get(kind="PERS", key__contains="اردوغان")
    mentions = Mention.objects.filter(entity=erdogan).count()
    other = Entity.objects.filter(kind="PERS").exclude(pk=erdogan.pk).order_by("pk").first()
    assert other is not None
    # the older rules' damage: erdogan's own key registered as the other person's
    EntityAlias.objects.filter(kind="PERS", key=erdogan.key).update(entity=other)
    call_command("reanalyze", "--all", quiet=True, stdout=StringIO())
    assert Mention.objects.filter(entity=erdogan).count() < mentions  # some went astray
    call_command("reanalyze", "--all", "--relink", quiet=True, stdout=StringIO())
    erdogan.refresh_from_db()
    assert Mention.objects.filter(entity=erdogan).count() == mentions
    assert EntityAlias.objects.get(kind="PERS", key=erdogan.key).entity == erdogan
    with pytest.raises(CommandError, match="--all alone"):
        call_command("reanalyze", "--relink", quiet=True, stdout=StringIO())


def test_a_name_an_editor_gave_in_the_admin_stays(client: Any) -> None:
    """Analysis renames a person by the full name most articles wrote, but not one an
    editor renamed in the admin (whose counts still grow)."""
    from django.contrib.auth.models import User

    from nashra.analyze.mention import Entity as Found

    full = "محمد بن سلمان بن عبدالعزيز"
    _store_found(1, [Found(full, full, "PERS", 1, [full])])
    person = Entity.objects.get(kind="PERS")
    User.objects.create_superuser("editor", "e@example.org", "pw")
    client.login(username="editor", password="pw")
    form = {
        "kind": "PERS",
        "name": "ولي العهد محمد بن سلمان",
        "key": person.key,
        "slug": person.slug,
        "aliases": json.dumps(person.aliases),
        "names": json.dumps(person.names),
        "mention_count": 0,
        "article_count": 0,
        "created_at_0": "2026-11-29",
        "created_at_1": "12:00:00",
    }
    reply = client.post(f"/admin/news/entity/{person.pk}/change/", form)
    assert reply.status_code == 302, reply.content.decode()[:2000]
    person.refresh_from_db()
    assert person.name_fixed
    _store_found(2, [Found(full, full, "PERS", 1, [full])])
    person.refresh_from_db()
    assert person.name == "ولي العهد محمد بن سلمان" and person.names[full] == 2


def test_a_states_body_named_bare_meets_its_countrys_body_not_anothers() -> None:
    """وزارة الصحة in an article about Jordan is the Jordanian ministry named in full
    elsewhere; in one about Egypt it is Egypt's: the bare words link no two countries'."""
    from nashra.analyze.entities import link_entities
    from nashra.analyze.ner import EntitySpan

    def entities(text: str, places: list[str]) -> list[Any]:
        spans = []
        for p in places:
            at = text.index(p)
            spans.append(EntitySpan(p, "LOC", at, at + len(p)))
        return link_entities(text, sorted(spans, key=lambda s: s.start))[1]

    named = "أعلنت وزارة الصحة الأردنية حملة تطعيم جديدة في الأردن."
    _store_found(1, entities(named, ["الأردن"]))
    jordan = "عمّان – أعلنت وزارة الصحة تسجيل إصابات في الزرقاء، وقالت إن الأردن مستعد."
    _store_found(2, entities(jordan, ["عمّان", "الزرقاء", "الأردن"]))
    egypt = "القاهرة – أعلنت وزارة الصحة تسجيل إصابات في مصر، وقالت إن مصر مستعدة."
    _store_found(3, entities(egypt, ["القاهرة", "مصر"]))
    bodies = {e.name: e for e in Entity.objects.filter(kind="ORG")}
    # three articles, two ministries: the bare one in the article about Jordan is the one
    # the first article names in full
    assert sorted(bodies) == ["وزارة الصحة الأردنية", "وزارة الصحة المصرية"]
    assert "وزاره الصحه" not in bodies["وزارة الصحة الأردنية"].aliases
