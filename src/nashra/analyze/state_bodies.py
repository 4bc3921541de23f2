"""A state's bodies named by a common noun and the country's nisba that are names of
their own: المنتخب المغربي، السفارة الأمريكية، القنصلية التركية، خفر السواحل الصيني،
القوات المسلحة السودانية، الحرس الثوري الإيراني.

The tagger leaves most of them untagged (the words are common), so that only the nisba
was found, as a mention of the country. A team or an embassy is followed as such.
Government in general keeps the nisba as the country's mention (الحكومة المصرية، الجيش
الروسي، الخارجية التركية: Egypt, Russia, Turkey acting), as the annotated passages do.
"""

from __future__ import annotations

from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import mf_set
from nashra.analyze.mention import Mention, display_name, mention_key
from nashra.analyze.ner.tagger import token_forms, tokens_and_starts

__all__ = ["state_bodies"]

# heads that, definite and followed by a nisba, name a country's body
_HEADS = mf_set("المنتخب منتخب السفارة القنصلية القوات قوات خفر الحرس")
# the words a head may take before the nisba (القوات المسلحة، خفر السواحل، الحرس الثوري)
_COMPLEMENTS = mf_set("المسلحة الجوية البحرية البرية السواحل الثوري الوطني الخاصة الحدود")
# heads that need a complement (القوات alone is any country's forces)
_NEEDS_COMPLEMENT = mf_set("القوات قوات خفر الحرس")
_PROCLITICS = ("وبال", "وال", "فال", "بال", "ولل", "فلل", "لل", "ول", "و", "ف", "ب", "ل")


def state_bodies(text: str, mentions: list[Mention]) -> None:
    """Add the bodies (see the module's doc) in place of the nisba mentions in them; a
    body another mention overlaps, but for the nisba's own, is left as it is."""
    forms = token_forms(text)[0]
    bare = [_without_proclitic(f) for f in forms]
    heads = [i for i, f in enumerate(bare) if f in _HEADS]
    if not heads:
        return
    toks = tokens_and_starts(text)[0]
    g = gazetteer()
    found: list[Mention] = []
    for i in heads:
        j = i + 1
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
        a = toks[i][1] + _proclitic_length(toks[i][0], forms[i])
        b = toks[j][2]
        if any(
            m.start < b and a < m.end and not (m.via == "nisba" and a <= m.start) for m in mentions
        ):
            continue  # (named by the tagger or the lists already, or inside a name)
        mtext = text[a:b]
        key = mention_key(mtext)
        found.append(Mention(mtext, "ORG", a, b, display_name(mtext, key), key, "name"))
    if not found:
        return
    spans = [(m.start, m.end) for m in found]
    mentions[:] = [
        m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)
    ] + found
    mentions.sort(key=lambda m: (m.start, -m.end))


def _without_proclitic(form: str) -> str:
    """The head as it would stand alone: والجيش → الجيش، للجيش → الجيش، لقوات → قوات."""
    if form in _HEADS:
        return form
    for p in _PROCLITICS:
        if form.startswith(p):
            rest = form[len(p) :]
            if p.endswith("ال") or p == "لل":
                rest = "ال" + rest
            if rest in _HEADS:
                return rest
    return form


def _proclitic_length(word: str, form: str) -> int:
    """How many letters of the written head come before it (والجيش: 1, بالجيش: 1; none for
    للجيش, which no span spells الجيش in, nor for a word written with marks)."""
    if form in _HEADS or form.startswith(("لل", "ولل")) or len(word) != len(form):
        return 0
    return next((n for n in (1, 2, 3) if form[n:] in _HEADS), 0)
