import datetime

import pytest
from django.urls import reverse

from apps.network.models import Meeting, MeetingParticipation, Person, Role
from tests.factories import (
    ArticleFactory,
    InstitutionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PersonFactory,
    ProgrammeFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffUserFactory())
    return client


def _meeting_form(**overrides):
    data = {
        "kind": Meeting.Kind.LEARNING_NETWORK,
        "sequence_number": "21",
        "title": "Bedingungen gelingenden Aufwachsens",
        "motto": "",
        "slug": "",
        "programme": "",
        "starts_on": "2018-11-29",
        "ends_on": "2018-11-30",
        "start_time": "",
        "end_time": "",
        "venue": "Historische Stadthalle",
        "city": "Wuppertal",
        "host_municipality": "",
        "participant_count": "70",
        "participants_qualifier": "ca.",
        "municipality_count": "40",
        "summary": "",
        "tags": "Aufwachsen, Förderphasen",
        "external_url": "",
        "is_published": "on",
        "participations-TOTAL_FORMS": "0",
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_staff_enters_meeting_with_host_two_speakers_and_municipalities_on_one_page(
    staff_client,
):
    wuppertal = MunicipalityFactory(name="Wuppertal")
    ahlen, dinslaken = MunicipalityFactory(name="Ahlen"), MunicipalityFactory(name="Dinslaken")
    isa = InstitutionFactory()
    heuchel = PersonFactory(first_name="Ilona", last_name="Heuchel")
    baenke = PersonFactory(first_name="Marina", last_name="Bänke")
    data = _meeting_form(
        host_municipality=str(wuppertal.pk),
        organisers=[str(isa.pk)],
        attending_municipalities=[str(ahlen.pk), str(dinslaken.pk)],
        **{
            "participations-TOTAL_FORMS": "2",
            "participations-0-person": str(heuchel.pk),
            "participations-0-role": MeetingParticipation.Role.MODERATOR,
            "participations-0-order": "1",
            "participations-1-person": str(baenke.pk),
            "participations-1-role": MeetingParticipation.Role.SPEAKER,
            "participations-1-note": "Steuerungsstruktur der Ahlener Präventionskette",
            "participations-1-order": "2",
        },
    )
    response = staff_client.post(reverse("admin:network_meeting_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting = Meeting.objects.get()
    assert meeting.slug == "21-lernnetzwerktreffen"
    assert meeting.host_municipality == wuppertal
    assert set(meeting.attending_municipalities.all()) == {ahlen, dinslaken}
    assert list(meeting.organisers.all()) == [isa]
    assert [(p.person, p.role) for p in meeting.participations.all()] == [
        (heuchel, MeetingParticipation.Role.MODERATOR),
        (baenke, MeetingParticipation.Role.SPEAKER),
    ]
    assert sorted(tag.name for tag in meeting.tags.all()) == ["Aufwachsen", "Förderphasen"]


def _errors(response):
    assert response.status_code == 200
    return response.content.decode()


def test_admin_refuses_meeting_ending_before_it_starts_in_german(staff_client):
    data = _meeting_form(starts_on="2018-11-30", ends_on="2018-11-29")
    content = _errors(staff_client.post(reverse("admin:network_meeting_add"), data))
    assert "Der letzte Tag des Treffens liegt vor dem ersten Tag" in content
    assert not Meeting.objects.exists()


def test_admin_refuses_negative_participant_count_in_german(staff_client):
    data = _meeting_form(participant_count="-3")
    content = _errors(staff_client.post(reverse("admin:network_meeting_add"), data))
    assert "Die Zahl der Teilnehmenden darf nicht negativ sein." in content
    assert not Meeting.objects.exists()


def test_admin_refuses_duplicate_number_in_kind_and_programme_in_german(staff_client):
    programme = ProgrammeFactory()
    MeetingFactory(sequence_number=21, programme=programme)
    data = _meeting_form(programme=str(programme.pk))
    content = _errors(staff_client.post(reverse("admin:network_meeting_add"), data))
    assert "Im selben Programm gibt es schon ein Treffen dieser Art mit dieser Nummer." in content
    assert Meeting.objects.count() == 1


def _person_form(**overrides):
    data = {
        "academic_title": "",
        "first_name": "Marina",
        "last_name": "Bänke",
        "slug": "marina-baenke",
        "is_published": "on",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
        "roles-0-kind": Role.Kind.COORDINATOR,
        "roles-0-title": "Koordinatorin",
        "roles-0-municipality": "",
        "roles-0-institution": "",
        "roles-0-starts_on": "2017-01-01",
        "roles-0-ends_on": "",
        "meeting_participations-TOTAL_FORMS": "0",
        "meeting_participations-INITIAL_FORMS": "0",
        "meeting_participations-MIN_NUM_FORMS": "0",
        "meeting_participations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_admin_adds_person_with_coordinator_role(staff_client):
    ahlen = MunicipalityFactory(name="Ahlen")
    data = _person_form(**{"roles-0-municipality": str(ahlen.pk)})
    response = staff_client.post(reverse("admin:network_person_add"), data)
    assert response.status_code == 302
    role = Person.objects.get().roles.get()
    assert (role.municipality, role.starts_on) == (ahlen, datetime.date(2017, 1, 1))


def test_admin_refuses_role_ending_before_it_begins_in_german(staff_client):
    ahlen = MunicipalityFactory()
    data = _person_form(**{"roles-0-municipality": str(ahlen.pk), "roles-0-ends_on": "2016-12-31"})
    content = _errors(staff_client.post(reverse("admin:network_person_add"), data))
    assert "Eine Funktion kann nicht enden, bevor sie beginnt." in content
    assert not Person.objects.exists()


def test_admin_refuses_a_coordination_without_its_municipality_in_german(staff_client):
    content = _errors(staff_client.post(reverse("admin:network_person_add"), _person_form()))
    assert "Eine Koordination gehört zu einer Kommune" in content
    assert not Person.objects.exists()


def test_admin_refuses_a_role_at_both_a_municipality_and_an_institution(staff_client):
    data = _person_form(
        **{
            "roles-0-municipality": str(MunicipalityFactory().pk),
            "roles-0-institution": str(InstitutionFactory().pk),
        }
    )
    content = _errors(staff_client.post(reverse("admin:network_person_add"), data))
    assert "nicht zu beiden" in content
    assert not Person.objects.exists()


def test_admin_keeps_a_state_secretary_whose_ministry_no_source_names(staff_client):
    data = _person_form(
        **{"roles-0-kind": Role.Kind.STATE_SECRETARY, "roles-0-title": "Staatssekretär"}
    )
    response = staff_client.post(reverse("admin:network_person_add"), data)
    assert response.status_code == 302
    role = Role.objects.get()
    assert role.organisation is None and role.label == "Staatssekretär"


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("article", "meetings"),
        ("article", "people"),
        ("article", "municipalities"),
        ("article", "institutions"),
        ("meeting", "programme"),
    ],
)
def test_admin_autocomplete_finds_network_records_by_name(staff_client, model_name, field_name):
    MeetingFactory(title="Ahlen")
    PersonFactory(last_name="Ahlen")
    MunicipalityFactory(name="Ahlen")
    InstitutionFactory(name="Stadt Ahlen Fachbereich")
    ProgrammeFactory(name="Ahlen-Programm")
    app_label = "news" if model_name == "article" else "network"
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Ahlen",
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
        },
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_admin_lists_filter_meetings_by_kind_year_and_programme(staff_client):
    programme = ProgrammeFactory()
    MeetingFactory(starts_on=datetime.date(2017, 9, 13), programme=programme)
    MeetingFactory(starts_on=datetime.date(2018, 3, 7), kind=Meeting.Kind.SPRING_ACADEMY)
    url = reverse("admin:network_meeting_changelist")
    # The year comes from the date hierarchy on starts_on.
    assert staff_client.get(url, {"starts_on__year": "2017"}).context["cl"].result_count == 1
    assert staff_client.get(url, {"kind__exact": "spring_academy"}).context["cl"].result_count == 1
    assert (
        staff_client.get(url, {"programme__id__exact": programme.pk}).context["cl"].result_count
        == 1
    )


def test_article_admin_links_network_records_in_bezuege_fieldset(staff_client):
    article = ArticleFactory()
    content = staff_client.get(
        reverse("admin:news_article_change", args=[article.pk])
    ).content.decode()
    assert "Bezüge" in content
    for field in ("meetings", "municipalities", "people", "institutions"):
        assert f'name="{field}"' in content


def test_admin_refuses_same_person_twice_in_the_same_role(staff_client):
    heuchel = PersonFactory(first_name="Ilona", last_name="Heuchel")
    same = {"person": str(heuchel.pk), "role": MeetingParticipation.Role.SPEAKER, "order": "0"}
    data = _meeting_form(
        **{"participations-TOTAL_FORMS": "2"},
        **{f"participations-{n}-{key}": value for n in (0, 1) for key, value in same.items()},
    )
    response = staff_client.post(reverse("admin:network_meeting_add"), data)
    assert response.status_code == 200
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "model", ["meeting", "person", "role", "municipality", "institution", "programme"]
)
def test_admin_list_and_add_pages_open(staff_client, model):
    MeetingFactory(host_municipality=MunicipalityFactory())
    PersonFactory()
    assert staff_client.get(reverse(f"admin:network_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:network_{model}_add")).status_code == 200


def test_admin_finds_meeting_by_its_number(staff_client):
    MeetingFactory(sequence_number=21)
    MeetingFactory(sequence_number=17)
    url = reverse("admin:network_meeting_changelist")
    assert staff_client.get(url, {"q": "21"}).context["cl"].result_count == 1
