"""A stored, weighted German search document for articles, on PostgreSQL only.

`news_article.search_document` is a generated column: PostgreSQL computes it from title
(weight A), lead (B) and body (C) on every insert and update, so bulk_create, the admin,
the seed loader and loaddata (backup restore) need no code to keep it current. Search
matches and ranks on it (apps.search.services) instead of running to_tsvector over every
candidate's text, and its GIN index replaces the expression index of 0004.

Like 0004 this is SQL kept out of the model state: SQLite has no tsvector, and Django does
not know the column, so it never selects or writes it.

Caveat: PostgreSQL refuses to change the type of a column a generated column reads. A
future migration that alters the type of title, lead or body (e.g. title's max_length) on
PostgreSQL must drop search_document first and add it again afterwards (run this
migration's drop_document/add_document around it).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

COLUMN = "search_document"
INDEX_NAME = "news_article_search_document_idx"
OLD_INDEX_NAME = "news_article_search_idx"  # the expression index of 0004

# Must stay equal to what apps.search.services ranks with: title A, lead B, body C.
DOCUMENT = (
    "setweight(to_tsvector('german'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('german'::regconfig, coalesce(lead, '')), 'B') || "
    "setweight(to_tsvector('german'::regconfig, coalesce(body, '')), 'C')"
)


def old_search_index():
    # The expression index exactly as 0004 built it.
    return GinIndex(SearchVector("title", "lead", "body", config="german"), name=OLD_INDEX_NAME)


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX_NAME}")
    schema_editor.execute(
        f"ALTER TABLE news_article ADD COLUMN {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON news_article USING gin ({COLUMN})")


def drop_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
    schema_editor.execute(f"ALTER TABLE news_article DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.add_index(apps.get_model("news", "Article"), old_search_index())


class Migration(migrations.Migration):
    dependencies = [("news", "0007_article_pub_idx_with_id")]

    operations = [migrations.RunPython(add_document, drop_document)]
