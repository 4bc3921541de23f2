"""Document frequencies of index terms over SaudiNewsNet (``models/df.json.gz``) and what
keywords need to know of each (``models/keyterms.json.gz``).

Terms are :func:`nashra.text.terms` (match form, stopwords dropped, light stem), counted
once per article; the ``--top`` most frequent body terms with df ≥ 3 are kept, with the
number of articles under the key ``""``. For the same terms the key-term table holds
``[articles whose headline holds it, occurrences in bodies, of them with the article
ال]``: editors put names and topics in headlines, seldom speech verbs or words like ضرورة
(a necessity); and a verb never takes ال, which the nouns of a report's topic mostly do
(:mod:`nashra.analyze.keywords`).

Usage: ``python -m nashra.analyze.train.df [--data DIR] [--top 50000]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet_titled
from nashra.text import analyze, terms

MODELS = Path(__file__).resolve().parent.parent / "models"
DF_PATH = MODELS / "df.json.gz"
KEYTERMS_PATH = MODELS / "keyterms.json.gz"

# a word with the article, after the conjunctions and prepositions that come before it
_DEFINITE = re.compile(r"[وف]?(?:[بكل]?ال|لل)")


def build(data: Path, top: int) -> tuple[dict[str, int], dict[str, list[int]]]:
    """``(document frequencies, key-term counts)`` of the kept terms."""
    df: Counter[str] = Counter()
    in_headline: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    definite: Counter[str] = Counter()
    n = 0
    for title, content in iter_saudinewsnet_titled(data):
        found = analyze(content)
        df.update({t.term for t in found})
        occurrences.update(t.term for t in found)
        definite.update(t.term for t in found if _DEFINITE.match(content, t.start, t.end))
        in_headline.update(set(terms(title)))
        n += 1
    table = {t: c for t, c in df.most_common(top) if c >= 3}
    keyterms = {t: [in_headline[t], occurrences[t], definite[t]] for t in table}
    table[""] = n
    return table, keyterms


def _write(table: dict[str, object], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB, {len(table)} entries)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--top", type=int, default=50_000)
    ap.add_argument("--out", type=Path, default=DF_PATH)
    ap.add_argument("--keyterms-out", type=Path, default=KEYTERMS_PATH)
    args = ap.parse_args(argv)
    if not (args.data / "saudinewsnet").exists():
        print(f"SaudiNewsNet not found under {args.data}; nothing to build")
        return 0
    table, keyterms = build(args.data, args.top)
    _write(dict(table), args.out)
    _write(dict(keyterms), args.keyterms_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
