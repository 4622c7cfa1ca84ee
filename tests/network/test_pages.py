import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.network.models import MeetingParticipation, Role
from apps.network.views import MEETINGS_PER_PAGE
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    PhotoFactory,
    ProgrammeFactory,
    ProgrammeMembershipFactory,
    RoleFactory,
)
from tests.site_pages import structured_data

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _link(html, url):
    assert f'href="{url}"' in html, url
    return url


def test_visitor_walks_from_article_to_meeting_to_host_and_its_coordinators(client, ahlen):
    meeting = MeetingFactory(
        sequence_number=17,
        title="Wir wollen die Prävention stärken!",
        starts_on=datetime.date(2017, 9, 13),
        host_municipality=ahlen,
    )
    article = ArticleFactory(title="Ahlen nimmt am 17. Lernnetzwerktreffen teil")
    article.meetings.add(meeting)

    article_page = client.get(article.get_absolute_url()).content.decode()
    meeting_url = _link(article_page, meeting.get_absolute_url())

    meeting_page = client.get(meeting_url).content.decode()
    assert "17. Lernnetzwerktreffen" in meeting_page
    assert "Ahlen nimmt am 17. Lernnetzwerktreffen teil" in meeting_page
    host_url = _link(meeting_page, ahlen.get_absolute_url())

    host_page = client.get(host_url).content.decode()
    now = host_page.split('class="coordinators-now"')[1].split("</ul>")[0]
    then = host_page.split('class="coordinators-then"')[1].split("</ul>")[0]
    assert "Ulrike Gerhards" in now and "Lisa Kalendruschat" in now
    assert "Marina Bänke" in then and "Marina Bänke" not in now
    assert "Dr. Alexander Berger" in host_page


def test_meeting_page_names_the_host_coordinator_at_the_time(client, ahlen):
    meeting = MeetingFactory(starts_on=datetime.date(2017, 9, 13), host_municipality=ahlen)
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Koordination damals" in content
    assert "Marina Bänke" in content


def test_meeting_page_names_only_the_host_coordinators_of_its_day_who_are_public(client, ahlen):
    # The host's coordinators are chosen in Python from all of its coordinator roles: those of
    # another time, a hidden person and another municipality's coordinator stay out.
    RoleFactory(
        person=PersonFactory(first_name="Nicht", last_name="Öffentlich", hidden=True),
        municipality=ahlen,
        starts_on=datetime.date(2017, 1, 1),
    )
    RoleFactory(
        person=PersonFactory(first_name="Anderswo", last_name="Koordinatorin"),
        municipality=MunicipalityFactory(name="Hamm"),
        starts_on=datetime.date(2017, 1, 1),
    )
    meeting = MeetingFactory(starts_on=datetime.date(2017, 9, 13), host_municipality=ahlen)
    content = client.get(meeting.get_absolute_url()).content.decode()
    named = content.split("Koordination damals: ")[1].split("</span>")[0]
    assert re.findall(r">([^<]+)</a>", named) == ["Marina Bänke"]


def test_meeting_page_links_a_topic_only_while_it_has_a_topic_page(client):
    meeting = MeetingFactory(tags=["Kita", "Hort"])
    ArticleFactory(tags=["Hort"], draft=True)  # a draft makes no topic page
    article = ArticleFactory(tags=["Kita"])

    def topics():
        content = client.get(meeting.get_absolute_url()).content.decode()
        return content.split('class="article-tags">Themen: ')[1].split("</p>")[0]

    assert topics() == 'Hort, <a href="/aktuelles/thema/kita/">Kita</a>'
    # Publishing and unpublishing articles changes which topics have pages, at once.
    ArticleFactory(tags=["Hort"])
    article.status = article.Status.DRAFT
    article.save()
    assert topics() == '<a href="/aktuelles/thema/hort/">Hort</a>, Kita'


