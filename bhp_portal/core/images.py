"""Rendition sizes shared by templates and the listings that prefetch them.

Keep CARD_IMAGE_SPEC in step with the `{% picture %}` tag in
templates/components/card.html: a listing that prefetches exactly these
renditions renders all its card images without one query per card.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

CARD_IMAGE_SPEC = "format-{avif,webp,jpeg} fill-{400x225,800x450}"
CARD_RENDITIONS = Filter.expand_spec(CARD_IMAGE_SPEC)


def prefetch_card_images(lookup="listing_image"):
    """A Prefetch of the card image and its renditions, for card listings."""
    return Prefetch(
        lookup,
        queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS),
    )


def prerender(images, *specs):
    """Make renditions ahead of the first request. The demo loader calls this
    so neither the first visitor nor each test (whose rolled-back transaction
    would discard them) waits for AVIF encoding."""
    for image in images:
        image.get_renditions(*specs)
