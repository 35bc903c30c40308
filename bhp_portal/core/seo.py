"""What search engines and social networks are told about a page: the
canonical address, Open Graph and Twitter card tags, and JSON-LD. Built once
here for every page type; page types add to it (news articles their dates,
partners their organisation)."""

import json
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from .images import filter_specs
from .models import SiteSettings

# As django.utils.html.json_script: keeps "</script>" inside JSON harmless.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
(SOCIAL_IMAGE_SPEC,) = filter_specs("social")
SITE_NAME = settings.WAGTAIL_SITE_NAME


def json_ld_script(data):
    """A schema.org JSON-LD script element, safe to place in the page."""
    text = json.dumps(
        {"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder
    ).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308  # nosec B308 B703 (<, > and & escaped above)
    )


def social_image(page, request):
    """The page's sharing image, else its card image, else the site's default
    (the settings are only read when the page has no image of its own)."""
    return (
        page.get_social_image()
        or SiteSettings.for_request(request).default_social_image
    )


def absolute_rendition_url(image, request):
    """The sharing rendition's address, absolute as social networks need it:
    on the site's own root URL, as the canonical address is, unless the media
    storage gives a full URL of its own (a bucket or CDN)."""
    site = Site.find_for_request(request)
    return urljoin(site.root_url, image.get_rendition(SOCIAL_IMAGE_SPEC).url)


def breadcrumb_list(crumbs, request):
    """BreadcrumbList JSON-LD for the trail the page shows."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "Home" if position == 1 else crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
