"""Read-only questions about the network, answered through the published querysets."""

import datetime
from collections import defaultdict
from typing import NamedTuple

from django.db.models import (
    CharField,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
)

from apps.core.cache import cached_fragment
from apps.news.models import Article, Topic
from apps.news.topics import topic_ids_with_pages

from .models import (
    Institution,
    Meeting,
    MeetingParticipation,
    Municipality,
    ProgrammeMembership,
    Role,
)
from .models.people import Person, first_role_on


class Contribution(NamedTuple):
    """A person's parts in a meeting, listed once per person, with the role they held then."""

    person: Person
    role: Role | None
    parts: list[MeetingParticipation]

    @property
    def description(self) -> str:
        return "; ".join(part.description for part in self.parts)


class MeetingParts(NamedTuple):
    """A person's parts in one meeting (a greeting and the moderation), listed once."""

    meeting: Meeting
    parts: list[MeetingParticipation]

    @property
    def description(self) -> str:
        return "; ".join(part.description for part in self.parts)


def meetings_of(person: Person) -> list[MeetingParts]:
    """Return the public meetings a person took part in, newest first, each once."""
    participations = (
        MeetingParticipation.objects.public()
        .filter(person=person)
        .select_related("meeting", "meeting__host_municipality")
        .order_by("-meeting__starts_on", "meeting_id", "order")
    )
    by_meeting = {}
    for participation in participations:
        by_meeting.setdefault(participation.meeting_id, []).append(participation)
    return [MeetingParts(parts[0].meeting, parts) for parts in by_meeting.values()]


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


def participants_and_host_coordinators(
    meeting: Meeting,
) -> tuple[list[Contribution], list[Role]]:
    """Return the meeting's public participations, one Contribution per person with the role
    they held on the meeting's first day, and the host municipality's coordinators on that day,
    by name.

    Two queries: the participations with their people, then the roles of both at once.
    The host's coordinators are those coordinators_of() returns, chosen in Python.
    """
    day = meeting.starts_on
    host = meeting.host_municipality
    participations = list(meeting.participations.public().select_related("person"))
    wanted = Q(person_id__in={participation.person_id for participation in participations})
    if host:
        # Every coordinator role the host has had: the few that coordinators_of() would keep
        # are chosen below, in Python, which costs less than compiling its subquery.
        wanted |= Q(kind=Role.Kind.COORDINATOR, municipality=host)
    roles = list(
        Role.objects.filter(wanted).select_related("person", "municipality", "institution")
    )

    roles_by_person = defaultdict(list)
    for role in roles:
        roles_by_person[role.person_id].append(role)
    parts_by_person = defaultdict(list)  # in the order of each person's first part
    for participation in participations:
        parts_by_person[participation.person].append(participation)
    participants = [
        Contribution(person, first_role_on(roles_by_person[person.pk], day), parts)
        for person, parts in parts_by_person.items()
    ]
    if not host:
        return participants, []
    coordinators = [
        role
        for role in roles
        if role.kind == Role.Kind.COORDINATOR
        and role.municipality_id == host.pk
        and role.person.is_published
        and role.is_active_on(day)
    ]
    coordinators.sort(key=lambda role: (role.person.last_name, role.person.first_name))
    return participants, coordinators


def programme_memberships_by_municipality() -> dict[int, list[ProgrammeMembership]]:
    """Return every municipality's programme memberships, with their programmes, by its id.

    A few hundred rows for the whole network, kept with the site-wide fragments until content
    changes, so a municipality's page needs no query of its own for them.
    """

    def build():
        memberships = {}
        for membership in ProgrammeMembership.objects.select_related("programme"):
            memberships.setdefault(membership.municipality_id, []).append(membership)
        return memberships

    return cached_fragment("programme-memberships", build)


# A record's page shows its latest articles; its "Artikel zu …" page lists them all.
RELATED_ARTICLES = 10


def published_articles_about(related, *, all_photos=False) -> tuple[list[Article], bool]:
    """Return the latest published articles about a meeting, municipality, person or
    institution, and whether there are more than these.

    Their teasers show no tags, so none are fetched; all_photos fetches every photo of each
    article (a meeting's page shows the photos of its reports) instead of the lead photo.
    One query: one article more than shown tells whether there are more.
    """
    articles = related.articles.published()
    articles = articles.with_photos() if all_photos else articles.teasers()
    latest = list(articles[: RELATED_ARTICLES + 1])
    return latest[:RELATED_ARTICLES], len(latest) > RELATED_ARTICLES


def published_meetings() -> QuerySet[Meeting]:
    """Return published meetings with what their list entries show."""
    return Meeting.objects.published().select_related("host_municipality", "programme")


def _link_rows(queryset, kind, short_name):
    # Only annotations, so both halves of the UNION select the same columns in the same order.
    return (
        queryset.order_by()
        .annotate(
            link_kind=Value(kind, output_field=IntegerField()),
            link_pk=F("pk"),
            link_name=F("name"),
            link_slug=F("slug"),
            link_short_name=short_name,
        )
        .values_list("link_kind", "link_pk", "link_name", "link_slug", "link_short_name")
    )


def municipalities_and_institutions(
    municipalities: QuerySet[Municipality],
    institutions: QuerySet[Institution],
    topics: QuerySet | None = None,
) -> tuple[list, ...]:
    """Return the municipalities and institutions (and topics, if given), each by name.

    One UNION query for all of them; the records carry what links to them need (name, short
    name, slug), nothing more. A topic's `has_page` says whether a published article uses it,
    so that its topic page exists to link to (from the cached list of such topics, not from
    the query: asking the database cost the meeting page a tenth of its time).
    """
    blank = Value("", output_field=CharField())
    rows = _link_rows(municipalities, 0, blank).union(
        _link_rows(institutions, 1, F("short_name")), all=True
    )
    if topics is not None:
        rows = rows.union(_link_rows(topics, 2, blank), all=True)
        with_pages = topic_ids_with_pages()
    found = ([], [], [])
    for kind, pk, name, slug, short_name in sorted(rows, key=lambda row: (row[2], row[1])):
        if kind == 0:
            found[0].append(Municipality(pk=pk, name=name, slug=slug))
        elif kind == 1:
            found[1].append(Institution(pk=pk, name=name, slug=slug, short_name=short_name))
        else:
            topic = Topic(pk=pk, name=name, slug=slug)
            topic.has_page = pk in with_pages
            found[2].append(topic)
    return found if topics is not None else found[:2]
