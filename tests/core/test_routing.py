"""Routing: below a page that allows one child type, the child is found and
loaded in one query; everything else still goes Wagtail's way."""

import pytest
from wagtail.models import Page

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
