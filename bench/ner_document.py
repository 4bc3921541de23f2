"""NER on the development split with and without the document-level second pass.

    .venv/bin/python bench/ner_document.py                       # trains a development model (~4 min)
    .venv/bin/python bench/ner_document.py --model M --lexicon L # or scores one made earlier

The development model is trained as `nashra train-ner` trains it (both stages, entity
lexicon included), on ANERcorp without its last 10 %, which is then tagged sentence by
sentence (the model alone) and a document at a time (`nashra.analyze.ner.document`;
ANERcorp marks no documents, so every 10 or 25 consecutive sentences are taken as one, as
`nashra tag-conll` does). Writes bench/results/ner_document_pass.json. Skips cleanly when
the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nashra.analyze.ner import linear  # noqa: E402
from nashra.analyze.ner.conll import score  # noqa: E402
from nashra.analyze.ner.document import consistent  # noqa: E402
from nashra.analyze.ner.features import use_lexicon  # noqa: E402
from nashra.analyze.train.data import DEFAULT_DATA, read_anercorp  # noqa: E402
from nashra.analyze.train.ner import PARAMS, split_dev, train_two_stage  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--lexicon", type=Path, default=None)
    ap.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "ner_document_pass.json"
    )
    args = ap.parse_args()
    aner = read_anercorp(args.data)
    if not aner:
        print(f"SKIP: no ANERcorp under {args.data}")
        return 0
    train, dev = split_dev(aner)
    model, lexicon = args.model, args.lexicon
    if model is None or lexicon is None:
        tmp = Path(tempfile.mkdtemp(prefix="nashra-ner-dev-"))
        model, lexicon = tmp / "ner.dev.crfsuite", tmp / "ner_lexicon.dev.json.gz"
        train_two_stage(train, model, lexicon, args.data, dict(PARAMS), 1, 16_000)
    use_lexicon(lexicon)
    sentences = [[tok for tok, _ in s] for s in dev]
    gold = [[tag for _, tag in s] for s in dev]
    tagged = linear.tag_many(model, sentences)
    result: dict[str, object] = {
        "dev_sentences": len(dev),
        "dev_entities": score(gold, tagged)["micro"]["support"],
        "sentence_by_sentence": score(gold, tagged),
    }
    for window in (10, 25):
        passed: list[list[str]] = []
        for start in range(0, len(sentences), window):
            part = slice(start, start + window)
            passed.extend(consistent(sentences[part], tagged[part]))
        result[f"document_pass_{window}_sentences"] = score(gold, passed)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
