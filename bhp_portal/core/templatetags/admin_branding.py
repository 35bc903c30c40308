from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name():
    """The organisation's name as the admin shows it, from WAGTAIL_SITE_NAME."""
    return settings.WAGTAIL_SITE_NAME
