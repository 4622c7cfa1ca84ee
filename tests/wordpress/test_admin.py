"""The admin lists what the import made of each WordPress item, read-only."""

import pytest
from django.urls import reverse

from apps.wordpress.models import ImportedItem

from .wxr import item

pytestmark = pytest.mark.django_db


def test_imported_items_are_listed_and_never_edited(client, run_import, importer):
    run_import(item(post_id=12, title="Sommerfest", slug="sommerfest", date="2017-06-10 15:00:00"))
    client.force_login(importer)
    listing = client.get(reverse("admin:wordpress_importeditem_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "/2017/06/10/sommerfest" in html and "Sommerfest" in html
    record = ImportedItem.objects.get()
    change = client.get(reverse("admin:wordpress_importeditem_change", args=[record.pk]))
    assert change.status_code == 200
    assert 'name="old_path"' not in change.content.decode()
    assert client.get(reverse("admin:wordpress_importeditem_add")).status_code == 403


def test_an_imported_articles_page_tells_editors_its_wordpress_origin(client, run_import, importer):
    run_import(item(post_id=12, title="Sommerfest", slug="sommerfest", date="2017-06-10 15:00:00"))
    client.force_login(importer)
    record = ImportedItem.objects.get()
    url = reverse("admin:news_article_change", args=[record.object_id])
    page = client.get(url).content.decode()
    assert "Quelle: WordPress-Umzug" in page
    assert "Beitrag 12, alte Adresse /2017/06/10/sommerfest" in page
