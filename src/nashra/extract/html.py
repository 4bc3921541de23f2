"""Article HTML → Document: main content with trafilatura, metadata from the page."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from nashra.extract.dates import parse_datetime
from nashra.extract.document import Document, ExtractError
from nashra.extract.structure import structure_lines

_PARA_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td"}


def _meta(tree: Any, *keys: str) -> str:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return str(found[0]).strip()
    return ""


def _json_ld(tree: Any) -> dict[str, Any]:
    """The first NewsArticle-like object in the page's JSON-LD, if any."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                return item
    return {}


def _ld_author(ld: dict[str, Any]) -> str:
    author = ld.get("author")
    if isinstance(author, list):
        author = author[0] if author else ""
    if isinstance(author, dict):
        author = author.get("name", "")
    return str(author or "").strip()


_SUBTITLE_CLASS = re.compile(
    r"sub-?title|subhead|standfirst|kicker|\bdek\b|\blead\b|excerpt|summary|strap", re.I
)


def _dom_subtitle(tree: Any) -> str:
    """The standfirst printed under the page's <h1>, if the markup shows one."""
    for h1 in tree.xpath("//h1")[:2]:
        sibling = h1.getnext()
        for _ in range(3):
            if sibling is None:
                break
            tag = sibling.tag if isinstance(sibling.tag, str) else ""
            text = " ".join(sibling.text_content().split())
            if text and (
                tag == "h2"
                or (tag in ("p", "div") and _SUBTITLE_CLASS.search(sibling.get("class", "")))
            ):
                return text
            sibling = sibling.getnext()
    for el in tree.xpath("//*[contains(@class,'subtitle') or contains(@class,'standfirst')]")[:1]:
        text = " ".join(el.text_content().split())
        if 0 < len(text) < 400:
            return text
    return ""


def page_metadata(tree: Any) -> dict[str, Any]:
    ld = _json_ld(tree)
    title = _meta(tree, "og:title", "twitter:title") or str(ld.get("headline") or "")
    if not title:
        titles = tree.xpath("//title/text()")
        title = titles[0].strip() if titles else ""
    published = (
        _meta(tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date")
        or str(ld.get("datePublished") or "")
        or next(iter(tree.xpath("//time/@datetime")), "")
    )
    canonical = next(iter(tree.xpath('//link[@rel="canonical"]/@href')), "") or _meta(
        tree, "og:url"
    )
    html_el = tree.xpath("/html")
    lang = html_el[0].get("lang", "") if html_el else ""
    return {
        "title": title,
        "description": _meta(tree, "og:description", "description", "twitter:description")
        or str(ld.get("description") or ""),
        "author": _meta(tree, "author", "article:author", "byl") or _ld_author(ld),
        "published": published,
        "canonical": str(canonical).strip(),
        "lang": str(lang).split("-")[0].lower(),
        "site": _meta(tree, "og:site_name", "application-name"),
        "standfirst": _dom_subtitle(tree),
    }


def fragment_paragraphs(html: str) -> list[str]:
    """Paragraph texts of an HTML fragment (a feed item's content), markup dropped."""
    if "<" not in html:
        return [line.strip() for line in html.splitlines() if line.strip()]
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [re.sub(r"<[^>]+>", " ", html).strip()]
    for bad in root.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    paragraphs: list[str] = []
    blocks = [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _PARA_TAGS]
    if not blocks:
        blocks = [root]
    for el in blocks:
        if any(isinstance(a.tag, str) and a.tag in _PARA_TAGS for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            paragraphs.append(text)
    return paragraphs


def read_html(text: str, *, origin: str, original: bytes, encoding: str, url: str = "") -> Document:
    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"HTML does not parse: {exc}") from exc
    meta = page_metadata(tree)
    extracted = trafilatura.bare_extraction(
        text,
        url=url or meta["canonical"] or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    body_text = getattr(extracted, "text", "") if extracted is not None else ""
    lines = [line.strip() for line in (body_text or "").splitlines() if line.strip()]
    if not lines:
        raise ExtractError("no article text found in HTML")
    structure = structure_lines(
        lines,
        title_hint=meta["title"] or (getattr(extracted, "title", "") or ""),
        subtitle_hint=meta["standfirst"] or meta["description"],
    )
    if not structure.body:
        raise ExtractError("no article text found in HTML")
    published: datetime | None = parse_datetime(meta["published"]) or parse_datetime(
        getattr(extracted, "date", "") or ""
    )
    return Document(
        origin=origin,
        format="html",
        original=original,
        encoding=encoding,
        title=structure.title or _strip_site_suffix(meta["title"]),
        subtitle=structure.subtitle,
        author=meta["author"] or (getattr(extracted, "author", "") or ""),
        published_at=published,
        url=meta["canonical"] or url,
        source=meta["site"] or (getattr(extracted, "sitename", "") or ""),
        language=meta["lang"] or (getattr(extracted, "language", "") or ""),
        body=structure.body,
        boilerplate=structure.boilerplate,
    )


def _strip_site_suffix(title: str) -> str:
    parts = re.split(r"\s+[|\-–—]\s+", title)
    return max(parts, key=len).strip() if len(parts) > 1 else title.strip()