def test_future_meeting_names_the_host_coordinator_without_damals(client, ahlen):
    meeting = MeetingFactory(
        starts_on=timezone.localdate() + datetime.timedelta(days=60), host_municipality=ahlen
    )
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Koordination damals" not in content
    assert "(Koordination: " in content


def test_meeting_page_says_how_many_of_the_municipalities_are_named(client):
    meeting = MeetingFactory(municipality_count=40)
    meeting.attending_municipalities.add(*[MunicipalityFactory() for _ in range(3)])
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "<dt>Kommunen insgesamt</dt><dd>40</dd>" in content
    assert "Namentlich genannte Kommunen (3 von 40)" in content
    assert "Ulrike Gerhards" not in content


def test_meeting_page_shows_speakers_with_their_role_at_the_time(client):
    ministry = InstitutionFactory(
        name="Ministerium für Kinder, Familie, Flüchtlinge und Integration"
    )
    bothe = PersonFactory(first_name="Andreas", last_name="Bothe", slug="andreas-bothe")
    RoleFactory(
        person=bothe,
        municipality=None,
        institution=ministry,
        kind=Role.Kind.STATE_SECRETARY,
        title="Staatssekretär",
        starts_on=datetime.date(2017, 7, 1),
    )
    meeting = MeetingFactory(starts_on=datetime.date(2017, 9, 13))
    meeting.organisers.add(ministry)
    MeetingParticipationFactory(
        meeting=meeting,
        person=bothe,
        role=MeetingParticipation.Role.GREETING,
        note="per Videobotschaft",
    )
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "Andreas Bothe</a>, Staatssekretär – Begrüßung (per Videobotschaft)" in content
    assert ministry.get_absolute_url() in content


def test_two_day_meeting_shows_both_days_and_approximate_count(client):
    meeting = MeetingFactory(
        starts_on=datetime.date(2018, 11, 29),
        ends_on=datetime.date(2018, 11, 30),
        participant_count=70,
        participants_qualifier="ca.",
    )
    content = client.get(meeting.get_absolute_url()).content.decode()
    assert "29. und 30. November 2018" in content
    assert "ca. 70" in content


def test_meeting_list_groups_meetings_by_year_newest_first(client):
    MeetingFactory(title="Das Lernnetzwerk wächst", starts_on=datetime.date(2017, 4, 3))
    MeetingFactory(title="Gemeinsam besser werden", starts_on=datetime.date(2016, 6, 1))
    MeetingFactory(title="Netzwerken ist kein Luxus", starts_on=datetime.date(2022, 11, 15))
    content = client.get(reverse("network:meeting_list")).content.decode()
    years = re.findall(r'<h2 id="jahr-(\d{4})">', content)
    assert years == ["2022", "2017", "2016"]
    assert content.index("Netzwerken ist kein Luxus") < content.index("Das Lernnetzwerk wächst")


def test_calendar_marks_meeting_days_for_eyes_and_screen_readers():
    MeetingFactory(
        slug="21-lernnetzwerktreffen",
        starts_on=datetime.date(2018, 11, 29),
        ends_on=datetime.date(2018, 11, 30),
    )
    ArticleFactory(published_at=datetime.datetime(2018, 11, 29, 10, tzinfo=BERLIN))
    html = Template("{% load sidebar_tags %}{% month_calendar 2018 11 %}").render(Context())
    assert 'aria-label="29. November 2018: 1 Artikel, 1 Treffen"' in html
    assert 'aria-label="30. November 2018: 1 Treffen"' in html
    assert html.count('has-meeting"') == 2
    assert html.count('class="meeting-marker" aria-hidden="true"') == 3  # two days and legend
    assert 'href="/aktuelles/2018/11/29/"' in html
    assert 'href="/netzwerk/treffen/21-lernnetzwerktreffen/"' in html


def test_calendar_day_with_several_meetings_links_to_the_meeting_list():
    MeetingFactory.create_batch(2, starts_on=datetime.date(2017, 11, 9))
    html = Template("{% load sidebar_tags %}{% month_calendar 2017 11 %}").render(Context())
    assert 'aria-label="9. November 2017: 2 Treffen"' in html
    assert 'href="/netzwerk/treffen/?jahr=2017"' in html


