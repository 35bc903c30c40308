"""Counts kept in the shared cache for a window of time: the rate limit's
requests, the throttles' attempts, the day's new search terms. Each window
starts with its first count and is not extended by later ones."""

from django.core.cache import cache


def count(key, window):
    """This event's number in its window; 0 when the cache cannot count (it
    is down), which each caller reads as it must: let it go, or refuse."""
    try:
        number = cache.incr(key)
    except ValueError:
        # The window's first event, or the cache is down (then add() fails).
        if cache.add(key, 1, window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:
            return 0
    if number == 1:
        # Redis's INCR recreates a key that expired after Django checked it
        # was there, without an expiry; this gives it one.
        cache.touch(key, window)
    return number
