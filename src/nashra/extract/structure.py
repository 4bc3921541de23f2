"""Headline, subheadline, body and boilerplate from a document's lines.

The input is the non-empty lines (paragraphs) of one document in reading order. Sites lay
their pages out differently — the headline may come first or last, a subheadline
(standfirst) may follow it or not, prompts may sit before or after the body — so the
split uses general signals only:

* **boilerplate** — :func:`~nashra.extract.boilerplate.is_prompt`, keys learned to recur
  across a source (``known_boilerplate``), and later copies of a line already seen in the
  document;
* **the headline** — in order of trust: a line matching the ``title_hint`` (site suffix
  such as "| اسم الموقع" allowed), a headline-shaped line that the page repeats, the
  headline-shaped line heading the document before its first sentence paragraph, or the
  headline-shaped line closing it after its last one (only with support: the page
  repeats it, boilerplate follows it, or a subheadline follows it);
* **the subheadline** — a line matching ``subtitle_hint``, else the headline-shaped line
  right after the headline;
* **leftovers** — short non-sentence lines outside the body: crumbs before a leading
  headline, lines after a closing headline block, and lines enclosed by boilerplate.

*Headline-shaped* means 2–25 words, not ending like a sentence clause (".", "…", ":",
"،", "؛") and not opening with a word that opens body paragraphs ("وقال", "وأضاف",
"من جهته"...) or a credit ("المصدر", "بقلم"). A *sentence* paragraph ends with ".", "!",
"?", "؟" or "…" (closing quotes and brackets aside) or is longer than 25 words.

When a signal is missing or weak the line stays in the body: a real paragraph is never
dropped, the body keeps the input order, and display text is only stripped of
surrounding whitespace.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum

from nashra.extract.boilerplate import is_prompt, line_key
from nashra.text.normalize import SHORT_LINE
from nashra.text.normalize import match_form as _match_form
from nashra.text.normalize import match_form_cached as match_form

__all__ = ["Structure", "structure_lines"]


@dataclass
class Structure:
    """A document's lines sorted into their roles."""

    title: str = ""
    subtitle: str = ""
    body: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)  # removed lines, document order


class _Role(Enum):
    BODY = "body"
    TITLE = "title"
    SUBTITLE = "subtitle"
    BOILER = "boiler"  # strong: prompt, learned key, duplicate copy
    LEFTOVER = "leftover"  # weak: a short non-sentence line outside the body


# --- line shapes ----------------------------------------------------------------------

_CLOSERS = " \t»”\"'’)]}›>"
_SENTENCE_END = ".!?؟…。"
_CLAUSE_END = ".…:،؛;,。"  # a headline does not end with these
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "‹": "›"}

_MAX_HEADLINE_WORDS = 25
_MAX_HEADLINE_CHARS = 250
_MAX_SUBTITLE_WORDS = 40
_MAX_SUBTITLE_CHARS = 350
_CRUMB_WORDS = 2  # a line this short before a leading headline is a crumb, not content
_LEFTOVER_WORDS = 10  # the most words a leftover line after a closing headline may have
_CHROME_WORDS = 30  # after a repeated closing headline, lines up to this long are chrome
_ENCLOSED_WORDS = 5  # the most words of a line dropped for being enclosed by boilerplate


# First words (match form) that open body paragraphs in Arabic news prose and English,
# never headlines.
def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BODY_OPENERS = _wordset(
    """
    وقال وقالت واضاف واضافت واكد واكدت واوضح واوضحت واشار واشارت وتابع وتابعت
    وكان وكانت وفي ومن وهو وهي وهم ولفت ولفتت وذكر وذكرت وافاد وافادت وراي ورات
    وجاء وجاءت وبحسب ووفق ووفقا وعلي واعلن واعلنت وشدد وشددت واعتبر واعتبرت وختم
    وختمت واختتم ولم ولا وقد وياتي ويذكر يذكر يشار ويشار كما ولكن لكن غير فيما
    بدوره بدورها واضاف وبين وبينت واستطرد وتساءل وزاد ولفت واعرب واعربت ونقل ونقلت
    ويعد وتعد ويعتبر وتعتبر وبالتالي وعليه واذ واذا وان وانه وانها وبينما وحيث
    وخلال وبعد وقبل ومنذ وعن والى والي وبذلك وهكذا وعلاوه فضلا علاوه
    """
)
_BODY_OPENER_PAIRS = frozenset(
    {
        ("من", "جهته"),
        ("من", "جهتها"),
        ("من", "جانبه"),
        ("من", "جانبها"),
        ("في", "المقابل"),
        ("في", "حين"),
        ("الي", "ذلك"),
        ("علي", "صعيد"),
        ("في", "غضون"),
        ("يذكر", "ان"),
    }
)
_CREDIT_OPENERS = _wordset(
    """
    المصدر المصادر مصدر بقلم كتب كتبت تحرير اعداد ترجمه تصوير مراسل مراسلنا الكاتب
    source sources by photo photos credit credits written reporting editing
    """
)

