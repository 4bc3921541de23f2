"""Names made of a common noun and a country's nisba: a state's bodies that are names
of their own (المنتخب المغربي، السفارة الأمريكية، القنصلية التركية، خفر السواحل الصيني،
القوات المسلحة السودانية، الحرس الثوري الإيراني، الخطوط الجوية القطرية) and national
leagues (الدوري الإنجليزي الممتاز، الدوري المصري).

The tagger leaves most of them untagged (the words are common), so that only the nisba
was found, as a mention of the country. A team, an embassy or a league is followed as
such, and so is an army (الجيش السوداني: 31 times in the annotated passages against 11
for the country's nisba alone, all in the first ten sets). Government in general keeps
the nisba as the country's mention (الحكومة المصرية، الخارجية التركية: Egypt and Turkey
acting), as the passages do.
"""

from __future__ import annotations

from itertools import compress, count

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import cached_match_form, mf_set
from nashra.analyze.mention import Mention, named_mention
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts

__all__ = ["state_bodies"]

# heads that, followed by a nisba, name a country's body, or its league (MISC)
_BODY_HEADS = mf_set("المنتخب منتخب السفارة القنصلية القوات قوات خفر الحرس الخطوط الجيش جيش")
_LEAGUE_HEADS = mf_set("الدوري دوري")
_TEAM = cached_match_form("منتخب")
_HEADS = _BODY_HEADS | _LEAGUE_HEADS
# the words after a league's nisba that are its name's (الدوري الإنجليزي الممتاز)
_LEAGUE_TAILS = mf_set("الممتاز للمحترفين")
# the words a head may take before the nisba (القوات المسلحة، خفر السواحل، الحرس الثوري)
_COMPLEMENTS = mf_set("المسلحة الجوية البحرية البرية السواحل الثوري الوطني الخاصة الحدود الملكية")
# heads that need a complement (القوات alone is any country's forces)
_NEEDS_COMPLEMENT = mf_set("القوات قوات خفر الحرس")
_PROCLITICS = ("وبال", "وال", "فال", "بال", "ولل", "فلل", "لل", "ول", "و", "ف", "ب", "ل")


def state_bodies(text: str, mentions: list[Mention]) -> None:
    """Add the bodies (see the module's doc) in place of the nisba mentions in them; a
    body another mention overlaps, but for the nisba's own, is left as it is."""
    forms = token_forms(text)[0]
    # the few tokens that can be heads, found in C
    heads = list(compress(count(), map(_HEAD_OF.__contains__, forms)))
    if not heads:
        return
    bare = {i: _HEAD_OF[forms[i]] for i in heads}
    toks = tokens_and_starts(text)[0]
    g = gazetteer()
    found: list[Mention] = []
    countries = {m.start: m for m in mentions if m.via == "country"}
    for i in heads:
        j = i + 1
        if bare[i] == _TEAM and j < len(toks) and toks[j][1] in countries:
            # منتخب مصر، منتخب الأرجنتين: a team named by its country
            a = toks[i][1] + _proclitic_length(toks[i][0], forms[i])
            found.append(named_mention(text, a, countries[toks[j][1]].end, "ORG"))
            continue
        if j < len(toks) and forms[j] in _COMPLEMENTS:
            j += 1
        elif bare[i] in _NEEDS_COMPLEMENT:
            continue
        if j >= len(toks) or not forms[j].startswith("ال") or not g.nisba_country(toks[j][0]):
            continue
        while (
            j + 1 < len(toks) and forms[j + 1].startswith("ال") and g.nisba_country(toks[j + 1][0])
        ):
            j += 1  # (الأردنية الهاشمية)
        kind = "MISC" if bare[i] in _LEAGUE_HEADS else "ORG"
        if kind == "MISC" and j + 1 < len(toks) and forms[j + 1] in _LEAGUE_TAILS:
            j += 1
        a = toks[i][1] + _proclitic_length(toks[i][0], forms[i])
        b = toks[j][2]
        if any(
            m.start < b and a < m.end and not (m.via == "nisba" and a <= m.start) for m in mentions
        ):
            continue  # (named by the tagger or the lists already, or inside a name)
        found.append(named_mention(text, a, b, kind))
    if not found:
        return
    spans = [(m.start, m.end) for m in found]
    mentions[:] = [
        m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)
    ] + found  # (the country's mention in منتخب مصر goes with the nisba's)
    mentions.sort(key=lambda m: (m.start, -m.end))


def _head_forms() -> dict[str, str]:
    """Every way a head is written, bare or after a proclitic (والمنتخب، للمنتخب، لقوات,
    in match form) → the head."""
    out: dict[str, str] = {}
    for head in _HEADS:
        out[head] = head
        for p in _PROCLITICS:
            if p.endswith("ال") or p in ("لل", "ولل", "فلل"):
                if head.startswith("ال"):
                    out.setdefault(p + head[2:], head)
            elif not head.startswith("ال") or p in ("و", "ف"):
                out.setdefault(p + head, head)
    return out


_HEAD_OF = _head_forms()


def _proclitic_length(word: str, form: str) -> int:
    """How many letters of the written head come before it (والمنتخب: 1, بالمنتخب: 1; none
    for للمنتخب, which no span spells المنتخب in, nor for a word written with marks)."""
    if form in _HEADS or form.startswith(("لل", "ولل")) or len(word) != len(form):
        return 0
    return next((n for n in (1, 2, 3) if form[n:] in _HEADS), 0)
