"""Option values shared by several commands."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.management.base import CommandError
from django.utils import timezone


def parse_since(value: str) -> datetime:
    """``--since YYYY-MM-DD`` (or a full ISO time) as an aware datetime; UTC when naive."""
    try:
        since = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--since: not a date: {value!r}") from exc
    return since.replace(tzinfo=UTC) if timezone.is_naive(since) else since
