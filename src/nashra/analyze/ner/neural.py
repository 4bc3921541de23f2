"""The neural NER tagger (``models/ner_neural.npz``) in numpy.

A word's input is two frozen word vectors (match form, proclitic-free form) and the sum
of the learnt vectors of its CRF features; a bidirectional LSTM reads the sentence, a
linear layer scores the labels and a Viterbi over learnt label transitions decodes
(``train/neural.py`` trains it with PyTorch). Everything before the recurrence depends on
one word only, so each word's input projection for both directions is computed once and
cached; tagging is then one gather, one loop over positions for all sentences of a batch
and both directions together, and a Viterbi.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

from nashra.analyze.ner.caches import ThreadCaches, WordRows
from nashra.analyze.ner.decode import pack, viterbi
from nashra.analyze.ner.features import variant_key, word_parts
from nashra.analyze.ner.rowsums import group_sums

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "NeuralModel",
    "char_window",
    "emissions",
    "load_model",
    "tag_many",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner_neural.npz"
LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
_CHAR_SIDE = 12  # a long word's characters: its first and last this many


def char_window(form: str) -> str:
    """The characters of a word's match form the character CNN reads."""
    return form if len(form) <= 2 * _CHAR_SIDE else form[:_CHAR_SIDE] + form[-_CHAR_SIDE:]


