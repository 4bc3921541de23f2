"""Benchmark: compose, render and send N newsletters to a local SMTP server.

    .venv/bin/python bench/newsletters.py [--n 10000] [--kind digest|bulletin] [--out bench/results/newsletters.json]

Personal digests when nashra.readers is installed (each reader's own feed: 2 followed
entities of 12, 10 % reading in English), else topic bulletins (say which: the JSON has
"kind"). A fresh SQLite database in a temporary NASHRA_HOME; the SMTP server (aiosmtpd,
counting what it accepts) runs in a separate process, so the sender — one process, one
thread — is what is measured: messages/s over the whole send (claim, compose, render,
SMTP, record), CPU seconds and peak RSS of the sender.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER = r"""
import sys, time, threading
from aiosmtpd.controller import Controller
count = 0
lock = threading.Lock()
class H:
    async def handle_DATA(self, server, session, envelope):
        global count
        with lock:
            count += 1
        return "250 OK"
c = Controller(H(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
print("ready", flush=True)
sys.stdin.readline()
print(count, flush=True)
c.stop()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--kind", choices=["digest", "bulletin", "auto"], default="auto")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "newsletters.json"))
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="nashra-bench-newsletters-")
    os.environ["NASHRA_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "nashra.site.settings"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout and server.stdout.readline().strip() == "ready"

    import django

    django.setup()
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 30
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.NASHRA_SITE_URL = "https://nashra.example"
    settings.DEFAULT_FROM_EMAIL = "نشرة <newsletters@nashra.example>"
    call_command("migrate", verbosity=0)

    kind = args.kind
    if kind == "auto":
        kind = "digest" if apps.is_installed("nashra.readers") else "bulletin"
    t0 = time.perf_counter()
    setup_n = make_data(args.n, kind)
    setup_s = time.perf_counter() - t0

    from django.utils import timezone

    from nashra.newsletters.models import Delivery
    from nashra.newsletters.schedule import schedule
    from nashra.newsletters.send import send_pending

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    load_start = [round(x, 2) for x in os.getloadavg()]
    t0 = time.perf_counter()
    scheduled = schedule(timezone.now())
    freeze_s = time.perf_counter() - t0
    frozen = Delivery.objects.count()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    stats = send_pending(batch_size=args.batch_size, rate=0)
    send_s = time.perf_counter() - t0
    cpu_s = time.process_time() - cpu0
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    assert server.stdin
    server.stdin.write("\n")
    server.stdin.flush()
    received = int(server.stdout.readline().strip())
    server.wait(timeout=30)

    result = {
        "benchmark": "newsletters: compose + render + send over SMTP (aiosmtpd on loopback, separate process)",
        "kind": kind,
        "kind_note": "personal digests from nashra.readers.personal_feed"
        if kind == "digest"
        else "topic bulletins (nashra.readers not installed)",
        "recipients": args.n,
        "frozen_deliveries": frozen,
        "sent": stats.sent,
        "skipped": stats.skipped,
        "failed": stats.failed,
        "received_by_server": received,
        "batch_size": args.batch_size,
        "setup_s": round(setup_n and setup_s, 2),
        "schedule_and_freeze_s": round(freeze_s, 2),
        "send_s": round(send_s, 2),
        "messages_per_s": round(stats.sent / send_s, 1) if send_s else None,
        "sender_cpu_s": round(cpu_s, 2),
        "messages_per_cpu_s": round(stats.sent / cpu_s, 1) if cpu_s else None,
        "peak_rss_mb": round(peak_rss_mb, 1),
        "rss_before_send_mb": round(rss_before / 1024, 1),
        "goal_messages_per_s": 100,
        "database": "sqlite (WAL)",
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        # The machine may be shared: 1/5/15-minute load averages before and after the send.
        "load_average": {"start": load_start, "end": [round(x, 2) for x in os.getloadavg()]},
        "scheduled": {k: (len(v) if isinstance(v, list) else v) for k, v in scheduled.items()},
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")


def make_data(n: int, kind: str) -> int:
    import hashlib

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from nashra.news.models import Article, Entity, Mention, Source, Story
    from nashra.newsletters.models import Newsletter, Subscriber, Subscription
    from nashra.newsletters.schedule import ensure_defaults

    rng = random.Random(7)
    now = timezone.now()
    ensure_defaults()
    sources = [Source.objects.create(name=f"مصدر {i}", slug=f"source-{i}") for i in range(8)]
    entities = [
        Entity.objects.create(kind="LOC", name=f"مكان {i}", key=f"مكان {i}", slug=f"place-{i}")
        for i in range(12)
    ]
    words = [
        "الحكومة",
        "تعلن",
        "خطة",
        "جديدة",
        "للنقل",
        "العام",
        "في",
        "المدن",
        "الكبرى",
        "خلال",
        "السنوات",
        "المقبلة",
        "وسط",
        "ترحيب",
        "واسع",
        "من",
        "المواطنين",
    ]
    articles = []
    for i in range(300):
        title = " ".join(rng.sample(words, 8)) + f" {i}"
        body = [" ".join(rng.choices(words, k=40)) + "." for _ in range(4)]
        original = f"{title}\n{body}".encode()
        articles.append(
            Article(
                source=sources[i % 8],
                title=title,
                body=body,
                published_at=now - timedelta(minutes=3 * i + 5),
                language="ar",
                original=original,
                origin=f"bench:{i}",
                format="text",
                input_hash=hashlib.sha256(original).hexdigest(),
                body_hash=hashlib.sha1(original).hexdigest(),
                minhash=b"",
            )
        )
    Article.objects.bulk_create(articles)
    articles = list(Article.objects.order_by("id"))
    mentions = []
    for a in articles:
        for e in rng.sample(entities, 2):
            mentions.append(
                Mention(
                    article=a,
                    entity=e,
                    text=e.name,
                    start=0,
                    end=len(e.name),
                    in_title=rng.random() < 0.3,
                )
            )
    Mention.objects.bulk_create(mentions)
    for k in range(0, 60, 3):  # some stories across sources
        story = Story.objects.create(
            title=articles[k].title,
            representative=articles[k],
            size=3,
            source_count=3,
            first_published_at=articles[k + 2].published_at,
            last_published_at=articles[k].published_at,
        )
        Article.objects.filter(pk__in=[a.pk for a in articles[k : k + 3]]).update(story=story)

    emails = [f"reader{i:05d}@example.org" for i in range(n)]
    created = now - timedelta(days=3)
    if kind == "digest":
        from nashra.readers.models import Follow, Profile

        User = get_user_model()
        User.objects.bulk_create(
            [User(username=f"r{i}", email=e, password="!") for i, e in enumerate(emails)],
            batch_size=2000,
        )
        users = list(User.objects.order_by("id"))
        Profile.objects.bulk_create(
            [
                Profile(user=u, language="en" if i % 10 == 0 else "ar", timezone="UTC")
                for i, u in enumerate(users)
            ],
            batch_size=2000,
        )
        Follow.objects.bulk_create(
            [
                Follow(user=u, kind="entity", entity=e, key=f"entity:{e.pk}")
                for u in users
                for e in rng.sample(entities, 2)
            ],
            batch_size=5000,
        )
        Subscriber.objects.bulk_create(
            [Subscriber(email=u.email, user=u, language="ar") for u in users], batch_size=2000
        )
        newsletter = Newsletter.objects.get(slug="digest")
        hour = now.hour
    else:
        Subscriber.objects.bulk_create(
            [
                Subscriber(email=e, language="en" if i % 10 == 0 else "ar")
                for i, e in enumerate(emails)
            ],
            batch_size=2000,
        )
        newsletter = Newsletter.objects.create(
            kind="bulletin",
            slug="bench",
            name="نشرة الاختبار",
            hour=now.hour,
            time_zone="UTC",
            created_at=created,
            max_items=10,
        )
        newsletter.entities.add(*entities[:3])
        hour = now.hour
    Subscription.objects.bulk_create(
        [
            Subscription(
                subscriber=s, newsletter=newsletter, status="active", hour=hour, created_at=created
            )
            for s in Subscriber.objects.all()
        ],
        batch_size=2000,
    )
    return n


if __name__ == "__main__":
    main()
