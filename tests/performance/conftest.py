import uuid

import pytest
import redis

from bhp_portal.core import cache_backends

FAIL_OPEN_REDIS = "bhp_portal.core.cache_backends.FailOpenRedisCache"
# Nothing listens on port 1: every cache call fails as in a Redis outage.
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"


class SharedRedis:
    """The site's cache on a real Redis, under keys of one test's own, and
    ways to take that Redis away and bring it back."""

    def __init__(self, settings, redis_url):
        self.settings = settings
        self.prefix = f"test-{uuid.uuid4().hex}"
        self.server = redis.Redis.from_url(redis_url)
        self.config = self.cache_config(redis_url)

    def cache_config(self, location):
        return {
            "BACKEND": FAIL_OPEN_REDIS,
            "LOCATION": location,
            "KEY_PREFIX": self.prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }

    def up(self):
        # Also ends the back-off the outage started, as its 5 s would.
        cache_backends._state["down_until"] = 0.0
        self.settings.CACHES = {"default": self.config}

    def down(self):
        self.settings.CACHES = {"default": self.cache_config(CLOSED_PORT_URL)}

    def keys(self):
        return set(self.server.scan_iter(match=f"{self.prefix}:*"))

    def remove_keys(self):
        keys = self.keys()
        if keys:
            self.server.delete(*keys)


@pytest.fixture
def shared_redis(settings, redis_url, monkeypatch):
    """Redis as production uses it (cache.clear() would empty the whole
    database other tests share, so only this test's keys are removed)."""
    monkeypatch.setitem(cache_backends._state, "down_until", 0.0)
    shared = SharedRedis(settings, redis_url)
    shared.up()
    yield shared
    shared.remove_keys()
