"""Ingest throughput and peak memory on the SaudiNewsNet corpus.

    .venv/bin/python bench/ingest.py [--data ../shared/data/saudinewsnet] [--limit-zips N]

Ingests the 18 zips (31,030 articles) into a fresh NASHRA_HOME with the production
code path (`nashra ingest`, no analysis), then prints and writes to
bench/results/ingest.json: articles/s (wall clock, one process), peak RSS of the ingest
process, outcome counts, and the duplicate counts. Goal: ≥ 500 articles/s on one core,
peak RSS < 500 MB. Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit-zips", type=int, default=0, help="only the first N zips")
    parser.add_argument(
        "--database-url", default="", help="e.g. postgres://postgres@127.0.0.1/nashra_bench"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    zips = sorted(args.data.glob("*.zip"))
    if not zips:
        print(f"SKIP: no corpus at {args.data}")
        return 0
    if args.limit_zips:
        zips = zips[: args.limit_zips]
    home = Path(tempfile.mkdtemp(prefix="nashra-bench-ingest-"))
    env = {**os.environ, "NASHRA_HOME": str(home), "DATABASE_URL": args.database_url}
    nashra = [sys.executable, "-m", "nashra"]
    if args.database_url:
        subprocess.run(nashra + ["flush", "--no-input"], env=env, check=False, capture_output=True)
    subprocess.run(nashra + ["migrate", "-v", "0"], env=env, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(
        nashra + ["ingest", *map(str, zips), "--json", "--quiet"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = usage.ru_maxrss
    # The ingest process's own CPU time (children's totals minus the migrate run before).
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    summary = json.loads(proc.stdout)
    items = summary["ingested"] + summary["duplicates"] + summary["unchanged"] + summary["rejected"]
    result = {
        "corpus": f"SaudiNewsNet, {len(zips)} zips",
        "backend": "postgresql" if args.database_url else "sqlite",
        "items": items,
        "seconds": round(elapsed, 1),
        "articles_per_s": round(items / elapsed, 1),
        # The process's own CPU time: what one core does, whatever else the machine runs.
        "cpu_seconds": round(cpu, 1),
        "articles_per_cpu_s": round(items / cpu, 1),
        "analysis": os.environ.get("NASHRA_ANALYZE_ON_INGEST", "1") != "0",
        "peak_rss_mb": round(peak_kb / 1024, 1),
        # Other work on the machine stretches the wall-clock figure, not the CPU one.
        "load_average_before": round(load_before, 2),
        "outcomes": summary,
        "db_size_mb": round(sum(f.stat().st_size for f in home.glob("nashra.sqlite3*")) / 1e6, 1),
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores",
        "date": time.strftime("%Y-%m-%d"),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
