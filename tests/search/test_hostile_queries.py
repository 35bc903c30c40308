"""Odd or hostile input answers 200 or 400, escapes what it echoes, never 500."""

import pytest

from tests.utils import soup

HOSTILE = {
    "empty": "",
    "spaces": "     ",
    "script": "<script>alert('x')</script>",
    "attribute": '" onmouseover="alert(1)',
    "sql": "'; DROP TABLE wagtailcore_page; --",
    "sql-or": "1' OR '1'='1",
    "nul": "bhp\x00research",
    "quote": '"unbalanced',
    "brackets": "(((cancer",
    "operators": "cancer & | ! <-> :*",
    "tsquery": "!!! & ||",
    "emoji": "🩺🧬 cancer",
    "rtl": "\u202ebhp",
    "percent": "100% %s %(x)s",
    "backslash": "\\\\",
    "wildcards": "* ? %",
    "long": "cancer " * 700,
    "unicode-letters": "résumé naïve Ångström",
    "boolean-words": "AND OR NOT",
    "colon-filter": "title:cancer",
}


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_query_answers_safely(client, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code in (200, 400)
    body = response.content.decode()
    assert "<script>alert" not in body
    assert 'onmouseover="alert' not in body
    html = soup(response)
    assert len(html.select("h1")) == 1
    if response.status_code == 400:
        assert html.select_one("[role=alert]").get_text(strip=True)


@pytest.mark.django_db
def test_long_query_is_cut_to_200_characters_and_says_so(client):
    html = soup(client.get("/search/", {"q": "a" * 5000}))
    assert len(html.select_one("#search-query")["value"]) == 200
    assert "first 200 characters" in html.select_one(".search__notice").get_text()


@pytest.mark.django_db
def test_nul_bytes_are_refused_with_a_message(client):
    response = client.get("/search/", {"q": "bhp\x00"})
    assert response.status_code == 400
    assert "Null characters" in soup(response).select_one("[role=alert]").get_text()


@pytest.mark.django_db
def test_echoed_query_is_escaped(client):
    response = client.get("/search/", {"q": "<b>bold</b>"})
    html = soup(response)
    assert not html.select("main b")
    assert "&lt;b&gt;bold&lt;/b&gt;" in response.content.decode()


@pytest.mark.django_db
def test_only_get_and_head_are_allowed(client):
    assert client.post("/search/", {"q": "bhp"}).status_code == 405
    assert client.head("/search/?q=bhp").status_code == 200
