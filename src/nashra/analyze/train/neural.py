"""Train the neural NER tagger (``models/ner_neural.npz``) from ``../shared/data``.

The model: each word is the concatenation of two frozen SaudiNewsNet word vectors (its
match form and its proclitic-free form, from ``train.embeddings``) and the sum of learnt
vectors of its CRF features (``ner.features.word_features``: affixes, gazetteer flags,
clusters, entity lexicon); a bidirectional LSTM reads the sentence; a linear layer gives
label scores and a CRF layer (label transitions) decodes. Where the CRF saw ±2 words, the
LSTM sees the whole sentence. Trained with PyTorch (a training-only dependency);
``ner.neural`` tags with numpy.

ANERcorp is split as for the CRF (last ``--dev`` fraction held out). The development run
picks the number of epochs; ``--final`` then retrains on all of ANERcorp for that many
epochs. Uses the entity lexicon built without the development split for the development
score (``--lexicon``), the shipped one for the final model.

On another machine (a GPU's: ``--device cuda``; ``scripts/ner-gpu``) training reads the
word vectors from ``--save-vectors``' file instead of gensim's, may start from
language-model weights (``--init``, ``train.lm``), and exports ``--without-vectors`` (half
the size to bring back; ``--complete`` adds them here).

Usage: ``python -m nashra.analyze.train.neural --vectors W2V.kv [--final] [--report PATH]``
Skips cleanly (exit 0, message) when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from nashra.analyze.lexicon import strip_clitics
from nashra.analyze.ner.conll import DOC_WINDOW, score
from nashra.analyze.ner.decode import viterbi
from nashra.analyze.ner.document import consistent
from nashra.analyze.ner.features import LEXICON_PATH, use_lexicon, word_features
from nashra.analyze.ner.neural import LABELS, MODEL_PATH, char_window
from nashra.analyze.train.data import DEFAULT_DATA, Sentence, read_anercorp, read_wikifane
from nashra.analyze.train.embeddings import DEFAULT_OUT as DEFAULT_VECTORS
from nashra.analyze.train.ner import split_dev
from nashra.analyze.train.own_news import TRAINING_SETS_SPEC, parse_sets, read_own_sets
from nashra.text import match_form

VOCAB_WORDS = 60_000  # most frequent SaudiNewsNet words whose vectors ship (+ training words)
MIN_FEATURE_COUNT = 2
MIN_CHAR_COUNT = 3


def forms(tok: str) -> tuple[str, str]:
    """(match form, proclitic-free form with the article kept) of a token."""
    m = match_form(tok) or tok
    return m, strip_clitics(m, keep_article=True)


class SavedVectors:
    """The part of a gensim ``KeyedVectors`` that :class:`Vocab` reads, from an ``.npz``
    written by :func:`save_vectors`: training can then run where gensim is absent (an
    accelerator machine)."""

    def __init__(self, path: Path) -> None:
        z = np.load(path)
        self.index_to_key: list[str] = z["words"].tolist()
        self.key_to_index = {w: i for i, w in enumerate(self.index_to_key)}
        self._vectors = z["vectors"]
        self.vector_size = int(self._vectors.shape[1])

    def __getitem__(self, word: str) -> np.ndarray:
        out: np.ndarray = self._vectors[self.key_to_index[word]].astype(np.float32)
        return out


def load_vectors(path: Path) -> Any:
    if path.suffix == ".npz":
        return SavedVectors(path)
    from gensim.models import KeyedVectors

    return KeyedVectors.load(str(path))


def save_vectors(vectors: Any, sents: list[Sentence], size: int, path: Path) -> int:
    """The vectors any :class:`Vocab` of these sentences reads (the ``size`` most
    frequent words and the sentences' own), in the model's order, as float16."""
    keep = set(vectors.index_to_key[:size])
    for sent in sents:
        for tok, _ in sent:
            keep.update(w for w in forms(tok) if w in vectors.key_to_index)
    words = sorted(keep, key=vectors.key_to_index.__getitem__)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        words=np.array(words),
        vectors=np.stack([vectors[w] for w in words]).astype(np.float16),
    )
    return len(words)


class Vocab:
    """Words with pretrained vectors and feature strings with learnt ones (id 0: none)."""

    def __init__(self, sents: list[Sentence], vectors: Any, size: int = VOCAB_WORDS) -> None:
        keep = set(vectors.index_to_key[:size])
        for sent in sents:
            for tok, _ in sent:
                keep.update(w for w in forms(tok) if w in vectors.key_to_index)
        self.words = ["", *sorted(keep, key=vectors.key_to_index.__getitem__)]
        self.word_id = {w: i for i, w in enumerate(self.words)}
        self.vectors = np.zeros((len(self.words), vectors.vector_size), dtype=np.float32)
        for w, i in self.word_id.items():
            if w:
                v = vectors[w]
                self.vectors[i] = v / (np.linalg.norm(v) or 1.0)
        counts: Counter[str] = Counter()
        for sent in sents:
            for tok, _ in sent:
                counts.update(word_features(tok)[0][1:])
        self.features = ["", *sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)]
        self.feature_id = {f: i for i, f in enumerate(self.features)}
        chars: Counter[str] = Counter()
        for sent in sents:
            for tok, _ in sent:
                chars.update(forms(tok)[0])
        # id 0: padding, 1: a character seen too rarely
        self.chars = ["", "\ufffd", *sorted(c for c, n in chars.items() if n >= MIN_CHAR_COUNT)]
        self.char_id = {c: i for i, c in enumerate(self.chars)}

    def encode(self, tok: str) -> tuple[int, int, list[int], list[int]]:
        m, s = forms(tok)
        get = self.feature_id.get
        feats = [i for i in (get(f) for f in word_features(tok)[0][1:]) if i]
        chars = [self.char_id.get(c, 1) for c in char_window(m)]
        return self.word_id.get(m, 0), self.word_id.get(s, 0), feats, chars


def document_vector(vocab: Vocab, tokens: list[str]) -> np.ndarray:
    """Mean word vector of a document's tokens (what it is about: a club named after a
    city is an organisation in a sports report)."""
    ids = [i for i in (vocab.word_id.get(forms(t)[0], 0) for t in tokens) if i]
    if not ids:
        return np.zeros(vocab.vectors.shape[1], dtype=np.float32)
    out: np.ndarray = vocab.vectors[ids].mean(axis=0)
    return out


def build_model(vocab: Vocab, args: argparse.Namespace) -> Any:
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.pre = nn.Embedding.from_pretrained(torch.from_numpy(vocab.vectors), freeze=True)
            self.feat = nn.EmbeddingBag(
                len(vocab.features), args.feat_dim, mode="sum", padding_idx=0
            )
            if args.char_filters:
                self.char = nn.Embedding(len(vocab.chars), args.char_dim, padding_idx=0)
                self.conv = nn.Conv1d(args.char_dim, args.char_filters, 3, padding=1)
            self.drop = nn.Dropout(0.5)
            # + the document vector (mean word vector of the document)
            dim = 3 * vocab.vectors.shape[1] + args.feat_dim + args.char_filters
            self.lstm = nn.LSTM(dim, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            # added to the label scores of today's news (see Batches.news)
            self.news_bias = nn.Parameter(torch.zeros(len(LABELS)))

        def word_vectors(self, w: Any, s: Any, feats: Any, chars: Any) -> Any:
            parts = [self.pre(w), self.pre(s), self.feat(feats)]
            if args.char_filters:
                conv = self.conv(self.char(chars).transpose(1, 2))  # words × filters × len
                conv = conv.masked_fill((chars == 0)[:, None, :], -1e4)
                parts.append(torch.tanh(conv.max(dim=2).values))
            return torch.cat(parts, dim=1)

        def hidden(self, x: Any, doc: Any, lengths: Any) -> Any:
            """Both directions' LSTM states: batch × length × 2H (padding: zeros)."""
            from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

            x = torch.cat([x, doc[:, None, :].expand(-1, x.shape[1], -1)], dim=2)
            packed = pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return h

        def emissions(self, x: Any, doc: Any, lengths: Any, news: Any = None) -> Any:
            emit = self.out(self.drop(self.hidden(x, doc, lengths)))
            if news is not None:
                emit = emit + news[:, None, None] * self.news_bias
            return emit

    return Tagger()


