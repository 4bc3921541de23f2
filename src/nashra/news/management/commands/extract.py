from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nashra.extract.document import Document, Rejection
from nashra.extract.dumps import parse_mapping
from nashra.extract.inputs import FORMATS, read_targets


class Command(BaseCommand):
    help = "Extract articles from files or URLs without storing anything (one JSON object per document)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--format", default="auto", choices=FORMATS)
        parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN")
        parser.add_argument(
            "--json", action="store_true", help="JSON Lines output (the default is readable text)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            mapping = parse_mapping(opts["map"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        documents = 0
        for item in read_targets(opts["targets"], fmt=opts["format"], mapping=mapping):
            if isinstance(item, Rejection):
                sys.stderr.write(f"rejected {item.origin}: {item.reason}\n")
                continue
            documents += 1
            if opts["json"]:
                data = document_json(item)
                sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                self._print(item)
        if not documents:
            raise CommandError("no document could be read")

    def _print(self, doc: Document) -> None:
        out = self.stdout
        out.write(f"# {doc.title}\n")
        if doc.subtitle:
            out.write(f"## {doc.subtitle}\n")
        meta = " · ".join(
            x
            for x in (
                doc.source,
                doc.author,
                doc.published_at.isoformat() if doc.published_at else "",
                doc.url,
            )
            if x
        )
        if meta:
            out.write(meta + "\n")
        out.write("\n" + "\n\n".join(doc.body) + "\n")
        if doc.boilerplate:
            out.write("\n[boilerplate] " + " | ".join(doc.boilerplate) + "\n")
        out.write("\n")


def document_json(doc: Document) -> dict[str, Any]:
    """The same keys as ``nashra show --json``."""
    return {
        "id": None,
        "origin": doc.origin,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "author": doc.author,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "language": doc.language,
        "body": doc.body,
        "boilerplate": doc.boilerplate,
        "duplicate_of": None,
        "format": doc.format,
        "encoding": doc.encoding,
        "needs_fetch": doc.needs_fetch,
    }
