"""``Document`` in, ``Analysis`` out: entities, quotes, dates, keywords, summary.

All offsets index ``doc.text`` (body paragraphs joined by a blank line). The analysis is
versioned (:data:`ANALYSIS_VERSION`): change it whenever a model or rule changes output,
so stored analyses can be recognised as stale and re-run.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any

from nashra.analyze.dates import MONTH_TERMS, DateMention, find_dates
from nashra.analyze.entities import link_entities
from nashra.analyze.keywords import Keyword, keywords, lead_vector, term_counts
from nashra.analyze.language import detect_language, reading_time_min
from nashra.analyze.mention import Entity, Mention
from nashra.analyze.ner.tagger import (
    EntitySpan,
    find_entities,
    find_entities_many,
    tokens_and_starts,
)
from nashra.analyze.quotes import Quote, find_quotes
from nashra.analyze.summary import summarize
from nashra.extract.document import Document
from nashra.text import analyze, terms
from nashra.text.analyzer import analyze_scanned
from nashra.text.memo import Memo

__all__ = [
    "ANALYSIS_VERSION",
    "Analysis",
    "analyze_document",
    "analyze_documents",
    "analyze_text",
    "analyze_texts",
]

ANALYSIS_VERSION = "1.36"  # 1.36: entities: foreign names in ف, cities of the world CLDR leaves out (and their whole names over the tagger's parts), companies the tagger took for persons after شركة, names set off by commas between a title and a speech verb; quotes: مطالباً بأن, اكتفى بالقول, استبعد أن, a correspondent's outlet in marks, warnings relayed as تنبيهه, unnamed sources without the accusative, no subject before واكتفى, reporters before قد نقلت, ambassadors in apposition, unnamed diplomats after a quote, a body's mission, roles by another word, describing roles as the last person quoted, أما without a comma, sentences opened by a verb and a title; entities also: armies with their nisba, companies by their field, bodies named with a place, team nicknames, capes; 1.35: entities: foreign bodies by a dateline capital (counted twice), senates and commons of the states that have them, parties by their kind, names that start with كا, Islamic bodies, the Saudi vision, Muscat, Eni, Zain, Anadolu, the Houthis, Hungary as المجر, clubs named again, family names that are words after a speech verb, bodies' short names in brackets, hospitals by their kind; quotes: honorific pronouns, بيّن, an imam, statements' issuers, known bodies' names as via, courtesy titles, the opener of the sentence before, titles with a field and nisba, whom a titled subject told, a mission's head; 1.34: entities: towns of the Gulf, Saudi regions and the Maghreb, centres, hospitals, committees and offices as institution heads, facilities named after people, competitions and city events with a place, kinds of place alone none, canals, an agency confirming the home country; quotes: holders after a title's body, relayed sources, نبه and سأل, the earlier verb's subject, a bare quote's outlet, a title alone after أن; 1.33: entities: kin of a named person, towns of Iraq, Libya and Mauritania, parliaments and parties of the Maghreb, a nisba opening a person's span, bodies by a definite kind, quarters; quotes: outlets in brackets, a title's body in marks, manner words; 1.32: entities: national visions, sure kinds, bodies with a nisba and a field, stock exchanges and market indices, chambers of commerce and state agencies by جهاز, places ending a body's name, facilities with chained titles; quotes: أورد, a kunya, أضاف الرجل, how one answers; 1.31: entities: currencies none, streets and bodies after a person, Latin names with a nisba, towns the tagger called a person; 1.30: entities: courts, ministries and offices by their kind and field, a person the tagger found in a place or a body taking its kind, given names after speech verbs; quotes: calling verbs' objects, outlets of every clause, roles after a quote's verb, relative clauses, asides after the subject, clauses quoting their rest, answers under their questions, criteria after حسب; dates: national days, timetables, pairs of months, parts of this month; 1.29: entities: towns of the Arab world, prizes, conferences, airports, hospitals and museums by a place, a title and a given name, a body and its country's nisba, bodies in Latin letters, competitions, a dateline agency's country; quotes: interviews' answers, clauses quoting some words, أما topics, فرد, نافياً; dates: أمس الأول, a month behind a proclitic, Hijri years and الفاتح من; 1.28: entities: an article's name behind a proclitic, spans split at a name of another type, foreign given names, national teams and embassies with a nisba, acronyms of known bodies; quotes: a name in marks opening a reported clause, forecasts, لكن with its own speaker, roles not another title's holder; 1.27: entities: places in lists, clubs named bare, bodies named by a field, ministries of two portfolios; quotes: a body opening the sentence, sources named by a body's noun, outlets by راديو/تلفزيون and in interviews; 1.26: entities: given names the tagger cut off, family names (nisbas, untagged), a state's body without its country; quotes: outlets and continuations, apposed and nested speakers, where a quote ends; dates: من العام الماضي, lists of days, bare weekdays, future cues; 1.25: quotes: a title alone → the person named with it, contrasts, asides and outlets as via; dates: Umm al-Qura, years, Hijri months, ordinals, a weekday joined to its date; entities: bodies of ordinary words with a nisba or a place, البنك المركزي, و/ف names; 1.24: quotes: a participle takes its clause's subject, ورد "replied", construct-state bodies; 1.23: keywords weighed by headline and ال use, names as their entities; 1.22: quote speakers by gender, statements, names in marks; 1.21: stemmer keeps names and protected stems whole; 1.20: bodies
KEYWORDS = 25  # enough distinctive terms to compare articles (stories); pages show the first few


@dataclass
class Analysis:
    version: str = ANALYSIS_VERSION
    language: str = "und"
    reading_time_min: int = 0
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    summary: str = ""
    summary_spans: list[tuple[int, int]] = field(default_factory=list)
    # The headline's and the opening's terms, weighted, unit length: what stories compare.
    lead: dict[str, float] = field(default_factory=dict)
    # The index terms of the text, in order (what the search index stores for the body);
    # kept so that ingest indexes without analysing the text a second time. Not output.
    terms: list[str] = field(default_factory=list, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "language": self.language,
            "reading_time_min": self.reading_time_min,
            "entities": [m.to_json() for m in self.mentions],
            "canonical_entities": [e.to_json() for e in self.entities],
            "quotes": [q.to_json() for q in self.quotes],
            "dates": [d.to_json() for d in self.dates],
            "keywords": [k.to_json() for k in self.keywords],
            "summary": self.summary,
            "summary_spans": [list(s) for s in self.summary_spans],
        }


def analyze_text(
    text: str,
    published: Any = None,
    title: str = "",
    *,
    language: str | None = None,
    entities: list[EntitySpan] | None = None,
) -> Analysis:
    """Analyse plain text (offsets into ``text``); ``published``: date or datetime.
    ``language`` and ``entities`` (the tagger's spans), when given, are not recomputed."""
    if language is None:
        language = detect_language(title + "\n" + text)
    a = Analysis(language=language, reading_time_min=reading_time_min(text, language))
    if not text.strip():
        return a
    # from the tagger's scan of the text (cached for the batch the tagger read)
    analysed = analyze_scanned(tokens_and_starts(text)[0])
    a.terms = list(map(itemgetter(0), analysed))  # Term.term, in C
    # where month names may be (few): find_dates need not scan the text for them
    months = compress(map(itemgetter(1), analysed), map(MONTH_TERMS.__contains__, a.terms))
    a.dates = find_dates(text, published, month_at=months)
    analysed_title = analyze(title) if title else []
    counts = term_counts(analysed)  # for keywords and the summary's weights
    a.lead = lead_vector(text, analysed, analysed_title)
    a.summary_spans = summarize(text, analysed=analysed, counts=counts)
    a.summary = " ".join(text[s:e] for s, e in a.summary_spans)
    if language == "ar":
        spans = find_entities(text) if entities is None else entities
        if a.dates:  # a month the tagger took for a name: في نيسان (أبريل) الماضي
            starts = [d.start for d in a.dates]
            spans = [sp for sp in spans if not _inside_a_date(sp, a.dates, starts)]
        a.mentions, a.entities = link_entities(text, spans)
        a.quotes = find_quotes(text, a.mentions)
    a.keywords = keywords(
        text,
        top=KEYWORDS,
        analysed=analysed,
        title=title,
        analysed_title=analysed_title,
        counts=counts,
        names=_name_terms(a.mentions),
    )
    return a


def _name_terms(mentions: list[Mention]) -> dict[str, str]:
    """The terms of the names mentioned, each with its entity's name (the first entity
    that has it); not the terms of roles (الناطق باسم… is no name)."""
    found: dict[str, str] = {}
    named = [m for m in mentions if m.entity and m.via != "role"]
    for m, name_terms in zip(named, _NAME_TERMS.many([m.text for m in named]), strict=True):
        for t in name_terms:
            found.setdefault(t, m.entity)
    return found


_NAME_TERMS: Memo[str, list[str]] = Memo(terms, 50_000)  # a mention's text → its terms


def _inside_a_date(span: EntitySpan, dates: list[DateMention], starts: list[int]) -> bool:
    """Whether the span lies in a date (``dates`` in order, no two overlapping, and
    ``starts`` theirs): only the last one that starts at or before it can hold it."""
    k = bisect_right(starts, span.start) - 1
    return k >= 0 and span.end <= dates[k].end


def analyze_document(doc: Document) -> Analysis:
    """Analyse an extracted document; offsets index ``doc.text``."""
    return analyze_text(doc.text, doc.published_at, doc.title)


BATCH = 32  # texts whose entities are tagged together


def analyze_texts(items: Sequence[tuple[str, Any, str]]) -> list[Analysis]:
    """:func:`analyze_text` for many ``(text, published, title)``: the same analyses,
    faster, because the tagger reads the Arabic texts of each batch together."""
    out: list[Analysis] = []
    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        languages = [detect_language(title + "\n" + text) for text, _, title in batch]
        arabic = [
            k for k, (text, _, _) in enumerate(batch) if languages[k] == "ar" and text.strip()
        ]
        spans = dict(zip(arabic, find_entities_many([batch[k][0] for k in arabic]), strict=True))
        out.extend(
            analyze_text(text, published, title, language=lang, entities=spans.get(k))
            for k, ((text, published, title), lang) in enumerate(zip(batch, languages, strict=True))
        )
    return out


def analyze_documents(docs: Sequence[Document]) -> list[Analysis]:
    """:func:`analyze_document` for many documents (see :func:`analyze_texts`)."""
    return analyze_texts([(d.text, d.published_at, d.title) for d in docs])
