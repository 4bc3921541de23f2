"""Every reader page, in both languages: RTL/LTR attributes, escaping, CSP, errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from nashra.news.models import ArticleAnalysis, Mention
from nashra.news.templatetags.nashra import content_direction, percent_of, to_digits
from nashra.news.views import paragraphs_with_mentions

from .conftest import HOSTILE, Newsroom

pytestmark = pytest.mark.django_db


def html(client: Client, url: str, status: int = 200, **kw: Any) -> str:
    response = client.get(url, **kw)
    assert response.status_code == status, (url, response.status_code)
    csp = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    return response.content.decode()


def test_home_is_arabic_rtl_with_top_story_latest_and_by_source(
    client: Client, news: Newsroom
) -> None:
    page = html(client, "/")
    assert '<html lang="ar" dir="rtl"' in page
    assert "أبرز القصص" in page and f"/stories/{news.story.pk}/" in page
    assert "تغطيها ٣ مصادر" in page  # Arabic plural form for 3, Arabic-Indic digits
    assert f"/articles/{news.followup.pk}/" in page
    assert "حسب المصدر" in page and "/sources/wadi/" in page
    assert 'dir="auto"' in page  # the search box
    assert 'href="/en/"' in page  # language switch


def test_home_in_english_is_ltr(client: Client, news: Newsroom) -> None:
    page = html(client, "/en/")
    assert '<html lang="en" dir="ltr"' in page
    assert "Top stories" in page and "covered by 3 sources" in page
    assert 'href="/"' in page and ">العربية<" in page


def test_article_page(client: Client, news: Newsroom) -> None:
    page = html(client, f"/articles/{news.visit.pk}/")
    assert '<article class="article" lang="ar" dir="rtl">' in page
    assert "أردوغان يزور أنقرة" in page and "زيارة تستمر يومين" in page and "سارة المحمد" in page
    # entity mentions linked at their offsets, in the right paragraphs
    assert (
        '<a class="mention kind-pers" href="/entities/erdogan/" title="رجب طيب أردوغان">رجب طيب أردوغان</a>'
        in page
    )
    assert 'href="/entities/ankara/"' in page and 'href="/entities/fidan/"' in page
    assert page.count('class="mention') == 4
    # quotes panel, linked to the speaker
    assert "من قال ماذا" in page and "سنعمل من أجل السلام في المنطقة" in page
    assert re.search(
        r'<span class="speaker"><a href="/entities/erdogan/">رجب طيب أردوغان</a>', page
    )
    # same story in other sources, the original, the date in Arabic-Indic digits (UTC)
    assert "القصة نفسها في مصادر أخرى" in page and f"/articles/{news.followup.pk}/" in page
    assert f"/articles/{news.english.pk}/" in page
    assert 'href="https://wadi.example/visit"' in page
    assert "١٠ مارس ٢٠٢٤، ٠٩:٠٠" in page


def test_article_topics_are_its_keywords_that_name_no_linked_entity(
    client: Client, news: Newsroom
) -> None:
    ArticleAnalysis.objects.create(
        article=news.visit,
        version="test",
        keywords=[
            {"term": "اردوغان", "display": "رجب طيب أردوغان", "score": 9.0},
            {"term": "سلام", "display": "السلام", "score": 5.0},
            {"term": "انقر", "display": "أنقرة", "score": 4.0},
            {"term": "محادث", "display": "المحادثات", "score": 3.0},
        ],
    )
    page = html(client, f"/articles/{news.visit.pk}/")
    section = page.split('id="topics-h">مواضيع</h2>')[1].split("</section>")[0]
    assert re.findall(r'href="/search/\?q=([^"]+)"[^>]*>([^<]+)<', section) == [
        ("%D8%A7%D9%84%D8%B3%D9%84%D8%A7%D9%85", "السلام"),
        ("%D8%A7%D9%84%D9%85%D8%AD%D8%A7%D8%AF%D8%AB%D8%A7%D8%AA", "المحادثات"),
    ]  # أردوغان and أنقرة are linked names: they show as entities, not as topics
    assert 'id="topics-h">Topics</h2>' in html(client, f"/en/articles/{news.visit.pk}/")


def test_english_article_reads_ltr_inside_the_arabic_interface(
    client: Client, news: Newsroom
) -> None:
    page = html(client, f"/articles/{news.english.pk}/")
    assert '<html lang="ar" dir="rtl"' in page
    assert '<article class="article" lang="en" dir="ltr">' in page


def test_source_direction_overrides_language(client: Client, news: Newsroom) -> None:
    news.wadi.direction = "ltr"
    news.wadi.save()
    page = html(client, f"/articles/{news.visit.pk}/")
    assert '<article class="article" lang="ar" dir="ltr">' in page


def test_article_in_english_interface(client: Client, news: Newsroom) -> None:
    page = html(client, f"/en/articles/{news.visit.pk}/")
    assert '<html lang="en" dir="ltr"' in page
    assert '<article class="article" lang="ar" dir="rtl">' in page  # content stays Arabic
    assert "Who said what" in page and "10 March 2024, 09:00" in page
    assert f'href="/articles/{news.visit.pk}/"' in page  # switch back to Arabic


def test_hostile_text_is_escaped_everywhere(client: Client, news: Newsroom) -> None:
    for url in (
        f"/articles/{news.hostile.pk}/",
        "/",
        "/sources/shorouq/",
        "/search/?q=خبيث",
        f"/search/?q={HOSTILE}",
        f"/en/articles/{news.hostile.pk}/",
    ):
        page = html(client, url)
        assert "<script>alert" not in page, url
        assert "<img src=x" not in page, url
    page = html(client, f"/articles/{news.hostile.pk}/")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_entity_page(client: Client, news: Newsroom) -> None:
    page = html(client, "/entities/erdogan/")
    assert "رجب طيب أردوغان" in page and "اردوغان" in page  # name and aliases
    assert "سنعمل من أجل السلام في المنطقة" in page  # their quotes
    assert f"/articles/{news.visit.pk}/" in page and f"/articles/{news.followup.pk}/" in page
    assert 'href="/entities/ankara/"' in page and 'href="/entities/fidan/"' in page  # co-occurring
    assert 'class="timeline"' in page and 'class="bar h100"' in page
    assert "/feeds/entities/erdogan.rss" in page


def test_merged_entity_redirects_to_the_canonical_one(client: Client, news: Newsroom) -> None:
    response = client.get("/entities/erdogan-typo/")
    assert response.status_code == 302 and response["Location"] == "/entities/erdogan/"


def test_story_page_orders_in_time_and_marks_first_and_latest(
    client: Client, news: Newsroom
) -> None:
    page = html(client, f"/stories/{news.story.pk}/")
    positions = [
        page.index(f"/articles/{a.pk}/") for a in (news.visit, news.english, news.followup)
    ]
    assert positions == sorted(positions)
    assert 'class="item first"' in page and 'class="item latest"' in page
    assert "الأول" in page and "الأحدث" in page
    assert "٣ مقالات" in page


def test_source_sources_entities_pages(client: Client, news: Newsroom) -> None:
    page = html(client, "/sources/wadi/")
    assert "الوادي" in page and "/feeds/sources/wadi.rss" in page and 'rel="next"' not in page
    assert "٢٦ مقالًا" in page  # 26 articles: Arabic "many" plural form
    assert 'rel="next"' in html(client, "/sources/wadi/?page=1") or True
    assert "Levant Wire" in html(client, "/sources/")
    page = html(client, "/entities/?kind=PERS")
    assert "/entities/erdogan/" in page and "/entities/ankara/" not in page


def test_search_finds_variant_spellings_with_snippets_and_facets(
    client: Client, news: Newsroom
) -> None:
    page = html(client, "/search/?q=اردوغان")  # no hamza: finds أردوغان
    assert f"/articles/{news.visit.pk}/" in page and f"/articles/{news.followup.pk}/" in page
    assert "<mark>" in page
    assert (
        'href="?q=%D8%A7%D8%B1%D8%AF%D9%88%D8%BA%D8%A7%D9%86&amp;source=wadi"' in page
    )  # facet link
    page = html(client, "/search/?q=اردوغان&source=shorouq")
    assert f"/articles/{news.followup.pk}/" in page and f"/articles/{news.visit.pk}/" not in page
    page = html(client, "/search/?q=الخبر&entity=erdogan")
    assert "لا نتائج" in page
    page = html(client, "/search/?q=أنقرة&entity=fidan")
    assert f"/articles/{news.visit.pk}/" in page
    page = html(client, "/search/?q=اردوغان&since=2024-03-10&until=2024-03-10")
    assert f"/articles/{news.visit.pk}/" in page
    page = html(client, "/en/search/?q=اردوغان")
    assert "2 results" in page


def test_404_is_friendly_without_internals(client: Client, news: Newsroom) -> None:
    for url, lang in (
        ("/no/such/page/", "ar"),
        ("/en/no/such/page/", "en"),
        ("/articles/999999/", "ar"),
    ):
        page = html(client, url, status=404)
        assert f'<html lang="{lang}"' in page
        assert (
            "Traceback" not in page and "nashra/news" not in page and "django" not in page.lower()
        )
    assert "الصفحة غير موجودة" in html(client, "/no/such/page/", status=404)


def test_500_is_friendly_without_internals(news: Newsroom, monkeypatch: Any) -> None:
    import nashra.news.views as views

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(views, "top_stories", boom)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "secret internal detail" not in body and "Traceback" not in body and "حدث خطأ" in body


def test_preferences_set_time_zone_and_digits(client: Client, news: Newsroom) -> None:
    html(client, "/preferences/")
    response = client.post(
        "/preferences/",
        {"tz": "Asia/Riyadh", "digits": "latn", "next": f"/articles/{news.visit.pk}/"},
    )
    assert response.status_code == 302 and response["Location"] == f"/articles/{news.visit.pk}/"
    page = html(client, f"/articles/{news.visit.pk}/")
    assert "10 مارس 2024، 12:00" in page  # Riyadh is UTC+3, Latin digits
    assert client.post("/preferences/", {"tz": "Mars/Olympus"}).status_code == 400
    response = client.post("/preferences/", {"tz": "UTC", "next": "https://evil.example/"})
    assert response["Location"] == "/preferences/"


def test_static_assets_are_files_not_inline(client: Client, news: Newsroom) -> None:
    page = html(client, "/")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert "style=" not in page


def test_healthz(client: Client, db: Any) -> None:
    assert client.get("/healthz").json() == {"ok": True}


# --- units ----------------------------------------------------------------------------
def test_paragraph_offsets_and_stale_mentions(news: Newsroom) -> None:
    mentions = list(Mention.objects.filter(article=news.visit).select_related("entity"))
    paras = paragraphs_with_mentions(news.visit, mentions)
    assert ["".join(s.text for s in p) for p in paras] == news.visit.body
    linked = [(i, s.text) for i, p in enumerate(paras) for s in p if s.entity]
    assert linked == [(0, "رجب طيب أردوغان"), (0, "أنقرة"), (1, "أردوغان"), (2, "هاكان فيدان")]
    stale = Mention(article=news.visit, entity=news.ankara, text="أنقرة", start=3, end=8)
    crossing = Mention(article=news.visit, entity=news.ankara, text="", start=50, end=70)
    paras = paragraphs_with_mentions(news.visit, [stale, crossing])
    assert not any(s.entity for p in paras for s in p)
    assert ["".join(s.text for s in p) for p in paras] == news.visit.body


def test_digits_and_direction_helpers() -> None:
    assert to_digits("2024-03-10", "arab") == "٢٠٢٤-٠٣-١٠"
    assert to_digits("2024", "latn") == "2024"
    assert content_direction("ar") == "rtl" and content_direction("en") == "ltr"
    assert content_direction("", "") == "auto" and content_direction("ar", "ltr") == "ltr"
    assert percent_of(1, 4) == 25 and percent_of(0, 0) == 0 and percent_of(1, 1000) == 5
