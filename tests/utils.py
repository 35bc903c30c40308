"""Helpers shared by the tests of every domain."""

import os
import subprocess
import sys
from urllib.parse import quote

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

# The site runs behind a TLS-terminating proxy; test clients play that proxy.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}

# Most SQL queries any page may take to render on a cold cache (issue 7).
QUERY_BUDGET = 25


def database_url(name):
    """A libpq URL for database `name` on the server the tests use, embedded
    (a Unix socket) or named by DATABASE_URL."""
    from django.db import connection

    params = connection.get_connection_params()
    user = quote(params["user"])
    if params.get("password"):
        user += ":" + quote(params["password"])
    host = params.get("host") or "127.0.0.1"
    if host.startswith("/"):
        return f"postgres://{user}@/{name}?host={host}"
    return f"postgres://{user}@{host}:{params.get('port') or 5432}/{name}"


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

    from bhp_portal.core.cache import forget_database_generation

    cache.clear()
    forget_database_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def run_in_new_process(args, env):
    """Runs `python <args>` with exactly `env`, so settings are read afresh and
    neither the test environment's variables nor a developer's .env leak in."""
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args],
        env={"DJANGO_ENV_FILE": "", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def news_article_form(title, slug=None, date="2026-01-05", **extra):
    """The admin's news article form, filled in with `title` and nothing
    else of note; `extra` adds fields or an action such as action-publish."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug or title.lower().replace(" ", "-"),
            "summary": "Summary.",
            "date": date,
            "article_type": "news",
            "body": streamfield([]),
            "tags": "",
            "authors": inline_formset([]),
            "press_contacts": inline_formset([]),
            "notes_to_editors": rich_text(""),
            **extra,
        }
    )


def generate_bench_articles(total):
    """`make bench`'s data set: bulk-made published news articles, each about
    one or two live themes, all in the search index. Its command lives in a
    development-only app that the tests' production settings leave out."""
    from bhp_portal.benchtools.management.commands import generate_bench_content

    call_command(
        generate_bench_content.Command(),
        articles=total,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
