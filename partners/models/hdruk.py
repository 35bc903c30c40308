"""Health Data Research UK: the national network and its sites, one of which
BHP leads. Site members are Organisation records, so a university listed here
is the same record as on its partner page."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from bhp_portal.core.blocks import BodyBlock
from bhp_portal.core.images import with_card_images_joined
from bhp_portal.core.models import BasePage, optional_link
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public

from ..api_fields import nested_organisations
from .announcements import AnnouncementMixin
from .organisations import Organisation


def members_prefetch():
    return Prefetch(
        "members",
        queryset=HDRUKSiteMember.objects.select_related("organisation").order_by(
            "sort_order"
        ),
    )


class HDRUKIndexPage(AnnouncementMixin, BasePage):
    network = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The national body, Health Data Research UK, as an organisation "
        "record; its sites are described as part of it for search engines.",
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="What HDR UK is, the award and its purpose; shown above the map.",
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["partners.HDRUKSitePage"]
    max_count_per_parent = 1
    page_description = (
        "Health Data Research UK: its sites, their members and a map, at /hdr-uk/."
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("network"),
        FieldPanel("body"),
        FieldPanel("announcement"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        # Django would make "Hdruk index page" of the class name.
        verbose_name = "HDR UK index page"

    api_fields = [
        *BasePage.api_fields,
        nested_organisations("network", many=False),
        APIField("body"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when first used: the template's cached fragment reads none.
        context["sites"] = SimpleLazyObject(self.get_sites)
        return context

    def get_sites(self):
        return list(
            with_card_images_joined(
                live_and_public(
                    HDRUKSitePage.objects.child_of(self)
                ).defer_streamfields()
            )
        )


class HDRUKSitePage(AnnouncementMixin, BasePage):
    region = models.CharField(
        max_length=80,
        help_text='The site\'s region as HDR UK names it, e.g. "Midlands".',
    )
    lead = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hdruk_sites_led",
        help_text="The organisation or partnership leading the site.",
    )
    lead_note = models.CharField(
        max_length=160,
        blank=True,
        help_text="Who leads the site when it is not one organisation, e.g. "
        '"Birmingham Health Partners"; shown after "Led by".',
    )
    director = models.CharField(
        max_length=120, blank=True, help_text="Name of the site director."
    )
    # Any page, so partners need not import the people directory's model;
    # the chooser offers person pages only.
    director_page = optional_link(
        "wagtailcore.Page",
        "+",
        "The director's page in the people directory, if they have one: the "
        "name then links to it.",
    )
    director_role = models.CharField(
        max_length=200,
        blank=True,
        help_text="The director's post, shown after the name.",
    )
    strengths = RichTextField(
        features=settings.RICHTEXT_FEATURES["body"],
        blank=True,
        help_text="What the site is known for; a short list reads best.",
    )
    body = StreamField(BodyBlock(), blank=True, help_text="Further detail on the site.")

    parent_page_types = ["partners.HDRUKIndexPage"]
    subpage_types = []
    page_description = "One Health Data Research UK site and its member organisations."

    class Meta:
        verbose_name = "HDR UK site page"

    # The sites live under /hdr-uk/, so ?type=hdr-uk finds them too.
    search_result_type = SearchResultType(
        "sites", "HDR UK site", "HDR UK sites", aliases=("hdr-uk",)
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("region"),
        MultiFieldPanel(
            [
                FieldPanel("lead"),
                FieldPanel("lead_note"),
                FieldRowPanel([FieldPanel("director"), FieldPanel("director_role")]),
                PageChooserPanel("director_page", "research.PersonPage"),
            ],
            heading="Leadership",
        ),
        InlinePanel(
            "members",
            heading="Member organisations",
            label="Member",
            min_num=1,
            help_text="In the order HDR UK lists them.",
        ),
        FieldPanel("strengths"),
        FieldPanel("body"),
        FieldPanel("announcement"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("region", boost=2),
        index.SearchField("director"),
        index.SearchField("strengths"),
        index.SearchField("body"),
        index.RelatedFields(
            "members",
            [
                index.RelatedFields(
                    "organisation",
                    [index.SearchField("name"), index.SearchField("short_name")],
                )
            ],
        ),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("region"),
        nested_organisations("lead", many=False),
        APIField("lead_note"),
        APIField("director"),
        APIField("director_role"),
        APIField("strengths"),
        nested_organisations("members", source="member_organisations"),
        APIField("body"),
    ]

    @property
    def member_organisations(self):
        return [member.organisation for member in self.members.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only by the template's fragments, so only when one is not kept.
        members = SimpleLazyObject(
            lambda: list(
                self.members.select_related(
                    "organisation__parent", "organisation__partner_page"
                )
            )
        )
        context["members"] = members
        context["json_ld"] = SimpleLazyObject(
            lambda: self.json_ld([member.organisation for member in members], request)
        )
        return context

    def json_ld(self, members, request=None):
        site = {
            "@type": "Organization",
            "name": f"HDR UK {self.region}",
            "url": self.get_full_url(request),
        }
        site["@id"] = site["url"]
        index_page = (
            HDRUKIndexPage.objects.ancestor_of(self).select_related("network").first()
        )
        if index_page and index_page.network:
            site["parentOrganization"] = index_page.network.json_ld()
        site["member"] = [
            org.json_ld(member_of=[{"@id": site["@id"]}]) for org in members
        ]
        return site


class HDRUKSiteMember(Orderable):
    page = ParentalKey(HDRUKSitePage, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="hdruk_memberships",
        help_text="A member organisation; choose the existing record if there is one.",
    )

    role = models.CharField(
        max_length=160,
        blank=True,
        help_text='The member\'s part in the site, e.g. "Leads the site with BHP".',
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "organisation"], name="unique_hdruk_site_member"
            )
        ]
