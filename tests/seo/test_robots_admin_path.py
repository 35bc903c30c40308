"""robots.txt keeps crawlers out of the admin wherever WAGTAIL_ADMIN_PATH
puts it."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def disallowed(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    return [
        line.removeprefix("Disallow: ")
        for line in response.content.decode().splitlines()
        if line.startswith("Disallow: ")
    ]


def test_the_default_admin_path(client):
    assert disallowed(client) == ["/admin/", "/search/"]


@override_settings(WAGTAIL_ADMIN_PATH="staff-only/cms/")
def test_a_configured_admin_path(client):
    assert disallowed(client) == ["/staff-only/cms/", "/search/"]
