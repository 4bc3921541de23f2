"""Feeds in: conditional GET, full-article fetch, backoff, failing sources, the poll and
worker commands, OPML import and the sources admin."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from nashra.extract.document import ExtractError
from nashra.extract.fetch import Fetched
from nashra.feeds import polling
from nashra.feeds.models import FeedState
from nashra.feeds.opml import import_opml
from nashra.news.models import Article, Source

pytestmark = pytest.mark.django_db

FEED_URL = "https://news.example/feed.xml"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار المثال</title><link>https://news.example/</link>
<item><title>الحكومة تعلن خطة جديدة للنقل العام في المدن الكبرى</title>
<link>https://news.example/full-story</link><pubDate>Sun, 10 Mar 2024 09:00:00 GMT</pubDate>
<description>ملخص قصير.</description></item>
<item><title>افتتاح معرض الكتاب الدولي بمشاركة واسعة من دور النشر</title>
<link>https://news.example/book-fair</link><pubDate>Sun, 10 Mar 2024 08:00:00 GMT</pubDate>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>افتتح معرض الكتاب الدولي أبوابه صباح اليوم بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة عربية وأجنبية.</p><p>وقال مدير المعرض إن الدورة الحالية تشهد إقبالا غير مسبوق من الزوار والناشرين على حد سواء.</p><p>ويستمر المعرض عشرة أيام تتخللها ندوات فكرية وأمسيات شعرية وورش عمل للأطفال.</p>]]></content:encoded>
</item></channel></rss>""".encode()
PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خطة النقل</title></head><body>
<article><h1>الحكومة تعلن خطة جديدة للنقل العام في المدن الكبرى</h1>
<p>أعلنت الحكومة اليوم خطة شاملة لتطوير شبكات النقل العام في المدن الكبرى خلال السنوات الخمس المقبلة، تشمل خطوط حافلات سريعة وقطارات خفيفة.</p>
<p>وقال وزير النقل في مؤتمر صحفي إن الخطة ستخفض زمن التنقل اليومي للمواطنين بنسبة كبيرة وتقلل من الازدحام المروري في ساعات الذروة.</p>
<p>وتقدر كلفة المشروع بمليارات الدولارات، على أن تمول من الموازنة العامة ومن شراكات مع القطاع الخاص.</p>
</article></body></html>""".encode()


class FakeWeb:
    """Answers like the fetcher: the feed (200 with validators, then 304 when they match)
    and the full article page; can be told to fail."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.fail: str = ""

    def __call__(
        self, url: str, *, limits: Any = None, etag: str = "", last_modified: str = ""
    ) -> Fetched:
        self.calls.append((url, etag, last_modified))
        if self.fail:
            raise ExtractError(self.fail)
        if url == FEED_URL:
            if etag == '"v1"':
                return Fetched(url, 304, "", b"", etag, last_modified)
            return Fetched(
                url, 200, "application/rss+xml", RSS, '"v1"', "Sun, 10 Mar 2024 09:00:00 GMT"
            )
        if url == "https://news.example/full-story":
            return Fetched(url, 200, "text/html; charset=utf-8", PAGE)
        raise ExtractError(f"HTTP 404 from {url}")


@pytest.fixture
def source(db: Any) -> Source:
    return Source.objects.create(name="أخبار المثال", slug="mithal", feed_url=FEED_URL)


def test_poll_ingests_fetches_full_articles_and_uses_conditional_get(source: Source) -> None:
    web = FakeWeb()
    result = polling.poll(source, fetcher=web)
    assert result.status == "ok" and result.new == 2 and result.fetched_full == 1, result
    full = Article.objects.get(url="https://news.example/full-story")
    assert not full.needs_fetch and "خطة شاملة لتطوير شبكات النقل" in full.text
    assert full.published_at is not None and full.source == source
    state = FeedState.objects.get(source=source)
    assert state.etag == '"v1"' and state.last_modified and state.error_count == 0
    assert state.next_poll_at > timezone.now() + timedelta(minutes=20)

    again = polling.poll(source, fetcher=web)
    assert again.status == "not-modified" and again.new == 0
    assert web.calls[-1] == (FEED_URL, '"v1"', "Sun, 10 Mar 2024 09:00:00 GMT")
    assert Article.objects.filter(source=source).count() == 2


def test_a_repeated_feed_does_not_refetch_known_items(source: Source) -> None:
    web = FakeWeb()
    polling.poll(source, fetcher=web)
    FeedState.objects.filter(source=source).update(etag="", last_modified="")
    result = polling.poll(source, fetcher=web)
    assert result.new == 0 and result.unchanged == 2 and result.fetched_full == 0
    assert [c[0] for c in web.calls].count("https://news.example/full-story") == 1


def test_a_failed_full_fetch_keeps_the_summary(source: Source) -> None:
    web = FakeWeb()

    def flaky(url: str, **kw: Any) -> Fetched:
        if url != FEED_URL:
            raise ExtractError("timed out")
        return web(url, **kw)

    result = polling.poll(source, fetcher=flaky)
    assert result.new == 2 and result.fetched_full == 0
    assert Article.objects.get(url="https://news.example/full-story").needs_fetch


