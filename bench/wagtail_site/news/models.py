"""The news pages: an index listing its articles newest first, and the article itself."""

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

PER_PAGE = 10


class NewsIndexPage(Page):
    intro = RichTextField(blank=True)

    subpage_types = ["news.NewsPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        context["articles"] = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsPage(Page):
    date = models.DateField("Datum", db_index=True)
    intro = models.CharField("Einleitung", max_length=250)
    body = RichTextField("Text", blank=True)

    parent_page_types = ["news.NewsIndexPage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