def test_main_navigation_links_network_and_meetings(client):
    content = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("network:overview")}"' in content
    assert f'href="{reverse("network:meeting_list")}"' in content


def test_every_network_record_has_a_page_to_link_to(client):
    participation = MeetingParticipationFactory()
    role = RoleFactory(person=participation.person)
    membership = ProgrammeMembershipFactory(municipality=role.municipality)
    records = [
        participation,
        participation.meeting,
        participation.person,
        role,
        role.municipality,
        membership,
        membership.programme,
        InstitutionFactory(),
    ]
    for record in records:
        assert client.get(record.get_absolute_url()).status_code == 200, record


def test_meeting_page_shows_the_photos_of_its_published_reports(client):
    meeting = MeetingFactory()
    report = ArticleFactory()
    report.meetings.add(meeting)
    ArticlePhotoFactory(article=report, photo=PhotoFactory(caption="Gruppenfoto"), position=1)
    draft = ArticleFactory(draft=True)
    draft.meetings.add(meeting)
    ArticlePhotoFactory(article=draft, photo=PhotoFactory(caption="Unveröffentlicht"), position=1)

    html = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="fotos-heading"' in html
    assert "Gruppenfoto" in html
    assert "Unveröffentlicht" not in html
    assert "srcset=" in html


def test_meeting_page_describes_the_meeting_as_a_schema_org_event(client):
    meeting = MeetingFactory(
        title="Bedingungen gelingenden Aufwachsens",
        starts_on=datetime.date(2018, 11, 29),
        ends_on=datetime.date(2018, 11, 30),
        city="Wuppertal",
    )
    meeting.organisers.add(InstitutionFactory(name="Institut für Soziale Arbeit"))
    html = client.get(meeting.get_absolute_url()).content.decode()
    event = structured_data(html, "Event")
    assert event["startDate"] == "2018-11-29"
    assert event["endDate"] == "2018-11-30"
    assert event["location"]["address"]["addressLocality"] == "Wuppertal"
    assert event["organizer"] == [{"@type": "Organization", "name": "Institut für Soziale Arbeit"}]


def test_meeting_list_shows_at_most_one_page_of_meetings_with_a_fixed_number_of_queries(client):
    url = reverse("network:meeting_list")
    MeetingFactory(starts_on=datetime.date(2016, 1, 4))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(MEETINGS_PER_PAGE + 5):
        MeetingFactory(starts_on=datetime.date(2017 + n % 3, 1 + n % 12, 1 + n % 28))
    client.get(url)  # rebuilds the site-wide fragments the new meetings made stale
    with CaptureQueriesContext(connection) as many:
        first = client.get(url)
    assert len(many) == len(few)
    assert first.content.decode().count('class="meeting-teaser"') == MEETINGS_PER_PAGE
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert second.count('class="meeting-teaser"') == 6
    # The oldest meeting is on the last page, still under its year's heading.
    assert '<h2 id="jahr-2016">' in second
    assert client.get(url + "?page=9").status_code == 404


def test_meeting_list_narrows_to_a_year_and_ignores_nonsense(client):
    MeetingFactory(title="Im Jahr 2017", starts_on=datetime.date(2017, 11, 9))
    MeetingFactory(title="Im Jahr 2018", starts_on=datetime.date(2018, 3, 7))
    only_2017 = client.get("/netzwerk/treffen/", {"jahr": "2017"}).content.decode()
    assert "Im Jahr 2017" in only_2017 and "Im Jahr 2018" not in only_2017
    for nonsense in ["abc", "20177", "-1", "2017' OR 1=1"]:
        response = client.get("/netzwerk/treffen/", {"jahr": nonsense})
        assert response.status_code == 200
        assert "Im Jahr 2018" in response.content.decode()


