"""Quote detection precision/recall and speaker accuracy on our annotated passages.

Gold: ``tests/analyze/data/quotes_gold.json`` (passages we wrote, each with its quotes:
text, speaker, kind, optional via). Indirect quotes, gold and predicted, are compared
clause by clause (``أن X، وأن Y`` is two: the sets write it either way). A predicted
quote matches a gold one when their character spans overlap by at least half of each. Speaker (and via) are correct when the
match forms are equal or one contains the other (بيسكوف vs ديمتري بيسكوف), a known body
by any of its names (``bodies.BODY_OF``: بترا = وكالة الأنباء الأردنية).

Also runs the extractor over the seed page (``../shared/seeds/000_…txt``) when present and
prints how many quotes it found (its text is never copied into the repository).

Usage: .venv/bin/python bench/quotes.py [--gold PATH] [--verbose]
Writes ``bench/results/quotes.json`` (``quotes_<name>.json`` for another gold file).

First-run scores (before any rule was changed in their light) are recorded in
``docs/analyze.md``; the sets were then used to fix the rules, so later runs on them
are no longer blind.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gold import arguments, write_result  # noqa: E402  (bench/gold.py)

from nashra.analyze import analyze_text  # noqa: E402
from nashra.analyze.bodies import BODY_OF  # noqa: E402
from nashra.analyze.quotes import (  # noqa: E402  (the code's own cut and case ending)
    ACCUSATIVE_ENDING,
    CLAUSE_CUT,
)
from nashra.text import match_form  # noqa: E402

GOLD = ROOT / "tests" / "analyze" / "data" / "quotes_gold.json"
SEED = ROOT.parent / "shared" / "seeds" / "000_3bfc12c5c14cef6f.txt"


_MARKS = str.maketrans("", "", '«»“”"')  # صحيفة «الرياضية» = صحيفة الرياضية


def same_name(pred: str, gold: str) -> bool:
    p, g = (
        " ".join(match_form(ACCUSATIVE_ENDING.sub("", n.translate(_MARKS))).split())
        for n in (pred, gold)
    )
    if not p or not g:
        return p == g
    # a known body by any of its names (بترا = وكالة الأنباء الأردنية)
    p, g = (BODY_OF.get(n, (n, ""))[0] for n in (p, g))
    return p == g or (len(p) >= 3 and p in g) or g in p


# The sets differ on one convention: sets 13–17 and 19 give "أن X، وأن Y" as one quote,
# sets 18 and 20–24 as two. Both sides are compared clause by clause, cut where the code
# cuts (quotes.CLAUSE_CUT), so either way of writing it scores alike.


def clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of an indirect quote's complement clauses (a cut at "، وأن" or " وأن" where both
    sides have three words or more and no mark is open)."""
    out: list[tuple[int, int]] = []
    start = s
    for m in CLAUSE_CUT.finditer(text, s, e):
        head = text[start : m.start()]
        if head.count("«") != head.count("»") or head.count('"') % 2:
            continue
        if len(head.split()) < 3 or len(text[m.end() : e].split()) < 3:
            continue
        out.append((start, m.start()))
        start = m.end()
    return [*out, (start, e)]


def evaluate(gold_path: Path, verbose: bool = False) -> dict[str, object]:
    passages = json.loads(gold_path.read_text("utf-8"))
    tp = fp = fn = 0
    spk_ok = via_ok = via_n = kind_ok = 0
    errors: list[str] = []
    for p in passages:
        text = p["text"]
        pred = [
            replace(q, text=text[a:b], start=a, end=b)
            for q in analyze_text(text).quotes
            for a, b in (
                clauses(text, q.start, q.end) if q.kind == "indirect" else [(q.start, q.end)]
            )
        ]
        gold = []
        for g in p["quotes"]:
            s = text.find(g["text"])
            assert s >= 0, (p["id"], g["text"])
            parts = clauses(text, s, s + len(g["text"])) if g["kind"] == "indirect" else []
            for a, b in parts or [(s, s + len(g["text"]))]:
                gold.append((a, b, {**g, "text": text[a:b]}))
        matched: set[int] = set()
        for q in pred:
            hit = None
            for i, (s, e, _g) in enumerate(gold):
                ov = min(e, q.end) - max(s, q.start)
                if i not in matched and ov >= 0.5 * (e - s) and ov >= 0.5 * (q.end - q.start):
                    hit = i
                    break
            if hit is None:
                fp += 1
                errors.append(f"{p['id']} FP: {q.text!r} ({q.speaker})")
                continue
            matched.add(hit)
            tp += 1
            g = gold[hit][2]
            if same_name(q.speaker, g["speaker"]):
                spk_ok += 1
            else:
                errors.append(
                    f"{p['id']} SPEAKER: {q.speaker!r} != {g['speaker']!r} for {q.text[:40]!r}"
                )
            if q.kind == g["kind"]:
                kind_ok += 1
            if g.get("via"):
                via_n += 1
                if same_name(q.via, g["via"]):
                    via_ok += 1
                else:
                    errors.append(f"{p['id']} VIA: {q.via!r} != {g['via']!r}")
        for i, (_s, _e, g) in enumerate(gold):
            if i not in matched:
                fn += 1
                errors.append(f"{p['id']} FN: {g['text']!r}")
    if verbose:
        print("\n".join(errors))
    return {
        "passages": len(passages),
        "gold_quotes": tp + fn,
        "predicted": tp + fp,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "speaker_accuracy": round(spk_ok / tp, 3) if tp else 0.0,
        "kind_accuracy": round(kind_ok / tp, 3) if tp else 0.0,
        "via_accuracy": round(via_ok / via_n, 3) if via_n else None,
        "errors": errors,
    }


def seed_check() -> dict[str, object] | None:
    if not SEED.exists():
        return None
    text = SEED.read_text("utf-8", errors="replace")
    t0 = time.perf_counter()
    a = analyze_text(text)
    return {
        "chars": len(text),
        "quotes": len(a.quotes),
        "with_speaker": sum(1 for q in a.quotes if q.speaker),
        "direct": sum(1 for q in a.quotes if q.kind == "direct"),
        "seconds": round(time.perf_counter() - t0, 3),
    }


def main() -> int:
    args = arguments(__doc__, GOLD)
    res = evaluate(args.gold, args.verbose)
    seed = seed_check()
    out = {
        "python": platform.python_version(),
        "gold": str(args.gold.relative_to(ROOT))
        if args.gold.is_relative_to(ROOT)
        else str(args.gold),
        **res,
        "seed_page": seed,
    }
    print(json.dumps({k: v for k, v in out.items() if k != "errors"}, ensure_ascii=False, indent=1))
    write_result(out, args.gold, "quotes", "quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
