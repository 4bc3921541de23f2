"""Pretrain the neural tagger's layers as language models on SaudiNewsNet.

ANERcorp has 125k labelled tokens; SaudiNewsNet has ten million unlabelled ones. The
tagger's network (word inputs, character CNN, feature vectors, the bidirectional LSTM;
``train.neural.build_model``) is first trained to predict words: the forward LSTM the
next word, the backward one the previous word (each through its own softmax over the
most frequent words, dropped afterwards), as ELMo's language models are. Fine-tuning on
NER (``train.neural --init``) then starts from those weights instead of random ones. The
shipped tagger keeps its shape and its cost: only the starting point changes.

The inputs are the tagger's own (``train.neural.Vocab``, with the lexicon in use for the
run it serves: the development lexicon for the development model), so an LSTM that
reads them is what fine-tuning continues. Weights are saved with the feature and
character strings their rows stand for, so that a vocabulary built from other
sentences (the final model's) takes each row by its string.

Usage: ``python -m nashra.analyze.train.lm --vectors W2V --lexicon LEX --out LM.npz
[--device cuda] [--minutes M]``. Needs a GPU to be worth running (about two minutes on
one for two million tokens an epoch; hours on two cores). Skips cleanly (exit 0,
message) when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from nashra.analyze.ner.features import use_lexicon
from nashra.analyze.ner.tagger import split_tokens
from nashra.analyze.train.data import (
    DEFAULT_DATA,
    Sentence,
    iter_saudinewsnet,
    read_anercorp,
    read_wikifane,
)
from nashra.text import split_sentences

OUTPUT_WORDS = 20_000  # the words the language models predict (the rest: one "other")


def corpus(data: Path, max_tokens: int) -> list[Sentence]:
    """SaudiNewsNet sentences tokenized as the tagger reads them (tags all ``O``)."""
    out: list[Sentence] = []
    n = 0
    for text in iter_saudinewsnet(data):
        for start, end in split_sentences(text):
            toks = [t[0] for t in split_tokens(text, start, end)]
            if 2 <= len(toks) <= 120:
                out.append([(t, "O") for t in toks])
                n += len(toks)
        if n >= max_tokens:
            break
    return out


def build_lm(tagger: Any, hidden: int, outputs: int) -> Any:
    from torch import nn

    class LanguageModels(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.tagger = tagger
            self.next_word = nn.Linear(hidden, outputs)
            self.prev_word = nn.Linear(hidden, outputs)

        def loss(self, words: Any, tok: Any, target: Any, mask: Any, lengths: Any, doc: Any) -> Any:
            x = self.tagger.word_vectors(*words)[tok]
            h = self.tagger.drop(self.tagger.hidden(x, doc, lengths))
            fwd, bwd = h[:, :-1, :hidden], h[:, 1:, hidden:]
            both = mask[:, 1:] > 0  # a word and the one after it
            ce = nn.functional.cross_entropy
            return ce(self.next_word(fwd[both]), target[:, 1:][both]) + ce(
                self.prev_word(bwd[both]), target[:, :-1][both]
            )

    return LanguageModels()


def lm_batches(data: Any, order: list[int], target_of: np.ndarray, args: argparse.Namespace) -> Any:
    """The epoch's batches in ``order`` with their targets, built by ``args.workers``
    processes: building a batch in Python costs more than the GPU's step on it."""
    import torch

    class Epoch(torch.utils.data.IterableDataset):
        def __iter__(self) -> Any:
            info = torch.utils.data.get_worker_info()
            me, n = (info.id, info.num_workers) if info else (0, 1)
            for j, k in enumerate(range(0, len(order), args.batch)):
                if j % n != me:  # the loader takes the workers' batches in turn: in order
                    continue
                idx = order[k : k + args.batch]
                batch = data.batch(idx, args.word_dropout)
                target = torch.zeros(batch[1].shape, dtype=torch.long)
                for r, i in enumerate(idx):
                    target[r, : len(data.ids[i])] = torch.from_numpy(target_of[data.ids[i]])
                yield batch, target

    if not args.workers:
        return iter(Epoch())
    return iter(
        torch.utils.data.DataLoader(
            Epoch(),
            batch_size=None,
            num_workers=args.workers,
            prefetch_factor=4,
            multiprocessing_context="fork",  # the workers share the encoded corpus
        )
    )


