"""Where a record came from, told to editors on its admin page.

Apps that bring content in from elsewhere (the seed texts, a WordPress import) sit on higher
floors; they register a function here that returns what they know about a record, or None.
"""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class Provenance:
    heading: str
    lines: list[str]


def register_provenance(provider) -> None:
    """Add `provider(obj) -> Provenance | None`; registered once, in an AppConfig.ready()."""
    if provider not in _providers:
        _providers.append(provider)


def provenance_for(obj) -> list[Provenance]:
    if getattr(obj, "pk", None) is None:  # an add form has no record yet
        return []
    return [found for provider in _providers if (found := provider(obj)) is not None]
