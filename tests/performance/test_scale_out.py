"""Two app servers sharing one PostgreSQL database and one Redis: a change made
through either (or by any other process) is what both serve at once.

The servers are real gunicorn processes with production settings, so they
need a committed database of their own: the test copies the test database
(migrated, with the demo content) and drops the copy afterwards.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg2
import pytest
from django.conf import settings
from django.db import connections
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ADMIN_PASSWORD = "scale-out-test-password"  # noqa: S105 (throwaway database)

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs PostgreSQL",
    ),
    # Asks pytest-django for the test database, which shared_database copies.
    pytest.mark.django_db,
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_up(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def redis_url():
    if redis_up(6379):
        yield "redis://127.0.0.1:6379/13"
        return
    # CI machines may not run Redis; start a private one for this test.
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if redis_up(port):
            break
        time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def shared_database(django_db_setup, django_db_blocker):
    """A committed copy of the test database (migrated, with the demo content),
    made with PostgreSQL's CREATE DATABASE ... TEMPLATE in a second or two."""
    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_scale"
    server = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"],
    )
    server.autocommit = True

    def run(statement, *names):
        with server.cursor() as cursor:
            cursor.execute(sql.SQL(statement).format(*map(sql.Identifier, names)))

    run("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    with django_db_blocker.unblock():
        # A template database must have no other sessions.
        connections.close_all()
        run("CREATE DATABASE {} TEMPLATE {}", name, db["NAME"])
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    yield f"postgres://{auth}{db['HOST']}:{db['PORT']}/{name}"
    run("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    server.close()


@pytest.fixture(scope="module")
def app_env(shared_database, redis_url):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "scale-out-test-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": shared_database,
        "CACHE_URL": redis_url,
        # Keys of their own, so nothing else on this Redis interferes.
        "CACHE_KEY_PREFIX": f"scale-{uuid.uuid4().hex}",
        "IMAGE_RENDITIONS_ON_SAVE": "false",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }
    env.pop("REDIS_URL", None)
    manage(env, "createsuperuser", "--noinput", "--username=editor", "--email=e@x.org")
    return env


def manage(env, *args):
    return subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


class AppServer:
    """One gunicorn instance, and a minimal browser for it."""

    def __init__(self, env):
        self.port = free_port()
        self.cookies = {}
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "bhp_portal.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=1",
                "--log-level=warning",
            ],
            cwd=BASE_DIR,
            env=env,
        )

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
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        self.process.wait(timeout=20)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def servers(app_env):
    a, b = AppServer(app_env), AppServer(app_env)
    a.wait_ready()
    b.wait_ready()
    yield a, b
    a.stop()
    b.stop()


def title(body):
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


def test_a_change_published_anywhere_is_served_by_every_instance_at_once(
    servers, app_env
):
    a, b = servers
    for server in (a, b):
        server.get("/about/")
        status, headers, body = server.get("/about/")
        assert (status, headers["X-Cache"], title(body)) == (200, "HIT", "About BHP")

    # A third process (an editor's script, the publish_scheduled cron job).
    manage(
        app_env,
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


def test_unpublishing_in_one_instances_admin_removes_the_page_from_the_other(
    servers,
):
    a, b = servers
    b.get("/privacy/")
    assert b.get("/privacy/")[1]["X-Cache"] == "HIT"

    status, _, _ = a.csrf_post(
        "/admin/login/", {"username": "editor", "password": ADMIN_PASSWORD}
    )
    assert status == 302
    _, _, explorer = a.get("/admin/pages/search/?q=Privacy+notice")
    page_id = re.search(r"/admin/pages/(\d+)/edit/", explorer).group(1)
    status, _, _ = a.csrf_post(f"/admin/pages/{page_id}/unpublish/", {})
    assert status == 302

    assert b.get("/privacy/")[0] == 404
