"""Limits guesses at the passwords that protect private pages and document
collections. Wagtail checks them in two views of its own that no hook wraps
(the POST never goes through page serving), so this middleware picks out
those views by URL name and counts wrong answers per visitor and restriction
in the shared cache (core/throttle.py)."""

import math

from django.shortcuts import render

from .throttle import count_attempt, seconds_to_wait, visitor

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
            count_attempt(key, WINDOW_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match.url_name not in PASSWORD_VIEWS:
            return None
        kind, argument = PASSWORD_VIEWS[match.url_name]
        key = f"privacy-password:{kind}:{view_kwargs[argument]}:{visitor(request)}"
        wait = seconds_to_wait(key, WRONG_ANSWER_LIMIT, WINDOW_SECONDS)
        if wait:
            return too_many_wrong_answers(request, wait)
        request.privacy_password_key = key
        return None


def too_many_wrong_answers(request, wait):
    response = render(
        request,
        "core/too_many_password_guesses.html",
        {"minutes": math.ceil(wait / 60)},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
