"""The seed content says what the five seed texts say."""

import datetime

import pytest
from django.utils import timezone

from apps.media.models import Photo
from apps.network.models import Meeting, MeetingParticipation, Municipality, Person, Role
from apps.network.selectors import coordinators_of
from apps.news.models import Article, Topic
from apps.seed.services import PLACEHOLDER_CREDIT

# Together they load the seed once (tests/seed/conftest.py), a few seconds.
pytestmark = [pytest.mark.django_db, pytest.mark.slow(3)]

FURNITURE = [
    "Opens external link",
    "weiterlesen",
    "Mehr\n",
    "Facebook Fanbox",
    "Kinospot",
    "M D M D F S S",
    "« Mrz",
    "Archive",
    "Klick die Besten",
    "Stadtfenster Aktuell",
    "Klug & Weise",
]


def article(title):
    return Article.objects.get(title=title)


def test_every_story_is_one_published_article_none_dated_today(seed):
    articles = Article.objects.all()
    assert articles.count() == 24
    assert articles.published().count() == 24
    today = timezone.localdate()
    assert not articles.filter(publication_date__gte=today - datetime.timedelta(days=1)).exists()
    assert all(a.editorial_note for a in articles)


def test_no_page_furniture_in_any_article(seed):
    articles = list(Article.objects.all())
    assert len(articles) > 20
    for item in articles:
        text = f"{item.title}\n{item.lead}\n{item.body}"
        for furniture in FURNITURE:
            assert furniture not in text, (item.title, furniture)
        assert not item.lead.endswith("Mehr")
        assert item.body.count("In verschiedenen Arbeitsgruppen konnten") == 0


def test_000_neuss_meeting_of_kinderstark(seed):
    story = article("Großes Lernnetzwerktreffen am 15.11.2022 im Programm Kinderstark in Neuss")
    assert story.publication_date == datetime.date(2022, 11, 15)
    assert "Rund 150 Personen" in story.body
    meeting = Meeting.objects.get(slug="lernnetzwerktreffen-kinderstark-2022-11-15")
    assert meeting.title == "Netzwerken ist kein Luxus"
    assert meeting.city == "Neuss"
    assert meeting.participants_as_written == "rund 150"
    assert meeting.programme.name == "Kinderstark – NRW schafft Chancen"
    assert list(story.meetings.all()) == [meeting]
    minister = Role.objects.filter(kind=Role.Kind.MINISTER).active_on(meeting.starts_on).get()
    assert minister.person.full_name == "Josefine Paul"
    captions = [p.display_caption for p in story.article_photos.all()]
    assert captions == ['Roll-Up "ISA"', "Foto mit Lisa Kalendruschat und Ulrike Gerhards"]


def test_001_17th_meeting_in_cologne_has_ahlens_full_text_and_the_isas_teaser_beside_it(seed):
    stories = Article.objects.filter(meetings__sequence_number=17)
    assert stories.count() == 2
    isa = stories.get(title="17. Lernnetzwerktreffen: „Wir wollen die Prävention stärken!“")
    assert "Mitte Juli" in isa.body
    story = stories.get(title="Ahlen nimmt am 17. Lernnetzwerktreffen teil")
    assert story.publication_date == datetime.date(2017, 9, 13)
    assert story.lead.startswith("Am 13. September kamen 40 Programmkommunen")
    assert "Steuerungsstruktur der Ahlener Präventionskette" in story.body
    assert Article.objects.filter(lead__startswith="Am 13. September kamen 40").count() == 1
    meeting = Meeting.objects.get(kind=Meeting.Kind.LEARNING_NETWORK, sequence_number=17)
    assert meeting.starts_on == datetime.date(2017, 9, 13)
    assert meeting.host_municipality.name == "Köln"
    assert meeting.municipality_count == 40
    video = meeting.participations.get(person__last_name="Bothe")
    assert video.note == "per Videobotschaft"
    photos = list(story.article_photos.all())
    assert [p.display_caption for p in photos] == [
        "Marina Bänke",
        "Holger Mrosek und Marina Bänke",
        "Gruppenfoto",
        "Videobotschaft vom Staatssekretär Andreas Bothe",
    ]
    assert all(p.photo.credit == PLACEHOLDER_CREDIT and p.photo.alt_text for p in photos)


def test_002_numbered_meetings_with_dates_places_and_counts(seed):
    numbered = Meeting.objects.filter(kind=Meeting.Kind.LEARNING_NETWORK).exclude(
        sequence_number=None
    )
    assert sorted(numbered.values_list("sequence_number", flat=True)) == [
        10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    ]  # fmt: skip
    twenty_first = numbered.get(sequence_number=21)
    assert (twenty_first.starts_on, twenty_first.ends_on) == (
        datetime.date(2018, 11, 29),
        datetime.date(2018, 11, 30),
    )
    assert twenty_first.city == "Wuppertal"
    assert twenty_first.participants_as_written == "ca. 70"
    assert numbered.get(sequence_number=16).venue == "Wissenschaftspark"
    assert numbered.get(sequence_number=11).starts_on == datetime.date(2015, 3, 3)
    assert numbered.get(sequence_number=10).starts_on == datetime.date(2014, 12, 4)
    assert numbered.get(sequence_number=19).motto == "Partizipation"
    academy = Meeting.objects.get(kind=Meeting.Kind.SPRING_ACADEMY)
    assert academy.is_multi_day and academy.host_municipality.name == "Oberhausen"
    assert academy.participants_as_written == "etwa 70"
    story = article("21. Lernnetzwerktreffen: „Die Präventionsketten sind länger geworden“")
    assert story.publication_date == datetime.date(2018, 11, 29)


