"""Document frequencies of index terms over SaudiNewsNet (``models/df.json.gz``).

Terms are :func:`nashra.text.terms` (match form, stopwords dropped, light stem), counted
once per article; the ``--top`` most frequent terms with df ≥ 3 are kept, with the number
of articles under the key ``""``.

Usage: ``python -m nashra.analyze.train.df [--data DIR] [--top 50000]``
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet
from nashra.text import terms

MODELS = Path(__file__).resolve().parent.parent / "models"
DF_PATH = MODELS / "df.json.gz"


def build(data: Path, top: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    n = 0
    for content in iter_saudinewsnet(data):
        df.update(set(terms(content)))
        n += 1
    table = {t: c for t, c in df.most_common(top) if c >= 3}
    table[""] = n
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--top", type=int, default=50_000)
    ap.add_argument("--out", type=Path, default=DF_PATH)
    args = ap.parse_args(argv)
    if not (args.data / "saudinewsnet").exists():
        print(f"SaudiNewsNet not found under {args.data}; nothing to build")
        return 0
    table = build(args.data, args.top)
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(table) - 1} terms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
