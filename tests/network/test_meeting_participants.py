"""A meeting's page names each participant's role then and the host's coordinators then."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.network.models import Role
from apps.network.selectors import participants_and_host_coordinators
from tests.factories import (
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.date(2019, 5, 7)


def test_participants_come_with_the_role_held_on_the_meetings_first_day():
    town = MunicipalityFactory()
    meeting = MeetingFactory(starts_on=DAY, host_municipality=town)
    speaker = PersonFactory()
    RoleFactory(person=speaker, title="Früher", ends_on=DAY - datetime.timedelta(days=1))
    then = RoleFactory(person=speaker, title="Damals", starts_on=DAY - datetime.timedelta(days=9))
    RoleFactory(person=speaker, title="Später", starts_on=DAY + datetime.timedelta(days=1))
    guest = PersonFactory()
    MeetingParticipationFactory(meeting=meeting, person=guest, order=2)
    MeetingParticipationFactory(meeting=meeting, person=speaker, order=1)
    MeetingParticipationFactory(meeting=meeting, person=PersonFactory(hidden=True), order=3)

    participants, _ = participants_and_host_coordinators(meeting)

    assert [(c.person, c.role) for c in participants] == [(speaker, then), (guest, None)]


def test_host_coordinators_are_those_of_the_first_day_by_name_in_two_queries():
    town = MunicipalityFactory()
    meeting = MeetingFactory(starts_on=DAY, host_municipality=town)
    zeller = RoleFactory(municipality=town, person=PersonFactory(last_name="Zeller"))
    adam = RoleFactory(municipality=town, person=PersonFactory(last_name="Adam"))
    RoleFactory(municipality=town, ends_on=DAY - datetime.timedelta(days=1))
    RoleFactory(municipality=town, person=PersonFactory(hidden=True))
    RoleFactory(municipality=town, kind=Role.Kind.MAYOR)
    RoleFactory(municipality=MunicipalityFactory())
    MeetingParticipationFactory(meeting=meeting, person=zeller.person)

    with CaptureQueriesContext(connection) as queries:
        participants, coordinators = participants_and_host_coordinators(meeting)

    assert coordinators == [adam, zeller]
    assert [contribution.role for contribution in participants] == [zeller]
    assert len(queries) == 2


def test_a_person_with_two_parts_is_listed_once_and_a_role_is_not_said_twice():
    meeting = MeetingFactory(starts_on=DAY)
    host = PersonFactory()
    MeetingParticipationFactory(
        meeting=meeting, person=host, role="host", note="Begrüßung als Gastgeber", order=1
    )
    MeetingParticipationFactory(meeting=meeting, person=host, role="moderator", order=2)
    MeetingParticipationFactory(
        meeting=meeting, person=PersonFactory(), role="speaker", note="per Video", order=3
    )

    participants, _ = participants_and_host_coordinators(meeting)

    assert [c.description for c in participants] == [
        "Begrüßung als Gastgeber; Moderation",
        "Vortrag oder Impuls (per Video)",
    ]


def test_the_person_page_lists_a_meeting_with_two_parts_once(client):
    person = PersonFactory()
    meeting = MeetingFactory(starts_on=DAY, title="Bedingungen gelingenden Aufwachsens")
    MeetingParticipationFactory(meeting=meeting, person=person, role="host", note="Begrüßung")
    MeetingParticipationFactory(meeting=meeting, person=person, role="moderator", order=2)
    MeetingParticipationFactory(meeting=MeetingFactory(starts_on=DAY), person=person)

    page = client.get(person.get_absolute_url()).content.decode()

    assert page.count(meeting.get_absolute_url()) == 1
    assert "Gastgeber/in (Begrüßung); Moderation" in page
