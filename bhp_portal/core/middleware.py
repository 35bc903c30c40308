"""The canonical host, the flood guard, the page cache, site-wide security
headers and the database-outage page."""

import logging

from axes.helpers import get_client_ip_address
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control

from . import cache as page_cache
from . import counters
from . import search as site_search
from .views import database_unavailable, healthz, is_database_outage

logger = logging.getLogger(__name__)

TOO_MANY_REQUESTS_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Too many requests</title>
</head><body><h1>Too many requests</h1>
<p>Please wait {seconds} seconds, then try again.</p></body></html>
"""


class CanonicalHostMiddleware:
    """First of all: one spelling of each host. `LOCALHOST`, `localhost.`
    and `localhost:443` (over HTTPS) are all `localhost`, so they share the
    page cache's entries and no link repeats the odd spelling; a port that is
    no port (`localhost:99999999999999999999`) is refused with a 400, as
    Django refuses a host it does not serve."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        canonicalise_host(request)
        return self.get_response(request)


def canonicalise_host(request):
    """Rewrites the request's Host header to its one spelling (core/hits.py
    does the same before Django, so both find the same page-cache keys)."""
    if "HTTP_HOST" in request.META:
        request.META["HTTP_HOST"] = canonical_host(request)


def canonical_host(request):
    given = request.META["HTTP_HOST"]
    domain, port = split_domain_port(given)
    if not domain:
        return given  # Django's own check refuses it, with a 400.
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise DisallowedHost(f"Invalid port in HTTP_HOST header: {given!r}.")
    default_port = "443" if request.is_secure() else "80"
    if not port or int(port) == int(default_port):
        return domain
    return f"{domain}:{int(port)}"


