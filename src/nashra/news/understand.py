"""Storing what nashra.analyze found: entities across the corpus, mentions, quotes.

The core library canonicalises names within one article (variants, partial names,
roles, nisba adjectives). Here they meet the corpus: an entity is found by its match key
or by an alias key registered by an earlier article (a surname, another spelling), so
أردوغان in one article and رجب طيب إردوغان in another become one Entity. Everything for a
batch of articles is written with a handful of bulk queries, inside the caller's
transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from nashra.analyze.entities import (
    known_spelling,
    name_rank,
    name_word,
    same_person,
    short_names,
    spelling_key,
    surname,
    vowel_marks,
)
from nashra.analyze.gazetteer import gazetteer
from nashra.analyze.lexicon import cached_match_form, strip_clitics
from nashra.analyze.pipeline import Analysis
from nashra.news.batching import chunks, insert_rows, select_in
from nashra.news.models import (
    Article,
    ArticleAnalysis,
    Entity,
    EntityAlias,
    Mention,
    Quote,
    ReadableJSONEncoder,
)
from nashra.text import match_form

KINDS = {k.value for k in Entity.Kind}
MIN_ALIAS_LETTERS = 4  # shorter single words are too ambiguous to name someone corpus-wide


@dataclass
class Analysed:
    article: Article
    analysis: Analysis


def _slug(name: str, kind: str, key: str) -> str:
    base = slugify(name, allow_unicode=True)[:280] or "entity"
    digest = hashlib.blake2b(f"{kind}:{key}".encode(), digest_size=3).hexdigest()
    return f"{base}-{digest}"


def _alias_keys(name_key: str, aliases: Iterable[str], kind: str) -> set[str]:
    """Keys worth registering corpus-wide for an entity: its own key and multi-word
    aliases; for people, only the aliases that can be the same person's name
    (:func:`same_person`: not بن عبدالعزيز for سلمان بن عبدالعزيز), the family name of
    a full name (بيسكوف for ديمتري بيسكوف, :func:`surname`) and the short forms of a
    lineage (محمد بن نايف, عادل الجبير: :func:`short_names`); for anything else also
    one-word aliases and the key without its article (الدولار = دولار, الفيفا = فيفا);
    and each of these in its spelling key (الكونجرس finds الكونغرس: spelling_key) and, for
    people, with a foreign name's missing long vowel (ترمب finds ترامب: known_spelling)."""
    keys = {name_key}
    person = kind == "PERS"
    bare = name_key[2:] if name_key.startswith("ال") else ""
    if not person and " " not in name_key and len(bare) >= MIN_ALIAS_LETTERS - 1:
        keys.add(bare)
    for alias in aliases:
        alias = cached_match_form(alias)
        if person:
            if " " in alias and same_person(alias, name_key):
                keys.add(alias)
        elif " " in alias or len(alias) >= MIN_ALIAS_LETTERS:
            keys.add(alias)
    if person:
        family = surname(name_key)
        keys.update([family] if family else short_names(name_key))
        keys |= {known_spelling(k) for k in keys}  # دونالد ترمب finds دونالد ترامب
    keys |= {spelling_key(k) for k in keys}
    return {k for k in keys if k}


@dataclass
class StoredEntity:
    """What storing an analysis needs of an Entity row (no model instance: thousands a batch)."""

    pk: int
    key: str
    name: str
    aliases: list[str]
    names: dict[str, int] | str | None  # people: full names → articles (Entity.names;
    # parsed only when a batch counts more of them: SQLite hands JSON back as text)
    name_fixed: bool = False  # named by an editor: kept


@dataclass
class _NewEntity:
    kind: str
    key: str
    name: str
    aliases: list[str]
    pk: int = 0


def _create_entities(new: list[_NewEntity]) -> None:
    """Insert new entities with one executemany (the ORM's bulk_create built thousands of
    instances a batch) and read their ids back by (kind, key). One that another writer
    created meanwhile is taken as it is."""
    if not new:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    insert_rows(
        Entity._meta.db_table,
        (
            "kind",
            "key",
            "name",
            "slug",
            "aliases",
            "names",
            "name_fixed",
            "mention_count",
            "article_count",
            "created_at",
        ),
        [
            (e.kind, e.key, e.name, _slug(e.name, e.kind, e.key), _json(e.aliases), "{}")
            + (False, 0, 0, now)
            for e in new
        ],
        skip_conflicts=True,
        casts={"aliases": "jsonb", "names": "jsonb"},
    )
    by_kind: dict[str, dict[str, _NewEntity]] = defaultdict(dict)
    for e in new:
        by_kind[e.kind][e.key] = e
    for kind, entities in by_kind.items():
        for key, pk in select_in(
            Entity._meta.db_table,
            ("key", "id"),
            "key",
            sorted(entities),
            where="kind = %s",
            params=[kind],
        ):
            entities[key].pk = pk
    for e in new:
        if not e.pk:  # its slug was taken by another name: the ORM picks the row apart
            e.pk = Entity.objects.get_or_create(
                kind=e.kind,
                key=e.key,
                defaults={
                    "name": e.name,
                    "slug": _slug(e.name, e.kind, e.key + "/"),
                    "aliases": e.aliases,
                },
            )[0].pk


