import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView
from django.views.generic.dates import (
    ArchiveIndexView,
    BaseDateListView,
    DayArchiveView,
    MonthArchiveView,
    YearArchiveView,
    YearMixin,
)
from django.views.generic.list import MultipleObjectTemplateResponseMixin

from apps.core.cache import cached_fragment
from apps.core.dates import DatePrecision
from apps.editorial.services import change_preview

from .models import Article, Topic
from .months import (
    half_years_with_articles_in,
    local_midnight,
    month_after,
    months_with_articles_in,
    neighbour_half_years,
    neighbour_years,
)
from .topics import published_topics


def _date_or_404(year, month=1, day=1, *, days_later=0):
    """Return the day the URL names (or one some days later); a 404 for a day that does not
    exist (2019/02/30, the year 0, the day after 9999/12/31) or whose Berlin midnight has no
    UTC time a database can store (1 January of the year 1)."""
    try:
        date = datetime.date(int(year), int(month), int(day)) + datetime.timedelta(days=days_later)
        local_midnight(date).astimezone(datetime.UTC)
        return date
    except (ValueError, OverflowError) as error:
        raise Http404(_("Ungültiges Datum")) from error


def _period_or_404(year, month=None, day=None):
    """Return (first day, day after the last) of the year, month or day a URL names."""
    if day is not None:
        return _date_or_404(year, month, day), _date_or_404(year, month, day, days_later=1)
    if month is not None:
        start = _date_or_404(year, month)
        return start, _date_or_404(*month_after(start.year, start.month))
    start = _date_or_404(year)
    return start, _date_or_404(start.year + 1)


class ArticleArchiveMixin:
    """Reach articles through published() and count days in the site's time zone."""

    date_field = "published_at"
    month_format = "%m"
    day_format = "%d"
    make_object_list = True
    # published() alone decides what is visible; Django's own future check compares with
    # the server's calendar day (datetime.date.today()), not Berlin's.
    allow_future = True

    # The date precisions a period's page lists (None: all); a day's archive shows only
    # articles known to be of that day, not those placed there for sorting.
    precisions = None

    def get_queryset(self):
        articles = Article.objects.published()
        return articles.dated_to(*self.precisions) if self.precisions else articles

    def get_paginate_by(self, queryset):
        # Read per request, not when the module is imported; lists are always paginated, so
        # every page reads its teasers through paginate_queryset below.
        return max(settings.NEWS_PAGINATE_BY, 1)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        # The page's ids come from walking the index alone (however deep the page); only its
        # ten rows are then read as teasers, with their lead photos.
        page.object_list = (
            Article.objects.filter(pk__in=object_list.values("pk"))
            .teasers()
            .order_by(*Article._meta.ordering)
        )
        return paginator, page, page.object_list, is_paginated

    def get_period_queryset(self, start, end):
        """Return the articles published from start (inclusive) to end (exclusive), Berlin days."""
        return self.get_dated_queryset(
            **{
                f"{self.date_field}__gte": local_midnight(start),
                f"{self.date_field}__lt": local_midnight(end),
            }
        )

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        # Counting thousands of rows (a year, a topic, the whole archive) is a list page's
        # largest cost; the count only changes with the content, and the path names the list.
        paginator.count = cached_fragment(f"article-count:{self.request.path}", queryset.count)
        return paginator


class ArticleIndexView(ArticleArchiveMixin, ArchiveIndexView):
    allow_empty = True
    template_name = "news/article_list.html"

    def get_dated_items(self):
        # The sidebar lists the months; the index needs no date_list of its own.
        return None, self.get_dated_queryset(), {}


class ArticleYearArchiveView(ArticleArchiveMixin, YearArchiveView):
    def get_dated_items(self):
        # Django's own version adds a date_list query and one query each for the previous and
        # next year; the page needs neither: the neighbouring years and the month the sidebar
        # calendar shows come from the cached month archive list.
        date, end = _period_or_404(self.get_year())
        queryset = self.get_period_queryset(date, end)
        months = months_with_articles_in(date.year)
        previous_year, next_year = neighbour_years(date.year)
        return (
            None,
            queryset,
            {
                "year": date,
                "previous_year": datetime.date(previous_year, 1, 1) if previous_year else None,
                "next_year": datetime.date(next_year, 1, 1) if next_year else None,
                "calendar_month": months[0] if months else date,
                # Only half-years with articles are linked; an empty one would be a 404.
                "half_years": half_years_with_articles_in(date.year),
            },
        )


