import datetime

import pytest

from apps.network.selectors import coordinators_of
from tests.factories import MunicipalityFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def _names(roles):
    return [role.person.full_name for role in roles]


def test_coordinator_of_ahlen_in_2017_is_marina_baenke(ahlen):
    roles = coordinators_of(municipality=ahlen, on=datetime.date(2017, 9, 13))
    assert _names(roles) == ["Marina Bänke"]


def test_coordinators_of_ahlen_in_2022_are_the_two_network_coordinators(ahlen):
    roles = coordinators_of(municipality=ahlen, on=datetime.date(2022, 11, 15))
    assert _names(roles) == ["Ulrike Gerhards", "Lisa Kalendruschat"]


def test_role_counts_on_its_first_and_last_day(ahlen):
    assert _names(coordinators_of(municipality=ahlen, on=datetime.date(2019, 12, 31))) == [
        "Marina Bänke"
    ]
    assert "Marina Bänke" not in _names(
        coordinators_of(municipality=ahlen, on=datetime.date(2020, 1, 1))
    )


def test_mayor_is_not_a_coordinator(ahlen):
    roles = coordinators_of(municipality=ahlen, on=datetime.date(2018, 1, 1))
    # The mayor holds a role in Ahlen then too; only the coordinator counts.
    assert _names(roles) == ["Marina Bänke"]


def test_coordinator_of_another_municipality_is_not_counted(ahlen):
    RoleFactory(municipality=MunicipalityFactory(name="Dinslaken"), starts_on=None)
    roles = coordinators_of(municipality=ahlen, on=datetime.date(2017, 9, 13))
    assert _names(roles) == ["Marina Bänke"]


def test_unpublished_coordinator_is_not_named(ahlen):
    RoleFactory(person=PersonFactory(hidden=True, last_name="Verborgen"), municipality=ahlen)
    roles = coordinators_of(municipality=ahlen, on=datetime.date(2017, 9, 13))
    assert _names(roles) == ["Marina Bänke"]
