"""Shared fixtures. The demo content is loaded once into the test database:
tests/core/test_demo_content.py checks it and the browser tests walk it.
Other tests make the pages they assert on with the factories, which reuse the
demo's home page and indexes where they exist and make them where not."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from bhp_portal.core.cache import forget_database_generation
from bhp_portal.embedded_postgres import describe
from tests.utils import ProxyClient

# The live site (gunicorn over HTTPS) and Chromium, for browser tests.
pytest_plugins = ["tests.live_site"]


def pytest_report_header(config):
    return f"database: {describe(connection.settings_dict)}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Browser-only runs get a test database too: tests/live_site.py marks
    # their tests as using it.
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _empty_cache():
    # Tests roll back the database; the cache must not remember their pages,
    # nor this process the page-cache generation they read.
    cache.clear()
    forget_database_generation()
    yield
    cache.clear()
    forget_database_generation()


@pytest.fixture
def client():
    return ProxyClient()


@pytest.fixture
def admin_client(admin_user):
    client = ProxyClient()
    client.force_login(admin_user)
    return client


@pytest.fixture
def home_page(db):
    from bhp_portal.core.factories import HomePageFactory

    return HomePageFactory()


@pytest.fixture
def news_index(db):
    from news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory()
