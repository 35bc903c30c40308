"""Property tests: whatever query string a visitor sends to a public view, the
answer is never a server error and never echoes the input unescaped."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Public views and the query parameters each one reads.
PUBLIC_VIEWS = {
    "/": ["page"],
    "/about/": ["page"],
    "/about/governance/": [],
    "/contact/": [],
    "/search/": ["q", "query", "page", "type", "sort"],
    "/sitemap.xml": ["p", "page"],
    "/robots.txt": [],
    "/healthz": [],
    "/readyz": [],
    "/no-such-page/": ["q"],
}
# Parameters any view might be tempted to read.
COMMON = ["page", "q", "format", "order", "limit", "offset", "fields", "id"]
MARKER = "<x-probe>"
NASTY = [
    f"{MARKER}",
    f'"><script>{MARKER}</script>',
    "' OR 1=1 --",
    "\x00",
    "%00",
    "-1",
    "0",
    "99999999999999999999999",
    "1e308",
    "../../etc/passwd",
    "\u202e\ufeff",
    "a" * 3000,
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))


def query_strings(path):
    keys = st.one_of(
        st.sampled_from(PUBLIC_VIEWS[path] + COMMON), st.text(min_size=1, max_size=8)
    )
    pairs = st.lists(st.tuples(keys, values), max_size=4)
    return pairs.map(lambda items: urlencode(items))


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_VIEWS)
def test_public_view_survives_any_query_string(client, path):
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(query=query_strings(path))
    def check(query):
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, (query, response.status_code)
        content = b"".join(response) if response.streaming else response.content
        assert MARKER.encode() not in content, query

    check()
