"""Factories for news, used by the tests and the demo loader."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from bhp_portal.core.factories import HomePageFactory, SingletonPageFactory

from .models import (
    ArticleType,
    EmbargoLink,
    EventIndexPage,
    EventPage,
    EventType,
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


class EventIndexPageFactory(SingletonPageFactory):
    title = "Events"
    slug = "events"
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = EventIndexPage


def _in_days(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(wagtail_factories.PageFactory):
    """An in-person seminar a few weeks ahead, at a venue, free to attend."""

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.Faker("sentence")
    event_type = EventType.SEMINAR
    start = factory.Sequence(lambda n: _in_days(14 + n, 14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    venue_name = "Institute of Translational Medicine"
    venue_address = "Heritage Building, Mindelsohn Way\nBirmingham B15 2TH"
    body = factory.LazyFunction(lambda: [("rich_text", "<p>The programme.</p>")])
    parent = factory.SubFactory(EventIndexPageFactory)

    class Meta:
        model = EventPage
        skip_postgeneration_save = True