class ArticleMonthArchiveView(ArticleArchiveMixin, MonthArchiveView):
    precisions = (DatePrecision.DAY, DatePrecision.MONTH)

    def get_dated_items(self):
        # No date_list and no previous/next month queries: the sidebar calendar links the
        # nearest months with articles.
        date, end = _period_or_404(self.get_year(), self.get_month())
        return None, self.get_period_queryset(date, end), {"month": date}


class ArticleDayArchiveView(ArticleArchiveMixin, DayArchiveView):
    precisions = (DatePrecision.DAY,)

    def get_dated_items(self):
        # No previous/next day or month queries; the sidebar calendar links the days.
        date, following = _period_or_404(self.get_year(), self.get_month(), self.get_day())
        return None, self.get_period_queryset(date, following), {"day": date}


class ArticleHalfYearArchiveView(
    ArticleArchiveMixin, YearMixin, MultipleObjectTemplateResponseMixin, BaseDateListView
):
    """Articles of one half of a year ("2. Halbjahr 2017"); Django has no such view."""

    template_name_suffix = "_archive_half_year"
    precisions = (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.HALF_YEAR)

    def get_dated_items(self):
        year = int(self.get_year())
        half = self.kwargs["half"]
        start = _date_or_404(year, 1 if half == 1 else 7)
        end = _date_or_404(year + (half == 2), 7 if half == 1 else 1)
        queryset = self.get_period_queryset(start, end)
        # The month the sidebar calendar shows comes from the cached month archive list,
        # not from a date_list query.
        first, last = (1, 6) if half == 1 else (7, 12)
        months = [m for m in months_with_articles_in(start.year) if first <= m.month <= last]
        previous_half, next_half = neighbour_half_years(year, half)
        return (
            None,
            queryset,
            {
                "year": start,
                "half": half,
                "calendar_month": months[0] if months else start,
                "previous_half": previous_half,
                "next_half": next_half,
            },
        )


class ArticleDetailView(DetailView):
    """An article by the date in its address and its slug: /2017/11/13/slug/, or /2017/11/slug/
    and /2017/slug/ for articles dated only to the month or less precisely. An address that
    names more or less of the date than is known answers 301 to the article's own address."""

    def get_queryset(self):
        return Article.objects.published()

    def get_object(self, queryset=None):
        kwargs = self.kwargs
        start, end = _period_or_404(kwargs["year"], kwargs.get("month"), kwargs.get("day"))
        article = (
            (queryset or self.get_queryset())
            .filter(
                slug=kwargs["slug"],
                published_at__gte=local_midnight(start),
                published_at__lt=local_midnight(end),
            )
            .first()
        )
        if article is None:
            raise Http404(_("Kein Artikel unter dieser Adresse"))
        return article

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if request.path != self.object.get_absolute_url():
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        return super().get_context_data(**article_parts(self.object), **kwargs)


def article_parts(article):
    """Return the article page's photos (by position, the lead photo first) and topics."""
    # Plain queries: for one article, Django's prefetching costs more than the queries it runs
    # (docs/performance.md, "Seventh round").
    photo_uses = list(article.article_photos.select_related("photo"))
    return {
        "photo_uses": photo_uses,
        "lead_photo": photo_uses[0].photo if photo_uses else None,
        "topics": list(article.tags.all()),
    }


class TopicIndexView(ListView):
    """Every topic of published articles, alphabetically, with how many there are."""

    template_name = "news/topic_index.html"

    def get_queryset(self):
        return list(published_topics())  # a copy: the cached list is shared


class ArticleTagView(ArticleArchiveMixin, ListView):
    template_name = "news/article_tag.html"
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return super().get_queryset().tagged_with(self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


@never_cache
def article_preview(request, pk):
    """Show any article, published or not, to staff who may view articles in the admin (a
    staff account outside the editorial groups gets 403); never cached. Anonymous visitors get
    a 404, not a redirect that would name the admin's secret address."""
    if not request.user.is_authenticated:
        raise Http404
    if not (request.user.is_staff and request.user.has_perm("news.view_article")):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=pk)
    waiting = change_preview(article)
    if article.published_at is None:
        # A draft without a chosen time is shown as it would look if published now (not saved).
        article.published_at = timezone.now()
        article.publication_date = timezone.localdate(article.published_at)
    return render(
        request,
        "news/article_detail.html",
        {
            "object": article,
            "article": article,
            **article_parts(article),
            "is_preview": True,
            "waiting_change": waiting,
        },
    )
