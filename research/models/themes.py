"""Research themes: the index at /research/ and one page per theme."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from bhp_portal.core.api_fields import card_rendition, key_facts, page_links
from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.cache import built_when_read
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.models import (
    BasePage,
    HeroImageMixin,
    KeyFactLink,
    KeyFactsMixin,
)
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public
from partners.api_fields import nested_organisations
from partners.models import PartnerPage

from ..blocks import ContactsBlock, UnitsBlock
from .people import PersonPage
from .studies import recruiting_studies


class ResearchIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["research.ResearchThemePage"]
    max_count_per_parent = 1
    page_description = "The list of BHP's research themes, at /research/."

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Tree order, which editors set by reordering the themes in the admin;
        # built when first read, so the template's cached fragment reads none.
        context["themes"] = SimpleLazyObject(
            lambda: with_card_images_joined(
                live_and_public(
                    ResearchThemePage.objects.child_of(self)
                ).defer_streamfields()
            )
        )
        return context


class ResearchThemePage(KeyFactsMixin, HeroImageMixin, BasePage):
    body = StreamField(BodyBlock(), blank=True, help_text="The theme's main content.")
    units = StreamField(
        UnitsBlock(),
        blank=True,
        help_text="The units, centres and programmes that carry out the theme.",
    )
    lead_contacts = StreamField(
        ContactsBlock(), blank=True, help_text="People to contact about the theme."
    )

    parent_page_types = ["research.ResearchIndexPage"]
    subpage_types = []
    page_description = "One research theme, such as Cancer or Rare Diseases."
    # /research/ holds the themes, so ?type=research finds them too.
    search_result_type = SearchResultType(
        "themes", "Research theme", "Research themes", aliases=("research",)
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_image"),
        FieldPanel("body"),
        KeyFactsMixin.key_facts_panel,
        FieldPanel("units"),
        FieldPanel("lead_contacts"),
        InlinePanel(
            "partner_links",
            heading="Partners",
            label="Partner",
            help_text="Organisations that take part in the theme.",
        ),
        InlinePanel(
            "related_theme_links", heading="Related themes", label="Theme", max_num=6
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("units"),
        index.SearchField("lead_contacts"),
        index.RelatedFields(
            "partner_links",
            [
                index.RelatedFields(
                    "organisation",
                    [index.SearchField("name"), index.SearchField("short_name")],
                )
            ],
        ),
        index.RelatedFields(
            "related_theme_links",
            [index.RelatedFields("theme", [index.SearchField("title")])],
        ),
    ]

    api_fields = [
        *BasePage.api_fields,
        card_rendition("hero_image"),
        APIField("body"),
        key_facts(),
        APIField("units"),
        APIField("lead_contacts"),
        nested_organisations("partners", source="partner_organisations"),
        page_links("related_themes", source="get_related_themes"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each list is built when first read: a cached fragment of the
        # template reads none, and even building a query costs. A theme not
        # saved yet (a preview of a new one) has no news, events or studies.
        lists = {
            "partners": self.get_partners,
            # news.NewsArticlePage.themes and news.EventPage.themes point
            # here; following them keeps research from importing news.
            "latest_news": lambda: self.news_articles.newest() if self.pk else [],
            "next_events": lambda: self.events.next_events() if self.pk else [],
            "related_themes": self.get_related_themes,
            "recruiting_studies": lambda: (
                recruiting_studies(self.studies.all()) if self.pk else []
            ),
            "people": self.get_people,
        }
        context.update(built_when_read(**lists))
        return context

    def get_people(self):
        """Live people in the theme (unevaluated), leaving out those its
        contacts already link to. A theme not saved yet has none."""
        if not self.pk:
            return []
        contacts = {
            block.value["person"].pk
            for block in self.lead_contacts
            if block.value.get("person")
        }
        return (
            PersonPage.objects.filter(themes=self)
            .exclude(pk__in=contacts)
            .for_listing()
        )

    def get_partners(self):
        """The chosen organisations in the editor's order, each with its live
        partner page where it has one (two queries however many)."""
        organisations = [
            link.organisation
            for link in self.partner_links.select_related("organisation")
        ]
        pages = {
            page.organisation_id: page
            for page in live_and_public(PartnerPage.objects)
            .filter(organisation__in=organisations)
            .defer_streamfields()
        }
        return [(org, pages.get(org.pk)) for org in organisations]

    @property
    def partner_organisations(self):
        return [organisation for organisation, _ in self.get_partners()]

    def get_related_themes(self):
        """Live, public related themes in the editor's order, in one query
        (plus the card images) when first read. A theme not saved yet (a
        preview of a new one) has none in the database."""
        if not self.pk:
            return ResearchThemePage.objects.none()
        link_order = ResearchThemeRelatedTheme.objects.filter(
            page=self, theme=OuterRef("pk")
        ).values("sort_order")[:1]
        return with_card_images_joined(
            live_and_public(ResearchThemePage.objects)
            .annotate(link_order=Subquery(link_order))
            .filter(link_order__isnull=False)
            .order_by("link_order")
            .defer_streamfields()
        )


class ResearchThemeKeyFact(KeyFactLink):
    page = ParentalKey(
        ResearchThemePage, on_delete=models.CASCADE, related_name="key_facts"
    )


class ResearchThemePartner(Orderable):
    page = ParentalKey(
        ResearchThemePage, on_delete=models.CASCADE, related_name="partner_links"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.CASCADE,
        related_name="theme_links",
        help_text="A partner organisation; its partner page lists this theme too.",
    )
    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "organisation"], name="unique_theme_partner"
            )
        ]


class ResearchThemeRelatedTheme(Orderable):
    page = ParentalKey(
        ResearchThemePage,
        on_delete=models.CASCADE,
        related_name="related_theme_links",
    )
    theme = models.ForeignKey(
        ResearchThemePage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Another theme readers of this one may want.",
    )
    panels = [FieldPanel("theme")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "theme"], name="unique_related_theme"
            )
        ]
