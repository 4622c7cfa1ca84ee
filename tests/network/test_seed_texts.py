"""The models hold what the seed texts in ../shared/seeds/ say about the network."""

import datetime

import pytest
from django.urls import reverse

from apps.network.models import Institution, Meeting, MeetingParticipation, Municipality, Role
from apps.network.selectors import coordinators_of
from tests.factories import (
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


def test_programmes_follow_each_other_from_kekiz_to_kinderstark():
    kekiz = ProgrammeFactory(
        name="Kein Kind zurücklassen! Kommunen in NRW beugen vor",
        short_name="KeKiz",
        starts_year=2012,
        ends_year=2016,
    )
    chains = ProgrammeFactory(
        name="Kommunale Präventionsketten NRW", starts_year=2017, predecessor=kekiz
    )
    kinderstark = ProgrammeFactory(
        name="Kinderstark – NRW schafft Chancen", starts_year=2020, predecessor=chains
    )
    ahlen = MunicipalityFactory(name="Ahlen", kind=Municipality.Kind.TOWN)
    unna = MunicipalityFactory(name="Kreis Unna", kind=Municipality.Kind.DISTRICT, district="")
    ProgrammeMembershipFactory(municipality=unna, programme=kekiz, joined_year=2012)
    ProgrammeMembershipFactory(municipality=ahlen, programme=chains, joined_year=2017)
    ProgrammeMembershipFactory(municipality=ahlen, programme=kinderstark, joined_year=2020)
    assert kinderstark.predecessor.predecessor == kekiz
    assert list(kekiz.successors.all()) == [chains]
    assert kekiz.years == "2012–2016" and kinderstark.years == "seit 2020"
    assert list(ahlen.programmes.order_by("starts_year")) == [chains, kinderstark]


def test_21st_learning_network_meeting_lasts_two_days_with_about_70_people():
    isa = InstitutionFactory(
        name="Institut für Soziale Arbeit e.V.", short_name="ISA", kind=Institution.Kind.INSTITUTE
    )
    office = InstitutionFactory(
        name="Landeskoordinierungsstelle Kommunale Präventionsketten NRW",
        short_name="",
        kind=Institution.Kind.COORDINATION_OFFICE,
        parent=isa,
    )
    heuchel = PersonFactory(first_name="Ilona", last_name="Heuchel")
    RoleFactory(
        person=heuchel,
        kind=Role.Kind.DIRECTOR,
        title="geschäftsführender Vorstand",
        municipality=None,
        institution=isa,
    )
    meeting = MeetingFactory(
        sequence_number=21,
        title="Bedingungen gelingenden Aufwachsens",
        motto="Die Präventionsketten sind länger geworden",
        starts_on=datetime.date(2018, 11, 29),
        ends_on=datetime.date(2018, 11, 30),
        city="Wuppertal",
        participant_count=70,
        participants_qualifier="ca.",
        municipality_count=40,
    )
    meeting.organisers.add(office)
    MeetingParticipationFactory(
        meeting=meeting, person=heuchel, role=MeetingParticipation.Role.GREETING
    )
    MeetingParticipationFactory(
        meeting=meeting, person=heuchel, role=MeetingParticipation.Role.MODERATOR
    )
    meeting.full_clean()
    assert str(meeting) == "21. Lernnetzwerktreffen (29.11.2018)"
    assert list(isa.children.all()) == [office]
    assert meeting.participations.count() == 2


def test_spring_academy_planning_workshop_and_conference_are_kinds_of_their_own():
    lvr = InstitutionFactory(
        name="Koordinationsstelle Kinderarmut",
        kind=Institution.Kind.COORDINATION_OFFICE,
        parent=InstitutionFactory(
            name="LVR-Landesjugendamt Rheinland",
            short_name="LVR",
            kind=Institution.Kind.STATE_AGENCY,
        ),
    )
    oberhausen = MunicipalityFactory(name="Oberhausen", kind=Municipality.Kind.CITY)
    academy = MeetingFactory(
        kind=Meeting.Kind.SPRING_ACADEMY,
        sequence_number=5,  # "Zum fünften Mal"
        title="Stadtentwicklung und Sozialpolitik im Blick der Präventionskette",
        motto="Wir brauchen Daten und Taten",
        starts_on=datetime.date(2018, 4, 19),
        ends_on=datetime.date(2018, 4, 20),
        host_municipality=oberhausen,
        participant_count=70,
        participants_qualifier="etwa",  # "die etwa 70 Teilnehmer"
    )
    academy.organisers.add(lvr)
    ahlen = MunicipalityFactory(name="Ahlen")
    workshop = MeetingFactory(
        kind=Meeting.Kind.PLANNING_WORKSHOP,
        sequence_number=None,
        title="Planungsworkshop Präventionskette",
        motto="Gemeinsam Verantwortung übernehmen",
        starts_on=datetime.date(2017, 6, 1),
        venue="Ratssaal",
        city="Ahlen",
        host_municipality=ahlen,
        participant_count=30,
        participants_qualifier="über",  # "Über 30 Fachleute"
    )
    agency = InstitutionFactory(name="Agentur Petres & Helbig", kind=Institution.Kind.COMPANY)
    juergens = PersonFactory(first_name="Axel", last_name="Jürgens")
    RoleFactory(
        person=juergens, kind=Role.Kind.STAFF, municipality=None, institution=agency, title=""
    )
    MeetingParticipationFactory(
        meeting=workshop, person=juergens, role=MeetingParticipation.Role.MODERATOR
    )
    conference = MeetingFactory(
        kind=Meeting.Kind.CONFERENCE,
        sequence_number=1,  # "die erste Fachkonferenz der sozialen Arbeit in Ahlen"
        starts_on=datetime.date(2017, 11, 17),
        venue="Sitzungssaal des Rathauses",
        host_municipality=ahlen,
        participant_count=50,
        participants_qualifier="fast",  # "Fast 50 Teilnehmende"
    )
    for meeting in (academy, workshop, conference):
        meeting.full_clean()
    assert academy.is_multi_day and not workshop.is_multi_day
    assert list(ahlen.hosted_meetings.order_by("starts_on")) == [workshop, conference]


def test_ministers_and_state_secretaries_hold_roles_at_ministries_over_time():
    ministry_2017 = InstitutionFactory(
        name="Ministerium für Kinder, Familie, Flüchtlinge und Integration",
        short_name="MKFFI",
        kind=Institution.Kind.MINISTRY,
    )
    ministry_2022 = InstitutionFactory(
        name="Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht und Integration",
        short_name="MKJFGFI",
        kind=Institution.Kind.MINISTRY,
    )
    bothe = PersonFactory(first_name="Andreas", last_name="Bothe")
    RoleFactory(
        person=bothe,
        kind=Role.Kind.STATE_SECRETARY,
        title="Staatssekretär",
        municipality=None,
        institution=ministry_2017,
        starts_on=datetime.date(2017, 7, 1),
        ends_on=datetime.date(2022, 6, 30),
    )
    paul = PersonFactory(first_name="Josefine", last_name="Paul")
    RoleFactory(
        person=paul,
        kind=Role.Kind.MINISTER,
        title="Ministerin",
        municipality=None,
        institution=ministry_2022,
        starts_on=datetime.date(2022, 6, 29),
    )
    neuss = MunicipalityFactory(name="Neuss")
    meeting = MeetingFactory(
        sequence_number=None,
        title="Großes Lernnetzwerktreffen",
        motto="Netzwerken ist kein Luxus",
        starts_on=datetime.date(2022, 11, 15),
        host_municipality=neuss,
        participant_count=150,
        participants_qualifier="rund",  # "Rund 150 Personen"
    )
    MeetingParticipationFactory(
        meeting=meeting, person=paul, role=MeetingParticipation.Role.GREETING
    )
    minister = Role.objects.filter(kind=Role.Kind.MINISTER).active_on(meeting.starts_on).get()
    assert minister.person == paul
    assert bothe.role_on(datetime.date(2017, 9, 13)).institution == ministry_2017
    assert bothe.role_on(meeting.starts_on) is None


def test_ahlen_coordinators_change_between_2017_and_2022(client):
    ahlen = MunicipalityFactory(name="Ahlen", slug="ahlen", ags="05570004")
    baenke = PersonFactory(first_name="Marina", last_name="Bänke")
    RoleFactory(
        person=baenke,
        municipality=ahlen,
        starts_on=datetime.date(2017, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
    )
    for first, last in [("Ulrike", "Gerhards"), ("Lisa", "Kalendruschat")]:
        RoleFactory(
            person=PersonFactory(first_name=first, last_name=last),
            municipality=ahlen,
            title="Netzwerkkoordinatorin",
            starts_on=datetime.date(2021, 1, 1),
        )
    in_2017 = coordinators_of(municipality=ahlen, on=datetime.date(2017, 9, 13))
    in_2022 = coordinators_of(municipality=ahlen, on=datetime.date(2022, 11, 15))
    assert [role.person.last_name for role in in_2017] == ["Bänke"]
    assert [role.person.last_name for role in in_2022] == ["Gerhards", "Kalendruschat"]
    page = client.get(reverse("network:municipality_detail", args=["ahlen"])).content.decode()
    assert "Marina Bänke" in page and "Ulrike Gerhards" in page
