import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.news.models import Article, ArticlePhoto


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@ahlen.example")
    password = factory.django.Password("geheim-123")


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Lernnetzwerktreffen Nummer {n}")
    lead = factory.Faker("sentence", locale="de_DE")
    body = factory.LazyAttribute(lambda o: f"<p>{o.lead}</p>")
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    photo = factory.SubFactory("tests.factories.media.PhotoFactory")
    position = factory.Sequence(lambda n: n)
