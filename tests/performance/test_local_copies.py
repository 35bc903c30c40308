"""Entries keyed by the page-cache generation never change once written, so
each process keeps their bytes and reads Redis for them only once
(core/cache_backends.py); everything else is read from Redis every time."""

from django.core.cache import cache


def test_a_generation_keyed_entry_is_read_from_redis_once(shared_redis):
    cache.set("until-change:7.1:main-menu:1", [{"title": "News"}], 60)
    first = cache.get("until-change:7.1:main-menu:1")
    shared_redis.remove_keys()
    second = cache.get("until-change:7.1:main-menu:1")
    assert first == second == [{"title": "News"}]
    # Each read is a fresh object: what one request changes, no other sees.
    second[0]["title"] = "Changed"
    assert cache.get("until-change:7.1:main-menu:1") == [{"title": "News"}]


def test_other_entries_are_read_from_redis_every_time(shared_redis):
    cache.set("page-cache:generation", 41, 60)
    assert cache.get("page-cache:generation") == 41
    shared_redis.remove_keys()
    assert cache.get("page-cache:generation") is None


def test_a_missing_entry_is_not_remembered(shared_redis):
    assert cache.get("until-change:7.2:main-menu:1") is None
    cache.set("until-change:7.2:main-menu:1", ["later"], 60)
    assert cache.get("until-change:7.2:main-menu:1") == ["later"]