def crf_nll(emit: Any, tags: Any, mask: Any, trans: Any) -> Any:
    """Negative log-likelihood of the gold label paths (summed over the batch)."""
    import torch

    # the gold paths' scores at once; only the partition function needs the loop (fewer
    # small operations: on a GPU each one costs a kernel launch)
    gold = (emit.gather(2, tags[:, :, None])[:, :, 0] * mask).sum(dim=1)
    gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(dim=1)
    alpha = emit[:, 0]
    keep = mask[:, :, None] > 0
    for t in range(1, emit.shape[1]):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + emit[:, t]
        alpha = torch.where(keep[:, t], nxt, alpha)
    return (torch.logsumexp(alpha, dim=1) - gold).sum()


class Batches:
    """Sentences as padded tensors of word-type ids, with each type's inputs."""

    def __init__(
        self, vocab: Vocab, sents: list[Sentence], news: Sequence[bool] | None = None
    ) -> None:
        self.vocab = vocab
        self.sents = sents
        # 1.0 for a sentence of today's news (own_news.py): its label scores get news_bias
        self.news = np.array(news if news is not None else [False] * len(sents), np.float32)
        self.type_id: dict[str, int] = {}
        self.types: list[tuple[int, int, list[int], list[int]]] = []
        self.ids = [[self._type(tok) for tok, _ in s] for s in sents]
        lab = {label: i for i, label in enumerate(LABELS)}
        self.tags = [[lab[t] for _, t in s] for s in sents]
        # documents: DOC_WINDOW consecutive sentences, as tag-conll reads a file
        self.docs = np.zeros((len(sents), vocab.vectors.shape[1]), dtype=np.float32)
        for k in range(0, len(sents), DOC_WINDOW):
            window = [tok for sent in sents[k : k + DOC_WINDOW] for tok, _ in sent]
            self.docs[k : k + DOC_WINDOW] = document_vector(vocab, window)

    def _type(self, tok: str) -> int:
        k = self.type_id.get(tok)
        if k is None:
            k = self.type_id[tok] = len(self.types)
            self.types.append(self.vocab.encode(tok))
        return k

    def batch(self, idx: list[int], word_dropout: float = 0.0) -> tuple[Any, ...]:
        import torch

        lengths = [len(self.ids[i]) for i in idx]
        width = max(lengths)
        used = sorted({t for i in idx for t in self.ids[i]})
        where = {t: j for j, t in enumerate(used)}
        w = torch.tensor([self.types[t][0] for t in used])
        s = torch.tensor([self.types[t][1] for t in used])
        if word_dropout:
            # words without a vector, as unseen words at tagging time: the features and
            # characters must carry them
            drop = torch.rand(len(used)) < word_dropout
            w = w.masked_fill(drop, 0)
            s = s.masked_fill(drop, 0)
        feats = _padded([self.types[t][2] for t in used])
        chars = _padded([self.types[t][3] for t in used])
        tok = torch.zeros((len(idx), width), dtype=torch.long)
        tags = torch.zeros((len(idx), width), dtype=torch.long)
        mask = torch.zeros((len(idx), width))
        for r, i in enumerate(idx):
            n = lengths[r]
            tok[r, :n] = torch.tensor([where[t] for t in self.ids[i]])
            tags[r, :n] = torch.tensor(self.tags[i])
            mask[r, :n] = 1
        doc = torch.from_numpy(self.docs[idx])
        return (w, s, feats, chars), tok, tags, mask, torch.tensor(lengths), doc


