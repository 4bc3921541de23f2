"""Our own annotated news passages as tagger training data (BIO sentences).

The entity sets in ``tests/analyze/data/entities_blind*.json`` are passages we wrote,
each listing its entities with every surface form by which it names them. ANERcorp is
news of 2007; these are news of our own day, written the way SaudiNewsNet and today's
outlets write (agencies' acronyms, ministries, clubs, companies, today's names). The
sets named in ``--own-sets`` train the tagger beside ANERcorp; the others stay held out
for scoring it (docs/analyze.md).

Each word-bounded occurrence of a surface form in a passage tags its tokens (longest
forms first, none inside another). The sets' conventions are ours, the tagger's are
ANERcorp's where they differ, so some forms are left O: a nisba adjective standing for
its country (الروسي for روسيا: the linker finds those), a role standing for a person
(الوزير), and a country's name used as an adjective after a definite noun (الحكومة
السعودية, where the set lists السعودية only as the country).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import TITLES, strip_clitics
from nashra.analyze.train.data import Sentence
from nashra.text import match_form, split_sentences

SETS_DIR = Path(__file__).resolve().parents[4] / "tests" / "analyze" / "data"
TRAINING_SETS_SPEC = "1-16"  # sets 17 and later score the tagger, unseen


def set_path(n: int, folder: Path = SETS_DIR) -> Path:
    return folder / ("entities_blind.json" if n == 1 else f"entities_blind{n}.json")


def parse_sets(spec: str) -> list[int]:
    """``"1-16"`` or ``"1,3,5-7"`` → the set numbers; ``""`` → none."""
    out: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


TRAINING_SETS = parse_sets(TRAINING_SETS_SPEC)


def _words(s: str) -> set[str]:
    return {strip_clitics(match_form(w) or w) for w in s.split()}


def _tagged_form(form: str, name: str, kind: str) -> bool:
    """Whether a surface form of an entity is a name the tagger should tag."""
    if _words(form) & _words(name):
        return True  # the name, part of it, or a variant sharing a word with it
    last = form.split()[-1]
    if gazetteer().nisba_country(last):
        return False  # الروسي for روسيا
    if kind == "PERS":
        forms = [match_form(w) for w in form.split()]
        titles = {match_form(t) for t in TITLES}
        if form.startswith("ال") or any(f in titles for f in forms):
            return False  # الوزير، ولي العهد: a role for the person
    return True  # an acronym, a nickname, another name (واس، الفراعنة، حميدتي)


def passage_sentences(text: str, entities: list[dict[str, object]]) -> list[Sentence]:
    """The passage's sentences as (token, BIO tag) lists, tokens as the tagger reads them."""
    from nashra.analyze.ner.tagger import split_tokens

    spans: list[tuple[int, int, str]] = []
    forms = [
        (str(form), str(e["type"]))
        for e in entities
        for form in e["mentions"]  # type: ignore[attr-defined]
        if _tagged_form(str(form), str(e["name"]), str(e["type"]))
    ]
    taken = [False] * len(text)
    for form, kind in sorted(forms, key=lambda f: -len(f[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            if kind == "LOC" and form.startswith("ال") and gazetteer().nisba_country(form):
                before = text[:a].split()
                if before and strip_clitics(match_form(before[-1]) or "").startswith("ال"):
                    continue  # الحكومة السعودية: the adjective, not the country
            taken[a:b] = [True] * (b - a)
            spans.append((a, b, kind))
    spans.sort()
    sents: list[Sentence] = []
    for s_start, s_end in split_sentences(text):
        sent: Sentence = []
        k = 0
        current: tuple[int, int, str] | None = None
        for tok, a, b in split_tokens(text, s_start, s_end):
            while k < len(spans) and spans[k][1] <= a:
                k += 1
            span = spans[k] if k < len(spans) and spans[k][0] <= a and b <= spans[k][1] else None
            if span is None:
                sent.append((tok, "O"))
            else:
                sent.append((tok, ("I-" if span is current else "B-") + span[2]))
            current = span
        if sent:
            sents.append(sent)
    return sents


def read_own_sets(sets: Iterable[int], folder: Path = SETS_DIR) -> list[Sentence]:
    """BIO sentences of the named entity sets (absent sets are skipped)."""
    sents: list[Sentence] = []
    for n in sets:
        path = set_path(n, folder)
        if not path.exists():
            continue
        for passage in json.loads(path.read_text(encoding="utf-8")):
            sents.extend(passage_sentences(passage["text"], passage["entities"]))
    return sents
