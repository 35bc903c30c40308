"""Each search result says what it is in its own words (an article its type)
and which sections it sits in, from one query for the whole page of results."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bhp_portal.core.cache import forget_database_generation
from bhp_portal.core.factories import StandardPageFactory
from news.factories import NewsArticlePageFactory
from news.models import ArticleType
from tests.utils import soup

pytestmark = pytest.mark.django_db


def results(client, query):
    html = soup(client.get("/search/", {"q": query}))
    return {item.h3.get_text(): item for item in html.select(".search-results > li")}


@pytest.mark.parametrize(
    ("article_type", "label"),
    [
        (ArticleType.BLOG, "Blog post"),
        (ArticleType.PRESS_RELEASE, "Press release"),
        (ArticleType.ANNOUNCEMENT, "Announcement"),
        (ArticleType.NEWS, "News"),
    ],
)
def test_an_article_is_labelled_with_its_own_type(client, article_type, label):
    NewsArticlePageFactory(title="Numbat sightings", article_type=article_type)
    item = results(client, "numbat")["Numbat sightings"]
    assert item.select_one(".search-result__type").get_text() == label


def test_other_pages_keep_the_label_of_their_kind(client, home_page):
    StandardPageFactory(parent=home_page, title="Numbat facts")
    item = results(client, "numbat")["Numbat facts"]
    assert item.select_one(".search-result__type").get_text() == "Page"


def test_a_result_shows_the_sections_it_sits_in_as_links(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Bilby section")
    middle = StandardPageFactory(parent=section, title="Bilby middle")
    StandardPageFactory(parent=middle, title="Numbat deep page")
    trail = results(client, "numbat")["Numbat deep page"].select_one(
        ".search-result__trail"
    )
    links = [(a.get_text(), a["href"]) for a in trail.select("a")]
    assert links == [
        ("Bilby section", section.url),
        ("Bilby middle", middle.url),
    ]


def test_a_page_just_below_home_has_no_trail(client, home_page):
    StandardPageFactory(parent=home_page, title="Numbat top")
    item = results(client, "numbat")["Numbat top"]
    assert not item.select_one(".search-result__trail")


def test_the_trails_cost_the_same_queries_for_one_result_or_many(client, home_page):
    wombats = StandardPageFactory(parent=home_page, title="Section one")
    for number in range(9):
        parent = StandardPageFactory(parent=wombats, title=f"Branch {number}")
        StandardPageFactory(parent=parent, title=f"Wombat leaf {number}")
    dingoes = StandardPageFactory(parent=home_page, title="Section two")
    StandardPageFactory(
        parent=StandardPageFactory(parent=dingoes, title="Branch"),
        title="Dingo leaf",
    )

    def queries_for(term):
        cache.clear()
        forget_database_generation()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": term}).status_code == 200
        return len(queries)

    assert queries_for("wombat") == queries_for("dingo")
