"""Train the CRF NER model (``models/ner.crfsuite``) from ``../shared/data``.

ANERcorp (CAMeL train part) is split: the last ``--dev`` fraction of sentences is held
out for evaluation; WikiFANE (mapped to PERS/ORG/LOC/MISC) can be added to the training
part with ``--wikifane`` (it lowered development F1 by 2–4 points, so the shipped model
does not use it; WikiFANE still feeds the gazetteer). With ``--final`` the shipped model is then retrained on all of ANERcorp
(+ WikiFANE) after the development score has been measured and written.

Usage: ``python -m nashra.analyze.train.ner [--data DIR] [--wikifane] [--final] [--report PATH]``
Skips cleanly (exit 0, message) when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from nashra.analyze.ner.conll import score
from nashra.analyze.ner.features import sentence_features
from nashra.analyze.train.data import DEFAULT_DATA, Sentence, read_anercorp, read_wikifane

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
) -> float:
    """Train a CRF on tagged sentences; returns seconds spent."""
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for sent in sents:
        toks = [t for t, _ in sent]
        trainer.append(sentence_features(toks), [tag for _, tag in sent])
    trainer.set_params({**PARAMS, **(params or {}), "feature.minfreq": min_freq})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def evaluate(model_path: Path, sents: list[Sentence]) -> tuple[dict[str, dict[str, float]], float]:
    """Entity-level scores on tagged sentences, and tokens per second of tagging."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    ntok = 0
    t0 = time.perf_counter()
    for sent in sents:
        toks = [t for t, _ in sent]
        pred.append(tagger.tag(sentence_features(toks)))
        gold.append([tag for _, tag in sent])
        ntok += len(toks)
    dt = time.perf_counter() - t0
    return score(gold, pred), ntok / dt if dt else 0.0


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
    args = ap.parse_args(argv)

    aner = read_anercorp(args.data)
    if not aner:
        print(f"ANERcorp not found under {args.data}; nothing to train")
        return 0
    wiki = read_wikifane(args.data) if args.wikifane and not args.no_wikifane else []
    if args.wikifane_max:
        wiki = wiki[: args.wikifane_max]
    tr, dev = split_dev(aner, args.dev)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    dev_model = args.out.with_suffix(".dev.crfsuite")
    secs = train(tr + wiki, dev_model, params, args.min_freq)
    table, tps = evaluate(dev_model, dev)
    report = {
        "train_sentences": len(tr),
        "wikifane_sentences": len(wiki),
        "dev_sentences": len(dev),
        "dev_tokens": sum(len(s) for s in dev),
        "params": {**PARAMS, **params, "feature.minfreq": args.min_freq},
        "train_seconds": round(secs, 1),
        "dev_scores": table,
        "tag_tokens_per_s_with_features": round(tps),
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.final:
        secs = train(aner + wiki, args.out, params, args.min_freq)
        print(f"final model {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {secs:.0f} s)")
        dev_model.unlink(missing_ok=True)
    else:
        dev_model.replace(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
