"""Token features for the CRF tagger.

Per word type (cached): match form, proclitic-free core, stem, affixes, shape, length,
gazetteer flags (known entity types, country, city, nisba, title, org cue), distributional
cluster ids (two from ``clusters.json.gz``; four granularities, 64/256/1024/4096, from
``svd_clusters.json.gz`` for the word and for its proclitic-free form) and the entity
lexicon (``ner_lexicon.json.gz``: the type a first-stage tagger gave the word most often
over SaudiNewsNet, and how often). Per position: the neighbours' forms, flags and
clusters in a ±2 window and two bigrams. Features are plain strings (crfsuite's binary
attributes), which keeps extraction and tagging fast.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import cached_match_form, core_candidates, strip_clitics
from nashra.text.stem import hand_stem

# Value of the bias attribute "b" when tagging (always 1.0 in training). The model gives
# "b" a large weight for O and small ones for the entity labels, so a value below 1 is a
# bias against O: it trades a little precision for more recall (0.5–0.8 all gained about
# 1.5 F1 on the development split, where 0.7 was chosen: see docs/analyze.md).
TAG_BIAS = 0.7

# An attribute on every token of today's news in training (our own annotated sets,
# train/own_news.py), absent from ANERcorp's: its weights learn how today's news and its
# annotation differ from ANERcorp's, and tagging adds them for news, not for CoNLL files.
NEWS_ATTRIBUTE = "news"

__all__ = [
    "FEATURE_VERSION",
    "OFFSETS",
    "WordParts",
    "NEWS_ATTRIBUTE",
    "TAG_BIAS",
    "crf_items",
    "lexicon",
    "sentence_features",
    "svd_clusters",
    "use_lexicon",
    "variant_key",
    "word_features",
    "word_parts",
]

FEATURE_VERSION = "3"

MODELS = Path(__file__).resolve().parent.parent / "models"
CLUSTERS_PATH = MODELS / "clusters.json.gz"
SVD_CLUSTERS_PATH = MODELS / "svd_clusters.json.gz"
LEXICON_PATH = MODELS / "ner_lexicon.json.gz"

# Training swaps the lexicon (none for the first stage, one built without the development
# split for scoring); see :func:`use_lexicon`.
_lexicon_override: list[Path | None] = []


def _read_clusters(path: Path) -> dict[str, tuple[int, ...]]:
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data: dict[str, list[int]] = json.load(f)
    # tuples, not lists: the garbage collector stops looking at a tuple of numbers, and
    # would otherwise walk these 140k lists on every full collection
    return {w: tuple(ids) for w, ids in data.items()}


@cache
def clusters() -> dict[str, tuple[int, ...]]:
    """Word (match form) → (coarse, fine) distributional cluster ids; empty if absent."""
    return _read_clusters(CLUSTERS_PATH)


@cache
def svd_clusters() -> dict[str, tuple[int, ...]]:
    """Word (match form) → cluster ids at 4 granularities; empty if absent."""
    return _read_clusters(SVD_CLUSTERS_PATH)


@cache
def lexicon() -> dict[str, tuple[str, str, bool]]:
    """Proclitic-free word (article kept) → (entity type, share bucket h/m/l, frequent)."""
    path = _lexicon_override[0] if _lexicon_override else LEXICON_PATH
    if path is None or not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw: dict[str, list[object]] = json.load(f)
    out: dict[str, tuple[str, str, bool]] = {}
    for w, (typ, share, n) in raw.items():
        assert isinstance(share, float | int) and isinstance(n, int)
        bucket = "h" if share >= 0.6 else "m" if share >= 0.3 else "l"
        out[w] = (str(typ), bucket, n >= 20)
    return out


def use_lexicon(path: Path | None) -> None:
    """Features from this lexicon file (``None``: no lexicon) until called again;
    for training only."""
    _lexicon_override[:] = [path]
    lexicon.cache_clear()
    word_parts.cache_clear()
    word_features.cache_clear()
    from nashra.analyze.ner import ensemble  # they import this module
    from nashra.analyze.ner.linear import clear_word_scores
    from nashra.analyze.ner.neural import clear_projections

    clear_word_scores()
    clear_projections()
    ensemble.clear()


_PUNCT_CATS = ("P", "S")


def _shape(tok: str) -> str:
    c = tok[0]
    if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufeff":
        # all letters (most words, tested in C): no digit; marks are no letters, so a
        # word with them is looked at character by character
        if tok.isalpha() or not any(ch.isdigit() for ch in tok):
            return "ar"
        return "ard"
    if c.isdigit():
        return "num" if all(ch.isdigit() or ch in ".,٫٬" for ch in tok) else "numx"
    if c.isalpha():
        if tok.isupper():
            return "LAT"
        return "Lat" if c.isupper() else "lat"
    cat = unicodedata.category(c)[0]
    return "punct" if cat in _PUNCT_CATS else "other"


_WORDY_SHAPES = frozenset(("ar", "lat", "Lat", "LAT"))
OFFSETS = ("-2", "-1", "+1", "+2")  # the neighbours whose features a token sees


class WordParts(NamedTuple):
    """What one token string contributes to the features of its sentence."""

    own: tuple[str, ...]  # its own features ("b", the bias attribute, first)
    near: tuple[str, ...]  # the features it lends a neighbour at ±1, without the offset
    far: tuple[str, ...]  # the same at ±2
    form: str  # its match form
    bare: str  # its proclitic-free match form (article kept)


def variant_key(tok: str) -> str:
    """What :func:`word_parts` reads of a token: its match form and its shape. Tokens
    with one key (a word with and without diacritics or tatweel) have the same features,
    so the taggers' word caches compute them once (a ninth of the new words of a news
    stream are such variants of a word already seen)."""
    return (cached_match_form(tok) or tok) + "\x00" + _shape(tok)


@lru_cache(maxsize=16_384)  # ~3 kB an entry: the new words of a tagger chunk (both models)
def word_parts(tok: str) -> WordParts:
    """The features of one token string (the taggers look them up by offset, so the
    neighbours' strings are never built: see :func:`word_features` for those)."""
    g = gazetteer()
    m = cached_match_form(tok) or tok  # (the word caches asked for it first: variant_key)
    shape = _shape(tok)
    core = strip_clitics(m, keep_article=False)
    flags: list[str] = []
    if shape in _WORDY_SHAPES:
        cands = core_candidates(m)
        flags.extend(["g" + t for t in g.word_types(m)])
        country_of, cities, titles, org_cues = g.country_of, g.cities, g.titles, g.org_cues
        country = city = title = org_cue = False
        for c in cands:
            country = country or c in country_of
            city = city or c in cities
            title = title or c in titles
            org_cue = org_cue or c in org_cues
        if country:
            flags.append("country")
        if city:
            flags.append("city")
        if g.nisba_of_form(m):
            flags.append("nisba")
        if title:
            flags.append("title")
        if org_cue:
            flags.append("orgcue")
    s2 = m[-2:]
    own = [
        "b",
        "w=" + m,
        "c=" + core,
        "st=" + (hand_stem(m) if shape == "ar" else m),
        "sh=" + shape,
        "len=" + str(min(len(m), 8)),
        "p2=" + m[:2],
        "p3=" + m[:3],
        "s1=" + m[-1:],
        "s2=" + s2,
        "s3=" + m[-3:],
        "cp2=" + core[:2],
        "cs2=" + core[-2:],
    ]
    cl = clusters().get(m) or clusters().get(core)
    if cl:
        own.append(f"k2={cl[1]}")
        flags.append(f"k1={cl[0]}")
    # finer clusters: of the word, of its proclitic-free form (article kept)
    sform = strip_clitics(m, keep_article=True)
    sv = svd_clusters()
    kw = sv.get(m)
    if kw:
        own.extend([f"K0={kw[0]}", f"K1={kw[1]}", f"K2={kw[2]}", f"K3={kw[3]}"])
    else:
        own.append("Knone")
    kc = kw
    if sform != m:
        kc = sv.get(sform)
        if kc:
            own.extend([f"C1={kc[1]}", f"C2={kc[2]}", f"C3={kc[3]}"])
    knb = kw or kc
    lx = lexicon().get(sform)
    lxf = ""
    if lx:
        lxf = "lx=" + lx[0] + lx[1]
        own.append("lx=" + lx[0])
        own.append(lxf)
        if lx[2]:
            own.append("lxn=" + lx[0] + lx[1])
    else:
        own.append("lx0")
    if m.startswith("ال"):
        own.append("al")
    elif core != m:
        own.append("clitic=" + m[: len(m) - len(core)])
    own.extend(flags)
    # The neighbour features (each offset's strings are these behind the offset)
    far = ["w=" + m, "c=" + core, *flags]  # ±2
    if knb:
        far.append(f"K0={knb[0]}")
    near = ["w=" + m, "c=" + core, "sh=" + shape, "s2=" + s2, *flags]  # ±1
    if lxf:
        near.append(lxf)
    if knb:
        near.extend([f"K0={knb[0]}", f"K1={knb[1]}", f"K2={knb[2]}"])
    return WordParts(tuple(own), tuple(near), tuple(far), m, sform)


@lru_cache(maxsize=16_384)
def word_features(tok: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(own features, neighbour features by offset -2, -1, +1, +2) for one token string,
    as crfsuite reads them (training, and the reference tagger)."""
    p = word_parts(tok)
    neigh = tuple(tuple([off + f for f in (p.near if off[1] == "1" else p.far)]) for off in OFFSETS)
    return p.own, neigh


def crf_items(feats: list[list[str]], bias: float = TAG_BIAS) -> list[dict[str, float]]:
    """crfsuite items for tagging: the features with the bias attribute at ``bias``."""
    items = []
    for f in feats:
        d = dict.fromkeys(f, 1.0)
        d["b"] = bias
        items.append(d)
    return items


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """Feature lists for a sentence of token strings."""
    wf = [word_features(t) for t in tokens]
    n = len(tokens)
    out: list[list[str]] = []
    for i in range(n):
        own, _ = wf[i]
        feats = list(own)
        if i >= 2:
            feats.extend(wf[i - 2][1][0])
        if i >= 1:
            feats.extend(wf[i - 1][1][1])
            feats.append("bg-=" + own[1][2:] + "|" + wf[i - 1][0][1][2:])
        else:
            feats.append("BOS")
        if i + 1 < n:
            feats.extend(wf[i + 1][1][2])
            feats.append("bg+=" + own[1][2:] + "|" + wf[i + 1][0][1][2:])
        else:
            feats.append("EOS")
        if i + 2 < n:
            feats.extend(wf[i + 2][1][3])
        out.append(feats)
    return out
