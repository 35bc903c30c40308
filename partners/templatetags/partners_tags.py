"""Partner pieces other apps' templates show: the home page's partners strip,
the map of HDR UK sites and partners, and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images import get_image_model

from bhp_portal.core.visibility import live_and_public

from ..maps import uk_map as build_uk_map
from ..models import HDRUKSitePage, Organisation, PartnerIndexPage, PartnerPage
from ..models.hdruk import members_prefetch

register = template.Library()

# Characters that could end the <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org JSON-LD script element, safe to place in the page."""
    text = json.dumps(
        {"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder
    ).translate(JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308  # nosec B308 B703 (<, > and & escaped above)
    )


LOGO_SPEC = "height-60"


def live_partner_pages():
    logos = get_image_model().objects.prefetch_renditions(LOGO_SPEC)
    return (
        live_and_public(PartnerPage.objects)
        .defer_streamfields()
        .select_related("organisation")
        .prefetch_related(Prefetch("organisation__logo", queryset=logos))
        .order_by("path")
    )


@register.inclusion_tag("partners/tags/partners_strip.html")
def partners_strip(heading_level=2):
    """BHP's founding members and partners, linked to their pages."""
    pages = list(live_partner_pages())
    return {
        "heading_level": heading_level,
        "founding": [p for p in pages if p.role == PartnerPage.Role.FOUNDING],
        "others": [p for p in pages if p.role != PartnerPage.Role.FOUNDING],
        "index": live_and_public(PartnerIndexPage.objects).first(),
    }


@register.inclusion_tag("partners/tags/uk_map.html")
def uk_map(map_id="uk-map", heading_level=3):
    """The six HDR UK sites and BHP's partners on a map of the UK, followed by a
    list that says the same for people who cannot see the map."""
    sites = (
        live_and_public(HDRUKSitePage.objects)
        .defer_streamfields()
        .prefetch_related(members_prefetch())
        .order_by("path")
    )
    partners = Organisation.objects.filter(
        partner_page__in=live_and_public(PartnerPage.objects)
    ).order_by("partner_page__path")
    return {
        "map_id": map_id,
        "heading_level": heading_level,
        **build_uk_map(sites, partners),
    }
