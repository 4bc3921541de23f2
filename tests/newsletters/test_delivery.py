"""Delivery through a real SMTP server: headers (RFC 8058), MIME structure, one-click
unsubscribe, double opt-in, crash safety (exactly one message per recipient after a
kill and a restart), bounces, retries, batches and rate."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from nashra.newsletters import send as sending
from nashra.newsletters import tokens
from nashra.newsletters.models import Delivery, Issue, Subscriber, Subscription, Suppression
from nashra.newsletters.send import freeze, recover, send_pending

from .conftest import SITE, Desk, Handler, bulletin_issue, subscribe

pytestmark = pytest.mark.django_db


class SimulatedKill(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing in the pipeline catches it."""


def _list_unsubscribe(message: Any) -> tuple[str, str]:
    value = str(message["List-Unsubscribe"])
    https, mailto = re.findall(r"<([^>]+)>", value)
    return https, mailto


def test_bulletin_message_headers_and_parts(desk: Desk, smtp: Handler) -> None:
    sub = subscribe(desk.bulletin, "reader@example.org")
    issue = bulletin_issue(desk)
    assert freeze(issue) == 1
    stats = send_pending()
    assert stats.sent == 1 and stats.failed == 0
    (message,) = smtp.parsed()
    assert smtp.recipients() == {"reader@example.org": 1}

    # RFC 8058 / RFC 2369
    https, mailto = _list_unsubscribe(message)
    assert https.startswith(f"{SITE}/u/")
    token = https.rsplit("/", 1)[1]
    assert tokens.read_unsubscribe_token(token) == (sub.subscriber_id, desk.bulletin.pk)
    assert mailto == f"mailto:unsubscribe+{token}@nashra.example?subject=unsubscribe"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "<syria.newsletters.nashra.example>"
    assert message["Message-ID"].endswith("@nashra.example>")

    # UTF-8 subject and bodies, multipart/alternative text + HTML
    assert message["Subject"].startswith("نشرة سوريا — ")
    wire_headers = smtp.messages[0][1].split(b"\r\n\r\n", 1)[0]
    wire_headers.decode("ascii")  # headers are 7-bit on the wire: RFC 2047 encoded words
    assert b"Subject: =?utf-8?" in wire_headers
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
    text_body, html_body = text.get_content(), html.get_content()
    assert "مؤتمر دولي في دمشق لبحث إعادة إعمار سوريا" in text_body
    # the story covered by the most sources comes first
    assert text_body.index("مؤتمر دولي في دمشق") < text_body.index("ارتفاع أسعار القمح")
    assert '<html lang="ar" dir="rtl"' in html_body
    assert 'dir="rtl"' in html_body and 'lang="ar"' in html_body
    assert "<link" not in html_body and "<script" not in html_body and "<style" not in html_body
    # one item per story: the three-source story appears once
    assert html_body.count("إعمار") >= 1
    assert sum(t in html_body for t in ("وفود عربية وأجنبية", "International conference")) == 0
    # visible unsubscribe + manage links, view in browser, preheader
    assert https in html_body and https in text_body
    assert f"{SITE}/newsletters/manage/" in html_body
    assert f"{SITE}/newsletters/syria/{issue.pk}/" in html_body
    assert "display:none" in html_body.split("<table", 1)[0]
    # the English article keeps its own direction inside the Arabic message
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DONE


def test_one_click_post_unsubscribes_without_session_and_get_does_not(
    desk: Desk, smtp: Handler
) -> None:
    sub = subscribe(desk.bulletin, "reader@example.org")
    freeze(bulletin_issue(desk))
    send_pending()
    https, _mailto = _list_unsubscribe(smtp.parsed()[0])
    path = urlsplit(https).path
    client = Client(enforce_csrf_checks=True)  # no cookies, no session, CSRF enforced

    page = client.get(path)
    assert page.status_code == 200 and b"<form" in page.content
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE  # a GET never unsubscribes

    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED and sub.unsubscribe_method == "one-click"
    assert not client.cookies.get("sessionid")

    # tampered and foreign tokens are refused
    assert client.post(path[:-2] + "xx", {"List-Unsubscribe": "One-Click"}).status_code == 404
    assert client.post("/u/1-1.notasignature", {}).status_code == 404

    # the next issue is not sent to them
    smtp.clear()
    desk.bulletin.issues.all().delete()
    assert freeze(bulletin_issue(desk)) == 0


def test_unsubscribed_after_freeze_is_skipped(desk: Desk, smtp: Handler) -> None:
    sub = subscribe(desk.bulletin, "late@example.org")
    subscribe(desk.bulletin, "keep@example.org")
    freeze(bulletin_issue(desk))
    token = tokens.unsubscribe_token(sub.subscriber_id, desk.bulletin.pk)
    Client().post(f"/u/{token}", {"List-Unsubscribe": "One-Click"})
    stats = send_pending()
    assert stats.sent == 1 and stats.skipped == 1
    assert smtp.recipients() == {"keep@example.org": 1}


