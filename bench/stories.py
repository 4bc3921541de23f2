"""Story grouping against a hand-labelled set of SaudiNewsNet events.

    .venv/bin/python bench/stories.py [--home DIR] [--data ../shared/data/saudinewsnet]

Which articles tell the same story was labelled by hand for 2015-07-21..23 (the first 3
zips): every original article of the 38 largest stories and of 30 sampled small ones,
and, for each event, the further reports of it found by searching all articles
(`bench/data/stories_saudinewsnet.json`: article → event, articles named by the SHA-1 of
their URL, so that no text of the corpus is copied here).

With ``--home`` (a NASHRA_HOME that already holds those zips) the stories are grouped
again from scratch there (``nashra regroup-stories``); otherwise the zips are ingested
into a fresh home first. Prints and writes bench/results/stories.json: B-cubed precision,
recall and F1 over the labelled articles, pairwise precision and recall, the number of
labelled events a story mixes, and the stories' shape. Skips when the corpus is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
LABELS = ROOT / "bench" / "data" / "stories_saudinewsnet.json"


def url_key(url: str) -> str:
    return hashlib.sha1(url.encode()).hexdigest()[:16]


def bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering over the labelled items."""
    by_pred: dict[int, list[str]] = defaultdict(list)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for item, cluster in pred.items():
        by_pred[cluster].append(item)
        by_gold[gold[item]].append(item)
    precision = recall = 0.0
    for item, cluster in pred.items():
        same = sum(gold[o] == gold[item] for o in by_pred[cluster])
        precision += same / len(by_pred[cluster])
        recall += same / len(by_gold[gold[item]])
    return precision / len(pred), recall / len(pred)


def pairs(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall: of the pairs put together, how many belong together;
    of the pairs that belong together, how many were put together."""
    items = sorted(pred)
    together = right = should = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_gold = gold[a] == gold[b]
            same_pred = pred[a] == pred[b]
            together += same_pred
            should += same_gold
            right += same_pred and same_gold
    return (right / together if together else 1.0), (right / should if should else 1.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--home", type=Path, help="a NASHRA_HOME holding the first 3 zips")
    ap.add_argument(
        "--as-is", action="store_true", help="with --home: score its stories without regrouping"
    )
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="with --home: override a constant of nashra.news.stories (tuning)",
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "stories.json")
    args = ap.parse_args()
    labels = json.loads(args.labels.read_text())
    zips = sorted(args.data.glob("*.zip"))[: labels["zips"]]
    if args.home is None and not zips:
        print(f"SKIP: no corpus at {args.data}")
        return 0
    home = args.home or Path(tempfile.mkdtemp(prefix="nashra-bench-stories-"))
    os.environ.update(
        NASHRA_HOME=str(home), DATABASE_URL="", DJANGO_SETTINGS_MODULE="nashra.site.settings"
    )
    import django

    django.setup()
    from django.core.management import call_command

    from nashra.news import stories
    from nashra.news.models import Article, Story

    for setting in args.set:
        name, _, value = setting.partition("=")
        if not hasattr(stories, name):
            ap.error(f"--set: nashra.news.stories has no {name}")
        setattr(stories, name, type(getattr(stories, name))(value))

    t0 = time.process_time()
    if args.home is None:
        call_command("migrate", verbosity=0)
        call_command("ingest", *map(str, zips), "--quiet")
    elif not args.as_is:
        stories.regroup_stories()
    seconds = time.process_time() - t0
    gold_of: dict[str, str] = labels["articles"]
    pred: dict[str, int] = {}
    gold: dict[str, str] = {}
    for url, story in Article.objects.filter(duplicate_of__isnull=True).values_list(
        "url", "story_id"
    ):
        key = url_key(url)
        if key in gold_of:
            pred[key], gold[key] = story, gold_of[key]
    missing = len(gold_of) - len(pred)
    if not pred:
        print("no labelled article found: is this the corpus the labels were made on?")
        return 1
    precision, recall = bcubed(pred, gold)
    pair_p, pair_r = pairs(pred, gold)
    events_per_story = Counter(len({gold[k] for k in ks}) for ks in _groups(pred).values())
    sizes = list(Story.objects.filter(size__gte=1).values_list("size", flat=True))
    result: dict[str, Any] = {
        "corpus": f"SaudiNewsNet, {labels['zips']} zips",
        "labelled_articles": len(pred),
        "labelled_missing": missing,
        "events": len(set(gold.values())),
        "bcubed": {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3),
        },
        "pairwise": {"precision": round(pair_p, 3), "recall": round(pair_r, 3)},
        # stories holding labelled articles, by how many labelled events they mix
        "stories_by_events_mixed": dict(sorted(events_per_story.items())),
        "stories": {
            "stories": len(sizes),
            "with_2_or_more_articles": sum(s >= 2 for s in sizes),
            "largest": max(sizes, default=0),
        },
        "settings": args.set,
        # CPU seconds of what ran: the whole ingest with analysis, or the regrouping
        "cpu_s": round(seconds, 1),
        "ran": "regroup"
        if args.home is not None and not args.as_is
        else ("ingest" if args.home is None else "nothing (as is)"),
        "date": time.strftime("%Y-%m-%d"),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


def _groups(pred: dict[str, int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for key, story in pred.items():
        out[story].append(key)
    return out


if __name__ == "__main__":
    sys.exit(main())
