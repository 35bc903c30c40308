"""Two app servers sharing one PostgreSQL database and one Redis: a change made
through either (or by any other process) is what both serve at once.

The servers are real gunicorn processes with production settings, so they
need a committed database of their own: the test copies the test database
(migrated, with the demo content) and drops the copy afterwards.
"""

import re
import time
import urllib.error
import urllib.request
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from bhp_portal.core.models import StandardPage
from tests.live_site import (
    app_env,
    database_copy,
    free_port,
    manage,
    start_gunicorn,
    stop_gunicorn,
)
from tests.utils import news_article_form

ADMIN_PASSWORD = "scale-out-test-password"  # noqa: S105 (throwaway database)

# Asks pytest-django for the test database, which shared_database copies.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_database(django_db_setup, django_db_blocker):
    with database_copy("scale", django_db_blocker) as url:
        yield url


@pytest.fixture(scope="module")
def shared_env(shared_database, redis_url):
    env = app_env(
        shared_database,
        redis_url,
        "127.0.0.1",
        DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
    )
    manage(env, "createsuperuser", "--noinput", "--username=editor", "--email=e@x.org")
    return env


class AppServer:
    """One gunicorn instance, and a minimal browser for it."""

    def __init__(self, env):
        self.port = free_port()
        self.cookies = {}
        self.process = start_gunicorn(env, self.port, "--workers=1")

    def wait_ready(self):
        deadline = time.monotonic() + 60
        while True:
            try:
                self.get("/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def request(self, path, data=None):
        # Cookies are kept by hand: they are Secure, and the TLS proxy the
        # site expects is played by the X-Forwarded-Proto header.
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Referer"] = f"https://127.0.0.1:{self.port}{path}"
            data = urlencode(data).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", data=data, headers=headers
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        body = response.read().decode()
        return response.status, response.headers, body

    def get(self, path):
        return self.request(path)

    def csrf_post(self, path, data):
        _, _, form = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        return self.request(path, {**data, "csrfmiddlewaretoken": token.group(1)})

    def stop(self):
        stop_gunicorn(self.process)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def servers(shared_env):
    a, b = AppServer(shared_env), AppServer(shared_env)
    a.wait_ready()
    b.wait_ready()
    yield a, b
    a.stop()
    b.stop()


@pytest.fixture(scope="module")
def editor_on_a(servers):
    """Instance A, signed in to its admin as a superuser."""
    a, _ = servers
    status, _, _ = a.csrf_post(
        "/admin/login/", {"username": "editor", "password": ADMIN_PASSWORD}
    )
    assert status == 302
    return a


def title(body):
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


def test_a_change_published_anywhere_is_served_by_every_instance_at_once(
    servers, shared_env
):
    a, b = servers
    about = StandardPage.objects.get(slug="about").title
    for server in (a, b):
        server.get("/about/")
        status, headers, body = server.get("/about/")
        assert (status, headers["X-Cache"], title(body)) == (200, "HIT", about)

    # A third process (an editor's script, the publish_scheduled cron job).
    manage(
        shared_env,
        "shell",
        "-c",
        "from bhp_portal.core.models import StandardPage; "
        "page = StandardPage.objects.get(slug='about'); "
        "page.title = 'About the partnership'; page.save_revision().publish()",
    )
    for server in (a, b):
        status, headers, body = server.get("/about/")
        assert (status, headers["X-Cache"]) == (200, "MISS")
        assert title(body) == "About the partnership"


def test_an_article_published_in_one_instances_admin_is_listed_by_the_other(
    servers, editor_on_a, news_index
):
    _, b = servers
    b.get("/news/")
    status, headers, body = b.get("/news/")
    assert (status, headers["X-Cache"]) == (200, "HIT")
    assert "Scale-out story" not in body

    add_form = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    article = news_article_form(
        "Scale-out story", date=date.today().isoformat(), **{"action-publish": "1"}
    )
    status, _, _ = editor_on_a.csrf_post(add_form, article)
    assert status == 302

    status, headers, body = b.get("/news/")
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert "Scale-out story" in body
    assert b.get("/news/scale-out-story/")[0] == 200


def test_unpublishing_in_one_instances_admin_removes_the_page_from_the_other(
    servers, editor_on_a
):
    a, b = servers
    b.get("/privacy/")
    assert b.get("/privacy/")[1]["X-Cache"] == "HIT"

    # The copy shares the test database's ids.
    page_id = StandardPage.objects.get(slug="privacy").pk
    status, _, _ = a.csrf_post(f"/admin/pages/{page_id}/unpublish/", {})
    assert status == 302

    assert b.get("/privacy/")[0] == 404
