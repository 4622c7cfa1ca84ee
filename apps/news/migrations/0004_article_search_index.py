"""The German full-text index of articles, on PostgreSQL only.

The index is created with SQL here and kept out of the model state: SQLite cannot build a
GIN index, and a model-state index would be recreated whenever SQLite rebuilds the table.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "news_article_search_idx"


def search_index():
    # The same expression as apps.search.services.document_vector("title", "lead", "body").
    return GinIndex(SearchVector("title", "lead", "body", config="german"), name=INDEX_NAME)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("news", "Article"), search_index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("news", "Article"), search_index())


class Migration(migrations.Migration):
    dependencies = [("news", "0003_article_network_links")]

    operations = [migrations.RunPython(create_index, drop_index)]
