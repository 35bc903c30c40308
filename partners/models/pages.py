"""BHP's partners: the index at /partners/ and one page per organisation."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from bhp_portal.core.api_fields import key_facts
from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.cache import built_when_read
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.models import BasePage, KeyFactLink, KeyFactsMixin
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public

from ..api_fields import nested_organisations
from .organisations import Organisation


def site_organisation_ld(page, request=None):
    """BHP itself, as the body its partners are members of."""
    # The request already knows its site (with the root page); page.get_site()
    # would look both up again.
    site = Site.find_for_request(request) if request else page.get_site()
    root = site.root_page if site else None
    data = {
        "@type": "Organization",
        "name": (site and site.site_name) or "Birmingham Health Partners",
    }
    if root:
        data["url"] = root.get_full_url(request)
    return data


class PartnerIndexPage(BasePage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1
    page_description = (
        "The list of BHP's member and partner organisations, at /partners/."
    )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = with_card_images_joined(
            live_and_public(PartnerPage.objects.child_of(self))
            .defer_streamfields()
            .select_related("organisation")
        )
        # Read when first used: the template's cached fragment reads none.
        context["partner_groups"] = SimpleLazyObject(
            lambda: [
                (label, [page for page in partners if page.role == role])
                for role, label in PartnerPage.Role.choices
            ]
        )
        return context


class PartnerPage(KeyFactsMixin, BasePage):
    class Role(models.TextChoices):
        FOUNDING = "founding", "Founding members"
        AFFILIATED = "affiliated", "Affiliated NHS partners"
        NETWORK = "network", "Wider networks"

    organisation = models.OneToOneField(
        "partners.Organisation",
        on_delete=models.PROTECT,
        related_name="partner_page",
        help_text="The organisation this page is about. Its name, website, "
        "location and identifiers come from the organisation record.",
    )
    role = models.CharField(
        max_length=16,
        choices=Role.choices,
        default=Role.AFFILIATED,
        help_text="The organisation's place in BHP; partners are grouped by it.",
    )
    body = StreamField(
        BodyBlock(), blank=True, help_text="What the organisation does and brings."
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    page_description = "One member or partner organisation of BHP."
    search_result_type = SearchResultType("partners", "Partner", "Partners")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organisation"),
        FieldPanel("role"),
        KeyFactsMixin.key_facts_panel,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("role"),
        index.RelatedFields(
            "organisation",
            [
                index.SearchField("name", boost=2),
                index.SearchField("short_name"),
                index.SearchField("town"),
            ],
        ),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("role"),
        nested_organisations("organisation", many=False),
        key_facts(),
        APIField("body"),
    ]

    def get_role_label(self):
        return {
            self.Role.FOUNDING: "Founding member",
            self.Role.AFFILIATED: "Affiliated NHS partner",
            self.Role.NETWORK: "Wider network",
        }[self.role]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # All read only by the template's fragments, so only when one is not
        # kept: a kept page runs none of these queries.
        organisation = SimpleLazyObject(
            lambda: Organisation.objects.select_related("parent").get(
                pk=self.organisation_id
            )
        )
        lists = {
            "json_ld": lambda: organisation.json_ld(
                member_of=[site_organisation_ld(self, request)]
            ),
            "related_themes": lambda: self.get_related_themes(organisation),
            # news.NewsArticlePage.organisations points at the organisation;
            # following it keeps partners from importing news.
            "latest_news": lambda: organisation.news_articles.newest(),
            # research.PersonPage and its roles point at the organisation.
            "people": lambda: organisation.people.model.objects.connected_to(
                organisation
            ).for_listing(),
        }
        context.update(built_when_read(**lists))
        context["organisation"] = organisation
        return context

    @staticmethod
    def get_related_themes(organisation):
        """Themes that chose this organisation as a partner, in one query. The
        research app links them; this side follows the reverse relation and
        takes the themes' page type from it, so it imports nothing."""
        links = organisation.theme_links
        theme_model = links.model._meta.get_field("page").related_model
        return (
            live_and_public(theme_model.objects.filter(pk__in=links.values("page_id")))
            .defer_streamfields()
            .order_by("path")
        )


class PartnerPageKeyFact(KeyFactLink):
    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="key_facts")
