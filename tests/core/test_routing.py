"""Routing: below a page that allows one child type, the child is found and
loaded in one query; a route that ends at a live page is remembered until the
next publish; everything else still goes Wagtail's way."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from bhp_portal.core import routing
from bhp_portal.core.factories import StandardPageFactory
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def test_a_child_of_the_only_allowed_type_costs_one_query(
    rf, news_index, django_assert_num_queries
):
    article = NewsArticlePageFactory(parent=news_index)
    # Wagtail's own route: the child, then its page type's row.
    with django_assert_num_queries(2):
        Page.route(news_index, rf.get("/"), [article.slug])
    with django_assert_num_queries(1):
        page, _, _ = news_index.route(rf.get("/"), [article.slug])
        assert page.get_parent() is news_index
    assert type(page) is NewsArticlePage
    assert page.pk == article.pk
    assert "What happened." in str(page.body)


def test_a_child_of_another_type_is_still_served(client, news_index):
    # Allowed types can change after pages exist; such pages stay reachable.
    StandardPageFactory(parent=news_index, title="An older page", slug="older")
    response = client.get("/news/older/")
    assert response.status_code == 200
    assert "An older page" in response.content.decode()


def test_drafts_and_missing_children_are_not_found(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug="not-yet", live=False)
    assert client.get("/news/not-yet/").status_code == 404
    assert client.get("/news/no-such-article/").status_code == 404


def test_the_index_own_addresses_come_before_a_child_of_the_same_name(
    client, news_index
):
    NewsArticlePageFactory(parent=news_index, slug="feed", title="Called feed")
    response = client.get("/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")


# Routing remembered until the next publish (core/routing.py).


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def test_a_remembered_route_costs_no_query_to_route(client, news_index, no_page_cache):
    article = NewsArticlePageFactory(parent=news_index, title="Remembered")
    first = queries_for(client, article.url)
    second = queries_for(client, article.url)
    # No site lookup, no page, no parents, no view restrictions.
    assert len(second) <= len(first) - 4
    assert not any("wagtailcore_site" in sql for sql in second)
    restrictions = 'SELECT "wagtailcore_pageviewrestriction"'
    assert any(sql.startswith(restrictions) for sql in first)
    assert not any(sql.startswith(restrictions) for sql in second)
    html = client.get(article.url).content.decode()
    assert "Remembered" in html
    # The breadcrumbs still name every level above the article.
    assert 'href="/news/"' in html


def test_a_remembered_route_still_asks_for_the_password(
    client, news_index, no_page_cache
):
    article = NewsArticlePageFactory(parent=news_index, title="Members only")
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="x1"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200
        assert "Members only" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def test_publishing_moves_and_withdrawals_take_effect_at_once(
    client, home_page, news_index, no_page_cache
):
    article = NewsArticlePageFactory(parent=news_index, slug="moving", title="Old")
    assert client.get("/news/moving/").status_code == 200
    # A draft changes nothing the public sees; publishing it does, at once.
    article.title = "Draft title"
    article.save_revision()
    assert "Draft title" not in client.get("/news/moving/").content.decode()
    article.save_revision().publish()
    assert "Draft title" in client.get("/news/moving/").content.decode()
    article.slug = "moved"
    article.save_revision().publish()
    assert client.get("/news/moving/").status_code == 404
    assert client.get("/news/moved/").status_code == 200
    article.unpublish()
    assert client.get("/news/moved/").status_code == 404


def test_addresses_that_are_not_pages_are_not_remembered(
    client, news_index, no_page_cache, monkeypatch
):
    # Made-up addresses must not fill the shared cache.
    stored = []
    set_entry = routing.cache.set
    monkeypatch.setattr(
        routing.cache,
        "set",
        lambda key, *args, **kwargs: (
            stored.append(key) or set_entry(key, *args, **kwargs)
        ),
    )
    assert client.get("/news/no-such-article/").status_code == 404
    assert client.get("/news/feed/").status_code == 200
    assert not [key for key in stored if ":route" in key]
    assert client.get("/news/").status_code == 200
    assert [key for key in stored if ":route" in key]
