from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..images import size_filters

register = template.Library()


@register.simple_tag
def picture_of(image, size, **attrs):
    """A <picture> of `image` in one of the named sizes of core/images.py,
    e.g. {% picture_of page.listing_image "card" sizes="..." alt="" %}."""
    if not image:
        return ""
    return Picture(get_renditions_or_not_found(image, size_filters(size)), attrs)
