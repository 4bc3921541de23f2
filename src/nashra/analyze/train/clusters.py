"""Distributional word clusters from unlabelled SaudiNewsNet text (``models/clusters.json.gz``).

Recipe (cheap stand-in for Brown clusters): match-form words; vectors of positive PMI with
the 1,000 most frequent words as left and as right neighbours; 100-dimensional projection
(eigenvectors of the context Gram matrix); spherical k-means with 128 and 512 clusters.
Words seen at least ``--min-count`` times (at most ``--vocab``) get two cluster ids.

Second, finer set (``models/svd_clusters.json.gz``): the 100,000 most frequent words
(seen 3+ times); sparse PPMI (context-distribution smoothing 0.75) against the 10,000
most frequent words as left neighbour, right neighbour and ±2 (three blocks); truncated
SVD to 200 dimensions (U·√S); spherical k-means with 64, 256, 1,024 and 4,096 clusters.

Needs numpy and scipy (training only). Usage: ``python -m nashra.analyze.train.clusters
[--only basic|svd]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet
from nashra.text import match_form, tokenize

MODELS = Path(__file__).resolve().parent.parent / "models"
CLUSTERS_PATH = MODELS / "clusters.json.gz"
SVD_CLUSTERS_PATH = MODELS / "svd_clusters.json.gz"
SVD_KS = (64, 256, 1024, 4096)


def _kmeans(x: Any, k: int, iters: int = 20, seed: int = 0) -> Any:
    import numpy as np

    rng = np.random.default_rng(seed)
    cent = x[rng.choice(len(x), k, replace=False)]
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = (x @ cent.T).argmax(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.sum(0)
                cent[j] = c / (np.linalg.norm(c) or 1.0)
            else:
                cent[j] = x[rng.integers(len(x))]
    return assign


def _kmeans_batched(x: Any, k: int, iters: int = 15, seed: int = 0) -> Any:
    """Spherical k-means, assignments computed in blocks (memory stays small)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    cent = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        for s in range(0, len(x), 20_000):
            assign[s : s + 20_000] = (x[s : s + 20_000] @ cent.T).argmax(1)
        sums = np.zeros_like(cent)
        np.add.at(sums, assign, x)
        norm = np.linalg.norm(sums, axis=1, keepdims=True)
        cent = np.where(norm > 0, sums / np.maximum(norm, 1e-9), x[rng.integers(len(x), size=k)])
    return assign


