import datetime

import factory

from apps.network.models import (
    Institution,
    Meeting,
    MeetingParticipation,
    Municipality,
    Person,
    Programme,
    ProgrammeMembership,
    Role,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = "Kommunale Präventionsketten NRW"
    short_name = "KPK"
    slug = factory.Sequence(lambda n: f"programm-{n}")
    starts_year = 2017


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    slug = factory.Sequence(lambda n: f"musterstadt-{n}")
    kind = Municipality.Kind.TOWN
    district = "Kreis Warendorf"


class ProgrammeMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeMembership

    municipality = factory.SubFactory(MunicipalityFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    joined_year = 2017


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Institut für Soziale Arbeit {n}")
    short_name = "ISA"
    slug = factory.Sequence(lambda n: f"institut-{n}")
    kind = Institution.Kind.INSTITUTE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Sequence(lambda n: f"Bänke{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    is_published = True

    class Params:
        hidden = factory.Trait(is_published=False)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(PersonFactory)
    kind = Role.Kind.COORDINATOR
    title = "Koordinatorin der Präventionskette"
    municipality = factory.SubFactory(MunicipalityFactory)
    institution = None


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = Meeting.Kind.LEARNING_NETWORK
    sequence_number = factory.Sequence(lambda n: n + 1)
    title = "Bedingungen gelingenden Aufwachsens"
    starts_on = datetime.date(2018, 11, 29)
    venue = "Historische Stadthalle"
    city = "Wuppertal"
    is_published = True

    class Params:
        hidden = factory.Trait(is_published=False)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class MeetingParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingParticipation

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role = MeetingParticipation.Role.SPEAKER
