"""Counting a visitor's attempts in the shared cache, for limits measured in
minutes (privacy passwords, enquiries). The first attempt opens a window;
later ones do not extend it, and its end is kept to tell the visitor when to
come back. A cache outage lets attempts through rather than failing the page:
the cache fails open."""

import ipaddress
import math
import time

from axes.helpers import get_client_ip_address
from django.core.cache import cache

from . import counters


def visitor(request):
    """The client's address; for IPv6 its /64, which one household or server
    usually holds whole and could otherwise walk through."""
    address = get_client_ip_address(request) or ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def count_attempt(key, window):
    # The window's end is kept to tell the visitor when to come back.
    if counters.count(key, window) == 1:
        cache.set(f"{key}:until", time.time() + window, window)


def seconds_to_wait(key, limit, window):
    """0 while the visitor may still try, else the seconds left."""
    counted = cache.get_many([key, f"{key}:until"])
    if counted.get(key, 0) < limit:
        return 0
    until = counted.get(f"{key}:until", time.time() + window)
    return max(1, math.ceil(until - time.time()))
