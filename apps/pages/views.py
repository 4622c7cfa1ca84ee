from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from apps.network.selectors import published_meetings
from apps.news.models import Article

from .models import HOME_INTRO_SLUG, Page

HOME_ARTICLE_COUNT = 5
HOME_MEETING_COUNT = 3


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.published().teasers()[:HOME_ARTICLE_COUNT]
        context["intro"] = Page.objects.published().filter(slug=HOME_INTRO_SLUG).first()
        today = timezone.localdate()
        context["upcoming_meetings"] = published_meetings().upcoming(today)[:HOME_MEETING_COUNT]
        context["recent_meetings"] = published_meetings().past(today)[:HOME_MEETING_COUNT]
        return context


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published().exclude(slug=HOME_INTRO_SLUG)
