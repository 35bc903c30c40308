"""Partner pieces other apps' templates show: the home page's partners strip,
the map of HDR UK sites and partners, and BHP as JSON-LD."""

from django import template
from django.db.models import Prefetch
from django.templatetags.static import static
from wagtail.images import get_image_model
from wagtail.models import Site

from bhp_portal.core import seo
from bhp_portal.core.images import filter_specs, with_renditions
from bhp_portal.core.visibility import live_and_public

from ..maps import uk_map as build_uk_map
from ..models import HDRUKSitePage, Organisation, PartnerIndexPage, PartnerPage
from ..models.hdruk import members_prefetch

register = template.Library()


def live_partner_pages():
    logos = with_renditions(get_image_model().objects, filter_specs("logo"))
    return (
        live_and_public(PartnerPage.objects)
        .defer_streamfields()
        .select_related("organisation")
        .prefetch_related(Prefetch("organisation__logo", queryset=logos))
        .order_by("path")
    )


@register.inclusion_tag("partners/tags/partners_strip.html", takes_context=True)
def partners_strip(context, heading_level=2):
    """BHP's founding members and partners, linked to their pages."""
    pages = list(live_partner_pages())
    return {
        "heading_level": heading_level,
        "founding": [p for p in pages if p.role == PartnerPage.Role.FOUNDING],
        "others": [p for p in pages if p.role != PartnerPage.Role.FOUNDING],
        "index": live_and_public(PartnerIndexPage.objects).first(),
        # Links are then built from the site root paths cached on the request.
        "request": context.get("request"),
    }


@register.inclusion_tag("partners/tags/uk_map.html", takes_context=True)
def uk_map(context, map_id="uk-map", heading_level=3):
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
        "request": context.get("request"),
        **build_uk_map(sites, partners),
    }


@register.simple_tag(takes_context=True)
def alliance_json_ld(context):
    """BHP as a schema.org Organization with its founding members, for the
    home page."""
    request = context["request"]
    founding = live_and_public(PartnerPage.objects).filter(
        role=PartnerPage.Role.FOUNDING
    )
    members = (
        Organisation.objects.filter(partner_page__in=founding)
        .select_related("parent")
        .order_by("partner_page__path")
    )
    site = Site.find_for_request(request)  # remembered on the request
    data = {
        "@type": "Organization",
        "name": site.site_name or seo.SITE_NAME,
        "url": context["page"].get_full_url(request),
        "logo": request.build_absolute_uri(static("img/bhp-logo.svg")),
        "member": [organisation.json_ld() for organisation in members],
    }
    return seo.json_ld_script(data)
