from django.urls import path

from apps.core.urls import read_only

from . import views

urlpatterns = [
    path("bench/trivial/", views.bench_trivial, name="bench_trivial"),
]

# The benchmark's two-byte view stands for a visitor's page, and runs as those do: without a
# transaction (apps.core.urls.read_only).
urlpatterns = read_only(urlpatterns)
