from django.urls import path

from apps.core.urls import read_only

from . import views

app_name = "search"
urlpatterns = [path("", views.search, name="search")]

# Visitors' pages only read: no transaction around them (apps.core.urls.read_only).
urlpatterns = read_only(urlpatterns)
