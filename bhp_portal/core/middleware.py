"""The page cache, site-wide security headers, the database-outage page and
the client address used by the login lock-out."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import cache as page_cache
from .views import database_unavailable


class PageCacheMiddleware:
    """Serve anonymous visitors whole pages from the shared cache.

    It sits before the session, CSRF and message middleware, so on the way out
    it sees every cookie they set and can refuse to store such responses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.may_use_cache(request):
            return self.get_response(request)

        key = page_cache.page_cache_key(request)
        frozen = cache.get(key)
        if frozen is not None:
            content, headers = frozen
            response = HttpResponse(content, headers=headers)
            response["X-Cache"] = "HIT"
            return response

        response = self.get_response(request)
        if page_cache.may_store(request, response):
            if settings.FRONTEND_CACHE_SECONDS:
                patch_cache_control(
                    response,
                    public=True,
                    max_age=0,
                    s_maxage=settings.FRONTEND_CACHE_SECONDS,
                )
            cache.set(key, page_cache.freeze(response), settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "MISS"
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
    django-csp's decorators. Also sends Permissions-Policy, which Django
    does not."""

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
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """Answers a friendly 503 when a view cannot reach the database, instead
    of a 500 and a stack of identical error reports. Errors raised outside
    views (e.g. saving the session) reach the 500 handler, which does the
    same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable(exception)
        return None


def client_ip(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT proxies it is the
    entry that many places from the right of X-Forwarded-For: entries further
    left were written by the client and can be forged."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(count, len(hops))]
    return request.META.get("REMOTE_ADDR", "")
