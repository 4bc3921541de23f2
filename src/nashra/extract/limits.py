"""Size and time limits for everything read from outside."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    # One article's input (a page, a text file, a feed). Larger inputs are refused after
    # reading max+1 bytes, so memory stays bounded whatever is thrown at us.
    max_document_bytes: int = _env_int("NASHRA_MAX_DOCUMENT_BYTES", 10 * 1024 * 1024)
    # One member of a zip/gz or one dump file after decompression.
    max_member_bytes: int = _env_int("NASHRA_MAX_MEMBER_BYTES", 200 * 1024 * 1024)
    # A zip whose members expand more than this ratio is treated as a bomb.
    max_compression_ratio: int = 200
    max_archive_depth: int = 3
    fetch_timeout_s: float = 15.0
    fetch_max_redirects: int = 5
    fetch_allow_private: bool = os.environ.get("NASHRA_FETCH_ALLOW_PRIVATE", "") == "1"


DEFAULT_LIMITS = Limits()
