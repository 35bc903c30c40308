"""Signing out of the admin: what the browser is told always matches the
session on the server. Only a POST ends the session; a GET (a bookmark, a
typed address) asks to confirm and leaves the session and its cookie alone.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from tests.security.conftest import verify_second_factor
from tests.utils import ProxyClient, soup

LOGOUT_URL = "/admin/logout/"

pytestmark = pytest.mark.usefixtures("require_2fa")


@pytest.fixture
def editor_client(admin_user):
    client = ProxyClient()
    client.force_login(admin_user)
    verify_second_factor(client, admin_user)
    return client


def session_key(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def told_to_forget_the_session(response):
    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie is not None and cookie["max-age"] == 0


def still_signed_in(key):
    """Whether the session `key` names still opens the admin."""
    client = ProxyClient()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client.get("/admin/").status_code == 200


def test_get_asks_to_confirm_and_keeps_the_session(editor_client):
    key = session_key(editor_client)
    response = editor_client.get(LOGOUT_URL)
    assert response.status_code == 200
    form = soup(response).select_one(f'main form[action="{LOGOUT_URL}"]')
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert form.select_one("button[type=submit]").get_text(strip=True) == "Sign out"
    assert not told_to_forget_the_session(response)
    assert still_signed_in(key)
    assert "successfully logged out" not in editor_client.get("/admin/").text


def test_post_ends_the_session_on_the_server_too(editor_client):
    key = session_key(editor_client)
    response = editor_client.post(LOGOUT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert told_to_forget_the_session(response)
    assert not SessionStore(session_key=key).exists(key)
    assert not still_signed_in(key)


@pytest.mark.parametrize("method", ["get", "head", "options", "put", "delete", "post"])
def test_the_browser_is_told_what_the_server_did(editor_client, method):
    key = session_key(editor_client)
    response = getattr(editor_client, method)(LOGOUT_URL)
    assert told_to_forget_the_session(response) == (not still_signed_in(key))


def test_get_without_a_session_goes_to_the_sign_in(client, db):
    response = client.get(LOGOUT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not told_to_forget_the_session(response)