@dataclass(frozen=True)
class NeuralModel:
    word_id: dict[str, int]
    vectors: np.ndarray  # words × dim (row 0: no vector)
    feature_id: dict[str, int]
    feature_vectors: np.ndarray  # features × dim (row 0: zeros)
    w_ih: np.ndarray  # a word's inputs → gates, both directions: in × (2 · 4H)
    w_doc: np.ndarray  # the document vector → gates: dim × (2 · 4H)
    b: np.ndarray  # (2 · 4H)
    w_hh: np.ndarray  # 2 × 4 × H × H: direction, gate (i, f, o, g), from, to
    out_w: np.ndarray  # 2H × labels
    out_b: np.ndarray
    transitions: np.ndarray
    labels: tuple[str, ...]
    # Weight of the CRF's label scores added to this model's (an ensemble); 0: alone.
    crf_weight: float = 0.0
    # Taken from every token's O score before decoding (tuned on the development split).
    o_bias: float = 0.0
    # The character CNN (none when char_taps is None): character → its row (0: none,
    # 1: unknown); each width-3 filter's taps' responses to every character.
    char_id: dict[str, int] | None = None
    char_taps: np.ndarray | None = None  # 3 × characters × filters, see char_features
    char_b: np.ndarray | None = None
    # Added to the label scores of today's news (learnt on our own annotated sets, see
    # tagger.tag_tokens); None in a model trained on ANERcorp alone.
    news_bias: np.ndarray | None = None

    @property
    def hidden(self) -> int:
        return int(self.w_hh.shape[2])

    def inputs(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The words' input vectors (before the LSTM), one row each, and the rows of
        their word vectors (0: none), which the document vector averages. All words in
        a few array operations: per word, only dictionary lookups."""
        word_id = self.word_id.get
        feature_id = self.feature_id.get
        zero = repeat(0)
        own: list[int] = []
        bare: list[int] = []
        feats: list[int] = []
        starts: list[int] = []
        forms: list[str] = []
        for tok in tokens:
            p = word_parts(tok)
            forms.append(p.form)
            own.append(word_id(p.form, 0))
            bare.append(word_id(p.bare, 0))
            starts.append(len(feats))
            feats.extend(map(feature_id, p.own[1:], zero))  # unknown: row 0, zeros
        bag = group_sums(self.feature_vectors, feats, starts)
        parts = [self.vectors[own], self.vectors[bare], bag]
        if self.char_taps is not None:
            parts.append(self.char_features(forms))
        x = np.concatenate(parts, axis=1)
        return x, np.array(own, dtype=np.intp)

    def char_features(self, forms: Sequence[str]) -> np.ndarray:
        """The character CNN over words' match forms: width-3 convolution, the maximum
        over positions, tanh.

        Each filter's response at a position is the sum of its three taps' responses to
        the characters there, and a tap's response to a character is a row of
        ``char_taps`` (computed at load): three gathers and two additions, no matrix
        product. Words of one length go together, so no position is padding (a batch with
        one long word padded every other to its length)."""
        assert self.char_id is not None and self.char_taps is not None
        assert self.char_b is not None
        forms = [char_window(f) for f in forms]
        n = len(forms)
        lengths = np.fromiter(map(len, forms), dtype=np.intp, count=n)
        # every word's character ids in one row, a 0 (no character) before each word and
        # after the last: word k's characters are at starts[k] + 1 … starts[k] + length
        starts = np.zeros(n + 1, dtype=np.intp)
        np.cumsum(lengths + 1, out=starts[1:])
        joined = "\x00" + "\x00".join(forms) + "\x00"
        ids = np.fromiter(
            map(self.char_id.get, joined, repeat(1)), dtype=np.intp, count=len(joined)
        )
        ids[starts] = 0
        before, centre, after = self.char_taps
        out = np.empty((n, before.shape[1]), dtype=np.float32)
        order = np.argsort(lengths, kind="stable")
        for same in np.split(order, np.flatnonzero(np.diff(lengths[order])) + 1):
            # the words of one length: position j of each reads ids at j, j + 1, j + 2
            width = int(lengths[same[0]])
            if not width:  # (never: a match form has a character; as a padded position)
                out[same] = -1e4
                continue
            at = starts[same][:, None] + np.arange(width)
            conv = before[ids[at]]
            conv += centre[ids[at + 1]]
            conv += after[ids[at + 2]]
            out[same] = conv.max(axis=1)
        out += self.char_b  # (the maximum commutes with adding a constant)
        result: np.ndarray = np.tanh(out)
        return result


_lock = threading.Lock()
_models: dict[Path, NeuralModel] = {}


def load_model(path: Path = MODEL_PATH) -> NeuralModel:
    model = _models.get(path)
    if model is not None:
        return model
    with _lock:
        model = _models.get(path)
        if model is None:
            z = np.load(path)
            w_all = np.concatenate([z["weight_ih_f"], z["weight_ih_b"]]).T.astype(np.float32)
            word_in = 2 * z["vectors"].shape[1] + z["feature_vectors"].shape[1]
            chars: dict[str, object] = {}
            if "char_conv_weight" in z:
                conv = z["char_conv_weight"]  # filters × dim × 3 (PyTorch's Conv1d)
                word_in += conv.shape[0]
                # each tap's response to each character: characters × filters, by tap
                taps = np.einsum("cd,fdk->kcf", z["char_vectors"], conv).astype(np.float32)
                chars = {
                    "char_id": {c: i for i, c in enumerate(z["chars"].tolist())},
                    "char_taps": taps,
                    "char_b": z["char_conv_bias"].astype(np.float32),
                }
            b = np.concatenate(
                [z["bias_ih_f"] + z["bias_hh_f"], z["bias_ih_b"] + z["bias_hh_b"]]
            ).astype(np.float32)
            w_hh = np.stack([z["weight_hh_f"].T, z["weight_hh_b"].T]).astype(np.float32)
            # PyTorch's gate order i, f, g, o becomes i, f, o, g (the three sigmoid gates
            # side by side); their weights are scaled by -1 (i, f, o) and -2 (g), see
            # emissions()
            hid = w_hh.shape[1]
            gate = np.r_[0 : 2 * hid, 3 * hid : 4 * hid, 2 * hid : 3 * hid]
            both = np.r_[gate, gate + 4 * hid]
            scale = np.full(4 * hid, -1.0, dtype=np.float32)
            scale[3 * hid :] = -2.0
            w_all = w_all[:, both] * np.tile(scale, 2)
            b = b[both] * np.tile(scale, 2)
            w_hh = w_hh[:, :, gate] * scale
            # gate by gate: 2 × H × 4H → 2 × 4 × H × H (see emissions)
            w_hh = np.ascontiguousarray(w_hh.reshape(2, hid, 4, hid).transpose(0, 2, 1, 3))
            feature_vectors = z["feature_vectors"].astype(np.float32)
            feature_vectors[0] = 0.0  # the padding row: "no feature"
            model = _models[path] = NeuralModel(
                word_id={w: i for i, w in enumerate(z["words"].tolist())},
                vectors=z["vectors"].astype(np.float32),
                feature_id={f: i for i, f in enumerate(z["features"].tolist())},
                feature_vectors=feature_vectors,
                w_ih=w_all[:word_in],
                w_doc=w_all[word_in:],
                b=b,
                w_hh=w_hh,
                out_w=z["out_weight"].T.astype(np.float32),
                out_b=z["out_bias"].astype(np.float32),
                transitions=z["transitions"].astype(np.float64),
                labels=tuple(z["labels"].tolist()),
                crf_weight=float(z["crf_weight"]) if "crf_weight" in z else 0.0,
                o_bias=float(z["o_bias"]) if "o_bias" in z else 0.0,
                news_bias=z["news_bias"].astype(np.float32) if "news_bias" in z else None,
                **chars,  # type: ignore[arg-type]
            )
    return model


CACHE_WORDS = 150_000  # 2 kB a word (both directions' gate inputs, float32): 300 MB at most


def cache_shapes(model: NeuralModel) -> list[tuple[tuple[int, ...], type]]:
    """A cached word's arrays: its input projection for both directions and its
    word-vector row."""
    return [((model.w_ih.shape[1],), np.float32), ((), np.intp)]


def project(
    model: NeuralModel, words: list[str], table: np.ndarray, vector_row: np.ndarray, start: int
) -> None:
    """Write the new words' rows from row ``start`` on (one matrix product for all)."""
    x, own = model.inputs(words)
    table[start : start + len(words)] = x @ model.w_ih + model.b
    vector_row[start : start + len(words)] = own


class _ProjectionCache(WordRows):
    """Word → its input projection for both directions (array 0) and the row of its
    word vector (array 1, for the document vector)."""

    def __init__(self, model: NeuralModel) -> None:
        super().__init__(CACHE_WORDS, cache_shapes(model), variant_key)
        self.model = model

    def fill(self, words: list[str], start: int) -> None:
        project(self.model, words, self.arrays[0], self.arrays[1], start)


_caches: ThreadCaches[Path, _ProjectionCache] = ThreadCaches(
    lambda path: _ProjectionCache(load_model(path))
)


def _cache(path: Path) -> _ProjectionCache:
    return _caches.get(path)


def clear_projections() -> None:
    """Forget cached word projections (after the features changed)."""
    _caches.clear()


# Below this many sentences in a step, tanh(c) is one np.tanh (six calls through exp cost
# more than they save on so few elements; 9 % faster cached emissions, in-process pairs).
_FEW = 96


def emissions(
    path: Path, sentences: Sequence[Sequence[str]], documents: Sequence[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Label scores of all tokens, one sentence after another (tokens × labels), and
    the sentence lengths.
    ``documents``: each sentence's document (default: all one document); the sentences
    of a document share its document vector."""
    cache = _cache(path)
    rows = cache.rows(sentences)
    table, vector_row = cache.arrays
    return emissions_at(load_model(path), table, vector_row, rows, sentences, documents)


def emissions_at(
    model: NeuralModel,
    table: np.ndarray,
    vector_row: np.ndarray,
    rows: np.ndarray,
    sentences: Sequence[Sequence[str]],
    documents: Sequence[int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`emissions` from the tokens' cached rows (``rows``: each token's row of
    ``table`` and ``vector_row``, see :func:`cache_shapes` and :func:`project`)."""
    lengths = np.array([len(t) for t in sentences])
    n, hid = len(sentences), model.hidden
    g4 = 4 * hid
    offsets, forward, backward = pack(lengths)
    # Each direction's gate inputs in packed order: one gather each, before the loop.
    x_f = table[rows[forward], :g4]
    x_b = table[rows[backward], g4:]
    if len(model.w_doc):
        doc_of = np.repeat(np.asarray(documents if documents is not None else [0] * n), lengths)
        if np.any(np.diff(doc_of) < 0):
            raise ValueError("the sentences of a document must come together")
        doc_in = _document_vectors(model, doc_of, vector_row[rows]) @ model.w_doc
        # Row j of every step is the j-th longest sentence, whose document is that of
        # the first step's row j: each step adds the first k rows of these, gate by gate
        # (instead of a gathered copy of the document's gate inputs for every token).
        doc_rows = np.ascontiguousarray(
            doc_in[doc_of[forward[:n]]].reshape(n, 2, 4, hid).transpose(1, 2, 0, 3)
        )
    else:
        doc_rows = np.zeros((2, 4, n, hid), dtype=np.float32)
    # The loop works in a flat scratch buffer (contiguous views of the first k rows) and
    # writes each step's hidden states as one slice of ``h``; the states a step reads are
    # the first k of the previous step's (the sequences are ordered longest first).
    # Gates are laid out gate by gate (direction × gate × k × H), so that every
    # elementwise step below reads and writes whole contiguous blocks: a third faster
    # than word by word (k × 4H), whose 64-wide slices numpy walks row by row.
    h = np.empty((2, len(rows), hid), dtype=np.float32)
    c = np.zeros((2, n, hid), dtype=np.float32)
    gate_buf = np.empty(2 * 4 * n * hid, dtype=np.float32)
    w_hh = model.w_hh
    x_f4 = x_f.reshape(-1, 4, hid)  # token × gate × H, read gate by gate below
    x_b4 = x_b.reshape(-1, 4, hid)
    previous = 0
    # Gates are stored in the order i, f, o, g, their weights scaled by -1 (i, f, o) and
    # -2 (g): one exp over all four and a reciprocal give sigmoid(z) = 1 / (1 + exp(-z))
    # for i, f, o and sigmoid(2g), whence tanh(g) = 2 sigmoid(2g) - 1. numpy's float32
    # exp costs half its tanh (which was half of the tagger's recurrence).
    with np.errstate(over="ignore"):  # exp(-z) = inf for z < -88: the sigmoid is 0
        for t in range(len(offsets) - 1):
            a, b = offsets[t], offsets[t + 1]
            k = b - a
            gates = gate_buf[: 8 * k * hid].reshape(2, 4, k, hid)
            if t:
                np.matmul(h[:, None, previous : previous + k], w_hh, out=gates)
                gates += doc_rows[:, :, :k]
            else:
                gates[...] = doc_rows[:, :, :k]
            gates[0] += x_f4[a:b].transpose(1, 0, 2)
            gates[1] += x_b4[a:b].transpose(1, 0, 2)
            np.exp(gates, out=gates)
            gates += 1.0
            np.reciprocal(gates, out=gates)
            g = gates[:, 3]  # sigmoid(2g) → tanh(g), in place
            g *= 2.0
            g -= 1.0
            ck = c[:, :k]  # a view: updated in place
            ck *= gates[:, 1]
            g *= gates[:, 0]
            ck += g
            hk = h[:, a:b]  # tanh(c), then times o
            if k < _FEW:  # few sentences still running: numpy's calls cost more than its tanh
                np.tanh(ck, out=hk)
            else:  # the same way as the gates
                np.multiply(ck, -2.0, out=hk)
                np.exp(hk, out=hk)
                hk += 1.0
                np.reciprocal(hk, out=hk)
                hk *= 2.0
                hk -= 1.0
            hk *= gates[:, 2]
            previous = a
    scores = np.empty((len(rows), model.out_b.shape[0]), dtype=np.float32)
    scores[forward] = h[0] @ model.out_w[:hid]
    scores[backward] += h[1] @ model.out_w[hid:] + model.out_b
    return scores, lengths


def _document_vectors(model: NeuralModel, doc_of: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """Each document's mean word vector (over its tokens that have one), by document id
    (``doc_of``: each token's document, in order; ``vec``: each token's word-vector row)."""
    known = vec > 0
    means = np.zeros((int(doc_of.max()) + 1, model.vectors.shape[1]), dtype=np.float32)
    of_known = doc_of[known]
    if len(of_known):
        # documents one after another: each one's word vectors summed at once
        first = np.flatnonzero(np.r_[True, of_known[1:] != of_known[:-1]])
        sums = group_sums(model.vectors, vec[known], first)
        counts = np.diff(np.append(first, len(of_known)))
        means[of_known[first]] = sums / counts[:, None]
    return means


def tag_many(
    path: Path, sentences: Sequence[Sequence[str]], documents: Sequence[int] | None = None
) -> list[list[str]]:
    """BIO labels for each sentence (``documents``: as for :func:`emissions`)."""
    live = [k for k, toks in enumerate(sentences) if toks]
    if not live:
        return [[] for _ in sentences]
    model = load_model(path)
    docs = [documents[k] for k in live] if documents is not None else None
    emit, lengths = emissions(path, [sentences[k] for k in live], docs)
    paths = iter(viterbi(emit, lengths, model.transitions))
    labels = model.labels
    return [[labels[j] for j in next(paths)] if toks else [] for toks in sentences]
