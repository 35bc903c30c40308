"""Every page type renders on a cold cache within a fixed number of queries,
however many items it lists."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, get_page_models

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.images import filter_specs
from news.models import NewsArticlePage
from research.factories import ResearchThemePageFactory
from research.models import ResearchThemePage
from tests.utils import QUERY_BUDGET, cold_query_count, generate_bench_articles

pytestmark = pytest.mark.django_db

BUDGET = QUERY_BUDGET


def cold_render(client, url, django_assert_max_num_queries):
    """Render `url` with an empty cache and return the number of queries."""
    cache.clear()
    with django_assert_max_num_queries(BUDGET) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.headers.get("X-Cache") == "MISS"
    return len(queries.captured_queries)


def warm_count(client, url):
    """Cold-cache queries of `url` once its images' renditions exist: an upload
    makes them, so a page view in production never does."""
    cache.clear()
    client.get(url)
    return cold_query_count(client, url)


def first_url(model):
    page = model.objects.live().order_by("path").first()
    assert page, f"The demo content has no live {model.__name__} to measure."
    return page.url


# Every page type Wagtail knows, so one added later is measured too (as
# scripts/bench.py finds them).
PAGE_TYPES = [model for model in get_page_models() if model is not Page]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_stays_within_budget(client, model):
    assert warm_count(client, first_url(model)) <= BUDGET


@pytest.mark.parametrize("url", ["/search/?q=cancer", "/search/?q=cancer&type=news"])
def test_search_stays_within_budget(client, url):
    assert warm_count(client, url) <= BUDGET


@pytest.mark.parametrize("url", ["/about/", "/privacy/", "/accessibility/"])
def test_standard_pages_stay_within_budget(client, url, django_assert_max_num_queries):
    cold_render(client, url, django_assert_max_num_queries)


def test_a_cached_page_costs_no_queries(client, django_assert_num_queries):
    client.get("/about/")
    with django_assert_num_queries(0):
        assert client.get("/about/").headers["X-Cache"] == "HIT"


def test_home_page_cost_does_not_grow_with_featured_pages(
    client, home_page, django_assert_max_num_queries
):
    home_page.featured_pages.all().delete()
    pages = StandardPageFactory.create_batch(6, parent=home_page)
    for page in pages:
        # As an upload would have done, the card renditions exist already.
        page.listing_image = ImageFactory()
        page.listing_image.get_renditions(*filter_specs("card"))
        page.save_revision().publish()
    home_page.featured_pages.create(featured=pages[0])
    home_page.save_revision().publish()
    client.get("/")  # makes the demo hero image's renditions, once
    one = cold_render(client, "/", django_assert_max_num_queries)

    for page in pages[1:]:
        home_page.featured_pages.create(featured=page)
    home_page.save_revision().publish()
    assert cold_render(client, "/", django_assert_max_num_queries) == one


def test_news_index_costs_the_same_with_10_or_500_articles(client):
    # Only generated articles, so both lists hold cards of the same kind
    # (a list with no hero images at all has no hero images to fetch).
    NewsArticlePage.objects.exclude(slug__startswith="bench-").update(live=False)
    generate_bench_articles(10)
    few = warm_count(client, "/news/")
    generate_bench_articles(500)
    assert warm_count(client, "/news/") == few <= BUDGET
    # The last page of the paginated list too, not only the first.
    assert warm_count(client, "/news/?page=50") == few


def test_theme_costs_the_same_with_2_or_50_news_articles(client):
    generate_bench_articles(50)
    articles = list(NewsArticlePage.objects.filter(slug__startswith="bench-"))
    theme = ResearchThemePageFactory(slug="well-covered")
    theme.news_articles.set(articles[:2])
    few = warm_count(client, theme.url)
    theme.news_articles.set(articles)
    assert warm_count(client, theme.url) == few <= BUDGET


@pytest.mark.parametrize("page", ["theme", "news index", "home"])
def test_demo_content_and_generated_articles_cost_the_same(client, page):
    """As `make bench` compares them: the demo content, whose newest
    articles have no card image, and then generated articles (each with
    one) listed among them. A card list costs the same with or without
    images."""
    first_theme = ResearchThemePage.objects.live().order_by("path").first()
    url = {"theme": first_theme.url, "news index": "/news/", "home": "/"}[page]
    demo = warm_count(client, url)
    generate_bench_articles(60)
    assert warm_count(client, url) == demo <= BUDGET


def test_search_costs_the_same_for_few_or_many_results(client):
    # Every generated article's title says "Bench", no demo page does: results
    # of one page type (each type on the results page is one more query).
    generate_bench_articles(3)
    few = warm_count(client, "/search/?q=bench")
    generate_bench_articles(300)
    assert warm_count(client, "/search/?q=bench") == few <= BUDGET
