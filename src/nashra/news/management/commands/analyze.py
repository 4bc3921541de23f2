from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nashra.analyze.pipeline import analyze_document
from nashra.extract.dates import parse_datetime
from nashra.extract.document import Rejection
from nashra.extract.inputs import FORMATS, read_targets
from nashra.news.management.commands.extract import document_json


class Command(BaseCommand):
    help = "Extract and analyse files or URLs without storing anything (JSON Lines)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--format", default="auto", choices=FORMATS)
        parser.add_argument(
            "--json", action="store_true", help="one JSON object per line (default: indented JSON)"
        )
        parser.add_argument(
            "--published",
            metavar="DATE",
            help="publication date of inputs that carry none (a scraped text file), so that "
            "أمس and weekday names resolve: 2019-09-18 or an ISO date and time",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        published = parse_datetime(opts["published"])
        if opts["published"] and published is None:
            raise CommandError(f"--published {opts['published']!r}: not a date (2019-09-18)")
        count = 0
        for item in read_targets(opts["targets"], fmt=opts["format"]):
            if isinstance(item, Rejection):
                sys.stderr.write(f"rejected {item.origin}: {item.reason}\n")
                continue
            count += 1
            if item.published_at is None and published is not None:
                item = dataclasses.replace(item, published_at=published)
            analysis = analyze_document(item).to_json()
            data = {
                **document_json(item),
                "text": item.text,  # every offset below indexes this string
                "entities": analysis["entities"],
                "canonical_entities": analysis["canonical_entities"],
                "quotes": analysis["quotes"],
                "dates": analysis["dates"],
                "keywords": analysis["keywords"],
                "summary": analysis["summary"],
                "language": analysis["language"] or item.language,
                "reading_time_min": analysis["reading_time_min"],
                "analysis_version": analysis["version"],
                "story": None,  # stories exist only among stored articles (nashra ingest)
            }
            indent = None if opts["json"] else 2
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent))
        if not count:
            raise CommandError("no document could be read")
