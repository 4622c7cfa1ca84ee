"""The learning network: programmes, municipalities, institutions, people and their meetings."""

from .meetings import Meeting, MeetingParticipation, MeetingQuerySet, ParticipationQuerySet
from .organisations import Institution, Municipality, Programme, ProgrammeMembership
from .people import Person, PersonQuerySet, Role, RoleQuerySet

__all__ = [
    "Institution",
    "Meeting",
    "MeetingParticipation",
    "MeetingQuerySet",
    "Municipality",
    "ParticipationQuerySet",
    "Person",
    "PersonQuerySet",
    "Programme",
    "ProgrammeMembership",
    "Role",
    "RoleQuerySet",
]
