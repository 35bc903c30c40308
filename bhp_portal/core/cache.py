"""The shared page cache: whole anonymous responses kept in Django's cache.

Every key carries a site-wide *generation* number that lives in the same
shared cache. Any change the public could see (see signals.py) increments it,
so every app server reading that cache stops using the old entries at once,
without having to know which URLs a change touched. docs/performance.md
explains the choice.
"""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

GENERATION_KEY = "page-cache:generation"
# Header names are case-insensitive; these are compared lower-cased.
NEVER_STORED_HEADERS = {"set-cookie", "x-cache"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


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


def request_generation(request):
    """The generation, read at most once per request."""
    if not hasattr(request, "_page_cache_generation"):
        request._page_cache_generation = get_generation()
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


def page_cache_key(request):
    """Host, scheme, path and the query string with its parameters sorted, so
    `?page=2&theme=cancer` and `?theme=cancer&page=2` share one entry."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    scheme = "https" if request.is_secure() else "http"
    url = f"{scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{request_generation(request)}:{digest}"


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
    # A session or message cookie may change what the page shows (a signed-in
    # user, a "saved" notice); so may credentials sent in a header.
    cookies = request.COOKIES
    return not (
        settings.SESSION_COOKIE_NAME in cookies
        or CookieStorage.cookie_name in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


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


def freeze(response):
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in NEVER_STORED_HEADERS
    ]
    return (response.content, headers)
