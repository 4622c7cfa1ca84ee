from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from apps.core.text import plain_year
from apps.news.models import TaggedItem, Topic
from apps.news.views import ArticleArchiveMixin

from .models import (
    Institution,
    Meeting,
    Municipality,
    Person,
    Programme,
    ProgrammeMembership,
    Role,
)
from .selectors import (
    meetings_of,
    municipalities_and_institutions,
    participants_and_host_coordinators,
    programme_memberships_by_municipality,
    published_articles_about,
    published_meetings,
)

OVERVIEW_MEETINGS = 5


def _latest_articles(found):
    articles, more = found
    return {"articles": articles, "more_articles": more}


def _memberships():
    return Prefetch(
        "programme_memberships",
        queryset=ProgrammeMembership.objects.select_related("programme"),
    )


def _roles_of_published_people():
    return Role.objects.of_published_people().select_related(
        "person", "municipality", "institution"
    )


class OverviewView(TemplateView):
    template_name = "network/overview.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            upcoming_meetings=published_meetings().upcoming(today)[:OVERVIEW_MEETINGS],
            recent_meetings=published_meetings().past(today)[:OVERVIEW_MEETINGS],
            municipalities=Municipality.objects.all(),
            institutions=Institution.objects.filter(parent__isnull=True),
            programmes=Programme.objects.all(),
            **kwargs,
        )


MEETINGS_PER_PAGE = 50


class MeetingListView(ListView):
    """Published meetings, newest first, 50 to a page; the template groups a page by year."""

    template_name = "network/meeting_list.html"
    paginate_by = MEETINGS_PER_PAGE

    def get_queryset(self):
        meetings = published_meetings()
        # ?jahr=2017 narrows the list to one year (the calendar links there); anything that
        # is not a plausible year is ignored.
        self.year = plain_year(self.request.GET.get("jahr", ""))
        if self.year is not None:
            meetings = meetings.filter(starts_on__year=self.year)
        return meetings

    def get_context_data(self, **kwargs):
        return super().get_context_data(year_filter=self.year, **kwargs)


class MeetingDetailView(DetailView):
    template_name = "network/meeting_detail.html"

    def get_queryset(self):
        return published_meetings()

    def get_context_data(self, **kwargs):
        meeting = self.object
        articles, more_articles = published_articles_about(meeting, all_photos=True)
        # The meeting's short lists (attending municipalities, organisers, topics) in one query.
        attending, organisers, tags = municipalities_and_institutions(
            Municipality.objects.filter(attended_meetings=meeting),
            Institution.objects.filter(organised_meetings=meeting),
            Topic.objects.filter(tagged_items__in=TaggedItem.objects.of(Meeting, [meeting.pk])),
        )
        participants, host_coordinators = participants_and_host_coordinators(meeting)
        return super().get_context_data(
            meeting=meeting,
            participants=participants,
            host_coordinators=host_coordinators,
            organisers=organisers,
            tags=tags,
            attending_municipalities=attending,
            articles=articles,
            more_articles=more_articles,
            # The photos of the reports on this meeting, in the order of their articles.
            photo_uses=[use for article in articles for use in article.article_photos.all()],
            **kwargs,
        )


class MunicipalityListView(ListView):
    template_name = "network/municipality_list.html"

    def get_queryset(self):
        return Municipality.objects.prefetch_related(_memberships())


class MunicipalityDetailView(DetailView):
    # The record pages (municipality, institution, person, programme) read their own lists in
    # get_context_data with plain queries: for one record, Django's prefetching costs more than
    # the query it runs (docs/performance.md, "Seventh round").
    model = Municipality
    template_name = "network/municipality_detail.html"

    def get_context_data(self, **kwargs):
        municipality = self.object
        today = timezone.localdate()
        # One query for every role held in the municipality and one for the meetings it
        # hosted or attended, split here instead of one query per list.
        roles = list(_roles_of_published_people().filter(municipality=municipality))
        coordinators = [role for role in roles if role.kind == Role.Kind.COORDINATOR]
        # Attended through a subquery rather than a join, so that no row comes twice and
        # nothing needs DISTINCT (which sorted every column of every meeting).
        attended = Meeting.attending_municipalities.through.objects.filter(
            municipality=municipality
        ).values("meeting_id")
        meetings = list(
            published_meetings().filter(Q(host_municipality=municipality) | Q(pk__in=attended))
        )
        current = [role for role in coordinators if role.is_active_on(today)]
        former = [role for role in coordinators if role.ends_on and role.ends_on < today]
        # Known only from mentions: nobody is "current", but the last ones named are what is
        # known about who coordinates, with when they were last named.
        last_named = []
        if not current:
            mentioned = [role for role in former if role.as_mentioned]
            latest = max((role.ends_on for role in mentioned), default=None)
            last_named = [role for role in mentioned if role.ends_on == latest]
        return super().get_context_data(
            municipality=municipality,
            institutions=list(municipality.institutions.all()),
            memberships=programme_memberships_by_municipality().get(municipality.pk, []),
            current_coordinators=current,
            last_named_coordinators=last_named,
            former_coordinators=[role for role in former if role not in last_named],
            other_roles=[role for role in roles if role.kind != Role.Kind.COORDINATOR],
            hosted_meetings=[m for m in meetings if m.host_municipality_id == municipality.pk],
            attended_meetings=[m for m in meetings if m.host_municipality_id != municipality.pk],
            **_latest_articles(published_articles_about(municipality)),
            **kwargs,
        )


class PersonListView(ListView):
    """Everyone visitors may see, by last name."""

    template_name = "network/person_list.html"

    def get_queryset(self):
        return Person.objects.published().order_by("last_name", "first_name")


class PersonDetailView(DetailView):
    template_name = "network/person_detail.html"

    def get_queryset(self):
        return Person.objects.published()

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            person=person,
            roles=list(person.roles.select_related("municipality", "institution")),
            participations=meetings_of(person),
            **_latest_articles(published_articles_about(person)),
            **kwargs,
        )


class InstitutionListView(ListView):
    template_name = "network/institution_list.html"

    def get_queryset(self):
        return Institution.objects.select_related("parent").order_by("kind", "name")


class InstitutionDetailView(DetailView):
    template_name = "network/institution_detail.html"

    def get_queryset(self):
        return Institution.objects.select_related("parent", "municipality")

    def get_context_data(self, **kwargs):
        institution = self.object
        return super().get_context_data(
            institution=institution,
            children=list(institution.children.all()),
            roles=_roles_of_published_people().filter(institution=institution),
            organised_meetings=published_meetings().filter(organisers=institution),
            **_latest_articles(published_articles_about(institution)),
            **kwargs,
        )


class ProgrammeDetailView(DetailView):
    template_name = "network/programme_detail.html"

    def get_queryset(self):
        return Programme.objects.select_related("predecessor")

    def get_context_data(self, **kwargs):
        programme = self.object
        return super().get_context_data(
            programme=programme,
            successors=list(programme.successors.all()),
            memberships=list(
                programme.memberships.select_related("municipality").order_by(
                    "joined_year", "municipality__name"
                )
            ),
            meetings=published_meetings().filter(programme=programme),
            **kwargs,
        )


class RecordArticleListView(ArticleArchiveMixin, ListView):
    """Every published article about one meeting, municipality, person or institution."""

    template_name = "network/record_articles.html"
    allow_empty = True
    records = None  # for each URL: a callable that returns the records visitors may see

    def get_queryset(self):
        self.record = get_object_or_404(self.records(), slug=self.kwargs["slug"])
        return self.record.articles.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, **kwargs)
