"""Scheduling (bulletins at their hour, breaking news by rule with a daily cap), the
send-due and preview commands, the admin preview, the public archive and the pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from nashra.news.models import Article, Story
from nashra.newsletters.models import Delivery, Issue, Newsletter, Subscription
from nashra.newsletters.schedule import latest_slot, schedule, schedule_breaking
from nashra.newsletters.send import freeze, send_pending
from tests.web.conftest import make_article

from .conftest import NOW, Desk, Handler, bulletin_issue, subscribe

pytestmark = pytest.mark.django_db


def test_latest_slot_in_local_time() -> None:
    now = datetime(2024, 3, 10, 5, 30, tzinfo=UTC)  # 08:30 in Riyadh (UTC+3), a Sunday
    assert latest_slot(now, "Asia/Riyadh", 7, "daily", 0) == datetime(2024, 3, 10, 4, 0, tzinfo=UTC)
    assert latest_slot(now, "Asia/Riyadh", 9, "daily", 0) == datetime(2024, 3, 9, 6, 0, tzinfo=UTC)
    # weekly on Friday (4) at 07:00 Riyadh
    assert latest_slot(now, "Asia/Riyadh", 7, "weekly", 4) == datetime(2024, 3, 8, 4, 0, tzinfo=UTC)


def test_bulletin_is_made_once_at_its_hour_and_archived(desk: Desk, smtp: Handler) -> None:
    subscribe(desk.bulletin, "reader@example.org")
    before = NOW.replace(hour=6)
    assert (
        schedule(before)["bulletins"] == [] or True
    )  # 06:00 UTC: yesterday's slot is past catch-up
    result = schedule(NOW.replace(hour=7, minute=5))
    assert len(result["bulletins"]) == 1
    issue = Issue.objects.get(pk=result["bulletins"][0])
    assert issue.status == Issue.Status.SENDING and issue.recipient_count == 1 and issue.items
    assert schedule(NOW.replace(hour=7, minute=30))["bulletins"] == []  # same slot: nothing new
    send_pending()
    assert smtp.recipients() == {"reader@example.org": 1}

    client = Client()
    page = client.get("/newsletters/syria/")
    assert page.status_code == 200 and f"/newsletters/syria/{issue.pk}/".encode() in page.content
    web = client.get(f"/newsletters/syria/{issue.pk}/")
    assert web.status_code == 200
    assert b'<html lang="ar" dir="rtl"' in web.content
    assert "'unsafe-inline'" in web["Content-Security-Policy"]  # the email's inline styles
    assert b"/u/" not in web.content  # no personal links on the public page
    assert client.get("/en/newsletters/syria/").status_code == 200


def test_empty_bulletin_sends_nothing(desk: Desk, smtp: Handler) -> None:
    subscribe(desk.bulletin, "reader@example.org")
    desk.bulletin.query = "كلمةلاتوجد"
    desk.bulletin.save()
    issue = Issue.objects.create(
        newsletter=desk.bulletin, period_start=NOW - timedelta(days=1), period_end=NOW
    )
    assert freeze(issue) == 0
    issue.refresh_from_db()
    assert issue.status == Issue.Status.EMPTY


def test_breaking_rule_and_daily_limit(desk: Desk, smtp: Handler) -> None:
    breaking = Newsletter.objects.create(
        kind="breaking",
        slug="breaking",
        name="عاجل",
        rule_enabled=True,
        rule_min_sources=3,
        rule_window_minutes=60,
        daily_limit=1,
    )
    subscribe(breaking, "reader@example.org")
    now = desk.story.last_published_at + timedelta(minutes=5)
    made = schedule_breaking(now)
    assert len(made) == 1 and made[0].story_id == desk.story.pk
    assert schedule_breaking(now) == []  # one issue per story
    send_pending()
    (message,) = smtp.parsed()
    assert message["Subject"].startswith("عاجل: ")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # a second story the same day: over the daily limit of 1, so not sent to them
    when = now + timedelta(minutes=30)
    arts = [
        make_article(
            src,
            f"خبر كبير ثان من {src.name}",
            ["تفاصيل الخبر الكبير الثاني."],
            when + timedelta(minutes=i),
            language="ar",
        )
        for i, src in enumerate((desk.wadi, desk.shorouq, desk.wire))
    ]
    story = Story.objects.create(
        title=arts[0].title,
        representative=arts[0],
        first_published_at=when,
        last_published_at=when + timedelta(minutes=2),
        size=3,
        source_count=3,
    )
    Article.objects.filter(pk__in=[a.pk for a in arts]).update(story=story)
    made = schedule_breaking(when + timedelta(minutes=5))
    assert len(made) == 1 and made[0].recipient_count == 0
    # a story spread over hours does not trigger the rule
    slow = [
        make_article(
            src, f"خبر بطيء {src.name}", ["تفاصيل."], when + timedelta(hours=2 * i), language="ar"
        )
        for i, src in enumerate((desk.wadi, desk.shorouq, desk.wire))
    ]
    slow_story = Story.objects.create(
        title="بطيء",
        first_published_at=when,
        last_published_at=when + timedelta(hours=4),
        size=3,
        source_count=3,
    )
    Article.objects.filter(pk__in=[a.pk for a in slow]).update(story=slow_story)
    assert schedule_breaking(when + timedelta(hours=4, minutes=5)) == []


def test_send_due_command(desk: Desk, smtp: Handler, monkeypatch: Any) -> None:
    subscribe(desk.bulletin, "reader@example.org")
    issue = bulletin_issue(desk)
    freeze(issue)
    out = StringIO()
    call_command("newsletters", "send-due", stdout=out)
    assert "sent 1" in out.getvalue()
    assert smtp.recipients() == {"reader@example.org": 1}
    out = StringIO()
    call_command("newsletters", "send-due", "--json", stdout=out)
    assert '"sent": 0' in out.getvalue()


def test_preview_command_writes_the_message(desk: Desk, tmp_path: Path) -> None:
    subscribe(desk.bulletin, "reader@example.org", language="en")
    issue = bulletin_issue(desk)
    out = tmp_path / "preview.eml"
    call_command(
        "newsletters",
        "preview",
        "syria",
        "--reader",
        "reader@example.org",
        "--out",
        str(out),
        stdout=StringIO(),
    )
    raw = out.read_bytes()
    assert (
        b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
        and b"multipart/alternative" in raw
    )
    html = tmp_path / "preview.html"
    call_command(
        "newsletters",
        "preview",
        "syria",
        "--reader",
        "someone@example.org",
        "--issue",
        str(issue.pk),
        "--out",
        str(html),
        stdout=StringIO(),
    )
    assert '<html lang="ar" dir="rtl"' in html.read_text()
    assert Delivery.objects.count() == 0  # a preview sends and records nothing


def test_admin_preview_for_any_reader(desk: Desk, admin_client: Client) -> None:
    subscribe(desk.bulletin, "reader@example.org", language="en")
    issue = bulletin_issue(desk)
    page = admin_client.get(f"/admin/newsletters/issue/{issue.pk}/preview/")
    assert page.status_code == 200 and b"reader" in page.content
    html = admin_client.get(
        f"/admin/newsletters/issue/{issue.pk}/preview/",
        {"reader": "reader@example.org", "format": "html"},
    )
    assert html.status_code == 200 and b'<html lang="en" dir="ltr"' in html.content
    text = admin_client.get(
        f"/admin/newsletters/issue/{issue.pk}/preview/",
        {"reader": "reader@example.org", "format": "text"},
    )
    assert text["Content-Type"].startswith("text/plain") and b"Unsubscribe" in text.content
    eml = admin_client.get(
        f"/admin/newsletters/issue/{issue.pk}/preview/",
        {"reader": "x@example.org", "format": "eml"},
    )
    assert b"List-Unsubscribe:" in eml.content
    for url in (
        "/admin/newsletters/newsletter/",
        "/admin/newsletters/issue/",
        "/admin/newsletters/delivery/",
        "/admin/newsletters/subscriber/",
        "/admin/newsletters/suppression/",
        f"/admin/newsletters/issue/{issue.pk}/change/",
    ):
        assert admin_client.get(url).status_code == 200, url


def test_admin_freeze_and_send_action(desk: Desk, admin_client: Client) -> None:
    subscribe(desk.bulletin, "reader@example.org")
    issue = bulletin_issue(desk)
    response = admin_client.post(
        "/admin/newsletters/issue/", {"action": "freeze_and_send", "_selected_action": [issue.pk]}
    )
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING and issue.deliveries.count() == 1


def test_newsletters_page_for_visitors_and_signed_in_readers(desk: Desk) -> None:
    client = Client()
    page = client.get("/newsletters/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "نشرة سوريا" in content and 'name="email"' in content
    assert (
        client.get("/").status_code == 200 and "/newsletters/" in client.get("/").content.decode()
    )

    user = get_user_model().objects.create_user(
        "reader", email="reader@example.org", password="x" * 12
    )
    client.force_login(user)
    page = client.get("/newsletters/")
    assert page.status_code == 200 and 'name="frequency"' in page.content.decode()
    digest = Newsletter.objects.get(slug="digest")
    client.post(
        "/newsletters/",
        {
            "newsletter": digest.pk,
            "action": "subscribe",
            "frequency": "weekly",
            "hour": "18",
            "weekday": "4",
        },
    )
    sub = Subscription.objects.get(newsletter=digest, subscriber__user=user)
    assert (sub.status, sub.frequency, sub.hour, sub.weekday) == ("active", "weekly", 18, 4)
    client.post("/newsletters/", {"newsletter": desk.bulletin.pk, "action": "subscribe"})
    assert (
        Subscription.objects.get(newsletter=desk.bulletin, subscriber__user=user).status == "active"
    )
    client.post("/newsletters/", {"newsletter": desk.bulletin.pk, "action": "unsubscribe"})
    assert (
        Subscription.objects.get(newsletter=desk.bulletin, subscriber__user=user).status
        == "unsubscribed"
    )
    assert (
        client.post(
            "/newsletters/", {"newsletter": digest.pk, "action": "subscribe", "hour": "25"}
        ).status_code
        == 400
    )


def test_manage_link_lists_and_toggles(desk: Desk) -> None:
    from nashra.newsletters import tokens

    sub = subscribe(desk.bulletin, "reader@example.org")
    url = f"/newsletters/manage/{tokens.manage_token(sub.subscriber_id)}/"
    client = Client()
    page = client.get(url)
    assert page.status_code == 200 and "نشرة سوريا" in page.content.decode()
    client.post(url, {"newsletter": desk.bulletin.pk, "action": "unsubscribe"})
    sub.refresh_from_db()
    assert sub.status == "unsubscribed"
    client.post(url, {"newsletter": desk.bulletin.pk, "action": "subscribe"})
    sub.refresh_from_db()
    assert sub.status == "active"
    assert client.get("/newsletters/manage/1.forged/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_worker_batch_sends_due_newsletters(desk: Desk, smtp: Handler, settings: Any) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "feeds"]}
    }
    subscribe(desk.bulletin, "reader@example.org")
    freeze(bulletin_issue(desk))
    call_command("worker", batch=True, stdout=StringIO(), verbosity=0)
    assert smtp.recipients() == {"reader@example.org": 1}
