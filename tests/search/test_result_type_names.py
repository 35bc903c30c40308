"""A search narrowed by the site section's name finds that section's pages."""

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("section", "label"), [("research", "Research theme"), ("hdr-uk", "HDR UK site")]
)
def test_a_section_name_narrows_to_its_pages(client, section, label):
    response = client.get("/search/", {"q": "health", "type": section})
    assert response.status_code == 200
    types = {t.get_text() for t in soup(response).select(".search-result__type")}
    assert types == {label}
