"""Two editors press "Sichern" on the same record at the same moment: exactly one save wins,
the other gets the form back with a German message. Needs PostgreSQL's row locks (SQLite
writes one transaction at a time anyway)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from apps.news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory
from tests.factories.admin_forms import scraped_form

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 8


def save_at_the_same_moment(posts):
    """Send each (client, url, data) from its own thread, released together; return the
    responses in order."""
    start = threading.Barrier(len(posts))
    responses = [None] * len(posts)

    def send(index, client, url, data):
        try:
            start.wait()
            responses[index] = client.post(url, data)
        finally:
            connection.close()  # each thread has its own database connection

    threads = [
        threading.Thread(target=send, args=(index, *post)) for index, post in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


@pytest.mark.slow(3)
def test_exactly_one_of_two_simultaneous_saves_wins():
    article = ArticleFactory(title="Ausgangstext")
    url = reverse("admin:news_article_change", args=[article.pk])
    editors = []
    for name in ("anna", "ben"):
        client = Client()
        client.force_login(StaffUserFactory(username=name))
        editors.append(client)

    for round_number in range(ROUNDS):
        # Both open the form before either saves: they post the same edit token.
        forms = [editor.get(url).content.decode() for editor in editors]
        titles = [f"Runde {round_number} von Anna", f"Runde {round_number} von Ben"]
        responses = save_at_the_same_moment(
            [
                (editor, url, scraped_form(form, title=title))
                for editor, form, title in zip(editors, forms, titles, strict=True)
            ]
        )

        statuses = sorted(response.status_code for response in responses)
        assert statuses == [200, 302], (round_number, statuses)
        winner = titles[[r.status_code for r in responses].index(302)]
        loser = responses[[r.status_code for r in responses].index(200)].content.decode()
        assert "Jemand anderes hat diesen Eintrag gespeichert" in loser
        assert Article.objects.get(pk=article.pk).title == winner
