"""Web benchmark: N synthetic articles, `nashra serve` on loopback, C concurrent clients.

    .venv/bin/python bench/web.py                       # 100k articles, 20 clients, 60 s
    .venv/bin/python bench/web.py --articles 20000 --duration 30

Articles are synthetic: SaudiNewsNet paragraphs (../shared/data/saudinewsnet, else the
bundled examples) recombined into new articles over a year, across 20 sources, with
entities (Zipf-distributed popularity, so some have tens of thousands of mentions),
mentions at real offsets, quotes and stories — written straight through the ORM in bulk
and indexed with the real search backend (the ingest pipeline's dedup and analysis are
benchmarked by bench/ingest.py, not here). The database is kept in --home and reused
when it already holds N articles.

The load generator is closed-loop: each client sends its next request as soon as the
previous answer arrives (no think time unless --think), rotating over home, article,
entity and search pages with random ids, entities and queries. It reports p50/p95/p99
per page, errors, throughput and the server's peak RSS (gunicorn master + workers).
Writes bench/results/web.json (or --output).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import http.client
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NASHRA_SHARED", ROOT.parent / "shared"))
NASHRA = str(ROOT / ".venv" / "bin" / "nashra")
PAGES = ("home", "article", "entity", "search")


def paragraphs(limit: int = 60_000) -> list[str]:
    out: list[str] = []
    zips = sorted(glob.glob(str(SHARED / "data" / "saudinewsnet" / "*.zip")))
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for rec in json.loads(z.read(name)):
                    for p in re.split(r"\n+", rec.get("content") or ""):
                        p = p.strip()
                        if 80 <= len(p) <= 900:
                            out.append(p)
        if len(out) >= limit:
            break
    if not out:  # no corpus: the bundled examples
        for path in (ROOT / "examples").rglob("*.txt"):
            out += [
                p.strip()
                for p in path.read_text(errors="ignore").split("\n\n")
                if len(p.strip()) > 60
            ]
    return out[:limit]


NAMES = [
    ("PERS", "محمد بن سلمان"),
    ("PERS", "رجب طيب أردوغان"),
    ("PERS", "عبد الفتاح السيسي"),
    ("PERS", "بشار الأسد"),
    ("PERS", "أنطونيو غوتيريش"),
    ("PERS", "جو بايدن"),
    ("ORG", "الأمم المتحدة"),
    ("ORG", "جامعة الدول العربية"),
    ("ORG", "منظمة الصحة العالمية"),
    ("ORG", "أوبك"),
    ("LOC", "الرياض"),
    ("LOC", "القاهرة"),
    ("LOC", "دمشق"),
    ("LOC", "بيروت"),
    ("LOC", "أنقرة"),
    ("LOC", "عمّان"),
    ("LOC", "غزة"),
]


def generate(n: int, seed: int = 7) -> None:
    from django.db import transaction

    from nashra.news.models import Article, Entity, Mention, Quote, Source, Story
    from nashra.news.search import get_backend

    rng = random.Random(seed)
    paras = paragraphs()
    print(f"generating {n} articles from {len(paras)} paragraphs", flush=True)
    sources = [
        Source.objects.get_or_create(name=f"مصدر {i + 1}", defaults={"slug": f"source-{i + 1}"})[0]
        for i in range(20)
    ]
    entities: list[Entity] = []
    for i in range(2000):
        kind, base = NAMES[i % len(NAMES)]
        name = base if i < len(NAMES) else f"{base} {i}"
        entities.append(Entity(kind=kind, name=name, key=f"k{i}", slug=f"e{i}", aliases=[name]))
    Entity.objects.bulk_create(entities, batch_size=1000)
    entities = list(Entity.objects.order_by("id"))
    weights = [1.0 / (r + 1) for r in range(len(entities))]  # Zipf
    start = datetime(2025, 1, 1, tzinfo=UTC)
    backend = get_backend()
    batch = 1000
    stories: list[Story] = []
    t0 = time.time()
    for first in range(0, n, batch):
        rows: list[Article] = []
        plans: list[list[tuple[Entity, int, int]]] = []
        for i in range(first, min(n, first + batch)):
            body = rng.sample(paras, rng.randint(3, 7))
            chosen = rng.choices(entities, weights=weights, k=rng.randint(2, 6))
            spans = []
            for j, e in enumerate(chosen):
                k = j % len(body)
                body[k] = f"{e.name} {body[k]}"
            offset = 0
            placed = {}
            for k, para in enumerate(body):
                for e in chosen:
                    if para.startswith(e.name + " ") and k not in placed:
                        placed[k] = e
                        spans.append((e, offset, offset + len(e.name)))
                offset += len(para) + 2
            title = body[-1].split("،")[0].split(".")[0][:110]
            original = f"{i}:{title}".encode()
            rows.append(
                Article(
                    source=sources[i % len(sources)],
                    title=title,
                    subtitle=body[0][:160] if i % 3 == 0 else "",
                    body=body,
                    published_at=start + timedelta(minutes=5 * i + rng.randint(0, 4)),
                    language="ar",
                    original=original,
                    origin=f"bench:{i}",
                    format="json",
                    input_hash=hashlib.sha256(original).hexdigest(),
                    body_hash=hashlib.sha1(original).hexdigest(),
                    minhash=b"",
                    url=f"https://source{i % 20 + 1}.example/{i}",
                )
            )
            plans.append(spans)
        with transaction.atomic():
            Article.objects.bulk_create(rows, batch_size=500)
            saved = list(Article.objects.filter(origin__in=[a.origin for a in rows]).order_by("id"))
            by_origin = {a.origin: a for a in saved}
            mentions, quotes = [], []
            for a, spans in zip(rows, plans, strict=True):
                art = by_origin[a.origin]
                for e, s, t in spans:
                    mentions.append(Mention(article=art, entity=e, text=e.name, start=s, end=t))
                if spans and spans[0][0].kind == "PERS":
                    e, s, t = spans[0]
                    text = art.text[t + 1 : t + 120]
                    quotes.append(
                        Quote(
                            article=art,
                            speaker=e,
                            speaker_text=e.name,
                            text=text,
                            kind="indirect",
                            start=t + 1,
                            end=t + 1 + len(text),
                        )
                    )
            Mention.objects.bulk_create(mentions, batch_size=1000)
            Quote.objects.bulk_create(quotes, batch_size=1000)
            # stories: runs of 2–6 consecutive articles from different sources
            k = 0
            while k < len(saved):
                size = rng.randint(1, 6)
                group = saved[k : k + size]
                k += size
                if len(group) < 2:
                    continue
                st = Story.objects.create(
                    title=group[0].title,
                    representative=group[0],
                    first_published_at=group[0].published_at,
                    last_published_at=group[-1].published_at,
                    size=len(group),
                    source_count=len({g.source_id for g in group}),
                )
                stories.append(st)
                Article.objects.filter(pk__in=[g.pk for g in group]).update(story=st)
            backend.index(saved)
        done = min(n, first + batch)
        rate = done / (time.time() - t0)
        print(f"  {done}/{n} articles ({rate:.0f}/s)", flush=True)
    from django.db.models import Count

    for row in Mention.objects.values("entity_id").annotate(
        m=Count("id"), a=Count("article_id", distinct=True)
    ):
        Entity.objects.filter(pk=row["entity_id"]).update(
            mention_count=row["m"], article_count=row["a"]
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree(pid: int) -> list[int]:
    """A process and its children (gunicorn master + workers)."""
    pids = [pid]
    try:
        children = subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True
        ).stdout.split()
        pids += [int(c) for c in children]
    except FileNotFoundError:
        pass
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by the given processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return total


def rss_of_tree(pid: int) -> int:
    """Resident memory (bytes) of a process and its children (gunicorn master + workers)."""
    total = 0
    pids = tree(pid)
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def load(
    port: int, duration: float, clients: int, targets: dict[str, list[str]], think: float
) -> dict[str, object]:
    stop = time.monotonic() + duration
    lat: dict[str, list[float]] = {p: [] for p in PAGES}
    errors: dict[str, int] = {p: 0 for p in PAGES}
    samples: list[str] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        rng = random.Random(n)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = n
        while time.monotonic() < stop:
            page = PAGES[i % len(PAGES)]
            i += 1
            path = rng.choice(targets[page])
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Language": "ar"})
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                if not ok and len(samples) < 10:
                    samples.append(f"{response.status} {path}")
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                if len(samples) < 10:
                    samples.append(f"{exc.__class__.__name__} {path}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            ms = (time.perf_counter() - t) * 1000
            with lock:
                if ok:
                    lat[page].append(ms)
                else:
                    errors[page] += 1
            if think:
                time.sleep(rng.uniform(0.5, 1.5) * think)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def pct(values: list[float], q: float) -> float | None:
        if not values:
            return None
        values = sorted(values)
        return round(values[min(len(values) - 1, int(q * len(values)))], 1)

    pages = {
        p: {
            "requests": len(v),
            "errors": errors[p],
            "p50_ms": pct(v, 0.50),
            "p95_ms": pct(v, 0.95),
            "p99_ms": pct(v, 0.99),
            "mean_ms": round(statistics.fmean(v), 1) if v else None,
        }
        for p, v in lat.items()
    }
    total = sum(len(v) for v in lat.values())
    return {
        "pages": pages,
        "requests": total,
        "errors": sum(errors.values()),
        "throughput_rps": round(total / duration, 1),
        "error_samples": samples,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument(
        "--think", type=float, default=0.0, help="mean seconds a client waits between requests"
    )
    ap.add_argument("--home", default="/tmp/nashra-bench-web")
    ap.add_argument("--output", default=str(ROOT / "bench" / "results" / "web.json"))
    args = ap.parse_args()

    home = Path(args.home) / f"n{args.articles}"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "NASHRA_HOME": str(home),
        "DATABASE_URL": "",
        "NASHRA_API_RATE": "0/s",
        "DJANGO_SETTINGS_MODULE": "nashra.site.settings",
    }
    os.environ.update(env)
    subprocess.run([NASHRA, "migrate", "--no-input", "-v", "0"], check=True, env=env)
    import django

    django.setup()
    from nashra.news.models import Article, Entity

    t0 = time.time()
    if Article.objects.count() < args.articles:
        if Article.objects.exists():
            sys.exit(f"{home} holds a partial database; remove it and run again")
        generate(args.articles)
    gen_s = round(time.time() - t0, 1)
    # Article's (duplicate_of, -published_at, -id) index comes with the model (migration
    # 0004); drop the copy earlier versions of this script added, and any planner
    # statistics, so every run plans its queries the same way.
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            cur.execute("DROP TABLE IF EXISTS sqlite_stat1")
            cur.execute("DROP INDEX IF EXISTS bench_article_originals")
    connection.close()
    # Start from an empty page cache: every page is rendered at least once in the run.
    shutil.rmtree(home / "cache", ignore_errors=True)
    rng = random.Random(1)
    ids = list(Article.objects.filter(duplicate_of__isnull=True).values_list("id", flat=True))
    ents = list(Entity.objects.order_by("-article_count").values_list("slug", flat=True)[:2000])
    words = [
        "السعودية",
        "الرياض",
        "وزير",
        "الأمم المتحدة",
        "النفط",
        "اجتماع",
        "الاقتصاد",
        "التعليم",
        "مجلس الوزراء",
        "الصحة",
        "اليمن",
        "الطاقة",
        "كرة القدم",
        "الملك",
        "السياحة",
        "المرأة",
        "الاستثمار",
        "الهلال",
        "الامير",
        "مكه",
    ]
    targets = {
        "home": ["/"],
        "article": [f"/articles/{i}/" for i in rng.sample(ids, min(len(ids), 5000))],
        "entity": [f"/entities/{quote(s)}/" for s in ents],
        "search": [f"/search/?q={quote(w)}" for w in words]
        + [f"/search/?q={quote(a + ' ' + b)}" for a, b in zip(words, words[1:], strict=False)],
    }
    port = free_port()
    server = subprocess.Popen(
        [
            NASHRA,
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        for _ in range(120):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        warm = load(
            port, min(10.0, args.duration / 3), args.clients, targets, args.think
        )  # warm caches, workers
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], rss_of_tree(server.pid))
                done.wait(1.0)

        sampler = threading.Thread(target=sample)
        sampler.start()
        # CPU the server and this load generator spend in the measured run: on a small
        # machine they share the cores, so latency under a closed loop follows both.
        server_pids = tree(server.pid)
        server_cpu0, client_cpu0 = cpu_seconds(server_pids), time.process_time()
        load_avg0 = os.getloadavg()
        result = load(port, args.duration, args.clients, targets, args.think)
        server_cpu = cpu_seconds(server_pids) - server_cpu0
        client_cpu = time.process_time() - client_cpu0
        done.set()
        sampler.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    goals = {"article_p95_ms": 50, "entity_p95_ms": 50, "search_p95_ms": 150, "errors": 0}
    pages = result["pages"]  # type: ignore[index]
    met = {
        "article_p95": (pages["article"]["p95_ms"] or 1e9) < 50,  # type: ignore[index]
        "entity_p95": (pages["entity"]["p95_ms"] or 1e9) < 50,  # type: ignore[index]
        "search_p95": (pages["search"]["p95_ms"] or 1e9) < 150,  # type: ignore[index]
        "zero_errors": result["errors"] == 0,
    }
    out = {
        "articles": len(ids),
        "corpus": "saudinewsnet paragraphs recombined"
        if glob.glob(str(SHARED / "data" / "saudinewsnet" / "*.zip"))
        else "examples",
        "clients": args.clients,
        "duration_s": args.duration,
        "think_s": args.think,
        "server": {
            "workers": args.workers,
            "threads": args.threads,
            "peak_rss_mb": round(peak[0] / 2**20, 1),
            "cpu_s": round(server_cpu, 1),
            "cpu_ms_per_request": round(1000 * server_cpu / max(1, int(result["requests"])), 2),  # type: ignore[call-overload]
        },
        "load_generator_cpu_ms_per_request": round(
            1000 * client_cpu / max(1, int(result["requests"])), 2
        ),  # type: ignore[call-overload]
        "load_average_before": [round(x, 2) for x in load_avg0],
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "arch": platform.machine(),
        },
        "generate_s": gen_s,
        "warmup_requests": warm["requests"],
        **result,
        "goals": goals,
        "goals_met": met,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
