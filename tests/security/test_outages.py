"""Health probes and what visitors see when the database or Redis is down."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection, transaction

from bhp_portal.core import cache_backends
from bhp_portal.core.cache_backends import FailOpenRedisCache
from bhp_portal.core.models import HomePage

CLOSED_PORT = "127.0.0.1:1"


def test_healthz_answers_without_the_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_probes_answer_over_plain_http_for_the_load_balancer(db):
    from django.test import Client

    assert Client().get("/healthz").status_code == 200
    assert Client().get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_reports_database_and_cache_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "tasks": "ok",
        "oldest_task_wait_seconds": 0.0,
    }


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The site configured with Redis on a port where nothing listens, and no
    back-off left over from an earlier test's outage."""
    monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
    settings.CACHES = {
        "default": {
            "BACKEND": "bhp_portal.core.cache_backends.FailOpenRedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    assert isinstance(caches["default"], FailOpenRedisCache)


@pytest.mark.django_db
@pytest.mark.usefixtures("redis_down")
def test_redis_down_pages_are_served_from_the_database(client, caplog):
    for path in ["/", "/about/", "/contact/"]:
        assert client.get(path).status_code == 200
    assert "Cache unavailable" in caplog.text


@pytest.mark.django_db
@pytest.mark.usefixtures("redis_down")
def test_redis_down_makes_readyz_fail_without_detail(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
        "tasks": "ok",
        "oldest_task_wait_seconds": 0.0,
    }
    assert CLOSED_PORT not in response.text


@pytest.mark.usefixtures("redis_down")
def test_fail_open_cache_behaves_as_an_empty_cache():
    cache = caches["default"]
    cache.set("key", "value")
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_or_set("key", "computed") == "computed"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("key", 1) is False
    cache.delete_many(["a"])
    with pytest.raises(ValueError):
        cache.incr("counter")


# With the database unreachable the checks run in a fresh process, so the
# test database connection of this one is left alone.
DATABASE_DOWN_SCRIPT = """
import json, django
django.setup()
from django.test import Client
client = Client(headers={"X-Forwarded-Proto": "https"}, raise_request_exception=False)
results = {}
for path in ["/", "/about/", "/healthz", "/readyz"]:
    response = client.get(path)
    results[path] = [response.status_code, response.content.decode(),
                     response.get("Retry-After")]
print(json.dumps(results))
"""


def test_database_down_public_pages_answer_a_friendly_503():
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@{CLOSED_PORT}/bhp",
        "DJANGO_CONN_MAX_AGE": "0",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DATABASE_DOWN_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout.strip().splitlines()[-1])
    for path in ["/", "/about/"]:
        status, body, retry_after = results[path]
        assert status == 503
        assert "Service temporarily unavailable" in body
        assert retry_after == "30"
        for leak in ["Traceback", "OperationalError", "5432", CLOSED_PORT]:
            assert leak not in body
    assert results["/healthz"][0] == 200
    status, body, _ = results["/readyz"]
    assert status == 503
    assert json.loads(body)["database"] == "unavailable"
    assert CLOSED_PORT not in body


def test_the_redis_cache_makes_one_client_per_server_and_uses_it(
    redis_url, monkeypatch
):
    # Not inside the back-off an earlier outage test started.
    monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
    cache = FailOpenRedisCache(redis_url, {"KEY_PREFIX": "client-reuse-test"})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    cache.set("key", {"value": 1}, 30)
    assert cache.get("key") == {"value": 1}
    assert cache._cache.get_client() is client
    cache.delete("key")


def cancelled_query(self, request, *args, **kwargs):
    """A real PostgreSQL error that is no outage: the query is cancelled by
    its statement timeout. The savepoint keeps the test's transaction usable."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(1)")


@pytest.mark.django_db
def test_a_database_error_that_is_no_outage_is_a_logged_500(
    client, monkeypatch, caplog
):
    # Security round two, item 10: a bug must not pass for an outage.
    monkeypatch.setattr(HomePage, "get_context", cancelled_query)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Service temporarily unavailable" not in response.content.decode()
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert logged
    assert logged[-1].exc_info[0] is OperationalError
    assert "statement timeout" in str(logged[-1].exc_info[1])
