"""Browser tests: Playwright driving Debian's Chromium headless against a live server.

Chromium is Debian's (/usr/bin/chromium, `apt-get install chromium`), never a browser
downloaded by Playwright. Without it these tests skip with the reason — except under
CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Newsroom

CHROMIUM = os.environ.get("NASHRA_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return ""


@pytest.fixture
def page(monkeypatch: Any) -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run under CI: {reason}")
        print(f"SKIPPED browser tests: {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the ORM work is done
    # before the browser starts, and the live server answers from its own thread.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield tab
        context.close()
        browser.close()
        # ORM work while Playwright's loop runs in this thread (a fixture set up after
        # this one) has its own connections (Django's are context-local): closed here, or
        # PostgreSQL still holds one when the test database is dropped
        from django.db import connections

        connections.close_all()
        csp = [e for e in errors if "Content Security Policy" in e]
        assert not csp, csp


RIGHT_ALIGNED = """(el) => {
  const style = getComputedStyle(el);
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const inner = box.right - parseFloat(style.paddingRight);
  return {align: style.textAlign, direction: style.direction,
          gapRight: Math.abs(inner - text.right), gapLeft: text.left - box.left};
}"""


def test_reader_journey(page: Any, live_server: Any, news: Newsroom) -> None:
    base = live_server.url
    page.goto(base + "/")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"

    # home → article
    page.click(f"main a.item-link[href='/articles/{news.visit.pk}/']")
    page.wait_for_url(f"**/articles/{news.visit.pk}/")
    headline = page.locator("h1.headline")
    assert headline.inner_text() == news.visit.title
    geometry = headline.evaluate(RIGHT_ALIGNED)
    assert geometry["direction"] == "rtl"
    assert geometry["align"] in ("start", "right"), geometry
    assert geometry["gapRight"] < 2, geometry  # the text hugs the right edge

    # article → entity page through a highlighted mention; its quotes are there
    page.click("article a.mention[href='/entities/erdogan/']")
    page.wait_for_url("**/entities/erdogan/")
    assert page.locator("h1").inner_text() == news.erdogan.name
    assert news.quote.text in page.locator("section.quotes").inner_text()

    # search with a variant spelling (no hamza) and find the article
    page.fill("#site-q", "اردوغان")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    hit = page.locator(f"ol.hits a[href='/articles/{news.visit.pk}/']")
    assert hit.count() == 1
    assert page.locator("ol.hits mark").count() >= 1
    hit.click()
    page.wait_for_url(f"**/articles/{news.visit.pk}/")

    # switch to English and back
    page.click("a.lang-switch")
    page.wait_for_url(f"**/en/articles/{news.visit.pk}/")
    assert page.get_attribute("html", "dir") == "ltr" and page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("article", "dir") == "rtl"  # Arabic content stays RTL
    page.click("a.lang-switch")
    page.wait_for_url(f"{base}/articles/{news.visit.pk}/")
    assert page.get_attribute("html", "dir") == "rtl"


def test_keyboard_shortcuts_and_theme(page: Any, live_server: Any, news: Newsroom) -> None:
    page.goto(live_server.url + "/")
    page.keyboard.press("j")
    assert page.locator("main .item.is-current").count() == 1
    first = page.locator("main .item").nth(0)
    assert "is-current" in (first.get_attribute("class") or "")
    page.keyboard.press("j")
    assert "is-current" in (page.locator("main .item").nth(1).get_attribute("class") or "")
    page.keyboard.press("k")
    page.keyboard.press("o")
    page.wait_for_url("**/stories/*/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") in ("site-q", "q")

    # shortcuts can be turned off, and stay off
    page.goto(live_server.url + "/")
    page.click("button.shortcuts-toggle")
    page.reload()
    page.keyboard.press("j")
    assert page.locator("main .item.is-current").count() == 0
    assert page.get_attribute("html", "data-shortcuts") == "off"

    # theme: auto → light → dark, remembered
    page.click("button.theme-toggle")
    page.click("button.theme-toggle")
    page.reload()
    assert page.get_attribute("html", "data-theme") == "dark"
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(20, 22, 26)"


def test_phone_layout_has_no_horizontal_scroll(page: Any, live_server: Any, news: Newsroom) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", f"/articles/{news.visit.pk}/", "/entities/erdogan/", "/search/?q=اردوغان"):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (path, overflow)
