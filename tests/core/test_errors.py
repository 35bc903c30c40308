import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory

from bhp_portal.core.views import server_error
from tests.utils import database_url, run_in_new_process, soup


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


DEV_ERROR_PAGES = """
import json, django
django.setup()
from django.test import Client
client = Client(headers={"X-Forwarded-Proto": "https"}, raise_request_exception=False)
print(json.dumps({path: [r.status_code, r.content.decode()] for path in
      ["/_dev/404/", "/_dev/500/"] for r in [client.get(path)]}))
"""


@pytest.mark.django_db
@pytest.mark.parametrize("debug", ["true", "false"])
def test_development_shows_the_sites_own_error_pages_at_dev_addresses(debug):
    # make run serves with debug on, where Django's technical pages replace
    # 404.html and 500.html; /_dev/ shows the site's own, and only there.
    env = {
        "DJANGO_DEBUG": debug,
        "DJANGO_SECRET_KEY": "dev-error-pages-test",
        "DJANGO_SETTINGS_MODULE": "bhp_portal.settings",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "WAGTAILADMIN_BASE_URL": "https://testserver",
        "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
        "PATH": "/usr/bin:/bin",
    }
    result = run_in_new_process(["-c", DEV_ERROR_PAGES], env)
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    status, body = pages["/_dev/404/"]
    assert status == 404
    assert BeautifulSoup(body, "html.parser").h1.get_text() == "Page not found"
    assert "Technical" not in body and "Traceback" not in body
    status, body = pages["/_dev/500/"]
    if debug == "true":
        assert status == 500
        assert "Sorry, something went wrong" in body
    else:
        assert status == 404  # no such address in production
        assert "Sorry, something went wrong" not in body
