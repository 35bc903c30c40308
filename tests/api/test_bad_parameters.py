"""Property test: whatever query string reaches the API, the answer is JSON
with status 200, 400 or 404, and never repeats markup it was sent."""

from urllib.parse import urlencode, urlsplit

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partners.factories import OrganisationFactory
from tests.security.test_bad_input import MARKER, values

LISTING = ["limit", "offset", "fields", "order", "search", "search_operator"]
ENDPOINTS = {
    "/api/v2/pages/": [
        *LISTING,
        "type",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "html_path",
        "slug",
        "title",
        "id",
    ],
    "/api/v2/pages/find/": ["html_path", "id"],
    "/api/v2/images/find/": ["id"],
    "/api/v2/documents/find/": ["id"],
    "/api/v2/organisations/find/": ["id"],
    "/api/v2/images/": [*LISTING, "title", "id"],
    "/api/v2/documents/": [*LISTING, "title"],
    "/api/v2/organisations/": [*LISTING, "name", "kind"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ENDPOINTS)
# Sixty requests from one address are a flood the rate limit would refuse
# (tests/security/test_request_floods.py); this test is about the answers.
@override_settings(RATE_LIMIT_REQUESTS=0)
def test_the_api_answers_any_query_string_without_a_server_error(client, path):
    keys = st.one_of(st.sampled_from(ENDPOINTS[path]), st.text(min_size=1, max_size=8))
    queries = st.lists(st.tuples(keys, values), max_size=3).map(urlencode)

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(query=queries)
    def check(query):
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 302, 400, 404), (query, response)
        assert MARKER.encode() not in response.content, query

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "organisations"])
@pytest.mark.parametrize("given", ["abc", "", "1.5", " 1"])
def test_find_refuses_an_id_that_is_not_a_whole_number(client, endpoint, given):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": given})
    assert response.status_code == 400
    assert response.json() == {"message": "id must be a whole number"}


@pytest.mark.django_db
def test_find_still_finds_by_id(client):
    organisation = OrganisationFactory()
    response = client.get("/api/v2/organisations/find/", {"id": organisation.pk})
    assert response.status_code == 302
    location = urlsplit(response["Location"]).path
    assert location == f"/api/v2/organisations/{organisation.pk}/"
