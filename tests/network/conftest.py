import datetime

import pytest

from apps.network.models import Role
from tests.factories import MunicipalityFactory, PersonFactory, RoleFactory


@pytest.fixture
def ahlen(db):
    """Ahlen with Marina Bänke coordinating until 2019 and two coordinators since 2020."""
    ahlen = MunicipalityFactory(name="Ahlen", slug="ahlen", ags="05570004")
    RoleFactory(
        person=PersonFactory(first_name="Marina", last_name="Bänke", slug="marina-baenke"),
        municipality=ahlen,
        title="Koordinatorin der Ahlener Präventionskette",
        starts_on=datetime.date(2017, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
    )
    for first, last in [("Ulrike", "Gerhards"), ("Lisa", "Kalendruschat")]:
        RoleFactory(
            person=PersonFactory(first_name=first, last_name=last, slug=f"{first}-{last}".lower()),
            municipality=ahlen,
            title="Netzwerkkoordinatorin",
            starts_on=datetime.date(2020, 1, 1),
        )
    RoleFactory(
        person=PersonFactory(
            academic_title="Dr.",
            first_name="Alexander",
            last_name="Berger",
            slug="alexander-berger",
        ),
        municipality=ahlen,
        kind=Role.Kind.MAYOR,
        title="Bürgermeister",
    )
    return ahlen