def _padded(rows: list[list[int]]) -> Any:
    import torch

    width = max(1, max(len(r) for r in rows))
    return torch.tensor([r + [0] * (width - len(r)) for r in rows])


def on_device(batch: tuple[Any, ...], device: Any) -> tuple[Any, ...]:
    """A batch's tensors on the model's device (lengths stay on the CPU, as packing
    wants them)."""
    words, tok, tags, mask, lengths, doc = batch
    return (
        tuple(t.to(device) for t in words),
        tok.to(device),
        tags.to(device),
        mask.to(device),
        lengths,
        doc.to(device),
    )


def predict(model: Any, data: Batches, batch_size: int = 64) -> list[list[str]]:
    import torch

    model.eval()
    device = model.trans.device
    trans = model.trans.detach().cpu().numpy()
    out: list[list[str]] = []
    with torch.no_grad():
        for k in range(0, len(data.sents), batch_size):
            idx = list(range(k, min(k + batch_size, len(data.sents))))
            words, tok, _, _, lengths, doc = on_device(data.batch(idx), device)
            x = model.word_vectors(*words)[tok]
            padded = model.emissions(x, doc, lengths).cpu().numpy()
            emit = np.concatenate([padded[r, :m] for r, m in enumerate(lengths.tolist())])
            paths = viterbi(emit, lengths.numpy(), trans)
            out.extend([LABELS[j] for j in p] for p in paths)
    model.train()
    return out


