"""Posts become articles: status, dates, topics, titles, leads, authors."""

import datetime

import pytest
from django.utils import timezone

from apps.news.models import Article, Topic
from tests.factories import StaffUserFactory, UserFactory

from .wxr import author, imported, item

pytestmark = pytest.mark.django_db

BERLIN = timezone.get_default_timezone()


def test_published_post_is_published_on_its_berlin_day(client, run_import):
    # 23:30 UTC on 2 March is 00:30 on 3 March in Berlin: the old site's archive day.
    run_import(item(post_id=1, slug="praeventionswoche", date_gmt="2017-03-02 23:30:00"))
    article = imported(1)
    assert article.is_published
    assert article.published_at == datetime.datetime(2017, 3, 2, 23, 30, tzinfo=datetime.UTC)
    assert article.get_absolute_url() == "/aktuelles/2017/03/03/praeventionswoche/"
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Präventionswoche in Ahlen" in client.get("/aktuelles/2017/03/03/").content.decode()


def test_without_gmt_date_the_local_date_counts_in_berlin(run_import):
    run_import(item(post_id=1, date="2017-07-01 00:15:00", date_gmt="0000-00-00 00:00:00"))
    article = imported(1)
    assert article.local_published_at == datetime.datetime(2017, 7, 1, 0, 15, tzinfo=BERLIN)
    assert article.publication_date == datetime.date(2017, 7, 1)


def test_future_post_is_scheduled_and_appears_at_its_time(client, run_import, time_machine):
    now = timezone.now()
    time_machine.move_to(now, tick=False)
    when = now + datetime.timedelta(days=2)
    run_import(
        item(
            post_id=1,
            title="Geplanter Fachtag",
            status="future",
            date_gmt=when.strftime("%Y-%m-%d %H:%M:%S"),
        )
    )
    article = imported(1)
    assert article.is_scheduled and not article.is_published
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Geplanter Fachtag" not in client.get("/aktuelles/").content.decode()
    time_machine.move_to(when + datetime.timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Geplanter Fachtag" in client.get("/aktuelles/").content.decode()


@pytest.mark.parametrize(
    ("wp_status", "status"),
    [
        ("draft", Article.Status.DRAFT),
        ("auto-draft", Article.Status.DRAFT),
        ("pending", Article.Status.REVIEW),
    ],
)
def test_drafts_and_pending_posts_wait_without_a_publication_time(run_import, wp_status, status):
    # WordPress writes a zero GMT date for a draft whose date nobody chose.
    run_import(
        item(
            post_id=1, status=wp_status, date="2024-05-06 10:00:00", date_gmt="0000-00-00 00:00:00"
        )
    )
    article = imported(1)
    assert article.status == status
    assert article.published_at is None
    assert not Article.objects.published().exists()
    assert "2024-05-06 10:00:00" in article.editorial_note


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"status": "private"}, "privat"),
        ({"status": "trash"}, "im Papierkorb"),
        ({"status": "publish", "password": "geheim"}, "passwortgeschützt"),
    ],
)
def test_private_trashed_and_password_protected_posts_are_never_public(
    client, run_import, options, reason
):
    output = run_import(item(post_id=1, **options))
    article = imported(1)
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()
    assert f"In WordPress {reason}" in article.editorial_note
    assert "nicht ohne Rücksprache veröffentlichen" in article.editorial_note
    assert "1 nicht öffentlich" in output


def test_empty_auto_draft_is_skipped(run_import):
    output = run_import(item(post_id=1, status="auto-draft", title="", content=""))
    assert not Article.objects.exists()
    assert "1 (1 leerer automatischer Entwurf) übersprungen" in output


def test_categories_and_tags_become_topics_merged_whatever_the_case(run_import):
    existing = Topic.objects.create(name="Frühe Hilfen")
    umlaut = Topic.objects.create(name="Übergänge")
    run_import(
        item(
            post_id=1,
            categories=["Allgemein", "frühe hilfen", "Kita"],
            tags=["KITA", "Präventionskette", "ÜBERGÄNGE"],
        ),
        item(post_id=2, tags=["kita"]),
    )
    article = imported(1)
    assert sorted(article.tags.names()) == ["Frühe Hilfen", "Kita", "Präventionskette", "Übergänge"]
    assert article.tags.get(name="Frühe Hilfen") == existing
    assert article.tags.get(name="Übergänge") == umlaut
    assert list(imported(2).tags.names()) == ["Kita"]
    assert Topic.objects.count() == 4  # WordPress' default category "Allgemein" is no topic


