"""A Redis cache that fails open: when Redis is unreachable, reads miss and
writes are dropped, so pages are built from the database instead of failing.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
# After a failure, skip Redis for this long instead of paying the connect
# timeout on every cache call of every request.
BACKOFF_SECONDS = 5.0
_state = {"down_until": 0.0}


def _miss(fallback):
    """Run the client call; when Redis is down, log it and return what a
    cache miss (or a dropped write) would: fallback(*call arguments)."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args):
            if time.monotonic() >= _state["down_until"]:
                try:
                    return method(self, *args)
                except REDIS_DOWN as error:
                    _state["down_until"] = time.monotonic() + BACKOFF_SECONDS
                    logger.warning("Cache unavailable, serving without it: %s", error)
            return fallback(*args)

        return call

    return decorate


def _missing_key(key, delta):
    # What incr() does for a key that is not there; callers already handle it.
    raise ValueError(f"Key {key!r} not found.")


class FailOpenRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, made once. Django builds a
        new one for every cache call, and redis-py's constructor fills a table
        of ~170 reply parsers each time: about 0.5 ms per call, and a page
        makes several. The client is thread-safe; the pool does the work."""
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]

    add = _miss(lambda *a: False)(RedisCacheClient.add)
    get = _miss(lambda key, default: default)(RedisCacheClient.get)
    set = _miss(lambda *a: None)(RedisCacheClient.set)
    touch = _miss(lambda *a: False)(RedisCacheClient.touch)
    delete = _miss(lambda *a: False)(RedisCacheClient.delete)
    get_many = _miss(lambda *a: {})(RedisCacheClient.get_many)
    has_key = _miss(lambda *a: False)(RedisCacheClient.has_key)
    incr = _miss(_missing_key)(RedisCacheClient.incr)
    set_many = _miss(lambda data, timeout: list(data))(RedisCacheClient.set_many)
    delete_many = _miss(lambda *a: None)(RedisCacheClient.delete_many)
    clear = _miss(lambda *a: False)(RedisCacheClient.clear)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenRedisCacheClient
