"""Search benchmark: index build rate, index size, query latency (p50/p95/p99).

The database is the one the ``nashra`` command would use: ``NASHRA_HOME`` for the
embedded SQLite/FTS5 backend, ``DATABASE_URL=postgres://…`` for PostgreSQL.

Corpus mode (default): ingests the SaudiNewsNet zips (``--data``) into that database if it
holds fewer than 1,000 articles (``nashra ingest``, ~3 min), rebuilds the search index
(the build rate: analysis + insert), then times queries.

Synthetic mode (``--synthetic N``; use a fresh NASHRA_HOME or database): generates N
articles by recombining the corpus's headlines and paragraphs, written straight into the
article and index tables (bypassing ingest; each paragraph is analysed once and its
terms reused, so the "index insert rate" is the storage side only), then times queries.

Queries, sampled from the indexed articles themselves (seeded): ``common`` (the most
frequent words), ``rare`` (words seen once in the sample), ``phrase`` (two adjacent
headline words, quoted). Each query is a full ``backend.search(q)``: total, facets,
20 hits with snippets. Measured on one thread, then on ``--threads`` concurrent threads
(each its own connection). Writes ``bench/results/search-<backend>-<articles>.json``.

Usage:
  NASHRA_HOME=/tmp/benchsearch .venv/bin/python bench/search.py
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/nashra_bench .venv/bin/python bench/search.py
  NASHRA_HOME=/tmp/synth .venv/bin/python bench/search.py --synthetic 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
import zipfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402

from nashra.news.models import Article, Source  # noqa: E402
from nashra.news.search import IndexRow, get_backend  # noqa: E402
from nashra.news.search.query import clean_terms  # noqa: E402
from nashra.text import analyze, terms  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
RESULTS = ROOT / "bench" / "results"


def percentiles(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {}
    s = sorted(ms)

    def pct(p: float) -> float:
        return round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 2)

    return {
        "n": len(s),
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "mean": round(statistics.fmean(s), 2),
        "max": round(s[-1], 2),
    }


# --- the corpus ---------------------------------------------------------------------
def read_corpus(data: Path) -> list[tuple[str, str, list[str]]]:
    """(source, title, paragraphs) of every article in the zips."""
    out: list[tuple[str, str, list[str]]] = []
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not name.endswith(".json"):
                    continue
                for item in json.loads(z.read(name)):
                    if not isinstance(item, dict):
                        continue
                    content = item.get("content") or ""
                    paras = [p.strip() for p in str(content).splitlines() if p.strip()]
                    if paras:
                        out.append(
                            (str(item.get("source") or "x"), str(item.get("title") or ""), paras)
                        )
    return out


def ensure_corpus(data: Path) -> None:
    if Article.objects.count() >= 1000:
        return
    print(f"ingesting {data} …", flush=True)
    started = time.perf_counter()
    call_command("ingest", str(data), quiet=True, json=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"  ingested in {time.perf_counter() - started:.0f}s", flush=True)


def generate(n: int, data: Path, seed: int) -> dict[str, Any]:
    """N synthetic articles from recombined corpus headlines and paragraphs."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    corpus = read_corpus(data)
    titles = [(t, clean_terms(terms(t))) for _, t, _ in corpus if t]
    paras: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for _, _, ps in corpus:
        for p in ps:
            if p not in seen:
                seen.add(p)
                paras.append((p, clean_terms(terms(p))))
    lengths = [len(ps) for _, _, ps in corpus]
    pool_s = time.perf_counter() - t0
    print(
        f"  pool: {len(titles)} headlines, {len(paras)} paragraphs, analysed in {pool_s:.0f}s",
        flush=True,
    )
    sources = [
        Source.objects.get_or_create(name=f"synthetic-{k}", defaults={"slug": f"synthetic-{k}"})[0]
        for k in range(14)
    ]
    authors = [""] * 5 + [f"كاتب {k}" for k in range(50)]
    start = datetime(2014, 1, 1, tzinfo=UTC)
    step = timedelta(days=3 * 365) / max(1, n)
    backend = get_backend()
    rows_s = index_s = 0.0
    batch = 2000
    base = Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
    for lo in range(0, n, batch):
        arts: list[Article] = []
        analysed: list[tuple[list[str], list[str]]] = []
        for i in range(lo, min(n, lo + batch)):
            title, title_terms = titles[rng.randrange(len(titles))]
            chosen = [
                paras[rng.randrange(len(paras))]
                for _ in range(max(1, min(12, rng.choice(lengths))))
            ]
            key = f"synthetic:{base + i}".encode()
            arts.append(
                Article(
                    source=sources[rng.randrange(len(sources))],
                    title=title,
                    body=[p for p, _ in chosen],
                    author=rng.choice(authors),
                    published_at=start + step * i + timedelta(seconds=rng.randrange(3600)),
                    original=b"",
                    origin=key.decode(),
                    format="synth",
                    input_hash=hashlib.sha256(key).hexdigest(),
                    body_hash="",
                    minhash=b"",
                )
            )
            analysed.append((title_terms, [t for _, ts in chosen for t in ts]))
        with transaction.atomic():
            t = time.perf_counter()
            Article.objects.bulk_create(arts, batch_size=500)
            if arts[0].pk is None:  # backends without RETURNING: read the ids back
                ids = dict(
                    Article.objects.filter(input_hash__in=[a.input_hash for a in arts]).values_list(
                        "input_hash", "id"
                    )
                )
                for a in arts:
                    a.pk = ids[a.input_hash]
            t2 = time.perf_counter()
            backend._write(
                [
                    IndexRow(a.pk, a.source_id, a.published_at, None, a.author, tt, [], bt)
                    for a, (tt, bt) in zip(arts, analysed, strict=True)
                ],
                replace=False,
            )
            t3 = time.perf_counter()
        rows_s += t2 - t
        index_s += t3 - t2
        done = min(n, lo + batch)
        if done % 50_000 < batch:
            print(
                f"  {done}/{n}: rows {done / rows_s:.0f}/s, index {done / index_s:.0f}/s",
                flush=True,
            )
    t = time.perf_counter()
    backend._finish_rebuild()
    finish_s = time.perf_counter() - t
    return {
        "articles": n,
        "pool_seconds": round(pool_s, 1),
        "article_rows_seconds": round(rows_s, 1),
        "index_insert_seconds": round(index_s, 1),
        "index_finish_seconds": round(finish_s, 1),
        "index_insert_articles_per_second": round(n / index_s, 1) if index_s else None,
    }


