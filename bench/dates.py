"""Date finding and resolution against our annotated passages.

Gold: ``tests/analyze/data/dates_<set>.json`` — passages we wrote, each with its
publication date, every date expression in it (exact text and the day it means:
the first day of a month or year, publication ± 7 days for a week; Hijri dates in the
Umm al-Qura calendar) and traps (text that looks like a date and is not one). A found
date matches a gold one when their spans overlap; it is correct when its value is the
gold value too.

Prints and writes detection precision/recall (spans only), strict precision/recall
(span and value), value accuracy of the matched, recall by kind, and how many traps
were taken for dates.

Usage: .venv/bin/python bench/dates.py [--gold PATH] [--verbose]
Writes ``bench/results/dates_<set>.json``.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gold import arguments, ratio, write_result  # noqa: E402  (bench/gold.py)

from nashra.analyze import analyze_text  # noqa: E402

GOLD = ROOT / "tests" / "analyze" / "data" / "dates_blind.json"


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    assert out, needle
    return out


def evaluate(gold_path: Path, verbose: bool = False) -> dict[str, object]:
    passages = json.loads(gold_path.read_text("utf-8"))
    found = gold_n = matched = correct = trapped = gold_right = gold_held = 0
    by_kind: Counter[str] = Counter()
    by_kind_ok: Counter[str] = Counter()
    errors: list[str] = []
    t0 = time.process_time()
    for p in passages:
        text, pub = p["text"], date.fromisoformat(p["published"])
        pred = analyze_text(text, pub).dates
        gold = [
            (s, e, date.fromisoformat(g["value"]), g)
            for g in p["dates"]
            for s, e in _spans(text, g["text"])
        ]
        # an occurrence inside another gold date is that one's (أمس in أول من أمس, الأحد
        # in الأحد المقبل when both are annotated elsewhere in the passage)
        gold = [
            x
            for x in gold
            if not any(o[3] is not x[3] and o[0] <= x[0] and x[1] <= o[1] for o in gold)
        ]
        traps = [span for t in p.get("traps", []) for span in _spans(text, t)]
        found += len(pred)
        gold_n += len(gold)
        # each gold date takes the found one overlapping it with its value, else the
        # first overlapping one; found dates matching no gold one are extra. A found date
        # that holds two gold ones of its value (الخميس 29 رمضان 1436هـ, annotated as a
        # weekday and a date) counts for both: how to cut one date is the annotator's
        # choice (set 2 joins them, set 3 splits them)
        owner: dict[int, int] = {}
        for i, (s, e, value, g) in enumerate(gold):
            over = [k for k, d in enumerate(pred) if d.start < e and s < d.end and k not in owner]
            right = [k for k in over if pred[k].value == value]
            by_kind[g["kind"]] += 1
            holding = [
                k
                for k in owner
                if pred[k].start <= s and e <= pred[k].end and pred[k].value == value
            ]
            if right:
                owner[right[0]] = i
                correct += 1
                gold_right += 1
                by_kind_ok[g["kind"]] += 1
            elif holding:
                gold_held += 1
                gold_right += 1
                by_kind_ok[g["kind"]] += 1
            elif over:
                owner[over[0]] = i
                d = pred[over[0]]
                errors.append(f"{p['id']} value: {d.text} → {d.value}, gold {g['text']} → {value}")
            else:
                errors.append(f"{p['id']} missed: {g['text']} → {value} ({g['kind']})")
        matched += len(owner)
        for k, d in enumerate(pred):
            if k in owner:
                continue
            if any(s < d.end and d.start < e for s, e, _, _ in gold):
                errors.append(f"{p['id']} part: {d.text} → {d.value} (a second date in one)")
                continue
            if any(s < d.end and d.start < e for s, e in traps):
                trapped += 1
            errors.append(f"{p['id']} extra: {d.text} → {d.value} ({d.kind})")
    if verbose:
        print("\n".join(errors))
    return {
        "gold": gold_path.name,
        "passages": len(passages),
        "gold_dates": gold_n,
        "found": found,
        "detection": {
            "precision": ratio(matched, found),
            "recall": ratio(matched + gold_held, gold_n),
        },
        "strict": {"precision": ratio(correct, found), "recall": ratio(gold_right, gold_n)},
        "gold_held_by_a_longer_date": gold_held,
        "value_accuracy_of_matched": ratio(correct, matched),
        "recall_by_kind": {k: f"{by_kind_ok[k]}/{n}" for k, n in by_kind.most_common()},
        "traps": sum(len(p.get("traps", [])) for p in passages),
        "traps_taken_for_dates": trapped,
        "cpu_s": round(time.process_time() - t0, 2),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }


def main() -> None:
    args = arguments(__doc__, GOLD)
    out = evaluate(args.gold, args.verbose)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    print("wrote", write_result(out, args.gold, "dates", "dates"))


if __name__ == "__main__":
    main()
