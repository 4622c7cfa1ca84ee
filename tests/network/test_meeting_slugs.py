import pytest

from apps.network.models import Meeting, meetings
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_meetings_with_a_long_clashing_base_get_numbered_slugs_within_the_field(monkeypatch):
    base = "x" * 180
    monkeypatch.setattr(meetings, "german_slugify", lambda text, max_length: base)
    slugs = [MeetingFactory(slug="").slug for _ in range(3)]
    assert slugs == [base, f"{base}-2", f"{base}-3"]
    assert max(map(len, slugs)) <= Meeting._meta.get_field("slug").max_length