def build_svd(
    data: Path, articles: int | None, vocab: int = 100_000, min_count: int = 3
) -> dict[str, list[int]]:
    """Words → cluster ids at the :data:`SVD_KS` granularities (see the module docstring)."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds

    t0 = time.perf_counter()
    cache: dict[str, str] = {}
    docs: list[list[str]] = []
    counts: Counter[str] = Counter()
    for content in iter_saudinewsnet(data, articles):
        words = []
        for tok in tokenize(content):
            f = cache.get(tok.text)
            if f is None:
                f = cache[tok.text] = match_form(tok.text)
            words.append(f)
        counts.update(words)
        docs.append(words)
    words_v = [w for w, n in counts.most_common(vocab) if n >= min_count]
    vid = {w: i for i, w in enumerate(words_v)}
    nv, nctx = len(words_v), 10_000
    ids = np.concatenate(
        [np.array([vid.get(w, -1) for w in d] + [-1, -1], dtype=np.int64) for d in docs]
    )
    rows, cols = [], []
    for off, block in ((-1, 0), (1, 1), (-2, 2), (2, 2)):
        w = ids[max(0, -off) : len(ids) - max(0, off)]
        c = ids[max(0, off) : len(ids) - max(0, -off)]
        m = (w >= 0) & (c >= 0) & (c < nctx)
        rows.append(w[m])
        cols.append(c[m] + block * nctx)
    r, c = np.concatenate(rows), np.concatenate(cols)
    mat = sp.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(nv, 3 * nctx)).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    rs = np.asarray(mat.sum(1)).ravel()
    cs = np.asarray(mat.sum(0)).ravel() ** 0.75
    cs = cs / cs.sum()
    coo = mat.tocoo()
    pmi = np.log(coo.data / total) - np.log(rs[coo.row] / total) - np.log(cs[coo.col] + 1e-12)
    keep = pmi > 0
    ppmi = sp.csr_matrix(
        (pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=coo.shape
    )
    u, sv, _ = svds(ppmi, k=200, random_state=0)
    emb = u * np.sqrt(sv)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    emb = emb.astype(np.float32)
    print(f"embedded {nv} words in {time.perf_counter() - t0:.0f}s")
    assigns = [_kmeans_batched(emb, k) for k in SVD_KS]
    print(f"clustered in {time.perf_counter() - t0:.0f}s")
    return {w: [int(a[i]) for a in assigns] for i, w in enumerate(words_v)}


def build(data: Path, articles: int | None, vocab: int, min_count: int) -> dict[str, list[int]]:
    import numpy as np

    t0 = time.perf_counter()
    cache: dict[str, str] = {}
    docs: list[list[str]] = []
    counts: Counter[str] = Counter()
    for content in iter_saudinewsnet(data, articles):
        words = []
        for tok in tokenize(content):
            f = cache.get(tok.text)
            if f is None:
                f = cache[tok.text] = match_form(tok.text)
            words.append(f)
        counts.update(words)
        docs.append(words)
    print(
        f"read {len(docs)} articles, {sum(counts.values())} tokens in {time.perf_counter() - t0:.0f}s"
    )
    vocab_words = [w for w, n in counts.most_common(vocab) if n >= min_count]
    vid = {w: i for i, w in enumerate(vocab_words)}
    nctx = 1000
    V = len(vocab_words)
    ids_list = []
    for words in docs:
        ids_list.append(np.array([vid.get(w, -1) for w in words] + [-1], dtype=np.int64))
    ids = np.concatenate(ids_list)
    left, right = ids[:-1], ids[1:]
    mat = np.zeros((V, 2 * nctx), dtype=np.float64)
    # right neighbour as context of the left word, left neighbour as context of the right
    m1 = (left >= 0) & (right >= 0) & (right < nctx)
    np.add.at(mat, (left[m1], right[m1] + nctx), 1.0)
    m2 = (left >= 0) & (right >= 0) & (left < nctx)
    np.add.at(mat, (right[m2], left[m2]), 1.0)
    total = mat.sum()
    pw = mat.sum(1, keepdims=True) / total
    pc = mat.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((mat / total) / (pw @ pc))
    pmi[~np.isfinite(pmi)] = 0.0
    pmi = np.maximum(pmi, 0.0).astype(np.float32)
    gram = pmi.T @ pmi
    _, vecs = np.linalg.eigh(gram)
    emb = pmi @ vecs[:, -100:]
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    print(f"embedded {V} words in {time.perf_counter() - t0:.0f}s")
    a = _kmeans(emb, 128)
    b = _kmeans(emb, 512)
    print(f"clustered in {time.perf_counter() - t0:.0f}s")
    return {w: [int(a[i]), int(b[i])] for i, w in enumerate(vocab_words)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--vocab", type=int, default=40_000)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    ap.add_argument("--svd-out", type=Path, default=SVD_CLUSTERS_PATH)
    ap.add_argument("--only", choices=("basic", "svd"), default=None)
    args = ap.parse_args(argv)
    if not (args.data / "saudinewsnet").exists():
        print(f"SaudiNewsNet not found under {args.data}; nothing to build")
        return 0
    jobs = []
    if args.only in (None, "basic"):
        jobs.append((args.out, lambda: build(args.data, args.articles, args.vocab, args.min_count)))
    if args.only in (None, "svd"):
        jobs.append((args.svd_out, lambda: build_svd(args.data, args.articles)))
    for out, make in jobs:
        clusters = make()
        with gzip.open(out, "wt", encoding="utf-8") as f:
            json.dump(clusters, f, ensure_ascii=False, separators=(",", ":"))
        print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(clusters)} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
