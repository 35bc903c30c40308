"""The site's URLs plus the bench's yardstick: the bare view, which
bhp_portal.benchtools.wsgi serves with no middleware at all."""

from django.http import HttpResponse
from django.urls import path

from bhp_portal.urls import handler500
from bhp_portal.urls import urlpatterns as site_urlpatterns

__all__ = ["BARE_PATH", "handler500", "urlpatterns"]

BARE_PATH = "/bench/bare/"


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path(BARE_PATH.lstrip("/"), bare), *site_urlpatterns]
