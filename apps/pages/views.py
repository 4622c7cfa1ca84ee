from django.views.generic import DetailView, TemplateView

from apps.news.models import Article

from .models import HOME_INTRO_SLUG, Page

HOME_ARTICLE_COUNT = 5


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.published()[:HOME_ARTICLE_COUNT]
        context["intro"] = Page.objects.published().filter(slug=HOME_INTRO_SLUG).first()
        return context


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published().exclude(slug=HOME_INTRO_SLUG)
