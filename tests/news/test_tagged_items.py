"""One look-up for a model's topic assignments, shared by the tag page, feeds and sidebar."""

import pytest

from apps.network.models import Meeting
from apps.news.models import Article, TaggedItem
from tests.factories import ArticleFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_assignments_of_a_model_leave_out_other_models_with_the_same_ids():
    article = ArticleFactory(tags=["Partizipation"])
    # The same id in another table: only the content type tells them apart.
    meeting = MeetingFactory(pk=article.pk, tags=["Partizipation", "Kita"])
    other = ArticleFactory(tags=["Kita"])

    def names(items):
        return sorted(items.values_list("object_id", "tag__name"))

    assert names(TaggedItem.objects.of(Article)) == sorted(
        [(article.pk, "Partizipation"), (other.pk, "Kita")]
    )
    assert names(TaggedItem.objects.of(Article, [article.pk])) == [(article.pk, "Partizipation")]
    assert names(TaggedItem.objects.of(Meeting, [meeting.pk])) == [
        (meeting.pk, "Kita"),
        (meeting.pk, "Partizipation"),
    ]
