"""People: the directory at /people/ and one page per person.

A person is a page, not a snippet: it has an address of its own, so the
sitemap, site search, the API, revisions, previews and scheduled publishing
come from Wagtail (docs/architecture.md says more). Other apps point at a
person (a press contact, an article's author, an event's speaker) and the
person's page follows those relations back with `pages_via`.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from bhp_portal.core.api_fields import page_links
from bhp_portal.core.cache import built_when_read, request_generation
from bhp_portal.core.images import filter_specs, with_renditions
from bhp_portal.core.listings import filtered_page
from bhp_portal.core.models import BasePage, optional_image, optional_link
from bhp_portal.core.search import SearchResultType
from bhp_portal.core.visibility import live_and_public
from bhp_portal.core.widgets import PageCheckboxes
from partners.api_fields import nested_organisations

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
ORCID_URL = "https://orcid.org/"
PEOPLE_PER_PAGE = 24
PORTRAIT_JPEG = next(s for s in filter_specs("portrait") if "jpeg|fill-400x500" in s)


def orcid_check_character(base_digits):
    """The ISO 7064 MOD 11-2 check character of an ORCID iD's first 15 digits."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def validate_orcid(value):
    """Sixteen characters in four groups, the last a check digit (or X), so a
    mistyped iD is caught before it links to somebody else's record."""
    if not ORCID_PATTERN.match(value):
        raise ValidationError(
            'Enter the ORCID iD as 0000-0002-1825-0097, without "https://orcid.org/".'
        )
    digits = value.replace("-", "")
    if orcid_check_character(digits[:-1]) != digits[-1]:
        raise ValidationError("This ORCID iD's check digit does not match; check it.")


class RoleKind(models.TextChoices):
    # The values are the slugs used in the directory's ?role= filter.
    LEADERSHIP = "leadership", "Leadership"
    THEME_LEAD = "theme-lead", "Theme leads"
    COMMUNICATIONS = "communications", "Communications and press"
    RESEARCH = "research", "Research"
    OTHER = "other", "Other roles"


class PersonQuerySet(PageQuerySet):
    """Other apps reach these through reverse relations (a partner page's
    `organisation.people`), without importing research."""

    def for_listing(self):
        """Live, public people by family name, with what a directory entry
        shows: organisation, photo and its renditions, roles."""
        return (
            live_and_public(self)
            .defer_streamfields()
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "photo",
                    queryset=with_renditions(
                        get_image_model().objects, filter_specs("portrait")
                    ),
                ),
                Prefetch(
                    "roles",
                    queryset=PersonRole.objects.select_related("organisation"),
                ),
            )
            .order_by("family_name", "title")
        )

    def connected_to(self, organisation):
        """People who work for the organisation or hold a role there."""
        return self.filter(
            Q(organisation=organisation) | Q(roles__organisation=organisation)
        ).distinct()


