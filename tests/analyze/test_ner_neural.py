"""The numpy BiLSTM-CRF tagger against a plain reference written from the equations."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from nashra.analyze.lexicon import strip_clitics
from nashra.analyze.ner import decode, neural
from nashra.analyze.ner.features import word_features
from nashra.text import match_form

WORDS = ["قال", "الرئيس", "محمد", "في", "الرياض", "أمس", "والرياض", "بيروت"]
HID = 3
DIM = 4
FDIM = 2
CDIM = 3  # character vectors
CF = 2  # character CNN filters
NLAB = len(neural.LABELS)


def _random_model(
    path: Path, rng: np.random.Generator, chars: bool = False
) -> dict[str, np.ndarray]:
    forms = sorted({match_form(w) for w in WORDS[:6]})
    feats = sorted({f for w in WORDS for f in word_features(w)[0][1:]})[::3]
    parts: dict[str, np.ndarray] = {
        "words": np.array(["", *forms]),
        "vectors": rng.normal(size=(len(forms) + 1, DIM)).astype(np.float16),
        "features": np.array(["", *feats]),
        "feature_vectors": rng.normal(size=(len(feats) + 1, FDIM)).astype(np.float16),
        "out_weight": rng.normal(size=(NLAB, 2 * HID)).astype(np.float32),
        "out_bias": rng.normal(size=NLAB).astype(np.float32),
        "transitions": rng.normal(size=(NLAB, NLAB)).astype(np.float32),
        "labels": np.array(neural.LABELS),
    }
    parts["vectors"][0] = 0
    parts["feature_vectors"][0] = 0
    if chars:  # a few characters only: the others read as "unknown" (row 1)
        parts["chars"] = np.array(["", "?", *"الرمحد"])
        parts["char_vectors"] = rng.normal(size=(len(parts["chars"]), CDIM)).astype(np.float32)
        parts["char_vectors"][0] = 0
        parts["char_conv_weight"] = rng.normal(size=(CF, CDIM, 3)).astype(np.float32)
        parts["char_conv_bias"] = rng.normal(size=CF).astype(np.float32)
    for d in ("f", "b"):
        # inputs: two word vectors, the feature bag, [the character CNN,] the document vector
        width = 3 * DIM + FDIM + (CF if chars else 0)
        parts[f"weight_ih_{d}"] = rng.normal(size=(4 * HID, width)).astype(np.float32)
        parts[f"weight_hh_{d}"] = rng.normal(size=(4 * HID, HID)).astype(np.float32)
        parts[f"bias_ih_{d}"] = rng.normal(size=4 * HID).astype(np.float32)
        parts[f"bias_hh_{d}"] = rng.normal(size=4 * HID).astype(np.float32)
    np.savez(path, **parts)
    return parts


def _char_reference(parts: dict[str, np.ndarray], form: str) -> np.ndarray:
    """Conv1d (width 3, a zero each side), the maximum over positions, tanh."""
    char_id = {c: i for i, c in enumerate(parts["chars"].tolist())}
    w, b = parts["char_conv_weight"], parts["char_conv_bias"]

    def vec(j: int) -> np.ndarray:
        inside = 0 <= j < len(form)
        return parts["char_vectors"][char_id.get(form[j], 1)] if inside else np.zeros(CDIM)

    conv = [
        [b[o] + sum(w[o, :, k] @ vec(t + k - 1) for k in range(3)) for o in range(CF)]
        for t in range(len(form))
    ]
    return np.tanh(np.max(np.array(conv), axis=0))


def _reference(parts: dict[str, np.ndarray], tokens: list[str], document: list[str]) -> list[str]:
    """PyTorch's LSTM equations, one direction at a time, and the best path by brute force."""
    word_id = {w: i for i, w in enumerate(parts["words"].tolist())}
    feat_id = {f: i for i, f in enumerate(parts["features"].tolist())}
    vec = parts["vectors"].astype(np.float64)
    fvec = parts["feature_vectors"].astype(np.float64)
    ids = [word_id.get(match_form(t), 0) for t in document]
    doc = vec[[i for i in ids if i]].mean(axis=0)
    xs = []
    for tok in tokens:
        m = match_form(tok)
        s = strip_clitics(m, keep_article=True)
        bag = sum(
            (fvec[feat_id[f]] for f in word_features(tok)[0][1:] if f in feat_id), np.zeros(FDIM)
        )
        own = [vec[word_id.get(m, 0)], vec[word_id.get(s, 0)], bag]
        if "chars" in parts:
            own.append(_char_reference(parts, m))
        xs.append(np.concatenate([*own, doc]))

    def run(d: str, seq: list[np.ndarray]) -> list[np.ndarray]:
        h, c, out = np.zeros(HID), np.zeros(HID), []
        for x in seq:
            g = (
                parts[f"weight_ih_{d}"] @ x
                + parts[f"bias_ih_{d}"]
                + parts[f"weight_hh_{d}"] @ h
                + parts[f"bias_hh_{d}"]
            )
            i, f, gg, o = np.split(g, 4)
            sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
            c = sig(f) * c + sig(i) * np.tanh(gg)
            h = sig(o) * np.tanh(c)
            out.append(h)
        return out

    fwd = run("f", xs)
    bwd = run("b", xs[::-1])[::-1]
    emit = [
        parts["out_weight"] @ np.concatenate([a, b]) + parts["out_bias"]
        for a, b in zip(fwd, bwd, strict=True)
    ]
    trans = parts["transitions"]
    best = max(
        itertools.product(range(NLAB), repeat=len(tokens)),
        key=lambda p: sum(emit[i][p[i]] for i in range(len(p)))
        + sum(trans[a, b] for a, b in zip(p, p[1:], strict=False)),
    )
    return [neural.LABELS[j] for j in best]


