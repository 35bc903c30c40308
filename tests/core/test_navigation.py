import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bhp_portal.core.factories import StandardPageFactory
from tests.utils import soup


def menu_titles(client):
    return [
        a.get_text() for a in soup(client.get("/")).select('nav[aria-label="Main"] a')
    ]


@pytest.mark.django_db
def test_publishing_a_menu_page_shows_it_at_once(client, home_page):
    assert "Partnerships" not in menu_titles(client)
    page = StandardPageFactory(
        parent=home_page, title="Partnerships", show_in_menus=True
    )
    page.save_revision().publish()
    assert "Partnerships" in menu_titles(client)
    page.unpublish()
    assert "Partnerships" not in menu_titles(client)


@pytest.mark.django_db
def test_drafts_and_private_pages_stay_out_of_the_menu(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Draft page", show_in_menus=True, live=False
    )
    titles = menu_titles(client)
    assert "Draft page" not in titles


@pytest.mark.django_db
def test_menu_is_cached_between_requests(client):
    client.get("/about/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/privacy/")
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get("/privacy/")
    assert len(warm.captured_queries) < len(cold.captured_queries)
