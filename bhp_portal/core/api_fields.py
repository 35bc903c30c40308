"""Serializers the content types' `api_fields` share (see core/api.py). No
imports of the API's views here: models import this module."""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from .images import filter_specs

# The card size in JPEG, which every client reads. It is made when an image is
# saved, so API calls never create renditions.
CARD_JPEG = next(spec for spec in filter_specs("card") if "jpeg|fill-800x450" in spec)


def card_rendition(name):
    """An image field as a card-sized rendition: url, width, height, alt."""
    return APIField(name, serializer=ImageRenditionField(CARD_JPEG))


class PageLinkSerializer(serializers.Serializer):
    """Another page, as a link: enough to show it and to ask the API for more."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, page):
        return page.get_full_url(self.context.get("request"))


def page_links(name, source):
    """A list of other pages (live, public ones: `source` must see to that)."""
    return APIField(name, serializer=PageLinkSerializer(source=source, many=True))


class KeyFactSerializer(serializers.Serializer):
    """One of a page's key facts (a KeyFactLink), with its source."""

    figure = serializers.CharField(source="key_fact.figure")
    unit = serializers.CharField(source="key_fact.unit")
    label = serializers.CharField(source="key_fact.label")
    source_name = serializers.CharField(source="key_fact.source_name")
    source_url = serializers.CharField(source="key_fact.source_url")
    as_of = serializers.DateField(source="key_fact.as_of")


def key_facts():
    """The page's `key_facts` links (see core.models.KeyFactLink)."""
    return APIField("key_facts", serializer=KeyFactSerializer(many=True))
