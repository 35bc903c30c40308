"""Page-cache hits answered before Django (core/hits.py, the WSGI layer that
bhp_portal/wsgi.py puts around the site): the same copy PageCacheMiddleware
would send, and nothing it would not.

Django's test client fills the cache (it runs the site without the WSGI
layer); the layer is then called with a WSGI environ, in front of a stand-in
that records what reached Django. With local memory and with a real Redis,
where the layer reads on a connection of its own."""

import io
import socket
import sys

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches

from bhp_portal.core import cache_backends
from bhp_portal.core.cache import forget_database_generation
from bhp_portal.core.factories import StandardPageFactory
from bhp_portal.core.hits import PageCacheHits
from tests.performance.conftest import SharedRedis
from tests.security.test_headers import assert_every_security_header
from tests.utils import soup

pytestmark = pytest.mark.django_db


class Django:
    """Stands in for the site behind the layer: records what reached it."""

    def __init__(self):
        self.paths = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        start_response("200 OK", [("X-Served-By", "Django")])
        return [b"rendered by Django"]


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return dict(self.headers).get(name)


@pytest.fixture
def django_app():
    return Django()


@pytest.fixture
def layer(django_app):
    layer = PageCacheHits(django_app)

    def get(path, query="", method="GET", **meta):
        environ = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            # The TLS proxy's header, as the test client sends it.
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            **meta,
        }
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=status, headers=headers)

        body = b"".join(layer(environ, start_response))
        return Answer(started["status"], started["headers"], body)

    get.reached_django = django_app.paths
    return get


# A db of these tests' own on the tests' Redis (tests/live_site.py: db 13).
REDIS_DB = 11


@pytest.fixture(params=["local memory", "redis"])
def backend(request, settings, redis_url, monkeypatch):
    if request.param == "redis":
        monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
        shared = SharedRedis(settings, f"{redis_url.rsplit('/', 1)[0]}/{REDIS_DB}")
        shared.up()
        yield shared
        shared.remove_keys()
    else:
        yield None


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(title="About us", slug="about-us")
    page.save_revision().publish()
    return page


