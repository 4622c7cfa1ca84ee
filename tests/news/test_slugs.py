import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.core.text import german_slugify
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Übergänge gestalten", "uebergaenge-gestalten"),
        ("Größe & Maß", "groesse-mass"),
        ("„Kinderstark – NRW schafft Chancen“", "kinderstark-nrw-schafft-chancen"),
        ("21. Lernnetzwerktreffen", "21-lernnetzwerktreffen"),
    ],
)
def test_slug_spells_umlauts_the_german_way(title, slug):
    assert german_slugify(title) == slug


def test_same_title_on_the_same_day_gets_a_distinct_slug():
    when = datetime.datetime(2017, 11, 29, 10, tzinfo=BERLIN)
    first = ArticleFactory(title="Lernnetzwerktreffen in Herne", slug="", published_at=when)
    second = ArticleFactory(title="Lernnetzwerktreffen in Herne", slug="", published_at=when)
    third = ArticleFactory(title="Lernnetzwerktreffen in Herne", slug="", published_at=when)
    assert [first.slug, second.slug, third.slug] == [
        "lernnetzwerktreffen-in-herne",
        "lernnetzwerktreffen-in-herne-2",
        "lernnetzwerktreffen-in-herne-3",
    ]
    assert len({first.get_absolute_url(), second.get_absolute_url(), third.get_absolute_url()}) == 3


def test_same_title_on_different_days_keeps_the_plain_slug():
    first = ArticleFactory(
        title="Präventionswoche",
        slug="",
        published_at=datetime.datetime(2017, 11, 14, tzinfo=BERLIN),
    )
    second = ArticleFactory(
        title="Präventionswoche",
        slug="",
        published_at=datetime.datetime(2018, 11, 14, tzinfo=BERLIN),
    )
    assert first.slug == second.slug == "praeventionswoche"


def test_explicit_duplicate_slug_on_the_same_day_is_refused_with_a_german_message():
    when = datetime.datetime(2017, 11, 29, 10, tzinfo=BERLIN)
    ArticleFactory(title="A", slug="treffen", published_at=when)
    duplicate = ArticleFactory.build(
        title="B", slug="treffen", published_at=when + datetime.timedelta(hours=3)
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "Am selben Tag gibt es schon einen Artikel" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_long_title_clashing_twice_on_one_day_gets_a_free_slug_within_the_field():
    when = datetime.datetime(2017, 11, 29, 10, tzinfo=BERLIN)
    ArticleFactory(title="A", slug="x" * 200, published_at=when)
    ArticleFactory(title="B", slug="x" * 198 + "-2", published_at=when)
    third = ArticleFactory(title="X" * 200, slug="", published_at=when)
    assert third.slug == "x" * 198 + "-3"
