"""Word vectors over SaudiNewsNet for the neural NER tagger (training only).

Every article is tokenised as the tagger tokenises (``ner.tagger.split_tokens``), each
token reduced to its match form, and a skip-gram word2vec (gensim) is trained on the
sentences. The vectors are an input of ``train.neural``; only the rows of the words the
tagger keeps ship, inside ``models/ner_neural.npz``.

Usage: ``python -m nashra.analyze.train.embeddings [--data DIR] [--out PATH]``
(about 2 minutes on 2 cores). Skips cleanly (exit 0, message) when the data is absent.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet
from nashra.text import match_form, split_sentences

DEFAULT_OUT = Path("/tmp/nashra-train/w2v.kv")
DIM = 100


def corpus_sentences(data: Path) -> Iterator[list[str]]:
    """Match forms of the tokens of every SaudiNewsNet sentence."""
    from nashra.analyze.ner.tagger import split_tokens

    for text in iter_saudinewsnet(data):
        for s_start, s_end in split_sentences(text):
            toks = [match_form(t[0]) or t[0] for t in split_tokens(text, s_start, s_end)]
            if toks:
                yield toks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--epochs", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.data / "saudinewsnet").exists():
        print(f"SaudiNewsNet not found under {args.data}; nothing to train")
        return 0
    from gensim.models import Word2Vec

    t0 = time.perf_counter()
    sents = list(corpus_sentences(args.data))
    print(
        f"{len(sents)} sentences, {sum(map(len, sents))} tokens ({time.perf_counter() - t0:.0f} s)"
    )
    model = Word2Vec(
        sents,
        vector_size=DIM,
        window=5,
        min_count=3,
        sg=1,
        negative=5,
        epochs=args.epochs,
        workers=2,
        seed=1,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(args.out))
    print(f"{len(model.wv)} words → {args.out} ({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
