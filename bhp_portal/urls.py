from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from bhp_portal.api import api_router
from bhp_portal.core import routing, two_factor
from bhp_portal.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    # Ahead of the admin's own sign-out, which it replaces (two_factor.sign_out).
    path(
        f"{settings.WAGTAIL_ADMIN_PATH}logout/",
        two_factor.sign_out,
        name="wagtailadmin_logout",
    ),
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("search/", core_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("embargo/", include("news.urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(
            rf"^{media_prefix}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

if settings.DEBUG:
    # Debug mode shows Django's technical pages instead of the site's own
    # error pages; these addresses show the site's, in development only.
    from django.http import Http404
    from django.views.defaults import page_not_found

    urlpatterns += [
        path("_dev/404/", page_not_found, {"exception": Http404()}),
        path("_dev/500/", core_views.server_error),
    ]

# Wagtail serves every other path from the page tree, so this stays last;
# pages go through routing remembered per publish (core/routing.py), under
# the name and pattern Wagtail's own URLs give its serve view.
urlpatterns += [
    *(url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

handler500 = "bhp_portal.core.views.server_error"
