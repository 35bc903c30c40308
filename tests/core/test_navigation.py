import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bhp_portal.core import navigation
from bhp_portal.core.factories import ContactFormPageFactory, StandardPageFactory
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
def test_the_contact_page_is_last_in_the_menu_whatever_its_place(client, home_page):
    contact = ContactFormPageFactory(parent=home_page, show_in_menus=True)
    contact.save_revision().publish()
    later = StandardPageFactory(parent=home_page, title="Later", show_in_menus=True)
    later.save_revision().publish()
    titles = menu_titles(client)
    assert titles.index("Later") < titles.index(contact.title)
    assert titles[-1] == contact.title


def menu_queries(client, url):
    """The queries for the main menu (the only ones that filter on
    show_in_menus) while rendering `url`."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    return [q for q in sql if "show_in_menus" in q.partition(" WHERE ")[2]]


@pytest.mark.django_db
def test_menu_is_cached_between_requests(client, home_page):
    first, second = StandardPageFactory.create_batch(2, show_in_menus=True)
    assert len(menu_queries(client, first.url)) == 1
    # Another page, so not the page cache: the menu comes from its own entry.
    assert menu_queries(client, second.url) == []
    cache.clear()
    assert len(menu_queries(client, second.url)) == 1


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