@pytest.mark.parametrize(("seed", "chars"), [(0, False), (1, False), (2, True), (3, True)])
def test_numpy_tagger_matches_the_reference(tmp_path: Path, seed: int, chars: bool) -> None:
    rng = np.random.default_rng(seed)
    path = tmp_path / f"m{seed}.npz"
    parts = _random_model(path, rng, chars)
    # sentences of different lengths in one batch: padding must not leak into any of them
    sentences = [WORDS[:3], WORDS[3:4], WORDS[4:8], [], WORDS[1:3]]
    got = neural.tag_many(path, sentences)
    assert got[3] == []
    document = [t for toks in sentences for t in toks]
    for toks, tags in zip(sentences, got, strict=True):
        if toks:
            assert tags == _reference(parts, toks, document)
    # the cached projections give the same answer a second time, in another document
    assert neural.tag_many(path, [WORDS[4:8]]) == [_reference(parts, WORDS[4:8], WORDS[4:8])]


def test_character_features_match_the_convolution(tmp_path: Path) -> None:
    """Words of every length in one batch (none padded to another's), unknown characters,
    a word of one letter: each gets the plain convolution's maximum."""
    path = tmp_path / "chars.npz"
    parts = _random_model(path, np.random.default_rng(5), chars=True)
    model = neural.load_model(path)
    forms = ["ا", "المحرر", "رم", "xyz", "الرمح", "ح", "دمر", "مدرالرح"]
    got = model.char_features(forms)
    for form, row in zip(forms, got, strict=True):
        np.testing.assert_allclose(row, _char_reference(parts, form), rtol=1e-5, atol=1e-5)


def test_viterbi_handles_sequences_of_one() -> None:
    emit = np.array([[0, 5, 0], [1, 0, 0], [0, 0, 2]], dtype=float)  # one token, then two
    trans = np.zeros((3, 3))
    assert decode.viterbi(emit, np.array([1, 2]), trans) == [[1], [0, 2]]


