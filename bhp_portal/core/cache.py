"""The shared page cache: whole anonymous responses kept in Django's cache.
Hand-written: wagtail-cache and Django's own keep no generation that outlives Redis.

Every copy carries a site-wide *generation* in two parts. Any change the
public could see (see signals.py) increments both. The first lives in the
shared cache, so every app server stops using the old entries at once,
without having to know which URLs a change touched. The second lives in
PostgreSQL and is bumped in the change's own transaction, so a bump the
cache dropped (Redis unreachable: the backend fails open) still retires the
old entries: each server reads it before every render and, between renders,
at most every PAGE_CACHE_GENERATION_CHECK_SECONDS. docs/performance.md
explains the choice. A page copy's key holds the second part and its value
the first, so a hit reads both in one round trip; fragments and other shared
values hold both in their keys.

A key also holds only the query parameters the page reads (a page class's
`cache_query_parameters`, or QUERY_PARAMETERS for the site's own views),
normalised, and the request is rewritten to match before the page renders, so
tracking and made-up parameters share the plain page's entry and can never
be echoed into a copy other visitors get.
"""

import hashlib
import logging
import time
from collections import namedtuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, QueryDict
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Header names are case-insensitive; these are compared lower-cased.
NEVER_STORED_HEADERS = {"set-cookie", "x-cache"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}

# The query parameters each of the site's own views (by URL name) reads. A page
# reads only its class's `cache_query_parameters` (none by default); a view
# missing here may read any, and every parameter makes an entry of its own, as
# the API's do.
QUERY_PARAMETERS = {
    "search": ("page", "q", "type"),
    "sitemap": ("p",),
    "robots_txt": (),
}
EVERY_PARAMETER = None
# Searches differing only in case or spacing find the same pages.
NORMALISE = {"q": lambda value: " ".join(value.lower().split())}


def get_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Starting from the clock, not from 1, means a generation key lost to
        # eviction can never bring back entries stored under an older number.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Retire every cached page and fragment on every server sharing the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


# This process's last reading of the database's part, and when it was read.
_database_generation = {"value": None, "read_at": float("-inf")}


def forget_database_generation():
    """The next request reads the database's part again, as a new process
    would: what a cold render costs, counted the same every time."""
    _database_generation.update(value=None, read_at=float("-inf"))


def _remember(value):
    _database_generation.update(value=value, read_at=time.monotonic())


def _remember_bump(value):
    # Another thread may have read a later bump since this one committed.
    if _database_generation["value"] is None or value > _database_generation["value"]:
        _remember(value)


def read_database_generation():
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM core_pagecachegeneration WHERE id = 1")
        row = cursor.fetchone()
    value = row[0] if row else 0
    _remember(value)
    return value


def bump_database_generation():
    """Retire every cached page and fragment when the current transaction
    commits, whatever happens to the cache meanwhile. This process takes the
    new number at once; the others within PAGE_CACHE_GENERATION_CHECK_SECONDS."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_pagecachegeneration (id, value) VALUES (1, 1) "
            "ON CONFLICT (id) DO UPDATE "
            "SET value = core_pagecachegeneration.value + 1 RETURNING value"
        )
        value = cursor.fetchone()[0]
    transaction.on_commit(lambda: _remember_bump(value))


def _read_recently():
    age = time.monotonic() - _database_generation["read_at"]
    return age < settings.PAGE_CACHE_GENERATION_CHECK_SECONDS


def recent_database_generation():
    """The database's part as this process last read it, if that was less than
    PAGE_CACHE_GENERATION_CHECK_SECONDS ago; None when it is time to read it
    again, which only a request Django serves does (core/hits.py)."""
    return _database_generation["value"] if _read_recently() else None


def remembered_database_generation():
    """The database's part as this process last read it, read again when that
    was PAGE_CACHE_GENERATION_CHECK_SECONDS ago or more. While the database
    cannot be read, the last reading stands (cached pages keep answering in
    a database outage), or None when there is none."""
    remembered = _database_generation
    if _read_recently():
        return remembered["value"]
    try:
        return read_database_generation()
    except DatabaseError as error:
        logger.warning("Page-cache generation unreadable: %s", type(error).__name__)
        remembered["read_at"] = time.monotonic()
        return remembered["value"]


def request_generation(request):
    """The generation, read at most once per request; a request that renders
    reads the database's part anew."""
    if not hasattr(request, "_page_cache_generation"):
        parts = get_generation(), read_database_generation()
        request._page_cache_parts = parts
        request._page_cache_generation = "{}.{}".format(*parts)
    return request._page_cache_generation


