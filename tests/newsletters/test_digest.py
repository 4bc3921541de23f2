"""The personal digest: built from nashra.readers' personalised feed (skips cleanly when
that app is not installed), at the reader's hour in their time zone, one item per story,
grouped by what they follow, in their language; never empty, never twice per slot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from nashra.newsletters.models import Delivery, Newsletter, Subscription
from nashra.newsletters.schedule import ensure_defaults, schedule
from nashra.newsletters.send import send_pending
from nashra.newsletters.subscriptions import subscribe, subscriber_for_user

from .conftest import NOW, Desk, Handler

pytest.importorskip("nashra.readers.feed", reason="nashra.readers (issue 6) is not installed yet")
if not apps.is_installed("nashra.readers"):
    pytest.skip("nashra.readers is not in INSTALLED_APPS yet", allow_module_level=True)

pytestmark = pytest.mark.django_db


def make_reader(email: str, *, language: str = "ar", tz: str = "Asia/Riyadh", hour: int = 8) -> Any:
    from nashra.readers.services import profile_of, set_follow

    user = get_user_model().objects.create_user(email.split("@")[0], email=email, password="x" * 12)
    profile = profile_of(user)
    profile.language, profile.timezone = language, tz
    profile.save()
    set_follow(user, "entity", "syria", "follow")
    digest = Newsletter.objects.get(slug="digest")
    sub = subscribe(subscriber_for_user(user), digest, confirmed=True, frequency="daily", hour=hour)
    Subscription.objects.filter(pk=sub.pk).update(created_at=NOW - timedelta(days=3))
    return user


@pytest.fixture
def readers(desk: Desk) -> list[Any]:
    ensure_defaults()
    return [
        make_reader("amal@example.org"),
        make_reader("john@example.org", language="en", tz="Europe/London"),
    ]


def test_digest_at_each_readers_hour_grouped_by_follow(
    desk: Desk, smtp: Handler, readers: list[Any]
) -> None:
    # 05:10 UTC = 08:10 in Riyadh (Amal's hour), 05:10 in London (John's is 08:00 there)
    first = datetime(2024, 3, 10, 5, 10, tzinfo=UTC)
    result = schedule(first)
    assert len(result["digests"]) == 1
    assert list(Delivery.objects.values_list("email", flat=True)) == ["amal@example.org"]
    assert schedule(first + timedelta(minutes=20))["digests"] == []  # same slot: nothing new
    send_pending()
    (message,) = smtp.parsed()
    assert message["To"] == "amal@example.org"
    assert message["Subject"].startswith("موجزك: ")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert '<html lang="ar" dir="rtl"' in html
    assert "سوريا" in html and "== سوريا ==" in text  # grouped under the followed entity
    # one item per story: the three-source story appears once
    titles = [
        t
        for t in ("مؤتمر دولي في دمشق", "وفود عربية وأجنبية", "International conference")
        if t in text
    ]
    assert len(titles) == 1, text
    assert "ارتفاع أسعار القمح" in text
    assert "مباراة ودية" not in text  # not about anything she follows
    assert "/newsletters/view/" in html  # view in browser: her own digest

    # John's hour comes three hours later, in English
    smtp.clear()
    result = schedule(datetime(2024, 3, 10, 8, 5, tzinfo=UTC))
    assert len(result["digests"]) == 1
    send_pending()
    (message,) = smtp.parsed()
    assert message["To"] == "john@example.org" and message["Subject"].startswith("Your digest: ")
    html = message.get_body(("html",)).get_content()
    assert '<html lang="en" dir="ltr"' in html and "Unsubscribe" in html


def test_view_in_browser_shows_the_readers_digest(
    desk: Desk, smtp: Handler, readers: list[Any], client: Any
) -> None:
    import re

    schedule(datetime(2024, 3, 10, 5, 10, tzinfo=UTC))
    send_pending()
    html = smtp.parsed()[0].get_body(("html",)).get_content()
    url = re.search(r'https://nashra\.example(/newsletters/view/[^"]+)"', html).group(1)
    page = client.get(url)
    assert page.status_code == 200 and "ارتفاع أسعار القمح" in page.content.decode()


def test_nothing_new_means_no_digest(desk: Desk, smtp: Handler, readers: list[Any]) -> None:
    # the next morning: nothing was published since her last digest
    schedule(datetime(2024, 3, 10, 5, 10, tzinfo=UTC))
    send_pending()
    smtp.clear()
    schedule(datetime(2024, 3, 11, 5, 10, tzinfo=UTC))
    stats = send_pending()
    assert stats.sent == 0 and stats.skipped == 1
    assert smtp.messages == []
    assert Delivery.objects.filter(status="skipped", error__startswith="nothing new").count() == 1


def test_preview_digest_for_a_reader(desk: Desk, readers: list[Any], tmp_path: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = tmp_path / "digest.html"
    call_command(
        "newsletters",
        "preview",
        "digest",
        "--reader",
        "amal@example.org",
        "--out",
        str(out),
        stdout=StringIO(),
    )
    assert "ارتفاع أسعار القمح" in out.read_text()
