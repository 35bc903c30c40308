"""Which query parameters make a page-cache entry of their own: only those the
page reads. Tracking and unknown parameters share the plain page's entry, so
a random query string neither bypasses the cache nor fills Redis."""

import datetime

import pytest
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from bhp_portal.core.factories import ContactFormPageFactory
from news.factories import NewsArticlePageFactory
from news.models.pages import ARTICLES_PER_PAGE
from tests.utils import ProxyClient, soup

pytestmark = pytest.mark.django_db


def x_cache(response):
    return response.headers.get("X-Cache")


def test_tracking_parameters_are_a_hit_of_the_plain_page_and_add_no_key(
    client, shared_redis
):
    assert x_cache(client.get("/")) == "MISS"
    plain = client.get("/")
    keys = shared_redis.keys()
    for query in ["utm_source=x", "fbclid=a1", "gclid=b2&utm_campaign=spring", "x=1"]:
        response = client.get(f"/?{query}")
        assert x_cache(response) == "HIT", query
        assert response.content == plain.content
    assert shared_redis.keys() == keys


def test_a_page_ignores_parameters_that_other_pages_read(client):
    client.get("/about/")
    assert x_cache(client.get("/about/?page=2&theme=cancer&q=trials")) == "HIT"


def test_news_filters_and_page_numbers_keep_their_own_entries(client):
    everything = client.get("/news/")
    cancer = client.get("/news/?theme=cancer")
    assert x_cache(cancer) == "MISS"
    assert cancer.content != everything.content
    assert x_cache(client.get("/news/?utm_source=mail&theme=cancer")) == "HIT"
    assert x_cache(client.get("/news/?page=2")) == "MISS"
    # An empty filter is no filter: the form's "All themes" sends one.
    assert x_cache(client.get("/news/?theme=&partner=&type=&year=")) == "HIT"


def test_parameters_a_page_ignores_never_reach_the_copy_others_get(client):
    # The URL's first visit renders as asked (the cache does not know yet
    # which parameters the page reads) and is not kept; later ones are
    # rewritten to the parameters it reads before it renders.
    for _ in range(2):
        client.get("/news/?page=2&utm_source=spam-link")
    later = ProxyClient().get("/news/?page=2")
    assert x_cache(later) == "HIT"
    assert "spam-link" not in later.text


def result_titles(response):
    return [a.get_text() for a in soup(response).select("ol.search-results h3 a")]


def test_searches_share_an_entry_once_normalised(client):
    first = client.get("/search/?q=cancer+trials")
    assert result_titles(first)
    again = client.get("/search/?type=&q=%20Cancer%20%20TRIALS%0A")
    assert x_cache(again) == "HIT"
    assert again.content == first.content
    assert x_cache(client.get("/search/?q=cancer+trials&type=news")) == "MISS"


def test_cached_searches_still_count_in_the_search_terms_report(client):
    client.get("/search/?q=cancer")
    assert x_cache(client.get("/search/?q=Cancer")) == "HIT"
    assert Query.objects.get(query_string="cancer").hits == 2


def test_a_new_promotion_shows_on_a_cached_search_at_once(client):
    client.get("/search/?q=cancer")
    contact = ContactFormPageFactory()
    SearchPromotion.objects.create(
        query=Query.get("cancer"), page=contact, description="Ask us.", sort_order=0
    )
    promoted = soup(client.get("/search/?q=cancer")).select(".search-promoted h3")
    assert [h3.get_text() for h3 in promoted] == [contact.title]


def test_spellings_of_one_host_share_its_entries(client):
    # Security round two, item 14: each spelling had an entry of its own.
    assert x_cache(client.get("/", HTTP_HOST="localhost")) == "MISS"
    for spelling in ["LOCALHOST", "localhost.", "LocalHost.:443", "localhost:0443"]:
        response = client.get("/", HTTP_HOST=spelling)
        assert x_cache(response) == "HIT", spelling


@pytest.mark.parametrize(
    "host", ["localhost:99999999999999999999", "localhost:0", "localhost:65536"]
)
def test_a_port_that_is_no_port_is_refused(client, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 400
    assert host.encode() not in response.content


@override_settings(PAGE_CACHE_SECONDS=0)
def test_made_up_parameters_add_no_fragment_and_stay_out_of_links(
    client, shared_redis, news_index
):
    for day in range(ARTICLES_PER_PAGE + 1):
        NewsArticlePageFactory(parent=news_index, date=datetime.date(2026, 3, day + 1))
    first = soup(client.get("/news/?made=up&theme="))
    assert first.select_one('a[rel="next"]')["href"] == "?page=2"
    keys = shared_redis.keys()
    for query in ["x=1", "utm_source=mail&theme=&year=", "page=1&q=z"]:
        html = soup(client.get(f"/news/?{query}"))
        assert html.select_one('a[rel="next"]')["href"] == "?page=2"
    assert shared_redis.keys() == keys


@override_settings(PAGE_CACHE_SECONDS=0)
def test_a_repeated_filter_is_kept_as_the_form_reads_it(client, news_index):
    """The form takes the last of a repeated parameter: the list kept for
    ?type=blog&type= is the unfiltered one, and ?type=blog still gets its own."""
    NewsArticlePageFactory(
        parent=news_index, title="A press release", article_type="press-release"
    )
    assert "A press release" in client.get("/news/?type=blog&type=").text
    assert "A press release" not in client.get("/news/?type=blog").text
