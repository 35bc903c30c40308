"""Every page type renders on a cold cache within a fixed number of queries,
however many items it lists."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.images import filter_specs
from news.models import NewsArticlePage
from partners.models import HDRUKSitePage, PartnerPage
from research.factories import ResearchThemePageFactory
from research.models import ResearchThemePage
from tests.utils import QUERY_BUDGET, cold_query_count

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


def generate_articles(total):
    """Bulk-made published news articles, each about one or two live themes,
    all in the search index (the bench data set)."""
    call_command(
        "generate_bench_content",
        articles=total,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )


def first_url(model):
    return model.objects.live().order_by("path").first().url


PAGE_TYPES = {
    "home": lambda: "/",
    "research index": lambda: "/research/",
    "research theme": lambda: first_url(ResearchThemePage),
    "partner index": lambda: "/partners/",
    "partner page": lambda: first_url(PartnerPage),
    "HDR UK index": lambda: "/hdr-uk/",
    "HDR UK site": lambda: first_url(HDRUKSitePage),
    "news index": lambda: "/news/",
    "news article": lambda: first_url(NewsArticlePage),
    "standard page": lambda: "/about/",
    "contact form": lambda: "/contact/",
    "search": lambda: "/search/?q=cancer",
    "search by type": lambda: "/search/?q=cancer&type=news",
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_stays_within_budget(client, page_type):
    assert warm_count(client, PAGE_TYPES[page_type]()) <= BUDGET


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
    generate_articles(10)
    few = warm_count(client, "/news/")
    generate_articles(500)
    assert warm_count(client, "/news/") == few <= BUDGET
    # The last page of the paginated list too, not only the first.
    assert warm_count(client, "/news/?page=50") == few


def test_theme_costs_the_same_with_2_or_50_news_articles(client):
    generate_articles(50)
    articles = list(NewsArticlePage.objects.filter(slug__startswith="bench-"))
    theme = ResearchThemePageFactory(slug="well-covered")
    theme.news_articles.set(articles[:2])
    few = warm_count(client, theme.url)
    theme.news_articles.set(articles)
    assert warm_count(client, theme.url) == few <= BUDGET


def test_search_costs_the_same_for_few_or_many_results(client):
    # Every generated article's title says "Bench", no demo page does: results
    # of one page type (each type on the results page is one more query).
    generate_articles(3)
    few = warm_count(client, "/search/?q=bench")
    generate_articles(300)
    assert warm_count(client, "/search/?q=bench") == few <= BUDGET