class PeopleIndexPage(BasePage):
    introduction = models.TextField(
        max_length=400, blank=True, help_text="A sentence or two above the directory."
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["research.PersonPage"]
    max_count_per_parent = 1
    page_description = "The directory of BHP's people, at /people/."
    # Its filters, search and page number: the page cache keys on these alone.
    cache_query_parameters = ("organisation", "page", "q", "role", "theme")

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    def people(self):
        return PersonPage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        from ..forms import PeopleFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = PeopleFilterForm(
            request.GET, index=self, generation=request_generation(request)
        )
        people = form.filter(self.people()) if form.is_valid() else []
        context.update(
            filtered_page(request, form, people, PEOPLE_PER_PAGE, f"people:{self.pk}")
        )
        context["people"] = context["page_obj"].object_list
        return context


class PersonPage(BasePage):
    honorific = models.CharField(
        max_length=40,
        blank=True,
        help_text='Shown before the name, e.g. "Professor" or "Dr". The page '
        "title is the name itself.",
    )
    post_nominals = models.CharField(
        max_length=80,
        blank=True,
        help_text='Letters after the name, e.g. "FMedSci", as the person uses them.',
    )
    family_name = models.CharField(
        max_length=80,
        blank=True,
        help_text="Used to sort the directory; left empty, the last word of the "
        "name is used.",
    )
    organisation = optional_link(
        "partners.Organisation",
        "people",
        "The organisation the person mainly works for; their partner page lists them.",
    )
    orcid = models.CharField(
        "ORCID iD",
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text='The person\'s ORCID iD, e.g. "0000-0002-1825-0097". Leave it '
        "empty unless the person has given it.",
    )
    photo = optional_image(
        "A portrait the person has agreed to. Without one, their initials are shown."
    )
    photo_alt = models.CharField(
        max_length=200,
        blank=True,
        help_text="What the photo shows, for people who cannot see it. Leave empty "
        "to use the image's own description.",
    )
    biography = RichTextField(
        features=settings.RICHTEXT_FEATURES["inline"],
        blank=True,
        help_text="A short biography, a paragraph or two.",
    )
    public_email = models.EmailField(
        blank=True,
        help_text="Only an address the person wants published; it is shown on "
        "their page and in the API.",
    )
    public_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Only a number the person wants published, e.g. an office line.",
    )
    themes = ParentalManyToManyField(
        "research.ResearchThemePage",
        blank=True,
        related_name="people",
        help_text="Research themes the person works in; their pages list them.",
    )

    parent_page_types = ["research.PeopleIndexPage"]
    subpage_types = []
    page_description = "One person: their roles, research themes and biography."
    search_result_type = SearchResultType("people", "Person", "People")
    og_type = "profile"

    objects = PageManager.from_queryset(PersonQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel(
            [
                FieldPanel("honorific"),
                FieldPanel("post_nominals"),
                FieldPanel("family_name"),
            ]
        ),
        FieldPanel("organisation"),
        InlinePanel(
            "roles",
            heading="Roles",
            label="Role",
            help_text="Each post the person holds or held, most important first.",
        ),
        FieldPanel("themes", widget=PageCheckboxes),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"
        ),
        FieldPanel("biography"),
        MultiFieldPanel(
            [
                FieldPanel("orcid"),
                FieldRowPanel([FieldPanel("public_email"), FieldPanel("public_phone")]),
            ],
            heading="Identifiers and public contact",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("biography"),
        index.SearchField("post_nominals"),
        index.SearchField("orcid"),
        index.RelatedFields("roles", [index.SearchField("title", boost=2)]),
        index.RelatedFields(
            "organisation",
            [index.SearchField("name"), index.SearchField("short_name")],
        ),
        index.RelatedFields("themes", [index.SearchField("title")]),
    ]
    # Public fields only: what the person's page shows.
    api_fields = [
        *BasePage.api_fields,
        APIField("honorific"),
        APIField("post_nominals"),
        APIField("full_name"),
        nested_organisations("organisation", many=False),
        APIField("roles"),
        page_links("themes", source="live_themes"),
        APIField("orcid"),
        APIField("orcid_url"),
        APIField("photo", serializer=ImageRenditionField(PORTRAIT_JPEG)),
        APIField(
            "photo_alt", serializer=serializers.CharField(source="photo_alt_text")
        ),
        APIField("biography"),
        APIField("public_email"),
        APIField("public_phone"),
    ]

    class Meta:
        verbose_name = "person page"

    def save(self, *args, **kwargs):
        if not self.family_name and self.title:
            self.family_name = self.title.split()[-1]
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only by the template's fragments (kept for the day: a role
        # may end today), so only when one is not kept.
        roles = SimpleLazyObject(
            lambda: list(self.roles.select_related("organisation__parent"))
        )
        current_roles = SimpleLazyObject(
            lambda: [role for role in roles if role.is_current]
        )
        context.update(roles=roles, current_roles=current_roles)
        context.update(
            built_when_read(
                past_roles=lambda: [role for role in roles if not role.is_current],
                themes=lambda: list(self.live_themes()),
                # news.NewsArticleAuthor.person and news.PressContact.person
                # point here; the events app adds its speakers the same way.
                news=lambda: self.appearances("news_authorships"),
                # news.EventSpeaker.person: the events they speak at.
                events=lambda: self.appearances("event_speakers"),
                json_ld=lambda: self.json_ld(request, current_roles),
            )
        )
        return context

    def live_themes(self):
        return live_and_public(self.themes).order_by("title")

    def appearances(self, related_name):
        """Live, public pages of another app that name this person: rows of
        that app (an article's author, an event's speaker) point here through
        `related_name`, and their page model's queryset says which pages
        feature the person (`featuring(person)`), ready for cards. Research
        imports no app that points at it; an app not installed adds nothing,
        and a person not saved yet (a preview) appears nowhere."""
        rows = getattr(self, related_name, None)
        if rows is None or not self.pk:
            return []
        page_model = rows.model._meta.get_field("page").related_model
        return page_model.objects.featuring(self)

    def affiliations(self, current_roles):
        """The person's organisation, then those of their current roles, once
        each."""
        organisations = [self.organisation, *(r.organisation for r in current_roles)]
        return list({org.pk: org for org in organisations if org}.values())

    def json_ld(self, request, current_roles):
        """schema.org Person: the affiliations and posts held now, the ORCID
        record as sameAs. Public contact details only."""
        data = {
            "@type": "Person",
            "name": self.title,
            "url": self.get_full_url(request),
        }
        optional = {
            "honorificPrefix": self.honorific,
            "honorificSuffix": self.post_nominals,
            "description": self.summary,
            "email": self.public_email,
            "telephone": self.public_phone,
            "jobTitle": [role.title for role in current_roles],
            "affiliation": [org.json_ld() for org in self.affiliations(current_roles)],
            "sameAs": [self.orcid_url] if self.orcid else [],
        }
        data.update((key, value) for key, value in optional.items() if value)
        return data

    @property
    def full_name(self):
        return " ".join(
            part for part in (self.honorific, self.title, self.post_nominals) if part
        )

    @property
    def initials(self):
        words = self.title.split()
        return "".join(word[0] for word in words[:1] + words[-1:]).upper()

    @property
    def orcid_url(self):
        return f"{ORCID_URL}{self.orcid}" if self.orcid else ""

    @property
    def photo_alt_text(self):
        return self.photo_alt or (self.photo.default_alt_text if self.photo else "")


class PersonRole(Orderable):
    page = ParentalKey(PersonPage, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(
        max_length=160,
        help_text='The post as the organisation names it, e.g. "Director of '
        'Birmingham Health Partners".',
    )
    kind = models.CharField(
        max_length=20,
        choices=RoleKind.choices,
        default=RoleKind.OTHER,
        help_text="Groups the role in the directory's role filter.",
    )
    organisation = optional_link(
        "partners.Organisation",
        "person_roles",
        "Where the role is held, if it is at an organisation on the site.",
    )
    start_date = models.DateField(
        null=True, blank=True, help_text="When the role began, if known."
    )
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="When it ended; leave empty while the person holds it.",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]
    api_fields = [
        APIField("title"),
        APIField("kind"),
        nested_organisations("organisation", many=False),
        APIField("start_date"),
        APIField("end_date"),
    ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A role cannot end before it begins."})

    @property
    def is_current(self):
        return self.end_date is None or self.end_date >= timezone.localdate()
