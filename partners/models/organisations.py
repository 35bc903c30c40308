"""One organisation, kept once wherever it appears: as a BHP partner, an
HDR UK site member, or in the news."""

from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
)
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from bhp_portal.core.models import optional_image

ROR_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def validate_ror_id(value):
    """A ROR ID is "0", six Crockford base-32 characters and a two-digit
    ISO 7064 checksum, so a mistyped ID is caught before it is published."""
    value = value.lower()
    if len(value) != 9 or value[0] != "0" or not value[7:].isdigit():
        raise ValidationError(
            'Enter the 9-character ROR ID, e.g. "03angcq70", not the full address.'
        )
    try:
        number = 0
        for char in value[1:7]:
            number = number * 32 + ROR_ALPHABET.index(char)
    except ValueError:
        raise ValidationError("This is not a valid ROR ID.") from None
    if int(value[7:]) != 98 - (number * 100) % 97:
        raise ValidationError("This ROR ID's check digits do not match; check it.")


validate_ods_code = RegexValidator(
    r"^[A-Z0-9]{3,5}$",
    "Enter the NHS ODS code in capitals, e.g. RRK for University Hospitals Birmingham.",
)


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", "University"
        NHS_TRUST = "nhs_trust", "NHS trust"
        HOSPITAL = "hospital", "Hospital"
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
    description = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences on what the organisation does; shown "
        "where it is listed.",
    )
    website = models.URLField(blank=True, help_text="The organisation's own site.")
    logo = optional_image("The organisation's logo; its description is the alt text.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="The organisation this one is part of, e.g. the trust that runs "
        "a hospital.",
    )
    town = models.CharField(
        max_length=80, blank=True, help_text="Town or city of its main site."
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees north, e.g. 52.45; places it on the map.",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees east; west of Greenwich is negative, e.g. -1.94.",
    )
    ods_code = models.CharField(
        "NHS ODS code",
        max_length=5,
        blank=True,
        validators=[validate_ods_code],
        help_text="The NHS Organisation Data Service code, for NHS bodies.",
    )
    ror_id = models.CharField(
        "ROR ID",
        max_length=9,
        blank=True,
        validators=[validate_ror_id],
        help_text="Research Organization Registry ID, for universities and "
        'institutes, e.g. "03angcq70".',
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("parent"),
        MultiFieldPanel(
            [
                FieldPanel("town"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Location",
        ),
        MultiFieldPanel(
            [FieldPanel("ods_code"), FieldPanel("ror_id")],
            heading="Public identifiers",
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.SearchField("town"),
        index.SearchField("ods_code"),
        index.SearchField("ror_id"),
        index.AutocompleteField("name"),
        index.AutocompleteField("short_name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": "Give both latitude and longitude, or neither."}
            )
        if self.ror_id:
            self.ror_id = self.ror_id.lower()

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def ror_url(self):
        return f"https://ror.org/{self.ror_id}" if self.ror_id else ""

    def json_ld(self, member_of=()):
        """schema.org Organization; `member_of` holds the JSON-LD of the bodies
        it belongs to on the page in question (BHP, an HDR UK site)."""
        data = {"@type": "Organization", "name": self.name}
        if self.short_name:
            data["alternateName"] = self.short_name
        if self.website:
            data["url"] = self.website
        if self.town:
            data["address"] = {
                "@type": "PostalAddress",
                "addressLocality": self.town,
                "addressCountry": "GB",
            }
        identifiers = []
        if self.ods_code:
            identifiers.append(
                {
                    "@type": "PropertyValue",
                    "propertyID": "NHS ODS",
                    "value": self.ods_code,
                }
            )
        if self.ror_id:
            identifiers.append(
                {"@type": "PropertyValue", "propertyID": "ROR", "value": self.ror_url}
            )
            data["sameAs"] = [self.ror_url]
        if identifiers:
            data["identifier"] = identifiers
        if self.parent_id:
            data["parentOrganization"] = self.parent.json_ld()
        if member_of:
            data["memberOf"] = list(member_of)
        return data
