import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bhp_portal.core import navigation
from bhp_portal.core.factories import StandardPageFactory
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
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


def database_trail(page):
    ancestors = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    return list(ancestors.values_list("pk", flat=True))


@pytest.mark.django_db
def test_a_routed_pages_breadcrumbs_cost_no_query(
    rf, news_index, django_assert_num_queries
):
    article = NewsArticlePageFactory(parent=news_index)
    routed = Page.find_for_request(rf.get(article.url), article.url)
    with django_assert_num_queries(0):
        trail = navigation.breadcrumbs(routed)
    assert [page.pk for page in trail] == database_trail(article)


@pytest.mark.django_db
def test_a_page_loaded_otherwise_gets_its_breadcrumbs_from_the_database(news_index):
    article = NewsArticlePageFactory(parent=news_index)
    page = NewsArticlePage.objects.get(pk=article.pk)
    assert navigation.routed_trail(page) is None
    assert [crumb.pk for crumb in navigation.breadcrumbs(page)] == database_trail(
        article
    )
