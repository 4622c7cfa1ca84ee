from django.urls import path, register_converter

from apps.core.urls import read_only

from . import feeds, views


class FourDigitYearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):04d}"


class TwoDigitConverter:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):02d}"


class HalfConverter:
    regex = "[12]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(FourDigitYearConverter, "yyyy")
register_converter(TwoDigitConverter, "nn")
register_converter(HalfConverter, "half")

app_name = "news"
urlpatterns = [
    path("", views.ArticleIndexView.as_view(), name="article_list"),
    path("vorschau/<int:pk>/", views.article_preview, name="article_preview"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed_rss"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("themen/", views.TopicIndexView.as_view(), name="topic_index"),
    path("thema/<slug:slug>/", views.ArticleTagView.as_view(), name="article_tag"),
    path("thema/<slug:slug>/feed/", feeds.TopicArticlesFeed(), name="topic_feed_rss"),
    path("thema/<slug:slug>/atom/", feeds.TopicArticlesAtomFeed(), name="topic_feed_atom"),
    path("<yyyy:year>/", views.ArticleYearArchiveView.as_view(), name="archive_year"),
    path(
        "<yyyy:year>/halbjahr-<half:half>/",
        views.ArticleHalfYearArchiveView.as_view(),
        name="archive_half_year",
    ),
    path("<yyyy:year>/<nn:month>/", views.ArticleMonthArchiveView.as_view(), name="archive_month"),
    path(
        "<yyyy:year>/<nn:month>/<nn:day>/",
        views.ArticleDayArchiveView.as_view(),
        name="archive_day",
    ),
    path(
        "<yyyy:year>/<nn:month>/<nn:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="article_detail",
    ),
    # After the day patterns, which they would shadow (a slug may be "02"). Articles
    # dated
    # only to the month, or to the half-year or year (seed content, imports).
    path(
        "<yyyy:year>/<nn:month>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="article_detail_month",
    ),
    path("<yyyy:year>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail_year"),
]

# Visitors' pages only read: no transaction around them (apps.core.urls.read_only).
urlpatterns = read_only(urlpatterns)
