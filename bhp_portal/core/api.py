"""The public read-only API (wagtail.api.v2) at /api/v2/: what every
endpoint shares. Each content app declares its pages' `api_fields`;
bhp_portal/api.py wires the endpoints to URLs.

Only live, public content is served: Wagtail's endpoints already limit pages
to live ones without view restrictions, and leave out images and documents in
a collection with a privacy restriction (say, material for an embargoed press
release). Nothing can be written through the API.
"""

import re

from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .seo import JSON_SCRIPT_ESCAPES

INTEGER = re.compile(r"[-+]?\d+")
BIGINT_MAX = 2**63 - 1


class EscapedJSONRenderer(JSONRenderer):
    """JSON with <, > and & as \\u escapes: the same data, but nothing a
    client could mistake for markup, even where an error message repeats
    what was asked."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        text = super().render(data, accepted_media_type, renderer_context)
        return text.decode().translate(JSON_SCRIPT_ESCAPES).encode()


class PublicAPI:
    """JSON only (the browsable renderer needs inline scripts the site's CSP
    forbids), readable from other sites' pages, and a 400 for parameters
    Wagtail would otherwise fail on."""

    renderer_classes = [EscapedJSONRenderer]
    # The site's session only: DRF's default also accepts a password in a
    # Basic auth header, which would open private collections without the
    # second factor (core/two_factor.py).
    authentication_classes = [SessionAuthentication]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL refuses NUL in text; unchecked, it would be a 500.
        given = [
            (key, value) for key, values in request.GET.lists() for value in values
        ]
        if any("\x00" in key + value for key, value in given):
            raise BadRequestError("query parameters cannot contain NUL characters")
        # ids and offsets beyond PostgreSQL's bigint would fail in the query.
        if any(
            INTEGER.fullmatch(value) and abs(int(value)) > BIGINT_MAX
            for _, value in given
        ):
            raise BadRequestError("a number in the query is out of range")
        if request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def find_object(self, queryset, request):
        # Wagtail passes ?id= straight to the query, where "abc" or "1.5"
        # would raise a ValueError (a 500).
        if "id" in request.GET and not INTEGER.fullmatch(request.GET["id"]):
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class PublicPagesAPIViewSet(PublicAPI, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(PublicAPI, ImagesAPIViewSet):
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "card"]


class PublicDocumentsAPIViewSet(PublicAPI, DocumentsAPIViewSet):
    pass
