from django import template
from wagtail.models import Site

from .. import navigation
from ..cache import request_generation

register = template.Library()


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = navigation.main_menu(site, request_generation(request)) if site else []
    current_url = current.get_url(request) if current else ""
    for item in items:
        item["current"] = _aria_current(item["url"], current_url)
    return {"items": items}


def _aria_current(item_url, current_url):
    """ "page" on the item's own page, "true" anywhere in its section."""
    if not current_url:
        return ""
    if item_url == current_url:
        return "page"
    if item_url != "/" and current_url.startswith(item_url):
        return "true"
    return ""


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": navigation.breadcrumbs(page), "request": context.get("request")}
