"""A meeting's days as the pages write them, in German, and no more precisely than known."""

import datetime

import pytest

from tests.factories import MeetingFactory


def meeting_dates(meeting):
    return meeting.date_label


def test_one_day_meeting_gives_day_month_and_year():
    meeting = MeetingFactory.build(starts_on=datetime.date(2017, 3, 3), ends_on=None)
    assert meeting_dates(meeting) == "3. März 2017"


def test_two_day_meeting_names_the_shared_month_once():
    meeting = MeetingFactory.build(
        starts_on=datetime.date(2018, 11, 29), ends_on=datetime.date(2018, 11, 30)
    )
    assert meeting_dates(meeting) == "29. und 30. November 2018"


def test_meeting_across_months_and_years_names_both_ends_with_times():
    meeting = MeetingFactory.build(
        starts_on=datetime.date(2019, 12, 30),
        ends_on=datetime.date(2020, 1, 2),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 0),
    )
    assert meeting_dates(meeting) == "30. Dezember 2019–2. Januar 2020, 09:30–16:00 Uhr"
    meeting.ends_on = datetime.date(2019, 12, 31)
    meeting.end_time = None
    assert meeting_dates(meeting) == "30. und 31. Dezember 2019, 09:30 Uhr"
    meeting.ends_on = datetime.date(2020, 2, 3)
    meeting.starts_on = datetime.date(2020, 1, 27)
    assert meeting_dates(meeting) == "27. Januar–3. Februar 2020, 09:30 Uhr"


@pytest.mark.parametrize(
    ("precision", "inferred", "label", "iso"),
    [
        ("month", False, "November 2017", "2017-11"),
        ("half_year", False, "2. Halbjahr 2017", "2017"),
        ("year", True, "vermutlich 2017", "2017"),
        ("day", True, "vermutlich 13. November 2017", "2017-11-13"),
    ],
)
def test_a_meeting_dated_less_precisely_says_only_what_is_known(precision, inferred, label, iso):
    meeting = MeetingFactory.build(
        starts_on=datetime.date(2017, 11, 13),
        ends_on=None,
        date_precision=precision,
        date_inferred=inferred,
    )
    assert meeting_dates(meeting) == label
    assert meeting.date_iso == iso
