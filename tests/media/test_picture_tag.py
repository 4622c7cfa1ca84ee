"""The picture tag writes its HTML in Python (issue #19, "Rendering"); it must stay byte for
byte what the template it replaced rendered, escaping included."""

import pytest
from django.template import Context, Engine
from django.utils.safestring import mark_safe

from apps.media.templatetags.photo_tags import picture, picture_context
from tests.factories import PhotoFactory
from tests.factories.media import image_upload

pytestmark = pytest.mark.django_db

# templates/media/includes/picture.html as it was (commit 6ee655e).
FORMER_TEMPLATE = """\
{# Tests read the <source> tag and the start of the <img> tag as rendered; djLint would spread their attributes. #}
{# djlint:off #}
{% if figure %}<figure class="photo{% if css_class %} {{ css_class }}{% endif %}">{% endif %}
  <picture>
    <source type="image/webp" srcset="{{ webp_srcset }}" sizes="{{ sizes }}">
    <img src="{{ src.url }}" srcset="{{ fallback_srcset }}" sizes="{{ sizes }}" width="{{ src.width }}" height="{{ src.height }}"
         alt="{{ photo.alt_text }}" loading="{{ loading }}" decoding="async"{% if not figure and css_class %}
         class="{{ css_class }}"{% endif %}{% if loading == "eager" %}
         fetchpriority="high"{% endif %}>
  </picture>
{% if figure %}
    <figcaption>{% if caption %}{{ caption }}{% endif %}{% if caption and photo.credit %} · {% endif %}{% if photo.credit %}Foto: {{ photo.credit }}{% endif %}{% if caption or photo.credit %} · {% endif %}<a class="photo-large" href="{{ largest.url }}">Groß anzeigen<span class="visually-hidden">: {{ photo.alt_text }} ({{ largest.width }} × {{ largest.height }} Pixel)</span></a></figcaption>
  </figure>
{% endif %}
{# djlint:on #}
"""  # noqa: E501

OPTIONS = [
    {},
    {
        "shape": "landscape",
        "sizes": "(min-width: 40rem) 10rem, 30vw",
        "figure": False,
        "css_class": "teaser-photo",
    },
    {"loading": "eager"},
    {"loading": "eager", "css_class": 'a"b', "figure": False},
    {"figure": False},
    {"caption": ""},
    {"caption": "Eigene <i>Bildunterschrift</i> & mehr"},
    {"caption": mark_safe("<em>schon sicher</em>")},
    {"css_class": "x", "sizes": "a&b"},
]


@pytest.mark.parametrize(
    ("caption", "credit", "alt_text"),
    [
        ("", "", "Ein Foto"),
        ("Kinder <spielen> & lachen", "", 'Alt "mit" <Zeichen>'),
        ("", "Max & Moritz", "Ein Foto"),
        ("Unterschrift", "Foto-Werkstatt", "Ein Foto"),
    ],
)
def test_picture_is_what_the_former_template_rendered(caption, credit, alt_text):
    photo = PhotoFactory(
        image=image_upload(size=(1800, 1200)), caption=caption, credit=credit, alt_text=alt_text
    )
    template = Engine().from_string(FORMER_TEMPLATE)
    for options in OPTIONS:
        expected = template.render(Context(picture_context(photo, **options)))
        assert picture(photo, **options) == expected, options
