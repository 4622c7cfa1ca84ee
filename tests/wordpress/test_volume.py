"""A site of a few hundred posts imports in one go, in a bounded number of queries a post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.media.models import Photo
from apps.news.models import Article, ArticlePhoto, Topic

from .wxr import attachment, item

pytestmark = [pytest.mark.django_db, pytest.mark.slow(8)]
POSTS = 300
PHOTOS = 10


def test_three_hundred_posts_with_photos_and_topics(run_import, uploads):
    items = []
    for n in range(1, PHOTOS + 1):
        uploads.add(f"2015/01/foto-{n}.jpg", size=(320, 240))
        items.append(attachment(post_id=1000 + n, path=f"2015/01/foto-{n}.jpg"))
    for n in range(1, POSTS + 1):
        day = f"2015-{n % 12 + 1:02d}-{n % 28 + 1:02d} 10:00:00"
        items.append(
            item(
                post_id=n,
                title=f"Beitrag Nummer {n}",
                slug=f"beitrag-nummer-{n}",
                date=day,
                date_gmt=day,
                content=f'<p>Text {n} [gallery ids="{1000 + n % PHOTOS + 1}"]</p>',
                categories=[f"Thema {n % 7}"],
                tags=[f"thema {n % 7}", "Ahlen"],
                status="publish" if n % 10 else "draft",
            )
        )
    with CaptureQueriesContext(connection) as queries:
        output = run_import(*items, media_dir=str(uploads.path))
    assert f"{POSTS + PHOTOS} ({POSTS} Artikel, {PHOTOS} Fotos) angelegt" in output
    assert Article.objects.published().count() == POSTS - POSTS // 10
    assert Photo.objects.count() == PHOTOS
    assert ArticlePhoto.objects.count() == POSTS
    assert Topic.objects.count() == 8
    # A constant number of queries per item, whatever the size of the site.
    assert len(queries) < 20 * (POSTS + PHOTOS)