def _json(value: object) -> str:
    return json.dumps(value, cls=ReadableJSONEncoder)


def resolve_entities(analyses: Sequence[Analysed]) -> dict[tuple[str, str], StoredEntity]:
    """(kind, key) of every entity in the batch → its stored Entity (created if new)."""
    wanted: dict[tuple[str, str], tuple[str, set[str]]] = {}
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # people's names
    for item in analyses:
        for ent in item.analysis.entities:
            kind = ent.type if ent.type in KINDS else "MISC"
            key = ent.key or match_form(ent.name)
            name, aliases = wanted.get((kind, key), (ent.name, set()))
            aliases.update(ent.aliases)
            wanted[(kind, key)] = (max(name, ent.name, key=lambda n: name_rank(n, key)), aliases)
            if kind == "PERS" and " " in ent.name.strip():  # full names are counted
                written[(kind, key)][ent.name] += 1
    if not wanted:
        return {}
    alias_keys = {
        (kind, key): _alias_keys(key, aliases, kind) for (kind, key), (_, aliases) in wanted.items()
    }
    lookup_keys: dict[str, set[str]] = defaultdict(set)  # kind → keys to look up
    for (kind, _key), keys in alias_keys.items():
        lookup_keys[kind].update(keys)
    known: dict[tuple[str, str], int] = {}
    for kind, keys in lookup_keys.items():
        for key, entity_id in select_in(
            EntityAlias._meta.db_table,
            ("key", "entity_id"),
            "key",
            sorted(keys),
            where="kind = %s",
            params=[kind],
        ):
            known[(kind, key)] = entity_id
    # A person found through another key than their own must bear a compatible name:
    # the names of the people that the batch's new person keys may be found through.
    through = {
        known[("PERS", alias)]
        for (kind, key), keys in alias_keys.items()
        if kind == "PERS" and (kind, key) not in known
        for alias in keys
        if ("PERS", alias) in known
    }
    person_names = {
        pk: cached_match_form(name)
        for pk, name in select_in(Entity._meta.db_table, ("id", "name"), "id", sorted(through))
    }

    def fits(kind: str, key: str, target: int | _NewEntity) -> bool:
        if kind != "PERS":
            return True
        if isinstance(target, _NewEntity):
            return same_person(key, target.key)
        return same_person(key, person_names.get(target, key))

    # Longest names first, so a full name claims its surname before a bare surname of the
    # same batch looks it up (رجب طيب إردوغان, then إردوغان joins it).
    resolved: dict[tuple[str, str], int | _NewEntity] = {}
    claimed: dict[tuple[str, str], int | _NewEntity] = dict(known)
    to_create: list[_NewEntity] = []
    for kind, key in sorted(wanted, key=lambda k: (-len(k[1]), k)):
        name, aliases = wanted[(kind, key)]
        target = claimed.get((kind, key))
        if target is None:
            for alias in sorted(alias_keys[(kind, key)], key=len, reverse=True):
                found = claimed.get((kind, alias))
                if found is not None and fits(kind, key, found):
                    target = found
                    break
        if target is None:
            target = _NewEntity(kind, key, name, sorted(aliases)[:50])
            to_create.append(target)
        resolved[(kind, key)] = target
        for alias in alias_keys[(kind, key)]:
            claimed.setdefault((kind, alias), target)
    _create_entities(to_create)
    created = {e.pk for e in to_create}
    resolved_ids = {k: (v.pk if isinstance(v, _NewEntity) else v) for k, v in resolved.items()}
    entities: dict[int, StoredEntity] = {}
    for pk, key, name, aliases, names, fixed in select_in(
        Entity._meta.db_table,
        ("id", "key", "name", "aliases", "names", "name_fixed"),
        "id",
        sorted(set(resolved_ids.values())),
    ):
        if isinstance(aliases, str):  # SQLite hands JSON back as text
            aliases = json.loads(aliases)
        entities[pk] = StoredEntity(pk, key, name, aliases or [], names, bool(fixed))

    # Register alias keys (first writer wins), grow display names and alias lists.
    aliases_to_add: list[tuple[int, str, str]] = []
    changed: dict[int, StoredEntity] = {}
    for (kind, key), entity_id in resolved_ids.items():
        entity = entities[entity_id]
        name, aliases = wanted[(kind, key)]
        for alias in alias_keys[(kind, key)]:
            if (kind, alias) not in known:
                known[(kind, alias)] = entity_id
                aliases_to_add.append((entity_id, kind, alias))
        new_aliases = sorted(set(entity.aliases) | aliases | {name})[:50]
        if kind == "PERS" and (kind, key) in written:
            # an entity stored before names were counted starts from its full name
            if isinstance(entity.names, str):
                entity.names = json.loads(entity.names)
            old = entity.names or (
                {} if entity_id in created or " " not in entity.name.strip() else {entity.name: 1}
            )
            counts = Counter(old)
            counts.update(written[(kind, key)])
            entity.names = dict(counts.most_common(MAX_NAMES))
            if not entity.name_fixed:
                entity.name = person_name(counts)
            changed[entity_id] = entity
        elif not entity.name_fixed and name_rank(name, entity.key) > name_rank(
            entity.name, entity.key
        ):
            entity.name = name  # a place or body: without a proclitic, then without marks
            changed[entity_id] = entity
        if new_aliases != entity.aliases:
            entity.aliases = new_aliases
            changed[entity_id] = entity
    insert_rows(
        EntityAlias._meta.db_table,
        ("entity_id", "kind", "key"),
        aliases_to_add,
        skip_conflicts=True,
    )
    if changed:
        _save_names(list(changed.values()))
    return {ent_key: entities[eid] for ent_key, eid in resolved_ids.items()}


