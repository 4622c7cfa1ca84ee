from django.urls import path

from . import views

urlpatterns = [
    path("bench/trivial/", views.bench_trivial, name="bench_trivial"),
]
