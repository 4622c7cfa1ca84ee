"""Attachments become photos through the upload's checks and renditions; the featured image
leads the gallery; missing files and alt texts are reported, never fatal."""

import pytest
from django.core.files.storage import default_storage

from apps.media.models import Photo
from apps.media.renditions import WEBP, photo_rendition_files
from apps.news.models import ArticlePhoto

from .wxr import attachment, imported, item

pytestmark = pytest.mark.django_db


def test_attachment_found_in_the_media_dir_becomes_a_photo_with_renditions(run_import, uploads):
    uploads.add("2017/03/fest.jpg", size=(1200, 800))
    output = run_import(
        attachment(post_id=7, alt="Kinder beim Fest", caption="Foto: Stadt"),
        media_dir=str(uploads.path),
    )
    photo = imported(7)
    assert (photo.alt_text, photo.caption) == ("Kinder beim Fest", "Foto: Stadt")
    assert (photo.format, photo.width, photo.height) == ("JPEG", 1200, 800)
    files = [file for _, file in photo_rendition_files(photo, image_format=WEBP)]
    assert files and all(default_storage.exists(file.name) for file in files)
    assert "1 (1 Fotos) angelegt" in output


def test_featured_image_leads_and_gallery_and_caption_images_follow(run_import, uploads):
    for name in ("titel", "a", "b", "c"):
        uploads.add(f"2017/03/{name}.jpg")
    body = (
        '[caption id="attachment_12"]<img class="wp-image-12" src="https://alt.example/wp-'
        'content/uploads/2017/03/a-300x200.jpg" /> Beim Malen[/caption]\n\nText\n\n'
        '[gallery ids="13,12,14"]'
    )
    run_import(
        attachment(post_id=11, path="2017/03/titel.jpg"),
        attachment(post_id=12, path="2017/03/a.jpg"),
        attachment(post_id=13, path="2017/03/b.jpg"),
        attachment(post_id=14, path="2017/03/c.jpg", caption="Bibliothek"),
        item(post_id=1, content=body, meta={"_thumbnail_id": 11}),
        media_dir=str(uploads.path),
    )
    article = imported(1)
    gallery = list(article.article_photos.all())
    assert [use.photo for use in gallery] == [imported(i) for i in (11, 12, 13, 14)]
    assert article.lead_photo == imported(11)
    assert gallery[1].caption == "Beim Malen"
    assert gallery[3].display_caption == "Bibliothek"
    assert article.body == "<p>Text</p>"


def test_image_inside_the_text_is_matched_by_its_address(run_import, uploads):
    uploads.add("2017/03/a.jpg")
    run_import(
        attachment(post_id=12, path="2017/03/a.jpg"),
        item(
            post_id=1,
            content='<p><img src="https://alt.example/wp-content/uploads/2017/03/a-1024x768.jpg">'
            "Text</p>",
        ),
        media_dir=str(uploads.path),
    )
    assert imported(1).lead_photo == imported(12)


def test_wordpress_com_files_are_found_by_year_month_and_name(run_import, uploads):
    uploads.add("2016/11/laterne.png", image_format="PNG")
    run_import(
        attachment(
            post_id=7,
            path="2016/11/laterne.png",
            attachment_url="https://ahlenkinder.files.wordpress.com/2016/11/laterne.png",
        ),
        media_dir=str(uploads.path),
    )
    assert imported(7).format == "PNG"


def test_missing_file_is_reported_and_the_rest_imported(run_import, uploads):
    output = run_import(
        attachment(post_id=7, path="2017/03/weg.jpg"),
        item(post_id=1, meta={"_thumbnail_id": 7}),
        media_dir=str(uploads.path),
    )
    assert imported(1).is_published
    assert not Photo.objects.exists() and not ArticlePhoto.objects.exists()
    assert "1 Mediendateien fehlen" in output
    assert "Nicht gefundene Mediendateien (Ordner --media-dir prüfen):\n  2017/03/weg.jpg" in output


def test_without_media_dir_every_file_is_reported_missing(run_import):
    output = run_import(attachment(post_id=7), attachment(post_id=8, path="2018/01/x.jpg"))
    assert not Photo.objects.exists()
    assert "2 Mediendateien fehlen" in output


def test_attachment_without_alt_text_is_reported_for_an_editor(run_import, uploads):
    uploads.add("2017/03/fest.jpg")
    output = run_import(attachment(post_id=7, alt=""), media_dir=str(uploads.path))
    assert imported(7).alt_text == ""
    assert "1 Fotos ohne Alternativtext" in output
    assert "Fotos ohne Alternativtext (nach BITV 2.0 Pflicht" in output
    assert "2017/03/fest.jpg (WordPress-ID 7)" in output


def test_broken_image_and_documents_are_refused_like_an_upload(run_import, uploads):
    uploads.add("2017/03/kaputt.jpg", content=b"kein Bild")
    uploads.add("2017/03/flyer.pdf", content=b"%PDF-1.4")
    output = run_import(
        attachment(post_id=7, path="2017/03/kaputt.jpg"),
        attachment(post_id=8, path="2017/03/flyer.pdf"),
        media_dir=str(uploads.path),
    )
    assert not Photo.objects.exists()
    assert "2017/03/kaputt.jpg: Diese Datei ist kein Foto im Format JPEG" in output
    assert "2017/03/flyer.pdf: kein Foto (JPEG, PNG, WebP, GIF)" in output


def test_a_path_outside_the_media_dir_is_never_read(run_import, uploads, tmp_path):
    (tmp_path / "geheim.jpg").write_bytes(b"x")
    uploads.add("2017/03/ok.jpg")
    output = run_import(
        attachment(
            post_id=7,
            path="../geheim.jpg",
            attachment_url="https://alt.example/wp-content/uploads/../geheim.jpg",
        ),
        media_dir=str(uploads.path),
    )
    assert not Photo.objects.exists()
    assert "../geheim.jpg" in output


def test_photos_found_on_a_later_run_join_the_articles_imported_before(
    run_import, wxr_file, uploads
):
    path = wxr_file(
        attachment(post_id=7, path="2017/03/titel.jpg"),
        attachment(post_id=8, path="2017/03/mehr.jpg"),
        item(post_id=1, meta={"_thumbnail_id": 7}, content='[gallery ids="8"]'),
    )
    run_import(path=path)  # a trial run without the files
    assert not imported(1).article_photos.exists()
    uploads.add("2017/03/titel.jpg")
    uploads.add("2017/03/mehr.jpg")
    output = run_import(path=path, media_dir=str(uploads.path))
    article = imported(1)
    assert [use.photo for use in article.article_photos.all()] == [imported(7), imported(8)]
    assert article.lead_photo == imported(7)
    assert "1 (1 Artikel (Fotos ergänzt)) aktualisiert" in output
    assert "0 angelegt" in run_import(path=path, media_dir=str(uploads.path))


def test_a_gallery_image_missing_from_the_export_names_its_post_even_without_a_title(
    run_import,
):
    output = run_import(
        item(post_id=4, title="", content='<p>[gallery ids="9"] Ein Text ohne Titel.</p>')
    )
    assert "Anhang 9 (in Beitrag 4 (ohne Titel), nicht in der Exportdatei)" in output
