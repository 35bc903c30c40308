"""Shared fixtures. The demo content is loaded once into the test database,
so every test starts from the site a newcomer sees after `make run`."""

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
    from bhp_portal.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def news_index(db):
    from news.models import NewsIndexPage

    return NewsIndexPage.objects.get()


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
