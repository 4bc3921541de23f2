"""Rendering: a composed message → subject, text/plain and HTML, and the email itself.

The HTML is built for mail clients: nested tables, inline CSS only, no external CSS,
fonts, images or scripts; ``dir`` and ``lang`` on ``<html>``, ``<body>`` and every
content block (each item carries its own article's language and direction); a hidden
preheader. Dates are in the reader's time zone, digits Arabic-Indic for Arabic readers.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from email.header import Header
from email.utils import make_msgid
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import get_template
from django.utils import timezone, translation

from nashra.newsletters.compose import Composed, Item, site_url
from nashra.site.middleware import reader_digits

FONT = "Tahoma,'Segoe UI','Noto Sans Arabic','Noto Naskh Arabic','Geeza Pro',Arial,sans-serif"


@dataclass
class Rendered:
    subject: str
    text: str
    html: str


def _direction(language: str) -> tuple[str, str]:
    return ("ltr", "left") if language.startswith("en") else ("rtl", "right")


def render_template(name: str, context: dict[str, Any], language: str, zone: str = "UTC") -> str:
    direction, start = _direction(language)
    token = reader_digits.set("latn" if language.startswith("en") else "arab")
    try:
        with translation.override(language), timezone.override(_zone(zone)):
            return get_template(name).render(
                {"dir": direction, "start": start, "font": FONT, **context}
            )
    finally:
        reader_digits.reset(token)


@lru_cache(maxsize=256)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def render(m: Composed, fragments: dict[Any, str] | None = None) -> Rendered:
    """The message's subject, text and HTML. Each item is rendered on its own
    (``item.html`` / ``item.txt``) and set into the message; pass ``fragments`` (a dict
    kept for a send run) to render an item once for every reader who gets it in the same
    language and time zone."""
    fragments = {} if fragments is None else fragments
    html_groups, text_groups = [], []
    for group in m.groups:
        html_groups.append(
            {"label": group.label, "parts": [_item(i, "html", m, fragments) for i in group.items]}
        )
        text_groups.append(
            {"label": group.label, "parts": [_item(i, "txt", m, fragments) for i in group.items]}
        )
    html = render_template(
        "newsletters/email/message.html", {"m": m, "groups": html_groups}, m.language, m.time_zone
    )
    text = render_template(
        "newsletters/email/message.txt", {"m": m, "groups": text_groups}, m.language, m.time_zone
    )
    return Rendered(subject=" ".join(m.subject.split()), text=text.strip() + "\n", html=html)


def _item(item: Item, kind: str, m: Composed, fragments: dict[Any, str]) -> str:
    # Keyed by everything the fragment shows (not by article id alone): the same article
    # can come with another title or summary in another issue.
    key = (
        kind,
        m.language,
        m.time_zone,
        item.article_id,
        item.title,
        item.source,
        item.summary,
        item.url,
        item.published_at,
        item.lang,
        item.dir,
        item.sources,
    )
    found = fragments.get(key)
    if found is None:
        found = render_template(
            f"newsletters/email/item.{kind}",
            {"item": item, "language": m.language},
            m.language,
            m.time_zone,
        )
        fragments[key] = found
    return found


def list_headers(unsubscribe_url: str, mailto: str, list_id: str = "") -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers: https first (the one-click target), then mailto."""
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>, <{mailto}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if list_id:
        headers["List-Id"] = list_id
    return headers


def message_domain() -> str:
    sender = str(getattr(settings, "DEFAULT_FROM_EMAIL", ""))
    if "@" in sender:
        return sender.rsplit("@", 1)[1].strip("> ") or "localhost"
    return "localhost"


class NewsletterEmail(EmailMultiAlternatives):
    """An email that is DKIM-signed (dkimpy) when NASHRA_DKIM_KEY_FILE is set."""

    def message(self, *args: Any, **kwargs: Any) -> Any:
        msg = super().message(*args, **kwargs)
        key = dkim_key()
        if key is not None:
            import dkim

            selector, domain, private = key
            raw = msg.as_bytes(linesep="\r\n")
            signature = dkim.sign(
                raw,
                selector.encode(),
                domain.encode(),
                private,
                canonicalize=(b"relaxed", b"relaxed"),
                include_headers=[
                    b"from",
                    b"to",
                    b"subject",
                    b"date",
                    b"message-id",
                    b"list-unsubscribe",
                    b"list-unsubscribe-post",
                    b"mime-version",
                    b"content-type",
                ],
            )
            name, _, value = signature.decode().partition(":")
            msg[name] = " ".join(value.split())
        return msg


@lru_cache(maxsize=4)
def _read_key(path: str) -> bytes:
    return Path(path).read_bytes()


def dkim_key() -> tuple[str, str, bytes] | None:
    path = str(getattr(settings, "NASHRA_DKIM_KEY_FILE", "") or "")
    if not path:
        return None
    selector = str(getattr(settings, "NASHRA_DKIM_SELECTOR", "nashra"))
    domain = str(getattr(settings, "NASHRA_DKIM_DOMAIN", "") or message_domain())
    return selector, domain, _read_key(path)


def build_email(
    rendered: Rendered,
    to: str,
    headers: dict[str, str],
    *,
    connection: Any = None,
    sender: str | None = None,
) -> NewsletterEmail:
    email = NewsletterEmail(
        subject=encode_subject(rendered.subject),
        body=rendered.text,
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "Message-ID": make_msgid(domain=message_domain()),
            "Precedence": "bulk",
            "Auto-Submitted": "auto-generated",
            **headers,
        },
        connection=connection,
    )
    email.encoding = "utf-8"
    email.attach_alternative(rendered.html, "text/html")
    return email


def encode_subject(subject: str) -> str:
    """RFC 2047 encoded words, folded after the header name (the stock folding puts a
    line break right after "Subject:", which some clients show as a leading space)."""
    if subject.isascii():
        return subject
    return Header(subject, "utf-8", header_name="Subject").encode(linesep=" ")


def list_id(slug: str) -> str:
    host = site_url().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"
    ascii_slug = slug.encode("ascii", "ignore").decode() or "newsletter"
    return f"<{ascii_slug}.newsletters.{host}>"
