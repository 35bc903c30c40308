"""Limits guesses at the passwords that protect private pages and document
collections. Wagtail checks them in two views of its own that no hook wraps
(the POST never goes through page serving), so this middleware picks out
those views by URL name and counts wrong answers per visitor and restriction
in the shared cache. A cache outage lets guesses through rather than failing
the page: the cache fails open."""

import ipaddress
import math
import time

from django.core.cache import cache
from django.shortcuts import render

from .middleware import client_ip

WRONG_ANSWER_LIMIT = 10
WINDOW_SECONDS = 15 * 60

# URL name of each password view, and the argument naming its restriction.
PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password": ("page", "page_view_restriction_id"),
    "wagtaildocs_authenticate_with_password": ("collection", "restriction_id"),
}


class PrivacyPasswordThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "privacy_password_key", None)
        # Wagtail redirects after the right password and shows the form again
        # after a wrong (or empty) one.
        if key and response.status_code == 200:
            count_wrong_answer(key)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match.url_name not in PASSWORD_VIEWS:
            return None
        kind, argument = PASSWORD_VIEWS[match.url_name]
        key = f"privacy-password:{kind}:{view_kwargs[argument]}:{visitor(request)}"
        wait = seconds_to_wait(key)
        if wait:
            return too_many_wrong_answers(request, wait)
        request.privacy_password_key = key
        return None


def visitor(request):
    """The client's address; for IPv6 its /64, which one household or server
    usually holds whole and could otherwise walk through."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def count_wrong_answer(key):
    # The first wrong answer opens the window; later ones do not extend it,
    # and its end is kept to tell the visitor when to come back.
    cache.add(f"{key}:until", time.time() + WINDOW_SECONDS, WINDOW_SECONDS)
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        # The window just ended, or the cache is down: let the answer go.
        return


def seconds_to_wait(key):
    """0 while the visitor may still answer, else the seconds left."""
    counted = cache.get_many([key, f"{key}:until"])
    if counted.get(key, 0) < WRONG_ANSWER_LIMIT:
        return 0
    until = counted.get(f"{key}:until", time.time() + WINDOW_SECONDS)
    return max(1, math.ceil(until - time.time()))


def too_many_wrong_answers(request, wait):
    response = render(
        request,
        "core/too_many_password_guesses.html",
        {"minutes": math.ceil(wait / 60)},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
