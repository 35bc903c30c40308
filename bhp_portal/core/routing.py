"""Routing remembered until the next publish.

Wagtail routes a request level by level: it finds the site, loads the root
page, then each page on the way down by slug and by page type, and before
serving asks for the view restrictions of the page and its ancestors. For a
four-level address that is six to eight queries on every request, though the
answer only changes when something is published, moved or deleted, and each
of those retires the page-cache generation (core/signals.py).

So the first request for an address routes Wagtail's way and keeps what it
found in the shared cache under the generation: the site, the page's type and
id, its ancestors (without their StreamField bodies) and its restrictions.
Later requests load only the page itself. Only addresses that end exactly at a
live page are kept: a routable page's own addresses (/news/feed/) and anything
that is not found route Wagtail's way every time, so made-up addresses add
nothing to the cache.
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
from .images import image_fields
from .navigation import routed_trail


@dataclass(frozen=True)
class Route:
    site: Site
    model: type
    page_id: int
    # The page's ancestors from the site's root page down, specific, their
    # StreamFields left out: what breadcrumbs and get_parent() read.
    ancestors: list
    restrictions: list


def serve(request, path):
    """Wagtail's serve view, routed from the remembered route when there is
    one."""
    key = _route_key(request, path)
    route = cache.get(key)
    if route is None or not _follow(request, route):
        _remember(request, path, key)
    return wagtail_views.serve(request, path)


def _route_key(request, path):
    where = f"{request.get_host()}\n{request.get_port()}\n{path}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"until-change:{request_generation(request)}:route:{digest}"


def _follow(request, route):
    """Sets the request's site and route from `route`; False when its page
    is gone (deleted in this generation's lifetime: route Wagtail's way)."""
    # No ordering: it is one row, and ordering the select_related query
    # costs Django more than fetching it.
    pages = (
        route.model.objects.filter(pk=route.page_id)
        .select_related(*image_fields(route.model))
        .order_by()
    )
    page = next(iter(pages), None)
    if page is None:
        return False
    child = page
    for parent in reversed(route.ancestors):
        child._cached_parent_obj = parent
        child = parent
    page.routed_view_restrictions = route.restrictions
    request._wagtail_site = route.site
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        request._wagtail_route_for_request = None
    return True


def _remember(request, path, key):
    """Routes Wagtail's way (the result stays on the request for the serve
    view) and keeps the route when it ends exactly at a live page."""
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page = result[0]
    site = Site.find_for_request(request)
    wanted = site.root_page.url_path + "".join(
        f"{part}/" for part in path.split("/") if part
    )
    trail = routed_trail(page)
    if page.url_path != wanted or not page.live or trail is None:
        return
    # Asked once here; the serve view's check then uses the same answer.
    page.routed_view_restrictions = list(page.get_view_restrictions())
    route = Route(
        site=site,
        model=type(page),
        page_id=page.pk,
        ancestors=[_without_bodies(parent) for parent in trail[:-1]],
        restrictions=page.routed_view_restrictions,
    )
    cache.set(key, route, UNTIL_CHANGE_SECONDS)


def _without_bodies(page):
    """A copy of a routed parent without its StreamFields (read again only if
    something asks for them) or its own parent (routing links them again)."""
    copied = copy.copy(page)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            copied.__dict__.pop(field.attname, None)
    copied.__dict__.pop("_cached_parent_obj", None)
    return copied