def dev_scores(model: Any, data: Batches) -> dict[str, dict[str, dict[str, float]]]:
    pred = predict(model, data)
    words = [[t for t, _ in s] for s in data.sents]
    docs: list[list[str]] = []
    for k in range(0, len(words), DOC_WINDOW):
        docs.extend(consistent(words[k : k + DOC_WINDOW], pred[k : k + DOC_WINDOW]))
    gold = [[t for _, t in s] for s in data.sents]
    return {"sentence": score(gold, pred), "document": score(gold, docs)}


def fit(
    vocab: Vocab,
    train: list[Sentence],
    dev: list[Sentence] | None,
    epochs: int,
    args: argparse.Namespace,
    model: Any = None,
    average: bool = False,
    news: Sequence[bool] | None = None,
) -> tuple[Any, list[dict[str, Any]]]:
    """``news``: which of ``train`` are sentences of today's news (see Batches)."""
    import torch

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    if model is None:
        model = build_model(vocab, args).to(args.device)
        if args.init:
            from nashra.analyze.train.lm import load_init

            load_init(model, vocab, args.init)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    data = Batches(vocab, train, news)
    dev_data = Batches(vocab, dev) if dev else None
    history: list[dict[str, Any]] = []
    order = list(range(len(train)))
    # The weights averaged over the last epochs (fewer ups and downs than the last one's)
    averaged = min(args.average, epochs) if average else 0
    sums: dict[str, Any] = {}
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        rng.shuffle(order)
        total = 0.0
        for k in range(0, len(order), args.batch):
            idx = order[k : k + args.batch]
            words, tok, tags, mask, lengths, doc = on_device(
                data.batch(idx, args.word_dropout), args.device
            )
            x = model.word_vectors(*words)[tok]
            flags = torch.from_numpy(data.news[idx]).to(args.device)
            loss = crf_nll(model.emissions(x, doc, lengths, flags), tags, mask, model.trans)
            opt.zero_grad()
            (loss / len(lengths)).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        row: dict[str, Any] = {"epoch": epoch, "loss": round(total, 1)}
        if dev_data is not None:
            sc = dev_scores(model, dev_data)
            row["f1"] = sc["sentence"]["micro"]["f1"]
            row["f1_document"] = sc["document"]["micro"]["f1"]
        if epoch > epochs - averaged:
            for name, v in model.state_dict().items():
                sums[name] = sums[name] + v if name in sums else v.clone()
        row["seconds"] = round(time.perf_counter() - t0, 1)
        history.append(row)
        print(json.dumps(row), flush=True)
    if averaged:
        model.load_state_dict({name: v / averaged for name, v in sums.items()})
        if dev_data is not None:
            sc = dev_scores(model, dev_data)
            row = {
                "averaged_epochs": averaged,
                "f1": sc["sentence"]["micro"]["f1"],
                "f1_document": sc["document"]["micro"]["f1"],
            }
            history.append(row)
            print(json.dumps(row), flush=True)
    return model, history


def export(
    model: Any,
    vocab: Vocab,
    path: Path,
    crf_weight: float = 0.0,
    o_bias: float = 0.0,
    with_vectors: bool = True,
) -> None:
    """Weights for ``ner.neural`` (float16 tables, float32 recurrences). Without the
    word vectors (``with_vectors=False``: half the size, to bring a model back from
    another machine) the file needs :func:`complete` before it tags."""
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    lstm = {
        f"{name}_{d}": sd[f"lstm.{name}_l0{suffix}"]
        for d, suffix in (("f", ""), ("b", "_reverse"))
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    }
    chars = {}
    if "conv.weight" in sd:  # the character CNN
        chars = {
            "chars": np.array(vocab.chars),
            "char_vectors": sd["char.weight"],
            "char_conv_weight": sd["conv.weight"],  # filters × char dim × width
            "char_conv_bias": sd["conv.bias"],
        }
    vectors: dict[str, Any] = {"vectors": vocab.vectors.astype(np.float16)} if with_vectors else {}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        words=np.array(vocab.words),
        **vectors,
        features=np.array(vocab.features),
        feature_vectors=sd["feat.weight"].astype(np.float16),
        **chars,
        out_weight=sd["out.weight"],
        out_bias=sd["out.bias"],
        transitions=sd["trans"],
        labels=np.array(LABELS),
        crf_weight=np.array(crf_weight),
        o_bias=np.array(o_bias),
        news_bias=sd["news_bias"],
        **lstm,
    )


