"""A page that is unpublished or made private while Redis is unreachable
(the page-cache generation bump is lost) stops being served from the cache
within PAGE_CACHE_GENERATION_CHECK_SECONDS once Redis is back, on every
server, and at once on the server that made the change."""

import time

import pytest
from django.contrib.auth.hashers import make_password
from wagtail.models import PageViewRestriction

from bhp_portal.core.factories import StandardPageFactory
from tests.utils import soup

pytestmark = pytest.mark.django_db

# Seconds; production's default is 5. Short, so the test can wait it out.
BOUND = 1


def published(**fields):
    page = StandardPageFactory(**fields)
    page.save_revision().publish()
    return page


@pytest.fixture
def about(settings, home_page):
    """A page in the menu, at /about-us/, and another page at /notice/."""
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = BOUND
    published(title="Notice", slug="notice")
    return published(title="About us", slug="about-us", show_in_menus=True)


def cached(client, path):
    client.get(path)
    response = client.get(path)
    assert response.headers["X-Cache"] == "HIT"
    return response


def menu_links(response):
    return [a["href"] for a in soup(response).select('nav[aria-label="Main"] a')]


def unpublish(page):
    page.unpublish()


def make_private(page):
    PageViewRestriction.objects.create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        password=make_password("letmein-please"),
    )


@pytest.mark.parametrize("withdraw", [unpublish, make_private])
def test_a_page_withdrawn_during_a_redis_outage_is_gone_within_the_bound(
    client, about, shared_redis, withdraw
):
    cached(client, "/about-us/")
    assert "/about-us/" in menu_links(cached(client, "/notice/"))
    shared_redis.down()
    # Outside the test's transaction this commits, and the other servers'
    # last look at the database predates it: this test plays one of them.
    withdraw(about)
    shared_redis.up()
    time.sleep(BOUND + 0.1)
    response = client.get("/about-us/")
    assert response.headers.get("X-Cache") != "HIT"
    assert "About us" not in soup(response).h1.get_text()
    # Nor does another page's menu still lead to it.
    assert "/about-us/" not in menu_links(client.get("/notice/"))


@pytest.mark.parametrize("withdraw", [unpublish, make_private])
def test_the_server_that_withdrew_the_page_stops_serving_it_at_once(
    client, about, shared_redis, withdraw, django_capture_on_commit_callbacks
):
    cached(client, "/about-us/")
    shared_redis.down()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(about)
    shared_redis.up()
    response = client.get("/about-us/")
    assert response.headers.get("X-Cache") != "HIT"
    assert "About us" not in soup(response).h1.get_text()