def test_documents_in_one_batch_tag_as_when_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    _random_model(path, np.random.default_rng(7))
    first, second = [WORDS[:3], WORDS[3:5]], [WORDS[5:8]]
    together = neural.tag_many(path, [*first, *second], documents=[0, 0, 1])
    neural.clear_projections()
    assert together == neural.tag_many(path, first) + neural.tag_many(path, second)


def test_viterbi_of_a_batch_matches_brute_force() -> None:
    rng = np.random.default_rng(3)
    lengths = np.array([2, 4, 1, 3, 4, 2])
    nlab = 3
    flat = rng.normal(size=(int(lengths.sum()), nlab))
    trans = rng.normal(size=(nlab, nlab))
    got = decode.viterbi(flat, lengths, trans)
    starts = np.cumsum(lengths) - lengths
    for k, m in enumerate(lengths.tolist()):
        emit = {k: flat[starts[k] : starts[k] + m]}
        best = max(
            itertools.product(range(nlab), repeat=m),
            key=lambda p, k=k, emit=emit: sum(emit[k][i, p[i]] for i in range(len(p)))
            + sum(trans[a, b] for a, b in zip(p, p[1:], strict=False)),
        )
        assert got[k] == list(best)


SENTENCES = [
    ["قال", "الرئيس", "محمد", "في", "الرياض", "أمس"],
    ["وصل", "الوفد", "إلى", "بيروت", "."],
]


def _with_crf_weight(path: Path, weight: float) -> Path:
    parts = dict(np.load(path))
    parts["crf_weight"] = np.array(weight)
    out = path.with_name(f"w{weight}.npz")
    np.savez(out, **parts)
    return out


