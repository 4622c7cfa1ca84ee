"""The kinds of content the site search covers, in the order results are shown."""

from apps.news.models import Article

from .services import SearchKind

SEARCH_KINDS = [
    SearchKind(
        key="artikel",
        label="Artikel",
        queryset=lambda: Article.objects.published(),
        fields=[("title", "A"), ("lead", "B"), ("body", "C")],
        text_field="body",
    ),
]


def kind_by_key(key):
    return next((kind for kind in SEARCH_KINDS if kind.key == key), None)