class FloodGuardMiddleware:
    """Runs before anything on a rate-limited route that can wait on the
    cache or the database. The liveness probe is answered here (the page
    cache lets it pass without a read), so it never waits on either. The routes
    whose every request can cost a render (searches, the API, form posts)
    are limited per client: a client over RATE_LIMIT_REQUESTS in
    RATE_LIMIT_WINDOW_SECONDS gets a 429 that costs no query, so a flood
    cannot hold every worker. The client is the address the sign-in
    lock-out counts (the socket's, or the one the trusted proxy saw:
    settings.TRUSTED_PROXY_COUNT); the counts live in the shared cache,
    and when it is down, or there is no address, nobody is limited."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        route = rate_limited_route(request)
        address = get_client_ip_address(request) if route else None
        if route and address and over_limit(route, address):
            return too_many_requests(route)
        return self.get_response(request)


def rate_limited_route(request):
    """Which limit the request counts against, or None."""
    path = request.path_info
    if not settings.RATE_LIMIT_REQUESTS or path.startswith(admin_prefix()):
        return None
    if request.method == "POST":
        return "post"
    return next((p for p in settings.RATE_LIMITED_PATHS if path.startswith(p)), None)


def over_limit(route, address):
    count = counters.count(
        f"rate-limit:{route}:{address}", settings.RATE_LIMIT_WINDOW_SECONDS
    )
    if count == settings.RATE_LIMIT_REQUESTS + 1:
        logger.warning("Rate limit reached on %s by %s", route, address)
    return count > settings.RATE_LIMIT_REQUESTS


def too_many_requests(route):
    # The window starts with the client's first request, so waiting a whole
    # window is always enough.
    seconds = settings.RATE_LIMIT_WINDOW_SECONDS
    if route.startswith("/api/"):
        message = f"Too many requests: try again in {seconds} seconds."
        response = JsonResponse({"message": message}, status=429)
        response["Access-Control-Allow-Origin"] = "*"
    else:
        page = TOO_MANY_REQUESTS_PAGE.format(seconds=seconds)
        response = HttpResponse(page, status=429)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


class PageCacheMiddleware:
    """Serve anonymous visitors whole pages from the shared cache.

    First in MIDDLEWARE: a hit skips every other middleware, and a copy is
    stored with the headers they added (security headers, no cookie). The
    rate-limited routes (search, the API) pass through, to be counted by the
    flood guard before RateLimitedPageCacheMiddleware serves them. On the way
    out it sees every cookie the session, CSRF and message middleware set and
    refuses to store such responses; and marks them, and every response for a
    signed-in user, private and no-store, so no proxy or browser cache keeps
    them either.
    """

    # Whether this instance serves the routes the flood guard counts.
    serves_rate_limited_routes = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.respond(request)
        if page_cache.is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        return response

    def serves(self, request):
        return serves_from_cache(request, self.serves_rate_limited_routes)

    def respond(self, request):
        if not self.serves(request):
            return self.get_response(request)
        copy = page_cache.lookup(request)
        if copy is not None:
            return hit(request, page_cache.thaw(copy))
        try:
            page_cache.request_generation(request)
        except DatabaseError:
            # The view cannot render either; it answers with the outage page.
            return self.get_response(request)

        response = self.get_response(request)
        if page_cache.may_store(request, response):
            if settings.FRONTEND_CACHE_SECONDS:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=0,
                    s_maxage=settings.FRONTEND_CACHE_SECONDS,
                )
            if page_cache.store(request, response):
                response["X-Cache"] = "MISS"
        return response


def serves_from_cache(request, rate_limited_routes=False):
    """Whether the page cache answers `request`: the rate-limited routes are
    answered by RateLimitedPageCacheMiddleware, every other route by
    PageCacheMiddleware (and before Django by core/hits.py)."""
    if not page_cache.may_use_cache(request):
        return False
    limited = rate_limited_route(request) is not None
    return limited == rate_limited_routes


class RateLimitedPageCacheMiddleware(PageCacheMiddleware):
    """The page cache for the rate-limited routes, after the flood guard: a
    flood of one cached search is still counted and refused."""

    serves_rate_limited_routes = True


def hit(request, response):
    if response.search_term and request.method == "GET":
        try:
            site_search.record_search(response.search_term)
        except DatabaseError as error:
            logger.warning("Search not counted: %s", type(error).__name__)
    return response


class PreviewSchemeMiddleware:
    """Runs before Django's SecurityMiddleware. Wagtail renders a preview
    through a request it builds from the Site record: plain HTTP unless the
    Site is on port 443, and HTTPS only if the editor's request carried a
    proxy's X-Forwarded-Proto. Where TLS ends at gunicorn itself there is no
    such header, so the HTTPS redirect answered the preview with a 301 to the
    public address and the preview panel stayed blank. That request never
    crosses the network, and the editor's own request already had to be
    HTTPS, so the preview request is marked HTTPS as well."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "is_dummy", False) and settings.SECURE_SSL_REDIRECT:
            request.META["wsgi.url_scheme"] = "https"
        return self.get_response(request)


def admin_prefix():
    return "/" + settings.WAGTAIL_ADMIN_PATH


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy chosen by path: the strict
    public policy by default, the admin's own policy under the admin path and
    a sandbox for uploaded documents. A view may still set its own policy with
    django-csp's decorators."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(admin_prefix())
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        if request.path_info.startswith(admin_prefix()):
            # Wagtail renders previews through the middleware again with the
            # page's public path, which leaves the public policy (and its
            # frame-ancestors 'none') on the response; the admin's replaces it.
            del response["Content-Security-Policy"]
        elif request.path_info.startswith("/documents/"):
            # Replaces Wagtail's own "default-src 'none'" with a stricter one.
            response["Content-Security-Policy"] = (
                settings.DOCUMENT_CONTENT_SECURITY_POLICY
            )
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """Answers a friendly 503 when a view cannot reach the database, instead
    of a 500 and a stack of identical error reports. Other database errors
    are left to Django: a 500, logged with the traceback. Errors raised outside
    views (e.g. saving the session) reach the 500 handler, which does the
    same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return database_unavailable(exception)
        return None
