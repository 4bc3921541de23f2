"""Train the CRF NER model (``models/ner.crfsuite``) from ``../shared/data``.

ANERcorp (CAMeL train part) is split: the last ``--dev`` fraction of sentences is held
out for evaluation; WikiFANE (mapped to PERS/ORG/LOC/MISC) can be added to the training
part with ``--wikifane`` (it lowered development F1 by 2–4 points, so the shipped model
does not use it; WikiFANE still feeds the gazetteer). With ``--final`` the shipped model is then retrained on all of ANERcorp
(+ WikiFANE) after the development score has been measured and written.

Two stages (self-training of a lexicon): a first CRF without the entity lexicon tags
``--lexicon-articles`` SaudiNewsNet articles; for each proclitic-free word seen 3+ times
the entity type it got most often and its share of the word's occurrences form the
lexicon (``models/ner_lexicon.json.gz``, no text); the second CRF, the shipped one, uses
it as features. For the development score both stages are trained without the
development split (its own lexicon, never shipped); with ``--final`` both are retrained
on all of ANERcorp.

Usage: ``python -m nashra.analyze.train.ner [--data DIR] [--wikifane] [--final] [--report PATH]``
Skips cleanly (exit 0, message) when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from nashra.analyze.lexicon import strip_clitics
from nashra.analyze.ner.conll import score
from nashra.analyze.ner.features import (
    LEXICON_PATH,
    NEWS_ATTRIBUTE,
    TAG_BIAS,
    crf_items,
    sentence_features,
    use_lexicon,
)
from nashra.analyze.train.data import (
    DEFAULT_DATA,
    Sentence,
    iter_saudinewsnet,
    read_anercorp,
    read_wikifane,
)
from nashra.analyze.train.own_news import TRAINING_SETS_SPEC, parse_sets, read_own_sets
from nashra.text import match_form, split_sentences

MODELS = Path(__file__).resolve().parent.parent / "models"
MODEL_PATH = MODELS / "ner.crfsuite"

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def split_dev(sents: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """The first ``1 - frac`` of the sentences for training, the rest for development."""
    cut = int(len(sents) * (1 - frac))
    return sents[:cut], sents[cut:]


def train(
    sents: list[Sentence],
    model_path: Path,
    params: dict[str, object] | None = None,
    min_freq: int = 1,
    verbose: bool = False,
    news: list[Sentence] | None = None,
) -> float:
    """Train a CRF on tagged sentences; returns seconds spent. ``news``: sentences of
    today's news (own_news.py), whose tokens carry the news attribute (NEWS_ATTRIBUTE)."""
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for sent in sents:
        toks = [t for t, _ in sent]
        trainer.append(sentence_features(toks), [tag for _, tag in sent])
    for sent in news or []:
        toks = [t for t, _ in sent]
        feats = [[*f, NEWS_ATTRIBUTE] for f in sentence_features(toks)]
        trainer.append(feats, [tag for _, tag in sent])
    trainer.set_params({**PARAMS, **(params or {}), "feature.minfreq": min_freq})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def evaluate(
    model_path: Path, sents: list[Sentence], bias: float = TAG_BIAS, news: bool = False
) -> tuple[dict[str, dict[str, float]], float]:
    """Entity-level scores on tagged sentences, and tokens per second of tagging, with the
    bias attribute at ``bias`` (as :func:`nashra.analyze.ner.tag_tokens` tags)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    ntok = 0
    t0 = time.perf_counter()
    for sent in sents:
        toks = [t for t, _ in sent]
        items = crf_items(sentence_features(toks), bias)
        if news:
            for item in items:
                item[NEWS_ATTRIBUTE] = 1.0
        pred.append(tagger.tag(items))
        gold.append([tag for _, tag in sent])
        ntok += len(toks)
    dt = time.perf_counter() - t0
    return score(gold, pred), ntok / dt if dt else 0.0


def build_lexicon(
    model_path: Path,
    out: Path,
    data: Path,
    articles: int,
    min_count: int = 3,
    news: bool = False,
) -> int:
    """Tag ``articles`` SaudiNewsNet articles (spread over the corpus) with a first-stage
    model; write proclitic-free word → [type, share, count] for words tagged as an entity
    in at least 10 % of their (3+) occurrences. Returns the number of entries."""
    import pycrfsuite

    from nashra.analyze.ner.tagger import split_tokens

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    arts = list(iter_saudinewsnet(data))
    step = max(1, len(arts) // articles) if articles else 1
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in arts[::step][: articles or None]:
        for s_start, s_end in split_sentences(text):
            toks = [t[0] for t in split_tokens(text, s_start, s_end)]
            if not toks or len(toks) > 200:
                continue
            feats = sentence_features(toks)
            if news:
                feats = [[*f, NEWS_ATTRIBUTE] for f in feats]
            for tok, tag in zip(toks, tagger.tag(feats), strict=True):
                key = strip_clitics(match_form(tok) or tok, keep_article=True)
                counts[key][tag[2:] if tag != "O" else "O"] += 1
    lex: dict[str, list[object]] = {}
    for word, c in sorted(counts.items()):
        n = sum(c.values())
        ents = [(v, t) for t, v in c.items() if t != "O"]
        if n < min_count or not ents:
            continue
        v, typ = max(ents)
        if v / n >= 0.1:
            lex[word] = [typ, round(v / n, 2), n]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump(lex, f, ensure_ascii=False, separators=(",", ":"))
    return len(lex)


def train_two_stage(
    sents: list[Sentence],
    model_path: Path,
    lexicon_path: Path,
    data: Path,
    params: dict[str, object],
    min_freq: int,
    articles: int,
    news: list[Sentence] | None = None,
) -> float:
    """First stage (no lexicon) → lexicon from SaudiNewsNet → second stage with it.
    ``news``: see :func:`train`; the lexicon's articles are then tagged as news too."""
    t0 = time.perf_counter()
    stage1 = model_path.with_suffix(".stage1.crfsuite")
    use_lexicon(None)
    train(sents, stage1, params, min_freq, news=news)
    n = build_lexicon(stage1, lexicon_path, data, articles, news=bool(news))
    print(f"lexicon {lexicon_path}: {n} words ({time.perf_counter() - t0:.0f} s)")
    stage1.unlink(missing_ok=True)
    use_lexicon(lexicon_path)
    train(sents, model_path, params, min_freq, news=news)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dev", type=float, default=0.1)
    ap.add_argument(
        "--wikifane", action="store_true", help="add WikiFANE to training (hurt on ANERcorp dev)"
    )
    ap.add_argument("--no-wikifane", action="store_true", help="(default; kept for scripts)")
    ap.add_argument("--wikifane-max", type=int, default=0, help="at most N WikiFANE sentences")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--min-freq", type=int, default=1)
    ap.add_argument("--final", action="store_true", help="retrain on all data for shipping")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--report", type=Path, default=None, help="write the dev scores here")
    ap.add_argument(
        "--lexicon-articles", type=int, default=16_000, help="SaudiNewsNet articles to tag"
    )
    ap.add_argument("--lexicon-out", type=Path, default=LEXICON_PATH)
    ap.add_argument(
        "--own-sets",
        default=TRAINING_SETS_SPEC,
        help="our entity sets to train on too (train/own_news.py; '' for none)",
    )
    ap.add_argument(
        "--own-eval", default="17-24", help="our entity sets to score on, unseen in training"
    )
    ap.add_argument(
        "--news-domain",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="our sets' tokens carry the news attribute (tagging news adds it)",
    )
    args = ap.parse_args(argv)

    aner = read_anercorp(args.data)
    if not aner:
        print(f"ANERcorp not found under {args.data}; nothing to train")
        return 0
    wiki = read_wikifane(args.data) if args.wikifane and not args.no_wikifane else []
    if args.wikifane_max:
        wiki = wiki[: args.wikifane_max]
    tr, dev = split_dev(aner, args.dev)
    own = read_own_sets(parse_sets(args.own_sets))
    own_eval = read_own_sets(
        sorted(set(parse_sets(args.own_eval)) - set(parse_sets(args.own_sets)))
    )
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    dev_model = args.out.with_suffix(".dev.crfsuite")
    dev_lexicon = args.lexicon_out.with_name(
        args.lexicon_out.name.replace(".json.gz", ".dev.json.gz")
    )
    # (today's news as a domain of its own, or as more of ANERcorp's)
    sents, news = (tr + wiki, own) if args.news_domain else (tr + wiki + own, [])
    secs = train_two_stage(
        sents, dev_model, dev_lexicon, args.data, params, args.min_freq, args.lexicon_articles, news
    )
    table, tps = evaluate(dev_model, dev)
    table_plain, _ = evaluate(dev_model, dev, 1.0)
    own_table = evaluate(dev_model, own_eval, news=bool(news))[0] if own_eval else {}
    report = {
        "train_sentences": len(tr),
        "wikifane_sentences": len(wiki),
        "dev_sentences": len(dev),
        "dev_tokens": sum(len(s) for s in dev),
        "params": {**PARAMS, **params, "feature.minfreq": args.min_freq},
        "lexicon_articles": args.lexicon_articles,
        "train_seconds": round(secs, 1),
        "tag_bias": TAG_BIAS,
        "dev_scores": table,
        "dev_scores_bias_1": table_plain,
        "own_sets": args.own_sets,
        "news_domain": args.news_domain,
        "own_sentences": len(own),
        "own_eval_sets": args.own_eval,
        "own_eval_scores": own_table,
        "tag_tokens_per_s_with_features": round(tps),
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.final:
        secs = train_two_stage(
            aner + wiki + ([] if news else own),
            args.out,
            args.lexicon_out,
            args.data,
            params,
            args.min_freq,
            args.lexicon_articles,
            news,
        )
        print(f"final model {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {secs:.0f} s)")
        dev_model.unlink(missing_ok=True)
        dev_lexicon.unlink(missing_ok=True)
    else:
        dev_model.replace(args.out)
        dev_lexicon.replace(args.lexicon_out)
    use_lexicon(args.lexicon_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
