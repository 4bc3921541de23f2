"""How often the light stemmer takes a word's own first letter for a proclitic.

A word that begins with و ف ب ك ل and whose stem drops that letter is suspect when the
rest of the word is never written on its own in the corpus, nor after the article or
another proclitic (كلينتون → لينت: لينتون never occurs; وقال → قال: قال does). Counts
such words (stopwords left out: never a term) over SaudiNewsNet (all of it, or
``--articles N``), in tokens and in word types, lists the most frequent, and writes
``bench/results/stemmer.json``. A measure of
the stemmer's known weakness, not a gold standard: a suspect word can be stripped
rightly (a rare compound), and a word whose rest happens to exist can be stripped
wrongly (باراك → اراك). Skips when the corpus is absent.

Usage: .venv/bin/python bench/stemmer.py [--data DIR] [--articles N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import nashra.text  # noqa: E402
from nashra.analyze.train.data import DEFAULT_DATA  # noqa: E402
from nashra.analyze.train.proclitic_words import corpus_words, written  # noqa: E402
from nashra.text import is_stopword, stem  # noqa: E402
from nashra.text.stem import ARTICLE_PREFIXES  # noqa: E402


def suspects(words: Counter[str]) -> list[tuple[int, str, str]]:
    """(count, word, stem) of the words whose stem drops a first letter that the rest of
    the word never stands without."""
    out = []
    for word, count in words.items():
        if word[0] not in "وفبكل" or word.startswith(ARTICLE_PREFIXES) or len(word) < 4:
            continue
        if is_stopword(word):
            continue  # never a term
        stemmed = stem(word)
        if stemmed.startswith(word[0]):
            continue  # the first letter stayed (or the rest begins with it: ووزارة)
        if not written(words, word[1:], word):
            out.append((count, word, stemmed))
    return sorted(out, reverse=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=0, help="at most N articles (0: all)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "stemmer.json")
    args = ap.parse_args()
    t0 = time.perf_counter()
    words, articles = corpus_words(args.data, args.articles)
    if not articles:
        print(f"SKIP: no SaudiNewsNet zips under {args.data}")
        return 0
    found = suspects(words)
    tokens = sum(words.values())
    proclitic_initial = sum(c for w, c in words.items() if w[0] in "وفبكل")
    result = {
        "corpus": f"SaudiNewsNet, {articles} articles",
        "terms_version": getattr(nashra.text, "TERMS_VERSION", 1),
        "tokens": tokens,
        "tokens_beginning_with_a_proclitic_letter": proclitic_initial,
        "suspect_tokens": sum(c for c, _, _ in found),
        "suspect_share_of_tokens": round(sum(c for c, _, _ in found) / tokens, 5),
        "suspect_types": len(found),
        "suspect_types_seen_10_times_or_more": sum(c >= 10 for c, _, _ in found),
        "most_frequent": [f"{w} → {s} ({c})" for c, w, s in found[:40]],
        "seconds": round(time.perf_counter() - t0, 1),
        "date": time.strftime("%Y-%m-%d"),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
