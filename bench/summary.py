"""Extractive summary quality on articles we wrote, against the sentences an editor chose.

Gold: ``tests/analyze/data/summaries_gold.json``: each article (title, body paragraphs)
with ``summary``, the 2–3 sentences of its body an editor would pick, as written. A
chosen sentence matches a gold one when their spans overlap by at least half of each.

Reports, over all articles: sentence precision, recall and F1; ROUGE-1 recall and F1 on
index terms (:func:`nashra.text.terms`, counts clipped); how often the lead sentence is
in the summary; and the same figures for the lead baseline (the first sentences, as
many as the summariser chose).

Usage: .venv/bin/python bench/summary.py [--gold PATH] [--verbose]
Writes ``bench/results/summary.json`` (``summary_<name>.json`` for another gold file,
``tests/analyze/data/summaries_<name>.json``).
"""

from __future__ import annotations

import json
import platform
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gold import arguments, write_result  # noqa: E402  (bench/gold.py)

from nashra.analyze import analyze_text  # noqa: E402
from nashra.analyze.lexicon import cached_sentences  # noqa: E402
from nashra.text import terms  # noqa: E402

GOLD = ROOT / "tests" / "analyze" / "data" / "summaries_gold.json"

Span = tuple[int, int]


def _overlaps(a: Span, b: Span) -> bool:
    ov = min(a[1], b[1]) - max(a[0], b[0])
    return ov >= 0.5 * (a[1] - a[0]) and ov >= 0.5 * (b[1] - b[0])


def _rouge1(text: str, chosen: list[Span], gold: list[Span]) -> tuple[float, float]:
    """ROUGE-1 (recall, F1) of the chosen spans' terms against the gold spans'."""
    c = Counter(t for s, e in chosen for t in terms(text[s:e]))
    g = Counter(t for s, e in gold for t in terms(text[s:e]))
    hit = sum((c & g).values())
    r = hit / max(1, sum(g.values()))
    p = hit / max(1, sum(c.values()))
    return r, (2 * p * r / (p + r) if p + r else 0.0)


def _scores(rows: list[tuple[str, list[Span], list[Span]]]) -> dict[str, float]:
    tp = chosen_n = gold_n = lead = 0
    r1 = f1 = 0.0
    for text, chosen, gold in rows:
        matched = {j for c in chosen for j, g in enumerate(gold) if _overlaps(c, g)}
        tp += len(matched)
        chosen_n += len(chosen)
        gold_n += len(gold)
        first = cached_sentences(text)[0]
        lead += any(_overlaps(c, first) for c in chosen)
        r, f = _rouge1(text, chosen, gold)
        r1 += r
        f1 += f
    p = tp / chosen_n if chosen_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    n = len(rows)
    return {
        "sentence_precision": round(p, 3),
        "sentence_recall": round(r, 3),
        "sentence_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "rouge1_recall": round(r1 / n, 3) if n else 0.0,
        "rouge1_f1": round(f1 / n, 3) if n else 0.0,
        "lead_sentence_share": round(lead / n, 3) if n else 0.0,
    }


def evaluate(gold_path: Path, verbose: bool = False) -> dict[str, object]:
    articles = json.loads(gold_path.read_text("utf-8"))["articles"]
    ours: list[tuple[str, list[Span], list[Span]]] = []
    leads: list[tuple[str, list[Span], list[Span]]] = []
    for art in articles:
        text = "\n\n".join(art["body"])
        gold = []
        for sentence in art["summary"]:
            s = text.find(sentence)
            assert s >= 0, (art["id"], sentence)
            gold.append((s, s + len(sentence)))
        chosen = analyze_text(text, title=art["title"]).summary_spans
        ours.append((text, chosen, gold))
        leads.append((text, cached_sentences(text)[: len(chosen)], gold))
        if verbose:
            hits = [any(_overlaps(c, g) for g in gold) for c in chosen]
            print(art["id"], "chosen:", [cached_sentences(text).index(c) for c in chosen], hits)
            for s, e in gold:
                if not any(_overlaps(c, (s, e)) for c in chosen):
                    print("   missed:", text[s:e][:90])
    return {"articles": len(articles), **_scores(ours), "lead_baseline": _scores(leads)}


def main() -> int:
    args = arguments(__doc__, GOLD)
    out = {"python": platform.python_version(), "gold": args.gold.name}
    out.update(evaluate(args.gold, args.verbose))
    print(json.dumps(out, ensure_ascii=False, indent=1))
    write_result(out, args.gold, "summaries", "summary")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
