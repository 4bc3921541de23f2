"""The types that leave the extract stage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class Document:
    """One article as extracted from an input, before analysis.

    ``original`` is the exact input this document came from (the file's bytes, the feed
    item's or dump row's serialised form), kept so analysis can be re-run over it.
    """

    origin: str  # where it came from: a path, URL, or "archive.zip!member", "dump.jsonl#12"
    format: str  # text | html | feed | json | csv | warc
    original: bytes
    encoding: str = "utf-8"
    title: str = ""
    subtitle: str = ""
    author: str = ""
    published_at: datetime | None = None
    url: str = ""
    source: str = ""  # a source name the input itself gives (site name, dump field, domain)
    language: str = ""
    body: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    needs_fetch: bool = False  # a feed item that carried only a summary
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Body paragraphs joined by a blank line; analysis offsets point into this."""
        return "\n\n".join(self.body)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("original")
        data.pop("extra")
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data


@dataclass
class Rejection:
    """An input (or one item of it) that could not become a Document, and why."""

    origin: str
    reason: str


class ExtractError(Exception):
    """Raised inside a reader for one input; turned into a Rejection by the caller."""
