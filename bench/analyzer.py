"""Words per second for the Arabic text layer (match_form, tokenize, terms, analyze).

Reads article bodies from ../shared/data/saudinewsnet/*.zip (zips of JSON arrays with a
``content`` field; the first ~5,000 articles) when present, else generates text from our
own sample words. Prints the figures and writes ``bench/results/analyzer.json``.

Usage: .venv/bin/python bench/analyzer.py [--articles N] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nashra.text import (  # noqa: E402
    analyze,
    fingerprint_terms,
    match_form,
    split_sentences,
    terms,
    tokenize,
)
from nashra.text.analyzer import token_terms  # noqa: E402
from nashra.text.stem import stem  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"

# Our own sample vocabulary for the fallback corpus.
_SAMPLE_TEXT = (
    "قال الوزير إن الحكومة ستواصل العمل على تطوير المشاريع في المملكة وأكد أن الاقتصاد "
    "يشهد نموا بنسبة ٣٫٥ بالمئة خلال عام ٢٠٢٤ وأضاف المسؤولون أن الانتخابات المقبلة "
    "ستجرى في موعدها بمشاركة الأحزاب السياسية والمنظمات الدولية وبالمدرسة والطلاب "
    "الكرمـــلين أردوغان إيران لبنان فلسطين القانون الجديد وزارة الصحة كورونا"
)
_SAMPLE = _SAMPLE_TEXT.split()


def load_texts(data: Path, limit: int) -> tuple[list[str], str]:
    texts: list[str] = []
    if data.is_dir():
        for path in sorted(data.glob("*.zip")):
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    if not name.endswith(".json"):
                        continue
                    for item in json.loads(z.read(name)):
                        content = item.get("content") if isinstance(item, dict) else None
                        if isinstance(content, str) and content.strip():
                            texts.append(content)
                            if len(texts) >= limit:
                                return texts, f"saudinewsnet ({len(texts)} articles)"
    if texts:
        return texts, f"saudinewsnet ({len(texts)} articles)"
    rng = random.Random(7)
    texts = [" ".join(rng.choices(_SAMPLE, k=300)) + "." for _ in range(limit)]
    return texts, f"generated ({limit} paragraphs of sample words)"


def measure(fn: Callable[[str], object], texts: list[str], words: int) -> dict[str, float]:
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    warm = time.perf_counter() - t0
    return {
        "first_pass_words_per_s": round(words / cold),
        "second_pass_words_per_s": round(words / warm),
        "first_pass_s": round(cold, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "analyzer.json")
    args = parser.parse_args()

    texts, source = load_texts(args.data, args.articles)
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    print(f"corpus: {source}, {words:,} whitespace words, {chars:,} chars")

    results: dict[str, dict[str, float]] = {}
    # Cold caches for the analyzer functions: clear before each measurement.
    for name, fn in [
        ("match_form", match_form),
        ("tokenize", tokenize),
        ("split_sentences", split_sentences),
        ("terms", terms),
        ("analyze", analyze),
        ("fingerprint_terms", fingerprint_terms),
    ]:
        token_terms.cache_clear()
        stem.cache_clear()
        results[name] = measure(fn, texts, words)
        r = results[name]
        print(
            f"{name:18s} first pass {r['first_pass_words_per_s']:>12,.0f} words/s   "
            f"second pass {r['second_pass_words_per_s']:>12,.0f} words/s"
        )
    info = token_terms.cache_info()
    payload = {
        "corpus": source,
        "words": words,
        "chars": chars,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "results": results,
        "token_cache_entries_after_run": info.currsize,
        "note": "first pass starts with empty stem/token caches; second pass reuses them",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