UNTIL_CHANGE_SECONDS = 60 * 60


def until_next_change(generation, name, compute):
    """What `compute()` returns, shared by every request on every app server
    until the next change the public could see retires `generation`. For data
    the same for every visitor (a menu, a list's filter choices); it must be
    picklable, and never drawn from a draft."""
    key = f"until-change:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, UNTIL_CHANGE_SECONDS)
    return value


def built_when_read(**builders):
    """Template context of values each made by its builder (no arguments)
    only when first read: a page whose template is kept as a fragment hands
    these to it, so a kept fragment runs none of their queries."""
    return {name: SimpleLazyObject(build) for name, build in builders.items()}


def paginator_counted_once(request, name, items, per_page):
    """A Paginator of `items` whose total comes from the shared cache. The
    total above a list (search results, filtered news) is the same for
    everyone until the next publish, and counting thousands of matches costs
    more than fetching the one page shown. `name` identifies the list."""
    paginator = Paginator(items, per_page)
    digest = hashlib.sha256(name.encode()).hexdigest()
    # On a miss this counts through the paginator itself; on a hit the cached
    # total takes the place of its count.
    paginator.count = until_next_change(
        request_generation(request), f"count:{digest}", lambda: paginator.count
    )
    return paginator


def fragment_cache_key(request):
    """A `{% wagtailcache %}` vary-on value: the request's site and the
    generation, so fragments expire together with the pages around them."""
    from wagtail.models import Site

    return SimpleLazyObject(
        lambda: "site-{}:gen-{}".format(
            getattr(Site.find_for_request(request), "pk", 0),
            request_generation(request),
        )
    )


def query_pairs(request, uses):
    """The request's query parameters that count for its entry, sorted: those
    in `uses`, normalised, leaving out empty ones (an empty filter is no
    filter); or every one as given, when `uses` is EVERY_PARAMETER."""
    given = [(name, value) for name, values in request.GET.lists() for value in values]
    if uses is EVERY_PARAMETER:
        return sorted(given)
    kept = ((name, NORMALISE.get(name, str)(value)) for name, value in given)
    return sorted((name, value) for name, value in kept if name in uses and value)


def keep_only(request, pairs):
    """Rewrites the request's query string to `pairs`, before any view reads it."""
    query = urlencode(pairs)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)


def page_cache_key(request, database_part, pairs):
    """Host, scheme, path and `pairs`, under the database's part of the
    generation; the shared part is kept in the value (see lookup). The key
    with no pairs holds the entry that says which parameters the page reads."""
    scheme = "https" if request.is_secure() else "http"
    url = f"{scheme}://{request.get_host()}{request.path}?{urlencode(pairs)}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    # Neither the "page-cache:" of the copies kept before, which held none of
    # the security headers, nor the "page-copy:" that held pickled responses:
    # a deploy never serves one of those.
    return f"page-response:{database_part}:{digest}"


def current(stored, shared):
    """What `stored` holds, if it was kept under shared generation `shared`."""
    if stored is not None and stored[0] == shared:
        return stored[1]
    return None


def parameters_read(request, response):
    page = (getattr(response, "context_data", None) or {}).get("page")
    if isinstance(page, Page):
        # Each page type says which it reads, so core names no content app.
        return getattr(page, "cache_query_parameters", ())
    view_name = getattr(request.resolver_match, "view_name", None)
    return QUERY_PARAMETERS.get(view_name, EVERY_PARAMETER)


