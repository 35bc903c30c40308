"""The site served for real: gunicorn processes with production settings on a
committed copy of the test database (migrated, with the demo content), and
Debian's Chromium driven by Playwright.

Browser tests (tests/browser, tests/e2e) and the scale-out test share this.
The copy is made with PostgreSQL's CREATE DATABASE ... TEMPLATE. `make test`
installs Chromium (or says how); a missing browser fails the tests, never
skips them.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connections
from psycopg2 import sql

from tests.utils import database_url

BASE_DIR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SUPERUSER = ("site-admin", "live-site-test-password")  # throwaway database
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _wait_until(ready, seconds, what):
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {seconds} s")
        time.sleep(0.2)


def pytest_collection_modifyitems(items):
    # pytest-django makes only the test databases the collected tests ask for;
    # the live site copies the default one, so its tests ask for it, even when
    # they are the only ones run (make screenshots).
    for item in items:
        if "live_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def redis_url():
    if _listening(6379):
        yield "redis://127.0.0.1:6379/13"
        return
    # CI machines may not run Redis; start a private one.
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    _wait_until(lambda: _listening(port), 10, "redis-server")
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@contextlib.contextmanager
def database_copy(suffix, django_db_blocker):
    """A committed copy of the test database, as a DATABASE_URL; dropped after."""
    source = settings.DATABASES["default"]["NAME"]
    name = f"{source}_{suffix}"
    server = psycopg2.connect(database_url("postgres"))
    server.autocommit = True

    def run(statement):
        with server.cursor() as cursor:
            names = sql.Identifier(name), sql.Identifier(source)
            cursor.execute(sql.SQL(statement).format(*names))

    run("DROP DATABASE IF EXISTS {0} WITH (FORCE)")
    with django_db_blocker.unblock():
        # A template database must have no other sessions.
        connections.close_all()
        run("CREATE DATABASE {0} TEMPLATE {1}")
    try:
        yield database_url(name)
    finally:
        run("DROP DATABASE IF EXISTS {0} WITH (FORCE)")
        server.close()


def app_env(database_url, cache_url, host, **extra):
    """Production settings (debug off) for a copy of the site."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "live-site-test-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": host,
        "WAGTAILADMIN_BASE_URL": f"https://{host}",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        # Keys of their own, so nothing else on this Redis interferes.
        "CACHE_KEY_PREFIX": f"live-{uuid.uuid4().hex}",
        "IMAGE_RENDITIONS_ON_SAVE": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    """Runs a management command against the copy, as an operator would."""
    return subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def start_gunicorn(env, port, *options):
    return subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "bhp_portal.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            *options,
        ],
        cwd=BASE_DIR,
        env=env,
    )


def stop_gunicorn(process):
    process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
    process.wait(timeout=20)


class LiveSite:
    """The demo site over HTTPS at `url`, as a visitor's browser reaches it
    through the TLS proxy (gunicorn terminates TLS with a throwaway
    certificate, so Secure cookies, HSTS and the CSP's upgrade-insecure-requests
    behave as in production)."""

    def __init__(self, env, certificate_dir):
        self.env = env
        self.port = free_port()
        self.url = f"https://localhost:{self.port}"
        self.env.update(
            DJANGO_CSRF_TRUSTED_ORIGINS=self.url,
            WAGTAILADMIN_BASE_URL=self.url,
            # No web server or object store in front: the app serves uploads.
            SERVE_MEDIA="true",
        )
        cert, key = certificate_dir / "cert.pem", certificate_dir / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
            + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"]
            + ["-addext", "subjectAltName=DNS:localhost"],
            check=True,
            capture_output=True,
        )
        self.process = start_gunicorn(
            env, self.port, "--workers=2", f"--certfile={cert}", f"--keyfile={key}"
        )
        _wait_until(self.ready, 60, "gunicorn")

    def ready(self):
        return _listening(self.port)

    def manage(self, *args):
        return manage(self.env, *args)

    def fetch(self, path):
        """Status and body of `path`, fetched outside the browser."""
        import ssl

        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            with urllib.request.urlopen(  # noqa: S310 (our own test server)
                self.url + path, context=context, timeout=30
            ) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self):
        stop_gunicorn(self.process)


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker, redis_url, tmp_path_factory):
    """The demo site served by gunicorn over HTTPS, with a superuser
    (SUPERUSER) for tests that sign in to the admin."""
    with database_copy("live", django_db_blocker) as database_url:
        env = app_env(
            database_url,
            redis_url,
            "localhost",
            DJANGO_SUPERUSER_PASSWORD=SUPERUSER[1],
            BHP_REQUIRE_2FA="false",
        )
        manage(
            env,
            "createsuperuser",
            "--noinput",
            f"--username={SUPERUSER[0]}",
            "--email=site-admin@example.org",
        )
        site = LiveSite(env, tmp_path_factory.mktemp("tls"))
        yield site
        site.stop()


def chromium_path():
    """CHROMIUM_PATH, else Debian's chromium (`make test` installs it)."""
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            f"no browser at {path}: run `make test-tools` (or set CHROMIUM_PATH)"
        )
    return path


@pytest.fixture(scope="module")
def browser(live_site):
    """Chromium, for one test module at a time. Playwright's event loop makes
    Django think it runs in async code and refuse the queries pytest-django
    makes around each test; they are synchronous, so that guard is lifted
    while the browser is open."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with (
        pytest.MonkeyPatch.context() as patch,
        sync_playwright() as playwright,
    ):
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=executable, args=BROWSER_ARGS
        )
        yield chromium
        chromium.close()
        # Connections opened while the loop ran belong to its context.
        connections.close_all()


@pytest.fixture
def new_page(browser, live_site):
    """Opens a tab of a fresh browser profile (no cookies) at a viewport width;
    closes them all after the test."""
    contexts = []

    def open_page(width=1280, height=900):
        context = browser.new_context(
            base_url=live_site.url,
            ignore_https_errors=True,
            viewport={"width": width, "height": height},
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