# --- queries --------------------------------------------------------------------------
def sample_queries(per_kind: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    total = Article.objects.count()
    ids = list(
        Article.objects.filter(duplicate_of__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)[: max(total, 1)]
    )
    pick = sorted(rng.sample(ids, min(3000, len(ids))))
    df: Counter[str] = Counter()
    word_of: dict[str, str] = {}
    phrases: list[str] = []
    for a in Article.objects.filter(id__in=pick).only("title", "body"):
        seen: set[str] = set()
        for para in a.body or []:
            text = para if isinstance(para, str) else ""
            for term in analyze(text):
                if term.term not in seen and "\u0621" <= term.term[0] <= "\u064a":
                    seen.add(term.term)
                    word_of.setdefault(term.term, text[term.start : term.end])
        df.update(seen)
        words = (a.title or "").split()
        pairs = [
            f'"{w1} {w2}"'
            for w1, w2 in zip(words, words[1:], strict=False)
            if len(terms(w1)) == 1 and len(terms(w2)) == 1
        ]
        if pairs:
            phrases.append(rng.choice(pairs))
    common = [word_of[t] for t, _ in df.most_common(per_kind)]
    rare_terms = sorted(t for t, c in df.items() if c == 1 and len(t) >= 4)
    rare = [word_of[t] for t in rng.sample(rare_terms, min(per_kind, len(rare_terms)))]
    return {
        "common": common,
        "rare": rare,
        "phrase": rng.sample(phrases, min(per_kind, len(phrases))),
    }


def run_queries(
    queries: list[str], rounds: int, threads: int
) -> tuple[list[float], float, list[int]]:
    """Latencies (ms) of every search, wall time, and totals (from the first round)."""
    work = [q for _ in range(rounds) for q in queries]
    latencies: list[float] = []
    totals: list[int] = []
    lock = threading.Lock()
    cursor = iter(range(len(work)))

    def worker() -> None:
        backend = get_backend()
        mine: list[float] = []
        try:
            while True:
                with lock:
                    i = next(cursor, None)
                if i is None:
                    break
                t = time.perf_counter()
                result = backend.search(work[i])
                mine.append((time.perf_counter() - t) * 1000)
                if i < len(queries):
                    with lock:
                        totals.append(result.total)
        finally:
            connections.close_all()
            with lock:
                latencies.extend(mine)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    return latencies, time.perf_counter() - started, totals


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--synthetic",
        type=int,
        default=0,
        metavar="N",
        help="generate N articles (the issue asks for 1,000,000) instead of ingesting the corpus",
    )
    ap.add_argument(
        "--skip-rebuild", action="store_true", help="corpus mode: do not time a rebuild"
    )
    ap.add_argument("--queries", type=int, default=40, help="queries per kind (0: only build)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()

    if not args.data.is_dir() or not any(args.data.glob("*.zip")):
        print(f"skipped: no SaudiNewsNet zips in {args.data}")
        return
    call_command("migrate", verbosity=0)
    backend = get_backend()
    report: dict[str, Any] = {
        "backend": backend.name,
        "vendor": connection.vendor,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": {"limit": 20, "facets": True, "snippets": True},
    }
    if args.synthetic:
        if Article.objects.exists():
            sys.exit("synthetic mode needs an empty database (a fresh NASHRA_HOME or DATABASE_URL)")
        print(f"generating {args.synthetic} synthetic articles with {backend.name} …", flush=True)
        report["mode"] = "synthetic"
        report["build"] = generate(args.synthetic, args.data, args.seed)
    elif Source.objects.filter(name__startswith="synthetic-").exists():
        report["mode"] = "synthetic (generated earlier)"
    else:
        report["mode"] = "corpus"
        ensure_corpus(args.data)
        if not args.skip_rebuild:
            print(f"rebuilding the {backend.name} index …", flush=True)
            t = time.perf_counter()
            count = backend.rebuild()
            seconds = time.perf_counter() - t
            report["build"] = {
                "articles": count,
                "seconds": round(seconds, 1),
                "articles_per_second": round(count / seconds, 1),
            }
            print(f"  {count} articles in {seconds:.1f}s", flush=True)
    articles = Article.objects.count()
    size = backend.size_bytes()
    report["articles"] = articles
    report["index_bytes"] = size
    report["index_mb"] = round(size / 2**20, 1) if size else None
    if connection.vendor == "sqlite":
        db = Path(str(connection.settings_dict["NAME"]))
        report["database_mb"] = round(db.stat().st_size / 2**20, 1)
    path = args.out / f"search-{backend.name}-{articles}.json"
    if "build" not in report and path.exists():  # keep the figures of the run that built it
        report["build"] = json.loads(path.read_text(encoding="utf-8")).get("build")
    if not args.queries:
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(
            f"built: {json.dumps(report.get('build'))}, index {report['index_mb']} MB; wrote {path}"
        )
        return
    queries = sample_queries(args.queries, args.seed)
    report["queries"] = queries
    report["latency_ms"] = {}
    for kind, qs in queries.items():
        run_queries(qs[:10], 1, 1)  # warm the caches
        one, _, totals = run_queries(qs, args.rounds, 1)
        many, wall, _ = run_queries(qs, args.rounds, args.threads)
        report["latency_ms"][kind] = {
            "1_thread": percentiles(one),
            f"{args.threads}_threads": {
                **percentiles(many),
                "queries_per_second": round(len(many) / wall, 1),
            },
            "median_total": int(statistics.median(totals)) if totals else 0,
        }
        print(
            f"  {kind:7} 1 thread p50 {percentiles(one)['p50']:.1f} p95 {percentiles(one)['p95']:.1f} ms · "
            f"{args.threads} threads p95 {percentiles(many)['p95']:.1f} ms, {len(many) / wall:.0f} q/s "
            f"(median total {report['latency_ms'][kind]['median_total']})",
            flush=True,
        )
    args.out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
