from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from apps.news.views import HomeView

admin.site.site_header = "Präventionskette – Redaktion"
admin.site.site_title = "Präventionskette"
admin.site.index_title = "Inhalte verwalten"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("aktuelles/", include("apps.news.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
