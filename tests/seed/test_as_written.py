"""The seed's counts, titles and names as the texts write them."""

import re

import pytest

from apps.network.models import Meeting, Person
from tests.site_pages import structured_data


def visible_text(html):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,.;)])", r"\1", text)  # "Bänke</a>," reads "Bänke,"


@pytest.mark.parametrize(
    ("slug", "count"),
    [
        ("planungsworkshop-ahlen-2017", "über 30"),  # 004: „Über 30 Fachleute“
        ("stadtfuehrung-lehrkraefte-2017-11-14", "fast 25"),  # 003: „Fast 25 Fachkräfte“
        ("fachkonferenz-soziale-arbeit-ahlen-1", "fast 50"),  # 003: „Fast 50 Teilnehmende“
        ("fruehjahrsakademie-2018", "etwa 70"),  # 002: „die etwa 70 Teilnehmer“
        ("21-lernnetzwerktreffen", "ca. 70"),  # 002: „die ca. 70 Teilnehmerinnen“
        ("lernnetzwerktreffen-kinderstark-2022-11-15", "rund 150"),  # 000: „Rund 150 Personen“
    ],
)
def test_each_count_keeps_the_word_the_text_puts_before_it(seed, client, slug, count):
    meeting = Meeting.objects.get(slug=slug)
    page = visible_text(client.get(meeting.get_absolute_url()).content.decode())
    assert f"Teilnehmende {count}" in page


@pytest.mark.parametrize(
    ("slug", "heading"),
    [
        ("ahlen-neu-denken-2017-11-16", "Ahlen neu denken!"),
        ("steuerungsgruppe-ahlen-2", "Zweite Sitzung der Steuerungsgruppe"),
        ("planungsworkshop-ahlen-2017", "Planungsworkshop Präventionskette"),
        ("21-lernnetzwerktreffen", "21. Lernnetzwerktreffen: Bedingungen gelingenden Aufwachsens"),
    ],
)
def test_meeting_titles_are_not_glued_from_kind_year_and_title(seed, client, slug, heading):
    meeting = Meeting.objects.get(slug=slug)
    assert meeting.heading == heading
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "Sonstiges 2017" not in page


def test_a_person_is_found_and_shown_under_the_other_name_a_text_uses(seed, client):
    woltering = Person.objects.get(slug="ursula-woltering")
    page = visible_text(client.get(woltering.get_absolute_url()).content.decode())
    assert "auch: Ulla Woltering" in page

    results = client.get("/suche/?q=Ulla+Woltering&art=personen").content.decode()

    assert woltering.get_absolute_url() in results


def test_someone_with_two_parts_in_a_meeting_is_listed_once(seed, client):
    meeting = Meeting.objects.get(slug="21-lernnetzwerktreffen")
    page = client.get(meeting.get_absolute_url()).content.decode()
    heuchel = Person.objects.get(slug="ilona-heuchel").get_absolute_url()
    section = page[page.index('id="mitwirkende-heading"') :]
    assert section.count(f'href="{heuchel}"') == 1
    assert "Begrüßung; Moderation" in section


@pytest.mark.parametrize(
    ("slug", "first_telling", "second_telling"),
    [
        # 002 (the ISA's report) and 003 (Ahlen's own teaser, its own emphasis).
        ("18-lernnetzwerktreffen", "am 29. November 2017", "mit Hinblick auf eine kommunale"),
        # 001 (Ahlen's report) and 002 (the ISA's teaser, with the news of mid-July).
        ("17-lernnetzwerktreffen", "Am 13. September kamen 40", "Mitte Juli"),
    ],
)
def test_both_tellings_of_a_meeting_are_kept_and_linked(
    seed, client, slug, first_telling, second_telling
):
    meeting = Meeting.objects.get(slug=slug)
    reports = list(meeting.articles.published())
    assert len(reports) == 2
    texts = [f"{report.lead} {report.body}" for report in reports]
    assert any(first_telling in text for text in texts)
    assert any(second_telling in text for text in texts)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert all(report.get_absolute_url() in page for report in reports)


def test_placeholder_photos_say_they_are_placeholders_not_what_an_original_might_show(seed):
    from apps.media.models import Photo

    alt_texts = list(Photo.objects.values_list("alt_text", flat=True))
    assert alt_texts
    for alt in alt_texts:
        assert alt.startswith("Platzhalterbild mit der Bildunterschrift „"), alt
        assert "Leinwand" not in alt and "Ratssaal" not in alt


def test_roles_are_dated_by_their_mentions_and_ahlen_says_who_was_last_named(seed, client):
    ahlen = client.get("/netzwerk/kommunen/ahlen/").content.decode()
    text = visible_text(ahlen)
    assert "Zurzeit ist keine Koordination eingetragen" not in text
    last_named = text[text.index("Zuletzt genannt") : text.index("Früher")]
    assert "Ulrike Gerhards" in last_named and "Lisa Kalendruschat" in last_named
    assert "(genannt am 15. November 2022)" in last_named
    assert "Marina Bänke, Koordinatorin der Ahlener Präventionskette" in text
    assert "genannt zwischen 13. September 2017 und 9. November 2017" in text
    assert "Januar 2017 bis Dezember 2017" not in text
    bothe = visible_text(client.get("/netzwerk/personen/andreas-bothe/").content.decode())
    assert "Staatssekretär (genannt zwischen September 2017 und März 2018)" in bothe
    assert "Ministerium" not in bothe  # no source names his ministry


def test_every_learning_network_meeting_names_the_organiser_002_states(seed, client):

    meetings = Meeting.objects.filter(kind="learning_network", sequence_number__isnull=False)
    assert meetings.count() == 11
    for meeting in meetings:
        html = client.get(meeting.get_absolute_url()).content.decode()
        event = structured_data(html, "Event")
        names = [organizer["name"] for organizer in event["organizer"]]
        assert "Landeskoordinierungsstelle Kommunale Präventionsketten NRW" in names, meeting
