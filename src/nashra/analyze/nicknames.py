"""Teams by their nicknames in sports copy (الفراعنة، أسود الأطلس، نسور قرطاج، القلعة
الحمراء): the names a match report uses for a national team or a club as often as its
own, which the tagger, seeing them as ordinary words, leaves untagged.

A nickname is the team it stands for — the same entity as the team named in full in the
article (المنتخب المصري) — only in an article with a match's word
(:data:`nashra.analyze.clubs.SPORT`), since most are words too (the pharaohs, the Atlas
lions). Left out: nicknames shared by several teams or that are
colours (الأخضر، الأبيض، الزعيم، العميد، النسور الخضر).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from nashra.analyze.clubs import SPORT
from nashra.analyze.lexicon import phrase_starts
from nashra.analyze.mention import Mention, add_mentions, display_name, mention_key
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts

__all__ = ["NICKNAMES", "team_nicknames"]

# nickname → the team's name as the article would write it
NICKNAMES: dict[str, str] = {
    "الفراعنة": "المنتخب المصري",
    "أسود الأطلس": "المنتخب المغربي",
    "أسود الأطلسي": "المنتخب المغربي",
    "نسور قرطاج": "المنتخب التونسي",
    "محاربو الصحراء": "المنتخب الجزائري",
    "محاربي الصحراء": "المنتخب الجزائري",
    "أسود الرافدين": "المنتخب العراقي",
    "النشامى": "المنتخب الأردني",
    "نسور قاسيون": "المنتخب السوري",
    "العنابي": "المنتخب القطري",
    "القلعة الحمراء": "الأهلي",
    "المارد الأحمر": "الأهلي",
    "الفارس الأبيض": "الزمالك",
}


@cache
def _by_first_word() -> dict[str, list[tuple[int, tuple[str, ...], str]]]:
    """A nickname's first word in every written form with a proclitic → (the proclitic's
    length, the match forms of its other words, the team)."""
    return phrase_starts(NICKNAMES.items())


def team_nicknames(text: str, mentions: list[Mention]) -> None:
    """Add the teams named by a nickname (see the module's doc) where no mention stands,
    each keyed as its team; ``mentions`` in text order, in an article about a match."""
    forms, stripped = token_forms(text)
    table = _by_first_word()
    found = [i for i, f in enumerate(forms) if f in table]
    if not found or not any(map(SPORT.__contains__, stripped)):
        return
    toks = tokens_and_starts(text)[0]
    teams = {m.key: m for m in mentions if m.type == "ORG"}
    starts = [m.start for m in mentions]
    added = []
    for i in found:
        for cut, rest, team in table[forms[i]]:
            j = i + len(rest)
            if j >= len(toks) or tuple(forms[i + 1 : j + 1]) != rest:
                continue
            s, e = toks[i][1] + cut, toks[j][2]
            k = bisect_right(starts, e) - 1
            if k >= 0 and mentions[k].end > s:
                break  # (the tagger's own, or inside a name)
            key = mention_key(team)
            named = teams.get(key)
            entity = named.entity if named is not None else display_name(team, key)
            added.append(Mention(text[s:e], "ORG", s, e, entity, key, "nickname"))
            break
    add_mentions(mentions, added)
