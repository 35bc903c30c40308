"""Every page type renders on a cold cache within a fixed number of queries,
however many items it lists."""

import pytest
from django.core.cache import cache

from bhp_portal.core.factories import ImageFactory, StandardPageFactory
from bhp_portal.core.images import filter_specs

pytestmark = pytest.mark.django_db

# The home page is the largest: featured research, latest news and partners.
BUDGET = 30


def cold_render(client, url, django_assert_max_num_queries):
    """Render `url` with an empty cache and return the number of queries."""
    cache.clear()
    with django_assert_max_num_queries(BUDGET) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.headers.get("X-Cache") == "MISS"
    return len(queries.captured_queries)


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
