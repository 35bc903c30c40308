"""`make bench`'s WSGI entry point: the site, and the bare view with no
middleware at all (gunicorn bhp_portal.benchtools.wsgi:application).

The bare view is the limit any page served by Django can reach on this
gunicorn: a request object, URL resolution, a view and a response, nothing
else. A cached page is judged against it, so the middleware a cache hit runs
counts against the hit."""

import os

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhp_portal.settings")

from bhp_portal.wsgi import application as site  # noqa: E402

from .urls import BARE_PATH  # noqa: E402


class BareHandler(WSGIHandler):
    """Django's WSGI handler with an empty middleware list."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)


bare = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare(environ, start_response)
    return site(environ, start_response)
