"""Every snippet listing in the admin can be searched and filtered, and the
search finds what it should while the filter narrows it."""

import pytest
from django.conf import settings
from wagtail.snippets.models import get_snippet_models

from bhp_portal.core.factories import KeyFactFactory
from tests.utils import soup

PROJECT_APPS = {name.split(".")[-1] for name in settings.PROJECT_APPS}
SNIPPETS = [
    model for model in get_snippet_models() if model._meta.app_label in PROJECT_APPS
]


def test_the_shared_records_are_snippets():
    labels = {model._meta.label for model in SNIPPETS}
    assert {"core.KeyFact", "partners.Organisation"} <= labels


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m._meta.label)
def test_snippet_listing_has_search_and_filters(model):
    viewset = model.snippet_viewset
    assert viewset.search_fields, model
    assert viewset.list_filter, model


@pytest.mark.django_db
def test_key_fact_listing_searches_and_filters(admin_client):
    KeyFactFactory(label="wards in the new hospital", source_name="Trust report")
    KeyFactFactory(label="volunteers this year", source_name="Charity accounts")
    url = "/admin/snippets/core/keyfact/"

    found = soup(admin_client.get(url, {"q": "wards"})).get_text()
    assert "wards in the new hospital" in found
    assert "volunteers this year" not in found

    filtered = soup(admin_client.get(url, {"source_name": "Charity accounts"}))
    assert "volunteers this year" in filtered.get_text()
    assert "wards in the new hospital" not in filtered.get_text()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
@pytest.mark.django_db
def test_editors_and_moderators_keep_key_facts_up_to_date(make_user, group):
    user = make_user("keeper", group)
    assert user.has_perms(["core.view_keyfact", "core.change_keyfact"])
    assert not user.has_perm("core.delete_keyfact")


@pytest.mark.django_db
def test_the_comms_team_cannot_change_key_facts(make_user):
    assert not make_user("carla", "Comms team").has_perm("core.change_keyfact")
