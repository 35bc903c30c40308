"""Friendly error pages that never show a stack trace."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import path

from bhp_portal.urls import urlpatterns as site_urlpatterns
from tests.utils import ProxyClient, soup


def refuse(request):
    raise PermissionDenied


def explode(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [
    path("refuse/", refuse),
    path("explode/", explode),
    *site_urlpatterns,
]
handler500 = "bhp_portal.core.views.server_error"


def assert_friendly(response, status, heading):
    assert response.status_code == status
    html = soup(response)
    assert html.h1.get_text() == heading
    assert html.html["lang"] == "en-GB"
    for leak in ["Traceback", "secret internal detail", "django", "Request Method"]:
        assert leak not in response.text


@pytest.mark.django_db
def test_bad_host_gets_the_400_page():
    response = ProxyClient().get("/", headers={"Host": "evil.example"})
    assert_friendly(response, 400, "Bad request")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_permission_denied_gets_the_403_page(client):
    assert_friendly(client.get("/refuse/"), 403, "Access denied")


@pytest.mark.django_db
def test_missing_csrf_token_gets_the_form_expired_page():
    client = ProxyClient(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert_friendly(response, 403, "Your form has expired")


@pytest.mark.django_db
def test_unknown_page_gets_the_404_page(client):
    assert_friendly(client.get("/no/such/page/"), 404, "Page not found")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_crash_gets_the_500_page():
    client = ProxyClient(raise_request_exception=False)
    assert_friendly(client.get("/explode/"), 500, "Sorry, something went wrong")
