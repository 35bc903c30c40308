"""RSS feeds: valid XML, absolute links, live articles only."""

import xml.etree.ElementTree as ET

import pytest

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from tests.utils import soup


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


@pytest.mark.django_db
def test_news_feed_lists_live_articles_newest_first_with_absolute_links(
    client, news_index
):
    channel = parse(client.get("/news/feed/", headers={"host": "localhost"}))
    assert channel.findtext("title") == "Birmingham Health Partners news"
    assert channel.findtext("link") == "https://localhost/news/"
    items = channel.findall("item")
    expected = list(
        NewsArticlePage.objects.child_of(news_index)
        .live()
        .order_by("-date", "-first_published_at")
        .values_list("title", "slug")[:20]
    )
    assert [item.findtext("title") for item in items] == [t for t, _ in expected]
    for item, (_, slug) in zip(items, expected, strict=True):
        assert item.findtext("link") == f"https://localhost/news/{slug}/"
        assert item.findtext("pubDate")
    assert not NewsArticlePage.objects.filter(
        live=False, title__in=[item.findtext("title") for item in items]
    ).exists()


@pytest.mark.django_db
def test_theme_feed_only_has_that_themes_articles(
    client, news_index, theme, other_theme
):
    mine = NewsArticlePageFactory(parent=news_index, themes=[theme])
    NewsArticlePageFactory(parent=news_index, themes=[other_theme])
    channel = parse(client.get("/news/feed/test-theme/"))
    assert "Test Theme" in channel.findtext("title")
    assert [item.findtext("title") for item in channel.findall("item")] == [mine.title]


@pytest.mark.django_db
def test_feed_for_an_unknown_theme_is_404(client, news_index):
    assert client.get("/news/feed/no-such-theme/").status_code == 404


@pytest.mark.django_db
def test_pages_advertise_their_feeds(client, news_index, theme):
    article = NewsArticlePageFactory(parent=news_index, themes=[theme])
    index_links = soup(client.get("/news/?theme=test-theme")).select(
        'link[rel="alternate"][type="application/rss+xml"]'
    )
    assert [link["href"] for link in index_links] == [
        "/news/feed/",
        "/news/feed/test-theme/",
    ]
    article_link = soup(client.get(article.url)).select_one(
        'link[rel="alternate"][type="application/rss+xml"]'
    )
    assert article_link["href"] == "/news/feed/"