_PUNCT_RE = re.compile(r"[^\w\s]+")
_SPACES_RE = re.compile(r"\s+")
# Separators between a headline and a site name: "العنوان | الموقع", "العنوان - الموقع".
_SITE_SEP_RE = re.compile(r"\s+[|｜\-–—•·]{1,2}\s+|\s*[|｜]\s*")
_ELLIPSIS_RE = re.compile(r"(?:\.\.\.|…)\s*$")


def _words(line: str) -> int:
    return len(line.split())


def _final_char(line: str) -> str:
    trimmed = line.rstrip(_CLOSERS)
    return trimmed[-1] if trimmed else ""


def _is_sentence(line: str) -> bool:
    """A body-paragraph shape: ends like a sentence, or is too long for a headline."""
    return _final_char(line) in _SENTENCE_END or _words(line) > _MAX_HEADLINE_WORDS


def _loose(text: str) -> str:
    """Match form without punctuation, for comparing a line with a metadata hint."""
    # Short lines (headlines, prompts, hints) repeat and are asked about several times;
    # long paragraphs are unique, so caching them would only hold memory.
    return _loose_short(text) if len(text) <= SHORT_LINE else _loose_form(text)


def _loose_form(text: str) -> str:
    return _SPACES_RE.sub(" ", _PUNCT_RE.sub(" ", _match_form(text))).strip()


_loose_short = functools.lru_cache(maxsize=8192)(_loose_form)


def _first_tokens(line: str) -> list[str]:
    return _loose(line).split()[:2]


def _opens_body(line: str) -> bool:
    toks = _first_tokens(line)
    if not toks:
        return False
    if toks[0] in _BODY_OPENERS or toks[0] in _CREDIT_OPENERS:
        return True
    return len(toks) == 2 and (toks[0], toks[1]) in _BODY_OPENER_PAIRS


def _is_credit(line: str) -> bool:
    toks = _first_tokens(line)
    return bool(toks) and toks[0] in _CREDIT_OPENERS


def _is_whole_quote(line: str) -> bool:
    text = line.strip()
    if len(text) < 2:
        return False
    closer = _QUOTE_PAIRS.get(text[0])
    return closer is not None and text.endswith(closer) and text.count(text[0]) == 1


def _headline_shaped(line: str, *, max_words: int = _MAX_HEADLINE_WORDS) -> bool:
    words = _words(line)
    max_chars = _MAX_HEADLINE_CHARS if max_words <= _MAX_HEADLINE_WORDS else _MAX_SUBTITLE_CHARS
    return (
        2 <= words <= max_words
        and len(line) <= max_chars
        and _final_char(line) not in _CLAUSE_END
        and not _opens_body(line)
        and not _is_whole_quote(line)
    )


def _subtitle_shaped(line: str) -> bool:
    return _headline_shaped(line, max_words=_MAX_SUBTITLE_WORDS)


# --- metadata hints -------------------------------------------------------------------


def _hint_parts(hint: str) -> list[str]:
    """``hint`` and, for each site separator in it, the longer side (display text)."""
    hint = hint.strip()
    if not hint:
        return []
    parts = [hint]
    for sep in _SITE_SEP_RE.finditer(hint):
        left, right = hint[: sep.start()].strip(), hint[sep.end() :].strip()
        if _words(left) >= _words(right):
            parts.append(left)
        if _words(right) >= _words(left):
            parts.append(right)
    return [p for p in parts if p]


def _display_hint(hint: str) -> str:
    """The hint with a short site name on one end removed ("العنوان | الموقع")."""
    text = hint.strip()
    seps = list(_SITE_SEP_RE.finditer(text))
    if not seps:
        return text
    last, first = seps[-1], seps[0]
    head, tail = text[: last.start()].strip(), text[last.end() :].strip()
    if tail and head and _words(tail) <= 4 and _words(head) > _words(tail):
        text = head
        seps = list(_SITE_SEP_RE.finditer(text))
        if not seps:
            return text
        first = seps[0]
    head, tail = text[: first.start()].strip(), text[first.end() :].strip()
    bar = any(c in text[first.start() : first.end()] for c in "|｜")
    # Only a leading site name set off by a bar; "غزة - ..." style datelines stay.
    if bar and head and tail and _words(head) <= 4 and _words(tail) > _words(head):
        text = tail
    return text


