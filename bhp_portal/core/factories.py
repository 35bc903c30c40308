"""Factories for the shared page types, used by tests and the demo loader."""

import io

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


def phone_photo(width=4032, height=3024):
    """A JPEG file of a phone camera's size (12 megapixels, a few MB): gradient,
    shapes and sensor-like noise, so it compresses like a photograph."""
    from PIL import Image, ImageDraw

    photo = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(photo)
    for n in range(60):
        box = (
            n * width // 67,
            n * height // 75,
            n * width // 67 + 500,
            n * height // 75 + 400,
        )
        draw.ellipse(box, fill=(n * 4, 90, 160))
    noise = Image.effect_noise((width, height), 60).convert("RGB")
    file = io.BytesIO()
    Image.blend(photo, noise, 0.3).save(file, "JPEG", quality=92)
    file.name = "phone-photo.jpg"
    file.seek(0)
    return file


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