def complete(path: Path, vectors: Any, out: Path) -> None:
    """Add the word vectors to a model exported without them, as :class:`Vocab` makes
    them (unit length)."""
    z = dict(np.load(path))
    rows = np.zeros((len(z["words"]), vectors.vector_size), dtype=np.float32)
    for i, w in enumerate(z["words"].tolist()):
        if w:
            v = vectors[w]
            rows[i] = v / (np.linalg.norm(v) or 1.0)
    z["vectors"] = rows.astype(np.float16)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **z)


def model_arguments(ap: argparse.ArgumentParser) -> None:
    """The network's shape and the training settings (shared with ``train.lm``)."""
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--feat-dim", type=int, default=64)
    ap.add_argument("--char-dim", type=int, default=24)
    ap.add_argument("--char-filters", type=int, default=64, help="0: no character CNN")
    ap.add_argument("--word-dropout", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu", help="a torch device: cpu, cuda")
    ap.add_argument(
        "--vocab-words", type=int, default=VOCAB_WORDS, help="SaudiNewsNet vectors to ship"
    )
    ap.add_argument("--seed", type=int, default=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--vectors", type=Path, default=DEFAULT_VECTORS)
    ap.add_argument("--lexicon", type=Path, default=None, help="lexicon for the dev run")
    ap.add_argument("--dev", type=float, default=0.1)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--final-epochs", type=int, default=0, help="default: --epochs")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--average", type=int, default=8, help="average the last N epochs")
    model_arguments(ap)
    ap.add_argument(
        "--init", type=Path, default=None, help="start from pretrained weights (train.lm)"
    )
    ap.add_argument(
        "--without-vectors",
        action="store_true",
        help="export without the word vectors (--complete adds them back)",
    )
    ap.add_argument(
        "--complete", type=Path, default=None, help="a model exported without vectors: add them"
    )
    ap.add_argument(
        "--score", type=Path, default=None, help="score a development model's ensemble grid"
    )
    ap.add_argument(
        "--save-vectors", type=Path, default=None, help="write the vectors training reads (.npz)"
    )
    ap.add_argument(
        "--wikifane-epochs", type=int, default=3, help="first train this long on WikiFANE"
    )
    ap.add_argument("--final", action="store_true", help="retrain on all of ANERcorp and ship")
    ap.add_argument("--skip-dev", action="store_true")
    ap.add_argument(
        "--keep-dev", action="store_true", help="keep the development model (OUT.dev.npz)"
    )
    ap.add_argument(
        "--crf-dev-model",
        type=Path,
        default=None,
        help="CRF trained without the dev split (train.ner --out X): scores the ensemble",
    )
    ap.add_argument(
        "--crf-weight", type=float, default=-1.0, help="CRF weight to ship (default: best on dev)"
    )
    ap.add_argument(
        "--o-bias", type=float, default=0.0, help="with --crf-weight: the O bias to ship"
    )
    ap.add_argument(
        "--own-sets",
        default=TRAINING_SETS_SPEC,
        help="our entity sets to train on too (train/own_news.py; '' for none)",
    )
    ap.add_argument(
        "--news-domain",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="our sets' sentences learn a label bias of their own (tagging news adds it)",
    )
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--report", type=Path, default=None)
    args = ap.parse_args(argv)

    aner = read_anercorp(args.data)
    if not aner or not args.vectors.exists():
        print(f"ANERcorp or word vectors ({args.vectors}) not found; nothing to train")
        return 0
    vectors = load_vectors(args.vectors)
    tr, dev = split_dev(aner, args.dev)
    own = read_own_sets(parse_sets(args.own_sets))
    # (today's news as a domain of its own, or as more of ANERcorp's)
    extra, news = ([], own) if args.news_domain else (own, [])
    if args.complete:
        complete(args.complete, vectors, args.out)
        print(f"{args.out}: {args.complete} with its word vectors")
        return 0
    if args.save_vectors:
        n = save_vectors(
            vectors, aner + read_wikifane(args.data), args.vocab_words, args.save_vectors
        )
        print(f"{args.save_vectors}: {n} word vectors")
        return 0
    if args.score:
        # a development model trained elsewhere (completed): the ensemble grid
        use_lexicon(args.lexicon)
        scores = ensemble_scores(args.score, args.crf_dev_model, dev)
        for (w, b), sc in scores.items():
            print(f"CRF weight {w}, O bias {b}: {sc['micro']}")
        if args.report:
            grid = {f"crf_weight={w} o_bias={b}": sc for (w, b), sc in scores.items()}
            args.report.write_text(json.dumps(grid, indent=1) + "\n", "utf-8")
        return 0
    import torch

    torch.set_num_threads(args.threads)
    wiki = read_wikifane(args.data) if args.wikifane_epochs else []
    report: dict[str, Any] = {"params": {k: str(v) for k, v in vars(args).items()}}
    epochs, crf_weight, o_bias = args.final_epochs or args.epochs, args.crf_weight, args.o_bias
    with_vectors = not args.without_vectors
    if not args.skip_dev:
        use_lexicon(args.lexicon)
        t0 = time.perf_counter()
        model, vocab, history = train_model(tr + extra, wiki, dev, args.epochs, vectors, args, news)
        best = max(history, key=lambda r: r["f1_document"])
        report.update(
            train_sentences=len(tr),
            own_sentences=len(own),
            wikifane_sentences=len(wiki),
            dev_sentences=len(dev),
            history=history,
            best_epoch=best,
            train_seconds=round(time.perf_counter() - t0),
        )
        dev_path = args.out.with_suffix(".dev.npz")
        export(model, vocab, dev_path, with_vectors=with_vectors)
        scores = ensemble_scores(dev_path, args.crf_dev_model, dev) if with_vectors else {}
        report["ensemble"] = {f"crf_weight={w} o_bias={b}": sc for (w, b), sc in scores.items()}
        for (w, b), sc in scores.items():
            print(f"CRF weight {w}, O bias {b}: {sc['micro']}")
        if crf_weight < 0 and scores:
            crf_weight, o_bias = max(scores, key=lambda wb: scores[wb]["micro"]["f1"])
            report["chosen"] = {"crf_weight": crf_weight, "o_bias": o_bias}
        if args.keep_dev:
            print(f"development model kept: {dev_path}")
        else:
            dev_path.unlink()
    if args.report:
        args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if args.final:
        use_lexicon(LEXICON_PATH)
        model, vocab, _ = train_model(aner + extra, wiki, None, epochs, vectors, args, news)
        export(model, vocab, args.out, max(crf_weight, 0.0), o_bias, with_vectors)
        print(f"final model {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


def train_model(
    sents: list[Sentence],
    wiki: list[Sentence],
    dev: list[Sentence] | None,
    epochs: int,
    vectors: Any,
    args: argparse.Namespace,
    news: list[Sentence] | None = None,
) -> tuple[Any, Vocab, list[dict[str, Any]]]:
    """WikiFANE first (when given), then ANERcorp (with ``news``, today's news marked
    as such, when given)."""
    news = news or []
    vocab = Vocab(sents + news + wiki, vectors, args.vocab_words)
    model = None
    if wiki:
        model, _ = fit(vocab, wiki, dev, args.wikifane_epochs, args)
    flags = [False] * len(sents) + [True] * len(news)
    model, history = fit(vocab, sents + news, dev, epochs, args, model, True, flags)
    return model, vocab, history


CRF_WEIGHTS = (0.0, 0.5, 1.0, 2.0, 3.0)
O_BIASES = (0.0, 0.5, 1.0, 1.5, 2.0)


def ensemble_scores(
    path: Path, crf: Path | None, dev: list[Sentence]
) -> dict[tuple[float, float], dict[str, dict[str, float]]]:
    """Development scores of the exported model as the tagger runs it (numpy, documents
    of DOC_WINDOW sentences, document pass), alone and with the CRF's scores added, for
    each of CRF_WEIGHTS and O_BIASES (subtracted from every token's O score: more recall
    for less precision)."""
    from nashra.analyze.ner import neural
    from nashra.analyze.ner.tagger import with_crf, with_o_bias

    model = neural.load_model(path)
    words = [[t for t, _ in s] for s in dev]
    gold = [[t for _, t in s] for s in dev]
    docs = [k // DOC_WINDOW for k in range(len(words))]
    emit, lengths = neural.emissions(path, words, docs)
    weights = CRF_WEIGHTS if crf is not None and crf.exists() else (0.0,)
    out: dict[tuple[float, float], dict[str, dict[str, float]]] = {}
    for w in weights:
        combined, trans = emit, model.transitions
        if w and crf is not None:
            combined, trans = with_crf(emit, trans, model.labels, crf, w, words)
        for b in O_BIASES:
            e = with_o_bias(combined, model.labels, b)
            pred = [[model.labels[j] for j in p] for p in viterbi(e, lengths, trans)]
            final: list[list[str]] = []
            for k in range(0, len(words), DOC_WINDOW):
                final.extend(consistent(words[k : k + DOC_WINDOW], pred[k : k + DOC_WINDOW]))
            out[(w, b)] = score(gold, final)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
