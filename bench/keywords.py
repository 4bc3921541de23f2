"""Keyword quality on articles we wrote and tagged as an editor would.

Gold: ``tests/analyze/data/keywords_gold.json``: each article (title, body paragraphs)
with ``keywords`` (the 5–8 tags an editor puts on it, most important first) and
``acceptable`` (further reasonable tags). A gold item is found when one of its index
terms (:func:`nashra.text.terms`: match form, light stem) is a predicted keyword's term;
a predicted keyword is right when its term is a term of any gold item, tag or acceptable.

Reports, over all articles: precision at 5 and 10 (right keywords among the first 5 /
10), recall at 10 (tags found among the first 10) and at 25 (all the analysis keeps).

Usage: .venv/bin/python bench/keywords.py [--gold PATH] [--verbose]
Writes ``bench/results/keywords.json`` (``keywords_<name>.json`` for another gold file,
``tests/analyze/data/keywords_<name>.json``).

The rules were tuned on ``keywords_gold.json``; ``keywords_blind.json`` (24 more articles,
written and tagged by a helper who never saw the code) was first run after the tuning.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gold import arguments, write_result  # noqa: E402  (bench/gold.py)

from nashra.analyze import analyze_text  # noqa: E402
from nashra.text import terms  # noqa: E402

GOLD = ROOT / "tests" / "analyze" / "data" / "keywords_gold.json"


def evaluate(gold_path: Path, verbose: bool = False) -> dict[str, object]:
    articles = json.loads(gold_path.read_text("utf-8"))["articles"]
    right = {5: 0, 10: 0}
    shown = {5: 0, 10: 0}
    found = {10: 0, 25: 0}
    tags = 0
    seconds = 0.0
    per_article: list[dict[str, object]] = []
    analyze_text("تمهيد", title="تمهيد")  # load the models before the clock runs
    for art in articles:
        text = "\n\n".join(art["body"])
        t0 = time.perf_counter()
        predicted = analyze_text(text, title=art["title"]).keywords
        seconds += time.perf_counter() - t0
        wanted = [set(terms(k)) for k in art["keywords"]]
        good = set().union(*wanted, *(set(terms(k)) for k in art["acceptable"]))
        for n in shown:
            top = predicted[:n]
            shown[n] += len(top)
            right[n] += sum(k.term in good for k in top)
        for n in found:
            top_terms = {k.term for k in predicted[:n]}
            found[n] += sum(bool(w & top_terms) for w in wanted)
        tags += len(wanted)
        missed = [k for k, w in zip(art["keywords"], wanted, strict=True) if not w & top_terms]
        wrong = [k.display for k in predicted[:10] if k.term not in good]
        per_article.append({"id": art["id"], "wrong_in_10": wrong, "tags_missed_in_25": missed})
        if verbose:
            print(art["id"], "top10:", " · ".join(k.display for k in predicted[:10]))
            print("   wrong:", " · ".join(wrong) or "-", "| missed:", " · ".join(missed) or "-")
    return {
        "articles": len(articles),
        "tags": tags,
        "precision_at_5": round(right[5] / shown[5], 3) if shown[5] else 0.0,
        "precision_at_10": round(right[10] / shown[10], 3) if shown[10] else 0.0,
        "recall_at_10": round(found[10] / tags, 3) if tags else 0.0,
        "recall_at_25": round(found[25] / tags, 3) if tags else 0.0,
        "ms_per_article": round(1000 * seconds / len(articles), 2) if articles else 0.0,
        "per_article": per_article,
    }


def main() -> int:
    args = arguments(__doc__, GOLD)
    res = evaluate(args.gold, args.verbose)
    out = {"python": platform.python_version(), "gold": args.gold.name, **res}
    print(json.dumps({k: v for k, v in out.items() if k != "per_article"}, indent=1))
    write_result(out, args.gold, "keywords", "keywords")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
