"""A document-level second pass over the tagger's output: one name, one type per document.

A news article names its subject many times, and the CRF, which sees one sentence at a
time, finds some of the mentions and misses others (a club or a bank in a sentence with
no cue). Here every name the tagger found somewhere in the document is looked for in the
rest of it: an occurrence left untagged, or tagged as a whole with another type, takes the
type the name was given most often — also after a one-letter proclitic (و، ف، ب، ل:
والأهلي after الأهلي). On our development split this adds 1.1 F1 (docs/analyze.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import compress

from nashra.analyze.lexicon import cached_match_form
from nashra.analyze.ner.conll import bio_spans

__all__ = ["MIN_LETTERS", "consistent"]

MIN_LETTERS = 3  # shorter names are too ambiguous to spread
_PROCLITICS = ("و", "ف", "ب", "ل")


def consistent(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    keys: Sequence[Sequence[str]] | None = None,
) -> list[list[str]]:
    """``tags`` with every name found in the document given one type throughout
    (``keys``: the tokens' match forms, when the caller has them already)."""
    if keys is None:
        keys = [list(map(cached_match_form, toks)) for toks in sentences]
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for ks, ts in zip(keys, tags, strict=True):
        for a, b, typ in bio_spans(ts):
            found = tuple(ks[a:b])
            if sum(map(len, found)) >= MIN_LETTERS:
                votes[found][typ] += 1
    out = [list(ts) for ts in tags]
    if not votes:
        return out
    starting: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for known in sorted(votes, key=len, reverse=True):  # longest first
        starting[known[0]].append(known)
    # the words a name can start at, with a proclitic too: most words are none of them,
    # and one set lookup each (in C) finds the few that are
    heads = set(starting)
    heads.update(p + h for h in starting for p in _PROCLITICS if len(h) >= MIN_LETTERS)
    for ks, ts in zip(keys, out, strict=True):
        free = 0  # positions before this one are inside a name already handled
        for i in compress(range(len(ks)), map(heads.__contains__, ks)):
            if i < free:
                continue
            name = _match(ks, i, starting)
            if name is None:
                continue
            n = len(name)
            span = ts[i : i + n]
            ends_here = i + n >= len(ts) or not ts[i + n].startswith("I-")
            untagged = all(t == "O" for t in span)
            whole = span[0].startswith("B-") and all(t.startswith("I-") for t in span[1:])
            if ends_here and (untagged or whole):
                typ = votes[name].most_common(1)[0][0]
                ts[i : i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
            free = i + n
    return out


def _match(
    keys: Sequence[str], i: int, starting: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The longest known name at position ``i``, if any (after a proclitic too)."""
    first = keys[i]
    heads = [first]
    if len(first) > MIN_LETTERS and first[0] in _PROCLITICS:
        heads.append(first[1:])
    for head in heads:
        for name in starting.get(head, ()):
            if (head, *keys[i + 1 : i + len(name)]) == name:
                return name
    return None
