"""What every page has, gathered from small mixins listed before Page."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from ..api_fields import card_rendition


class ListingMixin(models.Model):
    """How a page appears in lists, cards and search results."""

    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown on cards, in search results and as "
        "the description for search engines when none is set under Promote.",
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image shown on cards linking to this page.",
    )

    class Meta:
        abstract = True


class SocialMixin(models.Model):
    """What search engines and social networks are told about a page."""

    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image shown when the page is shared; defaults to the listing image.",
    )

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.listing_image


class BasePage(ListingMixin, SocialMixin, Page):
    # Which filter of the site search lists this page type: a key of
    # core.search.RESULT_TYPES.
    search_result_type = "pages"

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
    ]
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    # The public API (core/api.py); page types add their own fields.
    api_fields = [
        APIField("summary"),
        APIField("search_description"),
        APIField("last_published_at"),
        card_rendition("listing_image"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("social_image")],
            heading="Images for cards and sharing",
        ),
    ]

    class Meta:
        abstract = True
