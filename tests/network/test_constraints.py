import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.network.models import Meeting, Role
from tests.factories import (
    InstitutionFactory,
    MeetingFactory,
    MunicipalityFactory,
    PersonFactory,
    ProgrammeFactory,
    RoleFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 11, 29)


def _messages(error):
    return " ".join(message for messages in error.message_dict.values() for message in messages)


def test_database_refuses_meeting_that_ends_before_it_starts():
    meeting = MeetingFactory(starts_on=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(ends_on=DAY - datetime.timedelta(days=1))


def test_full_clean_explains_meeting_that_ends_before_it_starts():
    meeting = MeetingFactory.build(starts_on=DAY, ends_on=DAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "Der letzte Tag des Treffens liegt vor dem ersten Tag" in _messages(error.value)


def test_one_day_meeting_ends_on_its_first_day():
    meeting = MeetingFactory(starts_on=DAY, ends_on=None)
    assert meeting.ends_on == DAY
    assert not meeting.is_multi_day


def test_two_day_meeting_is_kept_with_both_days():
    meeting = MeetingFactory(starts_on=DAY, ends_on=DAY + datetime.timedelta(days=1))
    meeting.full_clean()
    assert meeting.is_multi_day


def test_database_refuses_negative_participant_count():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(participant_count=-1)


def test_database_refuses_negative_municipality_count():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(municipality_count=-40)


def test_full_clean_explains_negative_participant_count():
    meeting = MeetingFactory.build(participant_count=-5)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "Die Zahl der Teilnehmenden darf nicht negativ sein." in _messages(error.value)


def test_a_count_keeps_the_word_the_text_puts_before_it():
    meeting = MeetingFactory(participant_count=50, participants_qualifier="fast")
    meeting.refresh_from_db()
    assert (meeting.participant_count, meeting.participants_qualifier) == (50, "fast")
    assert meeting.participants_as_written == "fast 50"
    meeting.participants_qualifier = ""
    assert meeting.participants_as_written == "50"


def test_database_refuses_duplicate_number_within_kind_and_programme():
    programme = ProgrammeFactory()
    MeetingFactory(sequence_number=21, programme=programme)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(sequence_number=21, programme=programme, slug="zweites-21")


def test_database_refuses_duplicate_number_of_a_local_series_without_programme():
    ahlen = MunicipalityFactory(name="Ahlen")
    steering = Meeting.Kind.STEERING_GROUP
    MeetingFactory(kind=steering, sequence_number=2, programme=None, host_municipality=ahlen)
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(
            kind=steering, sequence_number=2, programme=None, host_municipality=ahlen, slug="x"
        )


def test_two_towns_may_each_hold_their_second_steering_group_meeting():
    steering = Meeting.Kind.STEERING_GROUP
    for town in MunicipalityFactory.create_batch(2):
        MeetingFactory(kind=steering, sequence_number=2, programme=None, host_municipality=town)
    assert Meeting.objects.filter(kind=steering, sequence_number=2).count() == 2


def test_full_clean_explains_duplicate_number_within_kind_and_programme():
    programme = ProgrammeFactory()
    MeetingFactory(sequence_number=21, programme=programme)
    duplicate = MeetingFactory.build(sequence_number=21, programme=programme)
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "schon ein Treffen dieser Art mit dieser Nummer" in _messages(error.value)


def test_same_number_is_allowed_in_another_kind_or_programme():
    programme = ProgrammeFactory()
    MeetingFactory(sequence_number=5, programme=programme)
    MeetingFactory(sequence_number=5, programme=programme, kind=Meeting.Kind.SPRING_ACADEMY)
    MeetingFactory(sequence_number=5, programme=ProgrammeFactory())
    assert Meeting.objects.filter(sequence_number=5).count() == 3


def test_unnumbered_meetings_of_one_kind_may_coexist():
    MeetingFactory(sequence_number=None, kind=Meeting.Kind.OTHER, starts_on=DAY)
    MeetingFactory(sequence_number=None, kind=Meeting.Kind.OTHER, starts_on=DAY)
    assert Meeting.objects.filter(sequence_number__isnull=True).count() == 2


def test_database_refuses_end_time_before_start_time_on_one_day():
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingFactory(start_time=datetime.time(14), end_time=datetime.time(10))


def test_database_refuses_role_that_ends_before_it_begins():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2019, 1, 1))


def test_full_clean_explains_role_that_ends_before_it_begins():
    role = RoleFactory.build(
        person=PersonFactory(),
        municipality=MunicipalityFactory(),
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "Eine Funktion kann nicht enden, bevor sie beginnt." in _messages(error.value)


def test_database_refuses_role_with_both_municipality_and_institution():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(institution=InstitutionFactory())


def test_database_refuses_role_at_both_a_municipality_and_an_institution():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(institution=InstitutionFactory())


def test_full_clean_explains_a_role_belongs_to_at_most_one_organisation():
    role = RoleFactory.build(
        person=PersonFactory(), municipality=MunicipalityFactory(), institution=InstitutionFactory()
    )
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "nicht zu beiden" in _messages(error.value)


def test_a_role_no_source_gives_an_organisation_for_stands_without_one():
    role = RoleFactory(municipality=None, kind=Role.Kind.STATE_SECRETARY, title="Staatssekretär")
    role.full_clean()
    assert role.organisation is None


def test_role_at_an_institution_is_valid():
    role = RoleFactory(
        municipality=None, institution=InstitutionFactory(), kind=Role.Kind.STATE_SECRETARY
    )
    role.full_clean()
    assert role.organisation == role.institution


def test_academic_title_is_kept_apart_from_the_name():
    person = PersonFactory(academic_title="Dr.", first_name="Ralf", last_name="Heinen")
    assert person.full_name == "Dr. Ralf Heinen"
    assert person.last_name == "Heinen"


def test_numbered_meeting_gets_slug_from_number_and_kind():
    meeting = MeetingFactory(sequence_number=21, slug="")
    assert meeting.slug == "21-lernnetzwerktreffen"
    assert meeting.name == "21. Lernnetzwerktreffen"


def test_unnumbered_meeting_gets_slug_from_kind_and_day():
    meeting = MeetingFactory(
        sequence_number=None, kind=Meeting.Kind.SPRING_ACADEMY, slug="", starts_on=DAY
    )
    assert meeting.slug == "fruehjahrsakademie-2018-11-29"
    assert meeting.name == "Frühjahrsakademie 2018"


@pytest.mark.parametrize(
    ("starts", "ends", "precision", "label"),
    [
        ("2017-09-13", "2017-09-13", "day", "genannt am 13. September 2017"),
        ("2017-09-13", "2017-11-09", "month", "genannt zwischen September 2017 und November 2017"),
        ("2017-09-13", "2017-11-09", "half_year", "genannt im 2. Halbjahr 2017"),
        ("2017-06-01", "2017-09-29", "year", "genannt 2017"),
    ],
)
def test_a_role_known_from_mentions_says_when_it_was_mentioned(starts, ends, precision, label):
    role = RoleFactory.build(
        starts_on=datetime.date.fromisoformat(starts),
        ends_on=datetime.date.fromisoformat(ends),
        as_mentioned=True,
        mentioned_precision=precision,
    )
    assert role.period_label == label
    role.as_mentioned = False
    assert role.period_label.endswith(" 2017") and "genannt" not in role.period_label
