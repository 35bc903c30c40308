"""Floods of requests the page cache cannot answer (searches, API calls, form
posts) are limited per client address, so they cannot starve the workers;
health probes and cached pages keep answering."""

import io
import logging

import pytest
from django.core.cache.backends.locmem import LocMemCache

from bhp_portal.core import cache_backends

pytestmark = pytest.mark.django_db

FLOODER = "203.0.113.7"
NEIGHBOUR = "198.51.100.20"
# The default limit: 30 requests per client per 10 seconds on each route.
LIMIT = 30


@pytest.fixture
def redis_down(settings, monkeypatch):
    monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
    settings.CACHES = {
        "default": {
            "BACKEND": "bhp_portal.core.cache_backends.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }


def search(client, address=FLOODER):
    return client.get("/search/", {"q": "cancer"}, REMOTE_ADDR=address)


def assert_refused(response):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 10
    assert response["Cache-Control"] == "no-store"
    assert len(response.content) < 1000


def test_the_31st_search_in_the_window_is_refused_while_the_site_answers(client):
    client.get("/about/")
    for _ in range(LIMIT):
        assert search(client).status_code == 200
    refused = search(client)
    assert_refused(refused)
    assert refused["Content-Type"].startswith("text/html")
    assert "Too many requests" in refused.text
    for probe in ["/healthz", "/readyz"]:
        assert client.get(probe, REMOTE_ADDR=FLOODER).status_code == 200
    page = client.get("/about/", REMOTE_ADDR=FLOODER)
    assert (page.status_code, page["X-Cache"]) == (200, "HIT")
    assert search(client, address=NEIGHBOUR).status_code == 200


def test_api_floods_are_refused_in_json(client):
    for _ in range(LIMIT):
        assert client.get("/api/v2/pages/", REMOTE_ADDR=FLOODER).status_code == 200
    refused = client.get("/api/v2/pages/", REMOTE_ADDR=FLOODER)
    assert_refused(refused)
    assert "Too many requests" in refused.json()["message"]


def test_contact_form_posts_are_limited(client):
    for _ in range(LIMIT):
        response = client.post("/contact/", {}, REMOTE_ADDR=FLOODER)
        assert response.status_code == 200
    assert_refused(client.post("/contact/", {}, REMOTE_ADDR=FLOODER))


def test_probes_are_never_limited(client):
    for _ in range(LIMIT + 10):
        assert client.get("/healthz", REMOTE_ADDR=FLOODER).status_code == 200
        assert client.get("/readyz", REMOTE_ADDR=FLOODER).status_code == 200


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_nothing_is_limited_and_nothing_fails(client):
    for _ in range(LIMIT + 5):
        assert search(client).status_code == 200
        assert client.get("/api/v2/pages/", REMOTE_ADDR=FLOODER).status_code == 200
    for _ in range(LIMIT + 5):
        assert client.post("/contact/", {}, REMOTE_ADDR=FLOODER).status_code == 200


def test_healthz_answers_before_the_cache_or_the_database(
    client, monkeypatch, django_assert_num_queries
):
    def hung(*args, **kwargs):
        raise TimeoutError("the cache stopped answering")

    monkeypatch.setattr(LocMemCache, "get", hung)
    monkeypatch.setattr(LocMemCache, "incr", hung)
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.fixture
def site_log():
    """What the site's console log handler (settings.LOGGING) writes."""
    console = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and h.filters
    )
    written = io.StringIO()
    stream = console.setStream(written)
    yield written
    console.setStream(stream)


def test_a_flood_logs_one_line_per_window_not_one_per_refusal(client, site_log):
    # make flood: Django's WARNING for each of 40,000 refusals in 30 s cost
    # the workers time and drowned the log.
    for _ in range(LIMIT + 20):
        search(client)
    logged = site_log.getvalue()
    assert logged.count("Rate limit reached on /search/ by 203.0.113.7") == 1
    assert "Too Many Requests" not in logged
    # Other client errors are still logged.
    client.get("/no-such-page/")
    assert "Not Found: /no-such-page/" in site_log.getvalue()
