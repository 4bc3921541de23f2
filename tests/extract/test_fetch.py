"""URL fetching against a real HTTP server on loopback."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.fetch import fetch
from nashra.extract.inputs import read_url
from nashra.extract.limits import Limits

PAGE = """<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح جسر جديد | صحيفة الوادي</title>
<meta name="author" content="سلمى يوسف"><meta property="article:published_time" content="2026-11-20T09:30:00+03:00"></head>
<body><nav>الرئيسية | سياسة | اقتصاد</nav><article><h1>افتتاح جسر جديد</h1>
<p>افتتحت بلدية المدينة صباح اليوم جسراً جديداً يربط ضفتي النهر، بعد أعمال استمرت ثلاث سنوات وشارك فيها مئات العمال.</p>
<p>وقال رئيس البلدية في كلمة خلال الافتتاح إن الجسر سيختصر زمن التنقل بين الحيين إلى عشر دقائق بدلاً من ساعة كاملة.</p>
<p>وأضاف أن المرحلة الثانية من المشروع ستشمل ممرات للدراجات الهوائية ومساحات خضراء على الضفتين.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        # the client gives up on /slow and /big, as the tests want it to
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer()

    def _answer(self) -> None:
        if self.path == "/article":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop2")
            self.end_headers()
        elif self.path == "/loop2":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/chain":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOOPBACK_OK = Limits(fetch_allow_private=True, fetch_timeout_s=1.0, max_document_bytes=500_000)


def test_private_addresses_are_refused_by_default(server: str) -> None:
    with pytest.raises(ExtractError, match="private"):
        fetch(server + "/article", limits=Limits(fetch_allow_private=False))


@pytest.mark.parametrize(
    "url", ["http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/"]
)
def test_private_literals_refused(url: str) -> None:
    with pytest.raises(ExtractError, match="private"):
        fetch(url, limits=Limits(fetch_allow_private=False))


def test_fetch_article_and_follow_redirect(server: str) -> None:
    fetched = fetch(server + "/chain", limits=LOOPBACK_OK)
    assert fetched.status == 200 and fetched.url.endswith("/article") and fetched.etag == '"v1"'
    [doc] = list(read_url(server + "/article", mapping={}, limits=LOOPBACK_OK))
    assert isinstance(doc, Document)
    assert doc.title == "افتتاح جسر جديد"
    assert doc.author == "سلمى يوسف"
    assert len(doc.body) == 3
    assert (
        doc.published_at is not None and doc.published_at.isoformat() == "2026-11-20T09:30:00+03:00"
    )


def test_conditional_get(server: str) -> None:
    assert fetch(server + "/article", limits=LOOPBACK_OK, etag='"v1"').status in (200, 304)


def test_redirect_loop(server: str) -> None:
    [item] = list(read_url(server + "/loop", mapping={}, limits=LOOPBACK_OK))
    assert isinstance(item, Rejection) and "redirect loop" in item.reason


def test_timeout(server: str) -> None:
    started = time.monotonic()
    [item] = list(read_url(server + "/slow", mapping={}, limits=LOOPBACK_OK))
    assert isinstance(item, Rejection) and "timed out" in item.reason
    assert time.monotonic() - started < 2.5


def test_size_cap(server: str) -> None:
    [item] = list(read_url(server + "/big", mapping={}, limits=LOOPBACK_OK))
    assert isinstance(item, Rejection) and "larger than" in item.reason


def test_http_error(server: str) -> None:
    [item] = list(read_url(server + "/missing", mapping={}, limits=LOOPBACK_OK))
    assert isinstance(item, Rejection) and "HTTP 404" in item.reason
