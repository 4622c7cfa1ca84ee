"""The meeting admin's year filter, the shared apps.core YearFilter on starts_on."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def changelist(client):
    client.force_login(StaffUserFactory())
    return lambda **params: client.get(reverse("admin:network_meeting_changelist"), params)


def test_year_filter_offers_the_years_with_meetings_newest_first(changelist):
    for year in (2017, 2019, 2017):
        MeetingFactory(starts_on=datetime.date(year, 9, 13))

    filters = changelist().context["cl"].filter_specs
    year_filter = next(spec for spec in filters if getattr(spec, "parameter_name", "") == "jahr")

    assert [value for value, _label in year_filter.lookup_choices] == ["2019", "2017"]


def test_year_that_is_not_a_number_shows_the_whole_list(changelist):
    MeetingFactory(starts_on=datetime.date(2017, 9, 13))
    MeetingFactory(starts_on=datetime.date(2019, 9, 13))

    response = changelist(jahr="zweitausend")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 2
