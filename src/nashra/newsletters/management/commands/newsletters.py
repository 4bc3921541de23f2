from __future__ import annotations

import json
import sys
from email import message_from_binary_file
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Newsletters. send-due: make due issues (bulletins, readers' digests, breaking-news "
        "rules), recover stale claims and send (what the worker does; for cron). preview "
        "NEWSLETTER --reader EMAIL [--out FILE]: render the message one reader would get. "
        "unsubscribe-mail: read a message on stdin sent to unsubscribe+TOKEN@… (pipe from the MTA)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        due = sub.add_parser("send-due", help="schedule and send what is due")
        due.add_argument(
            "--no-send", action="store_true", help="only make issues and freeze recipients"
        )
        due.add_argument("--batch-size", type=int, default=None)
        due.add_argument(
            "--rate", type=float, default=None, help="messages per second (0: unlimited)"
        )
        due.add_argument("--json", action="store_true")
        pre = sub.add_parser("preview", help="render one reader's message")
        pre.add_argument("newsletter", help="newsletter slug")
        pre.add_argument("--reader", required=True, help="the reader's email address")
        pre.add_argument(
            "--issue",
            type=int,
            default=None,
            help="an issue id (default: latest, or a draft of the next)",
        )
        pre.add_argument("--language", choices=["ar", "en"], default=None)
        pre.add_argument(
            "--out",
            default="",
            help="file (.eml whole message, .html, .txt); default: stdout (.eml)",
        )
        sub.add_parser(
            "unsubscribe-mail", help="unsubscribe from a mail on stdin (mailto: List-Unsubscribe)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        action = opts["action"]
        if action == "send-due":
            self.send_due(opts)
        elif action == "preview":
            self.preview(opts)
        else:
            self.unsubscribe_mail()

    def send_due(self, opts: dict[str, Any]) -> None:
        from nashra.newsletters.schedule import schedule
        from nashra.newsletters.send import send_pending

        scheduled = schedule()
        stats = None
        if not opts["no_send"]:
            stats = send_pending(batch_size=opts["batch_size"], rate=opts["rate"])
        if opts["json"]:
            self.stdout.write(
                json.dumps({"scheduled": scheduled, "sent": stats.as_json() if stats else None})
            )
            return
        self.stdout.write(
            f"issues: {len(scheduled['bulletins'])} bulletins, {len(scheduled['digests'])} digest slots, "
            f"{len(scheduled['breaking'])} breaking; recovered {scheduled['released']} claims, "
            f"{scheduled['interrupted']} interrupted"
        )
        if stats:
            self.stdout.write(
                f"sent {stats.sent}, failed {stats.failed}, retrying {stats.retried}, skipped {stats.skipped}, "
                f"interrupted {stats.interrupted} ({stats.batches} batches)"
            )

    def preview(self, opts: dict[str, Any]) -> None:
        from nashra.newsletters.models import Issue, Newsletter
        from nashra.newsletters.preview import draft_issue, preview
        from nashra.newsletters.schedule import ensure_defaults

        ensure_defaults()
        newsletter = Newsletter.objects.filter(slug=opts["newsletter"]).first()
        if newsletter is None:
            slugs = ", ".join(Newsletter.objects.values_list("slug", flat=True))
            raise CommandError(f"no newsletter {opts['newsletter']!r} (have: {slugs})")
        if opts["issue"]:
            issue = Issue.objects.filter(pk=opts["issue"], newsletter=newsletter).first()
            if issue is None:
                raise CommandError(f"no issue {opts['issue']} of {newsletter.slug}")
        else:
            issue = draft_issue(newsletter)
        rendered, email = preview(issue, opts["reader"], language=opts["language"])
        out = opts["out"]
        if out.endswith(".html"):
            data = rendered.html.encode()
        elif out.endswith(".txt"):
            data = rendered.text.encode()
        else:
            data = email.message().as_bytes(linesep="\n")
        if out:
            Path(out).write_bytes(data)
            self.stdout.write(f"wrote {out} ({len(data)} bytes): {rendered.subject}")
        else:
            sys.stdout.buffer.write(data)

    def unsubscribe_mail(self) -> None:
        import re

        from django.core import signing

        from nashra.newsletters import subscriptions, tokens

        message = message_from_binary_file(sys.stdin.buffer)
        addresses = " ".join(
            str(message.get(h, "")) for h in ("To", "Delivered-To", "X-Original-To", "Envelope-To")
        )
        for token in re.findall(r"unsubscribe\+([A-Za-z0-9_\-.]+)@", addresses):
            try:
                subscriber_id, newsletter_id = tokens.read_unsubscribe_token(token)
            except signing.BadSignature:
                continue
            subscriptions.unsubscribe(subscriber_id, newsletter_id, "mailto")
            self.stdout.write("unsubscribed")
            return
        raise CommandError("no valid unsubscribe address in the message")
