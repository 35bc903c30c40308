"""Press contacts: the people journalists call, kept once and chosen per article."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from bhp_portal.core.models import optional_link


class PressContact(index.Indexed, models.Model):
    name = models.CharField(
        max_length=120,
        help_text='A person, or a desk such as "University of Birmingham press '
        'office".',
    )
    role = models.CharField(
        max_length=160,
        help_text='Job title and organisation, e.g. "Press Officer, University of '
        'Birmingham". Blank for a desk.',
        blank=True,
    )
    email = models.EmailField(
        blank=True, help_text="Leave blank where journalists should telephone."
    )
    phone = models.CharField(max_length=40, blank=True, help_text="Office hours.")
    out_of_hours_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="For journalists on deadline outside office hours.",
    )
    person = optional_link(
        "research.PersonPage",
        "press_contacts",
        "Their page in the people directory, if they have one: the name on "
        "press releases then links to it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("out_of_hours_phone")]),
        FieldPanel("person"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("role"),
        index.SearchField("email"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def clean(self):
        if not (self.email or self.phone or self.out_of_hours_phone):
            raise ValidationError(
                {"email": "Give an email address or a telephone number."}
            )
