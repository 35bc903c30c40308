from .cache import fragment_cache_key


def fragment_cache(request):
    """`fragment_cache_key` for `{% wagtailcache %}`: fragments are keyed by
    site and cache generation, so publishing retires them with the pages."""
    return {"fragment_cache_key": fragment_cache_key(request)}
