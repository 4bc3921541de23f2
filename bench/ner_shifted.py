"""NER on the development split when a CoNLL file's sentence boundaries are off by a token.

    .venv/bin/python bench/ner_shifted.py --crf DEV.crfsuite --lexicon DEV_LEXICON [--neural DEV.npz]

The official CAMeL test file of ANERcorp has the first token of almost every sentence in
the wrong sentence (an indexing error; see ../shared/data/README.md). This writes the
development split (the last 10 % of the train part; the models given must have been
trained without it: `python -m nashra.analyze.train.ner --out M` writes M's `.dev` model
and lexicon, `train.neural --keep-dev` the neural one) as CoNLL files in three layouts —
as it is, each sentence's first token moved to the end of the sentence before, and each
sentence's final full stop moved to the start of the next — runs `tag_conll` on each and
scores it against the gold tags in the same layout (entity level, conlleval's reading of
blank lines). Writes bench/results/ner_shifted.json. Skips cleanly when the corpus is
absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nashra.analyze.ner import tagger  # noqa: E402
from nashra.analyze.ner.conll import score, tag_conll  # noqa: E402
from nashra.analyze.ner.features import use_lexicon  # noqa: E402
from nashra.analyze.train.data import DEFAULT_DATA, Sentence, read_anercorp  # noqa: E402
from nashra.analyze.train.ner import split_dev  # noqa: E402


def first_token_back(sents: list[Sentence]) -> list[Sentence]:
    """Each sentence's first token at the end of the sentence before it."""
    out = [list(s) for s in sents]
    for k in range(len(out) - 1, 0, -1):
        if len(out[k]) > 1:
            out[k - 1].append(out[k].pop(0))
    return out


def stop_forward(sents: list[Sentence]) -> list[Sentence]:
    """Each sentence's last token (the full stop) at the start of the next one."""
    out = [list(s) for s in sents]
    for k in range(len(out) - 1):
        if len(out[k]) > 1:
            out[k + 1].insert(0, out[k].pop())
    return out


def run(sents: list[Sentence], tmp: Path, name: str) -> dict[str, dict[str, float]]:
    src, dst = tmp / f"{name}.in", tmp / f"{name}.out"
    src.write_text("".join("".join(f"{t}\n" for t, _ in s) + "\n" for s in sents), "utf-8")
    tag_conll(src, dst)
    pred: list[list[str]] = [[]]
    for line in dst.read_text("utf-8").splitlines():
        if line.strip():
            pred[-1].append(line.split()[1])
        elif pred[-1]:
            pred.append([])
    pred = [p for p in pred if p]
    return score([[tag for _, tag in s] for s in sents], pred)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--crf", type=Path, required=True)
    ap.add_argument("--lexicon", type=Path, required=True)
    ap.add_argument("--neural", type=Path, default=None, help="without it: the CRF alone")
    ap.add_argument("--label", default="", help="recorded with the figures")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ner_shifted.json")
    args = ap.parse_args()
    aner = read_anercorp(args.data)
    if not aner:
        print(f"SKIP: no ANERcorp under {args.data}")
        return 0
    _, dev = split_dev(aner)
    use_lexicon(args.lexicon)
    tagger._model_path = lambda: args.crf  # type: ignore[assignment]
    tagger._neural_path = lambda: args.neural  # type: ignore[assignment]
    layouts = {
        "as_is": dev,
        "first_token_back": first_token_back(dev),
        "stop_forward": stop_forward(dev),
    }
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as d:
        for name, sents in layouts.items():
            table = run(sents, Path(d), name)
            figures[name] = table
            m = table["micro"]
            print(f"{name:18} P {m['precision']:5.2f} R {m['recall']:5.2f} F1 {m['f1']:5.2f}")
    result = {
        "label": args.label,
        "models": {"crf": str(args.crf), "neural": str(args.neural) if args.neural else None},
        "dev_sentences": len(dev),
        "scores": figures,
    }
    runs = []
    if args.out.exists():
        runs = json.loads(args.out.read_text("utf-8")).get("runs", [])
    runs.append(result)
    args.out.write_text(json.dumps({"runs": runs}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
