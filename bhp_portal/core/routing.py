"""Routing remembered until the next publish.

Wagtail routes a request level by level: it finds the site, loads the root
page, then each page on the way down by slug and by page type, and before
serving asks for the view restrictions of the page and its ancestors. For a
four-level address that is six to eight queries on every request, though the
answer only changes when something is published, moved or deleted, and each
of those retires the page-cache generation (core/signals.py).

So the first request for an address routes Wagtail's way and keeps what it
found in the shared cache under the generation: the site, the page as
published, its ancestors (without their StreamField bodies) and its view
restrictions. Later requests read that one entry and run no query to route.
Saving a draft changes none of what is kept: the page's live fields change
only when it is published. Only addresses that end exactly at a live page are
kept: a routable page's own addresses (/news/feed/) and anything that is not
found route Wagtail's way every time, so made-up addresses add nothing to the
cache.
"""

import copy
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from .cache import UNTIL_CHANGE_SECONDS, request_generation
from .navigation import routed_trail

# Part of the key: a release that changes what a Route holds must not read
# the entries an earlier release kept under the same generation.
ROUTE_FORMAT = 2


@dataclass(frozen=True)
class Route:
    site: Site
    # The specific page as routing loaded it (with the images its page type
    # selects), without its parent: `ancestors` are linked to it again.
    page: Page
    # The page's ancestors from the site's root page down, specific, their
    # StreamFields left out: what breadcrumbs and get_parent() read.
    ancestors: list
    restrictions: list


def serve(request, path):
    """Wagtail's serve view, routed from the remembered route when there is
    one."""
    key = _route_key(request, path)
    route = cache.get(key)
    if route is None:
        _remember(request, path, key)
    else:
        _follow(request, route)
    return wagtail_views.serve(request, path)


def _route_key(request, path):
    where = f"{request.get_host()}\n{request.get_port()}\n{path}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    generation = request_generation(request)
    return f"until-change:{generation}:route{ROUTE_FORMAT}:{digest}"


def _follow(request, route):
    """Sets the request's site and route from `route`, a fresh copy from the
    cache, so nothing a request sets on its pages reaches another."""
    page = child = route.page
    for parent in reversed(route.ancestors):
        child._cached_parent_obj = parent
        child = parent
    page.routed_view_restrictions = route.restrictions
    request._wagtail_site = route.site
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        request._wagtail_route_for_request = None


def _remember(request, path, key):
    """Routes Wagtail's way (the result stays on the request for the serve
    view) and keeps the route when it ends exactly at a live page."""
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page = result[0]
    site = Site.find_for_request(request)
    parts = "".join(f"{part}/" for part in path.split("/") if part)
    trail = routed_trail(page)
    if page.url_path != site.root_page.url_path + parts or not page.live or not trail:
        return
    # Asked once here; the serve view's check then uses the same answer.
    page.routed_view_restrictions = list(page.get_view_restrictions())
    route = Route(
        site=site,
        page=_without(page, "_cached_parent_obj"),
        ancestors=[_without_bodies(parent) for parent in trail[:-1]],
        restrictions=page.routed_view_restrictions,
    )
    cache.set(key, route, UNTIL_CHANGE_SECONDS)


def _without(page, *attributes):
    copied = copy.copy(page)
    for attribute in attributes:
        copied.__dict__.pop(attribute, None)
    return copied


def _without_bodies(page):
    """A routed parent without its StreamFields (read again only if something
    asks for them) or its own parent (routing links them again)."""
    streams = [
        field.attname
        for field in page._meta.concrete_fields
        if isinstance(field, StreamField)
    ]
    return _without(page, "_cached_parent_obj", *streams)
