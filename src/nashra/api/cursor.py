"""Opaque keyset cursors: stable pages over a changing table (new articles never shift a
reader's next page), in constant time however deep the reader goes.

A cursor is the base64url JSON of the last row's sort key; it is only ever produced by
the server, and a cursor that does not decode is a 400, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from django.db.models import F, Q, QuerySet
from ninja.errors import HttpError


def encode(value: dict[str, Any]) -> str:
    raw = json.dumps(value, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
        if not isinstance(value, dict) or not isinstance(value.get("i"), int):
            raise ValueError("bad cursor")
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise HttpError(400, "invalid cursor") from exc


def page_by_time(
    qs: QuerySet[Any], field: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """Newest first by ``field`` (nullable; undated rows last), then by id descending."""
    qs = qs.order_by(F(field).desc(nulls_last=True), "-id")
    if cursor:
        c = decode(cursor)
        at = c.get("t")
        if at is None:
            qs = qs.filter(**{f"{field}__isnull": True, "id__lt": c["i"]})
        else:
            try:
                when = datetime.fromisoformat(str(at))
            except ValueError as exc:
                raise HttpError(400, "invalid cursor") from exc
            qs = qs.filter(
                Q(**{f"{field}__lt": when})
                | Q(**{field: when, "id__lt": c["i"]})
                | Q(**{f"{field}__isnull": True})
            )
    rows = list(qs[: limit + 1])
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        stamp = getattr(last, field)
        nxt = encode({"t": stamp.isoformat() if stamp else None, "i": last.pk})
    return rows, nxt


def page_by_count(
    qs: QuerySet[Any], field: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """Largest ``field`` first (a non-null integer), then by id descending."""
    qs = qs.order_by(f"-{field}", "-id")
    if cursor:
        c = decode(cursor)
        n = c.get("n")
        if not isinstance(n, int):
            raise HttpError(400, "invalid cursor")
        qs = qs.filter(Q(**{f"{field}__lt": n}) | Q(**{field: n, "id__lt": c["i"]}))
    rows = list(qs[: limit + 1])
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode({"n": getattr(rows[-1], field), "i": rows[-1].pk})
    return rows, nxt


def page_by_id(qs: QuerySet[Any], cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    qs = qs.order_by("-id")
    if cursor:
        qs = qs.filter(id__lt=decode(cursor)["i"])
    rows = list(qs[: limit + 1])
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        nxt = encode({"i": rows[-1].pk})
    return rows, nxt
