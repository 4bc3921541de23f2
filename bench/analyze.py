"""Full-pipeline throughput: extract + analyse + store + index, per stage, on SaudiNewsNet.

    .venv/bin/python bench/analyze.py [--data ../shared/data/saudinewsnet] [--limit-zips 3]

Ingests the first N zips (default 3, about 6,300 articles) into a fresh NASHRA_HOME on
SQLite with analysis on — the production path of `nashra ingest` (the Ingester), in this
process — and times each stage by wrapping the functions the pipeline calls (CPU time,
so other work on the machine does not count):

    extract    reading the zips into Documents (decode, fields, structure, boilerplate)
    fingerprint, dedup, store (article rows, bands, log), index (search terms + FTS)
    ner, link, quotes, dates, keywords, summary   (nashra.analyze)
    entities   storing mentions, canonical entities, quotes and analyses
    stories    grouping articles into stories

Prints and writes bench/results/analyze.json: articles/s (wall and per CPU-second), ms
per article by stage, peak RSS. Goal (issue 4): ≥ 100 articles/s on one core end to end.
Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
SPENT: dict[str, float] = defaultdict(float)
_active: list[str] = []  # stage stack: a stage's time excludes the stages nested in it


def timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        if _active:
            SPENT[_active[-1]] += t0 - _started[-1]
        _active.append(stage)
        _started.append(t0)
        try:
            return fn(*args, **kwargs)
        finally:
            t1 = time.process_time()
            SPENT[stage] += t1 - _started.pop()
            _active.pop()
            if _active:
                _started[-1] = t1

    return wrapper


_started: list[float] = []


def patch(module: Any, name: str, stage: str) -> None:
    setattr(module, name, timed(stage, getattr(module, name)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit-zips", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "analyze.json")
    args = ap.parse_args()
    zips = sorted(args.data.glob("*.zip"))[: args.limit_zips]
    if not zips:
        print(f"SKIP: no corpus at {args.data}")
        return 0
    home = Path(tempfile.mkdtemp(prefix="nashra-bench-analyze-"))
    os.environ.update(
        NASHRA_HOME=str(home),
        DATABASE_URL="",
        NASHRA_ANALYZE_ON_INGEST="1",
        DJANGO_SETTINGS_MODULE="nashra.site.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from nashra.analyze import pipeline
    from nashra.extract import inputs
    from nashra.extract.limits import DEFAULT_LIMITS
    from nashra.news import ingest, stories, understand
    from nashra.news.search import SearchBackend

    # Stages: wrap the names where the pipeline looks them up.
    patch(pipeline, "find_entities_many", "ner")
    patch(pipeline, "link_entities", "link")
    patch(pipeline, "find_quotes", "quotes")
    patch(pipeline, "find_dates", "dates")
    patch(pipeline, "keywords", "keywords")
    patch(pipeline, "summarize", "summary")
    patch(pipeline, "analyze", "keywords")  # the shared term analysis feeds keywords+summary
    patch(pipeline, "analyze_scanned", "keywords")  # (of the text, from the tagger's scan)
    patch(pipeline, "term_counts", "keywords")
    patch(ingest, "fingerprint", "fingerprint")
    patch(ingest.Ingester, "_find_duplicates", "dedup")
    patch(ingest.Ingester, "_create", "store")
    patch(SearchBackend, "index", "index")
    patch(understand, "store_analyses", "entities")
    patch(stories, "assign_stories", "stories")

    def documents() -> Any:
        for z in zips:
            it = iter(inputs.read_path(z, mapping={}, limits=DEFAULT_LIMITS))
            while True:
                t0 = time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    SPENT["extract"] += time.process_time() - t0
                    break
                SPENT["extract"] += time.process_time() - t0
                yield item

    from machine import python_speed  # bench/machine.py

    gc_spent = [0.0, 0.0]  # CPU seconds in the collector (inside the stages' times), start

    def gc_timer(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_spent[1] = time.process_time()
        else:
            gc_spent[0] += time.process_time() - gc_spent[1]

    gc.callbacks.append(gc_timer)
    speed_before = python_speed()
    load_before = os.getloadavg()[0]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    ingester = ingest.Ingester(targets=[str(z) for z in zips])
    report = ingester.ingest(documents())
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    summary = report.as_json()
    from nashra.news.models import Story

    grouped = {  # a sanity check on story quality across changes: how much got grouped
        "stories": Story.objects.count(),
        "with_2_or_more_articles": Story.objects.filter(size__gte=2).count(),
        "largest": max(Story.objects.values_list("size", flat=True), default=0),
    }
    items = sum(int(summary[k]) for k in ("ingested", "duplicates", "unchanged", "rejected"))  # type: ignore[call-overload]
    staged = sum(SPENT.values())
    SPENT["other"] = max(0.0, cpu - staged)
    result = {
        "corpus": f"SaudiNewsNet, {len(zips)} zips",
        "backend": "sqlite",
        "items": items,
        "seconds": round(wall, 1),
        "articles_per_s": round(items / wall, 1),
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_s": round(items / cpu, 1),
        "ms_per_article_by_stage": {
            k: round(1000 * v / items, 2) for k, v in sorted(SPENT.items(), key=lambda kv: -kv[1])
        },
        # the collector's share (counted inside the stage it interrupted)
        "gc_ms_per_article": round(1000 * gc_spent[0] / items, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average_before": round(load_before, 2),
        # CPU seconds of bench/machine.py's reference workload, before and after the run
        # (lower: a faster hour); compare articles/s across hours only beside these
        "python_speed_s": [speed_before, python_speed()],
        "outcomes": summary,
        "stories": grouped,
        "goal_articles_per_s": 100,
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores",
        "date": time.strftime("%Y-%m-%d"),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
