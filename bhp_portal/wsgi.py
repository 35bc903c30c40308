"""WSGI entry point: gunicorn bhp_portal.wsgi:application.

Page-cache hits are answered before Django's request cycle starts
(core/hits.py); every other request is Django's."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhp_portal.settings")

django_application = get_wsgi_application()

from bhp_portal.core.hits import PageCacheHits  # noqa: E402 (needs the apps loaded)

application = PageCacheHits(django_application)
