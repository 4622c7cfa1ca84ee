from django.db import migrations, models


class AddColumnInPlace(migrations.AddField):
    """Add the column without rebuilding the table on SQLite.

    SQLite's usual route copies the table and recreates every index of the model state,
    including the PostgreSQL-only search index of 0004, which SQLite cannot build.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        table = to_state.apps.get_model(app_label, self.model_name)._meta.db_table
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(table)} ADD COLUMN "
            f"{schema_editor.quote_name(self.name)} text NOT NULL DEFAULT ''"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        table = from_state.apps.get_model(app_label, self.model_name)._meta.db_table
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(table)} "
            f"DROP COLUMN {schema_editor.quote_name(self.name)}"
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0004_article_search_index")]

    operations = [
        AddColumnInPlace(
            model_name="article",
            name="editorial_note",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Nur intern sichtbar, zum Beispiel wie ein nicht genanntes Datum "
                    "erschlossen wurde."
                ),
                verbose_name="Interne Notiz",
            ),
        ),
    ]
