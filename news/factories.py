"""Factories for news, used by the tests and the demo loader."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from bhp_portal.core.factories import HomePageFactory, SingletonPageFactory

from .models import (
    ArticleType,
    EmbargoLink,
    NewsArticleAuthor,
    NewsArticlePage,
    NewsIndexPage,
    PressContact,
)


class NewsIndexPageFactory(SingletonPageFactory):
    title = "News"
    slug = "news"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News article {n}")
    summary = factory.Faker("sentence")
    date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    article_type = ArticleType.NEWS
    body = factory.LazyFunction(lambda: [("rich_text", "<p>What happened.</p>")])
    parent = factory.SubFactory(NewsIndexPageFactory)

    class Meta:
        model = NewsArticlePage
        # Themes and organisations are ordinary keyword arguments (modelcluster
        # takes them in the constructor); only tags need a second save.
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()


class PressContactFactory(DjangoModelFactory):
    name = factory.Faker("name", locale="en_GB")
    role = "Press Officer, Birmingham Health Partners"
    email = factory.Sequence(lambda n: f"press{n}@example.org")
    phone = "0121 496 0000"
    out_of_hours_phone = "07700 900000"

    class Meta:
        model = PressContact


class NewsArticleAuthorFactory(DjangoModelFactory):
    page = factory.SubFactory(NewsArticlePageFactory)
    name = factory.Faker("name", locale="en_GB")
    role = "Communications team"

    class Meta:
        model = NewsArticleAuthor


class EmbargoLinkFactory(DjangoModelFactory):
    page = factory.SubFactory(NewsArticlePageFactory, live=False)
    recipient = "Health desk, Example News"

    class Meta:
        model = EmbargoLink
