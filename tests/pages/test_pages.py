import pytest

from apps.pages.models import Page
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutz"),
        ("/barrierefreiheit/", "Barrierefreiheit"),
    ],
)
def test_legal_pages_exist_and_are_linked_in_every_footer(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()
    assert f'href="{url}"' in client.get("/aktuelles/").content.decode()


def test_unpublished_page_is_not_found(client):
    Page.objects.create(title="Intern", slug="intern", body="<p>x</p>", is_published=False)
    assert client.get("/intern/").status_code == 404


def test_page_body_is_sanitised_on_save():
    page = Page.objects.create(title="Neu", body='<p onclick="x()">Hallo</p><script>1</script>')
    page.refresh_from_db()
    assert page.slug == "neu"
    assert page.body == "<p>Hallo</p>"


def test_home_shows_editable_intro_and_latest_articles(client):
    Page.objects.filter(slug="startseite").update(body="<p>Willkommen in Ahlen!</p>")
    ArticleFactory(title="Neuester Artikel")
    html = client.get("/").content.decode()
    assert "Willkommen in Ahlen!" in html
    assert "Neuester Artikel" in html
    assert client.get("/startseite/").status_code == 404


def test_not_found_page_is_german_and_keeps_the_navigation(client):
    response = client.get("/gibt-es-wirklich-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Seite nicht gefunden" in html
    assert 'aria-label="Hauptnavigation"' in html
    assert 'href="/impressum/"' in html


def test_server_error_page_is_german_and_keeps_the_navigation(monkeypatch):
    from django.test import Client

    from apps.pages.views import HomeView

    def broken(*args, **kwargs):
        raise ValueError("kaputt")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Ein Fehler ist aufgetreten" in html
    for url in ["/aktuelles/", "/netzwerk/", "/netzwerk/treffen/", "/suche/"]:
        assert f'href="{url}"' in html


def test_not_found_page_offers_a_search(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'role="search"' in html and 'action="/suche/"' in html


def test_article_photos_can_be_seen_large_without_script(client):
    from tests.factories import ArticlePhotoFactory, PhotoFactory

    article = ArticleFactory()
    photo = PhotoFactory(renditions=True, alt_text="Kinder beim Sommerfest")
    ArticlePhotoFactory(article=article, photo=photo)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a class="photo-large" href="/media/renditions/' in html
    assert 'Groß anzeigen<span class="visually-hidden">: Kinder beim Sommerfest' in html
