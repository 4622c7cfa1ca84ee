"""Every seeded record names the texts it comes from, and editors read them on its page."""

import re
import tomllib

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import strip_tags

from apps.editorial.roles import EDITORS
from apps.media.models import Photo
from apps.network.models import Institution, Meeting, Municipality, Person, Programme
from apps.news.models import Article
from apps.seed.models import SeedRecord, SeedText
from apps.seed.services import SEED_DIR, seed_data_load
from tests.factories import ArticleFactory, UserFactory

TEXT_DIR = settings.BASE_DIR / "fixtures" / "seed_texts"


def normalised(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def texts():
    entries = tomllib.loads((SEED_DIR / "texts.toml").read_text())["text"]
    return {row["key"]: normalised((TEXT_DIR / row["file"]).read_text()) for row in entries}


def first_words(text):
    return " ".join(strip_tags(text).split()[:5]) or "–"


def mentions(record):
    """Ways of naming the record, one of which each of its texts must contain (None: the
    record stands on its entry's texts: roles, memberships, participations, photo links)."""
    if isinstance(record, Person):
        return [record.last_name]
    if isinstance(record, Municipality):
        return [record.name.removeprefix("Kreis ")]  # „des Kreises Unna“
    if isinstance(record, (Programme, Institution)):
        # 002 spells „Koordinationstelle Kinderarmut“: the name's first or last word will do.
        words = record.name.split()
        return [record.short_name or record.name, words[0], words[-1]]
    if isinstance(record, Meeting):
        if record.kind == Meeting.Kind.LEARNING_NETWORK and record.sequence_number:
            return [f"{record.sequence_number}. Lernnetzwerktreffen"]
        # The titles of meetings 003 reports on are made of its words, not quoted.
        return [record.title, record.motto or record.title, record.title.split()[-1]]
    if isinstance(record, Article):
        return [first_words(record.lead)]
    if isinstance(record, Photo):
        return [record.caption]
    return None


def test_every_seeded_record_names_the_texts_it_comes_from(seed):
    records = SeedRecord.objects.prefetch_related("sources")
    assert records.count() > 150
    unsourced = [record.key for record in records if not record.sources.all()]
    assert unsourced == []
    assert SeedText.objects.count() == 5


def test_each_text_a_record_names_really_mentions_it(seed, texts):
    checked = 0
    for seed_record in SeedRecord.objects.prefetch_related("sources"):
        names = mentions(seed_record.record)
        if names is None:
            continue
        for text in seed_record.sources.all():
            found = [name for name in names if normalised(name) in texts[text.key]]
            assert found, (seed_record.key, text.key, names)
            checked += 1
    assert checked > 100


def test_editors_read_the_source_texts_on_each_seeded_records_page(seed, client):
    editor = UserFactory(username="redakteurin", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    article = Article.objects.get(slug="bundespraeventionsgesetz-kommunale-gesamtstrategie")
    person = Person.objects.get(slug="ursula-woltering")
    photo = Photo.objects.get(caption="Videobotschaft vom Staatssekretär Andreas Bothe")
    for obj, expected in (
        (article, ["Text 003: „2. Halbjahr 2017“"]),
        (person, ["Text 003: „2. Halbjahr 2017“", "Text 004: „Planungsworkshop Präventionskette"]),
        (photo, ["Text 001: „Ahlen nimmt am 17. Lernnetzwerktreffen teil“"]),
    ):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        page = client.get(url).content.decode()
        assert "Quelle: Startinhalte" in page, url
        for line in expected:
            assert line in page, (url, line)
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Website der Ahlener Präventionskette (Stadt Ahlen)" in page


def test_records_editors_made_name_no_source(seed, admin_client):
    article = ArticleFactory()
    page = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert "Quelle: Startinhalte" not in page.content.decode()
    assert "Quelle:" not in admin_client.get(reverse("admin:news_article_add")).content.decode()


def test_a_reload_puts_the_files_sources_back_without_touching_the_record(seed):
    person = Person.objects.get(slug="ursula-woltering")
    seed_record = SeedRecord.objects.get(key="person:ursula-woltering")
    seed_record.sources.set(SeedText.objects.filter(key="000"))
    before = person.updated_at
    seed_data_load(dry_run=False)
    assert sorted(seed_record.sources.values_list("key", flat=True)) == ["003", "004"]
    person.refresh_from_db()
    assert person.updated_at == before


def test_no_district_the_texts_do_not_state(seed, client):
    ahlen = Municipality.objects.get(slug="ahlen")
    assert ahlen.district == ""
    assert "Kreis Warendorf" not in strip_tags(
        client.get(ahlen.get_absolute_url()).content.decode()
    )