def _find_hint(hint: str, looses: Sequence[str], usable: Sequence[bool]) -> int | None:
    """Index of the line the hint names; the longest matching variant wins."""
    best: tuple[int, int] | None = None  # (variant length, index)
    variants = {_loose(p) for p in _hint_parts(hint)} - {""}
    for i, loose in enumerate(looses):
        if usable[i] and loose in variants and (best is None or len(loose) > best[0]):
            best = (len(loose), i)
    return None if best is None else best[1]


def _hint_in_body(hint: str, looses: Sequence[str]) -> bool:
    """A description that is (a truncated copy of) the start of some line."""
    core = _loose(_ELLIPSIS_RE.sub("", hint))
    if _words(core) < 5:
        return False
    return any(loose.startswith(core) for loose in looses)


# --- the split ------------------------------------------------------------------------


def structure_lines(
    lines: Sequence[str],
    *,
    title_hint: str = "",
    subtitle_hint: str = "",
    known_boilerplate: Collection[str] = frozenset(),
) -> Structure:
    """Split a document's lines into headline, subheadline, body and boilerplate.

    ``lines`` are the document's paragraphs in reading order (blank ones are ignored).
    ``title_hint`` and ``subtitle_hint`` come from page metadata and may carry a site
    name ("العنوان | الموقع"); a hint that names no line becomes the title/subtitle
    itself. ``known_boilerplate`` holds :func:`~nashra.extract.boilerplate.line_key`
    values learned to recur across the source's documents.
    """
    text = [line.strip() for line in lines if line and line.strip()]
    n = len(text)
    if (
        not subtitle_hint
        and not known_boilerplate
        and all(line.count(" ") >= _MAX_HEADLINE_WORDS for line in text)
        and len(set(text)) == n
    ):
        # Only long, distinct paragraphs (most dump records): none can be a headline, a
        # prompt or a repeat, so every signal below would keep them all as body.
        return Structure(title=_display_hint(title_hint) if title_hint else "", body=text)
    looses = [_loose(line) for line in text]
    roles = [_Role.BODY] * n
    title_hint = title_hint.strip()
    subtitle_hint = subtitle_hint.strip()

    # 1. Strong boilerplate: prompts, learned keys, later copies of a line.
    title_idx = _find_hint(title_hint, looses, [True] * n) if title_hint else None
    seen: set[str] = set()
    repeated: set[int] = set()
    first_of: dict[str, int] = {}
    for i, line in enumerate(text):
        key = looses[i] or match_form(line)
        if key in seen:
            roles[i] = _Role.BOILER
            repeated.add(first_of[key])
            continue
        seen.add(key)
        first_of[key] = i
        if i != title_idx and (is_prompt(line) or line_key(line) in known_boilerplate):
            roles[i] = _Role.BOILER

    def content() -> list[int]:
        return [i for i in range(n) if roles[i] is _Role.BODY]

    def boiler_at(i: int) -> bool:
        return 0 <= i < n and roles[i] in (_Role.BOILER, _Role.LEFTOVER)

    anchors = [i for i in content() if _is_sentence(text[i])]

    # 2. The headline.
    title = ""
    if title_idx is not None:
        roles[title_idx] = _Role.TITLE
    elif title_hint:
        title = _display_hint(title_hint)
    else:
        title_idx = _find_title(text, roles, repeated, anchors)
        if title_idx is not None:
            roles[title_idx] = _Role.TITLE
    if title_idx is not None:
        title = text[title_idx]
    # A closing headline block: body sentences before it, at most a few short "sentences"
    # after it (prompts such as "لست مشتركاً بعد؟" end with punctuation too).
    after = [i for i in anchors if title_idx is not None and i > title_idx]
    at_end = (
        title_idx is not None
        and bool(anchors)
        and title_idx > anchors[0]
        and len(after) <= 3
        and all(_words(text[i]) <= _CHROME_WORDS for i in after)
    )

    # 3. The subheadline.
    subtitle = ""
    sub_idx: int | None = None
    body_left = [i for i in content() if _is_sentence(text[i])]
    if subtitle_hint:
        usable = [roles[i] is _Role.BODY for i in range(n)]
        found = _find_hint(subtitle_hint, looses, usable)
        if found is not None:
            order = content()
            kept = [i for i in range(n) if roles[i] in (_Role.BODY, _Role.TITLE)]
            pos = kept.index(found)
            near_title = title_idx is not None and (
                (pos > 0 and kept[pos - 1] == title_idx)
                or (pos + 1 < len(kept) and kept[pos + 1] == title_idx)
            )
            edge = found in (order[0], order[-1])
            if _subtitle_shaped(text[found]) and (near_title or edge) and len(order) > 1:
                sub_idx = found
        elif not _hint_in_body(subtitle_hint, looses):
            subtitle = subtitle_hint
    elif title_idx is not None:
        cand = _next_after(content(), title_idx)
        if (
            cand is not None
            and _subtitle_shaped(text[cand])
            and not _is_sentence(text[cand])
            and any(i != cand for i in body_left)
        ):
            sub_idx = cand
    if sub_idx is not None:
        roles[sub_idx] = _Role.SUBTITLE
        subtitle = text[sub_idx]

    # 4. Leftovers: crumbs before a leading headline, lines after a closing headline
    # block, short non-sentence lines enclosed by boilerplate.
    if title_idx is not None:
        block_end = max(title_idx, sub_idx if sub_idx is not None else title_idx)
        first_body = min(anchors) if anchors else n
        if title_idx < first_body:
            for i in range(title_idx):
                crumb = _words(text[i]) <= _CRUMB_WORDS and not _is_sentence(text[i])
                if roles[i] is _Role.BODY and crumb:
                    roles[i] = _Role.LEFTOVER
        if at_end:
            # A headline the page repeats closes the article: what follows is site chrome
            # ("not subscribed yet? create an account…") unless it reads like a paragraph.
            chrome = title_idx in repeated
            for i in range(block_end + 1, n):
                line = text[i]
                if roles[i] is not _Role.BODY or _is_credit(line):
                    continue
                if (chrome and _words(line) <= _CHROME_WORDS) or (
                    _words(line) <= _LEFTOVER_WORDS and not _is_sentence(line)
                ):
                    roles[i] = _Role.LEFTOVER
    changed = True
    while changed:
        changed = False
        for i in range(n):
            line = text[i]
            if (
                roles[i] is _Role.BODY
                and _words(line) <= _ENCLOSED_WORDS
                and not _is_sentence(line)
                and not _is_credit(line)
                and (boiler_at(i - 1) or i == 0)
                and (boiler_at(i + 1) or i == n - 1)
                and (boiler_at(i - 1) or boiler_at(i + 1))
            ):
                roles[i] = _Role.LEFTOVER
                changed = True

    # Never let the weak rule empty the body.
    if not any(r is _Role.BODY for r in roles):
        roles = [_Role.BODY if r is _Role.LEFTOVER else r for r in roles]

    return Structure(
        title=title,
        subtitle=subtitle,
        body=[text[i] for i in range(n) if roles[i] is _Role.BODY],
        boilerplate=[text[i] for i in range(n) if roles[i] in (_Role.BOILER, _Role.LEFTOVER)],
    )


