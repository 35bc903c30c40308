"""Site-wide settings editors change in the admin (Settings > Site settings)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import LegalLinkBlock, SocialLinkBlock
from .base import optional_image


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    # select_related in the settings context processor keeps the footer to one query.
    address = models.TextField(
        blank=True, help_text="Postal address shown in the site footer."
    )
    contact_email = models.EmailField(
        blank=True, help_text="Public enquiries address shown in the footer."
    )
    enquiries_email = models.EmailField(
        blank=True,
        help_text="Where the contact form sends enquiries. They are also kept "
        "under the contact page's submissions, so none is lost if email fails.",
    )
    contact_phone = models.CharField(
        max_length=40, blank=True, help_text="Public telephone number for the footer."
    )
    media_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="The press office's number for journalists, shown in the footer.",
    )
    media_out_of_hours_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="The press office's number outside office hours.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="BHP's accounts on social networks, listed in the footer.",
    )
    legal_links = StreamField(
        [("link", LegalLinkBlock())],
        blank=True,
        help_text="Accessibility statement, privacy notice and similar pages, "
        "linked at the foot of every page.",
    )
    default_social_image = optional_image(
        "Shown when a page with no image of its own is shared on social "
        "networks or in messaging apps. Best at 1200 x 630 pixels or larger."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("contact_email"),
                FieldPanel("enquiries_email"),
                FieldPanel("contact_phone"),
                FieldRowPanel(
                    [FieldPanel("media_phone"), FieldPanel("media_out_of_hours_phone")]
                ),
            ],
            heading="Contact details",
        ),
        FieldPanel("social_links"),
        FieldPanel("legal_links"),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "Site settings"
