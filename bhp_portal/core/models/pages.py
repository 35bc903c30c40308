"""The home page and the standard content page."""

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject, classproperty
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from ..blocks import BodyBlock, LinkBlock
from ..images import with_card_images
from ..visibility import live_and_public
from .base import BasePage, HeroImageMixin
from .key_facts import KeyFactLink, KeyFactsMixin


class HomePage(KeyFactsMixin, HeroImageMixin, BasePage):
    hero_heading = models.CharField(
        max_length=120, help_text="The large heading at the top of the home page."
    )
    hero_text = models.TextField(
        max_length=300, blank=True, help_text="A sentence under the hero heading."
    )
    hero_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=1,
        help_text="The hero's call to action.",
    )
    introduction = RichTextField(
        features=settings.RICHTEXT_FEATURES["inline"],
        blank=True,
        help_text="A short welcome under the hero.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Further home page content.")

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    page_description = "The site's front page. There is only one."

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
            ],
            heading="Hero",
        ),
        FieldPanel("introduction"),
        KeyFactsMixin.key_facts_panel,
        InlinePanel(
            "featured_pages", heading="Featured research", label="Page", max_num=6
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    @classproperty
    def subpage_types(cls):
        # The page types that name the home page as their parent: the standard
        # pages and each section's index. Core names no section.
        return [
            model
            for model in get_page_models()
            if getattr(model, "parent_page_types", None)
            and cls in model.clean_parent_page_models()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only if the template's cached fragment is missing.
        context["featured_pages"] = SimpleLazyObject(self.get_featured_pages)
        return context

    def get_featured_pages(self):
        """Live, public featured pages in the editor's order, with their card
        images, in a fixed number of queries."""
        order = list(self.featured_pages.values_list("featured_id", flat=True))
        pages = (
            live_and_public(Page.objects.filter(pk__in=order))
            .specific()
            .defer_streamfields()
        )
        by_id = {page.pk: page for page in with_card_images(pages)}
        return [by_id[pk] for pk in order if pk in by_id]


class HomePageKeyFact(KeyFactLink):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_facts")


class HomePageFeaturedPage(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_pages"
    )
    featured = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A research theme or other page to feature as a card.",
    )
    panels = [FieldPanel("featured")]


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), help_text="The page's main content.")

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    page_description = (
        "A general content page: about BHP, governance, policies, contact details."
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
