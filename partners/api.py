"""Organisations in the public API: nested in partner, HDR UK and news pages,
and as their own endpoint at /api/v2/organisations/."""

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from bhp_portal.core.api import PublicAPI

from .api_fields import ORGANISATION_FIELDS
from .models import Organisation


class OrganisationsAPIViewSet(PublicAPI, BaseAPIViewSet):
    """Every organisation record: BHP's members and partners, HDR UK sites'
    members, the networks. Public facts only (names, identifiers, places)."""

    name = "organisations"
    model = Organisation
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    body_fields = [*BaseAPIViewSet.body_fields, *ORGANISATION_FIELDS, "parent"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "short_name",
        "kind",
    ]

    def get_queryset(self):
        return Organisation.objects.select_related("parent").order_by("name")