def test_meeting_event_shows_the_photo_of_its_published_report_as_its_image(client):
    meeting = MeetingFactory(city="Neuss")
    report = ArticleFactory()
    report.meetings.add(meeting)
    photo = PhotoFactory(caption="Gruppenfoto", renditions=True)
    ArticlePhotoFactory(article=report, photo=photo, position=1)
    bare = MeetingFactory(city="Hamm")

    def event_of(meeting):
        html = client.get(meeting.get_absolute_url()).content.decode()
        return structured_data(html, "Event")

    images = event_of(meeting)["image"]
    assert len(images) == 2
    assert all(url.startswith("http://testserver/media/") for url in images)
    assert "image" not in event_of(bare)


def test_municipality_page_lists_each_hosted_and_attended_meeting_once(client):
    town = MunicipalityFactory(name="Ahlen")
    neighbour = MunicipalityFactory()
    hosted = MeetingFactory(title="Gastgeber-Treffen", host_municipality=town)
    hosted.attending_municipalities.add(town, neighbour)
    attended = MeetingFactory(title="Besuchtes Treffen", host_municipality=neighbour)
    attended.attending_municipalities.add(town, neighbour)
    MeetingFactory(title="Fremdes Treffen", host_municipality=neighbour)
    MeetingFactory(title="Unveröffentlicht", host_municipality=town, hidden=True)
    unpublished_visit = MeetingFactory(title="Verborgener Besuch", hidden=True)
    unpublished_visit.attending_municipalities.add(town)

    response = client.get(town.get_absolute_url())

    assert [m.title for m in response.context["hosted_meetings"]] == ["Gastgeber-Treffen"]
    assert [m.title for m in response.context["attended_meetings"]] == ["Besuchtes Treffen"]
    html = response.content.decode()
    assert html.count("Gastgeber-Treffen") == 1
    assert "Fremdes Treffen" not in html and "Verborgener Besuch" not in html


def _record_with_its_list(kind, size):
    """Return a record whose page lists `size` records of its own, and their names."""
    if kind == "municipality":
        town = MunicipalityFactory()
        names = [InstitutionFactory(municipality=town, name=f"Amt {n}").name for n in range(size)]
        return town, names
    if kind == "institution":
        parent = InstitutionFactory()
        names = [InstitutionFactory(parent=parent, name=f"Abteilung {n}").name for n in range(size)]
        return parent, names
    if kind == "person":
        person = PersonFactory()
        roles = [RoleFactory(person=person, municipality__name=f"Stadt {n}") for n in range(size)]
        return person, [role.municipality.name for role in roles]
    programme = ProgrammeFactory(name="Kein Kind zurücklassen!")
    ProgrammeFactory(predecessor=programme, name="Kommunale Präventionsketten NRW")
    for n in reversed(range(size)):  # joined in 2013 (odd n) and 2012 (even n)
        ProgrammeMembershipFactory(
            programme=programme, joined_year=2012 + n % 2, municipality__name=f"Kreis {n}"
        )
    # In the page's order: by the year they joined, then by name.
    waves = sorted(range(size), key=lambda n: (n % 2, n))
    return programme, ["Kommunale Präventionsketten NRW"] + [f"Kreis {n}" for n in waves]


@pytest.mark.parametrize("kind", ["municipality", "institution", "person", "programme"])
def test_a_record_page_lists_its_own_records_with_one_query_however_many(client, kind):
    one, _ = _record_with_its_list(kind, 1)
    many, names = _record_with_its_list(kind, 4)
    for record in (one, many):  # the sidebar's fragments and the content types, once
        client.get(record.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        html = client.get(many.get_absolute_url()).content.decode()
    with CaptureQueriesContext(connection) as fewer:
        client.get(one.get_absolute_url())

    assert len(queries) == len(fewer)
    for name in names:
        assert name in html, name
    if kind == "programme":  # its municipalities by the year they joined, then by name
        places = [html.index(f">{name}</a>") for name in names[1:]]
        assert places == sorted(places)
