"""A search narrowed to a kind of page (by its slug or its section's name) finds
that kind of page; the kinds are those the page types declare."""

import pytest
from wagtail.models import get_page_models

from bhp_portal.core.search import OTHER_PAGES, result_type_of, result_types
from tests.utils import soup


@pytest.mark.django_db
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


def test_every_kind_of_page_has_its_own_filter_with_other_pages_last():
    # Page types declare their kind; none may take another's slug or alias.
    types = result_types()
    declared = {result_type_of(model) for model in get_page_models()}
    assert set(types.values()) == declared
    names = [*types, *(alias for kind in types.values() for alias in kind.aliases)]
    assert len(names) == len(set(names))
    assert list(types)[-1] == OTHER_PAGES.slug


@pytest.mark.django_db
def test_the_filters_follow_the_page_types(client):
    html = soup(client.get("/search/", {"q": "health"}))
    links = [a.get_text() for a in html.select(".search-types a")]
    assert links == ["All results", *(kind.plural for kind in result_types().values())]
