"""The search query language, parsed into analysed terms.

Syntax (see docs/search.md)::

    الرئيس التركي          both words (AND is the default)
    "الرئيس التركي"        a phrase: the analysed terms adjacent, in order
    +إدلب -دمشق            required / excluded word (or phrase: -"...")
    إيران OR ايران | طهران  either side (OR or |); AND is accepted and is the default

Every piece of text goes through :func:`nashra.text.query_terms` — the same analyzer that
built the index — so spelling variants become the same terms. The parser never fails:
unbalanced quotes end at the end of the query, brackets and stray operators are ignored,
and a word that analyses to nothing (a stopword) simply drops out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nashra.text import query_terms

__all__ = ["MAX_TERM_CHARS", "ParsedQuery", "clean_terms", "parse_query"]

MAX_TERM_CHARS = 200  # keeps every term under PostgreSQL's lexeme limit; same on both backends
MAX_UNITS = 32  # a query longer than this is cut (a pasted article is not a query)

# A unit is a tuple of analysed terms; more than one term means "adjacent, in order".
Unit = tuple[str, ...]

_CHUNK = re.compile(r'([+\-]?)"([^"]*)(?:"|$)|(\S+)')
_DROP = re.compile(r"[()\[\]{}]")
_OR_WORDS = frozenset({"OR", "|", "||"})
_AND_WORDS = frozenset({"AND", "&", "&&"})  # the default anyway
# Characters that must never be inside a term (whitespace, controls); the analyzer does
# not produce them, this is a guard so both backends see identical terms.
_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def clean_terms(terms: list[str]) -> list[str]:
    """The terms as both backends store them: no controls or spaces, bounded length."""
    # Fast path: the analyzer practically never yields such characters or long terms.
    if not _BAD_CHARS.search("".join(terms)) and max(map(len, terms), default=0) <= MAX_TERM_CHARS:
        return terms
    out: list[str] = []
    for t in terms:
        if _BAD_CHARS.search(t):
            t = _BAD_CHARS.sub("", t)
        if t:
            out.append(t[:MAX_TERM_CHARS])
    return out


@dataclass
class ParsedQuery:
    """AND over ``groups``; each group is an OR of units; no article may match ``excluded``."""

    groups: list[list[Unit]] = field(default_factory=list)
    excluded: list[Unit] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def positive_terms(self) -> set[str]:
        """Every term of the positive units (what snippets highlight)."""
        return {t for group in self.groups for unit in group for t in unit}


def _unit(text: str) -> Unit:
    return tuple(clean_terms(query_terms(text)))


def parse_query(raw: str) -> ParsedQuery:
    """Parse ``raw`` into groups of analysed units; never raises."""
    query = ParsedQuery()
    pending_or = False
    locked = False  # the last group came from a +unit: OR does not loosen it
    for m in _CHUNK.finditer(_DROP.sub(" ", raw or "")):
        if len(query.groups) + len(query.excluded) >= MAX_UNITS:
            break
        if m.group(3) is not None:
            chunk = m.group(3)
            if chunk in _OR_WORDS:
                pending_or = bool(query.groups)
                continue
            if chunk in _AND_WORDS:
                continue
            sign = ""
            if chunk[0] in "+-" and len(chunk) > 1:
                sign, chunk = chunk[0], chunk[1:]
            unit = _unit(chunk)
        else:
            sign = m.group(1)
            unit = _unit(m.group(2))
        if not unit:
            continue  # a stopword, punctuation or a bare operator: nothing to match
        if sign == "-":
            query.excluded.append(unit)
            pending_or = False
            continue
        if pending_or and sign != "+" and not locked:
            query.groups[-1].append(unit)
        else:
            query.groups.append([unit])
            locked = sign == "+"
        pending_or = False
    return query
