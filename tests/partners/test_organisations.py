import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partners.factories import OrganisationFactory
from partners.models import Organisation
from partners.models.organisations import validate_ror_id
from tests.utils import soup

SNIPPETS = "/admin/snippets/partners/organisation/"


@pytest.mark.parametrize("ror_id", ["03angcq70", "052gg0110", "02JX3X895"])
def test_real_ror_ids_pass_their_checksum(ror_id):
    validate_ror_id(ror_id)


@pytest.mark.parametrize(
    "ror_id", ["03angcq71", "https://ror.org/03angcq70", "13angcq70", "03angcu70"]
)
def test_mistyped_ror_ids_are_refused(ror_id):
    with pytest.raises(ValidationError):
        validate_ror_id(ror_id)


@pytest.mark.django_db
def test_location_needs_both_coordinates_and_ods_codes_are_capitals():
    org = OrganisationFactory.build(
        name="Half located", latitude="52.4", ods_code="rrk"
    )
    with pytest.raises(ValidationError) as error:
        org.full_clean()
    assert set(error.value.message_dict) == {"longitude", "ods_code"}


@pytest.mark.django_db
def test_snippet_listing_filters_by_kind_and_searches(admin_client):
    html = soup(admin_client.get(SNIPPETS, {"kind": "nhs_trust"}))
    names = html.select_one("table").get_text()
    assert "University Hospitals Birmingham NHS Foundation Trust" in names
    assert "University of Oxford" not in names
    found = soup(admin_client.get(SNIPPETS, {"q": "Warw"})).select_one("table")
    assert "University of Warwick" in found.get_text()


@pytest.mark.django_db
def test_a_bad_ror_id_in_the_admin_is_a_form_error(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_partners_organisation:add"),
        {
            "name": "Test Institute",
            "slug": "test-institute",
            "kind": "research_institute",
            "ror_id": "03angcq71",
        },
    )
    assert response.status_code == 200
    assert "check digits" in response.content.decode()
    assert not Organisation.objects.filter(name="Test Institute").exists()


@pytest.mark.django_db
def test_an_organisation_in_use_cannot_be_deleted_from_under_its_pages():
    uob = Organisation.objects.get(name="University of Birmingham")
    with pytest.raises(Exception, match="protected"):
        uob.delete()