def _next_after(order: Sequence[int], idx: int) -> int | None:
    """The content index following ``idx`` in reading order."""
    for i in order:
        if i > idx:
            return i
    return None


def _find_title(
    text: Sequence[str],
    roles: Sequence[_Role],
    repeated: Collection[int],
    anchors: Sequence[int],
) -> int | None:
    """The headline line found from the document alone."""
    order = [i for i in range(len(text)) if roles[i] is _Role.BODY]
    if len(order) < 2 or not anchors:
        # One paragraph, or nothing that reads as a body: no headline to separate.
        return None

    # A headline-shaped line the page repeats.
    for i in order:
        if i in repeated and _headline_shaped(text[i]) and any(a != i for a in anchors):
            return i

    # Leading block: lines before the first sentence paragraph.
    lead = [i for i in order if i < anchors[0]]
    for pos, i in enumerate(lead):
        line = text[i]
        if _headline_shaped(line) and (_words(line) > _CRUMB_WORDS or pos == len(lead) - 1):
            return i  # every line before it is a crumb (see below)
        if _words(line) > _CRUMB_WORDS or _is_sentence(line):
            break

    # Closing block: lines after the last sentence paragraph, with support.
    tail = [i for i in order if i > anchors[-1]]
    for pos, i in enumerate(tail):
        line = text[i]
        if _is_credit(line):
            continue
        if not _headline_shaped(line) or _words(line) <= _CRUMB_WORDS:
            continue
        following = tail[pos + 1 :]
        has_sub = bool(following) and _subtitle_shaped(text[following[0]])
        boiler_after = any(roles[j] is _Role.BOILER for j in range(i + 1, len(text)))
        if has_sub or boiler_after:
            return i
        break
    return None
