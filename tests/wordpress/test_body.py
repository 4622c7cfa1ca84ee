"""Post bodies: block comments removed, shortcodes made plain or dropped, the allow-list."""

import pytest

from apps.wordpress.content import convert_body

from .wxr import imported, item

pytestmark = pytest.mark.django_db

GUTENBERG = """<!-- wp:heading -->
<h2 class="wp-block-heading">Programm</h2>
<!-- /wp:heading -->

<!-- wp:paragraph {"className":"intro"} -->
<p class="intro">Spiele <strong>für alle</strong>.</p>
<!-- /wp:paragraph -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=abc
</div></figure>
<!-- /wp:embed -->"""


def test_gutenberg_block_comments_are_removed_and_the_markup_kept():
    body = convert_body(GUTENBERG)
    assert "wp:" not in body.html and "<!--" not in body.html
    assert "<h2>Programm</h2>" in body.html
    assert "<p>Spiele <strong>für alle</strong>.</p>" in body.html
    assert (
        '<a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a>'
        in body.html
    )


def test_classic_post_gets_paragraphs_and_line_breaks():
    body = convert_body(
        "Erster Absatz\nzweite Zeile\n\nZweiter Absatz\n\nhttps://example.org/video"
    )
    assert body.html == (
        "<p>Erster Absatz<br>\nzweite Zeile</p>\n<p>Zweiter Absatz</p>\n"
        '<p><a href="https://example.org/video">https://example.org/video</a></p>'
    )


def test_caption_shortcode_sends_its_image_and_caption_to_the_gallery():
    body = convert_body(
        '[caption id="attachment_7" align="alignnone" width="300"]<img class="wp-image-7" '
        'src="https://alt.example/wp-content/uploads/2017/03/fest-300x200.jpg" alt="Fest" /> '
        "Kinder beim Fest[/caption]\n\nDanach ging es weiter."
    )
    assert [(ref.attachment_id, ref.caption) for ref in body.images] == [(7, "Kinder beim Fest")]
    assert body.html == "<p>Danach ging es weiter.</p>"


def test_caption_without_an_image_stays_as_text():
    body = convert_body('[caption width="300"]Nur eine Bildunterschrift[/caption]')
    assert body.html == "<p>Nur eine Bildunterschrift</p>"


def test_gallery_shortcode_names_its_attachments():
    body = convert_body('Fotos:\n\n[gallery columns="3" ids="12,13, 14"]')
    assert body.gallery_ids == [12, 13, 14]
    assert body.html == "<p>Fotos:</p>"
    assert convert_body("[gallery]").gallery_of_post


def test_embed_shortcode_becomes_a_link():
    body = convert_body("[embed]https://vimeo.com/123[/embed]")
    assert body.html == '<p><a href="https://vimeo.com/123">https://vimeo.com/123</a></p>'


def test_unknown_shortcodes_are_dropped_and_counted_their_text_kept():
    body = convert_body(
        '[contact-form-7 id="5" title="Kontakt"]\n\n[su_box title="Hinweis"]Anmeldung bis '
        'Freitag.[/su_box]\n\n[video src="x.mp4"][/video] [sic] [[gallery]]'
    )
    assert body.dropped == {"contact-form-7": 1, "su_box": 1, "video": 1}
    assert "Anmeldung bis Freitag." in body.html
    assert "contact-form" not in body.html and "su_box" not in body.html
    # Brackets that are text stay text; [[…]] is WordPress' way of writing a shortcode's name.
    assert "[sic] [gallery]" in body.html


def test_body_is_sanitised_by_the_same_allow_list_as_every_save():
    body = convert_body(
        '<p onclick="alert(1)">Text<script>alert(2)</script> <a href="javascript:x">Link</a>'
        '<iframe src="https://evil.example"></iframe><span style="color:red">rot</span></p>'
        "<h1>Titel im Text</h1>"
    )
    assert "onclick" not in body.html and "<script" not in body.html
    assert "javascript:" not in body.html and "<iframe" not in body.html
    assert "style=" not in body.html
    assert "<h2>Titel im Text</h2>" in body.html  # the page's h1 is the title


def test_imported_article_reports_the_dropped_shortcodes(run_import):
    output = run_import(
        item(post_id=1, content='[contact-form-7 id="5"]\n\nText\n\n[wpforms id="9"]')
    )
    assert imported(1).body == "<p>Text</p>"
    assert "2 Shortcodes entfernt" in output
    assert "Entfernte Shortcodes (Inhalt bitte prüfen): [contact-form-7] ×1, [wpforms] ×1" in output
