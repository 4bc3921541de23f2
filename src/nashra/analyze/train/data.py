"""Readers for the training data under ``../shared/data`` (absent → empty results)."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

DEFAULT_DATA = (
    Path(os.environ["NASHRA_SHARED"]) / "data"
    if os.environ.get("NASHRA_SHARED")
    else Path(__file__).resolve().parents[5] / "shared" / "data"
)

Sentence = list[tuple[str, str]]

# WikiFANE splits clitics off (و تعتبر, عاصمة ها); ANERcorp and our tokenizer keep them
# attached, so we glue them back.
_WF_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})
_WF_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي", "ني"})


def read_conll(path: Path) -> list[Sentence]:
    """``token TAG`` per line (space or tab), blank line between sentences."""
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.replace("\u200e", "").rstrip("\r\n")
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            tok = parts[0]
            tag = parts[-1] if len(parts) > 1 else "O"
            if tag not in ("O",) and tag[:2] not in ("B-", "I-"):
                tag = "O"
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def read_anercorp(data: Path = DEFAULT_DATA) -> list[Sentence]:
    path = data / "ner" / "anercorp_camel_train.txt"
    return read_conll(path) if path.exists() else []


def _glue_wikifane(sent: Sentence) -> Sentence:
    out: Sentence = []
    pending: tuple[str, str] | None = None
    for tok, tag in sent:
        if pending is not None:
            ptok, _ = pending
            tok = ptok + tok
            pending = None
        if tok in _WF_PROCLITICS:
            pending = (tok, tag)
            continue
        if tok in _WF_ENCLITICS and out and tag == "O":
            ptok, ptag = out[-1]
            if ptok.endswith("ة"):
                ptok = ptok[:-1] + "ت"
            out[-1] = (ptok + tok, ptag)
            continue
        out.append((tok, tag))
    if pending is not None:
        out.append(pending)
    return out


def read_wikifane(data: Path = DEFAULT_DATA) -> list[Sentence]:
    """WikiFANE Gold with fine classes mapped to PERS/ORG/LOC/MISC (Group etc. → O)."""
    from nashra.analyze.train.gazetteer import WIKIFANE_MAP

    path = data / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.txt"
    if not path.exists():
        return []
    sents: list[Sentence] = []
    for raw in read_conll(path):
        sent: Sentence = []
        for tok, tag in raw:
            if tag != "O":
                coarse = WIKIFANE_MAP.get(tag[2:])
                tag = f"{tag[:2]}{coarse}" if coarse else "O"
            sent.append((tok, tag))
        # repair I- after O (a dropped class or a glued clitic)
        fixed: Sentence = []
        prev = "O"
        for tok, tag in _glue_wikifane(sent):
            if tag.startswith("I-") and prev[2:] != tag[2:]:
                tag = "B-" + tag[2:]
            fixed.append((tok, tag))
            prev = tag
        sents.append(fixed)
    return sents


def iter_saudinewsnet(data: Path = DEFAULT_DATA, limit: int | None = None) -> Iterator[str]:
    """Article bodies (``content``) from the SaudiNewsNet zips, in file order."""
    for _title, content in iter_saudinewsnet_titled(data, limit):
        yield content


def iter_saudinewsnet_titled(
    data: Path = DEFAULT_DATA, limit: int | None = None
) -> Iterator[tuple[str, str]]:
    """``(title, content)`` of each SaudiNewsNet article with a body, in file order."""
    folder = data / "saudinewsnet"
    if not folder.exists():
        return
    n = 0
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                if not name.endswith(".json"):
                    continue
                for art in json.loads(z.read(name).decode("utf-8")):
                    content = art.get("content") or ""
                    if content:
                        yield art.get("title") or "", content
                        n += 1
                        if limit is not None and n >= limit:
                            return
