"""Factories for the shared page types, used by tests and the demo loader."""

import io

import factory
import wagtail_factories
from django.conf import settings
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

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


class SingletonPageFactory(wagtail_factories.PageFactory):
    """A page its parent holds at most one of (the home page, an index, the
    contact form): the parent's existing one is returned, and one is made only
    when there is none. So every factory below it shares one, with or without
    the demo content."""

    class Meta:
        abstract = True
        django_get_or_create = ("parent",)


class HomePageFactory(SingletonPageFactory):
    title = "Birmingham Health Partners"
    slug = "home"
    hero_heading = "Research that reaches patients"
    # The tree's root, which Wagtail's first migration makes.
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Wagtail's first migration also leaves a placeholder page at "home";
        # the new home takes its slug and becomes the default site's root, so
        # the pages below it are served.
        parent.get_children().exact_type(Page).filter(slug=kwargs["slug"]).delete()
        home = super()._create_instance(model_class, parent, kwargs)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        return home


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    summary = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: rich_text("<p>Page content.</p>"))
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = StandardPage


class KeyFactFactory(DjangoModelFactory):
    figure = factory.Sequence(lambda n: f"{n + 1},000")
    label = factory.Sequence(lambda n: f"things counted {n}")
    source_name = "BHP annual report"

    class Meta:
        model = KeyFact


class ContactFormPageFactory(SingletonPageFactory):
    title = "Contact us"
    slug = "contact"
    summary = "Send us a question."
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = ContactFormPage


class ContactFormFieldFactory(DjangoModelFactory):
    page = factory.SubFactory(ContactFormPageFactory)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = ContactFormField
