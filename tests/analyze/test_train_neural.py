"""The neural tagger's training code (runs where the ``train`` extra, PyTorch, is
installed; the shipped model needs none of it)."""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from nashra.analyze.train import lm, neural  # noqa: E402


def test_crf_nll_is_the_brute_force_negative_log_likelihood() -> None:
    rng = np.random.default_rng(3)
    labels, lengths = 3, [4, 2]
    emit = torch.tensor(rng.normal(size=(2, 4, labels)))
    trans = torch.tensor(rng.normal(size=(labels, labels)))
    tags = torch.tensor([[0, 2, 1, 1], [2, 0, 0, 0]])
    mask = torch.tensor([[1.0, 1, 1, 1], [1, 1, 0, 0]])

    def path_score(r: int, path: tuple[int, ...]) -> float:
        s = sum(float(emit[r, t, k]) for t, k in enumerate(path))
        return s + sum(float(trans[a, b]) for a, b in itertools.pairwise(path))

    expected = 0.0
    for r, n in enumerate(lengths):
        scores = [path_score(r, p) for p in itertools.product(range(labels), repeat=n)]
        log_z = float(np.logaddexp.reduce(scores))
        expected += log_z - path_score(r, tuple(tags[r, :n].tolist()))
    got = float(neural.crf_nll(emit, tags, mask, trans))
    assert got == pytest.approx(expected, rel=1e-9)


class _Vocab:
    def __init__(self, features: list[str], chars: list[str]) -> None:
        self.features, self.chars = features, chars
        self.feature_id = {f: i for i, f in enumerate(features)}
        self.char_id = {c: i for i, c in enumerate(chars)}
        self.vectors = np.zeros((3, 4), dtype=np.float32)


def _args() -> argparse.Namespace:
    return argparse.Namespace(feat_dim=5, char_dim=3, char_filters=4, hidden=6)


def test_pretrained_rows_follow_their_strings(tmp_path: Path) -> None:
    torch.manual_seed(0)
    saved_vocab = _Vocab(["", "p=ال", "s=ية", "cl=7"], ["", "\ufffd", "ا", "ب"])
    saved = neural.build_model(saved_vocab, _args())
    path = tmp_path / "lm.npz"
    lm.save_init(saved, saved_vocab, path)

    # another vocabulary: one feature gone, one new, another order
    ours = _Vocab(["", "cl=7", "new", "p=ال"], ["", "\ufffd", "ب", "ج"])
    model = neural.build_model(ours, _args())
    untouched = model.feat.weight[2].detach().clone()
    lm.load_init(model, ours, path)

    feat = saved.feat.weight.detach().half().float()
    assert torch.equal(model.feat.weight[1], feat[3])  # cl=7
    assert torch.equal(model.feat.weight[3], feat[1])  # p=ال
    assert torch.equal(model.feat.weight[2], untouched)  # new: its own start
    assert torch.equal(model.char.weight[2], saved.char.weight[3])  # ب
    for name, value in saved.lstm.state_dict().items():
        assert torch.equal(model.lstm.state_dict()[name], value)


class _Sentences:
    """What ``lm.lm_batches`` reads of ``neural.Batches``: word-type ids and ``batch``."""

    def __init__(self, n: int) -> None:
        self.ids = [[(7 * i + j) % 11 for j in range(1 + i % 5)] for i in range(n)]

    def batch(self, idx: list[int], word_dropout: float = 0.0) -> tuple:
        width = max(len(self.ids[i]) for i in idx)
        tok = torch.zeros((len(idx), width), dtype=torch.long)
        for r, i in enumerate(idx):
            tok[r, : len(self.ids[i])] = torch.tensor(self.ids[i])
        return (), tok, None, None, torch.tensor([len(self.ids[i]) for i in idx]), None


def test_language_model_batches_from_workers_come_in_order() -> None:
    data = _Sentences(23)
    order = list(range(23))[::-1]
    target_of = np.arange(11) * 10  # word type t is to be predicted as word 10 t
    args = argparse.Namespace(batch=4, word_dropout=0.0, workers=0)
    alone = list(lm.lm_batches(data, order, target_of, args))
    args.workers = 2
    shared = list(lm.lm_batches(data, order, target_of, args))

    assert len(alone) == len(shared) == 6
    for (b1, t1), (b2, t2) in zip(alone, shared, strict=True):
        assert torch.equal(b1[1], b2[1]) and torch.equal(t1, t2)
    batch, target = alone[1]  # sentences 18, 17, 16, 15
    for r, i in enumerate(order[4:8]):
        n = len(data.ids[i])
        assert target[r, :n].tolist() == [10 * t for t in data.ids[i]]
        assert target[r, n:].sum() == 0
