from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from nashra.feeds.tasks import schedule_due

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run a background worker: a scheduler that enqueues polls of due feeds (claimed "
        "atomically, so several workers never double-poll) and django-tasks-db's worker "
        "that runs queued tasks. Ctrl-C stops it gracefully."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule-every", type=float, default=30.0, help="seconds between scheduling passes"
        )
        parser.add_argument("--no-schedule", action="store_true", help="only run queued tasks")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between queue checks when idle"
        )
        parser.add_argument(
            "--queues", default="*", help="queues to process (comma-separated; default all)"
        )
        parser.add_argument(
            "--batch", action="store_true", help="schedule once, run what is queued, exit"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        stop = threading.Event()

        def scheduler() -> None:
            while not stop.is_set():
                try:
                    n = schedule_due()
                    if n:
                        log.info("queued %d feed polls", n)
                except Exception:  # keep scheduling; the next pass may succeed
                    log.exception("scheduling feed polls failed")
                try:  # newsletters: due issues, stale claims, a send task (same as `nashra newsletters send-due`)
                    from nashra.newsletters.tasks import schedule_due as schedule_newsletters

                    schedule_newsletters()
                except Exception:
                    log.exception("scheduling newsletters failed")
                finally:
                    close_old_connections()
                stop.wait(opts["schedule_every"])

        if opts["batch"]:
            if not opts["no_schedule"]:
                schedule_due()
                from nashra.newsletters.tasks import schedule_due as schedule_newsletters

                schedule_newsletters()
        elif not opts["no_schedule"]:
            threading.Thread(target=scheduler, name="nashra-scheduler", daemon=True).start()
        self.stdout.write("nashra worker: polling due feeds and running queued tasks")
        self.stdout.flush()
        try:
            call_command(
                "db_worker",
                queue_name=opts["queues"],
                interval=opts["interval"],
                batch=opts["batch"],
                reload=False,
                verbosity=opts.get("verbosity", 1),
            )
        finally:
            stop.set()
