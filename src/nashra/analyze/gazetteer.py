"""Runtime view of ``models/gazetteer.json`` (built by :mod:`nashra.analyze.train.gazetteer`).

Countries and their aliases, cities, nisba adjectives (الروسي → روسيا) and a word →
entity-type table. Lookups take display words and compare match forms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from nashra.analyze.lexicon import (
    NISBA_OVERRIDES,
    ORG_CUES,
    TITLES,
    cached_match_form,
    core_candidates,
    mf_set,
    strip_clitics,
)
from nashra.text import match_form

__all__ = ["Gazetteer", "gazetteer"]

GAZETTEER_PATH = Path(__file__).resolve().parent / "models" / "gazetteer.json"
# countries whose nisba is a nisba only definite and written with ي: المجري (Hungarian),
# not مجرى "a course" (its match form is the same) nor يا مجري "O mover of"
_DEFINITE_NISBAS_ONLY = frozenset({"المجر"})

_NISBA_SUFFIXES = ("يون", "يين", "يه", "يتين", "يتان", "يان", "ي")
_NISBA_ENDS = frozenset(s[-1] for s in _NISBA_SUFFIXES)


@dataclass(frozen=True)
class Gazetteer:
    country_of: dict[str, str]  # match form of a name or alias → display name
    cities: frozenset[str]  # match forms
    nisba: dict[str, str]  # match form of the masculine nisba without ال → country
    token_types: dict[str, tuple[str, ...]]  # match form word → entity types it occurs in
    titles: frozenset[str]
    org_cues: frozenset[str]
    _nisba_cache: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def nisba_country(self, word: str) -> str | None:
        """Country for a nisba adjective in any form: الروسية، والتركي، الأميركيين."""
        cache = self._nisba_cache
        if word in cache:
            return cache[word]
        if len(cache) > 100_000:
            cache.clear()
        cache[word] = found = self.nisba_uncached(word)
        return found

    def nisba_uncached(self, word: str) -> str | None:
        """:meth:`nisba_country` without its cache (for callers that keep their own)."""
        found = self.nisba_of_form(cached_match_form(word))
        if found in _DEFINITE_NISBAS_ONLY and (word.endswith("ى") or "ال" not in word[:4]):
            return None
        return found

    def nisba_of_form(self, form: str) -> str | None:
        """:meth:`nisba_country` of a match-form word (not cached)."""
        for cand in core_candidates(form):
            if cand[-1:] not in _NISBA_ENDS:  # fast reject: no suffix can match
                continue
            base = cand[2:] if cand.startswith("ال") else cand
            for suf in _NISBA_SUFFIXES:
                if base.endswith(suf) and len(base) - len(suf) >= 2:
                    key = base[: len(base) - len(suf)] + "ي"
                    country = self.nisba.get(key)
                    if country:
                        return country
        return None

    def country(self, name: str) -> str | None:
        """Display name of a country from any alias (with or without proclitics)."""
        form = cached_match_form(name)
        hit = self.country_of.get(form)
        if hit:
            return hit
        first, _, rest = form.partition(" ")
        for cand in core_candidates(first)[1:]:
            hit = self.country_of.get(f"{cand} {rest}".strip())
            if hit:
                return hit
        return None

    def word_types(self, form: str) -> tuple[str, ...]:
        """Entity types a match-form word (or its proclitic-free form) is known for."""
        for cand in core_candidates(form):
            t = self.token_types.get(cand)
            if t:
                return t
        return ()


# Arab states by their official styles (سلطنة عمان، المملكة المغربية): the country
_STATE_STYLES = {
    "سلطنة عمان": "عمان",
    "المملكة المغربية": "المغرب",
    "المملكة الأردنية الهاشمية": "الأردن",
    "الجمهورية التونسية": "تونس",
    "الجمهورية الجزائرية": "الجزائر",
    "جمهورية مصر العربية": "مصر",
    "دولة الكويت": "الكويت",
    "دولة قطر": "قطر",
    "دولة الإمارات": "الإمارات",
    "دولة الإمارات العربية المتحدة": "الإمارات",
    "مملكة البحرين": "البحرين",
    "جمهورية العراق": "العراق",
    "دولة فلسطين": "فلسطين",
    "الجمهورية اليمنية": "اليمن",
    "جمهورية السودان": "السودان",
    "الجمهورية العربية السورية": "سوريا",
    "الجمهورية اللبنانية": "لبنان",
    "دولة ليبيا": "ليبيا",
    "الجمهورية الإسلامية الموريتانية": "موريتانيا",
    "الجمهورية الإسلامية الإيرانية": "إيران",
    "الجمهورية التركية": "تركيا",
    # names the news uses that CLDR's Arabic does not
    "البوسنة": "البوسنة والهرسك",
    "كوت ديفوار": "ساحل العاج",
}


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer (loaded once). Works, smaller, without the JSON file."""
    data: dict[str, object] = {}
    if GAZETTEER_PATH.exists():
        data = json.loads(GAZETTEER_PATH.read_text("utf-8"))
    countries = data.get("countries") or {}
    country_of: dict[str, str] = {}
    assert isinstance(countries, dict)
    for display, aliases in countries.items():
        for a in [display, *aliases]:
            country_of.setdefault(match_form(a), display)
    for style, name in _STATE_STYLES.items():
        if (display := country_of.get(match_form(name))) is not None:
            country_of.setdefault(match_form(style), display)
    nisba_raw = data.get("nisba") or {}
    assert isinstance(nisba_raw, dict)
    nisba: dict[str, str] = dict(nisba_raw)
    for adj, country in NISBA_OVERRIDES.items():
        nisba[match_form(adj)] = country
        country_of.setdefault(match_form(country), country)
    cities_raw = data.get("cities") or []
    assert isinstance(cities_raw, list)
    tt_raw = data.get("token_types") or {}
    assert isinstance(tt_raw, dict)
    return Gazetteer(
        country_of=country_of,
        cities=frozenset(match_form(c) for c in cities_raw),
        nisba=nisba,
        token_types={k: tuple(v) for k, v in tt_raw.items()},
        titles=mf_set(TITLES),
        org_cues=mf_set(ORG_CUES),
    )


@lru_cache(maxsize=50_000)
def is_title(word: str) -> bool:
    """Whether a word is a title or role word (الرئيس، وزير، والمتحدث)."""
    form, titles = cached_match_form(word), gazetteer().titles
    return form in titles or strip_clitics(form) in titles  # (وزير: not و + زير)
