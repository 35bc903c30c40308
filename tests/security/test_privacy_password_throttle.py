"""Guesses at the passwords of private pages and document collections are
limited per visitor and per restriction: after ten wrong answers in fifteen
minutes every answer, even the right one, gets a 429 until the window ends."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from bhp_portal import settings as project_settings
from bhp_portal.core.cache_backends import FailOpenRedisCache
from bhp_portal.core.factories import StandardPageFactory
from tests.utils import ProxyClient, soup

THROTTLE = "bhp_portal.core.privacy_throttle.PrivacyPasswordThrottleMiddleware"
PASSWORD = "partners-only-2026"
WRONG_ANSWER = "The password you have entered is not correct"


def private_page(title):
    page = StandardPageFactory(title=title)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


@pytest.fixture
def briefing(db):
    return private_page("Partner briefing")


@pytest.fixture
def other_briefing(db):
    return private_page("Board briefing")


@pytest.fixture
def drafts_restriction(db):
    collection = Collection.get_first_root_node().add_child(name="Partner drafts")
    return CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )


def answer_page(client, private, password, **meta):
    page, restriction = private
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
    )
    return client.post(url, {"password": password, "return_url": page.url}, **meta)


def answer_document(client, restriction, password, **meta):
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    return client.post(url, {"password": password, "return_url": "/"}, **meta)


def assert_refused(response):
    assert response.status_code == 429
    assert 890 <= int(response["Retry-After"]) <= 900
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Too many wrong passwords"
    assert "Try again in 15 minutes" in html.main.get_text(" ", strip=True)


def test_the_throttle_is_listed_in_middleware():
    middleware = project_settings.MIDDLEWARE
    assert THROTTLE in middleware
    assert middleware.index(THROTTLE) > middleware.index(
        "django.middleware.csrf.CsrfViewMiddleware"
    )


def test_the_right_password_first_time_opens_the_page(client, briefing):
    page, _ = briefing
    response = answer_page(client, briefing, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == page.url
    opened = soup(client.get(page.url))
    assert opened.h1.get_text(strip=True) == "Partner briefing"
    assert not opened.select_one("input[type=password]")


def test_after_ten_wrong_answers_even_the_right_one_is_refused(client, briefing):
    page, _ = briefing
    for _ in range(10):
        response = answer_page(client, briefing, "guess")
        assert response.status_code == 200
        assert WRONG_ANSWER in response.text
    assert_refused(answer_page(client, briefing, PASSWORD))
    assert soup(client.get(page.url)).select_one("input[type=password]")


def test_the_limit_is_per_restriction_and_per_visitor(client, briefing, other_briefing):
    for _ in range(10):
        answer_page(client, briefing, "guess")
    assert answer_page(client, briefing, PASSWORD).status_code == 429
    assert answer_page(client, other_briefing, PASSWORD).status_code == 302
    another_visitor = ProxyClient(REMOTE_ADDR="192.0.2.7")
    assert answer_page(another_visitor, briefing, PASSWORD).status_code == 302


def test_addresses_in_one_ipv6_network_share_the_count(briefing):
    for n in range(1, 11):
        answer_page(ProxyClient(), briefing, "guess", REMOTE_ADDR=f"2001:db8::{n}")
    neighbour = answer_page(
        ProxyClient(), briefing, PASSWORD, REMOTE_ADDR="2001:db8::ffff"
    )
    assert_refused(neighbour)
    elsewhere = answer_page(
        ProxyClient(), briefing, PASSWORD, REMOTE_ADDR="2001:db8:0:1::1"
    )
    assert elsewhere.status_code == 302


def test_document_passwords_are_limited_too(client, drafts_restriction):
    for _ in range(10):
        response = answer_document(client, drafts_restriction, "guess")
        assert response.status_code == 200
        assert WRONG_ANSWER in response.text
    assert_refused(answer_document(client, drafts_restriction, PASSWORD))


def test_right_answers_are_not_counted(client, briefing):
    for _ in range(12):
        assert answer_page(client, briefing, PASSWORD).status_code == 302


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "bhp_portal.core.cache_backends.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    assert isinstance(caches["default"], FailOpenRedisCache)


@pytest.mark.usefixtures("redis_down")
def test_with_redis_down_answers_are_not_limited_and_nothing_breaks(client, briefing):
    for _ in range(12):
        assert answer_page(client, briefing, "guess").status_code == 200
    assert answer_page(client, briefing, PASSWORD).status_code == 302
