from .network import (
    InstitutionFactory,
    MeetingFactory,
    MeetingParticipationFactory,
    MunicipalityFactory,
    PersonFactory,
    ProgrammeFactory,
    ProgrammeMembershipFactory,
    RoleFactory,
)
from .news import ArticleFactory, StaffUserFactory, UserFactory

__all__ = [
    "ArticleFactory",
    "InstitutionFactory",
    "MeetingFactory",
    "MeetingParticipationFactory",
    "MunicipalityFactory",
    "PersonFactory",
    "ProgrammeFactory",
    "ProgrammeMembershipFactory",
    "RoleFactory",
    "StaffUserFactory",
    "UserFactory",
]
