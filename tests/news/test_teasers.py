"""Lists read each article's lead photo in the same query as the article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.news.models import Article
from tests.factories import ArticleFactory, ArticlePhotoFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_teaser_lead_photo_is_the_photo_with_the_lowest_position():
    article = ArticleFactory()
    second = PhotoFactory(alt_text="Zweites Foto")
    first = PhotoFactory(alt_text="Erstes Foto", focal_x=20, focal_y=70)
    ArticlePhotoFactory(article=article, photo=second, position=2)
    ArticlePhotoFactory(article=article, photo=first, position=1)
    without_photo = ArticleFactory()

    teasers = {a.pk: a for a in Article.objects.published().teasers()}

    lead = teasers[article.pk].lead_photo
    assert (lead.pk, lead.alt_text, lead.focal_point) == (first.pk, "Erstes Foto", (20, 70))
    assert lead.image.name == first.image.name
    assert (lead.width, lead.height, lead.format) == (first.width, first.height, first.format)
    assert teasers[without_photo.pk].lead_photo is None
    # The same photo, field for field, as the gallery's first, where all photos are fetched.
    gallery_lead = Article.objects.with_photos().get(pk=article.pk).lead_photo
    assert (gallery_lead.image.name, gallery_lead.focal_point, gallery_lead.alt_text) == (
        lead.image.name,
        lead.focal_point,
        lead.alt_text,
    )


def test_teasers_with_photos_need_one_query_and_no_body():
    for _ in range(3):
        ArticlePhotoFactory(article=ArticleFactory(), photo=PhotoFactory())
    with CaptureQueriesContext(connection) as queries:
        photos = [a.lead_photo for a in Article.objects.published().teasers()]
    # The statements in the message: this failed twice under load (4 instead of 1), cause
    # not yet known.
    assert len(queries) == 1, [query["sql"] for query in queries.captured_queries]
    assert all(photo is not None for photo in photos)
    assert '"body"' not in queries[0]["sql"]


def test_news_list_shows_each_lead_photo_on_a_deep_page(client, settings):
    settings.NEWS_PAGINATE_BY = 2
    articles = [ArticleFactory() for _ in range(5)]
    photo = PhotoFactory(alt_text="Sommerfest im Familienzentrum")
    ArticlePhotoFactory(article=articles[0], photo=photo)  # the oldest: on the last page
    response = client.get("/aktuelles/?page=3")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'alt="Sommerfest im Familienzentrum"' in page
    assert articles[0].title in page