def test_a_hit_is_the_copy_django_serves_headers_and_all(client, layer, about, backend):
    miss = client.get("/about-us/")
    hit = client.get("/about-us/")
    assert (miss["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")

    answer = layer("/about-us/")
    assert answer.status == "200 OK"
    assert layer.reached_django == []
    assert answer.body == miss.content == hit.content
    assert answer.headers == list(hit.items())
    assert answer.header("X-Cache") == "HIT"
    assert answer.header("Content-Length") == str(len(miss.content))
    assert_every_security_header(hit)  # what the layer sent, as a response


def test_head_gets_the_headers_without_the_body(client, layer, about, backend):
    client.get("/about-us/")
    hit = client.get("/about-us/")
    answer = layer("/about-us/", method="HEAD")
    assert (answer.header("X-Cache"), answer.body) == ("HIT", b"")
    assert answer.headers == list(hit.items())


def test_parameters_the_page_ignores_are_a_hit_of_the_plain_page(
    client, layer, backend
):
    client.get("/news/")
    client.get("/news/?page=2")
    plain = layer("/news/", query="utm_source=mail")
    assert (plain.header("X-Cache"), plain.body) == (
        "HIT",
        client.get("/news/").content,
    )
    second = layer("/news/", query="page=2&utm_source=mail")
    assert second.body == client.get("/news/?page=2").content
    assert layer.reached_django == []


def test_a_publish_is_served_at_once(client, layer, about, backend):
    client.get("/about-us/")
    assert layer("/about-us/").header("X-Cache") == "HIT"
    about.title = "About Birmingham Health Partners"
    about.save_revision().publish()
    answer = layer("/about-us/")
    assert answer.body == b"rendered by Django"
    # Django renders the new version, and the layer serves that from then on.
    client.get("/about-us/")
    assert "About Birmingham Health Partners" in layer("/about-us/").body.decode()


@pytest.mark.parametrize(
    "meta",
    [
        {"HTTP_COOKIE": "sessionid=not-even-a-valid-session"},
        {"HTTP_COOKIE": "messages=a-notice"},
        {"HTTP_AUTHORIZATION": "Bearer token"},
    ],
    ids=["session cookie", "messages cookie", "authorization"],
)
def test_visitors_who_may_see_their_own_page_reach_django(
    client, layer, about, backend, meta
):
    client.get("/about-us/")
    assert layer("/about-us/").header("X-Cache") == "HIT"
    assert layer("/about-us/", **meta).body == b"rendered by Django"


def test_a_signed_in_editor_reaches_django(client, layer, about, admin_user, backend):
    client.get("/about-us/")
    session = SessionStore()
    session["_auth_user_id"] = str(admin_user.pk)
    session.save()
    answer = layer("/about-us/", HTTP_COOKIE=f"sessionid={session.session_key}")
    assert answer.header("X-Served-By") == "Django"


@pytest.mark.parametrize("path", ["/admin/", "/documents/1/x.pdf", "/healthz"])
def test_the_admin_documents_and_probes_reach_django(client, layer, backend, path):
    assert layer(path).header("X-Served-By") == "Django"
    assert layer.reached_django == [path]


def test_searches_and_the_api_reach_django_to_be_counted(client, layer, backend):
    client.get("/search/?q=cancer")
    assert client.get("/search/?q=cancer")["X-Cache"] == "HIT"
    assert layer("/search/", query="q=cancer").header("X-Served-By") == "Django"
    assert layer("/api/v2/pages/").header("X-Served-By") == "Django"


def test_post_reaches_django(client, layer, about, backend):
    client.get("/about-us/")
    assert layer("/about-us/", method="POST").header("X-Served-By") == "Django"


def test_spellings_of_the_host_share_the_copy(client, layer, about, backend):
    client.get("/about-us/", HTTP_HOST="localhost")
    for spelling in ["localhost", "LOCALHOST", "localhost.", "localhost:443"]:
        answer = layer("/about-us/", HTTP_HOST=spelling)
        assert answer.header("X-Cache") == "HIT", spelling


@pytest.mark.parametrize(
    "host", ["evil.example", "localhost:99999999999999999999", "localhost:0"]
)
def test_a_host_django_refuses_gets_django_s_400(client, layer, about, backend, host):
    client.get("/about-us/", HTTP_HOST="localhost")
    assert layer("/about-us/", HTTP_HOST=host).header("X-Served-By") == "Django"
    # What Django answers it with.
    assert client.get("/about-us/", HTTP_HOST=host).status_code == 400


def test_the_database_generation_check_is_left_to_django(client, layer, about, backend):
    client.get("/about-us/")
    forget_database_generation()  # As when PAGE_CACHE_GENERATION_CHECK_SECONDS ran out.
    assert layer("/about-us/").header("X-Served-By") == "Django"
    # Django's request reads it again (a hit there), and the layer answers again.
    assert client.get("/about-us/")["X-Cache"] == "HIT"
    assert layer("/about-us/").header("X-Cache") == "HIT"


def test_pages_that_are_never_stored_reach_django(client, layer, backend):
    client.get("/contact/")
    assert "csrftoken" in client.get("/contact/").cookies
    assert layer("/contact/").header("X-Served-By") == "Django"


# --- Redis going away ------------------------------------------------------


@pytest.fixture
def redis(settings, redis_url, monkeypatch):
    monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
    shared = SharedRedis(settings, f"{redis_url.rsplit('/', 1)[0]}/{REDIS_DB}")
    shared.up()
    yield shared
    shared.remove_keys()


def own_connection_id(redis):
    """The server's id for the layer's own connection."""
    own = caches["default"]._cache._own_connection[1]._sock.getsockname()
    address = f"{own[0]}:{own[1]}"
    return next(c["id"] for c in redis.server.client_list() if c["addr"] == address)


def test_redis_restarting_under_a_hit_hands_the_request_to_django(
    client, layer, about, redis
):
    client.get("/about-us/")
    assert layer("/about-us/").header("X-Cache") == "HIT"
    # The server drops the layer's connection, as a restart would.
    redis.server.client_kill_filter(_id=own_connection_id(redis))
    answer = layer("/about-us/")
    assert answer.header("X-Served-By") == "Django"
    # The site itself renders without the cache meanwhile (the back-off).
    page = client.get("/about-us/")
    assert page.status_code == 200
    assert soup(page).h1.get_text(strip=True) == "About us"
    # Once the back-off is over the layer connects again.
    redis.up()
    client.get("/about-us/")
    assert layer("/about-us/").header("X-Cache") == "HIT"


def test_redis_down_hands_every_request_to_django(client, layer, about, redis):
    client.get("/about-us/")
    assert layer("/about-us/").header("X-Cache") == "HIT"
    redis.down()
    assert layer("/about-us/").header("X-Served-By") == "Django"
    page = client.get("/about-us/")
    assert page.status_code == 200
    assert soup(page).h1.get_text(strip=True) == "About us"


def test_redis_not_answering_in_time_hands_the_request_to_django(
    client, layer, about, redis, settings
):
    client.get("/about-us/")
    # A server that accepts the connection and never answers.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    try:
        config = redis.cache_config(f"redis://127.0.0.1:{silent.getsockname()[1]}/0")
        config["OPTIONS"]["socket_timeout"] = 0.2
        settings.CACHES = {"default": config}
        assert layer("/about-us/").header("X-Served-By") == "Django"
    finally:
        silent.close()
