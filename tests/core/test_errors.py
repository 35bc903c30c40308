import pytest
from django.test import RequestFactory

from bhp_portal.core.views import server_error
from tests.utils import run_in_new_process, soup


@pytest.mark.django_db
def test_unknown_address_gets_the_friendly_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text() == "Page not found"
    assert html.select_one('nav[aria-label="Main"]')
    assert "Traceback" not in response.text


@pytest.mark.django_db
def test_500_page_needs_no_database(django_assert_max_num_queries):
    # The database may be what failed, so the page must not touch it.
    with django_assert_max_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off(tmp_path):
    env = {"DJANGO_DEBUG": "false", "DJANGO_SETTINGS_MODULE": "bhp_portal.settings"}
    result = run_in_new_process(
        ["-c", "import django; django.setup()"], {**env, "PATH": "/usr/bin:/bin"}
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    env = {"DJANGO_DEBUG": "true", "DJANGO_SETTINGS_MODULE": "bhp_portal.settings"}
    result = run_in_new_process(
        ["-c", "import django; django.setup()"], {**env, "PATH": "/usr/bin:/bin"}
    )
    assert result.returncode == 0, result.stderr
