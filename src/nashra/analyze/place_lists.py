"""Places named in a list (محافظات جدة والطائف والقنفذة والليث، أقاليم إفران وميدلت
وخنيفرة): the tagger finds the first and often the last, but misses the ones written
with و in between, and small towns it has never seen.

A list is a run of words joined by و (or commas) that starts either after a word for
a group of places (محافظات، مدن، أقاليم، منطقتي …) or at a place the tagger found. An
item is taken as a place when it is a known one (gazetteer, the tagger's lexicon), when
its word cluster holds mostly places, or — a word too rare to have a cluster — when it
stands under a group word or between two places of the list. Words of ordinary clusters
(مناطق النزاع والتوتر) end the list.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache
from itertools import compress, count

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import mf_set
from nashra.analyze.mention import Mention, display_name, mention_key
from nashra.analyze.ner.features import clusters, lexicon
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts
from nashra.text import is_stopword

__all__ = ["listed_places"]

# words for several places of one kind, plural and dual, after which a list follows
_GROUPS = mf_set(
    "محافظات محافظتي مدن مدينتي مناطق منطقتي أقاليم إقليمي ولايات ولايتي بلدات بلدتي "
    "قرى قريتي أحياء حيي مقاطعات مقاطعتي إمارات إمارتي مخيمات مخيمي مديريات مديريتي "
    "أقضية قضاءي قضائي نواحي بلديات بلديتي دوائر عواصم مراكز مركزي"
)
# first words of two-word place names (ذي قار، أم درمان، رأس الخيمة، سيدي بوزيد)
_COMPOUND_FIRST = mf_set("ذي أم رأس أبو عين سيدي بني بئر كفر دير تل خان شرم جبل وادي")
_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u0640]+")  # letters, marks, tatweel
_MIN_PLACE_SHARE = 0.5
# nouns for a place that share the clusters of names (عدن والعاصمة، لبنان والمنطقة)
_COMMON_PLACES = mf_set(
    "العاصمة المدينة المنطقة المحافظة الولاية الإمارة الدولة البلاد الجنوب الشمال الشرق "
    "الغرب الوسط الريف الساحل الضواحي القرية البلدة الحي العالم الخارج الداخل الإقليم"
)  # of a word cluster's known words that are places


@cache
def _place_clusters() -> frozenset[int]:
    """Fine word clusters most of whose words the tagger's lexicon knows are places."""
    lex = lexicon()
    seen: Counter[int] = Counter()
    places: Counter[int] = Counter()
    for word, ids in clusters().items():
        if word in lex:
            seen[ids[-1]] += 1
            places[ids[-1]] += _lexicon_place(word)
    return frozenset(c for c, n in seen.items() if n >= 5 and places[c] >= _MIN_PLACE_SHARE * n)


def _lexicon_place(form: str) -> bool:
    typ, share, _frequent = lexicon().get(form, ("", "l", False))
    return typ == "LOC" and share != "l"


def _kind(form: str) -> str:
    """``place`` (a country, a city, a word the tagger mostly tags as a place, or one of a
    places' cluster), ``rare`` (no cluster: a word seen too seldom) or ``word``."""
    g = gazetteer()
    if form in _COMMON_PLACES:
        return "word"
    if form in g.cities or form in g.country_of or _lexicon_place(form):
        return "place"
    ids = clusters().get(form)
    if ids is None:
        if form in lexicon() or is_stopword(form) or _adjective(form):
            return "word"
        return "rare"
    return "place" if ids[-1] in _place_clusters() else "word"


def _adjective(form: str) -> bool:
    """An indefinite feminine adjective, as after مناطق (نائية، متجمدة), not a name."""
    return not form.startswith("ال") and (
        form.endswith(("يه", "يات")) or form.startswith("م") and form.endswith(("ه", "ات"))
    )


def listed_places(text: str, mentions: list[Mention]) -> None:
    """Add the places of lists (see the module's doc) that no mention covers; ``mentions``
    in any order, sorted afterwards by the caller."""
    toks, tok_starts = tokens_and_starts(text)
    if not toks:
        return
    forms, stripped = token_forms(text)
    starts = {m.start: m for m in mentions}
    covered = sorted((m.start, m.end) for m in mentions)
    found: list[Mention] = []
    n = len(toks)
    # where a list may start: after a group word, or at a tagged place
    heads = set(compress(count(), map(_GROUPS.__contains__, stripped)))
    places = {
        k
        for m in mentions
        if m.type == "LOC"
        and (k := bisect_left(tok_starts, m.start)) < n
        and tok_starts[k] == m.start
    }
    done = 0  # tokens before this one are in a list read
    for i in sorted(heads | places):
        if i < done:
            continue
        head = i in heads
        done, items = _items(text, toks, forms, starts, i + 1 if head else i, first_bare=True)
        if len(items) < 2:
            continue
        for k, (a, b, kind, known) in enumerate(items):
            if known is not None:
                continue
            between = _placed(items[:k]) and _placed(items[k + 1 :])
            if not (kind == "place" or kind == "rare" and (head or between)):
                continue
            if not any(s < b and a < e for s, e in covered):
                key = mention_key(text[a:b])
                found.append(
                    Mention(text[a:b], "LOC", a, b, display_name(text[a:b], key), key, "name")
                )
    mentions.extend(found)


def _placed(items: list[tuple[int, int, str, Mention | None]]) -> bool:
    return any(kind == "place" for _a, _b, kind, _m in items)


def _items(
    text: str,
    toks: list[tuple[str, int, int]],
    forms: list[str],
    starts: dict[int, Mention],
    j: int,
    first_bare: bool,
) -> tuple[int, list[tuple[int, int, str, Mention | None]]]:
    """The list's items from token ``j``: (start, end, kind, the mention found there);
    and the token after the list."""
    items: list[tuple[int, int, str, Mention | None]] = []
    n = len(toks)
    while j < n:
        word, s, e = toks[j]
        form = forms[j]
        cut = 0
        if items or not first_bare:
            if form == "،" and j + 1 < n and items:
                j += 1
                continue
            if not form.startswith("و") or len(form) < 3:
                break
            cut = 1
        m = starts.get(s + cut)
        if m is not None:
            if m.type != "LOC":
                break  # (a person or a body in the list: not a list of places)
            items.append((m.start, m.end, "place", m))
            j += 1  # (at least one token on, though the mention ends inside it)
            while j < n and toks[j][2] <= m.end:
                j += 1
            continue
        bare = form[cut:]
        if not _ARABIC_WORD.fullmatch(word, cut) or is_stopword(bare):
            break
        end, last = e, j
        if bare in _COMPOUND_FIRST and j + 1 < n and _ARABIC_WORD.fullmatch(toks[j + 1][0]):
            end, last = toks[j + 1][2], j + 1
            kind = "rare"
        else:
            kind = _kind(bare)
        if kind == "word":
            break
        items.append((s + cut, end, kind, None))
        j = last + 1
    return j, items
