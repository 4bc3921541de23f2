"""A rendered newsletter looks right on a phone: headless Debian Chromium (Playwright)
at 375 px wide — right to left, no horizontal scrolling — with a screenshot saved under
test-artifacts/newsletters/ for people to look at. Skips without Chromium except under
CI=true, like the web browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nashra.newsletters.compose import compose
from nashra.newsletters.render import render
from tests.web.test_browser import ARGS, CHROMIUM, _unavailable

from .conftest import Desk, bulletin_issue, subscribe

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "newsletters"

pytestmark = pytest.mark.django_db

LAYOUT = """() => {
  const doc = document.documentElement;
  const item = document.querySelector('td[lang]');
  return {dir: doc.getAttribute('dir'), lang: doc.getAttribute('lang'), computed: getComputedStyle(document.body).direction,
          scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, bodyScroll: document.body.scrollWidth,
          itemAlign: item ? getComputedStyle(item).textAlign : ''};
}"""


@pytest.fixture
def phone(monkeypatch: Any) -> Any:
    """Opens a 375 px wide page. Call it after the ORM work: Playwright's sync API runs
    an event loop in this thread, and Django would open a second database connection."""
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        pytest.skip(reason)

    @contextmanager
    def open_page() -> Iterator[Any]:
        monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            context = browser.new_context(
                viewport={"width": 375, "height": 812}, device_scale_factor=2
            )
            try:
                yield context.new_page()
            finally:
                context.close()
                browser.close()

    return open_page


def _check(page: Any, html: str, name: str, *, direction: str = "rtl") -> dict[str, Any]:
    page.set_content(html, wait_until="load")
    layout = page.evaluate(LAYOUT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert layout["dir"] == direction and layout["computed"] == direction
    assert layout["scrollWidth"] <= 375 and layout["bodyScroll"] <= 375, (
        layout
    )  # no horizontal scroll
    assert (ARTIFACTS / name).stat().st_size > 10_000
    return layout


def test_bulletin_on_a_phone(desk: Desk, phone: Any) -> None:
    sub = subscribe(desk.bulletin, "reader@example.org")
    issue = bulletin_issue(desk)
    html = render(compose(issue, sub.subscriber)).html
    with phone() as page:
        layout = _check(page, html, "bulletin-ar-375.png")
        sizes = page.eval_on_selector_all(
            "td[lang] > a",
            "els => els.map(e => [parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().right])",
        )
    assert layout["lang"] == "ar" and layout["itemAlign"] in ("right", "start")
    # headlines are readable: at least 16 px, and inside the screen
    assert sizes and all(size >= 16 and right <= 375 for size, right in sizes)


def test_english_bulletin_on_a_phone(desk: Desk, phone: Any) -> None:
    sub = subscribe(desk.bulletin, "en@example.org", language="en")
    html = render(compose(bulletin_issue(desk), sub.subscriber)).html
    with phone() as page:
        _check(page, html, "bulletin-en-375.png", direction="ltr")


def test_digest_on_a_phone(desk: Desk, phone: Any) -> None:
    pytest.importorskip(
        "nashra.readers.feed", reason="nashra.readers (issue 6) is not installed yet"
    )
    from django.apps import apps

    if not apps.is_installed("nashra.readers"):
        pytest.skip("nashra.readers is not installed yet")
    from nashra.newsletters.models import Issue, Newsletter, Subscriber
    from nashra.newsletters.schedule import ensure_defaults

    from .test_digest import make_reader

    ensure_defaults()
    make_reader("amal@example.org")
    subscriber = Subscriber.objects.get(email="amal@example.org")
    digest = Issue(
        newsletter=Newsletter.objects.get(slug="digest"), slot=datetime(2024, 3, 10, 5, tzinfo=UTC)
    )
    composed = compose(digest, subscriber, since=datetime(2024, 3, 9, 5, tzinfo=UTC))
    assert composed.items and len(composed.groups) >= 1
    html = render(composed).html
    with phone() as page:
        _check(page, html, "digest-ar-375.png")
