"""Shared fixtures. The demo content is loaded once into the test database,
so every test starts from the site a newcomer sees after `make run`."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import setup_databases, teardown_databases

from tests.utils import ProxyClient

# The live site (gunicorn over HTTPS) and Chromium, for browser tests.
pytest_plugins = ["tests.live_site"]
# Read before pytest-django renames it to the test database's.
DATABASE_NAME = settings.DATABASES["default"]["NAME"]


def pytest_report_header(config):
    return f"database: {connection.vendor}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        created = _test_database_for_browser_only_runs()
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    if created:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


def _test_database_for_browser_only_runs():
    """pytest-django creates the test database only when a collected test uses
    the `db` fixture; browser tests do not (the live site copies the test
    database), so a run of only them would otherwise load the demo content
    into, and serve a copy of, the developer's own database."""
    if connection.settings_dict["NAME"] != DATABASE_NAME:
        return None
    return setup_databases(verbosity=0, interactive=False, aliases={"default"})


@pytest.fixture(autouse=True)
def _empty_cache():
    # Tests roll back the database; the cache must not remember their pages.
    cache.clear()
    yield
    cache.clear()


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
    from bhp_portal.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def make_news_article(home_page):
    """A news article about the given themes and organisations, with only the
    fields the research and partner pages read."""
    from news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="News", slug="news")
        home_page.add_child(instance=index)

    def make(title, date, themes=(), organisations=(), live=True):
        article = NewsArticlePage(title=title, date=date, live=live)
        index.add_child(instance=article)
        article.themes.set(themes)
        article.organisations.set(organisations)
        article.save()
        return article

    return make
