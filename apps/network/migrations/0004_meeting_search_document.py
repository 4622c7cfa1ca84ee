"""A stored, weighted German search document for meetings, on PostgreSQL only.

The same scheme as news 0008 (read its docstring): `network_meeting.search_document` is a
generated column from title and motto (weight A), city (B) and summary (C) with a GIN
index, kept out of the model state. Search used to run to_tsvector over every meeting's
text on every query, which cost more than all other kinds together.

Caveat: a future migration that changes the type of title, motto, city or summary on
PostgreSQL must drop search_document first and add it again afterwards.
"""

from django.db import migrations

COLUMN = "search_document"
INDEX_NAME = "network_meeting_search_document_idx"

# Must stay equal to the fields of the "treffen" kind in apps.search.registry.
DOCUMENT = (
    "setweight(to_tsvector('german'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('german'::regconfig, coalesce(motto, '')), 'A') || "
    "setweight(to_tsvector('german'::regconfig, coalesce(city, '')), 'B') || "
    "setweight(to_tsvector('german'::regconfig, coalesce(summary, '')), 'C')"
)


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE network_meeting ADD COLUMN {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON network_meeting USING gin ({COLUMN})")


def drop_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
    schema_editor.execute(f"ALTER TABLE network_meeting DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [("network", "0003_editorial_workflow")]

    operations = [migrations.RunPython(add_document, drop_document)]
