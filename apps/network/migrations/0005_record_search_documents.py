"""Stored, weighted German search documents for people, municipalities and institutions.

The scheme of news 0008 and network 0004 (read news 0008's docstring): a generated
`search_document` column with a GIN index on each table, on PostgreSQL only and kept out of
the model state. Until now every search ran to_tsvector over all of these rows (3,000 people
alone cost about 5 ms a search at the network's expected size).

Caveat: a future migration that changes the type of one of the columns below on PostgreSQL
must drop that table's search_document first and add it again afterwards.
"""

from django.db import migrations

COLUMN = "search_document"

# Must stay equal to the fields of the kinds in apps.search.registry.
DOCUMENTS = {
    "network_person": [("last_name", "A"), ("first_name", "A"), ("academic_title", "D")],
    "network_municipality": [("name", "A"), ("district", "B")],
    "network_institution": [("name", "A"), ("short_name", "A"), ("description", "C")],
}


def _document(fields):
    return " || ".join(
        f"setweight(to_tsvector('german'::regconfig, coalesce({name}, '')), '{weight}')"
        for name, weight in fields
    )


def add_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, fields in DOCUMENTS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({_document(fields)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {table}_search_document_idx ON {table} USING gin ({COLUMN})"
        )


def drop_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in DOCUMENTS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_document_idx")
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [("network", "0004_meeting_search_document")]

    operations = [migrations.RunPython(add_documents, drop_documents)]
