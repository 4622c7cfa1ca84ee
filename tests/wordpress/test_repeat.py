"""Safe to repeat: a second run changes nothing, a dry run writes nothing, a broken file is
refused in German with nothing written, and the summary and progress tell what happened."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.news.models import Article

from .wxr import SITE, attachment, imported, item, wxr

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for label in ("news", "media", "pages", "taggit", "wordpress")
        for model in apps.get_app_config(label).get_models()
    }


def media_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


@pytest.fixture
def site(uploads):
    uploads.add("2017/03/fest.jpg")
    return [
        attachment(post_id=7),
        item(post_id=1, tags=["Kita"], meta={"_thumbnail_id": 7}),
        item(post_id=2, status="draft", title="Entwurf", date_gmt="0000-00-00 00:00:00"),
        item(post_type="page", post_id=3, title="Über uns", slug="ueber-uns"),
    ]


def test_second_run_creates_and_changes_nothing(run_import, wxr_file, site, uploads, media_root):
    path = wxr_file(*site)
    run_import(path=path, media_dir=str(uploads.path))
    before, files = row_counts(), media_files(media_root)
    assert before["news.Article"] == 2 and before["pages.Page"] > 1

    with CaptureQueriesContext(connection) as queries:
        output = run_import(path=path, media_dir=str(uploads.path))
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))
    ]
    assert writes == []
    assert row_counts() == before and media_files(media_root) == files
    assert "0 angelegt, 0 aktualisiert, 4 (4 unverändert) übersprungen" in output


def test_changed_post_is_updated_unless_editors_changed_it_here(run_import, wxr_file):
    run_import(item(post_id=1, title="Alt"), item(post_id=2, title="Auch alt"))
    edited = imported(2)
    edited.title = "Hier überarbeitet"
    edited.save()

    output = run_import(item(post_id=1, title="Neu"), item(post_id=2, title="Auch neu"))
    assert imported(1).title == "Neu"
    assert imported(1).history.first().history_change_reason.startswith("In WordPress geändert")
    assert imported(2).title == "Hier überarbeitet"
    assert "1 (1 Artikel) aktualisiert" in output
    assert "In WordPress und hier geändert, hier belassen: Hier überarbeitet" in output


@pytest.mark.parametrize("options", [{"status": "private"}, {"password": "geheim"}])
def test_post_hidden_in_wordpress_since_is_withdrawn_here(run_import, options):
    run_import(item(post_id=1, title="Erst öffentlich"))
    edited = imported(1)
    edited.title = "Hier überarbeitet"
    edited.save()
    output = run_import(item(post_id=1, title="Erst öffentlich", **options))
    assert imported(1).status == Article.Status.DRAFT
    assert not Article.objects.published().exists()
    assert "darum hier zurückgezogen: Hier überarbeitet (WordPress-ID 1)" in output


def test_record_deleted_here_is_not_made_again(run_import):
    run_import(item(post_id=1))
    imported(1).delete()
    output = run_import(item(post_id=1))
    assert not Article.objects.exists()
    assert "1 (1 hier gelöscht) übersprungen" in output


def test_dry_run_writes_nothing_and_says_what_it_would_do(
    run_import, wxr_file, site, uploads, media_root
):
    before, files = row_counts(), media_files(media_root)
    output = run_import(path=wxr_file(*site), media_dir=str(uploads.path), dry_run=True)
    assert row_counts() == before and media_files(media_root) == files
    assert output.count("Probelauf (nichts gespeichert): ") == 1
    assert "+ Foto: 2017/03/fest.jpg" in output
    assert "+ Artikel: Präventionswoche in Ahlen (veröffentlicht)" in output
    assert "+ Artikel: Entwurf (nicht öffentlich: Entwurf)" in output
    assert "+ Seite: Über uns (nicht öffentlich)" in output
    assert "4 (2 Artikel, 1 Fotos, 1 Seiten) angelegt" in output
    # The real run afterwards finds everything still to do.
    assert "4 (2 Artikel, 1 Fotos, 1 Seiten) angelegt" in run_import(
        path=wxr_file(*site), media_dir=str(uploads.path)
    )


BROKEN = {
    "not XML": ("Das ist keine XML-Datei.", "ist keine lesbare XML-Datei (Fehler in Zeile 1,"),
    "cut off": (wxr(item(post_id=1))[:-300], "ist keine lesbare XML-Datei"),
    "RSS, not WXR": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title>'
        "<item><title>x</title></item></channel></rss>",
        "ist keine WordPress-Exportdatei (WXR)",
    ),
    "other XML": ("<?xml version='1.0'?><svg></svg>", "ist keine WordPress-Exportdatei (WXR)"),
    "entity bomb": (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel>&b;</channel></rss>',
        "aus Sicherheitsgründen wird sie nicht gelesen",
    ),
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel>&x;</channel></rss>",
        "aus Sicherheitsgründen wird sie nicht gelesen",
    ),
    "empty": ("", "ist keine lesbare XML-Datei"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_file_that_is_not_wxr_is_refused_in_german_with_nothing_written(
    run_import, wxr_file, case
):
    text, message = BROKEN[case]
    before = row_counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        run_import(path=wxr_file(text=text))
    assert row_counts() == before


def test_missing_file_and_media_dir_are_refused_in_german(run_import, wxr_file, tmp_path):
    with pytest.raises(CommandError, match="Die Datei „.*fehlt.xml“ gibt es nicht."):
        run_import(path=tmp_path / "fehlt.xml")
    with pytest.raises(CommandError, match="Den Medienordner „.*“ gibt es nicht."):
        run_import(item(), media_dir=str(tmp_path / "nirgends"))
    with pytest.raises(CommandError, match="kein Redaktionskonto mit dem Benutzernamen „wer“"):
        run_import(item(), user="wer")


def test_command_line_errors_end_with_a_message_and_a_non_zero_exit(wxr_file):
    from django.core.management import ManagementUtility

    path = wxr_file(text="<html></html>")
    stderr = io.StringIO()
    utility = ManagementUtility(["manage.py", "import_wordpress", str(path)])
    with pytest.raises(SystemExit) as exit_info, pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stderr", stderr)
        utility.execute()
    assert exit_info.value.code != 0
    assert "ist keine WordPress-Exportdatei (WXR)" in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()


def test_summary_counts_each_outcome(run_import):
    output = run_import(
        item(post_id=1),
        item(post_id=2, status="future", date_gmt="2999-01-01 10:00:00"),
        item(post_id=3, status="private"),
        item(post_type="nav_menu_item", post_id=4),
        item(post_type="page", post_id=5),
    )
    assert (
        "WordPress-Import: 4 (3 Artikel, 1 Seiten) angelegt, 0 aktualisiert, "
        "1 (1 Typ nav_menu_item) übersprungen, 2 nicht öffentlich, 1 geplant, "
        "0 Mediendateien fehlen oder sind keine Fotos, 0 Shortcodes entfernt, "
        "0 Fotos ohne Alternativtext."
    ) in output
    assert "Ahlener Präventionskette: 5 Einträge (WXR 1.2)." in output


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_is_drawn_on_a_terminal_only(wxr_file, importer):
    path = wxr_file(*(item(post_id=i) for i in range(1, 5)))
    quiet = io.StringIO()
    call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=quiet, dry_run=True)
    assert quiet.getvalue() == ""
    terminal = FakeTerminal()
    call_command("import_wordpress", str(path), stdout=io.StringIO(), stderr=terminal)
    assert "\r" + "█" * 30 + " 4/4" in terminal.getvalue()


def test_wxr_1_0_exports_are_read_too(run_import, wxr_file):
    run_import(path=wxr_file(text=wxr(item(post_id=1, link=f"{SITE}/?p=1"), version="1.0")))
    assert imported(1).is_published


def test_a_very_long_guid_is_still_a_key(run_import):
    long_guid = f"{SITE}/?p=1&" + "x" * 600
    run_import(item(post_id=1, guid=long_guid))
    assert "0 angelegt" in run_import(item(post_id=1, guid=long_guid))
    assert Article.objects.count() == 1
