"""A search narrowed to a kind of page (by its key or its section's name) finds
that kind of page."""

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("section", "query", "label"),
    [
        ("research", "health", "Research theme"),
        ("hdr-uk", "Cambridge", "HDR UK site"),
        ("partners", "Birmingham", "Partner"),
    ],
)
def test_a_section_name_narrows_to_its_pages(client, section, query, label):
    response = client.get("/search/", {"q": query, "type": section})
    assert response.status_code == 200
    types = {t.get_text() for t in soup(response).select(".search-result__type")}
    assert types == {label}
