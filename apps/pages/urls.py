from django.urls import path

from apps.core.urls import read_only

from . import views

app_name = "pages"
urlpatterns = [
    path("<slug:slug>/", views.PageDetailView.as_view(), name="page_detail"),
]

# Visitors' pages only read: no transaction around them (apps.core.urls.read_only).
urlpatterns = read_only(urlpatterns)
