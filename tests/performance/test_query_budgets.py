"""Every page type renders on a cold cache within a fixed number of queries,
however many items it lists."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

BUDGET = 25


def cold_render(client, url, django_assert_max_num_queries):
    """Render `url` with an empty cache and return the number of queries."""
    cache.clear()
    with django_assert_max_num_queries(BUDGET) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.headers.get("X-Cache") == "MISS"
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/about/", "/privacy/", "/contact/"])
def test_standard_pages_stay_within_budget(client, url, django_assert_max_num_queries):
    cold_render(client, url, django_assert_max_num_queries)


def test_a_cached_page_costs_no_queries(client, django_assert_num_queries):
    client.get("/about/")
    with django_assert_num_queries(0):
        assert client.get("/about/").headers["X-Cache"] == "HIT"
