"""Topics as editors expect them: one topic whatever the letter case, suggestions while
typing, and Freigabe merges two topics into one."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from apps.news.models import Article, Topic
from tests.factories import ArticleFactory, MeetingFactory, UserFactory
from tests.factories.admin_forms import article_admin_form, scraped_form

pytestmark = pytest.mark.django_db

SUGGESTIONS = reverse("admin:news_topic_suggestions")


@pytest.mark.parametrize(("existing", "typed"), [("Schule", "schule"), ("Übergänge", "übergänge")])
def test_topic_typed_in_other_letter_case_is_the_existing_topic(editor_client, existing, typed):
    # SQLite folds only ASCII letters itself; "Ü" and "ü" are one topic there too.
    ArticleFactory(tags=[existing])
    editor_client.post(reverse("admin:news_article_add"), article_admin_form(tags=[typed]))
    assert list(Topic.objects.values_list("name", flat=True)) == [existing]
    assert Article.objects.filter(tags__name=existing).count() == 2


def test_topics_chosen_in_the_select_keep_their_spaces(editor_client):
    editor_client.post(
        reverse("admin:news_article_add"),
        article_admin_form(title="Frühe Hilfen", tags=["Frühe Hilfen", "Kita"]),
    )
    assert sorted(Article.objects.get().tags.names()) == ["Frühe Hilfen", "Kita"]


def test_form_shows_the_chosen_topics_as_selected_options(editor_client):
    article = ArticleFactory(draft=True, tags=["Frühe Hilfen"])
    page = editor_client.get(reverse("admin:news_article_change", args=[article.pk]))
    form = scraped_form(page.content.decode())
    assert form["tags"] == ["Frühe Hilfen"]
    assert 'class="topic-select"' in page.content.decode()


def test_suggestions_find_topics_in_any_letter_case_most_used_first(editor_client):
    ArticleFactory(tags=["Schulsozialarbeit"])
    ArticleFactory(tags=["Grundschule", "Schulsozialarbeit"])
    ArticleFactory(tags=["Kita"])
    answer = editor_client.get(SUGGESTIONS, {"q": "SCHUL"}).json()
    assert [item["text"] for item in answer["results"]] == ["Schulsozialarbeit", "Grundschule"]
    ArticleFactory(tags=["Übergänge"])
    answer = editor_client.get(SUGGESTIONS, {"q": "übergä"}).json()
    assert [item["text"] for item in answer["results"]] == ["Übergänge"]


def test_suggestions_are_for_the_editorial_groups_only(client):
    assert client.get(SUGGESTIONS).status_code == 302
    client.force_login(UserFactory(username="ohne-gruppe", is_staff=True))
    assert client.get(SUGGESTIONS).status_code == 403


def test_publisher_merges_two_topics_and_visitors_find_everything_under_one(
    publisher_client, client
):
    both = ArticleFactory(tags=["Schule", "Schulen"])
    ArticleFactory(tags=["Schulen"])
    MeetingFactory(tags=["Schulen"])
    schule, schulen = Topic.objects.get(name="Schule"), Topic.objects.get(name="Schulen")
    changelist = reverse("admin:news_topic_changelist")
    chosen = {"action": "merge", helpers.ACTION_CHECKBOX_NAME: [schule.pk, schulen.pk]}

    confirm = publisher_client.post(changelist, chosen)
    assert "Welches Thema bleibt?" in confirm.content.decode()
    publisher_client.post(changelist, {**chosen, "ziel": schule.pk})

    assert list(Topic.objects.values_list("name", flat=True)) == ["Schule"]
    assert sorted(both.tags.names()) == ["Schule"]
    assert Article.objects.filter(tags=schule).count() == 2
    assert schule.tagged_items.count() == 3  # two articles and one meeting, each once
    assert client.get("/aktuelles/thema/schulen/").status_code == 404
    assert client.get("/aktuelles/thema/schule/").status_code == 200


def test_editors_cannot_merge_topics(editor_client):
    ArticleFactory(tags=["Schule", "Schulen"])
    page = editor_client.get(reverse("admin:news_topic_changelist")).content.decode()
    assert 'value="merge"' not in page


@pytest.mark.parametrize("uses", [2, 20])
def test_merge_costs_the_same_queries_however_often_a_topic_is_used(
    uses, django_assert_num_queries
):
    from apps.news.services import topics_merge

    for _ in range(uses):
        ArticleFactory(tags=["Schulen"])
    ArticleFactory(tags=["Schule", "Schulen"])
    target, other = Topic.objects.get(name="Schule"), Topic.objects.get(name="Schulen")
    # A fixed number, not one or two per use of the merged topic.
    with django_assert_num_queries(7):
        topics_merge(target=target, others=[other])
    assert target.tagged_items.count() == uses + 1
