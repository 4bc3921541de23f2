"""CoNLL input/output and a CoNLL-style entity-level scorer (exact span and type)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path

__all__ = ["Score", "bio_spans", "read_tokens", "resegment", "score", "tag_conll"]


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` (token indices, end exclusive) from BIO tags.

    Like conlleval, an ``I-X`` that does not continue an ``X`` entity starts a new one.
    """
    spans: list[tuple[int, int, str]] = []
    start = last = -1
    typ = ""
    # only the tagged positions are visited (most tokens are O): a gap ends an entity
    for i, tag in compress(enumerate(tags), map("O".__ne__, tags)):
        if start >= 0 and (i != last + 1 or tag[0] == "B" or tag[2:] != typ):
            spans.append((start, last + 1, typ))
            start = -1
        if start < 0:
            start, typ = i, tag[2:]
        last = i
    if start >= 0:
        spans.append((start, last + 1, typ))
    return spans


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        g = set(bio_spans(gold))
        p = set(bio_spans(pred))
        for s in g & p:
            self.tp[s[2]] += 1
        for s in p - g:
            self.fp[s[2]] += 1
        for s in g - p:
            self.fn[s[2]] += 1

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        for t in types:
            p, r, f = self._prf(self.tp[t], self.fp[t], self.fn[t])
            out[t] = {
                "precision": round(100 * p, 2),
                "recall": round(100 * r, 2),
                "f1": round(100 * f, 2),
                "support": self.tp[t] + self.fn[t],
            }
        p, r, f = self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))
        out["micro"] = {
            "precision": round(100 * p, 2),
            "recall": round(100 * r, 2),
            "f1": round(100 * f, 2),
            "support": sum(self.tp.values()) + sum(self.fn.values()),
        }
        return out


def score(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Per-type and micro precision/recall/F1 (percent) over sentences of BIO tags."""
    s = Score()
    for g, p in zip(gold, pred, strict=True):
        s.add(g, p)
    return s.table()


def read_tokens(path: Path | str) -> list[list[str]]:
    """Sentences of tokens: first column of each line, blank line between sentences."""
    sents: list[list[str]] = []
    cur: list[str] = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.replace("\u200e", "").split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            cur.append(parts[0])
    if cur:
        sents.append(cur)
    return sents


DOC_WINDOW = 10  # sentences read as one document when the file marks none
DOCSTART = "-DOCSTART-"


def _documents(sents: list[list[str]]) -> list[list[list[str]]]:
    """Sentences grouped into documents: by ``-DOCSTART-`` lines where the file has them
    (each such line is a group of its own), else every DOC_WINDOW consecutive sentences."""
    marked = any(s and s[0] == DOCSTART for s in sents)
    docs: list[list[list[str]]] = []
    cur: list[list[str]] = []
    for sent in sents:
        if sent and sent[0] == DOCSTART:
            docs += [cur, [sent]] if cur else [[sent]]
            cur = []
            continue
        cur.append(sent)
        if not marked and len(cur) == DOC_WINDOW:
            docs.append(cur)
            cur = []
    if cur:
        docs.append(cur)
    return docs


# A file's sentence breaks may be off by a token: the official CAMeL test file of
# ANERcorp puts the first token of almost every sentence at the end of the one before.
# Such a file is cut into sentences again after its full stops (a run of them: ". . ."),
# as ANERcorp is cut; a well-formed file is read as it is.
SENTENCE_END = "."


def _shifted(sents: list[list[str]]) -> bool:
    """Whether at least half the file's sentences have their breaks a token off: a token
    after the final full stop (``… . w``) or a full stop first and none last (``. w …``)."""
    body = [s for s in sents if s and s[0] != DOCSTART]
    off = sum(
        (len(s) > 1 and s[-2] == SENTENCE_END != s[-1]) or (s[0] == SENTENCE_END != s[-1])
        for s in body
    )
    return bool(body) and 2 * off >= len(body)


def resegment(sents: list[list[str]]) -> list[list[str]]:
    """The file's sentences, or, where their breaks are a token off (:func:`_shifted`), its
    tokens cut after each run of full stops and at the end of every file sentence that
    has none (``-DOCSTART-`` lines stay sentences of their own)."""
    if not _shifted(sents):
        return sents
    flat = [tok for sent in sents for tok in sent]
    cuts = {len(flat)}
    pos = 0
    for sent in sents:
        if sent and sent[0] == DOCSTART:
            cuts.add(pos)
        pos += len(sent)
        if SENTENCE_END not in sent:
            cuts.add(pos)
    for i, tok in enumerate(flat[:-1]):
        if tok == SENTENCE_END and flat[i + 1] != SENTENCE_END:
            cuts.add(i + 1)
    out: list[list[str]] = []
    start = 0
    for cut in sorted(cuts):
        if cut > start:
            out.append(flat[start:cut])
            start = cut
    return out


def tag_conll(in_path: Path | str, out_path: Path | str, news: bool = False) -> int:
    """Tag a CoNLL file (token per line; extra columns ignored); write ``token TAG`` lines.
    ``news``: as articles are tagged, with today's news's conventions (see
    :func:`nashra.analyze.ner.tagger.tag_tokens`); without it, as ANERcorp annotates.

    The file's tokens are tagged as :func:`resegment` cuts them into sentences, a
    document at a time, with the same second pass as articles
    (:func:`nashra.analyze.ner.document.consistent`); the output keeps the file's own
    lines and blank lines. Returns the number of tokens written.
    """
    from nashra.analyze.ner.document import consistent
    from nashra.analyze.ner.tagger import tag_sentences

    sents = read_tokens(in_path)
    tags: list[str] = []
    for doc in _documents(resegment(sents)):
        if doc[0] and doc[0][0] == DOCSTART:
            tags += ["O"] * len(doc[0])
        else:
            for sent_tags in consistent(doc, tag_sentences(doc, news)):
                tags += sent_tags
    n = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for sent in sents:
            for tok in sent:
                out.write(f"{tok} {tags[n]}\n")
                n += 1
            out.write("\n")
    return n


def main(argv: list[str] | None = None) -> int:
    """``python -m nashra.analyze.ner.conll IN OUT`` (what ``nashra tag-conll`` runs)."""
    import argparse

    ap = argparse.ArgumentParser(description=tag_conll.__doc__)
    ap.add_argument("input", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--news", action="store_true", help="tag as articles are tagged")
    args = ap.parse_args(argv)
    n = tag_conll(args.input, args.output, args.news)
    print(f"tagged {n} tokens → {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
