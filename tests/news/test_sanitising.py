"""Article bodies are sanitised on every save, whatever path the HTML takes."""

import pytest

from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODIES = [
    "<script>alert('x')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">klick</a>',
    '<a href="JaVaScRiPt:alert(1)">klick</a>',
    '<a href="&#106;avascript:alert(1)">klick</a>',
    '<a href=" javascript:alert(1)">klick</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klick</a>',
    '<a href="vbscript:msgbox(1)">klick</a>',
    "<svg onload=alert(1)><circle r=10></circle></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
    "</table></mtext></math>",
    '<iframe src="https://evil.example"></iframe>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">Text</p>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="x"></form>',
    "<p>offen <script>alert(1)",
    '<div><a href="https://ahlen.de" onmouseover="alert(1)">Ahlen</a></div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{display:none}</style>",
    '<base href="https://evil.example/">',
]


@pytest.mark.parametrize("hostile", HOSTILE_BODIES)
def test_body_saved_without_the_admin_loses_active_content(hostile):
    article = ArticleFactory(body=f"<p>Vorher</p>{hostile}<p>Nachher</p>")
    stored = Article.objects.get(pk=article.pk).body.lower()
    for marker in [
        "<script",
        "javascript:",
        "vbscript:",
        "data:",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<svg",
        "<math",
        "<style",
        "<meta",
        "<base",
        "style=",
    ]:
        assert marker not in stored, marker
    assert stored.startswith("<p>vorher</p>")


def test_body_updated_through_queryset_instance_save_is_sanitised_again():
    article = ArticleFactory(body="<p>gut</p>")
    article.body = '<p>besser</p><img src=x onerror="alert(1)">'
    article.save(update_fields=["body"])
    stored = Article.objects.get(pk=article.pk).body
    assert stored.startswith("<p>besser</p>")  # saved, and
    assert "onerror" not in stored  # sanitised


def test_allowed_formatting_survives():
    body = (
        "<h2>Ziele</h2><p><strong>Übergänge</strong> und <em>Elternarbeit</em></p>"
        '<ul><li>Vernetzung</li></ul><p><a href="https://www.ahlen.de/">Stadt Ahlen</a></p>'
    )
    article = ArticleFactory(body=body)
    stored = Article.objects.get(pk=article.pk).body
    assert "<h2>Ziele</h2>" in stored
    assert "<strong>Übergänge</strong>" in stored
    assert "<li>Vernetzung</li>" in stored
    assert 'href="https://www.ahlen.de/"' in stored


def test_title_and_lead_are_escaped_on_the_page(client):
    article = ArticleFactory(
        title="<script>alert(1)</script> Titel", lead='<img src=x onerror="alert(2)">'
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Titel" in html
    assert '<img src=x onerror="alert(2)">' not in html


@pytest.mark.parametrize(
    ("body", "stored"),
    [
        ("<h3>A</h3><p>x</p>", "<h2>A</h2><p>x</p>"),
        ("<h4>A</h4><h2>B</h2><h4>C</h4>", "<h2>A</h2><h2>B</h2><h3>C</h3>"),
        ("<h2>A</h2><h3>B</h3><h4>C</h4>", "<h2>A</h2><h3>B</h3><h4>C</h4>"),
    ],
)
def test_headings_follow_the_page_title_without_skipping_a_level(body, stored):
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    assert article.body == stored