def test_002_and_003_18th_meeting_keeps_the_isas_report_and_ahlens_own_teaser(seed):
    stories = Article.objects.filter(meetings__sequence_number=18).order_by("title")
    assert [s.title for s in stories] == [
        "18. Lernnetzwerktreffen: Das Bundespräventionsgesetz als Chance",
        "Das Bundespräventionsgesetz mit Hinblick auf eine kommunale Gesamtstrategie „Prävention“",
    ]
    isa, ahlen = stories
    assert "Dr. Annette Frenzke-Kulbach" in isa.body
    assert ahlen.lead.endswith("hat die zur Verfügung stehenden Mittel längst...")


def test_003_half_year_teasers_dated_in_2017_with_derived_titles_noted(seed):
    tour = article("Stadtführung besonderer Art für Lehrkräfte")
    assert tour.publication_date == datetime.date(2017, 11, 14)
    assert "Titel aus den Worten des Anreißers gebildet" in tour.editorial_note
    week = article("Die Ahlener Präventionswoche zeigt die Vielfalt der Angebote")
    assert week.publication_date == datetime.date(2017, 11, 13)
    assert "13. November 2017" in week.editorial_note
    conference = Meeting.objects.get(kind=Meeting.Kind.CONFERENCE)
    assert conference.starts_on == datetime.date(2017, 11, 17)
    assert conference.participants_as_written == "fast 50"
    assert conference.venue == "Sitzungssaal des Rathauses"
    steering = Meeting.objects.filter(kind=Meeting.Kind.STEERING_GROUP)
    assert sorted(steering.values_list("sequence_number", flat=True)) == [2, 3]
    exchange = Meeting.objects.get(kind=Meeting.Kind.EXCHANGE)
    assert (exchange.starts_on, exchange.city) == (datetime.date(2017, 11, 9), "Düsseldorf")


def test_004_planning_workshop_has_inferred_date_and_its_caption_once(seed):
    story = article("Planungsworkshop Präventionskette „Gemeinsam Verantwortung übernehmen“")
    assert story.publication_date == datetime.date(2017, 6, 1)
    assert "3. April 2017" in story.editorial_note
    assert story.lead.startswith("Unter dem Motto „Gemeinsam Verantwortung übernehmen“")
    assert story.article_photos.count() == 1
    workshop = Meeting.objects.get(kind=Meeting.Kind.PLANNING_WORKSHOP)
    assert workshop.participants_as_written == "über 30"
    assert workshop.venue == "Ratssaal" and workshop.host_municipality.slug == "ahlen"
    moderator = workshop.participations.get(role=MeetingParticipation.Role.MODERATOR)
    assert moderator.person.full_name == "Axel Jürgens"


def test_ahlen_coordinators_in_2017_and_in_2022(seed):
    ahlen = Municipality.objects.get(slug="ahlen")
    in_2017 = coordinators_of(municipality=ahlen, on=datetime.date(2017, 9, 13))
    in_2022 = coordinators_of(municipality=ahlen, on=datetime.date(2022, 11, 15))
    assert [role.person.full_name for role in in_2017] == ["Marina Bänke"]
    assert sorted(role.person.full_name for role in in_2022) == [
        "Lisa Kalendruschat",
        "Ulrike Gerhards",
    ]


def test_people_are_recorded_once_with_their_roles(seed):
    assert Person.objects.filter(last_name="Woltering").count() == 1
    mayor = Role.objects.get(kind=Role.Kind.MAYOR, municipality__slug="ahlen")
    assert mayor.person.full_name == "Dr. Alexander Berger"
    heuchel = Role.objects.get(person__last_name="Heuchel")
    assert heuchel.institution.short_name == "ISA" and heuchel.kind == Role.Kind.DIRECTOR
    bothe = Person.objects.get(last_name="Bothe")
    assert bothe.role_on(datetime.date(2017, 9, 13)).kind == Role.Kind.STATE_SECRETARY


def test_seed_photos_are_placeholders_through_the_photo_pipeline(seed):
    photos = Photo.objects.exclude(source_key="")
    assert photos.count() == 7
    for photo in photos:
        assert photo.credit == PLACEHOLDER_CREDIT
        assert (photo.width, photo.height, photo.format) == (1200, 800, "JPEG")


def test_tags_are_spelled_consistently(seed):
    names = set(Topic.objects.values_list("name", flat=True))
    assert {"Lernnetzwerk", "Präventionswoche", "Partizipation", "Kinderstark"} <= names
    # One spelling each: no two topics differ only in case or spacing.
    assert len({name.casefold().replace(" ", "") for name in names}) == len(names)
    assert article("15. Lernnetzwerktreffen in Gelsenkirchen").tags.filter(name="Schule").exists()


def test_placeholder_photos_draw_umlauts_not_boxes():
    from apps.seed.placeholders import placeholder_jpeg

    # A font without "ä" draws both as the same empty box.
    assert placeholder_jpeg("Marina Bänke") != placeholder_jpeg("Marina B\u25afnke")
    assert placeholder_jpeg("Übergänge") != placeholder_jpeg("\u25afbergänge")
