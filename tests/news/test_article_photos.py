import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.news.models import Article, ArticlePhoto
from tests.factories import ArticleFactory, ArticlePhotoFactory, PhotoFactory, StaffUserFactory
from tests.factories.admin_forms import article_admin_form
from tests.factories.media import image_upload
from tests.site_pages import structured_data

pytestmark = pytest.mark.django_db


def test_article_page_shows_photos_with_srcset_sizes_and_dimensions(client):
    use = ArticlePhotoFactory(
        photo__image=image_upload(size=(2000, 1500)),
        photo__caption="Foto mit Lisa Kalendruschat und Ulrike Gerhards",
        photo__credit="Marina Bänke",
        photo__alt_text="Zwei Frauen vor einem Roll-Up",
    )

    content = client.get(use.article.get_absolute_url()).content.decode()

    assert '<source type="image/webp" srcset="' in content
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 960w, [^"]+\.webp 1600w"', content)
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1600w"', content)
    assert 'sizes="' in content
    assert 'width="960" height="720"' in content
    assert 'alt="Zwei Frauen vor einem Roll-Up"' in content
    assert 'loading="lazy"' in content
    assert (
        "<figcaption>Foto mit Lisa Kalendruschat und Ulrike Gerhards · Foto: Marina Bänke · "
        '<a class="photo-large"' in content
    )
    assert "style=" not in content.split('class="gallery"')[1].split("</section>")[0]


def test_gallery_follows_position_and_per_article_caption(client):
    article = ArticleFactory()
    ArticlePhotoFactory(article=article, position=2, photo__caption="Zweites")
    ArticlePhotoFactory(article=article, position=1, caption="Gruppenfoto", photo__caption="x")

    content = client.get(article.get_absolute_url()).content.decode()

    assert content.index("Gruppenfoto") < content.index("Zweites")


def test_lead_photo_is_the_first_by_position():
    article = ArticleFactory()
    ArticlePhotoFactory(article=article, position=5)
    first = ArticlePhotoFactory(article=article, position=1)

    assert article.lead_photo == first.photo
    assert ArticleFactory().lead_photo is None


def test_article_list_shows_the_lead_photo_small(client):
    use = ArticlePhotoFactory(photo__alt_text="Kinder beim Malen")

    content = client.get(reverse("news:article_list")).content.decode()

    assert 'alt="Kinder beim Malen"' in content
    assert 'class="teaser-photo"' in content
    assert 'width="640" height="427"' in content  # the 3:2 crop of a 640×480 photo
    assert use.photo.caption not in content


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["news:article_list", "home"])
def test_list_query_count_does_not_grow_with_articles_with_photos(client, settings, url_name):
    settings.NEWS_PAGINATE_BY = 50
    url = reverse(url_name)
    # Warm the process-wide caches (content types) that other tests may or may not have filled.
    client.get(url)
    photo = PhotoFactory()
    for article in ArticleFactory.create_batch(2):
        ArticlePhotoFactory(article=article, photo=photo)
    few = count_queries(client, url)

    for article in ArticleFactory.create_batch(18):
        ArticlePhotoFactory(article=article, photo=PhotoFactory())
    many = count_queries(client, url)

    assert many == few


def test_staff_attaches_and_orders_photos_in_the_article_admin(client):
    client.force_login(StaffUserFactory())
    article = ArticleFactory(title="Netzwerktreffen", tags=[])
    first, second = PhotoFactory.create_batch(2)
    url = reverse("admin:news_article_change", args=[article.pk])
    data = article_admin_form(
        article,
        **{
            "article_photos-TOTAL_FORMS": "2",
            "article_photos-0-photo": second.pk,
            "article_photos-0-position": "2",
            "article_photos-1-photo": first.pk,
            "article_photos-1-position": "1",
            "article_photos-1-caption": "Eigene Bildunterschrift",
        },
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["errors"]
    assert Article.objects.get(pk=article.pk).lead_photo == first
    assert list(ArticlePhoto.objects.values_list("photo", flat=True)) == [first.pk, second.pk]


def test_link_preview_shows_the_lead_photo(client):
    use = ArticlePhotoFactory(photo__alt_text="Kinder beim Malen")

    content = client.get(use.article.get_absolute_url()).content.decode()

    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/[^"]+\.jpg">', content
    )
    assert '<meta property="og:image:alt" content="Kinder beim Malen">' in content


def test_structured_data_names_every_topic_and_the_lead_photo(client):
    article = ArticleFactory(tags=["Kinderstark", "Lernnetzwerk", "Partizipation"])
    ArticlePhotoFactory(article=article, position=2, photo__alt_text="Zweites Foto")
    lead = ArticlePhotoFactory(article=article, position=1, photo__alt_text="Erstes Foto")

    content = client.get(article.get_absolute_url()).content.decode()

    data = structured_data(content, "NewsArticle")
    assert set(data["keywords"]) == {"Kinderstark", "Lernnetzwerk", "Partizipation"}
    lead_file = lead.photo.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    assert lead_file in data["image"][-1]  # the original shape: the lead photo's own file
    assert '<meta property="og:image:alt" content="Erstes Foto">' in content
    assert 'Themen: <a href="/aktuelles/thema/kinderstark/">Kinderstark</a>' in content


@pytest.mark.parametrize("view", ["page", "preview"])
def test_many_photos_and_topics_cost_the_article_page_no_more_queries_than_one(client, view):
    if view == "preview":
        client.force_login(StaffUserFactory(is_superuser=True))

    def url(article):
        return article.get_absolute_url() if view == "page" else article.get_preview_url()

    one = ArticleFactory(tags=["Kinderstark"])
    ArticlePhotoFactory(article=one)
    many = ArticleFactory(tags=["Kinderstark", "Lernnetzwerk", "Partizipation"])
    for position in range(4):
        ArticlePhotoFactory(article=many, position=position)
    for article in (one, many):  # the sidebar's fragments and the content types, once
        client.get(url(article))

    assert count_queries(client, url(many)) == count_queries(client, url(one))
    with CaptureQueriesContext(connection) as queries:
        client.get(url(many))
    photo_queries = [q for q in queries if 'FROM "news_articlephoto"' in q["sql"]]
    topic_queries = [q for q in queries if 'FROM "news_topic"' in q["sql"]]
    assert len(photo_queries) == 1 and "media_photo" in photo_queries[0]["sql"]
    assert len(topic_queries) == 1
