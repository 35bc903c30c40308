"""Factories for the shared page types, used by tests and the demo loader."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page

from .models import (
    ContactFormField,
    ContactFormPage,
    CustomImage,
    HomePage,
    KeyFact,
    StandardPage,
)


def rich_text(html):
    """A body StreamField value of one rich text block."""
    return [("rich_text", html)]


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Faker("sentence", nb_words=6)

    class Meta:
        model = CustomImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Birmingham Health Partners"
    slug = "home"
    hero_heading = "Research that reaches patients"
    parent = factory.LazyFunction(lambda: Page.get_first_root_node())

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: rich_text("<p>Page content.</p>"))
    # Under the one home page (from the demo content, or made here).
    parent = factory.LazyFunction(lambda: HomePage.objects.first() or HomePageFactory())

    class Meta:
        model = StandardPage


class KeyFactFactory(DjangoModelFactory):
    figure = factory.Sequence(lambda n: f"{n + 1},000")
    label = factory.Sequence(lambda n: f"things counted {n}")
    source_name = "BHP annual report"

    class Meta:
        model = KeyFact


class ContactFormPageFactory(wagtail_factories.PageFactory):
    title = "Contact us"
    slug = "contact"
    summary = "Send us a question."
    parent = factory.LazyFunction(lambda: HomePage.objects.first() or HomePageFactory())

    class Meta:
        model = ContactFormPage


class ContactFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(ContactFormPageFactory)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = ContactFormField
