"""A page's link to the press release that announced it."""

from django.db import models


class AnnouncementMixin(models.Model):
    """A link to the press release that announced the award."""

    announcement = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The press release announcing the award; linked under the text.",
    )

    class Meta:
        abstract = True
