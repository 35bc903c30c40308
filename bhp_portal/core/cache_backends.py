"""A Redis cache that fails open: when Redis is unreachable, reads miss and
writes are dropped, so pages are built from the database instead of failing.
"""

import functools
import logging
import os
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
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


# Keys that contain the generation (core/cache.py): until_next_change's data,
# and {% wagtailcache %} fragments, which all vary on fragment_cache_key.
GENERATION_KEYED = (":until-change:", ":template.cache.")


class LocalCopies:
    """A small least-recently-used store of bytes, bounded in total size."""

    MAX_BYTES = 16 * 1024 * 1024
    MAX_ITEM_BYTES = 256 * 1024

    def __init__(self):
        self._items = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        if len(value) > self.MAX_ITEM_BYTES:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self._bytes += len(value)
            while self._bytes > self.MAX_BYTES:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)


_local = LocalCopies()


def packed_mget(keys):
    """MGET `keys` in Redis's protocol: what Connection.pack_command makes,
    for a command of one shape, at a fifth of its cost."""
    encoded = [key.encode() for key in keys]
    parts = [b"*%d\r\n$4\r\nMGET\r\n" % (len(keys) + 1)]
    parts.extend(b"$%d\r\n%s\r\n" % (len(key), key) for key in encoded)
    return b"".join(parts)


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

    @_miss(lambda keys: None)
    def mget_at_once(self, keys):
        """The raw values of `keys` (made keys; None for each one missing), in
        one MGET on a connection of this client's own, or None when Redis
        cannot answer. For page-cache hits (core/hits.py): the pool's lock,
        its check for unread data and the client's retry loop cost as much
        CPU as the round trip itself. Django's cache clients are per thread,
        so the connection is too; a forked process makes its own."""
        own = self.__dict__.get("_own_connection")
        if own is None or own[0] != os.getpid():
            pool = self._get_connection_pool(write=False)
            connection = pool.connection_class(**pool.connection_kwargs)
            own = self._own_connection = (os.getpid(), connection)
        connection = own[1]
        connection.send_packed_command([packed_mget(keys)], check_health=False)
        try:
            return connection.read_response()
        except ResponseError as error:
            # Not an outage (say, a server still loading its data): a miss.
            logger.warning("Cache read refused: %s", error)
            return None

    add = _miss(lambda *a: False)(RedisCacheClient.add)

    @_miss(lambda key, default: default)
    def get(self, key, default):
        """Entries whose key names the page-cache generation never change once
        written, so each process keeps a copy of their stored bytes and reads
        Redis only for the first of them. Each read still unpickles a fresh
        object: callers may change what they get."""
        if not any(marker in key for marker in GENERATION_KEYED):
            return super().get(key, default)
        value = _local.get(key)
        if value is None:
            value = self.get_client(key).get(key)
            if value is None:
                return default
            _local.put(key, value)
        return self._serializer.loads(value)

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

    def get_many_at_once(self, keys):
        """What get_many(keys) returns, read in one MGET on a connection of
        this thread's own (FailOpenRedisCacheClient.mget_at_once); nothing
        when Redis is down."""
        made = {self.make_key(key): key for key in keys}
        values = self._cache.mget_at_once(list(made))
        if not values:
            return {}
        loads = self._cache._serializer.loads
        return {
            made[key]: loads(value)
            for key, value in zip(made, values, strict=True)
            if value is not None
        }
