"""Custom image and document models, in place from the first migration so
credit, caption and licence can grow without a data migration."""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Photographer or owner, shown under the image where captions show.",
    )
    licence = models.CharField(
        max_length=255,
        blank=True,
        help_text="Licence or permission under which BHP may use the image.",
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence")

    @property
    def default_alt_text(self):
        # Wagtail's own "description" field is the image's alt text.
        return self.description


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields
