"""Publication dates as inputs give them (ISO 8601, RFC 822, dump formats)."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y")


def parse_datetime(value: str | None) -> datetime | None:
    """Parse a date as found in metadata; naive values are taken as UTC. None if unknown."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    dt: datetime | None = None
    with contextlib.suppress(ValueError):
        dt = datetime.fromisoformat(re.sub(r"Z$", "+00:00", value))
    if dt is None:
        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            dt = None
    if dt is None:
        for fmt in _FORMATS:
            try:
                dt = datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    if not 1900 < dt.year < 2200:
        return None
    return dt
