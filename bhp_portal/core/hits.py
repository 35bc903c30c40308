"""Page-cache hits answered before Django (bhp_portal/wsgi.py wraps the site
in PageCacheHits).

A hit served by PageCacheMiddleware still paid for Django's request cycle:
the request_started and request_finished signals (each walks the database
connections), the canonical-host middleware and the response object. Here a
hit costs a request object, the same key (core/cache.py, page_cache_key) and
one read of the shared cache, on a connection of the worker's own
(FailOpenRedisCache.get_many_at_once); the stored copy is already a status, a
header list and the body, so it is written as it is.

Everything else goes to Django unchanged, which answers it as before: a miss,
anything the page cache does not serve (PageCacheMiddleware's rule, with the
canonical host applied first), the rate-limited routes (the flood guard
counts them, and a served search is counted in the database), a Host Django
refuses (it gets Django's 400), Redis down (the site renders), and one
request per process every PAGE_CACHE_GENERATION_CHECK_SECONDS, whose
middleware reads the database's part of the generation again; between those
reads this layer uses the part that request read, so a change bumped only in
PostgreSQL stops being served within the same bound as before, and one
bumped in the shared cache at once, on every server.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest

from . import cache as page_cache
from .middleware import canonicalise_host, serves_from_cache

STATUS_LINES = {s.value: f"{s.value} {s.phrase}" for s in HTTPStatus}


class PageCacheHits:
    """WSGI middleware: the stored copy for a page-cache hit, else the site."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        copy = stored_copy(environ)
        if copy is None:
            return self.application(environ, start_response)
        status, headers, body, _ = copy
        start_response(STATUS_LINES[status], headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]


def stored_copy(environ):
    """The copy PageCacheMiddleware would answer `environ` with, or None
    (then Django answers it)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    database_part = page_cache.recent_database_generation()
    if database_part is None:
        return None
    request = WSGIRequest(environ)
    try:
        canonicalise_host(request)
        if not served_before_django(request):
            return None
        copy = page_cache.lookup(request, database_part, read_at_once())
    except SuspiciousOperation:
        # A Host that is not allowed, a port that is no port, too many query
        # parameters: Django's answer (a 400) is the one to give.
        return None
    if copy is None or copy[3] is not None:
        return None  # A search's copy: PageCacheMiddleware counts it.
    return copy


def served_before_django(request):
    """What PageCacheMiddleware serves, less the rate-limited routes even when
    no limit is set."""
    return serves_from_cache(request) and not request.path_info.startswith(
        settings.RATE_LIMITED_PATHS
    )


def read_at_once():
    backend = caches["default"]
    return getattr(backend, "get_many_at_once", backend.get_many)
