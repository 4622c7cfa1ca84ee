import re

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from apps.news.admin import ArticleAdmin
from apps.news.models import Article
from tests.factories import StaffUserFactory
from tests.factories.admin_forms import article_admin_form

pytestmark = pytest.mark.django_db


def test_save_during_database_outage_keeps_the_form_and_succeeds_when_resent(client, monkeypatch):
    client.force_login(StaffUserFactory(username="presse"))
    form = article_admin_form(
        title="Präventionswoche – „Schaufenster“ <für> alle",
        body="<p>Viele Angebote.</p>",
        tags="Präventionswoche",
    )
    original_save = ArticleAdmin.save_model

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ArticleAdmin, "save_model", unreachable)
    response = client.post(reverse("admin:news_article_add"), form)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Ihre Eingaben sind <strong>nicht verloren</strong>" in html
    assert Article.objects.count() == 0
    resend = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    assert resend["title"] == "Präventionswoche – „Schaufenster“ &lt;für&gt; alle"

    monkeypatch.setattr(ArticleAdmin, "save_model", original_save)
    unescaped = {k: v.replace("&lt;", "<").replace("&gt;", ">") for k, v in resend.items()}
    again = client.post(reverse("admin:news_article_add"), unescaped)
    assert again.status_code == 302
    assert Article.objects.get().title == form["title"]


def test_public_page_during_outage_is_a_german_503(client, monkeypatch):
    from apps.pages import views

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(views.HomeView, "get_context_data", unreachable)
    response = client.get("/")
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails, as when the database server is gone."""
    from django.db import connection

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)


@pytest.mark.parametrize("page_cache", [0, 600], ids=["page-cache-off", "page-cache-on"])
@pytest.mark.parametrize(
    "url",
    ["/", "/aktuelles/", "/aktuelles/2017/", "/netzwerk/treffen/", "/suche/?q=Ahlen",
     "/impressum/", "/aktuelles/feed/", "/netzwerk/treffen.ics", "/sitemap.xml"],
)  # fmt: skip
def test_database_outage_is_a_german_503_on_every_path(
    client, settings, database_down, page_cache, url
):
    settings.PAGE_CACHE_SECONDS = page_cache
    response = client.get(url)
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
    assert response["Retry-After"] == "30"


@pytest.mark.parametrize("page_cache", [0, 600], ids=["page-cache-off", "page-cache-on"])
@pytest.mark.parametrize(
    "url", ["/favicon.ico", "/wp-login.php", "/aktuelles/abc/", "/media/x.jpg", "/netzwerk/x/"]
)
def test_database_outage_is_a_german_503_on_addresses_that_do_not_exist_too(
    settings, database_down, page_cache, url
):
    # The 404 page reads the database (the footer's pages) where no middleware sees the error;
    # the test client would re-raise what the 500 handler answers.
    settings.PAGE_CACHE_SECONDS = page_cache
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()


def test_form_resent_from_the_outage_page_passes_the_csrf_check(monkeypatch):
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffUserFactory(username="presse"))
    add_url = reverse("admin:news_article_add")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', client.get(add_url).text)
    form = article_admin_form(title="Elternabend", csrfmiddlewaretoken=token.group(1))
    original_save = ArticleAdmin.save_model

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(ArticleAdmin, "save_model", unreachable)
    outage = client.post(add_url, form)
    assert outage.status_code == 503
    resend = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', outage.text))
    assert "csrfmiddlewaretoken" in resend

    monkeypatch.setattr(ArticleAdmin, "save_model", original_save)
    assert client.post(add_url, resend).status_code == 302
    assert Article.objects.get().title == "Elternabend"


def test_outage_page_never_writes_a_typed_password_into_the_page(client, database_down):
    response = client.post(
        reverse("admin:login"), {"username": "presse", "password": "Geheim-Ahlen-2026"}
    )
    assert response.status_code == 503
    html = response.content.decode()
    assert "Geheim-Ahlen-2026" not in html
    assert 'name="username" value="presse"' in html