def test_post_without_title_is_named_by_its_first_words(run_import):
    run_import(
        item(
            post_id=1,
            title="",
            content="<p>Am Samstag trafen sich über hundert Familien im Bürgerpark zum "
            "Sommerfest der Kitas.</p>",
        ),
        item(post_id=2, title="  ", content="", date="2017-03-03 12:00:00"),
    )
    assert imported(1).title == "Am Samstag trafen sich über hundert Familien im …"
    assert imported(1).slug == "beitrag-1"
    assert imported(2).title == "Beitrag vom 3. März 2017"


def test_excerpt_becomes_the_lead(run_import):
    run_import(item(post_id=1, excerpt="<p>Kurz &amp; knapp: das Fest.</p>"))
    assert imported(1).lead == "Kurz & knapp: das Fest."


def test_unicode_titles_slugs_and_topics_survive(client, run_import):
    run_import(
        item(
            post_id=1,
            title="Größer, bunter, lauter – Kinderfest für alle 🎈",
            slug="gr%c3%b6%c3%9fer-kinderfest",
            content="<p>Çağla, Zoë und Łukasz feierten mit.</p>",
            tags=["Übergänge"],
        )
    )
    article = imported(1)
    assert article.title == "Größer, bunter, lauter – Kinderfest für alle 🎈"
    assert article.slug == "groesser-kinderfest"
    assert "Çağla, Zoë und Łukasz" in article.body
    assert article.tags.names()[0] == "Übergänge"
    assert "Zoë" in client.get(article.get_absolute_url()).content.decode()


def test_author_is_the_staff_account_with_that_login_or_email(run_import):
    by_login = StaffUserFactory(username="Redakteurin", email="andere@ahlen.example")
    run_import(item(post_id=1, creator="redakteurin"))
    assert imported(1).author == by_login

    by_login.delete()
    by_mail = StaffUserFactory(username="r.redakteurin", email="REDAKTEURIN@ahlen.example")
    run_import(item(post_id=2, creator="redakteurin"))
    assert imported(2).author == by_mail


def test_unknown_author_becomes_the_importing_user_with_the_name_kept(run_import, importer):
    UserFactory(username="redakteurin", is_staff=False)  # not staff: not an author here
    run_import(item(post_id=1, creator="redakteurin"))
    article = imported(1)
    assert article.author == importer
    assert "In WordPress verfasst von Renate Redakteurin (redakteurin)." in article.editorial_note


def test_user_option_names_the_importing_account(run_import):
    chosen = StaffUserFactory(username="umzug")
    run_import(item(post_id=1, creator="niemand"), user="umzug")
    article = imported(1)
    assert article.author == chosen
    revision = article.history.get()
    assert revision.history_user == chosen
    assert revision.history_change_reason == "Aus WordPress übernommen (import_wordpress)"


def test_author_list_without_the_author_keeps_the_login(run_import, wxr_file, importer):
    from .wxr import wxr

    path = wxr_file(text=wxr(item(post_id=1, creator="gast"), authors=(author(),)))
    run_import(path=path)
    assert "In WordPress verfasst von gast." in imported(1).editorial_note


def test_pages_become_unpublished_pages_for_an_editor_to_review(client, run_import):
    from apps.pages.models import Page

    Page.objects.get_or_create(slug="impressum", defaults={"title": "Impressum"})
    output = run_import(
        item(
            post_type="page",
            post_id=5,
            title="Impressum",
            slug="impressum",
            content="<!-- wp:paragraph --><p>Stadt Ahlen</p><!-- /wp:paragraph -->",
            excerpt="Angaben nach § 5 TMG",
        )
    )
    page = imported(5)
    assert not page.is_published
    assert (page.title, page.body, page.description) == (
        "Impressum",
        "<p>Stadt Ahlen</p>",
        "Angaben nach § 5 TMG",
    )
    assert page.slug == "impressum-2"  # the existing page keeps its address
    assert client.get("/impressum-2/").status_code == 404
    assert "+ Seite" not in output and "1 (1 Seiten) angelegt" in output
