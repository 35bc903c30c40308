from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import cache as page_cache


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
