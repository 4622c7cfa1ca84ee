import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.urls import reverse

from apps.network.models import MeetingParticipation, Role
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    ProgrammeFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

HIDDEN_MEETING = "Verborgenes Vorbereitungstreffen"
HIDDEN_PERSON = "Geheimrath"


@pytest.fixture
def network():
    """A published meeting and person next to an unpublished meeting and person, linked alike."""
    programme = ProgrammeFactory(slug="kinderstark")
    town = MunicipalityFactory(name="Neuss", slug="neuss")
    isa = InstitutionFactory(name="Institut für Soziale Arbeit", slug="isa")
    shown = MeetingFactory(
        title="Netzwerken ist kein Luxus",
        starts_on=datetime.date(2022, 11, 15),
        host_municipality=town,
        programme=programme,
    )
    hidden = MeetingFactory(
        title=HIDDEN_MEETING,
        starts_on=datetime.date(2022, 11, 16),
        host_municipality=town,
        programme=programme,
        hidden=True,
    )
    for meeting in (shown, hidden):
        meeting.organisers.add(isa)
        meeting.attending_municipalities.add(town)
    visible_person = PersonFactory(first_name="Josefine", last_name="Paul", slug="josefine-paul")
    hidden_person = PersonFactory(last_name=HIDDEN_PERSON, slug="geheim", hidden=True)
    RoleFactory(person=visible_person, municipality=None, institution=isa, kind=Role.Kind.MINISTER)
    RoleFactory(person=hidden_person, municipality=town)
    RoleFactory(person=hidden_person, municipality=None, institution=isa)
    MeetingParticipationFactory(meeting=shown, person=visible_person)
    MeetingParticipationFactory(meeting=shown, person=hidden_person)
    MeetingParticipationFactory(
        meeting=hidden, person=visible_person, role=MeetingParticipation.Role.GREETING
    )
    article = ArticleFactory(
        title="Großes Lernnetzwerktreffen in Neuss",
        published_at=datetime.datetime(2022, 11, 17, 12, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    article.meetings.add(shown, hidden)
    article.people.add(visible_person, hidden_person)
    article.municipalities.add(town)
    article.institutions.add(isa)
    return {
        "shown": shown,
        "hidden": hidden,
        "person": visible_person,
        "hidden_person": hidden_person,
        "town": town,
        "isa": isa,
        "programme": programme,
        "article": article,
    }


def _public_urls(network):
    return [
        reverse("network:overview"),
        reverse("network:meeting_list"),
        network["shown"].get_absolute_url(),
        reverse("network:municipality_list"),
        network["town"].get_absolute_url(),
        network["person"].get_absolute_url(),
        reverse("network:institution_list"),
        network["isa"].get_absolute_url(),
        network["programme"].get_absolute_url(),
        network["article"].get_absolute_url(),
        reverse("news:archive_month", kwargs={"year": 2022, "month": "11"}),
        reverse("network:meetings_ical"),
        network["shown"].get_ical_url(),
    ]


def test_unpublished_meeting_and_person_are_absent_from_every_public_page(client, network):
    for url in _public_urls(network):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert HIDDEN_MEETING not in content, url
        assert network["hidden"].get_absolute_url() not in content, url
        assert HIDDEN_PERSON not in content, url
        assert network["hidden_person"].get_absolute_url() not in content, url


def test_published_meeting_and_person_are_shown_where_they_belong(client, network):
    meeting_page = client.get(network["shown"].get_absolute_url()).content.decode()
    assert "Josefine Paul" in meeting_page
    person_page = client.get(network["person"].get_absolute_url()).content.decode()
    assert "Netzwerken ist kein Luxus" in person_page
    article_page = client.get(network["article"].get_absolute_url()).content.decode()
    assert network["shown"].get_absolute_url() in article_page


def test_unpublished_meeting_page_and_its_calendar_file_are_not_found(client, network):
    assert client.get(network["hidden"].get_absolute_url()).status_code == 404
    assert client.get(network["hidden"].get_ical_url()).status_code == 404


def test_unpublished_person_page_is_not_found(client, network):
    assert client.get(network["hidden_person"].get_absolute_url()).status_code == 404


def test_calendar_does_not_mark_the_day_of_an_unpublished_meeting(network):
    html = Template("{% load sidebar_tags %}{% month_calendar 2022 11 %}").render(Context())
    assert 'aria-label="15. November 2022: 1 Treffen"' in html
    assert "16. November 2022" not in html


def test_draft_article_is_absent_from_meeting_page(client, network):
    draft = ArticleFactory(title="Entwurf über das Treffen", draft=True)
    draft.meetings.add(network["shown"])
    content = client.get(network["shown"].get_absolute_url()).content.decode()
    assert "Entwurf über das Treffen" not in content
    assert "Großes Lernnetzwerktreffen in Neuss" in content
