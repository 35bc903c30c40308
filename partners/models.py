from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """One organisation, kept once wherever it appears: as a BHP partner, an
    HDR UK site member, or in the news."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", "University"
        NHS_TRUST = "nhs_trust", "NHS trust"
        RESEARCH_INSTITUTE = "research_institute", "Research institute"
        NETWORK = "network", "Network"
        FUNDER = "funder", "Funder"

    name = models.CharField(max_length=200, unique=True, help_text="Full name.")
    short_name = models.CharField(
        max_length=60, blank=True, help_text='Abbreviation, e.g. "UHB".'
    )
    slug = models.SlugField(
        max_length=100, unique=True, help_text="Used in web addresses and filters."
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
