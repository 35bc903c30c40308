"""What every page has, gathered from small mixins listed before Page."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from ..api_fields import card_rendition
from ..images import image_fields
from ..search import OTHER_PAGES


def optional_link(to, related_name, help_text):
    """A foreign key that may be left empty; deleting what it points at
    empties it, so nothing an editor saved goes with it."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


def optional_image(help_text):
    """A foreign key to one image of the site's image model, which may be
    left empty; deleting the image empties it."""
    return optional_link(settings.WAGTAILIMAGES_IMAGE_MODEL, "+", help_text)


class ListingMixin(models.Model):
    """How a page appears in lists, cards and search results."""

    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown on cards, in search results and as "
        "the description for search engines when none is set under Promote.",
    )
    listing_image = optional_image("Image shown on cards linking to this page.")

    # The image fields a card may show, the first one set winning;
    # core.images.with_card_images loads them all for a list of cards.
    card_image_fields = ("listing_image",)

    class Meta:
        abstract = True

    @property
    def card_image(self):
        images = (getattr(self, name) for name in self.card_image_fields)
        return next(filter(None, images), None)


class SocialMixin(models.Model):
    """What search engines and social networks are told about a page."""

    social_image = optional_image(
        "Image shown when the page is shared; defaults to the listing image."
    )

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.card_image


class HeroImageMixin(models.Model):
    """A wide image at the top of the page."""

    hero_image = optional_image(
        "Wide image at the top of the page; its description is the alt text."
    )

    class Meta:
        abstract = True


class BasePage(ListingMixin, SocialMixin, Page):
    # Which filter of the site search lists this page type; page types that
    # have a filter of their own declare a core.search.SearchResultType.
    search_result_type = OTHER_PAGES

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

    def get_view_restrictions(self):
        # Routing from a remembered route brings the restrictions along
        # (core/routing.py); a page loaded any other way asks.
        if hasattr(self, "routed_view_restrictions"):
            return self.routed_view_restrictions
        return super().get_view_restrictions()

    @property
    def search_result_label(self):
        """The kind of page a search result says it is: its type's label
        unless the page type says more (an article its own type)."""
        return self.search_result_type.label

    def route(self, request, path_components):
        # Wagtail finds the child by slug, then loads its page type's own row:
        # two queries per level of the address. Where only one page type may
        # sit below this page, a query of that type does both, and brings its
        # images (sharing, hero) along. Anything else (an old child of another
        # type, no such page) goes Wagtail's way.
        child_models = self.allowed_subpage_models()
        if path_components and len(child_models) == 1:
            (model,) = child_models
            slug = path_components[0]
            child = (
                model.objects.child_of(self)
                .filter(slug=slug)
                .select_related(*image_fields(model))
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
