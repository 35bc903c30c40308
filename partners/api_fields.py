"""How organisations appear inside pages in the public API. Models import
this module, so it imports no API views."""

from rest_framework import serializers
from wagtail.api import APIField

from .models.organisations import Organisation

ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "slug",
    "kind",
    "description",
    "website",
    "town",
    "latitude",
    "longitude",
    "ods_code",
    "ror_id",
]


class OrganisationSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.name", default=None)

    class Meta:
        model = Organisation
        fields = ["id", *ORGANISATION_FIELDS, "parent"]


def nested_organisations(name, source=None, many=True):
    """Organisation records nested in a page's API fields."""
    return APIField(name, serializer=OrganisationSerializer(source=source, many=many))
