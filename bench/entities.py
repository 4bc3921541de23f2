"""Entities and their canonical forms against our annotated passages, through the store.

Gold: ``tests/analyze/data/entities_<set>.json`` — passages we wrote, each listing every
named entity (canonical name, type, and every surface form by which the passage refers
to it: spelling variants, family names alone, acronyms, roles used alone for a person,
nisba adjectives standing for a country). The canonical name is the same across
passages, so linking across articles is scored too.

The passages are ingested into a fresh SQLite home (the real pipeline: extraction,
analysis, storing entities with their aliases), then every word-bounded occurrence of a
gold surface form in the stored text is matched to the stored mentions overlapping it.

Prints and writes:

* mention detection precision / recall (spans overlap), and with the type right too;
* linking within articles: B-cubed precision / recall over the matched occurrences of
  each article (one stored entity per gold entity);
* linking across articles: B-cubed over (article, gold entity) pairs, each standing for
  the stored entity most of its occurrences got — scored over the entities found in two
  or more passages;
* canonical names: the share of (article, gold entity) pairs whose stored entity's name
  is the gold name, or contains it, or is contained in it (بيسكوف vs ديمتري بيسكوف).

Usage: .venv/bin/python bench/entities.py [--gold PATH] [--verbose]
Writes ``bench/results/entities_<set>.json``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import platform
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gold import arguments, f1, ratio, write_result  # noqa: E402  (bench/gold.py)

GOLD = ROOT / "tests" / "analyze" / "data" / "entities_blind.json"


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``needle`` in ``text``."""
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def bcubed(pred: dict[Any, Any], gold: dict[Any, Any]) -> tuple[float, float]:
    """B-cubed precision and recall of the clustering ``pred`` against ``gold`` (both
    item → cluster, over the same items)."""
    by_pred: dict[Any, list[Any]] = defaultdict(list)
    by_gold: dict[Any, list[Any]] = defaultdict(list)
    for item in pred:
        by_pred[pred[item]].append(item)
        by_gold[gold[item]].append(item)
    if not pred:
        return 0.0, 0.0
    p = r = 0.0
    for item in pred:
        same = sum(gold[o] == gold[item] for o in by_pred[pred[item]])
        p += same / len(by_pred[pred[item]])
        r += same / len(by_gold[gold[item]])
    return p / len(pred), r / len(pred)


def _ingest(passages: list[dict[str, Any]], home: Path) -> None:
    os.environ.update(
        NASHRA_HOME=str(home), DATABASE_URL="", DJANGO_SETTINGS_MODULE="nashra.site.settings"
    )
    import django

    django.setup()
    from django.core.management import call_command

    dump = home / "passages.jsonl"
    with dump.open("w", encoding="utf-8") as f:
        for p in passages:
            item = {
                "url": f"https://bench.nashra.example/{p['id']}",
                "title": f"خبر {p['id']}",
                "source": "bench",
                "published": "2026-11-30T09:00:00+00:00",
                "body": p["text"],
            }
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    call_command("migrate", verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):  # the ingest's table
        call_command("ingest", str(dump), "--quiet")


