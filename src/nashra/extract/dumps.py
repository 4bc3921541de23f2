"""JSONL, JSON arrays and CSV dumps → Documents, with recognisable field names.

The SaudiNewsNet layout (source, url, date_extracted, title, author, content) and the
usual names of other dumps are recognised; ``--map field=column`` covers the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from nashra.extract.dates import parse_datetime
from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.structure import structure_lines

# Our field → the column names that mean it, in order of preference.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "العنوان"),
    "subtitle": ("subtitle", "subheadline", "standfirst", "kicker", "description", "lead"),
    "author": ("author", "authors", "byline", "writer", "creator", "الكاتب"),
    "published_at": (
        "published_at",
        "published",
        "date_published",
        "datepublished",
        "pubdate",
        "publish_date",
        "date",
        "datetime",
        "time",
        "created_at",
        "date_extracted",
    ),
    "url": ("url", "link", "permalink", "canonical", "uri"),
    "body": (
        "body",
        "content",
        "text",
        "article",
        "articlebody",
        "article_body",
        "content_text",
        "maintext",
        "النص",
    ),
    "source": ("source", "site", "sitename", "site_name", "publisher", "outlet", "domain"),
    "language": ("language", "lang"),
}

csv.field_size_limit(64 * 1024 * 1024)


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """``["title=headline", ...]`` → ``{"title": "headline"}``; raises ValueError if malformed."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field = field.strip()
        if not sep or field not in FIELD_NAMES or not column.strip():
            raise ValueError(
                f"bad --map {pair!r}: expected FIELD=COLUMN with FIELD one of {', '.join(FIELD_NAMES)}"
            )
        mapping[field] = column.strip()
    return mapping


def _fields(row: Mapping[str, Any], mapping: Mapping[str, str]) -> dict[str, Any]:
    """Each of our fields → the record's value for it (None when absent)."""
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    picked: dict[str, Any] = {}
    for field, names in FIELD_NAMES.items():
        if field in mapping:
            picked[field] = row.get(mapping[field])
            continue
        picked[field] = next((lowered[n] for n in names if lowered.get(n) not in (None, "")), None)
    return picked


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return str(value).strip()


def row_document(
    row: Mapping[str, Any], *, origin: str, fmt: str, mapping: Mapping[str, str]
) -> Document:
    if not isinstance(row, Mapping):
        raise ExtractError("record is not an object")
    fields = _fields(row, mapping)
    body_value = fields["body"]
    if isinstance(body_value, list):
        lines = [_as_text(p) for p in body_value]
    else:
        lines = _as_text(body_value).split("\n")
    lines = [" ".join(line.split()) for line in lines if line.strip()]
    title = " ".join(_as_text(fields["title"]).split())
    url = _as_text(fields["url"])
    if not lines and not url:
        raise ExtractError(
            "record has no body text and no URL" + (f" (title {title[:40]!r})" if title else "")
        )
    structure = structure_lines(lines, title_hint=title) if lines else None
    if structure is not None and structure.body:
        body, boilerplate = structure.body, structure.boilerplate
    else:
        # Nothing but prompt-like lines, or no text at all (a photo story, a teaser, a
        # bare link): keep what there is and remember the link for a full fetch.
        body, boilerplate = lines, []
    date_raw = _as_text(fields["published_at"])
    original = json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
    return Document(
        origin=origin,
        format=fmt,
        original=original,
        title=title or (structure.title if structure else ""),
        subtitle=_as_text(fields["subtitle"]) or (structure.subtitle if structure else ""),
        author=_as_text(fields["author"]),
        published_at=parse_datetime(date_raw),
        url=url,
        source=_as_text(fields["source"]),
        language=_as_text(fields["language"]).lower()[:8],
        body=body,
        boilerplate=boilerplate,
        needs_fetch=not body and bool(url),
    )


def read_jsonl(
    stream: TextIO, *, origin: str, mapping: Mapping[str, str]
) -> Iterator[Document | Rejection]:
    """Streams: one line in memory at a time."""

    def records() -> Iterator[tuple[str, Any]]:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield f"{origin}#line-{number}", json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"{origin}#line-{number}", _Bad(f"invalid JSON: {exc.msg}")

    yield from _with_bad(records(), "json", mapping)


def read_json_records(
    data: Any, *, origin: str, mapping: Mapping[str, str]
) -> Iterator[Document | Rejection]:
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results", "records"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise ExtractError("JSON is neither an array nor an object of articles")
    yield from _with_bad(
        ((f"{origin}#{i + 1}", row) for i, row in enumerate(data)), "json", mapping
    )


def read_csv(
    stream: TextIO, *, origin: str, mapping: Mapping[str, str]
) -> Iterator[Document | Rejection]:
    try:
        reader = csv.DictReader(stream)
        if not reader.fieldnames:
            raise ExtractError("CSV has no header row")
    except csv.Error as exc:
        raise ExtractError(f"CSV error: {exc}") from exc

    def records() -> Iterator[tuple[str, Any]]:
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield f"{origin}#row-{number}", _Bad(f"CSV error: {exc}")
                continue
            number += 1
            yield f"{origin}#row-{number}", row

    yield from _with_bad(records(), "csv", mapping)


class _Bad:
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _with_bad(
    records: Iterable[tuple[str, Any]], fmt: str, mapping: Mapping[str, str]
) -> Iterator[Document | Rejection]:
    for origin, row in records:
        if isinstance(row, _Bad):
            yield Rejection(origin, row.reason)
            continue
        try:
            yield row_document(row, origin=origin, fmt=fmt, mapping=mapping)
        except ExtractError as exc:
            yield Rejection(origin, str(exc))


def text_stream(data: bytes, encoding: str) -> TextIO:
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="strict", newline="")
