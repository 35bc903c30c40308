"""Helpers shared by the tests of every domain."""

import subprocess
import sys

from bs4 import BeautifulSoup
from django.test import Client
from wagtail.test.utils import WagtailPageTestCase

# The site runs behind a TLS-terminating proxy; test clients play that proxy.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# Most SQL queries any page may take to render on a cold cache (issue 7).
QUERY_BUDGET = 25


class ProxyClient(Client):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("headers", PROXY_HEADERS)
        super().__init__(*args, **kwargs)


class PageTestCase(WagtailPageTestCase):
    client_class = ProxyClient


def soup(response):
    """The response parsed, for checks on the rendered HTML."""
    return BeautifulSoup(response.content, "html.parser")


def cold_query_count(client, url):
    """Queries to render `url` with nothing cached (no page cache, no menu)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def run_in_new_process(args, env):
    """Runs `python <args>` with exactly `env`, so settings are read afresh and
    the test environment's own variables cannot leak in."""
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args], env=env, capture_output=True, text=True, check=False
    )