def test_the_tagger_uses_the_neural_model_when_one_ships(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nashra.analyze.ner import tagger

    path = tmp_path / "m.npz"
    _random_model(path, np.random.default_rng(11))
    monkeypatch.setattr(tagger, "_neural_path", lambda: path)
    assert tagger.tag_sentences(SENTENCES) == neural.tag_many(path, SENTENCES)
    # two documents tagged together, each with its own document vector
    both = tagger.tag_documents([SENTENCES[:1], SENTENCES[1:]])
    assert both == [neural.tag_many(path, SENTENCES[:1]), neural.tag_many(path, SENTENCES[1:])]


@pytest.mark.usefixtures("ner_model")
def test_the_ensemble_follows_a_heavily_weighted_crf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nashra.analyze.ner import linear, tagger

    path = tmp_path / "m.npz"
    _random_model(path, np.random.default_rng(12))
    heavy = _with_crf_weight(path, 1e6)
    monkeypatch.setattr(tagger, "_neural_path", lambda: heavy)
    crf = linear.tag_many(tagger.MODEL_PATH, SENTENCES)
    assert tagger.tag_sentences(SENTENCES) == crf
    # and a random model alone tags otherwise: the weight is what made them agree
    monkeypatch.setattr(tagger, "_neural_path", lambda: path)
    assert tagger.tag_sentences(SENTENCES) != crf


def test_the_o_bias_trades_o_for_entities(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nashra.analyze.ner import tagger

    path = tmp_path / "m.npz"
    parts = _random_model(path, np.random.default_rng(13))
    counts = []
    for bias in (-1e3, 0.0, 1e3):
        biased = tmp_path / f"b{bias}.npz"
        np.savez(biased, **parts, o_bias=np.array(bias))
        monkeypatch.setattr(tagger, "_neural_path", lambda biased=biased: biased)
        tags = [t for s in tagger.tag_sentences(SENTENCES) for t in s]
        counts.append(sum(t == "O" for t in tags))
        if bias == 0.0:  # no bias: as the model alone decodes
            assert tagger.tag_sentences(SENTENCES) == neural.tag_many(path, SENTENCES)
    n = sum(map(len, SENTENCES))
    assert counts[0] == n  # O everywhere
    assert counts[2] == 0  # O nowhere


def test_the_news_bias_applies_to_news_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model trained with our own sets as today's news adds its news bias to the label
    scores of news (find_entities), not of a CoNLL file (tag_conll, ANERcorp's
    conventions)."""
    from nashra.analyze.ner import tagger

    path = tmp_path / "m.npz"
    parts = _random_model(path, np.random.default_rng(16))
    labels = [str(x) for x in parts["labels"]]
    bias = np.zeros(len(labels), np.float32)
    bias[labels.index("B-ORG")] = 1e3  # news: every token an organisation's first
    news = tmp_path / "news.npz"
    np.savez(news, **parts, news_bias=bias)
    monkeypatch.setattr(tagger, "_neural_path", lambda: news)
    plain = tagger.tag_sentences(SENTENCES)
    assert plain == neural.tag_many(path, SENTENCES)  # not news: as without the bias
    tagged = tagger.tag_sentences(SENTENCES, news=True)
    assert {t for s in tagged for t in s} == {"B-ORG"}
    # articles are news
    words = " ".join(SENTENCES[0])
    found = tagger.find_entities_many([words])[0]
    assert found and {e.type for e in found} == {"ORG"}


@pytest.mark.usefixtures("ner_model")
def test_the_crf_news_attribute_adds_its_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    from nashra.analyze.ner import linear, tagger
    from nashra.analyze.ner.features import NEWS_ATTRIBUTE

    model = linear.load_model(tagger.MODEL_PATH)
    emit = np.zeros((3, len(model.labels)))
    w = model.weight(NEWS_ATTRIBUTE)
    if w is None:  # a model trained without our sets: news reads as any text
        assert linear.as_news(model, emit) is emit
    else:
        np.testing.assert_allclose(linear.as_news(model, emit), emit + w)
    # and tag_many's news tags are crfsuite's own with the attribute on every token
    import pycrfsuite

    from nashra.analyze.ner.features import crf_items, sentence_features

    crf = pycrfsuite.Tagger()
    crf.open(str(tagger.MODEL_PATH))
    for sent in SENTENCES:
        items = crf_items(sentence_features(sent))
        for item in items:
            item[NEWS_ATTRIBUTE] = 1.0
        assert linear.tag_many(tagger.MODEL_PATH, [sent], news=True) == [crf.tag(items)]


@pytest.mark.usefixtures("ner_model")
def test_the_shared_word_cache_gives_each_models_own_scores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ensemble's one cache for both models: the same label scores as each model's
    own cache, batch after batch, also when it is full and keeps only recent words."""
    from nashra.analyze.ner import ensemble, linear, tagger

    path = tmp_path / "m.npz"
    _random_model(path, np.random.default_rng(14))
    monkeypatch.setattr(neural, "CACHE_WORDS", 6)  # evictions every few batches
    monkeypatch.setattr(linear, "CACHE_WORDS", 6)
    ensemble.clear()
    vocab = [w for s in SENTENCES for w in s] + ["الرياضِ", "الريـاض", "محمّد", "لبيروت"]
    rng = np.random.default_rng(15)
    for _ in range(40):
        sentences = [
            [vocab[i] for i in rng.integers(0, len(vocab), size=rng.integers(1, 7))]
            for _ in range(3)
        ]
        documents = [0, 0, 1]
        emit, crf_emit, lengths = ensemble.emissions(path, tagger.MODEL_PATH, sentences, documents)
        alone, alone_lengths = neural.emissions(path, sentences, documents)
        np.testing.assert_allclose(emit, alone, rtol=1e-6, atol=1e-6)
        np.testing.assert_array_equal(lengths, alone_lengths)
        np.testing.assert_array_equal(crf_emit, linear.emissions(tagger.MODEL_PATH, sentences))
        # and each word's form (what the CRF's bigrams read) is still its own
        cache = ensemble._caches.get((path, tagger.MODEL_PATH))
        assert len(cache.forms) == len(cache.words) <= len(vocab)
        assert [cache.forms[cache.slot[w]] for s in sentences for w in s] == [
            match_form(w) for s in sentences for w in s
        ]
    ensemble.clear()