def test_double_opt_in(desk: Desk, smtp: Handler) -> None:
    client = Client(enforce_csrf_checks=False)
    response = client.post(
        "/newsletters/subscribe/", {"newsletter": "syria", "email": "visitor@example.org"}
    )
    assert response.status_code == 200
    sub = Subscription.objects.get(subscriber__email="visitor@example.org")
    assert sub.status == Subscription.Status.PENDING

    (mail,) = smtp.parsed()
    assert mail["To"] == "visitor@example.org"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = _list_unsubscribe(mail)
    assert mailto.startswith("mailto:unsubscribe+")
    text = mail.get_body(("plain",)).get_content()
    confirm = re.search(rf"{SITE}(/newsletters/confirm/[^/\s]+/)", text)
    assert confirm, text
    assert 'dir="rtl"' in mail.get_body(("html",)).get_content()

    # pending subscribers get nothing
    assert freeze(bulletin_issue(desk)) == 0

    # asking again within minutes sends no second mail
    client.post("/newsletters/subscribe/", {"newsletter": "syria", "email": "visitor@example.org"})
    assert len(smtp.messages) == 1

    # GET of the link (a scanner) does not confirm; the button's POST does
    assert client.get(confirm.group(1)).status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.PENDING
    assert client.post(confirm.group(1)).status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE and sub.confirmed_at

    # a forged confirmation token is refused
    assert client.post("/newsletters/confirm/abc.def.ghi/").status_code == 400

    # the confirmation mail's one-click works too
    assert (
        Client(enforce_csrf_checks=True)
        .post(urlsplit(https).path, {"List-Unsubscribe": "One-Click"})
        .status_code
        == 200
    )
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED

    # a bad address is refused without sending
    assert (
        client.post(
            "/newsletters/subscribe/", {"newsletter": "syria", "email": "not an address"}
        ).status_code
        == 400
    )


def _recipients(n: int, desk: Desk) -> list[str]:
    emails = [f"reader{i:02d}@example.org" for i in range(n)]
    for e in emails:
        subscribe(desk.bulletin, e)
    return emails


def test_killed_after_server_accept_then_restarted_sends_exactly_once(
    desk: Desk, smtp: Handler, monkeypatch: Any
) -> None:
    """The worst moment: the server accepted message 3 but the worker died before
    recording it. On restart nobody gets a second copy, and everyone else gets theirs."""
    emails = _recipients(12, desk)
    freeze(bulletin_issue(desk))
    seen: list[int] = []

    def kill_after_third(delivery: Delivery) -> None:
        seen.append(delivery.pk)
        if len(seen) == 3:
            raise SimulatedKill()

    monkeypatch.setattr(sending, "after_accept", kill_after_third)
    with pytest.raises(SimulatedKill):
        send_pending(batch_size=5)
    assert len(smtp.messages) == 3
    states = Delivery.objects.values_list("status", flat=True)
    assert sorted(states).count("sent") == 2 and list(states).count("sending") == 1
    assert list(states).count("claimed") == 2 and list(states).count("pending") == 7

    # restart: a new worker, after the lease has run out
    monkeypatch.setattr(sending, "after_accept", None)
    released, interrupted = recover(now=timezone.now() + timedelta(hours=1))
    assert (released, interrupted) == (2, 1)
    stats = send_pending(batch_size=5)
    assert stats.sent == 9
    assert smtp.recipients() == {e: 1 for e in emails}  # exactly one each
    assert Delivery.objects.filter(status="interrupted").count() == 1
    # running again sends nothing more
    recover(now=timezone.now() + timedelta(hours=2))
    assert send_pending().sent == 0
    assert smtp.recipients() == {e: 1 for e in emails}


def test_killed_mid_data_is_resent_once(desk: Desk, smtp: Handler, monkeypatch: Any) -> None:
    """Killed while the message body was on the wire but before the final "." — the
    server discards it, and the restarted worker sends it (once)."""
    emails = _recipients(6, desk)
    freeze(bulletin_issue(desk))
    real_mark = sending._mark
    calls = {"n": 0}

    def mark(delivery: Delivery, status: str, **fields: Any) -> bool:
        if status == Delivery.Status.SENDING:
            calls["n"] += 1
            if calls["n"] == 4:
                raise SimulatedKill()
        return real_mark(delivery, status, **fields)

    monkeypatch.setattr(sending, "_mark", mark)
    with pytest.raises(SimulatedKill):
        send_pending(batch_size=10)
    monkeypatch.setattr(sending, "_mark", real_mark)
    time.sleep(0.2)  # let the server notice the dropped connection
    assert len(smtp.messages) == 3
    assert recover(now=timezone.now() + timedelta(hours=1)) == (3, 0)
    assert send_pending().sent == 3
    assert smtp.recipients() == {e: 1 for e in emails}


