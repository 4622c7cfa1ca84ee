"""What the admin's forms post, for tests that save through the admin."""

from django.utils import timezone


def article_admin_form(article=None, **fields):
    """Return the article admin's POST data: a new draft, or `article` as it is; `fields`
    change single values (Django's field names, e.g. "published_at_1" for the time)."""
    when = article.local_published_at if article else timezone.localtime()
    data = {
        "title": article.title if article else "Präventionswoche in Ahlen",
        "slug": article.slug if article else "",
        "lead": article.lead if article else "Vorspann",
        "body": article.body if article else "<p>Text</p>",
        "tags": "",
        "status": article.status if article else "draft",
        "published_at_0": when.strftime("%d.%m.%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
        "author": "",
        "article_photos-TOTAL_FORMS": "0",
        "article_photos-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data
