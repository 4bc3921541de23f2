"""A mention of a named thing in an article's text, the entity mentions name, and the
two functions that give a mention its display name and its key."""

from __future__ import annotations

from dataclasses import dataclass, field

from nashra.analyze.lexicon import cached_match_form

__all__ = ["AMMAN", "AMMAN_KEY", "TATWEEL", "Entity", "Mention", "display_name", "mention_key"]


@dataclass
class Mention:
    text: str
    type: str  # PERS | LOC | ORG | MISC
    start: int
    end: int
    entity: str = ""  # canonical display name
    key: str = ""  # canonical match key
    via: str = ""  # how it was linked: name | partial | role | nisba | country | nickname

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "key": self.key,
            "link": self.via,
        }


@dataclass
class Entity:
    key: str
    name: str
    type: str
    count: int = 0
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "aliases": self.aliases,
        }


def display_name(text: str, key: str) -> str:
    """The name a mention shows: as written, without tatweel (خامـنـئي), and with ل(ل) +
    the article as the article alone (للبنك المركزي → البنك المركزي; the key reads so)."""
    text = text.replace(TATWEEL, "")
    for p in ("ولل", "فلل", "لل"):
        if text.startswith(p) and key.startswith("ال"):
            return "ال" + text[len(p) :]
    return text


TATWEEL = "\u0640"


def mention_key(text: str) -> str:
    """Match form of a mention whose display text has already lost single-letter
    proclitics; a remaining لل/ولل (للأمم → الأمم) becomes the article."""
    form = cached_match_form(text)
    for p in ("ولل", "فلل", "لل"):
        if form.startswith(p) and len(form) - len(p) >= 2:  # (للسد → السد)
            return "ال" + form[len(p) :]
    return form


# عمان without diacritics is Oman (عُمان) or Jordan's capital Amman (عمّان): Amman has a
# key of its own (see entities._means_amman)
AMMAN = "عمّان"
AMMAN_KEY = "عمان (الاردن)"


def named_mention(text: str, a: int, b: int, kind: str) -> Mention:
    """A mention of ``text[a:b]`` by its own name (key and display name from its words)."""
    key = mention_key(text[a:b])
    return Mention(text[a:b], kind, a, b, display_name(text[a:b], key), key, "name")


def add_mentions(mentions: list[Mention], added: list[Mention]) -> None:
    """Add ``added`` to ``mentions``, keeping them in text order (longer first)."""
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, -m.end))