def evaluate(gold_path: Path, verbose: bool = False) -> dict[str, object]:
    passages = json.loads(gold_path.read_text("utf-8"))
    home = Path(tempfile.mkdtemp(prefix="nashra-bench-entities-"))
    t0 = time.process_time()
    _ingest(passages, home)
    seconds = time.process_time() - t0
    from nashra.news.models import Article

    names_in = Counter(
        e["name"] for p in passages for e in {x["name"]: x for x in p["entities"]}.values()
    )
    found = gold_n = matched = typed = found_matched = exact = 0
    within_p = within_r = 0.0
    within_n = 0
    pair_pred: dict[tuple[str, str], int] = {}
    pair_gold: dict[tuple[str, str], str] = {}
    named = named_ok = 0
    shown_as: dict[int, str] = {}
    errors: list[str] = []
    missing: list[str] = []
    for p in passages:
        article = Article.objects.filter(url=f"https://bench.nashra.example/{p['id']}").first()
        if article is None:
            missing.append(p["id"])
            continue
        text = article.text
        stored = [
            (m.start, m.end, m.text, m.entity.kind, m.entity.canonical())
            for m in article.mentions.filter(in_title=False).select_related("entity")
        ]
        # gold occurrences, longest surface forms first, without overlaps
        forms = sorted(
            ((form, e) for e in p["entities"] for form in e["mentions"]),
            key=lambda fe: -len(fe[0]),
        )
        taken: list[tuple[int, int, dict[str, Any]]] = []
        for form, e in forms:
            for s, t in occurrences(text, form):
                if not any(s < b and a < t for a, b, _ in taken):
                    taken.append((s, t, e))
        gold_n += len(taken)
        found += len(stored)
        found_matched += sum(any(s < b and a < t for a, b, _ in taken) for s, t, *_ in stored)
        pred: dict[int, Any] = {}
        gold: dict[int, str] = {}
        for i, (a, b, e) in enumerate(taken):
            over = [m for m in stored if m[0] < b and a < m[1]]
            if not over:
                errors.append(f"{p['id']} missed: {text[a:b]} ({e['type']}, {e['name']})")
                continue
            matched += 1
            m = max(over, key=lambda m: min(b, m[1]) - max(a, m[0]))
            if m[3] == e["type"]:
                typed += 1
                exact += _same_span(text[a:b], m[2])
            else:
                errors.append(f"{p['id']} type: {text[a:b]} {m[3]}, gold {e['type']}")
            pred[i], gold[i] = m[4].pk, e["name"]
        wp, wr = bcubed(pred, gold)
        within_p += wp * len(pred)
        within_r += wr * len(pred)
        within_n += len(pred)
        by_entity: dict[str, Counter[Any]] = defaultdict(Counter)
        entity_of: dict[Any, Any] = {}
        for i, name in gold.items():
            by_entity[name][pred[i]] += 1
        for m in stored:
            entity_of[m[4].pk] = m[4]
            shown_as[m[4].pk] = m[4].name
        for name, votes in by_entity.items():
            if len(votes) > 1:
                errors.append(f"{p['id']} split: {name} into {len(votes)} entities")
            top = votes.most_common(1)[0][0]
            pair_pred[(p["id"], name)], pair_gold[(p["id"], name)] = top, name
            named += 1
            shown = entity_of[top].name
            if _same_name(shown, name):
                named_ok += 1
            else:
                errors.append(f"{p['id']} name: {shown or '—'}, gold {name}")
        for s, t, mt, kind, _ in stored:
            if not any(s < b and a < t for a, b, _ in taken):
                errors.append(f"{p['id']} extra: {mt} ({kind})")
    shared = {k: v for k, v in pair_pred.items() if names_in[k[1]] >= 2}
    stored_as: dict[str, dict[int, str]] = defaultdict(dict)
    for (_pid, name), pk in shared.items():
        stored_as[name][pk] = shown_as[pk]
    for name, pks in stored_as.items():
        if len(pks) > 1:
            errors.append(f"across: {name} stored as {', '.join(sorted(pks.values()))}")
    across_p, across_r = bcubed(shared, {k: pair_gold[k] for k in shared})
    if verbose and errors:
        print("\n".join(sorted(errors)))
    dp, dr = ratio(found_matched, found), ratio(matched, gold_n)
    out: dict[str, object] = {
        "gold": gold_path.name,
        "passages": len(passages),
        "missing_articles": missing,
        "gold_occurrences": gold_n,
        "stored_mentions": found,
        "detection": {"precision": dp, "recall": dr, "f1": f1(dp, dr)},
        "type_accuracy_of_matched": ratio(typed, matched),
        # as CoNLL scores a tagger: the same words (less an attached proclitic) and type
        "exact_span_and_type": {
            "precision": ratio(exact, found),
            "recall": ratio(exact, gold_n),
            "f1": f1(exact / max(found, 1), exact / max(gold_n, 1)),
        },
        "within_articles_bcubed": {
            "precision": ratio(within_p, within_n),
            "recall": ratio(within_r, within_n),
            "f1": f1(within_p / max(within_n, 1), within_r / max(within_n, 1)),
        },
        "across_articles_bcubed": {
            "entities_in_2_or_more_passages": sum(n >= 2 for n in names_in.values()),
            "pairs": len(shared),
            "precision": round(across_p, 3),
            "recall": round(across_r, 3),
            "f1": f1(across_p, across_r),
        },
        "canonical_name_right": ratio(named_ok, named),
        "ingest_cpu_s": round(seconds, 2),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }
    return out


def _same_span(gold: str, stored: str) -> bool:
    """The stored mention has the gold mention's words: stored mentions drop a
    one-letter proclitic (وبوتين → بوتين), gold ones keep it as written."""
    from nashra.analyze.lexicon import strip_clitics
    from nashra.text import match_form

    g, t = match_form(gold), match_form(stored)
    return g == t or strip_clitics(g) == t or (g[:1] in "وفبلك" and g[1:] == t)


def _same_name(shown: str, gold: str) -> bool:
    from nashra.text import match_form

    p, g = match_form(shown), match_form(gold)
    return bool(p and g) and (p == g or (len(p) >= 3 and p in g) or g in p)


def main() -> None:
    args = arguments(__doc__, GOLD)
    out = evaluate(args.gold, args.verbose)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    print("wrote", write_result(out, args.gold, "entities", "entities"))


if __name__ == "__main__":
    main()