def test_errors_back_off_exponentially_and_mark_the_source_failing(
    source: Source, settings: Any
) -> None:
    settings.NASHRA_POLL_FAILING_AFTER = 3
    settings.NASHRA_POLL_MAX_BACKOFF_MINUTES = 600
    web = FakeWeb()
    web.fail = "HTTP 503 from https://news.example/feed.xml"
    now = timezone.now()
    delays = []
    for i in range(5):
        result = polling.poll(source, fetcher=web, now=now)
        state = FeedState.objects.get(source=source)
        delays.append((state.next_poll_at - now).total_seconds() / 60)
        assert result.status == "error" and state.error_count == i + 1
        assert state.failing == (i + 1 >= 3)
    # 30·2, 30·4, 30·8, 30·16, capped at 600 — each ±10 % jitter
    for got, want in zip(delays, [60, 120, 240, 480, 600], strict=True):
        assert want * 0.89 <= got <= want * 1.11, delays
    assert "503" in FeedState.objects.get(source=source).last_error
    # Not due: the scheduler does not pick it up again now (no tight loop).
    assert source.pk not in polling.due_sources(now + timedelta(minutes=1))
    web.fail = ""
    polling.poll(source, fetcher=web)
    state = FeedState.objects.get(source=source)
    assert state.error_count == 0 and not state.failing and state.last_error == ""


def test_an_unreadable_feed_is_an_error(source: Source) -> None:
    def garbage(url: str, **kw: Any) -> Fetched:
        return Fetched(url, 200, "application/rss+xml", b"<rss><channel><item>", "", "")

    result = polling.poll(source, fetcher=garbage)
    state = FeedState.objects.get(source=source)
    assert result.status in ("error", "ok")
    if result.status == "error":
        assert state.error_count == 1 and state.last_error


def test_scheduler_claims_each_due_source_once(source: Source, settings: Any) -> None:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "feeds"],
        }
    }
    from nashra.feeds.tasks import schedule_due

    assert schedule_due() == 1  # creates the FeedState (due now) and enqueues its poll
    assert schedule_due() == 0  # claimed: a second worker does not enqueue it again
    assert FeedState.objects.get(source=source).next_poll_at > timezone.now()


def test_poll_task_runs_the_poll(source: Source, monkeypatch: Any) -> None:
    web = FakeWeb()
    monkeypatch.setattr(polling, "fetch", web)
    monkeypatch.setattr(
        polling.poll, "__kwdefaults__", {**polling.poll.__kwdefaults__, "fetcher": web}
    )
    from nashra.feeds.tasks import poll_source

    out = poll_source.call(source.pk)
    assert out["status"] == "ok" and out["new"] == 2
    assert poll_source.call(999999)["status"] == "skipped"


@pytest.mark.django_db(transaction=True)
def test_worker_runs_queued_polls(source: Source, monkeypatch: Any) -> None:
    web = FakeWeb()
    monkeypatch.setattr(
        polling.poll, "__kwdefaults__", {**polling.poll.__kwdefaults__, "fetcher": web}
    )
    out = StringIO()
    call_command("worker", batch=True, stdout=out, verbosity=0)
    assert Article.objects.filter(source=source).count() == 2
    state = FeedState.objects.get(source=source)
    assert state.last_success_at is not None and state.total_new == 2


def test_poll_command(source: Source, monkeypatch: Any) -> None:
    web = FakeWeb()
    monkeypatch.setattr(
        polling.poll, "__kwdefaults__", {**polling.poll.__kwdefaults__, "fetcher": web}
    )
    out = StringIO()
    call_command("poll", "mithal", stdout=out)
    assert "2 new" in out.getvalue() and "1 full articles fetched" in out.getvalue()
    out = StringIO()
    call_command("poll", "--json", stdout=out)
    assert '"not-modified"' in out.getvalue()
    Source.objects.create(name="بلا خلاصة", slug="no-feed")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("poll", "no-feed")
    with pytest.raises(CommandError):
        call_command("poll", "nothing-by-that-name")


OPML = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
<outline text="عربي"><outline type="rss" text="صحيفة الأمس" xmlUrl="https://ams.example/rss" htmlUrl="https://ams.example/" language="ar"/>
<outline type="rss" text="Wire" title="The Wire" xmlUrl="https://wire.example/atom"/>
<outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/></outline></body></opml>""".encode()


def test_opml_import(db: Any) -> None:
    report = import_opml(OPML)
    assert report.created == ["صحيفة الأمس", "The Wire"] and len(report.skipped) == 1
    ams = Source.objects.get(name="صحيفة الأمس")
    assert ams.feed_url == "https://ams.example/rss" and ams.url == "https://ams.example/"
    assert FeedState.objects.filter(source=ams).exists()
    again = import_opml(OPML)
    assert again.created == [] and sorted(again.updated) == ["The Wire", "صحيفة الأمس"]


def test_opml_import_refuses_entity_expansion(db: Any) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><opml version="2.0"><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>'
    with pytest.raises(ValueError):
        import_opml(bomb)
    with pytest.raises(ValueError):
        import_opml(b"not xml")


def test_admin_shows_failing_sources_and_imports_opml(client: Client, source: Source) -> None:
    User.objects.create_superuser("editor", "e@example.org", "pw")
    client.login(username="editor", password="pw")
    FeedState.objects.create(
        source=source, error_count=6, failing=True, last_error="HTTP 503 from feed"
    )
    page = client.get("/admin/news/source/").content.decode()
    assert "failing (6 errors)" in page and "HTTP 503 from feed" in page and "Import OPML" in page
    assert "failing (6" in client.get("/admin/news/source/?feed=failing").content.decode()
    assert client.get("/admin/news/source/import-opml/").status_code == 200
    response = client.post(
        "/admin/news/source/import-opml/", {"file": SimpleUploadedFile("subs.opml", OPML)}
    )
    assert response.status_code == 302
    assert Source.objects.filter(name="The Wire", feed_url="https://wire.example/atom").exists()
    change = client.get(f"/admin/news/source/{source.pk}/change/").content.decode()
    assert "poll_interval_minutes" in change
