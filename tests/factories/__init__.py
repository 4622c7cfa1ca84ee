from .media import PhotoFactory
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
from .news import ArticleFactory, ArticlePhotoFactory, StaffUserFactory, UserFactory

__all__ = [
    "ArticleFactory",
    "ArticlePhotoFactory",
    "PhotoFactory",
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
