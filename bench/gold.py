"""What the benchmarks against our hand-annotated sets share: their command line and
where their figures go."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def arguments(doc: str | None, gold: Path) -> argparse.Namespace:
    """``--gold PATH`` (default ``gold``) and ``--verbose``."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--gold", type=Path, default=gold)
    ap.add_argument("--verbose", action="store_true")
    return ap.parse_args()


def write_result(out: dict[str, object], gold: Path, prefix: str, name: str) -> Path:
    """Write ``out`` to ``bench/results/<name>.json`` for the default set
    (``<prefix>_gold.json`` or ``<prefix>.json``), ``<name>_<set>.json`` for
    ``<prefix>_<set>.json``; figures of earlier code recorded in the file under keys of
    their own are kept beside the new ones."""
    suffix = gold.stem.removeprefix(prefix).removeprefix("_")
    path = RESULTS / (f"{name}.json" if suffix in ("", "gold") else f"{name}_{suffix}.json")
    if path.exists():
        earlier = json.loads(path.read_text("utf-8"))
        out = {**out, **{k: v for k, v in earlier.items() if k not in out}}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path


def ratio(a: float, b: float) -> float:
    """``a / b`` to three places, 0 for an empty ``b``."""
    return round(a / b, 3) if b else 0.0


def f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0
