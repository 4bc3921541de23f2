"""Raw text pages (a scrape like the seed page) → Document."""

from __future__ import annotations

from nashra.extract.document import Document, ExtractError
from nashra.extract.structure import structure_lines


def read_text(text: str, *, origin: str, original: bytes, encoding: str) -> Document:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        raise ExtractError("no text")
    structure = structure_lines(lines)
    if not structure.body:
        raise ExtractError("no article body found in text")
    return Document(
        origin=origin,
        format="text",
        original=original,
        encoding=encoding,
        title=structure.title,
        subtitle=structure.subtitle,
        body=structure.body,
        boilerplate=structure.boilerplate,
    )