def pretrain(vocab: Any, sents: list[Sentence], args: argparse.Namespace) -> tuple[Any, list]:
    """The tagger's network after language-model training for ``args.epochs`` epochs or
    ``args.minutes`` minutes, whichever ends first."""
    import torch

    from nashra.analyze.train.neural import Batches, build_model, on_device

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    tagger = build_model(vocab, args)
    lm = build_lm(tagger, args.hidden, args.output_words).to(args.device)
    opt = torch.optim.Adam([p for p in lm.parameters() if p.requires_grad], lr=args.lr)
    t0 = time.perf_counter()
    data = Batches(vocab, sents)
    # the word each position is to be predicted as: its vocabulary row when among the
    # most frequent words (rows are in frequency order), else 0
    target_of = np.array([w if w < args.output_words else 0 for w, *_ in data.types])
    print(
        f"encoded {len(sents)} sentences, {len(data.types)} word types "
        f"({time.perf_counter() - t0:.0f} s)",
        flush=True,
    )
    order = list(range(len(sents)))
    history: list[dict[str, Any]] = []
    deadline = t0 + 60 * args.minutes
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(order)
        total, steps, words_seen, t1 = 0.0, 0, 0, time.perf_counter()
        for batch, target in lm_batches(data, order, target_of, args):
            words, tok, _, mask, lengths, doc = on_device(batch, args.device)
            loss = lm.loss(words, tok, target.to(args.device), mask, lengths, doc)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(lm.parameters(), 5.0)
            opt.step()
            total += loss.item()
            steps += 1
            words_seen += int(lengths.sum())
            if steps % 500 == 0:
                rate = words_seen / (time.perf_counter() - t1)
                print(
                    f"epoch {epoch} step {steps}: {total / steps / 2:.3f} ({rate:.0f} words/s)",
                    flush=True,
                )
            if time.perf_counter() > deadline:
                break
        row = {
            "epoch": epoch,
            "loss": round(total / max(steps, 1) / 2, 3),  # per direction, per word
            "steps": steps,
            "seconds": round(time.perf_counter() - t1, 1),
            "words": words_seen,
        }
        history.append(row)
        print(json.dumps(row), flush=True)
        save_init(tagger, vocab, args.out)  # each epoch's: a run cut short keeps the last
        if time.perf_counter() > deadline:
            break
    return tagger, history


# The weights fine-tuning starts from; the frozen word vectors and the label layers are
# not among them.
_SHARED = ("feat.", "char.", "conv.", "lstm.")


def save_init(tagger: Any, vocab: Any, path: Path) -> None:
    sd = {k: v.detach().cpu().numpy() for k, v in tagger.state_dict().items()}
    keep = {k.replace(".", "__"): v for k, v in sd.items() if k.startswith(_SHARED)}
    keep["feat__weight"] = keep["feat__weight"].astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, features=np.array(vocab.features), chars=np.array(vocab.chars), **keep
    )


def load_init(tagger: Any, vocab: Any, path: Path) -> None:
    """Start ``tagger`` from saved weights: the LSTM and the CNN as they are, feature and
    character vectors row by row through their strings (rows of strings the saved
    vocabulary lacks keep their random start)."""
    import torch

    z = np.load(path)
    sd = tagger.state_dict()
    for name in z.files:
        key = name.replace("__", ".")
        if key not in sd:
            continue
        saved = torch.from_numpy(z[name].astype(np.float32)).to(sd[key].device)
        if key in ("feat.weight", "char.weight"):
            strings = (z["features"] if key == "feat.weight" else z["chars"]).tolist()
            ours = vocab.feature_id if key == "feat.weight" else vocab.char_id
            rows = [(ours[s], j) for j, s in enumerate(strings) if j and s in ours]
            dst, src = zip(*rows, strict=True) if rows else ((), ())
            sd[key][list(dst)] = saved[list(src)]
        else:
            sd[key] = saved
    tagger.load_state_dict(sd)


def main(argv: list[str] | None = None) -> int:
    from nashra.analyze.train import neural

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--vectors", type=Path, default=neural.DEFAULT_VECTORS)
    ap.add_argument("--lexicon", type=Path, default=None, help="the lexicon of the run served")
    ap.add_argument("--dev", type=float, default=0.1)
    ap.add_argument("--tokens", type=int, default=2_000_000)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--workers", type=int, default=0, help="processes that build batches")
    ap.add_argument("--output-words", type=int, default=OUTPUT_WORDS)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--report", type=Path, default=None)
    neural.model_arguments(ap)
    args = ap.parse_args(argv)

    aner = read_anercorp(args.data)
    if not aner or not args.vectors.exists():
        print(f"ANERcorp or word vectors ({args.vectors}) not found; nothing to train")
        return 0
    import torch

    torch.set_num_threads(args.threads)
    use_lexicon(args.lexicon)
    tr, _ = neural.split_dev(aner, args.dev)
    vocab = neural.Vocab(
        tr + read_wikifane(args.data), neural.load_vectors(args.vectors), args.vocab_words
    )
    sents = corpus(args.data, args.tokens)
    tagger, history = pretrain(vocab, sents, args)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    if args.report:
        report = {"params": {k: str(v) for k, v in vars(args).items()}, "history": history}
        args.report.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