MAX_NAMES = 12  # written full names of a person kept with their counts


def person_name(written: Counter[str]) -> str:
    """The name a person is shown by, from the full names (two words or more) articles
    wrote: the one most articles wrote, on a tie the one with fewer short-vowel marks,
    then the longer; a form with a role in it (ولي العهد) or a word not known as a
    name's (a tagger's span that began with فإن) only when there is nothing else. (One
    word is shown only while no article wrote more: those are not counted, which spares
    a write per person and batch.)"""
    usable = {n: c for n, c in written.items() if _plain_name(n)} or dict(written)
    return max(usable, key=lambda n: (usable[n], -vowel_marks(n), len(n)))


@lru_cache(maxsize=20_000)
def _plain_name(name: str) -> bool:
    """A written name of name words only, none of them a title or role."""
    titles = gazetteer().titles
    return all(
        name_word(w) and strip_clitics(cached_match_form(w)) not in titles for w in name.split()
    )


def _save_names(entities: list[StoredEntity]) -> None:
    """Write names, written forms and alias lists: one executemany, where bulk_update
    would build a CASE expression per entity and field (most of a batch's storing time)."""
    value = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Entity._meta.db_table} SET name = %s, aliases = {value},"
            f" names = {value} WHERE id = %s",
            [
                (
                    e.name,
                    _json(e.aliases),
                    e.names if isinstance(e.names, str) else _json(e.names or {}),
                    e.pk,
                )
                for e in sorted(entities, key=lambda e: e.pk)  # one lock order for all writers
            ],
        )


