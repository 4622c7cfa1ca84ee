from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from apps.core.urls import read_only
from apps.network.sitemaps import NetworkSitemap
from apps.news.sitemaps import ArchiveSitemap, ArticleSitemap, TopicSitemap
from apps.pages.sitemaps import PageSitemap
from apps.pages.views import HomeView

admin.site.site_header = "Präventionskette – Redaktion"
admin.site.site_title = "Präventionskette"
admin.site.index_title = "Inhalte verwalten"

# /sitemap.xml is an index of the sections' pages (/sitemap-artikel.xml?p=2, …), so every
# article stays reachable however many there are. Classes, not instances: each request gets
# fresh sitemaps, which read their rows once and reuse them for count, date and page.
sitemaps = {
    "seiten": PageSitemap,
    "archiv": ArchiveSitemap,
    "artikel": ArticleSitemap,
    "themen": TopicSitemap,
    "netzwerk": NetworkSitemap,
}

# Visitors' pages only read: no transaction around them (apps.core.urls.read_only); the
# apps' own URL modules do the same for theirs. The admin keeps one transaction per request.
urlpatterns = [
    *read_only(
        [
            path("", HomeView.as_view(), name="home"),
            path("sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps}, name="sitemap"),
            path(
                "sitemap-<section>.xml",
                sitemap_views.sitemap,
                {"sitemaps": sitemaps},
                name="django.contrib.sitemaps.views.sitemap",
            ),
            path(
                "robots.txt",
                TemplateView.as_view(
                    template_name="robots.txt",
                    # The admin's address is not named: robots.txt is public, ADMIN_URL a secret.
                    content_type="text/plain; charset=utf-8",
                ),
                name="robots_txt",
            ),
        ]
    ),
    path("aktuelles/", include("apps.news.urls")),
    path("suche/", include("apps.search.urls")),
    path("netzwerk/", include("apps.network.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

if apps.is_installed("apps.devtools"):
    urlpatterns += [path("", include("apps.devtools.urls"))]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Editable pages (/impressum/, /datenschutz/, …) come last: any other route wins.
urlpatterns += [path("", include("apps.pages.urls"))]

handler500 = "config.error_views.server_error"
