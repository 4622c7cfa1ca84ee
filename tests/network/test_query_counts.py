import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    ProgrammeFactory,
    ProgrammeMembershipFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db


def _populate(size, *, town, isa, person, programme):
    """Add `size` meetings, people and articles around one town, institution and person."""
    for n in range(size):
        meeting = MeetingFactory(
            starts_on=datetime.date(2015 + n % 8, 1 + n % 12, 1 + n % 28),
            host_municipality=town,
            programme=programme,
            tags=["Partizipation", f"Thema {n}"],
        )
        meeting.organisers.add(isa, InstitutionFactory())
        meeting.attending_municipalities.add(town, MunicipalityFactory())
        speaker = PersonFactory()
        RoleFactory(person=speaker, municipality=town)
        RoleFactory(person=speaker, municipality=None, institution=isa)
        MeetingParticipationFactory(meeting=meeting, person=speaker)
        MeetingParticipationFactory(meeting=meeting, person=person, order=n)
        RoleFactory(person=person, municipality=MunicipalityFactory())
        ProgrammeMembershipFactory(programme=programme)
        article = ArticleFactory(tags=["Lernnetzwerk"])
        article.meetings.add(meeting)
        article.people.add(person, speaker)
        article.municipalities.add(town)
        article.institutions.add(isa)


def _query_counts(client, size):
    town = MunicipalityFactory()
    isa = InstitutionFactory()
    person = PersonFactory()
    programme = ProgrammeFactory()
    first = MeetingFactory(host_municipality=town, programme=programme)
    article = ArticleFactory()
    article.meetings.add(first)
    _populate(size, town=town, isa=isa, person=person, programme=programme)
    urls = {
        "overview": reverse("network:overview"),
        "meeting_list": reverse("network:meeting_list"),
        "meeting_detail": first.get_absolute_url(),
        "municipality_list": reverse("network:municipality_list"),
        "municipality_detail": town.get_absolute_url(),
        "person_detail": person.get_absolute_url(),
        "institution_list": reverse("network:institution_list"),
        "institution_detail": isa.get_absolute_url(),
        "programme_detail": programme.get_absolute_url(),
        "article_detail": article.get_absolute_url(),
        "meetings_ical": reverse("network:meetings_ical"),
    }
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_network_pages_make_as_many_queries_for_many_records_as_for_few(client):
    few = _query_counts(client, 2)
    many = _query_counts(client, 9)
    assert few == many