def store_analyses(analyses: Sequence[Analysed], *, replace: bool = False) -> None:
    """Write mentions, quotes and the analysis record of each article; refresh counts."""
    if not analyses:
        return
    article_ids = [a.article.pk for a in analyses]
    removed: list[tuple[int, int]] = []  # (entity, article) of the mentions replaced
    if replace:
        counted: list[tuple[int, str]] = []  # the people's names the old analyses counted
        for chunk in chunks(article_ids):
            removed.extend(
                Mention.objects.filter(article_id__in=chunk).values_list("entity_id", "article_id")
            )
            for data in ArticleAnalysis.objects.filter(article_id__in=chunk).values_list(
                "data", flat=True
            ):
                counted.extend((pk, name) for pk, name in (data or {}).get("names", []))
            Mention.objects.filter(article_id__in=chunk).delete()
            Quote.objects.filter(article_id__in=chunk).delete()
            ArticleAnalysis.objects.filter(article_id__in=chunk).delete()
        _uncount_names(counted)
    by_key = resolve_entities(analyses)
    by_any_key: dict[str, StoredEntity] = {}
    for (_kind, key), entity in by_key.items():
        by_any_key.setdefault(key, entity)
    # Plain rows, not model instances: a batch has tens of thousands of mentions.
    mentions: list[tuple[int, int, str, int, int, bool]] = []
    quotes: list[tuple[object, ...]] = []
    records: list[tuple[object, ...]] = []
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    for item in analyses:
        article, analysis = item.article, item.analysis
        title_form = f" {match_form(article.title)} "
        # what resolve_entities counted for this article, to take back when it is replaced
        names = sorted(
            {
                (found.pk, ent.name)
                for ent in analysis.entities
                if ent.type == "PERS"
                and " " in ent.name.strip()
                and (found := by_key.get(("PERS", ent.key or match_form(ent.name))))
            }
        )
        for m in analysis.mentions:
            kind = m.type if m.type in KINDS else "MISC"
            found = by_key.get((kind, m.key)) or by_any_key.get(m.key)
            if found is None:
                continue
            # by key, or as written (a key can be no title's form: عمان (الاردن))
            in_title = any(
                f" {k} " in title_form
                for k in (found.key, m.key, strip_clitics(cached_match_form(m.text)))
            )
            mentions.append((article.pk, found.pk, m.text[:300], m.start, m.end, in_title))
        for q in analysis.quotes:
            speaker = by_key.get((q.speaker_type, q.speaker_key)) or by_any_key.get(q.speaker_key)
            via = by_any_key.get(match_form(q.via)) if q.via else None
            quotes.append(
                (
                    article.pk,
                    speaker.pk if speaker else None,
                    q.speaker[:300],
                    via.pk if via else None,
                    q.via[:300],
                    q.text,
                    q.cue[:60],
                    q.kind,
                    q.start,
                    q.end,
                )
            )
        records.append(
            (
                article.pk,
                analysis.version,
                now,
                analysis.language,
                analysis.reading_time_min,
                _json([analysis.summary] if analysis.summary else []),
                # only these parts of Analysis.to_json (mentions and quotes have tables)
                _json([k.to_json() for k in analysis.keywords]),
                _json([d.to_json() for d in analysis.dates]),
                _json(
                    {
                        "summary_spans": [list(s) for s in analysis.summary_spans],
                        "lead": [[t, round(w, 4)] for t, w in analysis.lead.items()],
                        **({"names": [list(n) for n in names]} if names else {}),
                    }
                ),
            )
        )
    insert_rows(
        Mention._meta.db_table,
        ("article_id", "entity_id", "text", "start", "end", "in_title"),
        mentions,
    )
    insert_rows(
        Quote._meta.db_table,
        ("article_id", "speaker_id", "speaker_text", "via_id", "via_text", "text", "cue", "kind")
        + ("start", "end"),
        quotes,
    )
    # Plain rows too: the ORM's bulk_create spent as long compiling the insert as writing it.
    insert_rows(
        ArticleAnalysis._meta.db_table,
        ("article_id", "version", "analyzed_at", "language", "reading_time_min")
        + ("summary", "keywords", "dates", "data"),
        records,
        casts=dict.fromkeys(("summary", "keywords", "dates", "data"), "jsonb"),
    )
    _add_counts([(m[1], m[0]) for m in mentions], removed)


def _uncount_names(counted: list[tuple[int, str]]) -> None:
    """Take back the full names replaced analyses had counted for their people (a
    reanalysed article would otherwise count its names twice)."""
    if not counted:
        return
    by_entity: dict[int, Counter[str]] = defaultdict(Counter)
    for pk, name in counted:
        by_entity[pk][name] += 1
    changed: list[StoredEntity] = []
    rows = Entity.objects.filter(pk__in=sorted(by_entity)).values_list(
        "pk", "key", "name", "aliases", "names", "name_fixed"
    )
    for pk, key, name, aliases, names, fixed in rows:
        counts = Counter(json.loads(names) if isinstance(names, str) else names or {})
        counts.subtract(by_entity[pk])
        kept = {n: c for n, c in counts.most_common() if c > 0}
        if kept == (json.loads(names) if isinstance(names, str) else names or {}):
            continue
        entity = StoredEntity(pk, key, name, aliases or [], kept, bool(fixed))
        if kept and not fixed:
            entity.name = person_name(Counter(kept))
        changed.append(entity)
    if changed:
        _save_names(changed)


def _add_counts(added: list[tuple[int, int]], removed: list[tuple[int, int]]) -> None:
    """Move entity counters by what a batch added and removed, without recounting:
    recounting a country named in a third of the corpus on every batch costs more than
    the whole batch."""
    mentions: Counter[int] = Counter()
    articles: Counter[int] = Counter()
    for sign, pairs in ((1, added), (-1, removed)):
        for entity_id, n in Counter(e for e, _ in pairs).items():
            mentions[entity_id] += sign * n
        for entity_id, n in Counter(e for e, _ in set(pairs)).items():
            articles[entity_id] += sign * n
    rows = [
        (mentions[entity_id], articles[entity_id], entity_id)
        for entity_id in sorted(mentions.keys() | articles.keys())  # one lock order
        if mentions[entity_id] or articles[entity_id]
    ]
    # One executemany: an ORM update per distinct pair of deltas cost more than the rest.
    if not rows:
        return
    table = Entity._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET mention_count = mention_count + %s,"
            " article_count = article_count + %s WHERE id = %s",
            rows,
        )
