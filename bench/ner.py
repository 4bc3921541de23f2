"""NER tagging speed (CPU time of this process, so a busy machine does not skew it) and whole-analysis throughput on one core; dev-split F1 if asked.

* tokens/s of the shipped tagger (features, neural model + CRF; ``NASHRA_NER=crf``: the
  CRF alone), an article at a time and 32 at a time, over SaudiNewsNet
  articles (``../shared/data/saudinewsnet``), falling back to our own sample text;
* articles/s of :func:`nashra.analyze.analyze_text` (NER, entity linking, quotes,
  dates, keywords, summary) on the same articles, with per-stage times;
* ``--dev``: entity-level F1 per type on the held-out ANERcorp part, tagged as
  ``nashra tag-conll`` tags a file (documents of 10 sentences, the document pass), by the
  models given: they must be trained without that part (``python -m
  nashra.analyze.train.ner --out /tmp/dev.crfsuite --lexicon-out /tmp/dev_lex.json.gz``;
  ``python -m nashra.analyze.train.neural --lexicon /tmp/dev_lex.json.gz --keep-dev``
  for the neural one), then ``--model /tmp/dev.crfsuite --lexicon /tmp/dev_lex.json.gz
  [--neural DEV.npz]``; without ``--neural`` the CRF tags alone.

Usage: .venv/bin/python bench/ner.py [--articles 1000] [--dev] [--model PATH] [--lexicon PATH]
       [--neural PATH]
Writes ``bench/results/ner.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nashra.analyze import analyze_text  # noqa: E402
from nashra.analyze.dates import find_dates  # noqa: E402
from nashra.analyze.entities import link_entities  # noqa: E402
from nashra.analyze.keywords import keywords  # noqa: E402
from nashra.analyze.ner import tagger as ner_tagger  # noqa: E402
from nashra.analyze.ner.tagger import (  # noqa: E402
    find_entities,
    split_tokens,
    tag_documents,
    tag_sentences,
)
from nashra.analyze.quotes import find_quotes  # noqa: E402
from nashra.analyze.summary import summarize  # noqa: E402
from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet  # noqa: E402
from nashra.text import split_sentences  # noqa: E402

_SAMPLE = (
    "وقال وزير الخارجية المصري سامح شكري إن القاهرة ترحب بالاتفاق. وأضاف أن مصر ستواصل "
    "جهودها مع الأمم المتحدة والاتحاد الأوروبي لدعم الاستقرار في ليبيا والسودان. "
    "وأعلنت شركة أرامكو السعودية أمس ارتفاع أرباحها، بحسب بيان نشرته في الرياض."
)


def load_articles(n: int, data: Path) -> list[str]:
    """``n`` articles spread evenly over the whole corpus (sources differ a lot in length;
    the first zip alone has a median of 650 words against 200 overall)."""
    arts = list(iter_saudinewsnet(data))
    if not arts:
        return [_SAMPLE * 3] * min(n, 200)
    step = max(1, len(arts) // n)
    return arts[::step][:n]


def dev_scores(data: Path) -> dict[str, dict[str, float]] | None:
    """Scores on the development split, tagged through ``tag_conll`` (the path a user
    scoring a CoNLL file takes)."""
    import tempfile

    from nashra.analyze.ner.conll import score, tag_conll
    from nashra.analyze.train.data import read_anercorp
    from nashra.analyze.train.ner import split_dev

    aner = read_anercorp(data)
    if not aner:
        return None
    _, dev = split_dev(aner)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "dev.txt", Path(tmp) / "tagged.txt"
        src.write_text("".join("".join(f"{t}\n" for t, _ in s) + "\n" for s in dev), "utf-8")
        tag_conll(src, dst)
        pred = [[line.rsplit(" ", 1)[1] for line in s] for s in _sentences(dst)]
    assert [len(p) for p in pred] == [len(s) for s in dev]
    return score([[t for _, t in s] for s in dev], pred)


def _sentences(path: Path) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [s for s in out if s]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--lexicon", type=Path, default=None)
    ap.add_argument("--neural", type=Path, default=None, help="with --dev: the dev neural model")
    args = ap.parse_args()
    if args.lexicon:
        from nashra.analyze.ner.features import use_lexicon

        use_lexicon(args.lexicon)
    if args.model:
        ner_tagger.MODEL_PATH = args.model
        ner_tagger._model_path.cache_clear()
    if args.dev:  # the neural model given, or none (the shipped one saw the dev part)
        ner_tagger.NEURAL_PATH = args.neural or Path("/nonexistent")
        ner_tagger._neural_path.cache_clear()

    from machine import python_speed  # bench/machine.py

    speed_before = python_speed()
    arts = load_articles(args.articles, args.data)
    docs: list[list[list[str]]] = []
    for a in arts:
        sentences = [[t[0] for t in split_tokens(a, s, e)] for s, e in split_sentences(a)]
        docs.append([toks for toks in sentences if toks])
    ntok = sum(len(s) for d in docs for s in d)
    # An article's sentences are one document (the neural model's document vector); the
    # first pass warms the per-word caches (as a long-running worker would be).
    t0 = time.process_time()
    for doc in docs:
        tag_sentences(doc)
    cold = time.process_time() - t0
    t0 = time.process_time()
    for doc in docs:
        tag_sentences(doc)
    warm = time.process_time() - t0
    # 32 articles at a time, as the ingest pipeline tags them (warm)
    t0 = time.process_time()
    for k in range(0, len(docs), 32):
        tag_documents(docs[k : k + 32])
    batched = time.process_time() - t0

    stages = {"ner": 0.0, "link": 0.0, "quotes": 0.0, "dates": 0.0, "keywords": 0.0, "summary": 0.0}
    per_article: list[float] = []
    t_all = time.process_time()
    for a in arts:
        t0 = time.process_time()
        analyze_text(a)
        per_article.append(time.process_time() - t0)
    total = time.process_time() - t_all
    for a in arts:
        t0 = time.process_time()
        spans = find_entities(a)
        t1 = time.process_time()
        mentions, _ = link_entities(a, spans)
        t2 = time.process_time()
        find_quotes(a, mentions)
        t3 = time.process_time()
        find_dates(a, None)
        t4 = time.process_time()
        keywords(a)
        t5 = time.process_time()
        summarize(a)
        t6 = time.process_time()
        for k, dt in zip(
            stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True
        ):
            stages[k] += dt
    words = [len(a.split()) for a in arts]
    out: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "articles": len(arts),
        "median_words": statistics.median(words),
        "tokens": ntok,
        "tag_tokens_per_s_cold_cache": round(ntok / cold),
        "tag_tokens_per_s_warm_cache": round(ntok / warm),
        "tag_tokens_per_s_warm_32_articles_a_batch": round(ntok / batched),
        "tagger": "CRF alone" if ner_tagger._neural_path() is None else "neural + CRF ensemble",
        "analyze_articles_per_s": round(len(arts) / total, 1),
        "analyze_median_ms": round(1000 * statistics.median(per_article), 2),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        # bench/machine.py's reference workload before and after (lower: a faster hour)
        "python_speed_s": [speed_before, python_speed()],
    }
    if args.dev:
        out["dev_scores"] = dev_scores(args.data)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    (ROOT / "bench" / "results" / "ner.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
