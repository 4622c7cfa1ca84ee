from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from apps.network.sitemaps import MeetingSitemap, NetworkIndexSitemap, NetworkRecordSitemap
from apps.news.sitemaps import ArchiveSitemap, ArticleSitemap, HomeSitemap
from apps.pages.sitemaps import PageSitemap
from apps.pages.views import HomeView, bench_trivial

admin.site.site_header = "Präventionskette – Redaktion"
admin.site.site_title = "Präventionskette"
admin.site.index_title = "Inhalte verwalten"

sitemaps = {
    "home": HomeSitemap,
    "artikel": ArticleSitemap,
    "archiv": ArchiveSitemap,
    "seiten": PageSitemap,
    "netzwerk": NetworkIndexSitemap,
    "treffen": MeetingSitemap,
    "netzwerk-eintraege": NetworkRecordSitemap,
}

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("aktuelles/", include("apps.news.urls")),
    path("suche/", include("apps.search.urls")),
    path("netzwerk/", include("apps.network.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain; charset=utf-8",
            extra_context={"admin_url": settings.ADMIN_URL},
        ),
        name="robots_txt",
    ),
]

if settings.BENCH_TRIVIAL_VIEW:
    urlpatterns += [path("bench/trivial/", bench_trivial, name="bench_trivial")]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Editable pages (/impressum/, /datenschutz/, …) come last: any other route wins.
urlpatterns += [path("", include("apps.pages.urls"))]
