"""Read-only questions about the network, answered through the published querysets."""

import datetime

from django.db.models import Prefetch, QuerySet

from apps.news.models import Article

from .models import Meeting, MeetingParticipation, Municipality, Role


def coordinators_of(*, municipality: Municipality, on: datetime.date) -> QuerySet[Role]:
    """Return the coordinator roles of a municipality held on a day, with their people."""
    return (
        Role.objects.coordinators()
        .of_published_people()
        .active_on(on)
        .filter(municipality=municipality)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


def coordinator_history(*, municipality: Municipality) -> QuerySet[Role]:
    """Return every coordinator role of a municipality, the latest first."""
    return (
        Role.objects.coordinators()
        .of_published_people()
        .filter(municipality=municipality)
        .select_related("person")
    )


# A record's page shows its latest articles; the news archive holds the rest.
RELATED_ARTICLES = 20


def published_articles_about(related) -> QuerySet[Article]:
    """Return the latest published articles about a meeting, municipality, person or institution.

    Their teasers show no tags, so none are fetched.
    """
    return related.articles.published().with_photos()[:RELATED_ARTICLES]


def public_participations() -> QuerySet[MeetingParticipation]:
    """Return who did what at published meetings, with the roles that give their title then."""
    return (
        MeetingParticipation.objects.public()
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "person__roles",
                queryset=Role.objects.select_related("municipality", "institution"),
            )
        )
    )


def published_meetings() -> QuerySet[Meeting]:
    """Return published meetings with what their list entries show."""
    return Meeting.objects.published().select_related("host_municipality", "programme")