def lookup(request, database_part=None, get_many=None):
    """The stored copy (see freeze) of the response to `request`, or None.

    A URL's entry (its key with no parameters) holds the parameters its page
    reads, and the copy for none of them. Once the entry is known, the
    request keeps only those parameters, normalised, so the view renders
    exactly what its key says. The shared generation is read with the entry,
    in one round trip: a hit costs one cache read, not two.

    core/hits.py answers hits before Django with the database's part it
    remembers and a leaner read of the same keys: `database_part` and
    `get_many` (the cache's own get_many by default)."""
    if database_part is None:
        database_part = remembered_database_generation()
        if database_part is None:
            return None
    get_many = get_many or cache.get_many
    entry_key = page_cache_key(request, database_part, ())
    found = get_many([GENERATION_KEY, entry_key])
    shared = found.get(GENERATION_KEY)
    entry = current(found.get(entry_key), shared) if shared is not None else None
    if entry is None:
        return None
    uses, frozen = entry
    if not request.META.get("QUERY_STRING"):
        return frozen
    pairs = query_pairs(request, uses)
    if uses is not EVERY_PARAMETER:
        keep_only(request, pairs)
    if not pairs:
        return frozen
    copy_key = page_cache_key(request, database_part, pairs)
    return current(get_many([copy_key]).get(copy_key), shared)


def store(request, response):
    """Keeps a response `may_store` accepted, under the generation it was
    rendered with, and says whether it did."""
    request_generation(request)
    shared, database_part = request._page_cache_parts
    uses = parameters_read(request, response)
    pairs = query_pairs(request, uses)
    entry_key = page_cache_key(request, database_part, ())
    timeout = settings.PAGE_CACHE_SECONDS
    if query_pairs(request, EVERY_PARAMETER) != pairs:
        # The first request for this URL rendered with parameters the page
        # may have echoed (say, into its pagination links) or not yet
        # normalised: only the entry is kept, and later requests are
        # rewritten before they render.
        keep_entry(entry_key, shared, uses, timeout)
        return False
    if pairs:
        keep_entry(entry_key, shared, uses, timeout)
        copy_key = page_cache_key(request, database_part, pairs)
        cache.set(copy_key, (shared, freeze(response)), timeout)
    else:
        cache.set(entry_key, (shared, (uses, freeze(response))), timeout)
    return True


def keep_entry(entry_key, shared, uses, timeout):
    """The URL's entry with no copy, unless a current one is kept already."""
    if current(cache.get(entry_key), shared) is None:
        cache.set(entry_key, (shared, (uses, None)), timeout)


def may_use_cache(request):
    """Only anonymous visitors' plain page views read or fill the cache."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    if getattr(request, "is_dummy", False):
        # Wagtail's previews run through the middleware on a made-up request
        # for the page's own URL; the live copy must never answer it.
        return False
    return not carries_identity(request)


def carries_identity(request):
    """A session or message cookie may change what the page shows (a signed-in
    user, a passed privacy password, a "saved" notice); so may credentials
    sent in a header."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or CookieStorage.cookie_name in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def is_personal(request, response):
    """Whether the response was made for this visitor alone: it came with
    their session or sign-in, or it sets a cookie (a form's CSRF token, a
    session). No cache on the way, nor the browser's disk, may keep it."""
    if response.cookies or carries_identity(request):
        return True
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def may_store(request, response):
    """Whether this response is the same for every anonymous visitor."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "is_preview", False) or response.cookies:
        # Cookies include the CSRF cookie Django sets whenever a form used a token.
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        # django-csp made a nonce for this response; replaying it would let
        # any script carrying it run, so such pages are always rendered fresh.
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    directives = {
        part.strip().split("=")[0].lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    return not directives & UNCACHEABLE_DIRECTIVES


# A copy as kept, and as core/hits.py sends it: the status, the headers ready
# for WSGI's start_response (X-Cache: HIT among them), the body, and the
# search a copy of a search page answers (counted each time it is served).
# Plain values unpickle many times faster than a response object.
Copy = namedtuple("Copy", "status headers body search_term")


def freeze(response):
    """A plain copy of `response` to keep: content and headers, no cookie."""
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in NEVER_STORED_HEADERS
    ]
    headers.append(("X-Cache", "HIT"))
    return tuple(
        Copy(
            response.status_code,
            headers,
            response.content,
            getattr(response, "search_term", None),
        )
    )


def thaw(stored):
    """The stored copy as a response, for a hit Django serves."""
    copy = Copy(*stored)
    response = HttpResponse(copy.body, status=copy.status, headers=copy.headers)
    response.search_term = copy.search_term
    return response