def test_hard_bounces_suppress_the_address(desk: Desk, smtp: Handler, settings: Any) -> None:
    settings.NASHRA_NEWSLETTER_SUPPRESS_AFTER = 2
    subscribe(desk.bulletin, "good@example.org")
    subscribe(desk.bulletin, "gone@example.org")
    smtp.hard.add("gone@example.org")

    for round_ in (1, 2):
        issue = bulletin_issue(desk)
        assert freeze(issue) == 2
        stats = send_pending()
        assert stats.sent == 1 and stats.failed == 1
        failed = Delivery.objects.get(issue=issue, email="gone@example.org")
        assert failed.status == "failed" and failed.error.startswith("550")
        assert Subscriber.objects.get(email="gone@example.org").hard_bounces == round_
        assert Suppression.objects.filter(email="gone@example.org").exists() == (round_ == 2)

    # suppressed: not even a delivery row in the next issue
    issue = bulletin_issue(desk)
    assert freeze(issue) == 1
    send_pending()
    assert smtp.recipients() == {"good@example.org": 3}


def test_temporary_failure_retries_with_backoff(desk: Desk, smtp: Handler) -> None:
    subscribe(desk.bulletin, "busy@example.org")
    smtp.soft["busy@example.org"] = 1
    freeze(bulletin_issue(desk))
    stats = send_pending()
    assert stats.retried == 1 and stats.sent == 0
    row = Delivery.objects.get()
    assert row.status == "pending" and row.attempts == 1 and row.error.startswith("451")
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert send_pending().sent == 0  # not due yet
    Delivery.objects.update(next_attempt_at=timezone.now())
    assert send_pending().sent == 1
    assert smtp.recipients() == {"busy@example.org": 1}
    assert Issue.objects.get().status == "done"


def test_gives_up_after_max_attempts(desk: Desk, smtp: Handler, settings: Any) -> None:
    settings.NASHRA_NEWSLETTER_MAX_ATTEMPTS = 2
    subscribe(desk.bulletin, "busy@example.org")
    smtp.soft["busy@example.org"] = 10
    freeze(bulletin_issue(desk))
    send_pending()
    Delivery.objects.update(next_attempt_at=timezone.now())
    send_pending()
    row = Delivery.objects.get()
    assert row.status == "failed" and "gave up after 2 attempts" in row.error
    assert not Suppression.objects.exists()  # temporary failures never suppress


def test_batches_and_rate_are_respected(desk: Desk, smtp: Handler) -> None:
    emails = _recipients(7, desk)
    freeze(bulletin_issue(desk))
    started = time.monotonic()
    stats = send_pending(batch_size=3, rate=20)
    elapsed = time.monotonic() - started
    assert stats.batch_sizes == [3, 3, 1]
    assert elapsed >= 6 / 20  # 7 messages at 20/s: at least 0.3 s
    assert smtp.recipients() == {e: 1 for e in emails}


def test_connection_refused_is_temporary(desk: Desk, smtp: Handler, settings: Any) -> None:
    from .conftest import free_port

    subscribe(desk.bulletin, "reader@example.org")
    freeze(bulletin_issue(desk))
    real = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there
    stats = send_pending()
    assert stats.retried == 1
    settings.EMAIL_PORT = real
    Delivery.objects.update(next_attempt_at=timezone.now())
    assert send_pending().sent == 1


def test_two_workers_never_claim_the_same_rows(desk: Desk) -> None:
    _recipients(10, desk)
    freeze(bulletin_issue(desk))
    first = sending.claim(6, worker="a")
    second = sending.claim(6, worker="b")
    assert len(first) == 6 and len(second) == 4
    assert not {d.pk for d in first} & {d.pk for d in second}
    assert sending.claim(6, worker="c") == []


def test_english_reader_gets_english(desk: Desk, smtp: Handler) -> None:
    subscribe(desk.bulletin, "en@example.org", language="en")
    freeze(bulletin_issue(desk))
    send_pending()
    (message,) = smtp.parsed()
    html = message.get_body(("html",)).get_content()
    assert message["Subject"].startswith("Syria bulletin — ")
    assert '<html lang="en" dir="ltr"' in html
    assert "Unsubscribe" in html
    # the Arabic articles keep lang/dir of their own
    assert 'lang="ar" dir="rtl"' in html
    https, _ = _list_unsubscribe(message)
    page = Client().get(urlsplit(https).path)
    assert b"Unsubscribe" in page.content


def test_dkim_signature_verifies(desk: Desk, smtp: Handler, settings: Any, tmp_path: Any) -> None:
    import base64
    import shutil
    import subprocess

    dkim = pytest.importorskip("dkim")
    if not shutil.which("openssl"):
        pytest.skip("openssl not available to make a test key")
    key = tmp_path / "dkim.pem"
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", str(key), "2048"],
        check=True,
        capture_output=True,
    )
    der = subprocess.run(
        ["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    settings.NASHRA_DKIM_KEY_FILE = str(key)
    settings.NASHRA_DKIM_SELECTOR = "s1"
    subscribe(desk.bulletin, "reader@example.org")
    freeze(bulletin_issue(desk))
    send_pending()
    raw = smtp.messages[0][1]
    assert b"DKIM-Signature:" in raw
    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)

    def dns(name: bytes, timeout: int = 5) -> bytes:
        assert name == b"s1._domainkey.nashra.example."
        return record

    assert dkim.verify(raw, dnsfunc=dns)
