"""The site's URLs plus the bench's yardstick: a view with the same gunicorn,
settings and middleware as the site, and no page behind it."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from bhp_portal.urls import handler500
from bhp_portal.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


@never_cache
def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
