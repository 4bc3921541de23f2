"""The search index tables, per database vendor (no Django model: the search backends in
``nashra.news.search`` own them). After migrating a database that already holds
articles, run ``nashra reindex``.

SQLite: ``news_search``, an FTS5 table (rowid = article id) over the analyzer's terms
(its tokenizer splits only at spaces), and ``news_searchdoc`` with each article's filter
fields. PostgreSQL: ``news_searchdoc`` with the filter fields and a tsvector of the same
terms, GIN-indexed.
"""

from django.db import migrations

SQL = {
    "sqlite": (
        [
            "CREATE VIRTUAL TABLE IF NOT EXISTS news_search USING fts5(title, subtitle, body, "
            "tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'\")",
            "CREATE TABLE IF NOT EXISTS news_searchdoc (article_id integer PRIMARY KEY, "
            "source_id bigint NOT NULL, published_at datetime NULL, duplicate_of_id bigint NULL, "
            "author text NOT NULL DEFAULT '')",
            "CREATE INDEX IF NOT EXISTS news_searchdoc_recent ON news_searchdoc (published_at DESC, article_id DESC)",
        ],
        ["DROP TABLE IF EXISTS news_search", "DROP TABLE IF EXISTS news_searchdoc"],
    ),
    "postgresql": (
        [
            "CREATE TABLE IF NOT EXISTS news_searchdoc (article_id bigint PRIMARY KEY, "
            "source_id bigint NOT NULL, published_at timestamp with time zone NULL, "
            "duplicate_of_id bigint NULL, author text NOT NULL DEFAULT '', document tsvector NOT NULL)",
            "CREATE INDEX IF NOT EXISTS news_searchdoc_document ON news_searchdoc USING gin (document)",
            "CREATE INDEX IF NOT EXISTS news_searchdoc_recent "
            "ON news_searchdoc (published_at DESC NULLS LAST, article_id DESC)",
        ],
        ["DROP TABLE IF EXISTS news_searchdoc"],
    ),
}


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    for sql in SQL.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(sql)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    for sql in SQL.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
