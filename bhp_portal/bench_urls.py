"""URLs for `make bench` only (settings pick this module when BHP_BENCH=1).

The trivial view is the yardstick: the same gunicorn, settings and middleware
as the site, with no page behind it. Production URLs never include it.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from .urls import handler500
from .urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


@never_cache
def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
